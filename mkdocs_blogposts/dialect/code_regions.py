"""Finding the code in a Markdown text, so that nothing inside it is ever changed.

`split_code` cuts a text into runs that are code (fenced blocks, indented blocks,
inline code spans) and runs that are not. Everything the plugin rewrites, it rewrites
only in the runs that are not code. The rules follow Python-Markdown with
SuperFences, which is what MkDocs sites render with: fences may be indented (inside
list items or components), an indented block needs a blank line before it and is not
a list item's continuation or part of a raw HTML block.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .html_names import VOID_ELEMENTS
from .jsx_tags import element_end, parse_tag

__all__ = ["Segment", "code_span_end", "split_blocks", "split_code"]

_FENCE_OPEN = re.compile(r"(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)")
_LIST_STARTS = frozenset("-*+0123456789")  # a cheap test before the list-item regex
_LIST_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_HTML_BLOCK_START = re.compile(r"[ ]{0,3}<([A-Za-z][\w.:-]*)")
_BACKTICKS = re.compile(r"(?<!\\)`+")


class Segment(NamedTuple):
    """A run of the text: `text[start:end]`, code or not."""

    start: int
    end: int
    code: bool


def _width(line: str) -> int:
    """Columns of leading white space, tabs to the next multiple of four."""
    if line[:1] not in (" ", "\t"):
        return 0  # most lines: no loop
    col = 0
    for ch in line:
        if ch == " ":
            col += 1
        elif ch == "\t":
            col += 4 - col % 4
        else:
            break
    return col


@lru_cache(maxsize=4)  # a post goes through several steps with the same text
def split_blocks(text: str) -> list[Segment]:
    """Cut a Markdown text into code blocks (fenced, indented) and the rest, line by line."""
    segments: list[Segment] = []
    lines = text.splitlines(keepends=True)
    pos = 0
    text_start = 0
    fence: tuple[str, int] | None = None  # (char, length) of the open fence
    fence_start = 0
    prev_blank = True
    in_list = False
    html_end = 0  # the offset where the raw HTML block we are inside ends
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if fence is not None:
            close = stripped.rstrip()
            if close and set(close) == {fence[0]} and len(close) >= fence[1]:
                segments.append(Segment(fence_start, pos + len(line), True))
                text_start = pos + len(line)
                fence = None
                prev_blank = False
            pos += len(line)
            i += 1
            continue
        # The regex runs only on lines that can open a fence.
        match = _FENCE_OPEN.match(line) if stripped.startswith(("```", "~~~")) else None
        if match and not (match["fence"][0] == "`" and "`" in match["info"]):
            if pos > text_start:
                segments.append(Segment(text_start, pos, False))
            fence = (match["fence"][0], len(match["fence"]))
            fence_start = pos
            pos += len(line)
            i += 1
            continue
        if stripped and prev_blank and _width(line) >= 4 and not in_list and pos >= html_end:
            # An indented code block: runs to the last indented line before a line
            # that is indented less (blank lines inside belong to it).
            end = i
            j = i
            while j < len(lines) and (not lines[j].strip() or _width(lines[j]) >= 4):
                if lines[j].strip():
                    end = j
                j += 1
            if pos > text_start:
                segments.append(Segment(text_start, pos, False))
            block_end = pos + sum(len(lines[k]) for k in range(i, end + 1))
            segments.append(Segment(pos, block_end, True))
            pos = text_start = block_end
            i = end + 1
            prev_blank = False
            continue
        if not stripped:
            prev_blank = True
        else:
            if pos >= html_end and _width(line) < 4:
                if stripped[0] in _LIST_STARTS and _LIST_ITEM.match(line):
                    in_list = True
                elif prev_blank:
                    in_list = False
                if prev_blank and _HTML_BLOCK_START.match(line):
                    html_end = _html_block_end(text, pos + len(line) - len(line.lstrip(" ")))
            prev_blank = False
        pos += len(line)
        i += 1
    if fence is not None:
        # An unclosed fence runs to the end of the text, as in Markdown.
        segments.append(Segment(fence_start, len(text), True))
    elif len(text) > text_start:
        segments.append(Segment(text_start, len(text), False))
    return segments


def _html_block_end(text: str, start: int) -> int:
    """Where the raw HTML block whose tag opens at `start` ends: after its closing tag.

    Its lines, even indented ones, are HTML, not indented code. A tag that is not
    closed ends the block at the end of its own line.
    """
    tag = parse_tag(text, start)
    if tag is None or tag.self_closing or tag.name.lower() in VOID_ELEMENTS:
        return start
    close = element_end(text, tag, len(text))
    stop = close[1] if close else tag.end
    newline = text.find("\n", stop)
    return len(text) if newline < 0 else newline + 1


def code_span_end(text: str, start: int, end: int) -> int | None:
    """Where the inline code span opened by the backtick run at `start` ends.

    Returns:
        The index after the closing run of as many backticks, or None when the run
        opens no span (no closing run before `end` or before a blank line).
    """
    opener = _BACKTICKS.match(text, start, end)
    if opener is None or text[start - 1 : start] == "\\":
        return None
    width = len(opener[0])
    probe = opener.end()
    while (candidate := _BACKTICKS.search(text, probe, end)) is not None:
        # A code span cannot run across a blank line (a paragraph break).
        if "\n\n" in text[opener.end() : candidate.start()].replace("\r", ""):
            return None
        if len(candidate[0]) == width:
            return candidate.end()
        probe = candidate.end()
    return None


def _inline_segments(text: str, start: int, end: int) -> list[Segment]:
    """Cut a run of non-code text at its inline code spans."""
    if text.find("`", start, end) < 0:  # most paragraphs: no backtick, no search
        return [Segment(start, end, False)] if end > start else []
    out: list[Segment] = []
    cursor = search_from = start
    while (opener := _BACKTICKS.search(text, search_from, end)) is not None:
        close = code_span_end(text, opener.start(), end)
        if close is None:
            search_from = opener.end()
            continue
        if opener.start() > cursor:
            out.append(Segment(cursor, opener.start(), False))
        out.append(Segment(opener.start(), close, True))
        cursor = search_from = close
    if end > cursor:
        out.append(Segment(cursor, end, False))
    return out


@lru_cache(maxsize=4)  # a post goes through several steps with the same text
def split_code(text: str) -> list[Segment]:
    """Cut a Markdown text into code and non-code runs, in order, covering all of it.

    Args:
        text: A post's Markdown body.

    Returns:
        Consecutive segments; `"".join(text[s.start:s.end] for s in ...)` is `text`.
        The list is shared by callers with the same text: do not change it.
    """
    out: list[Segment] = []
    for segment in split_blocks(text):
        if segment.code:
            out.append(segment)
        else:
            out.extend(_inline_segments(text, segment.start, segment.end))
    return out
