"""Groupings of posts: tags, years, authors, series, neighbours and related posts.

Everything here is computed once per build from the sorted list of posts, with
dictionaries, so that no page's work grows with the number of posts.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

__all__ = ["Group", "Series", "group_by", "neighbours", "related", "series_of", "slugify"]

T = TypeVar("T")

_NOT_SLUG = re.compile(r"[^\w]+")
# "Watch Your Language, Part 2", "... (Part 2)", "... — Part 2", "... Part II"
_PART_TITLE = re.compile(
    r"^(?P<stem>.+?)\s*(?:[,:\u2013\u2014-]\s*|\(\s*)?Part\s+(?P<part>\d+|[IVX]+)\s*\)?\s*$",
    re.IGNORECASE,
)
_ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
}


def slugify(text: str) -> str:
    """A URL segment for a tag, author or series: lowercase words joined by dashes.

    Letters of any script are kept (`日本語` stays), accents are dropped.
    """
    ascii_folded = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in ascii_folded if not unicodedata.combining(ch))
    return _NOT_SLUG.sub("-", stripped.casefold()).strip("-_") or "-"


@dataclass
class Group(Generic[T]):
    """Posts that share a tag, a year, an author or a series, in listing order."""

    key: str
    """The URL segment."""
    name: str
    """The name as written (the first spelling met)."""
    posts: list[T] = field(default_factory=list)


def group_by(posts: Iterable[T], keys: Callable[[T], Iterable[str]]) -> dict[str, Group[T]]:
    """Group posts by each of their keys (tags, say), keeping the posts' order.

    Names that slugify alike (`Python`, `python`) are one group, named as first written.
    """
    groups: dict[str, Group[T]] = {}
    for post in posts:
        for name in keys(post):
            slug = slugify(name)
            group = groups.get(slug)
            if group is None:
                group = groups[slug] = Group(slug, name)
            if not group.posts or group.posts[-1] is not post:
                group.posts.append(post)
    return groups


def neighbours(posts: Sequence[T]) -> dict[int, tuple[T | None, T | None]]:
    """For each post (by `id`), the (newer, older) posts next to it in listing order."""
    out: dict[int, tuple[T | None, T | None]] = {}
    for index, post in enumerate(posts):
        newer = posts[index - 1] if index > 0 else None
        older = posts[index + 1] if index + 1 < len(posts) else None
        out[id(post)] = (newer, older)
    return out


def related(
    posts: Sequence[T],
    tags: Callable[[T], Iterable[str]],
    limit: int = 3,
    window: int = 200,
) -> dict[int, list[T]]:
    """For each post sharing a tag, up to `limit` others: most shared tags, then newest.

    A post that shares no tag has no entry. Only the `window` newest posts of each
    tag are candidates, so a tag that every post carries costs a bounded amount per
    post instead of the whole blog.
    """
    rank = {id(post): index for index, post in enumerate(posts)}
    by_tag = group_by(posts, tags)
    out: dict[int, list[T]] = {}
    for post in posts:
        shared: dict[int, int] = defaultdict(int)
        for name in tags(post):
            for other in by_tag[slugify(name)].posts[:window]:
                if other is not post:
                    shared[id(other)] += 1
        if shared:  # most posts share no tag: no entry, one object less to keep
            best = heapq.nsmallest(limit, shared, key=lambda o: (-shared[o], rank[o]))
            out[id(post)] = [posts[rank[o]] for o in best]
    return out


@dataclass
class Series(Generic[T]):
    """The parts of one series, in reading order."""

    key: str
    name: str
    parts: list[T]


def _title_part(title: str) -> tuple[str, int] | None:
    match = _PART_TITLE.match(title)
    if match is None:
        return None
    part = match["part"].upper()
    number = int(part) if part.isdigit() else _ROMAN.get(part)
    return (match["stem"].strip(" ,:-\u2013\u2014("), number) if number else None


def series_of(
    posts: Sequence[T],
    *,
    declared: Callable[[T], tuple[str | None, int | None]],
    title: Callable[[T], str],
    sort_key: Callable[[T], Any],
    from_titles: bool,
) -> dict[str, Series[T]]:
    """The series of a blog, keyed by slug.

    A post is in a series when its front matter names one (`series`, with an optional
    `part`), or, with `from_titles`, when its title ends in `Part N` and another post
    shares the title's stem. Parts are ordered by part number, then by `sort_key`.
    """
    members: dict[str, list[tuple[int | None, T]]] = {}
    names: dict[str, str] = {}
    for post in posts:
        name, part = declared(post)
        if name is None and from_titles and (found := _title_part(title(post))):
            name, part = found
        if name is None:
            continue
        key = slugify(name)
        names.setdefault(key, name)
        members.setdefault(key, []).append((part, post))
    out: dict[str, Series[T]] = {}
    for key, items in members.items():
        declared_any = any(declared(post)[0] for _, post in items)
        if len(items) < 2 and not declared_any:
            continue  # one "Part 1" alone is not a series
        items.sort(key=lambda item: sort_key(item[1]))
        items.sort(key=lambda item: item[0] if item[0] is not None else 1 << 30)
        out[key] = Series(key, names[key], [post for _, post in items])
    return out
