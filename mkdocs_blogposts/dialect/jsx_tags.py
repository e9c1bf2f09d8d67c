"""Reading tags the way JSX writes them, for the converter and for finding HTML blocks.

`className="x"`, `width={256}`, `style={{ a: "}" }}` with nested braces and strings,
`{...spread}`, and `/>` on any element: Python's `html.parser` would lowercase the
names and split the braces, so this small tokenizer reads them instead.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Attribute", "Tag", "element_end", "match_braces", "parse_tag", "skip_js_string"]

_NAME = re.compile(r"[A-Za-z][\w.:-]*")
_ATTR_NAME = re.compile(r"[^\s\"'<>/={}]+")
_UNQUOTED = re.compile(r"[^\s\"'=<>`]+")
_SPACE = re.compile(r"\s*")


class Attribute(NamedTuple):
    """One attribute as written: `name`, `name="v"`, `name={expr}`, or `{...spread}`."""

    raw: str
    """The exact source text of the attribute."""
    name: str | None
    """None for a JSX spread `{...props}`."""
    value: str | None = None
    """The text between the quotes (still HTML-escaped), or the expression inside `{}`."""
    quote: str = ""
    """`"` or `'` for quoted values, `{` for expressions, `` for unquoted or none."""


class Tag(NamedTuple):
    """A start or end tag found in the text."""

    start: int
    end: int
    name: str
    closing: bool = False
    self_closing: bool = False
    attributes: tuple[Attribute, ...] = ()


def skip_js_string(text: str, i: int, end: int) -> int:
    """Index after the JS string literal whose quote is at `i`, or -1 if it never ends.

    Only a template literal (backticks) may run across lines.
    """
    quote = text[i]
    i += 1
    while i < end:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == quote:
            return i + 1
        if ch == "\n" and quote != "`":
            return -1
        i += 1
    return -1


def match_braces(text: str, i: int, end: int) -> int:
    """Index after the `}` that closes the `{` at `i`, skipping JS strings; -1 if none."""
    depth = 0
    while i < end:
        ch = text[i]
        if ch in "\"'`":
            i = skip_js_string(text, i, end)
            if i < 0:
                return -1
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def parse_tag(text: str, pos: int, end: int | None = None) -> Tag | None:
    """Read the tag that starts with the `<` at `pos`, or return None if it is not one.

    Args:
        text: The text.
        pos: Index of a `<`.
        end: Where the tag must end by (defaults to the end of the text).
    """
    end = len(text) if end is None else end
    i = pos + 1
    closing = text.startswith("/", i, end)
    if closing:
        i += 1
    name_match = _NAME.match(text, i, end)
    if name_match is None:
        return None
    name = name_match[0]
    i = name_match.end()
    if closing:
        i = _SPACE.match(text, i, end).end()  # type: ignore[union-attr]
        if i < end and text[i] == ">":
            return Tag(pos, i + 1, name, closing=True)
        return None
    attributes: list[Attribute] = []
    while i < end:
        after_space = _SPACE.match(text, i, end).end()  # type: ignore[union-attr]
        if text.startswith(">", after_space, end):
            return Tag(pos, after_space + 1, name, attributes=tuple(attributes))
        if text.startswith("/>", after_space, end):
            return Tag(pos, after_space + 2, name, self_closing=True, attributes=tuple(attributes))
        if after_space == i:
            return None  # attributes must be separated from the name and each other
        i = after_space
        if i >= end:
            return None  # the text ends inside the tag
        if text[i] == "{":
            close = match_braces(text, i, end)
            if close < 0:
                return None
            attributes.append(Attribute(text[i:close], None, text[i + 1 : close - 1], "{"))
            i = close
            continue
        attr_match = _ATTR_NAME.match(text, i, end)
        if attr_match is None:
            return None
        attr_start, attr_name = i, attr_match[0]
        i = attr_match.end()
        j = _SPACE.match(text, i, end).end()  # type: ignore[union-attr]
        if not text.startswith("=", j, end):
            attributes.append(Attribute(text[attr_start:i], attr_name))
            continue
        j = _SPACE.match(text, j + 1, end).end()  # type: ignore[union-attr]
        if j >= end:
            return None
        ch = text[j]
        if ch in "\"'":
            close = text.find(ch, j + 1, end)
            if close < 0:
                return None
            value, quote, i = text[j + 1 : close], ch, close + 1
        elif ch == "{":
            close = match_braces(text, j, end)
            if close < 0:
                return None
            value, quote, i = text[j + 1 : close - 1], "{", close
        else:
            unquoted = _UNQUOTED.match(text, j, end)
            if unquoted is None:
                return None
            value, quote, i = unquoted[0], "", unquoted.end()
        attributes.append(Attribute(text[attr_start:i], attr_name, value, quote))
    return None


def element_end(text: str, tag: Tag, end: int) -> tuple[int, int] | None:
    """Where the element opened by `tag` ends: (start, end) of its closing tag.

    Tags of the same name in between nest. Only tags of that name are read, found
    with a search for their name, so a long element costs one scan of its text.
    """
    if tag.self_closing or tag.closing:
        return None
    depth = 1
    candidates = re.compile(rf"</?{re.escape(tag.name)}(?=[\s/>])")
    for match in candidates.finditer(text, tag.end, end):
        inner = parse_tag(text, match.start(), end)
        if inner is None:
            continue
        if inner.closing:
            depth -= 1
            if depth == 0:
                return inner.start, inner.end
        elif not inner.self_closing:
            depth += 1
    return None
