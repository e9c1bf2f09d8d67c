"""Turning the JSX that Next.js/MDX posts hold into the HTML a browser expects.

This is a small tokenizer, not a regex over HTML: it reads tags the way JSX writes
them (`className`, attribute values in `{...}` with nested braces and strings,
self-closing `<figure />`), rewrites only the tags that need it, and leaves every
other byte of the text as it was. Code (fenced, indented, inline) is never touched.
"""

from __future__ import annotations

import ast
import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .code_regions import code_span_end, split_blocks
from .html_names import ATTRIBUTE_RENAMES, ELEMENTS, VOID_ELEMENTS

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["URL_ATTRIBUTES", "Attribute", "Conversion", "Tag", "convert", "parse_tag"]

_NAME = re.compile(r"[A-Za-z][\w.:-]*")
_ATTR_NAME = re.compile(r"[^\s\"'<>/={}]+")
_UNQUOTED = re.compile(r"[^\s\"'=<>`]+")
_SPACE = re.compile(r"\s*")
_NEXT = re.compile(r"<|`+")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")

URL_ATTRIBUTES = frozenset(
    {("img", "src"), ("source", "src"), ("video", "src"), ("video", "poster"), ("audio", "src")}
)
"""The (element, attribute) pairs whose value is an image or media URL to resolve."""


@dataclass(frozen=True)
class Attribute:
    """One attribute as written: `name`, `name="v"`, `name={expr}`, or `{...spread}`."""

    raw: str
    """The exact source text of the attribute."""
    name: str | None
    """None for a JSX spread `{...props}`."""
    value: str | None = None
    """The text between the quotes (still HTML-escaped), or the expression inside `{}`."""
    quote: str = ""
    """`"` or `'` for quoted values, `{` for expressions, `` for unquoted or none."""


@dataclass(frozen=True)
class Tag:
    """A start or end tag found in the text."""

    start: int
    end: int
    name: str
    closing: bool = False
    self_closing: bool = False
    attributes: tuple[Attribute, ...] = ()


@dataclass
class Conversion:
    """The converted text and what was noticed on the way."""

    text: str
    warnings: list[tuple[int, str]] = field(default_factory=list)
    """(offset in the input, message) pairs."""


def _skip_string(text: str, i: int, end: int) -> int:
    """Index after the JS string literal starting at `i` (quote char at `i`), or -1."""
    quote = text[i]
    i += 1
    while i < end:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == quote:
            return i + 1
        i += 1
    return -1


def _match_braces(text: str, i: int, end: int) -> int:
    """Index after the `}` that closes the `{` at `i`, skipping JS strings; -1 if none."""
    depth = 0
    while i < end:
        ch = text[i]
        if ch in "\"'`":
            i = _skip_string(text, i, end)
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
    closing = text.startswith("/", i)
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
        if text.startswith(">", after_space):
            return Tag(pos, after_space + 1, name, attributes=tuple(attributes))
        if text.startswith("/>", after_space):
            return Tag(pos, after_space + 2, name, self_closing=True, attributes=tuple(attributes))
        if after_space == i:
            return None  # attributes must be separated from the name and each other
        i = after_space
        if text[i] == "{":
            close = _match_braces(text, i, end)
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
        if not text.startswith("=", j):
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
            close = _match_braces(text, j, end)
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


def _literal(expression: str) -> str | bool | None:
    """The value of a JSX attribute expression that is a plain literal, else None."""
    expr = expression.strip()
    if expr in ("true", "false"):
        return expr == "true"
    if _NUMBER.fullmatch(expr):
        return expr
    if len(expr) >= 2 and expr[0] == expr[-1] and expr[0] in "\"'`":
        if expr[0] == "`":
            inner = expr[1:-1]
            return None if "${" in inner else inner
        try:
            value = ast.literal_eval(expr)
        except (ValueError, SyntaxError):
            return None
        return value if isinstance(value, str) else None
    return None


def _escaped_at(text: str, index: int, start: int) -> bool:
    """Whether the character at `index` follows an odd run of backslashes."""
    run = 0
    while index - run - 1 >= start and text[index - run - 1] == "\\":
        run += 1
    return run % 2 == 1


def _is_html(name: str) -> bool:
    return name in ELEMENTS or name.lower() in ELEMENTS


class _Converter:
    def __init__(self, text: str, resolve_url: Callable[[str, int], str | None] | None) -> None:
        self.text = text
        self.resolve_url = resolve_url
        self.warnings: list[tuple[int, str]] = []

    def run(self) -> str:
        out: list[str] = []
        # Block code is skipped here; inline code spans are skipped while scanning,
        # because a backtick inside a JSX attribute (`{`...`}`) opens no code span.
        for segment in split_blocks(self.text):
            chunk = self.text[segment.start : segment.end]
            out.append(chunk if segment.code else self._convert(segment.start, segment.end))
        return "".join(out)

    def _convert(self, start: int, end: int) -> str:
        text = self.text
        out: list[str] = []
        i = start
        while (found := _NEXT.search(text, i, end)) is not None:
            j = found.start()
            if text[j] == "`":
                close = code_span_end(text, j, end)
                stop = found.end() if close is None else close
                out.append(text[i:stop])
                i = stop
                continue
            if text.startswith("<!--", j):
                close = text.find("-->", j + 4, end)
                stop = end if close < 0 else close + 3
                out.append(text[i:stop])
                i = stop
                continue
            if _escaped_at(text, j, start):
                # `\<Company Name>`: Markdown and MDX escape; Python-Markdown does not
                # know `\<`, so it is written as the entity it means.
                out.append(text[i : j - 1] + "&lt;")
                i = j + 1
                continue
            tag = parse_tag(text, j, end)
            if tag is None or ":" in tag.name:
                out.append(text[i : j + 1])
                i = j + 1
                continue
            out.append(text[i:j])
            if _is_html(tag.name):
                out.append(self._rewrite(tag))
            elif "-" in tag.name or tag.name[0].isupper() or "." in tag.name:
                # Custom elements pass through; components are a later step.
                out.append(text[tag.start : tag.end])
            else:
                # `<proportionate>`: a word in angle brackets, which a browser would hide.
                out.append("&lt;" + text[j + 1 : tag.end])
            i = tag.end
        out.append(text[i:end])
        return "".join(out)

    def _rewrite(self, tag: Tag) -> str:
        """The tag as HTML; its exact source text when nothing needs to change."""
        if tag.closing:
            return self.text[tag.start : tag.end]
        name = tag.name
        changed = False
        parts: list[str] = []
        classes: list[str] = []
        class_index: int | None = None
        for attribute in tag.attributes:
            if attribute.name is None:
                self.warnings.append(
                    (tag.start, f"<{name}> has a JSX spread {attribute.raw}, which was dropped")
                )
                changed = True
                continue
            attr_name = ATTRIBUTE_RENAMES.get(attribute.name, attribute.name)
            value: str | bool | None = attribute.value
            escaped = attribute.quote in ('"', "'")
            if attribute.quote == "{":
                value = _literal(attribute.value or "")
                escaped = False
                if value is None:
                    self.warnings.append(
                        (
                            tag.start,
                            f"<{name} {attribute.name}={{...}}> holds an expression that "
                            "cannot be evaluated without JavaScript; the attribute was dropped",
                        )
                    )
                    changed = True
                    continue
            elif attribute.quote == "" and value is None:
                value = True
            resolved = None
            if self.resolve_url and isinstance(value, str) and (name, attr_name) in URL_ATTRIBUTES:
                url = html.unescape(value) if escaped else value
                resolved = self.resolve_url(url, tag.start)
                if resolved is not None:
                    value, escaped = resolved, False
            if attr_name == "class" and isinstance(value, str):
                # className and class both land in one class attribute.
                classes.append(value if escaped else html.escape(value))
                if class_index is None:
                    class_index = len(parts)
                    parts.append(" " + attribute.raw)
                changed |= attribute.name != "class" or not escaped or len(classes) > 1
                continue
            if attr_name == attribute.name and attribute.quote != "{" and resolved is None:
                parts.append(" " + attribute.raw)
                continue
            changed = True
            if value is True:
                parts.append(f" {attr_name}")
            elif value is False:
                continue
            else:
                assert isinstance(value, str)
                parts.append(f' {attr_name}="{value if escaped else html.escape(value)}"')
        if class_index is not None and changed:
            parts[class_index] = f' class="{" ".join(classes)}"'
        void = name.lower() in VOID_ELEMENTS
        if tag.self_closing and not void:
            changed = True
        if not changed:
            return self.text[tag.start : tag.end]
        attrs = "".join(parts)
        if void:
            return f"<{name}{attrs} />" if tag.self_closing else f"<{name}{attrs}>"
        return f"<{name}{attrs}></{name}>" if tag.self_closing else f"<{name}{attrs}>"


def convert(text: str, resolve_url: Callable[[str, int], str | None] | None = None) -> Conversion:
    """Rewrite the JSX in a Markdown text as HTML, outside code.

    Args:
        text: A post's Markdown body.
        resolve_url: Called with each image or media URL and its offset in `text`;
            returns the URL to write instead, or None to keep it.

    Returns:
        The new text and warnings (offset, message) about what could not be kept.
    """
    converter = _Converter(text, resolve_url)
    return Conversion(converter.run(), converter.warnings)
