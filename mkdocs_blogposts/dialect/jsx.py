"""Turning the JSX that Next.js/MDX posts hold into the HTML a browser expects.

This is a small tokenizer, not a regex over HTML: it reads tags the way JSX writes
them (`className`, attribute values in `{...}` with nested braces and strings,
self-closing `<figure />`), rewrites only the tags that need it, and leaves every
other byte of the text as it was. Code (fenced, indented, inline) is never touched.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
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
from .jsx_tags import Tag, parse_tag

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["URL_ATTRIBUTES", "Conversion", "close_open_blocks", "convert"]

_SPACE = re.compile(r"\s*")
# One character class: the regex engine scans for it many times faster than for
# an alternation.
_NEXT = re.compile(r"[<`{}]")
_BACKTICK_RUN = re.compile(r"`+")
_CONTAINER_OPEN = re.compile(r"\{\s*<(?=[A-Za-z>])")
# What makes the content of a JSX block Markdown: a line that starts like a Markdown
# block (white space before it may span lines), a link, strong text, code, emphasis.
_MARKDOWN = re.compile(
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
# Markdown-holding blocks nest by recursion; deeper than this they stay plain HTML.
_MAX_MARKDOWN_DEPTH = 32
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


@dataclass
class Conversion:
    """The converted text and what was noticed on the way."""

    text: str
    warnings: list[tuple[int, str]] = field(default_factory=list)
    """(offset in the input, message) pairs."""
    unknown_components: dict[str, int] = field(default_factory=dict)
    """Each component name with no mapping, with the offset of its first use."""


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


def _has_markdown(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` holds Markdown, read as in the text around it."""
    return _MARKDOWN.search(text, start, end) is not None


def _escaped_at(text: str, index: int, start: int) -> bool:
    """Whether the character at `index` follows an odd run of backslashes."""
    run = 0
    while index - run - 1 >= start and text[index - run - 1] == "\\":
        run += 1
    return run % 2 == 1


def _is_component(name: str) -> bool:
    """`<Image>`, `<C.Counter>`: JSX components, never HTML (HTML in JSX is lowercase)."""
    return name[:1].isupper() or "." in name


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
        self.depth = 0  # how many Markdown-holding blocks we are inside
        self.raw_until = 0  # the end of the raw HTML block we are inside, if any
        self.segments = split_blocks(text)
        self.tags = tags_outside_code(text)
        self.closes, self.inner_depth = match_elements(text)
        # Offsets of `}` that close a `{<jsx>}` expression container, to drop.
        self.container_closers: set[int] = set()

    def run(self) -> str:
        return self._range(0, len(self.text))

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
        i = start  # text[start:i] is converted, in out
        k = start  # where the scan goes on: text[i:k] is kept as written
        while k < end and (found := _NEXT.search(text, k, end)) is not None:
            j = found.start()
            if text[j] == "`":
                close = code_span_end(text, j, end)
                # An unmatched run is skipped whole, so its tail never opens a span.
                k = _BACKTICK_RUN.match(text, j).end() if close is None else close  # type: ignore[union-attr]
                continue
            if text[j] in "{}":
                out.append(text[i:j])
                emitted, i = self._brace(j, end)
                out.append(emitted)
                k = i
                continue
            if text.startswith("<!--", j):
                close = text.find("-->", j + 4, end)
                k = end if close < 0 else close + 3
                continue
            if _escaped_at(text, j, start):
                # `\\<Company Name>`: Markdown and MDX escape; Python-Markdown does not
                # know `\\<`, so it is written as the entity it means.
                out.append(text[i : j - 1] + "&lt;")
                i = k = j + 1
                continue
            if text.startswith(("<>", "</>"), j):  # a JSX fragment: only its children
                out.append(text[i:j])
                i = k = j + (2 if text[j + 1] == ">" else 3)
                continue
            tag = self._tag_at(j, end)
            if tag is None or ":" in tag.name:
                k = j + 1
                continue
            out.append(text[i:j])
            replacement, i = self._tag(tag, limit)
            out.append(replacement)
            k = i
        if i < end:
            out.append(text[i:end])
            i = end
        return "".join(out), i

    def _tag_at(self, j: int, end: int) -> Tag | None:
        """The tag at `j` that ends by `end`: read once for the text, else read now."""
        tag = self.tags.get(j)
        if tag is not None and tag.end <= end:
            return tag
        return parse_tag(self.text, j, end)

    def _brace(self, j: int, end: int) -> tuple[str, int]:
        """A brace in prose: what to write for it, and where scanning goes on."""
        if self.text[j] == "}":
            # Dropped when it closes a `{<jsx>}` container, else kept as text.
            return ("" if j in self.container_closers else "}"), j + 1
        if _CONTAINER_OPEN.match(self.text, j):
            lt = self.text.index("<", j)
            tag = parse_tag(self.text, lt, end)
            close = self.closes.get(tag.start) if tag else None
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
            close = self.closes.get(tag.start)
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
        close = self.closes.get(tag.start)
        if (
            name not in BLOCK_CONTAINERS
            or close is None
            or tag.closing
            or tag.self_closing
            or self.text[self.text.rfind("\n", 0, tag.start) + 1 : tag.start].strip()
        ):
            return rewritten, tag.end
        if (
            tag.start >= self.raw_until
            and self.inner_depth[tag.start] <= _MAX_MARKDOWN_DEPTH - self.depth
            and "markdown=" not in rewritten
            and _has_markdown(self.text, tag.end, close[0])
        ):
            # MDX renders Markdown inside JSX blocks; Python-Markdown does with
            # md_in_html and markdown="1". MDX has no indented code, so the content
            # is dedented too: otherwise an indented image would become code.
            self.depth += 1
            try:
                body = self._range(tag.end, close[0])
            finally:
                self.depth -= 1
            cut = _indent_of(self.text[tag.end : close[0]])
            opened = rewritten[:-1].rstrip("/ ") + ' markdown="1">'
            return f"{opened}\n\n{_dedent(body, cut).strip(chr(10))}\n\n</{name}>", close[1]
        # A block left as raw HTML: Python-Markdown renders nothing inside it as
        # Markdown, so no block inside it is marked either.
        self.raw_until = max(self.raw_until, close[1])
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


@lru_cache(maxsize=4)  # the repair pass and the conversion read the same text
def tags_outside_code(text: str) -> dict[int, Tag]:
    """Every tag outside code blocks, by offset, in order; each read once.

    Scanning goes on after a tag's end, so a `<` inside an attribute value or an
    expression is never read as a tag of its own. The dict is shared by callers with
    the same text: do not change it.
    """
    tags: dict[int, Tag] = {}
    for segment in split_blocks(text):
        if segment.code:
            continue
        i = segment.start
        while (j := text.find("<", i, segment.end)) >= 0:
            tag = parse_tag(text, j, segment.end)
            if tag is None:
                i = j + 1
                continue
            tags[j] = tag
            i = tag.end
    return tags


def match_elements(text: str) -> tuple[dict[int, tuple[int, int]], dict[int, int]]:
    """Pair every start tag outside code with its end tag, in one pass.

    Returns:
        For each start tag's offset, the (start, end) of its end tag; and how deep
        elements nest inside it. Tags never closed have no pair.
    """
    closes: dict[int, tuple[int, int]] = {}
    inner: dict[int, int] = {}
    stack: list[tuple[str, int, int]] = []  # (name, offset, deepest child so far)
    for tag in tags_outside_code(text).values():
        if tag.self_closing or tag.name.lower() in VOID_ELEMENTS:
            continue
        if not tag.closing:
            stack.append((tag.name, tag.start, 0))
            continue
        at = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == tag.name), None)
        if at is None:
            continue  # an end tag nothing opened
        for _name, start, depth in reversed(stack[at + 1 :]):
            inner[start] = depth  # left open inside: counted, not paired
        _, start, depth = stack[at]
        del stack[at:]
        closes[start] = (tag.start, tag.end)
        inner[start] = depth
        if stack:
            parent = stack[-1]
            stack[-1] = (parent[0], parent[1], max(parent[2], depth + 1))
    for _name, start, depth in stack:
        inner[start] = depth
    return closes, inner


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


# Python-Markdown's block-level elements: one left open turns the rest of the post
# into raw HTML, headings and emphasis included.
_MUST_CLOSE = frozenset(
    """
    address article aside blockquote details dialog dd div dl dt fieldset figcaption
    figure footer form header hgroup li main nav ol section table ul
    """.split()
)
_LINE_TAG = re.compile(r"^[ ]{0,3}<(?=[A-Za-z])", re.MULTILINE)


def close_open_blocks(text: str) -> Conversion:
    """Close the block elements a post opens at the start of a line and never closes.

    The closing tag goes at the end of the element's paragraph (before the next blank
    line), so the rest of the post is Markdown again. Line numbers do not change. One
    pass over the tags, with a stack per element name, so nesting costs nothing.

    Returns:
        The text, and a warning (offset, message) for each element closed.
    """
    open_tags: dict[str, list[Tag]] = {}
    for j, tag in tags_outside_code(text).items():
        if tag.name not in _MUST_CLOSE or tag.self_closing:
            continue
        stack = open_tags.setdefault(tag.name, [])
        if tag.closing:
            if stack:
                stack.pop()
        elif _LINE_TAG.match(text, text.rfind("\n", 0, j) + 1):
            stack.append(tag)
        else:
            stack.append(Tag(-1, -1, tag.name))  # mid-line: counted, never repaired
    inserts: list[tuple[int, str]] = []
    warnings: list[tuple[int, str]] = []
    for name, stack in open_tags.items():
        for tag in stack:
            if tag.start < 0:
                continue
            blank = text.find("\n\n", tag.end)
            at = len(text.rstrip("\n")) if blank < 0 else blank
            inserts.append((at, f"</{name}>"))
            warnings.append(
                (
                    tag.start,
                    f"<{name}> is never closed; it was closed at the end of its paragraph. "
                    f"Add </{name}> where it should end",
                )
            )
    for at, closing in sorted(inserts, reverse=True):
        text = text[:at] + closing + text[at:]
    return Conversion(text, sorted(warnings))
