"""The build pipeline on its own: no MkDocs config, no MkDocs build."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from sitekit import png

import mkdocs_blogposts.build as build_module
from mkdocs_blogposts.build import BlogBuild, SiteFiles, SiteInfo
from mkdocs_blogposts.cache import PostCache
from mkdocs_blogposts.config import BlogpostsConfig
from mkdocs_blogposts.posts import prepare_post
from mkdocs_blogposts.reading import parse_post

if TYPE_CHECKING:
    from pathlib import Path


def _options(**values) -> BlogpostsConfig:
    options = BlogpostsConfig()
    options.load_dict(values)
    errors, _ = options.validate()
    assert not errors
    return options


class Blog:
    """A docs folder with a blog, and builds of it that share one cache."""

    def __init__(self, root: Path, **options) -> None:
        self.root = root
        self.docs = root / "docs"
        self.options = _options(**options)
        self.parsed: list[str] = []
        self.prepared: list[str] = []

        def parse(data, src_uri, path):
            self.parsed.append(src_uri)
            return parse_post(data, src_uri, path)

        def prepare(parsed, *args, **kwargs):
            self.prepared.append(parsed.src_uri)
            return prepare_post(parsed, *args, **kwargs)

        self.cache = PostCache(parse, prepare, keep=True)

    def write(self, src_uri: str, content: str | bytes) -> None:
        path = self.docs / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        stat = path.stat()  # a new mtime even within the file system's resolution
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))

    def files(self) -> SiteFiles:
        files = SiteFiles({}, {}, {})
        for path in sorted(self.docs.rglob("*")):
            if path.is_file():
                src_uri = path.relative_to(self.docs).as_posix()
                files.urls[src_uri] = src_uri
                files.sources[src_uri] = str(path)
        return files

    def build(self, site_url: str = "") -> BlogBuild:
        self.parsed.clear()
        self.prepared.clear()
        site = SiteInfo(
            docs_dir=str(self.docs),
            site_dir=str(self.root / "site"),
            config_dir=str(self.root),
            site_name="Test",
            site_url=site_url,
        )
        build = BlogBuild(self.options, site, self.files(), serving=True, cache=self.cache)
        build.read()
        build.place()
        build.prepare()
        build.plan()
        return build


def _post(title: str, body: str = "Some text.\n", extra: str = "") -> str:
    return f'---\ntitle: "{title}"\ndate: 2021-01-0{len(title) % 9 + 1}\n{extra}---\n\n{body}'


@pytest.fixture
def blog(tmp_path: Path) -> Blog:
    blog = Blog(tmp_path)
    blog.write("blog/a.md", _post("A"))
    blog.write("blog/bb.md", _post("BB", '<img src="late.png" alt="late" />\n'))
    blog.write("blog/ccc.mdx", _post("CCC"))
    return blog


def test_a_build_reads_and_prepares_each_post_once(blog):
    build = blog.build()
    assert sorted(blog.parsed) == ["blog/a.md", "blog/bb.md", "blog/ccc.mdx"]
    assert sorted(blog.prepared) == sorted(blog.parsed)
    assert [p.parsed.title for p in build.blog.posts] == ["CCC", "BB", "A"]


def test_serve_rebuilds_reuse_what_an_edit_did_not_change(blog):
    blog.build()
    again = blog.build()
    assert (blog.parsed, blog.prepared) == ([], [])
    # The reused post that names a missing image warns again.
    assert [f.diagnostic.line for f in again.findings] == [6]

    blog.write("blog/a.md", _post("A", "Edited.\n"))
    blog.build()
    assert (blog.parsed, blog.prepared) == (["blog/a.md"], ["blog/a.md"])

    blog.write("blog/late.png", png())  # the image a post names appears
    blog.build()
    assert (blog.parsed, blog.prepared) == ([], ["blog/bb.md"])


def test_a_deleted_post_is_forgotten(blog):
    blog.build()
    (blog.docs / "blog" / "a.md").unlink()
    build = blog.build()
    assert [p.parsed.title for p in build.blog.posts] == ["CCC", "BB"]
    blog.write("blog/a.md", _post("A"))
    blog.build()
    assert blog.parsed == ["blog/a.md"]


def test_one_feed_item_and_one_description_per_post_however_many_feeds(tmp_path, monkeypatch):
    blog = Blog(tmp_path, tag_feeds=True)
    for name in ("a", "bb", "ccc"):
        blog.write(f"blog/{name}.md", _post(name.upper(), extra="tags: [x, y, z]\n"))
    build = blog.build(site_url="https://example.org/")
    assert [feed.folder for feed in build.feeds] == [
        "blog",
        "blog/tags/x",
        "blog/tags/y",
        "blog/tags/z",
    ]
    made: list[str] = []
    real_absolutize, real_text_of = build_module.feeds.absolutize, build_module.text_of
    monkeypatch.setattr(
        build_module.feeds,
        "absolutize",
        lambda html, base: made.append(base) or real_absolutize(html, base),
    )
    monkeypatch.setattr(
        build_module, "text_of", lambda html: made.append(html) or real_text_of(html)
    )
    for post in build.blog.posts:
        build.page_content(post.page_src_uri, f"<p>{post.parsed.title} body</p>")
    build.write_files()
    # Three posts in four feeds of three formats: three items, three descriptions.
    assert len(made) == 6
    for folder in ("blog", "blog/tags/y"):
        rss = (tmp_path / "site" / folder / "rss.xml").read_text()
        assert rss.count("<item>") == 3
