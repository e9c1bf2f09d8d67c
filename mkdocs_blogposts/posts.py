"""The posts of one build: each post's page Markdown, excerpt and place in the listing."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .dialect.excerpt_source import (
    DEFAULT_SEPARATORS,
    excerpt_markdown,
    reading_minutes,
    remove_separators,
)
from .dialect.headings import demote_headings, has_h1
from .dialect.jsx import close_open_blocks, convert
from .dialect.markdown_images import rewrite_images
from .dialect.mdx import clean_mdx
from .dialect.needed_extensions import needed_extensions
from .errors import Diagnostic

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from .dialect.components import ComponentSpec
    from .reading import ParsedPost

__all__ = ["Blog", "Dialect", "Post", "prepare_post", "slug_of"]


@dataclass
class Post:
    """One post in this build."""

    parsed: ParsedPost
    page_src_uri: str
    """The `src_uri` of the page MkDocs renders (`blog/x.md` for `blog/x.mdx`)."""
    site_path: str
    """The post's URL from the site root, e.g. `blog/foo/`."""
    slug: str
    """The last segment of its URL."""
    markdown: str
    """The body as MkDocs renders it: JSX made HTML, headings demoted, marker removed."""
    reading_minutes: int
    excerpt_source: str | None
    """The excerpt's Markdown when the front matter gives none."""
    warnings: list[Diagnostic] = field(default_factory=list)
    scheduled: bool = False
    """Dated in the future (shown only in `serve`, unless future posts are published)."""
    extensions: tuple[str, ...] = ()
    """The Markdown extensions `markdown` may need, of those the conversion relies on."""

    @property
    def draft(self) -> bool:
        """Whether the post is marked `draft: true`."""
        return self.parsed.fields.draft


class LineIndex:
    """Offsets of a text to lines of the file it came from."""

    def __init__(self, text: str, first_line: int) -> None:
        """Index `text`, whose first line is `first_line` of the file, on first use."""
        self._text = text
        self._newlines: list[int] | None = None
        self._first = first_line

    def line(self, offset: int) -> int:
        """The file line of `offset`."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self._text)]
        return self._first + bisect_left(self._newlines, offset)


def slug_of(site_path: str) -> str:
    """The last segment of a post's URL: `blog/foo/` and `blog/foo.html` -> `foo`."""
    return posixpath.basename(site_path.rstrip("/")).removesuffix(".html")


@dataclass(frozen=True)
class Dialect:
    """How this site's posts are read: the options that shape every post's Markdown."""

    components: Mapping[str, ComponentSpec]
    superfences: bool = True
    separators: tuple[str, ...] = DEFAULT_SEPARATORS
    words_per_minute: int = 230


def prepare_post(
    parsed: ParsedPost,
    page_src_uri: str,
    site_path: str,
    *,
    dialect: Dialect,
    resolve_url: Callable[[str, int], str | None],
    resolve_image: Callable[[str, int], str | None],
) -> Post:
    """Turn a parsed post into the Markdown MkDocs renders for its page.

    Args:
        parsed: The post as read.
        page_src_uri: The `src_uri` of the page MkDocs renders for it.
        site_path: Its URL from the site root.
        dialect: The site's options for reading posts.
        resolve_url: Given an image URL of raw HTML and its line in the file, the URL
            to write instead, or None to keep it.
        resolve_image: The same for the URL of a Markdown image.
    """
    # Each step up to the JSX conversion keeps the line count, so an offset in the
    # text of any step maps to a line of the file.
    text = clean_mdx(parsed.body, superfences=dialect.superfences)
    repaired = close_open_blocks(text)
    closed = [(LineIndex(text, parsed.body_line).line(o), m) for o, m in repaired.warnings]
    text = repaired.text
    excerpt_source = None if parsed.fields.excerpt else excerpt_markdown(text, dialect.separators)
    lines = LineIndex(text, parsed.body_line)
    text = rewrite_images(text, lambda url, offset: resolve_image(url, lines.line(offset)))
    lines = LineIndex(text, parsed.body_line)
    conversion = convert(
        text, lambda url, offset: resolve_url(url, lines.line(offset)), dialect.components
    )
    markdown = remove_separators(conversion.text, dialect.separators)
    if has_h1(markdown):
        markdown = demote_headings(markdown)
    warnings = [Diagnostic(parsed.path, line, message) for line, message in closed]
    warnings += [
        Diagnostic(parsed.path, lines.line(offset), message)
        for offset, message in conversion.warnings
    ]
    return Post(
        parsed=parsed,
        page_src_uri=page_src_uri,
        site_path=site_path,
        slug=slug_of(site_path),
        markdown=markdown,
        reading_minutes=reading_minutes(text, dialect.words_per_minute),
        excerpt_source=excerpt_source,
        warnings=warnings,
        extensions=needed_extensions(markdown),
    )


@dataclass
class Blog:
    """The posts of a build, newest first; posts without a date last."""

    posts: list[Post]

    def __post_init__(self) -> None:
        # Two stable sorts: by title, then newest first with undated posts last.
        self.posts.sort(key=lambda p: p.parsed.title.casefold())
        self.posts.sort(key=_date_key, reverse=True)
        self.by_page = {post.page_src_uri: post for post in self.posts}


_UNDATED = dt.datetime.min.replace(tzinfo=dt.timezone.utc)


def _date_key(post: Post) -> tuple[bool, dt.datetime]:
    date = post.parsed.fields.date
    return (date is not None, date.sort_key if date else _UNDATED)
