from itertools import pairwise

import pytest
from hypothesis import given, settings
from strategies import texts_of

from mkdocs_blogposts.dialect.code_regions import split_blocks, split_code


def code_parts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_code(text) if s.code]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain\n",
        "a `b` c\n```\nx\n```\n\n    indented\n",
        "```\nnever closed\n",
        "- item\n\n    continuation\n",
        "<div>\n\n    inside html\n\n</div>\n",
        "``a`` ` b\n",
    ],
)
def test_segments_cover_the_text_exactly(text):
    segments = split_code(text)
    assert "".join(text[s.start : s.end] for s in segments) == text
    assert all(a.end == b.start for a, b in pairwise(segments))


def test_fenced_blocks_backticks_and_tildes():
    text = "a\n```jsx {19-23}\n<img />\n```\nb\n~~~~\n<div />\n~~~~\n"
    assert code_parts(text) == ["```jsx {19-23}\n<img />\n```\n", "~~~~\n<div />\n~~~~\n"]


def test_a_fence_closes_only_on_its_own_kind_and_length():
    text = "````md\n```\ninner\n```\n````\nafter\n"
    assert code_parts(text) == ["````md\n```\ninner\n```\n````\n"]


def test_indented_fences_inside_lists_and_components():
    text = "1. Step\n\n   ```js\n   import x from 'y'\n   ```\n\n<Sandpack>\n\n```js\nA\n```\n\n</Sandpack>\n"
    assert code_parts(text) == ["   ```js\n   import x from 'y'\n   ```\n", "```js\nA\n```\n"]


def test_unclosed_fence_runs_to_the_end():
    assert code_parts("a\n```\n<b />\n") == ["```\n<b />\n"]


def test_indented_code_after_a_blank_line():
    text = "Para\n\n    <figure />\n    more\n\nback\n"
    assert code_parts(text) == ["    <figure />\n    more\n"]


def test_indented_lines_without_a_blank_line_are_a_paragraph():
    assert code_parts("Para\n    continued <b>\n") == []


def test_list_continuations_are_not_code():
    assert code_parts("- item\n\n    still the item <figure />\n") == []


def test_indentation_inside_html_blocks_is_not_code():
    text = '<div className="flex">\n\n    ![img](/x.png)\n\n</div>\n\n    real code\n'
    assert code_parts(text) == ["    real code\n"]


def test_inline_code_spans():
    text = "Use `<img />` or ``a ` b`` but not \\`this`.\n"
    assert code_parts(text) == ["`<img />`", "``a ` b``"]


def test_inline_code_does_not_cross_paragraphs():
    assert code_parts("a ` b\n\nc ` d\n") == []


def test_an_html_block_with_a_tag_over_several_lines_holds_no_indented_code():
    text = (
        "<div style={{\n    display: 'flex',\n}}>\n    <img src=\"/a.png\" />\n\n"
        '    <img src="/b.png" />\n\n</div>\n\n    real code\n'
    )
    assert code_parts(text) == ["    real code\n"]


# Lines that move the line-by-line reader between its states: fences of both kinds
# and lengths, closing runs, indentation by spaces and tabs, blank lines (with
# white space), list items, HTML blocks, and a line break that is not "\n".
_TEXTS = texts_of(
    [
        "",
        " ",
        "\u3000",
        "text",
        "```",
        "```js",
        "````",
        "~~~",
        "~~~~ x",
        "``` `a` ",
        " ```",
        "   ~~~",
        "    ```",
        "\t```",
        "    code",
        "\tcode",
        "  \tcode",
        "   x",
        "- item",
        "1. item",
        "<div>",
        "</div>",
        "<figure>",
        "  <img />",
        "\xa0```",
        "a ``` b",
        "```\r",
        "~~~~~~",
    ],
    max_lines=14,
)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_the_blocks_cover_the_text_in_order(text):
    segments = split_blocks(text)
    assert "".join(text[s.start : s.end] for s in segments) == text
    assert all(a.end == b.start for a, b in pairwise(segments))


def test_fences_and_indented_html_lines():
    text = "Intro\n\n<figure>\n    <img />\n</figure>\n\n```py\nx\n```\n"
    assert [text[s.start : s.end] for s in split_blocks(text) if s.code] == ["```py\nx\n```\n"]
