"""What HTML itself defines: element names, void elements, attribute names."""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "BLOCK_CONTAINERS",
    "ELEMENTS",
    "SPECIAL_ATTRIBUTES",
    "SVG_CAMEL_ATTRIBUTES",
    "SVG_ELEMENTS",
    "UNITLESS_CSS",
    "VOID_ELEMENTS",
    "attribute_name",
    "style_text",
]

VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
"""Elements that have no end tag (`<img>`), so `/>` needs no closing tag."""

ELEMENTS = VOID_ELEMENTS | frozenset(
    """
    a abbr address article aside audio b bdi bdo blockquote body button canvas caption
    center cite code colgroup data datalist dd del details dfn dialog div dl dt em
    fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup
    html i iframe ins kbd label legend li main map mark menu meter nav noscript object
    ol optgroup option output p picture pre progress q rp rt ruby s samp script search
    section select slot small span strike strong style sub summary sup table tbody td
    template textarea tfoot th thead time title tr tt u ul var video
    svg g path circle ellipse line polyline polygon rect text tspan textPath use defs
    symbol marker mask pattern clipPath linearGradient radialGradient stop filter image
    foreignObject desc feBlend feColorMatrix feComposite feGaussianBlur feOffset feMerge
    feMergeNode feFlood
    math mi mn mo ms mtext mrow msup msub mfrac msqrt mroot semantics annotation
    """.split()
)
"""Every element name the plugin treats as a tag; other lowercase `<words>` are text."""


SPECIAL_ATTRIBUTES = {
    "className": "class",
    "htmlFor": "for",
    "httpEquiv": "http-equiv",
    "acceptCharset": "accept-charset",
    "xlinkHref": "xlink:href",
    "xmlLang": "xml:lang",
    "xmlSpace": "xml:space",
}
"""React names whose HTML name is not simply the lowercase or kebab-case of it."""

SVG_ELEMENTS = frozenset(
    """
    svg g path circle ellipse line polyline polygon rect text tspan textPath use defs
    symbol marker mask pattern clipPath linearGradient radialGradient stop filter image
    foreignObject desc feBlend feColorMatrix feComposite feGaussianBlur feOffset feMerge
    feMergeNode feFlood
    """.split()
)

SVG_CAMEL_ATTRIBUTES = frozenset(
    """
    viewBox preserveAspectRatio gradientUnits gradientTransform patternUnits
    patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits
    markerWidth markerHeight markerUnits refX refY spreadMethod startOffset
    stdDeviation textLength lengthAdjust pathLength baseFrequency numOctaves
    filterUnits primitiveUnits kernelMatrix tableValues
    """.split()
)
"""SVG attributes that are camelCase in SVG itself; other camelCase SVG props are kebab-case."""

UNITLESS_CSS = frozenset(
    """
    animationIterationCount aspectRatio borderImageOutset borderImageSlice
    borderImageWidth boxFlex boxFlexGroup boxOrdinalGroup columnCount columns flex
    flexGrow flexPositive flexShrink flexNegative flexOrder gridArea gridRow gridRowEnd
    gridRowSpan gridRowStart gridColumn gridColumnEnd gridColumnSpan gridColumnStart
    fontWeight lineClamp lineHeight opacity order orphans scale tabSize widows zIndex
    zoom fillOpacity floodOpacity stopOpacity strokeDasharray strokeDashoffset
    strokeMiterlimit strokeOpacity strokeWidth
    """.split()
)
"""CSS properties whose bare numbers React writes without `px`."""

BLOCK_CONTAINERS = frozenset(
    "article aside blockquote center details div footer header main nav section".split()
)
"""Elements that can hold Markdown in MDX (`<div>` around an image, say)."""


_UPPER = re.compile(r"(?<=[a-z0-9])([A-Z])")


def _kebab(name: str) -> str:
    return _UPPER.sub(r"-\1", name).lower()


def attribute_name(element: str, name: str) -> str:
    """The HTML name of a JSX attribute on `element`.

    `className` -> `class`, `tabIndex` -> `tabindex`, `strokeWidth` -> `stroke-width`
    on SVG elements, where `viewBox` stays as it is.
    """
    if name in SPECIAL_ATTRIBUTES:
        return SPECIAL_ATTRIBUTES[name]
    if "-" in name or ":" in name or name.islower():
        return name
    if element in SVG_ELEMENTS:
        return name if name in SVG_CAMEL_ATTRIBUTES else _kebab(name)
    return name.lower()


def _unprefixed(name: str) -> str:
    for prefix in ("Webkit", "Moz", "ms"):
        if name.startswith(prefix) and name[len(prefix) : len(prefix) + 1].isupper():
            rest = name[len(prefix) :]
            return rest[0].lower() + rest[1:]
    return name


def _css_name(name: str) -> str:
    if name.startswith("--"):
        return name  # a custom property keeps its name
    if _unprefixed(name) != name:
        return "-" + _kebab(name[0].lower() + name[1:])
    return _kebab(name)


def style_text(style: dict[str, Any]) -> str:
    """A React style object as a CSS declaration list.

    `{maxWidth: "80%", marginTop: 8}` -> `max-width: 80%; margin-top: 8px`.
    """
    parts = []
    for key, value in style.items():
        if value is None or value is False or value == "":
            continue
        if isinstance(value, bool):
            value = str(value).lower()
        if isinstance(value, int | float) and _unprefixed(key) not in UNITLESS_CSS and value != 0:
            text = f"{value:g}px"
        else:
            text = f"{value:g}" if isinstance(value, float) else str(value)
        parts.append(f"{_css_name(key)}: {text}")
    return "; ".join(parts)
