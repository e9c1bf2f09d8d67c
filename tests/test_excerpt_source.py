import pytest

from mkdocs_blogposts.dialect.excerpt_source import (
    excerpt_markdown,
    reading_minutes,
    remove_separators,
)


@pytest.mark.parametrize(
    "marker", ["<!-- more -->", "<!--more-->", "<!-- truncate -->", "{/* truncate */}"]
)
def test_text_before_a_marker(marker):
    body = f"First *para*.\n\nSecond.\n\n{marker}\n\nThe rest.\n"
    assert excerpt_markdown(body) == "First *para*.\n\nSecond."
    assert "The rest." in remove_separators(body)
    assert marker not in remove_separators(body)


def test_a_marker_inside_code_is_not_a_marker():
    body = "Intro.\n\n```md\n<!-- more -->\n```\n\nLater.\n"
    assert excerpt_markdown(body) == "Intro."
    assert remove_separators(body) == body


def test_custom_separators():
    assert excerpt_markdown("A.\n\n<!-- cut -->\n\nB.\n", ["<!-- cut -->"]) == "A."


def test_first_paragraph_of_prose_skips_headings_figures_and_code():
    body = (
        "import X from 'x'\n\n# Heading\n\n<figure>\n  <img src=\"/a.png\" />\n</figure>\n\n"
        "![alt](/b.png)\n\n```js\nconst a = 1\n```\n\n    indented code\n\n"
        "The first *real* paragraph\nthat wraps.\n\nSecond paragraph.\n"
    )
    assert excerpt_markdown(body) == "The first *real* paragraph\nthat wraps."


def test_never_the_whole_post():
    assert excerpt_markdown("# Only a heading\n\n- and\n- a list\n") is None
    assert excerpt_markdown("") is None


def test_reading_time_counts_prose_not_code_or_markup():
    prose = "word " * 460
    code = "\n\n```\n" + "token " * 5000 + "\n```\n"
    markup = '<figure><img src="/a/very/long/path.png" alt="" /></figure>\n'
    assert reading_minutes(prose, 230) == 2
    assert reading_minutes(prose + code + markup, 230) == 2
    assert reading_minutes("", 230) == 1
    assert reading_minutes("word " * 461, 230) == 3


def test_reading_time_for_scripts_without_spaces():
    assert reading_minutes("漢" * 920, 230) == 2
