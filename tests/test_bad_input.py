"""Hostile and broken input, one case each, through a real build.

Each case asserts the outcome: the message names the file (and line) and says what
to fix; the build fails where the page cannot be trusted and only warns otherwise;
nothing raises past MkDocs (a traceback would fail the test as an error); and the
good post beside the bad one is unharmed when the build goes on.
"""

import json
import logging
import time
import xml.etree.ElementTree as ET

import pytest
from sitekit import png

GOOD = ('title: "Good Post"\ndate: 2020-01-01', "Good body.\n")


@pytest.fixture
def blog(site):
    site.config["site_url"] = "https://example.org/"
    site.config["plugins"] = ["search", {"blogposts": {"public_dir": "public"}}]
    site.post("good.md", *GOOD)
    (site.root / "public").mkdir()
    return site


def failed(result, where, *fragments):
    """The build stopped with one error naming `where` and saying each fragment."""
    assert result.error is not None
    errors = " ".join(result.messages(logging.ERROR))
    assert where in errors, errors
    for fragment in fragments:
        assert fragment in errors, errors
    return errors


def warned(result, where, *fragments):
    """The build went on (it is not strict), with a warning naming `where`."""
    assert result.error is None, result.messages(logging.ERROR)
    warnings = " ".join(result.messages(logging.WARNING))
    assert where in warnings, warnings
    for fragment in fragments:
        assert fragment in warnings, warnings
    page = result.html("blog/good/")
    assert page.select_one(".blogposts-title").get_text() == "Good Post"
    return warnings


def test_invalid_yaml(blog):
    blog.write("docs/blog/bad.md", '---\ntitle: "T"\nsubtitle: a: b\n---\nBody\n')
    failed(blog.build(strict=False), "docs/blog/bad.md:3:", "not valid YAML", "quot")


def test_front_matter_never_closed(blog):
    blog.write("docs/blog/bad.md", '---\ntitle: "T"\n\nBody that never ends the front matter.\n')
    failed(blog.build(strict=False), "docs/blog/bad.md:1:", "never closed", "add a line '---'")


def test_an_empty_file_is_left_out_with_a_warning(blog):
    blog.write("docs/blog/empty.md", "")
    result = blog.build(strict=False)
    warned(result, "docs/blog/empty.md", "the file is empty; write the post or delete the file")
    assert not (blog.out / "blog" / "empty").exists()
    assert blog.build().error is not None  # --strict fails on it


def test_a_file_that_is_only_front_matter(blog):
    blog.write("docs/blog/only.md", '---\ntitle: "Only Front Matter"\ndate: 2021-01-01\n---\n')
    result = blog.build(strict=False)
    warned(result, "docs/blog/only.md:5:", "front matter but no text after it")
    assert (
        result.html("blog/only/").select_one(".blogposts-title").get_text() == "Only Front Matter"
    )


def test_a_yaml_alias_bomb_is_refused_quickly(blog):
    levels = ["a: &a [x,x,x,x,x,x,x,x,x]"] + [
        f"{b}: &{b} [{','.join(['*' + a] * 9)}]"
        for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    front = "\n".join(levels)
    assert len(front) < 400
    blog.write("docs/blog/bomb.md", f"---\n{front}\n---\nBody\n")
    start = time.monotonic()
    failed(blog.build(strict=False), "docs/blog/bomb.md:2:", "expands to more than 10,000 values")
    assert time.monotonic() - start < 10


def test_a_yaml_alias_loop_is_refused(blog):
    blog.write("docs/blog/loop.md", "---\na: &a [*a]\n---\nBody\n")
    failed(blog.build(strict=False), "docs/blog/loop.md:2:", "refers to itself")


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("2023-02-30", "February 2023 has 28 days"),
        ("2023-13-01", "months run from 1 to 12"),
        ("soon", "is not a date"),
    ],
)
def test_impossible_dates(blog, value, fragment):
    blog.post("bad.md", f'title: "T"\ndate: "{value}"')
    failed(blog.build(strict=False), "docs/blog/bad.md:3:", fragment)


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("title: [a, b]", "'title' must be text, not a list"),
        ("subtitle: {a: 1}", "'subtitle' must be text, not a mapping"),
        ("excerpt: [x]", "'excerpt' must be text"),
        ("date: [2020]", "'date': expected a date"),
        ("updated: true", "'updated': expected a date"),
        ("draft: maybe", "'draft' must be true or false"),
        ("tags: [[a]]", "'tags' must be a name or a list of names"),
        ("authors: [{bio: x}]", "'authors' must be a name or a list of names"),
        ("slug: [a]", "'slug' must be text"),
        ("image: 3", "'image' must be an image path or URL"),
        ("series: [a]", "'series' must be text"),
        ("part: two", "'part' must be a whole number"),
    ],
)
def test_the_wrong_type_in_every_field(blog, line, fragment):
    blog.write(
        "docs/blog/bad.md",
        f'---\ntitle: "T"\n{line}\n---\nBody\n'.replace('title: "T"\ntitle', "title"),
    )
    expected_line = 2 if line.startswith("title:") else 3
    failed(blog.build(strict=False), f"docs/blog/bad.md:{expected_line}:", fragment)


def test_non_utf8_bytes(blog):
    blog.write("docs/blog/latin1.md", b'---\ntitle: "Caf\xe9"\n---\nBody\n')
    failed(
        blog.build(strict=False), "docs/blog/latin1.md:2:", "not valid UTF-8", "save it as UTF-8"
    )


def test_a_byte_order_mark(blog):
    blog.write(
        "docs/blog/bom.md", b'\xef\xbb\xbf---\ntitle: "With BOM"\ndate: 2021-01-01\n---\nBody\n'
    )
    result = blog.build().ok()
    assert result.html("blog/bom/").select_one(".blogposts-title").get_text() == "With BOM"


@pytest.mark.slow
def test_a_5_mb_post(blog):
    paragraph = (
        "A paragraph of prose with a [link](https://example.org) and *emphasis*. " * 12 + "\n\n"
    )
    body = paragraph * (5_000_000 // len(paragraph))
    assert len(body) > 4_900_000
    blog.post("huge.md", 'title: "Huge"\ndate: 2021-01-01', body)
    start = time.monotonic()
    result = blog.build().ok()
    assert time.monotonic() - start < 120
    assert result.html("blog/").select(".blogposts-entry")


def test_two_posts_with_the_same_url(blog):
    blog.post("twin.md", 'title: "A"\ndate: 2021-01-01')
    blog.post("other.md", 'title: "B"\ndate: 2021-01-01\nslug: twin')
    errors = failed(blog.build(strict=False), "already taken by", "a different 'slug'")
    assert "blog/twin.md" in errors
    assert "blog/other.md" in errors


@pytest.mark.parametrize("slug", ["../escape", "a/b", "!!!", ".."])
def test_slugs_that_are_no_url_segment(blog, slug):
    blog.post("bad.md", f'title: "T"\ndate: 2021-01-01\nslug: "{slug}"')
    failed(blog.build(strict=False), "docs/blog/bad.md:4:", "cannot be a URL segment")


@pytest.mark.parametrize(
    "url", ["/../secret.png", "/img/../../secret.png", "../../secret.png", "../../../secret.png"]
)
def test_image_paths_that_climb_out_are_never_read(blog, url):
    blog.write("secret.png", png())
    blog.write("public/img/ok.png", png())
    blog.post(
        "climb.md",
        'title: "Climb"\ndate: 2021-01-01',
        f'<img src="{url}" alt="x" />\n\n![x]({url})\n',
    )
    result = blog.build(strict=False)
    warned(result, "docs/blog/climb.md:", "was not found")
    assert not list(blog.out.rglob("secret.png"))


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", "data:image/png;base64,AAAA", "java\tscript:x"],
)
def test_unsafe_urls_in_front_matter_images(blog, url):
    blog.post("bad.md", f'title: "T"\ndate: 2021-01-01\nimage: "{url}"')
    failed(blog.build(strict=False), "docs/blog/bad.md:4:", "which is never published", "https://")


@pytest.mark.parametrize("field", ["avatar", "url"])
def test_unsafe_urls_in_the_authors_file(blog, field):
    blog.write(
        "docs/blog/.authors.yml",
        f"authors:\n  jane:\n    name: Jane\n    {field}: javascript:alert(1)\n",
    )
    failed(blog.build(strict=False), "docs/blog/.authors.yml", f"'{field}' is a javascript: URL")


HOSTILE = "<script>alert(\"x\")</script><img src=x onerror=alert(1)> & 'q'"


def test_html_in_every_front_matter_field_is_escaped_everywhere(blog):
    yaml_value = HOSTILE.replace("'", "''")
    blog.post(
        "hostile.md",
        "\n".join(
            f"{field}: '{yaml_value}'"
            for field in ("title", "subtitle", "excerpt", "series", "description")
        )
        + f"\ndate: 2021-01-01\ntags: ['{yaml_value}']\nauthors: ['{yaml_value}']\ncustom: '{yaml_value}'",
    )
    result = blog.build().ok()
    for path in blog.out.rglob("*.html"):
        raw = path.read_text()
        assert "<script>alert" not in raw, path
        assert "onerror=alert" not in raw.replace("onerror=alert(1)&gt;", ""), path
    post = result.html("blog/hostile/")
    assert post.select_one(".blogposts-title").get_text() == HOSTILE
    assert post.select_one(".blogposts-subtitle").get_text() == HOSTILE
    assert post.select_one(".blogposts-author").get_text() == HOSTILE
    assert post.select_one(".blogposts-tag").get_text() == HOSTILE
    assert post.find("meta", attrs={"property": "og:title"})["content"] == HOSTILE
    for name in ("rss.xml", "atom.xml"):
        text = (blog.out / "blog" / name).read_text()
        ET.fromstring(text)
        assert "<script>" not in text
    document = json.loads((blog.out / "blog" / "feed.json").read_text())
    hostile_item = next(i for i in document["items"] if i["title"] == HOSTILE)
    assert hostile_item["tags"] == [HOSTILE]
    search = json.loads((blog.out / "search" / "search_index.json").read_text())
    assert not any("<script>" in doc["title"] for doc in search["docs"])


def test_an_unclosed_figure_is_closed_and_named(blog):
    blog.post(
        "open.md",
        'title: "Open Figure"\ndate: 2021-01-01',
        'Intro.\n\n<figure>\n  <img src="https://example.org/a.png" alt="a" />\n'
        "  <figcaption>Caption</figcaption>\n\n# Still a heading\n\nStill *Markdown*.\n",
    )
    result = blog.build(strict=False)
    warned(result, "docs/blog/open.md:8:", "<figure> is never closed", "Add </figure>")
    body = result.html("blog/open/").select_one(".blogposts-post")
    assert body.find("figure").find("figcaption").get_text() == "Caption"
    assert body.find("h2", string="Still a heading") is not None
    assert body.find("em").get_text() == "Markdown"


def test_jsx_nested_10000_levels(blog):
    # MkDocs' own theme and search: Material's search indexer takes quadratic time
    # over nesting this deep (about 25 s here), which is not what this case tests.
    blog.config["theme"] = {"name": "mkdocs"}
    depth = 10_000
    blog.post(
        "deep.md",
        'title: "Deep"\ndate: 2021-01-01',
        "<div>\n" * depth + "**deep**\n" + "</div>\n" * depth,
    )
    result = blog.build().ok()
    html = (blog.out / "blog" / "deep" / "index.html").read_text()
    assert html.count("<div>") >= depth
    assert "deep" in html
    assert result.html("blog/").select(".blogposts-entry")


def test_a_missing_cover_image_is_named(blog):
    blog.post("cover.md", 'title: "Cover"\ndate: 2021-01-01\nimage: /img/nowhere.png')
    warned(
        blog.build(strict=False),
        "docs/blog/cover.md",
        "the cover image '/img/nowhere.png' was not found",
    )


def test_a_plugin_that_strips_html_comments(blog):
    blog.write(
        "hooks.py",
        """
        import re

        def on_page_content(html, **kwargs):
            return re.sub(r"<!--.*?-->", "", html)
        """,
    )
    blog.config["hooks"] = ["hooks.py"]
    blog.post("sub.md", 'title: "Titled"\nsubtitle: "And subtitled"\ndate: 2020-01-02')
    result = blog.build(strict=False)
    warned(result, "sub.md", "the post's header and footer could not be placed")
    page = result.html("blog/sub/")
    assert [h.get_text() for h in page.find_all("h1")] == ["Titled"]
    assert page.select_one(".blogposts-subtitle").get_text() == "And subtitled"
