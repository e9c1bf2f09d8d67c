"""The pages a blog has besides its posts, and what each post links to.

Planned once per build from the sorted posts: the paginated index, the archive and
its years, the tags and each tag, each author and each series. Each page is named by
the Markdown path the layout gives it (`blog/tags/python.md`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from .authors import Author, resolve_authors
from .pagination import Paged, paginate
from .taxonomy import Group, Series, group_by, neighbours, related, series_of, slugify

if TYPE_CHECKING:
    from .layout import Layout
    from .posts import Post

__all__ = ["BlogIndex", "GroupLink", "Listing", "plan_listings"]


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


@dataclass
class BlogIndex:
    """Everything one post links to, computed once for all posts."""

    layout: Layout
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
        return self.layout.tag(slugify(name))

    def author_uri(self, author: Author) -> str:
        """Where an author's page is published from."""
        return self.layout.author(author.key)

    def series_uri(self, key: str) -> str:
        """Where a series' page is published from."""
        return self.layout.series(key)

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
    layout: Layout,
    authors: dict[str, Author],
    series_from_titles: bool,
    related_posts: int,
) -> BlogIndex:
    """Compute tags, series, neighbours and related posts for a sorted list of posts."""
    return BlogIndex(
        layout=layout,
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
    pages: list[Paged[Post]],
    heading: str,
    *,
    author: Author | None = None,
) -> None:
    for page in pages:
        title = heading if page.number == 1 else f"{heading} ({page.number}/{page.total})"
        listings[page.src_uri] = Listing(page.src_uri, title, paged=page, author=author)


def plan_listings(
    posts: list[Post],
    index: BlogIndex,
    *,
    per_page: int,
    labels: dict[str, str],
) -> dict[str, Listing]:
    """Every listing page of the blog, by the Markdown path it is published from.

    Args:
        posts: The published posts, newest first.
        index: Their groupings.
        per_page: Posts on each page of a listing.
        labels: Headings: `blog`, `archive`, `tags`, `tag` (with `{name}`), `series`.
    """
    layout = index.layout

    def pages(items: list[Post], first: str, size: int = per_page) -> list[Paged[Post]]:
        return paginate(items, max(size, 1), partial(layout.page, first))

    listings: dict[str, Listing] = {}
    _paged(listings, pages(posts, layout.index), labels["blog"])

    years = group_by(posts, lambda p: [y] if (y := _year(p)) else [])
    listings[layout.archive] = Listing(
        layout.archive,
        labels["archive"],
        groups=[
            GroupLink(g.name, layout.archive_year(g.key), len(g.posts)) for g in years.values()
        ],
    )
    for group in years.values():
        # A year is a compact list on one page: a reader scans it by title and date.
        uri = layout.archive_year(group.key)
        whole = pages(group.posts, uri, len(group.posts))[0]
        listings[uri] = Listing(uri, group.name, paged=whole, compact=True)

    tags = sorted(index.tags.values(), key=lambda g: g.name.casefold())
    listings[layout.tags] = Listing(
        layout.tags,
        labels["tags"],
        groups=[GroupLink(g.name, index.tag_uri(g.name), len(g.posts)) for g in tags],
    )
    for group in tags:
        heading = labels["tag"].format(name=group.name)
        _paged(listings, pages(group.posts, index.tag_uri(group.name)), heading)

    by_author: dict[str, tuple[Author, list[Post]]] = {}
    for post in posts:
        for author in index.authors_of(post):
            by_author.setdefault(author.key, (author, []))[1].append(post)
    for author, written in by_author.values():
        first = index.author_uri(author)
        _paged(listings, pages(written, first), author.name, author=author)

    for key, series in index.series.items():
        uri = index.series_uri(key)
        listings[uri] = Listing(
            uri,
            labels["series"].format(name=series.name),
            paged=pages(series.parts, uri, len(series.parts))[0],
        )
    return listings
