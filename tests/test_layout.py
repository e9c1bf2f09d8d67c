"""The layout: every path the blog publishes, and the URLs MkDocs gives them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from mkdocs.structure.files import File

from mkdocs_blogposts.layout import Layout

PACKAGE = Path(__file__).resolve().parent.parent / "mkdocs_blogposts"


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_the_pages_urls_are_those_mkdocs_gives(use_directory_urls):
    layout = Layout("blog/en", use_directory_urls)
    pages = [
        layout.index,
        layout.page(layout.index, 2),
        layout.archive,
        layout.archive_year("2023"),
        layout.tags,
        layout.tag("c-sharp"),
        layout.page(layout.tag("日本語"), 3),
        layout.author("jane"),
        layout.series("field-notes"),
        "blog/en/README.md",
    ]
    for src_uri in pages:
        file = File(src_uri, "/docs", "/site", use_directory_urls)
        assert layout.dest_uri(src_uri) == file.dest_uri
        assert layout.url(layout.dest_uri(src_uri)) == file.url


@pytest.mark.parametrize(
    ("src_uri", "slug", "dest"),
    [
        ("blog/foo.md", None, "blog/foo/index.html"),
        ("blog/foo/index.md", None, "blog/foo/index.html"),
        ("blog/foo/README.md", None, "blog/foo/index.html"),
        ("blog/foo.mdx", "bar", "blog/bar/index.html"),
        ("blog/2023/foo/index.mdx", "bar", "blog/2023/bar/index.html"),
    ],
)
def test_post_dest_uri(src_uri, slug, dest):
    assert Layout("blog").post_dest_uri(src_uri, slug) == dest
    flat = Layout("blog", use_directory_urls=False)
    assert flat.post_dest_uri(src_uri, slug) == dest.replace("/index.html", ".html")


def test_posts_are_files_outside_the_plugins_own_folders():
    layout = Layout("blog")
    assert layout.is_post("blog/a.md")
    assert layout.is_post("blog/x/b.mdx")
    assert layout.is_post("blog/tags.md")  # a post, not the tags folder
    assert not layout.is_post("blog/index.md")
    assert not layout.is_post("blog/a.png")
    assert not layout.is_post("other/a.md")
    for folder in layout.reserved:
        assert not layout.is_post(f"{folder}/x.md".join(["blog/", ""]))
    generated = [
        layout.archive,
        layout.tags,
        layout.tag("x"),
        layout.author("y"),
        layout.series("z"),
    ]
    generated.append(layout.page(layout.index, 2))
    assert {uri.split("/")[1] for uri in generated} == set(layout.reserved)


# What the layout spells: a folder of the plugin's pages in a path, a feed's file
# name, the sitemap, the stylesheet's folder.
_GENERATED_PATH = re.compile(
    r"""["'/](?:page|archive|tags|authors|series)/|rss\.xml|atom\.xml|feed\.json|sitemap\.xml"""
    r"""|assets/blogposts"""
)


def _strings_in_code(path: Path) -> str:
    """The string literals of a module's code, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return "\n".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    )


def test_no_module_but_the_layout_and_the_feed_formats_spells_a_generated_path():
    spelled = {
        path.relative_to(PACKAGE).as_posix(): _GENERATED_PATH.findall(_strings_in_code(path))
        for path in PACKAGE.rglob("*.py")
    }
    assert {path for path, found in spelled.items() if found} == {"layout.py", "feeds.py"}
    assert set(spelled["feeds.py"]) == {"rss.xml", "atom.xml", "feed.json"}
