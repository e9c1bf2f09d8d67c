"""Cutting a listing into pages: `blog/`, `blog/page/2/`, `blog/page/3/` ..."""

from __future__ import annotations

import math
import posixpath
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Paged", "paginate"]

T = TypeVar("T")


@dataclass(frozen=True)
class Paged(Generic[T]):
    """One page of a listing."""

    number: int
    """1 for the first page."""
    total: int
    """How many pages the listing has."""
    src_uri: str
    """The Markdown path the page is published from (`blog/page/2.md`)."""
    items: list[T]
    newer: str | None
    """The src_uri of the page before (newer posts), if any."""
    older: str | None
    """The src_uri of the page after (older posts), if any."""


def _page_uri(first: str, number: int) -> str:
    """`blog/index.md`, 2 -> `blog/page/2.md`; `blog/tags/ai.md`, 2 -> `blog/tags/ai/page/2.md`."""
    if number == 1:
        return first
    base = posixpath.splitext(first)[0]
    if posixpath.basename(base) == "index":
        base = posixpath.dirname(base)
    return f"{base}/page/{number}.md"


def paginate(items: list[T], per_page: int, first: str) -> list[Paged[T]]:
    """The pages of a listing whose first page is published from `first`."""
    total = max(1, math.ceil(len(items) / per_page))
    uris = [_page_uri(first, n) for n in range(1, total + 1)]
    return [
        Paged(
            number=n,
            total=total,
            src_uri=uris[n - 1],
            items=items[(n - 1) * per_page : n * per_page],
            newer=uris[n - 2] if n > 1 else None,
            older=uris[n] if n < total else None,
        )
        for n in range(1, total + 1)
    ]
