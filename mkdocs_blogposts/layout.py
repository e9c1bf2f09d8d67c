"""Where everything the blog publishes lives: the one owner of its paths and URLs.

Posts are published at a URL that mirrors their path under `blog_dir` (a `slug`
replaces the last segment). The plugin's own pages are named by the Markdown path
they are published from, as if they were files in `docs_dir`, so MkDocs gives them
URLs like any page and a user's file at that path wins:

| page | published from |
|---|---|
| the index, page N | `blog/index.md`, `blog/page/N.md` |
| the archive, a year | `blog/archive/index.md`, `blog/archive/2023.md` |
| the tags, a tag (page N) | `blog/tags/index.md`, `blog/tags/ai.md` (`blog/tags/ai/page/N.md`) |
| an author, a series | `blog/authors/jane.md`, `blog/series/field-notes.md` |

The feeds are files in `blog/` (and with `tag_feeds` in `blog/tags/ai/`), the blog's
sitemap is `blog/sitemap.xml`, and the stylesheet is `assets/blogposts/blogposts.css`.
Nothing else in the package spells one of these paths.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from urllib.parse import quote

__all__ = ["POST_SUFFIXES", "STYLESHEET", "Layout"]

POST_SUFFIXES = (".md", ".mdx", ".markdown")
"""The files under `blog_dir` that are posts."""

STYLESHEET = "assets/blogposts/blogposts.css"
"""The plugin's stylesheet, from the site root."""

_PAGE = "page"
_ARCHIVE = "archive"
_TAGS = "tags"
_AUTHORS = "authors"
_SERIES = "series"
_INDEX_STEMS = ("index", "README")


@dataclass(frozen=True)
class Layout:
    """The paths and URLs of one blog in one site."""

    blog_dir: str
    """The blog's folder under `docs_dir`, without slashes at either end."""
    use_directory_urls: bool = True
    _urls: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def reserved(self) -> tuple[str, ...]:
        """Folders under `blog_dir` that hold the plugin's pages.

        A file in one of them overrides one of the plugin's pages; it is never a post.
        """
        return (_ARCHIVE, _AUTHORS, _PAGE, _SERIES, _TAGS)

    # -- posts ----------------------------------------------------------------------

    def is_post(self, src_uri: str) -> bool:
        """Whether a file under `docs_dir` is one of the blog's posts."""
        prefix = self.blog_dir + "/"
        if not src_uri.startswith(prefix) or not src_uri.endswith(POST_SUFFIXES):
            return False
        rest = src_uri[len(prefix) :]
        if posixpath.splitext(rest)[0] == "index":
            return False  # the blog's own index page
        return rest.split("/", 1)[0] not in self.reserved

    @staticmethod
    def page_src_uri(src_uri: str) -> str:
        """The page MkDocs renders for a post file: `blog/x.mdx` -> `blog/x.md`."""
        return src_uri[:-1] if src_uri.endswith(".mdx") else src_uri

    def post_dest_uri(self, src_uri: str, slug: str | None) -> str:
        """Where a post's HTML goes: its path, with `slug` replacing the last segment.

        `blog/foo.md` -> `blog/foo/index.html`; `blog/foo/index.md` -> `blog/foo/index.html`;
        with `slug: bar`, both -> `blog/bar/index.html`.
        """
        parent, name = posixpath.split(src_uri)
        stem = posixpath.splitext(name)[0]
        if stem in _INDEX_STEMS:
            parent, stem = posixpath.split(parent)
        stem = slug or stem
        if self.use_directory_urls:
            return posixpath.join(parent, stem, "index.html")
        return posixpath.join(parent, stem + ".html")

    # -- the plugin's pages ---------------------------------------------------------

    @property
    def index(self) -> str:
        """The blog's index page."""
        return f"{self.blog_dir}/index.md"

    def page(self, first: str, number: int) -> str:
        """Page `number` of the listing whose first page is `first`.

        `blog/index.md`, 2 -> `blog/page/2.md`; `blog/tags/ai.md`, 2 -> `blog/tags/ai/page/2.md`.
        """
        if number == 1:
            return first
        base = posixpath.splitext(first)[0]
        if posixpath.basename(base) == "index":
            base = posixpath.dirname(base)
        return f"{base}/{_PAGE}/{number}.md"

    @property
    def archive(self) -> str:
        """The archive's overview of years."""
        return f"{self.blog_dir}/{_ARCHIVE}/index.md"

    def archive_year(self, year: str) -> str:
        """The archive page of one year."""
        return f"{self.blog_dir}/{_ARCHIVE}/{year}.md"

    @property
    def tags(self) -> str:
        """The overview of tags."""
        return f"{self.blog_dir}/{_TAGS}/index.md"

    def tag(self, key: str) -> str:
        """The first page of a tag, by its slug."""
        return f"{self.blog_dir}/{_TAGS}/{key}.md"

    def author(self, key: str) -> str:
        """The first page of an author, by its key."""
        return f"{self.blog_dir}/{_AUTHORS}/{key}.md"

    def series(self, key: str) -> str:
        """A series' page."""
        return f"{self.blog_dir}/{_SERIES}/{key}.md"

    # -- files beside the pages -----------------------------------------------------

    @property
    def feed_folder(self) -> str:
        """The folder, from the site root, of the blog's feeds."""
        return self.blog_dir

    def tag_feed_folder(self, key: str) -> str:
        """The folder of one tag's feeds (`tag_feeds`): beside the tag's page."""
        return f"{self.blog_dir}/{_TAGS}/{key}"

    @property
    def sitemap(self) -> str:
        """The blog's own sitemap, beside its feeds."""
        return f"{self.blog_dir}/sitemap.xml"

    # -- URLs -------------------------------------------------------------------------

    def dest_uri(self, src_uri: str) -> str:
        """Where MkDocs writes the page published from `src_uri` (its own rule)."""
        parent, name = posixpath.split(src_uri)
        stem = posixpath.splitext(name)[0]
        if stem in _INDEX_STEMS:
            return posixpath.join(parent, "index.html")
        if self.use_directory_urls:
            return posixpath.join(parent, stem, "index.html")
        return posixpath.join(parent, stem + ".html")

    def url(self, dest_uri: str) -> str:
        """The URL, from the site root, of a page written to `dest_uri`, as MkDocs gives it."""
        url = self._urls.get(dest_uri)
        if url is None:
            url = dest_uri
            folder, name = posixpath.split(url)
            if self.use_directory_urls and name == "index.html":
                url = (folder or ".") + "/"
            url = self._urls[dest_uri] = quote(url)
        return url
