"""The extensions a post's Markdown needs: left off only where they change nothing."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from markdown import Markdown
from sitekit import CORPUS, SEED, needs_shared
from strategies import texts_of

from mkdocs_blogposts.dialect.components import DEFAULT_COMPONENTS, parse_spec
from mkdocs_blogposts.dialect.needed_extensions import REQUIRED, ExtensionLists, needed_extensions
from mkdocs_blogposts.errors import PostError
from mkdocs_blogposts.posts import Dialect, prepare_post
from mkdocs_blogposts.reading import parse_post

# What MkDocs always loads, with and without the two the conversion relies on.
_BUILTIN = ["toc", "tables", "fenced_code"]


def _html(text: str, extensions: tuple[str, ...]) -> str:
    return Markdown(extensions=[*_BUILTIN, *extensions]).convert(text)


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("Plain prose.\n\n<figure>\n  <img src='x.png' />\n</figure>\n", ()),
        ("## Named {#custom-id}\n", ("attr_list",)),
        ("```js\nconst a = {b: 1}\n```\n", ("attr_list",)),
        ('<div markdown="1">\n\n**bold**\n\n</div>\n', ("md_in_html",)),
        ("<div markdown>\n\n*x*\n\n</div>\n", ("md_in_html",)),
        ('<DIV MARKDOWN="1">\n\n*x*\n\n</DIV>\n', ("md_in_html",)),
        ('<div class="a"markdown="1">\n\n*x*\n\n</div>\n', ("md_in_html",)),
        ('<div\n  markdown="block">\n\n*x*\n\n</div>\n', ("md_in_html",)),
        ("<div markdown/>\n", ("md_in_html",)),
        ("Posts in Markdown, or markdown-ish, or <i>markdown</i>.\n", ()),
        ("Write Markdown in it.\n", ("md_in_html",)),  # could be an attribute: left on
        ('{: .note }\n<div markdown="1">x</div>\n', ("attr_list", "md_in_html")),
    ],
)
def test_needed_extensions(text, needs):
    assert needed_extensions(text) == needs


_LINES = [
    "",
    "Some *prose* with `code {x}` in it.",
    "## A heading",
    "## A heading {#an-id}",
    "# Title { .big }",
    "{: .lead }",
    "A paragraph.{: #para }",
    "![alt](img.png){ width=300 }",
    "<div>",
    '<div markdown="1">',
    "<div markdown>",
    '<section class="box"markdown="block">',
    "<DIV MARKDOWN=1>",
    "</div>",
    "</section>",
    "<figure>",
    '  <img src="/img/a.webp" alt="A" />',
    '  <figcaption class="x">A *caption* with <a href="/y">a link</a></figcaption>',
    "</figure>",
    "<details><summary>More</summary>",
    "</details>",
    "- an item",
    "    indented {: .x }",
    "```js",
    "```",
    "const o = { a: 1 }",
    "| a | b |",
    "|---|---|",
    "| 1 | {2} |",
    "Markdown is fine; markdown= too.",
    "<p>markdown</p>",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts_of(_LINES, 14))
def test_only_the_needed_extensions_render_what_all_of_them_render(text):
    assert _html(text, needed_extensions(text)) == _html(text, REQUIRED)


def _corpus_posts() -> list[Path]:
    if not SEED.is_file():
        return []
    return [SEED, *sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".mdx"))]


@needs_shared()
@pytest.mark.slow
def test_every_corpus_post_renders_the_same_with_only_what_it_needs():
    dialect = Dialect(components={k: parse_spec(v) for k, v in DEFAULT_COMPONENTS.items()})
    checked = 0
    for path in _corpus_posts():
        if path.name == "README.md":
            continue
        try:
            parsed = parse_post(path.read_bytes(), f"blog/{path.name}", str(path))
        except PostError:
            continue  # such files have tests of their own
        post = prepare_post(
            parsed,
            f"blog/{path.stem}.md",
            f"blog/{path.stem}/",
            dialect=dialect,
            resolve_url=lambda _url, _line: None,
            resolve_image=lambda _url, _line: None,
        )
        assert post.extensions == needed_extensions(post.markdown)
        assert _html(post.markdown, post.extensions) == _html(post.markdown, REQUIRED), path
        checked += 1
    assert checked > 30


def test_extension_lists_add_only_what_the_site_lacks():
    site = ["toc", "attr_list"]
    lists = ExtensionLists(site)
    assert lists.for_needs(()) is site
    assert lists.for_needs(("attr_list",)) is site
    both = lists.for_needs(("attr_list", "md_in_html"))
    assert both == ["toc", "attr_list", "md_in_html"]
    assert lists.for_needs(("attr_list", "md_in_html")) is both  # made once
    assert site == ["toc", "attr_list"]  # the site's own list is never changed
