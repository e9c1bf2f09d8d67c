from hypothesis import given, settings
from strategies import texts_of

from mkdocs_blogposts.dialect.code_regions import split_blocks
from mkdocs_blogposts.dialect.headings import demote_headings, has_h1


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


@settings(max_examples=1000, deadline=None)
@given(_TEXTS)
def test_demoted_text_has_no_h1_and_keeps_code(text):
    demoted = demote_headings(text)
    assert not has_h1(demoted)
    code = [text[s.start : s.end] for s in split_blocks(text) if s.code]
    assert code == [demoted[s.start : s.end] for s in split_blocks(demoted) if s.code]
