"""Text from posts made safe for the places it is written: HTML, and Markdown."""

from __future__ import annotations

import html
from typing import Any

__all__ = ["escaped", "markdown_text"]


def escaped(value: Any) -> Any:
    """A value with every string in it HTML-escaped, in lists and dict values too.

    MkDocs' Jinja does not autoescape, so `{{ page.meta.x }}` in any theme shows text,
    never markup, only if the string is escaped before the theme sees it.
    """
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, list):
        return [escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: escaped(v) for k, v in value.items()}
    return value


def markdown_text(text: str) -> str:
    """Text that Markdown shows as it is: HTML-escaped, Markdown's specials escaped."""
    escaped_text = html.escape(text, quote=False)
    return "".join("\\" + ch if ch in "\\`*_{}[]()#+-.!" else ch for ch in escaped_text)
