"""The pages a blog has besides its posts, and what each post links to.

Planned once per build from the sorted posts: the paginated index, the archive and
its years, the tags and each tag, each author and each series. Each page is named by
the Markdown path it is published from (`blog/tags/python.md`), so MkDocs gives it a
URL like any other page, and a user's own file at that path wins.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .authors import Author, resolve_authors
from .pagination import Paged, paginate
from .taxonomy import Group, Series, group_by, neighbours, related, series_of, slugify

if TYPE_CHECKING:
    from .posts import Post

__all__ = ["RESERVED", "BlogIndex", "GroupLink", "Listing", "plan_listings"]

RESERVED = ("archive", "authors", "page", "series", "tags")
"""Folders under `blog_dir` that hold the plugin's pages, not posts."""


@dataclass(frozen=True)
class GroupLink:
    """A link to a group page, with its count: `python (3)`."""

    name: str
    src_uri: str
    count: int


@dataclass
class Listing:
    """One page of posts (or of groups) the plugin adds to the site."""

    src_uri: str
    heading: str
    """The page's title, raw (escaped where written)."""
    paged: Paged[Post] | None = None
    """The posts on this page, with links to the pages before and after."""
    groups: list[GroupLink] = field(default_factory=list)
    """For the archive and tags overviews."""
    author: Author | None = None
    compact: bool = False
    """List titles and dates only, all on one page (the archive's years)."""
    feeds: str | None = None
    """The folder (site path) holding this listing's own feeds, if it has any."""


@dataclass
class BlogIndex:
    """Everything one post links to, computed once for all posts."""

    blog_dir: str
    tags: dict[str, Group[Post]]
    authors: dict[str, Author]
    series: dict[str, Series[Post]]
    neighbours: dict[int, tuple[Post | None, Post | None]]
    related: dict[int, list[Post]]
    _series_of: dict[int, Series[Post]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for series in self.series.values():
            for post in series.parts:
                self._series_of[id(post)] = series

    def tag_uri(self, name: str) -> str:
        """Where a tag's page is published from."""
        return f"{self.blog_dir}/tags/{slugify(name)}.md"

    def author_uri(self, author: Author) -> str:
        """Where an author's page is published from."""
        return f"{self.blog_dir}/authors/{author.key}.md"

    def series_uri(self, key: str) -> str:
        """Where a series' page is published from."""
        return f"{self.blog_dir}/series/{key}.md"

    def authors_of(self, post: Post) -> tuple[Author, ...]:
        """A post's authors, from the authors file where it names them."""
        return resolve_authors(post.parsed.fields.authors, self.authors)

    def series_of(self, post: Post) -> Series[Post] | None:
        """The series a post is part of, if any."""
        return self._series_of.get(id(post))


def _year(post: Post) -> str | None:
    date = post.parsed.fields.date
    return str(date.day.year) if date else None


def build_index(
    posts: list[Post],
    *,
    blog_dir: str,
    authors: dict[str, Author],
    series_from_titles: bool,
    related_posts: int,
) -> BlogIndex:
    """Compute tags, series, neighbours and related posts for a sorted list of posts."""
    return BlogIndex(
        blog_dir=blog_dir,
        tags=group_by(posts, lambda p: p.parsed.fields.tags),
        authors=authors,
        series=series_of(
            posts,
            declared=lambda p: (p.parsed.fields.series, p.parsed.fields.part),
            title=lambda p: p.parsed.title,
            sort_key=lambda p: p.parsed.fields.date.sort_key if p.parsed.fields.date else 0,
            from_titles=series_from_titles,
        ),
        neighbours=neighbours(posts),
        related=related(posts, lambda p: p.parsed.fields.tags, limit=related_posts),
    )


def _paged(
    listings: dict[str, Listing],
    posts: list[Post],
    first: str,
    heading: str,
    per_page: int,
    *,
    author: Author | None = None,
    feeds: str | None = None,
) -> None:
    for page in paginate(posts, per_page, first):
        title = heading if page.number == 1 else f"{heading} ({page.number}/{page.total})"
        own_feeds = feeds if page.number == 1 else None
        listings[page.src_uri] = Listing(
            page.src_uri, title, paged=page, author=author, feeds=own_feeds
        )


def plan_listings(
    posts: list[Post],
    index: BlogIndex,
    *,
    per_page: int,
    labels: dict[str, str],
    tag_feeds: bool,
) -> dict[str, Listing]:
    """Every listing page of the blog, by the Markdown path it is published from.

    Args:
        posts: The published posts, newest first.
        index: Their groupings.
        per_page: Posts on each page of a listing.
        labels: Headings: `blog`, `archive`, `tags`, `tag` (with `{name}`), `series`.
        tag_feeds: Whether each tag gets its own feeds.
    """
    blog_dir = index.blog_dir
    listings: dict[str, Listing] = {}
    _paged(listings, posts, f"{blog_dir}/index.md", labels["blog"], per_page)

    years = group_by(posts, lambda p: [y] if (y := _year(p)) else [])
    listings[f"{blog_dir}/archive/index.md"] = Listing(
        f"{blog_dir}/archive/index.md",
        labels["archive"],
        groups=[
            GroupLink(g.name, f"{blog_dir}/archive/{g.key}.md", len(g.posts))
            for g in years.values()
        ],
    )
    for group in years.values():
        # A year is a compact list on one page: a reader scans it by title and date.
        uri = f"{blog_dir}/archive/{group.key}.md"
        whole = paginate(group.posts, len(group.posts), uri)[0]
        listings[uri] = Listing(uri, group.name, paged=whole, compact=True)

    tags = sorted(index.tags.values(), key=lambda g: g.name.casefold())
    listings[f"{blog_dir}/tags/index.md"] = Listing(
        f"{blog_dir}/tags/index.md",
        labels["tags"],
        groups=[GroupLink(g.name, index.tag_uri(g.name), len(g.posts)) for g in tags],
    )
    for group in tags:
        first = index.tag_uri(group.name)
        feeds = posixpath.splitext(first)[0] if tag_feeds else None
        heading = labels["tag"].format(name=group.name)
        _paged(listings, group.posts, first, heading, per_page, feeds=feeds)

    by_author: dict[str, tuple[Author, list[Post]]] = {}
    for post in posts:
        for author in index.authors_of(post):
            by_author.setdefault(author.key, (author, []))[1].append(post)
    for author, written in by_author.values():
        _paged(listings, written, index.author_uri(author), author.name, per_page, author=author)

    for key, series in index.series.items():
        listings[index.series_uri(key)] = Listing(
            index.series_uri(key),
            labels["series"].format(name=series.name),
            paged=paginate(series.parts, max(len(series.parts), 1), index.series_uri(key))[0],
        )
    return listings
