"""The "latest posts" marker any page may hold: `<!-- blogposts:latest 5 tag="python" -->`."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Marker", "find_markers"]

# Only our own comment is matched; Python-Markdown passes HTML comments through as
# they are, so the marker reaches the page's HTML unchanged.
_MARKER = re.compile(r"<!--\s*blogposts:latest\b(?P<args>[^>]*?)-->")
_ARG = re.compile(
    r"""(?:(?P<key>\w+)\s*=\s*)?(?:"(?P<quoted>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>\S+))"""
)


@dataclass(frozen=True)
class Marker:
    """Where a marker is in the HTML and what it asks for."""

    start: int
    end: int
    count: int = 5
    tag: str | None = None
    error: str | None = None
    """What is wrong with the marker's arguments, if anything."""


def find_markers(html: str) -> list[Marker]:
    """Every latest-posts marker in a page's HTML, in order."""
    markers = []
    for match in _MARKER.finditer(html):
        count, tag, error = 5, None, None
        for arg in _ARG.finditer(match["args"]):
            key = arg["key"]
            value = arg["quoted"] if arg["quoted"] is not None else arg["single"] or arg["bare"]
            if key in (None, "count") and value.isdigit():
                count = int(value)
            elif key == "tag":
                tag = value
            else:
                error = f"'{arg[0]}' is not an argument of the marker; use a count and tag=\"...\""
        markers.append(Marker(match.start(), match.end(), count, tag, error))
    return markers
