"""Cutting a listing into pages, each published from the path the layout gives it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

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


def paginate(items: list[T], per_page: int, uri_of: Callable[[int], str]) -> list[Paged[T]]:
    """The pages of a listing; `uri_of(n)` is the path page `n` is published from."""
    total = max(1, math.ceil(len(items) / per_page))
    uris = [uri_of(n) for n in range(1, total + 1)]
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
