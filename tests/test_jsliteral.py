import re

import pytest

from mkdocs_blogposts.dialect.jsliteral import NotALiteral, parse_literal


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("256", 256),
        ("-1.5", -1.5),
        ("1_000", 1000),
        ('"a \\"b\\""', 'a "b"'),
        ("'it\\'s'", "it's"),
        ("`plain template`", "plain template"),
        ("'\\u00e9'", "é"),
        ("true", True),
        ("null", None),
        ("[1, 'two', [3],]", [1, "two", [3]]),
        ("{ maxWidth: '80%', marginTop: 8 }", {"maxWidth": "80%", "marginTop": 8}),
        ("{'quoted-key': 1, \"other\": 2, 3: 'x'}", {"quoted-key": 1, "other": 2, "3": "x"}),
        ("{ a: 1, // comment\n /* block */ b: 2, }", {"a": 1, "b": 2}),
        ("{ title: 'T', tags: ['a', 'b'] };", {"title": "T", "tags": ["a", "b"]}),
    ],
)
def test_plain_literals(text, value):
    assert parse_literal(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("props.toc", "'props' needs JavaScript"),
        ("{ a: b }", "'b' needs JavaScript"),
        ("`${x}`", "template literal with ${...}"),
        ("{ ...rest }", "a spread needs JavaScript"),
        ("1 + 2", "unexpected text after the value"),
        ("{ a: 1", "expected ',' or '}'"),
        ("'open", "unterminated string"),
        ("", "unexpected end"),
        ("[" * 300 + "]" * 300, "nested too deeply"),
    ],
)
def test_what_needs_javascript_is_refused(text, message):
    with pytest.raises(NotALiteral, match=re.escape(message)):
        parse_literal(text)
