"""Turning the JSX that Next.js/MDX posts hold into the HTML a browser expects.

This is a small tokenizer, not a regex over HTML: it reads tags the way JSX writes
them (`className`, attribute values in `{...}` with nested braces and strings,
self-closing `<figure />`), rewrites only the tags that need it, and leaves every
other byte of the text as it was. Code (fenced, indented, inline) is never touched.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .code_regions import code_span_end, split_blocks
from .components import (
    ADMONITION_CLOSE,
    DEFAULT_COMPONENTS,
    ComponentSpec,
    admonition_open,
    embed,
    parse_spec,
)
from .html_names import BLOCK_CONTAINERS, ELEMENTS, VOID_ELEMENTS, attribute_name, style_text
from .jsliteral import NotALiteral, parse_literal

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["URL_ATTRIBUTES", "Attribute", "Conversion", "Tag", "convert", "parse_tag"]

_NAME = re.compile(r"[A-Za-z][\w.:-]*")
_ATTR_NAME = re.compile(r"[^\s\"'<>/={}]+")
_UNQUOTED = re.compile(r"[^\s\"'=<>`]+")
_SPACE = re.compile(r"\s*")
_NEXT = re.compile(r"<|`+|[{}]")
_CONTAINER_OPEN = re.compile(r"\{\s*<(?=[A-Za-z>])")
_MARKDOWN_LINE = re.compile(
    r"^\s*(?:!?\[|#{1,6}\s|[-*+]\s|\d+[.)]\s|>)|\]\(|\*\*|__|`"
    r"|(?<![\w*])\*[^\s*][^*\n]*\*(?![\w*])|(?<!\w)_[^\s_][^_\n]*_(?!\w)",
    re.MULTILINE,
)
_REACT_ONLY = re.compile(r"on[A-Z]\w*|key|ref|dangerouslySetInnerHTML|suppressHydrationWarning")
# next/image props that mean nothing to a browser.
_NEXT_IMAGE_ONLY = frozenset(
    "priority placeholder blurDataURL quality loader fill layout objectFit objectPosition "
    "unoptimized lazyBoundary lazyRoot".split()
)
_DEFAULT_SPECS = {name: parse_spec(spec) for name, spec in DEFAULT_COMPONENTS.items()}

URL_ATTRIBUTES = frozenset(
    {
        ("img", "src"),
        ("img", "srcset"),
        ("source", "src"),
        ("source", "srcset"),
        ("video", "src"),
        ("video", "poster"),
        ("audio", "src"),
    }
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
    unknown_components: dict[str, int] = field(default_factory=dict)
    """Each component name with no mapping, with the offset of its first use."""


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
    """The value of a JSX attribute expression that is plain data, else None.

    Numbers become their text; `true`/`false` stay booleans (boolean attributes);
    `null`/`undefined` mean no attribute (False); an array becomes its items joined by
    spaces. Anything that needs JavaScript is None.
    """
    try:
        value = parse_literal(expression)
    except NotALiteral:
        return None
    if value is None:
        return False
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return " ".join(str(v) for v in value)
    return None


def _escaped_at(text: str, index: int, start: int) -> bool:
    """Whether the character at `index` follows an odd run of backslashes."""
    run = 0
    while index - run - 1 >= start and text[index - run - 1] == "\\":
        run += 1
    return run % 2 == 1


def _is_component(name: str) -> bool:
    """`<Image>`, `<C.Counter>`: JSX components, never HTML (HTML in JSX is lowercase)."""
    return name[:1].isupper() or "." in name


def element_end(
    text: str, tag: Tag, end: int, in_code: Callable[[int], bool] | None = None
) -> tuple[int, int] | None:
    """Where the element opened by `tag` ends: (start, end) of its closing tag.

    Tags of the same name in between nest; with `in_code`, tags in code do not count.
    """
    if tag.self_closing or tag.closing:
        return None
    depth = 1
    i = tag.end
    while (j := text.find("<", i, end)) >= 0:
        inner = parse_tag(text, j, end)
        if inner is None or inner.name != tag.name or (in_code and in_code(j)):
            i = j + 1
            continue
        if inner.closing:
            depth -= 1
            if depth == 0:
                return inner.start, inner.end
        elif not inner.self_closing:
            depth += 1
        i = inner.end
    return None


class _Converter:
    def __init__(
        self,
        text: str,
        resolve_url: Callable[[str, int], str | None] | None,
        components: Mapping[str, ComponentSpec],
    ) -> None:
        self.text = text
        self.resolve_url = resolve_url
        self.components = components
        self.warnings: list[tuple[int, str]] = []
        self.unknown: dict[str, int] = {}
        self.segments = split_blocks(text)
        self.starts = [segment.start for segment in self.segments]
        # Offsets of `}` that close a `{<jsx>}` expression container, to drop.
        self.container_closers: set[int] = set()

    def run(self) -> str:
        return self._range(0, len(self.text))

    def _in_code(self, offset: int) -> bool:
        index = bisect_right(self.starts, offset) - 1
        return index >= 0 and self.segments[index].code and offset < self.segments[index].end

    def _range(self, start: int, end: int) -> str:
        """Convert `text[start:end]`: block code copied, the rest converted."""
        out: list[str] = []
        pos = start
        for segment in self.segments:
            if segment.end <= pos or segment.start >= end:
                continue
            stop = min(segment.end, end)
            if segment.code:
                out.append(self.text[pos:stop])
                pos = stop
            else:
                chunk, pos = self._convert(pos, stop, end)
                out.append(chunk)
        return "".join(out)

    def _convert(self, start: int, end: int, limit: int) -> tuple[str, int]:
        """Convert prose from `start` to `end`; an element may carry on up to `limit`.

        Returns:
            The converted text and the offset it reaches.
        """
        text = self.text
        out: list[str] = []
        i = start
        while i < end and (found := _NEXT.search(text, i, end)) is not None:
            j = found.start()
            if text[j] == "`":
                close = code_span_end(text, j, end)
                stop = found.end() if close is None else close
                out.append(text[i:stop])
                i = stop
                continue
            if text[j] in "{}":
                out.append(text[i:j])
                emitted, i = self._brace(j, end)
                out.append(emitted)
                continue
            if text.startswith("<!--", j):
                close = text.find("-->", j + 4, end)
                stop = end if close < 0 else close + 3
                out.append(text[i:stop])
                i = stop
                continue
            if _escaped_at(text, j, start):
                # `\\<Company Name>`: Markdown and MDX escape; Python-Markdown does not
                # know `\\<`, so it is written as the entity it means.
                out.append(text[i : j - 1] + "&lt;")
                i = j + 1
                continue
            if text.startswith(("<>", "</>"), j):  # a JSX fragment: only its children
                out.append(text[i:j])
                i = j + (2 if text[j + 1] == ">" else 3)
                continue
            tag = parse_tag(text, j, end)
            if tag is None or ":" in tag.name:
                out.append(text[i : j + 1])
                i = j + 1
                continue
            out.append(text[i:j])
            replacement, i = self._tag(tag, limit)
            out.append(replacement)
        if i < end:
            out.append(text[i:end])
            i = end
        return "".join(out), i

    def _brace(self, j: int, end: int) -> tuple[str, int]:
        """A brace in prose: what to write for it, and where scanning goes on."""
        if self.text[j] == "}":
            # Dropped when it closes a `{<jsx>}` container, else kept as text.
            return ("" if j in self.container_closers else "}"), j + 1
        if _CONTAINER_OPEN.match(self.text, j):
            lt = self.text.index("<", j)
            tag = parse_tag(self.text, lt, end)
            close = element_end(self.text, tag, len(self.text), self._in_code) if tag else None
            stop = close[1] if close else (tag.end if tag and tag.self_closing else None)
            if stop is not None:
                after = _SPACE.match(self.text, stop).end()  # type: ignore[union-attr]
                if self.text.startswith("}", after):
                    # `{<details>...</details>}`: JSX inside an expression container.
                    self.container_closers.add(after)
                    return "", lt
        return "{", j + 1

    def _tag(self, tag: Tag, end: int) -> tuple[str, int]:
        """The replacement for one tag, and where scanning goes on."""
        name = tag.name
        if not _is_component(name):
            if name in ELEMENTS:
                return self._html_tag(tag, name, end)
            if "-" in name:
                return self.text[tag.start : tag.end], tag.end  # a custom element
            # `<proportionate>`: a word in angle brackets, which a browser would hide.
            return "&lt;" + self.text[tag.start + 1 : tag.end], tag.end
        spec = self.components.get(name)
        if spec is None:
            if name not in self.unknown:
                self.unknown[name] = tag.start
                self.warnings.append(
                    (
                        tag.start,
                        f"<{name}> is a component with no HTML mapping; its content is kept "
                        f"and its tags dropped. Map it with the 'components' option "
                        f"(for example {name}: unwrap)",
                    )
                )
            return "", tag.end
        if spec.kind == "element":
            return self._html_tag(tag, spec.arg, end)
        if spec.kind == "unwrap":
            return "", tag.end
        if spec.kind == "drop":
            close = element_end(self.text, tag, end, self._in_code)
            return "", (close[1] if close else tag.end)
        if spec.kind == "admonition":
            if tag.closing:
                return ADMONITION_CLOSE, tag.end
            attrs = self._values(tag)
            kind = attrs.get("type") or attrs.get("variant") or attrs.get("kind") or spec.arg
            if not re.fullmatch(r"[a-z][a-z0-9-]*", kind.lower()):
                kind = spec.arg
            opened = admonition_open(kind.lower(), attrs.get("title"))
            return (opened + ADMONITION_CLOSE if tag.self_closing else opened), tag.end
        # youtube, vimeo, tweet
        if tag.closing:
            return "", tag.end
        html_embed = embed(spec.kind, self._values(tag))
        if html_embed is None:
            self.warnings.append(
                (tag.start, f"<{name}> names no {spec.kind} id or src; it was left out")
            )
            return "", tag.end
        return html_embed, tag.end

    def _values(self, tag: Tag) -> dict[str, str]:
        """A component's attributes that are plain text, numbers or literals."""
        values: dict[str, str] = {}
        for attribute in tag.attributes:
            if attribute.name is None or attribute.value is None:
                continue
            if attribute.quote == "{":
                value = _literal(attribute.value)
                if isinstance(value, str):
                    values[attribute.name] = value
            else:
                values[attribute.name] = html.unescape(attribute.value)
        return values

    def _html_tag(self, tag: Tag, name: str, end: int) -> tuple[str, int]:
        rewritten = self._rewrite(tag, name)
        if (
            name in BLOCK_CONTAINERS
            and not tag.closing
            and not tag.self_closing
            and "markdown=" not in rewritten
            and not self.text[self.text.rfind("\n", 0, tag.start) + 1 : tag.start].strip()
            and (close := element_end(self.text, tag, end, self._in_code)) is not None
            and _MARKDOWN_LINE.search(self.text, tag.end, close[0])
        ):
            # MDX renders Markdown inside JSX blocks; Python-Markdown does with
            # md_in_html and markdown="1". MDX has no indented code, so the content
            # is dedented too: otherwise an indented image would become code.
            body = self._range(tag.end, close[0])
            cut = _indent_of(self.text[tag.end : close[0]])
            closing = self._rewrite(parse_tag(self.text, close[0], end), name)  # type: ignore[arg-type]
            opened = rewritten[:-1].rstrip("/ ") + ' markdown="1">'
            return f"{opened}\n\n{_dedent(body, cut).strip(chr(10))}\n\n{closing}", close[1]
        return rewritten, tag.end

    def _rewrite(self, tag: Tag, name: str) -> str:
        """The tag as HTML; its exact source text when nothing needs to change."""
        renamed = name != tag.name
        if tag.closing:
            return f"</{name}>" if renamed else self.text[tag.start : tag.end]
        changed = renamed
        parts: list[str] = []
        classes: list[str] = []
        class_index: int | None = None
        for attribute in tag.attributes:
            if attribute.name is None:
                self.warnings.append(
                    (tag.start, f"<{tag.name}> has a JSX spread {attribute.raw}, which was dropped")
                )
                changed = True
                continue
            if _REACT_ONLY.fullmatch(attribute.name) or (
                name == "img" and attribute.name in _NEXT_IMAGE_ONLY
            ):
                changed = True  # event handlers and React/next-image props mean nothing here
                continue
            attr_name = attribute_name(name, attribute.name)
            value: str | bool | None = attribute.value
            escaped = attribute.quote in ('"', "'")
            if attribute.quote == "{":
                escaped = False
                value = self._expression(tag, attr_name, attribute.value or "")
                if value is None:
                    changed = True
                    continue
            elif attribute.quote == "" and value is None:
                value = True
            resolved = None
            if self.resolve_url and isinstance(value, str) and (name, attr_name) in URL_ATTRIBUTES:
                url = html.unescape(value) if escaped else value
                resolved = self._resolve(url, attr_name, tag.start)
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
            elif value is not False:
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

    def _expression(self, tag: Tag, attr_name: str, expression: str) -> str | bool | None:
        """The value of `name={expression}`, or None (with a warning) when it needs JS."""
        if attr_name == "style":
            try:
                style = parse_literal(expression)
            except NotALiteral:
                style = None
            if isinstance(style, dict):
                return style_text(style) or None
        else:
            value = _literal(expression)
            if value is not None:
                return value
        self.warnings.append(
            (
                tag.start,
                f"<{tag.name} {attr_name}={{...}}> holds an expression that cannot be "
                "evaluated without JavaScript; the attribute was dropped",
            )
        )
        return None

    def _resolve(self, url: str, attr_name: str, offset: int) -> str | None:
        assert self.resolve_url is not None
        if attr_name != "srcset":
            return self.resolve_url(url, offset)
        candidates = []
        changed = False
        for candidate in url.split(","):
            words = candidate.split()
            if not words:
                continue
            new = self.resolve_url(words[0], offset)
            changed |= new is not None
            candidates.append(" ".join([new or words[0], *words[1:]]))
        return ", ".join(candidates) if changed else None


def _indent_of(text: str) -> int:
    """The white space all non-blank lines of `text` share at their start."""
    widths = [len(line) - len(line.lstrip(" \t")) for line in text.split("\n") if line.strip()]
    return min(widths, default=0)


def _dedent(text: str, cut: int) -> str:
    """Remove up to `cut` characters of leading white space from every line."""
    lines = text.split("\n")
    return "\n".join(line[min(cut, len(line) - len(line.lstrip(" \t"))) :] for line in lines)


def convert(
    text: str,
    resolve_url: Callable[[str, int], str | None] | None = None,
    components: Mapping[str, ComponentSpec] | None = None,
) -> Conversion:
    """Rewrite the JSX in a Markdown text as HTML, outside code.

    Args:
        text: A post's Markdown body.
        resolve_url: Called with each image or media URL and its offset in `text`;
            returns the URL to write instead, or None to keep it.
        components: What each component name becomes; defaults to `DEFAULT_COMPONENTS`.

    Returns:
        The new text, warnings (offset, message) about what could not be kept, and
        the components that have no mapping.
    """
    converter = _Converter(text, resolve_url, _DEFAULT_SPECS if components is None else components)
    return Conversion(converter.run(), converter.warnings, converter.unknown)
