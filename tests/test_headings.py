import re

from hypothesis import given, settings
from strategies import texts_of

from mkdocs_blogposts.code_regions import split_blocks
from mkdocs_blogposts.headings import demote_headings, has_h1


def test_has_h1():
    assert has_h1("# Title\n")
    assert has_h1("Title\n=====\n")
    assert not has_h1("## Two\n\n```\n# comment in code\n```\n")
    assert not has_h1("#hashtag is not a heading\n")


def test_demotes_every_level_outside_code():
    text = "# One\n\n## Two\n\n###### Six\n\n```py\n# code\n```\n\n    # indented code\n"
    assert demote_headings(text) == (
        "## One\n\n### Two\n\n###### Six\n\n```py\n# code\n```\n\n    # indented code\n"
    )


def test_setext_headings():
    assert demote_headings("One\n===\n\nTwo\n---\n") == "One\n---\n\n### Two\n"


def test_thematic_breaks_and_lists_are_not_headings():
    text = "Para\n\n---\n\n- item\n---\n"
    assert demote_headings(text) == text


# --- The same rules as plain MULTILINE regexes over each run outside code: slow,
# but obviously right; the module's faster scanning must agree with it.

_ATX_M = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)", re.MULTILINE)
_SETEXT_M = re.compile(
    r"^(?P<title>[ ]{0,3}(?![-*+][ \t]|\d+[.)][ \t]|[#>|<])\S[^\n]*)\n"
    r"(?P<rule>[ ]{0,3}(?P<ch>[=-])(?P=ch)*[ \t]*)$",
    re.MULTILINE,
)


def _reference(text: str) -> tuple[bool, str]:
    h1 = False
    out, cursor = [], 0
    for s in split_blocks(text):
        if s.code:
            continue
        chunk = text[s.start : s.end]
        h1 = h1 or any(len(m[2]) == 1 for m in _ATX_M.finditer(chunk))
        h1 = h1 or any(m["ch"] == "=" for m in _SETEXT_M.finditer(chunk))
        chunk = _ATX_M.sub(lambda m: m[1] + m[2] + ("#" if len(m[2]) < 6 else ""), chunk)
        chunk = _SETEXT_M.sub(
            lambda m: f"{m['title']}\n---" if m["ch"] == "=" else f"### {m['title'].strip()}",
            chunk,
        )
        out += [text[cursor : s.start], chunk]
        cursor = s.end
    return h1, "".join([*out, text[cursor:]])


_TEXTS = texts_of(
    [
        "",
        "# A",
        "#B",
        "## B",
        "###### F",
        "   # C",
        "    # code",
        "Title",
        "===",
        "---",
        " == ",
        "- item",
        "1. one",
        "> quote",
        "<div>",
        "```",
        "~~~",
        "#",
        "x =",
        "\t# t",
    ],
    max_lines=10,
)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
def test_agrees_with_multiline_regexes(text):
    h1, demoted = _reference(text)
    assert has_h1(text) == h1
    assert demote_headings(text) == demoted
