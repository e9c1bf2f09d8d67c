"""Finding the images written in Markdown syntax, `![alt](url "title")`, outside code."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .code_regions import split_code

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["rewrite_images"]

_OPEN = re.compile(r"!\[")


def _label_end(text: str, start: int, end: int) -> int:
    """Index after the `]` that closes the `[` at `start`, or -1."""
    depth = 0
    i = start
    while i < end:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        elif ch == "\n" and text.startswith("\n", i + 1):
            return -1  # a label does not cross a blank line
        i += 1
    return -1


def _destination(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the link destination in the `(` at `start`, without `<>`."""
    i = start + 1
    while i < end and text[i] in " \t\n":
        i += 1
    if text.startswith("<", i):
        close = text.find(">", i + 1, end)
        return None if close < 0 or "\n" in text[i:close] else (i + 1, close)
    depth = 0
    j = i
    while j < end:
        ch = text[j]
        if ch == "\\":
            j += 2
            continue
        if ch.isspace():
            break
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        j += 1
    return (i, j) if j > i else None


def rewrite_images(text: str, resolve: Callable[[str, int], str | None]) -> str:
    """Replace the URL of every Markdown image outside code.

    Args:
        text: Markdown.
        resolve: Called with each image URL and the offset of its `![`; returns the
            URL to write instead, or None to keep it.
    """
    if "![" not in text:
        return text
    out: list[str] = []
    cursor = 0
    for segment in split_code(text):
        if segment.code:
            continue
        pos = segment.start
        while (match := _OPEN.search(text, pos, segment.end)) is not None:
            pos = match.end()
            label_end = _label_end(text, match.start() + 1, segment.end)
            if label_end < 0 or not text.startswith("(", label_end):
                continue
            span = _destination(text, label_end, segment.end)
            if span is None:
                continue
            new = resolve(text[span[0] : span[1]], match.start())
            if new is not None:
                if " " in new and text[span[0] - 1] != "<":
                    new = f"<{new}>"
                out.append(text[cursor : span[0]])
                out.append(new)
                cursor = span[1]
            pos = span[1]
    out.append(text[cursor:])
    return "".join(out)
