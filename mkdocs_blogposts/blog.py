"""The posts of one build: each post's page Markdown, excerpt and place in the listing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import Diagnostic
from .excerpts import excerpt_markdown, reading_minutes, remove_separators
from .headings import demote_headings, has_h1
from .jsx import convert

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from .posts import ParsedPost

__all__ = ["Blog", "Post", "prepare_post"]


@dataclass
class Post:
    """One post in this build."""

    parsed: ParsedPost
    page_src_uri: str
    """The `src_uri` of the page MkDocs renders (`blog/x.md` for `blog/x.mdx`)."""
    site_path: str
    """The post's URL from the site root, e.g. `blog/foo/`."""
    markdown: str
    """The body as MkDocs renders it: JSX made HTML, headings demoted, marker removed."""
    reading_minutes: int
    excerpt_source: str | None
    """The excerpt's Markdown when the front matter gives none."""
    warnings: list[Diagnostic] = field(default_factory=list)

    @property
    def draft(self) -> bool:
        """Whether the post is marked `draft: true`."""
        return self.parsed.fields.draft


def prepare_post(
    parsed: ParsedPost,
    page_src_uri: str,
    site_path: str,
    *,
    resolve_url: Callable[[str, int], str | None],
    words_per_minute: int,
    separators: Iterable[str],
) -> Post:
    """Turn a parsed post into the Markdown MkDocs renders for its page.

    Args:
        parsed: The post as read.
        page_src_uri: The `src_uri` of the page MkDocs renders for it.
        site_path: Its URL from the site root.
        resolve_url: Rewrites an image URL found at an offset of the body (see `jsx.convert`).
        words_per_minute: Reading speed for the reading time.
        separators: Excerpt markers to look for.
    """
    separators = tuple(separators)
    body = parsed.body
    conversion = convert(body, resolve_url)
    markdown = remove_separators(conversion.text, separators)
    if has_h1(markdown):
        markdown = demote_headings(markdown)
    warnings = [
        Diagnostic(parsed.path, parsed.body_line + body.count("\n", 0, offset), message)
        for offset, message in conversion.warnings
    ]
    return Post(
        parsed=parsed,
        page_src_uri=page_src_uri,
        site_path=site_path,
        markdown=markdown,
        reading_minutes=reading_minutes(body, words_per_minute),
        excerpt_source=None if parsed.fields.excerpt else excerpt_markdown(body, separators),
        warnings=warnings,
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
