"""A post's excerpt and reading time, read from its Markdown once per build."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .code_regions import split_blocks, split_code

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "DEFAULT_SEPARATORS",
    "excerpt_markdown",
    "reading_minutes",
    "remove_separators",
]

DEFAULT_SEPARATORS = ("<!-- more -->", "<!-- truncate -->", "{/* truncate */}")
"""Material's, Docusaurus' Markdown and Docusaurus' MDX excerpt markers."""

# Block starts that are not a paragraph of prose.
_NOT_PROSE = re.compile(
    r"[ ]{0,3}(?:#|<|>|\||!\[|\[\^|[-*+][ \t]|\d{1,9}[.)][ \t]|\{|import\s|export\s"
    r"|[-=_*]{3,}\s*$|\$\$|:::|!!!|\?\?\?)"
)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


@lru_cache(maxsize=16)
def _separator_pattern(separators: tuple[str, ...]) -> re.Pattern[str]:
    # Inner white space is free: `<!--more-->` is `<!-- more -->`.
    alternatives = (r"\s*".join(map(re.escape, s.split())) for s in separators if s.strip())
    return re.compile("|".join(alternatives) or r"(?!x)x")


@lru_cache(maxsize=16)
def _first_words(separators: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s.split()[0] for s in separators if s.strip())


def _find_separator(body: str, separators: tuple[str, ...]) -> re.Match[str] | None:
    # A substring test for each marker's first word is far cheaper than the regex scan.
    if not any(word in body for word in _first_words(separators)):
        return None
    pattern = _separator_pattern(separators)
    if not pattern.search(body):
        return None  # the common case: no marker anywhere, so none outside code
    for segment in split_code(body):
        if not segment.code and (match := pattern.search(body, segment.start, segment.end)):
            return match
    return None


def remove_separators(body: str, separators: Iterable[str] = DEFAULT_SEPARATORS) -> str:
    """The body without its excerpt marker, so `{/* truncate */}` never shows as text."""
    match = _find_separator(body, tuple(separators))
    return body if match is None else body[: match.start()] + body[match.end() :]


def _first_paragraph(body: str) -> str | None:
    for segment in split_blocks(body):
        if segment.code:
            continue
        for block in re.split(r"\n[ \t]*\n", body[segment.start : segment.end]):
            if block.strip() and not _NOT_PROSE.match(block.lstrip("\n")):
                return block.strip()
    return None


def excerpt_markdown(body: str, separators: Iterable[str] = DEFAULT_SEPARATORS) -> str | None:
    """The Markdown of a post's excerpt when its front matter gives none.

    The text before an excerpt marker outside code; else the first paragraph of
    prose; else None. Never the whole post.
    """
    match = _find_separator(body, tuple(separators))
    if match is not None:
        return body[: match.start()].strip() or None
    return _first_paragraph(body)


def reading_minutes(body: str, words_per_minute: int) -> int:
    """Minutes to read the prose of a body (code and markup do not count), at least 1.

    Words are what white space separates, as most reading-time counters count them.
    Han, kana and hangul characters count as a word each at twice the rate, the usual
    approximation for scripts written without spaces.
    """
    prose = " ".join(body[s.start : s.end] for s in split_code(body) if not s.code)
    prose = _LINK_TARGET.sub("]", _TAG.sub(" ", prose))
    cjk = 0
    # str.split is ten times faster than a word regex; the CJK scan runs only when
    # the text is not ASCII.
    if not prose.isascii() and _CJK.search(prose):
        cjk = len(_CJK.findall(prose))
        prose = _CJK.sub(" ", prose)
    words = len(prose.split())
    return max(1, math.ceil((words + cjk / 2) / words_per_minute))
