"""Property-based tests: whatever the input, only the plugin's own errors, and sound HTML."""

import string
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_blogposts.dates import parse_date
from mkdocs_blogposts.dialect.html_names import VOID_ELEMENTS
from mkdocs_blogposts.dialect.jsx import close_open_blocks, convert
from mkdocs_blogposts.errors import DateError, PostError
from mkdocs_blogposts.reading import parse_post

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

yaml_ish = st.text(alphabet=string.printable + "äé漢\ufeff\x00", max_size=300)


@FAST
@given(st.binary(max_size=400))
def test_any_bytes_give_a_post_or_a_post_error(data):
    try:
        parse_post(data, "blog/p.md", "blog/p.md")
    except PostError as e:
        assert str(e).startswith("blog/p.md")


@FAST
@given(yaml_ish, yaml_ish)
def test_any_front_matter_gives_a_post_or_a_post_error(front, body):
    try:
        post = parse_post(f"---\n{front}\n---\n{body}".encode(), "blog/p.md", "blog/p.md")
    except PostError as e:
        assert e.diagnostic.path == "blog/p.md"
        assert e.diagnostic.message
    else:
        assert post.title


@FAST
@given(
    st.one_of(
        st.text(max_size=40),
        st.from_regex(
            r"\d{1,5}[-/]\d{1,3}[-/]\d{1,3}([T ]\d{1,2}:\d{1,2}(:\d{1,2})?(Z|[+-]\d{2}:?\d{2})?)?",
            fullmatch=True,
        ),
        st.from_regex(r"[A-Za-z]{3,9}\.? \d{1,2},? \d{4}", fullmatch=True),
        st.integers(),
        st.floats(),
        st.lists(st.integers(), max_size=2),
        st.dates(),
        st.datetimes(),
    )
)
def test_any_date_value_gives_a_date_or_a_date_error(value):
    try:
        date = parse_date(value)
    except DateError as e:
        assert str(e)
    else:
        assert date.iso


@FAST
@given(st.text(alphabet=string.printable + "漢é", max_size=400))
def test_the_converter_never_raises(text):
    result = convert(text)
    assert isinstance(result.text, str)
    close_open_blocks(text)


# Well-formed JSX trees made of words, HTML elements and components.
WORD = st.text(alphabet=string.ascii_letters + string.digits, min_size=1, max_size=8)
ATTRIBUTE = st.sampled_from(
    [
        ' className="a b"',
        " className={'c'}",
        ' class="x" className="y"',
        " style={{ maxWidth: '80%', marginTop: 8 }}",
        " width={256}",
        " tabIndex={0}",
        " hidden",
        ' data-x="1"',
        "",
    ]
)
ELEMENT = st.sampled_from(
    ["div", "span", "p", "section", "figure", "figcaption", "strong", "em", "aside"]
)


def trees(depth=3):
    leaf = st.one_of(
        WORD,
        st.builds(lambda n, a: f"<{n}{a} />", ELEMENT, ATTRIBUTE),
        st.just('<img src="a.png" alt="a" />'),
    )
    if depth == 0:
        return leaf
    inner = st.lists(trees(depth - 1), max_size=3).map(" ".join)
    return st.one_of(
        leaf,
        st.builds(lambda n, a, body: f"<{n}{a}>{body}</{n}>", ELEMENT, ATTRIBUTE, inner),
        st.builds(lambda body: f"<Intro>{body}</Intro>", inner),
    )


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.text = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            self.ok = False  # a non-void element left self-closing

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False

    def handle_data(self, data):
        self.text.append(data)


def _words(html):
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker, " ".join("".join(checker.text).split())


@settings(max_examples=300, deadline=None)
@given(st.lists(trees(), min_size=1, max_size=4).map("\n\n".join))
def test_converted_jsx_is_well_formed_html_with_its_text_kept(source):
    out = convert(source).text
    checker, words = _words(out)
    assert checker.ok, out
    assert not checker.stack, out
    _, source_words = _words(source.replace("<Intro>", "").replace("</Intro>", ""))
    assert words == source_words
    assert "className" not in out
    assert "style={{" not in out
