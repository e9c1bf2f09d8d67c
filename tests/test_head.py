import re

from strategies import given_pieces

from mkdocs_blogposts.head import _HEAD_ITEM, _Head, _note, _read_head, add_to_head, text_of

PAGE = (
    "<!doctype html><html><head>\n"
    '<!-- <meta name="description" content="in a comment"> -->\n'
    '<script>var s = \'<link rel="canonical" href="x">\';</script>\n'
    '<meta charset="utf-8">\n'
    "<meta content='Site-wide, with a > sign' name=description>\n"
    "</head><body><p>Body</p></body></html>"
)


def test_the_theme_description_is_replaced_and_a_canonical_link_added():
    out = add_to_head(PAGE, "<meta x>\n", description="Post <one>", canonical="https://e.org/p/")
    head = out[: out.index("</head>")]
    assert "Site-wide" not in head
    assert head.count('name="description"') == 1 + head.count("in a comment")
    assert '<meta name="description" content="Post &lt;one&gt;">' in head
    assert '<link rel="canonical" href="https://e.org/p/">' in head
    assert "<meta x>" in head
    assert out.endswith("<body><p>Body</p></body></html>")


def test_tags_in_comments_and_scripts_do_not_count():
    page = PAGE.replace("<meta content='Site-wide, with a > sign' name=description>\n", "")
    out = add_to_head(page, "", description="Mine", canonical="https://e.org/p/")
    head = out[: out.index("</head>")]
    assert "in a comment" in head  # left as it was
    assert head.count('<meta name="description" content="Mine">') == 1
    assert '<link rel="canonical" href="https://e.org/p/">' in head


def test_an_existing_canonical_link_is_kept():
    page = PAGE.replace(
        "<meta charset", '<LINK REL="Canonical" href="https://e.org/theirs/"><meta charset'
    )
    out = add_to_head(page, "", canonical="https://e.org/mine/")
    assert "mine" not in out


def test_a_page_without_head_is_left_alone():
    assert add_to_head("<p>fragment</p>", "<meta x>", description="d") == "<p>fragment</p>"


def test_text_of_counts_alt_text():
    assert text_of('<p>A <b>bold</b> <img alt="cat" src="c.png"> move</p>') == "A bold cat move"


# The head pattern before it was made possessive, kept here as the reference.
_BACKTRACKING_HEAD_ITEM = re.compile(
    r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<(meta|link)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL | re.IGNORECASE,
)
_HEAD_PIECES = [
    "<meta",
    "<link",
    "<META",
    "<script>",
    "</script>",
    "<style>",
    "</style >",
    "<!--",
    "-->",
    ' name="description"',
    " name='x>y'",
    ' content="a > b"',
    " rel=canonical",
    ' "',
    " '",
    ">",
    "/>",
    " x",
    "x",
    "\n",
]


@given_pieces(_HEAD_PIECES, 14, examples=3000)
def test_the_head_reader_finds_what_the_backtracking_pattern_found(head):
    def items(pattern: re.Pattern[str]) -> list[tuple[int, int, str | None, str | None]]:
        return [(m.start(), m.end(), m[2], m[3]) for m in pattern.finditer(head)]

    assert items(_HEAD_ITEM) == items(_BACKTRACKING_HEAD_ITEM)


def _read_every_item(head: str) -> _Head:
    """`_read_head` as it was before it stopped after the last keyword: the reference."""
    found = _Head()
    for item in _HEAD_ITEM.finditer(head):
        _note(found, item)
    return found


_KEYWORD_PIECES = [
    *_HEAD_PIECES,
    " name=description",
    ' name="Description"',
    " content=description",
    ' rel="canonical"',
    " rel='alternate CANONICAL'",
    " canonical",
    "description",
]


@given_pieces(_KEYWORD_PIECES, 16, examples=3000)
def test_reading_the_head_stops_early_without_missing_anything(head):
    assert _read_head(head) == _read_every_item(head)
