"""What HTML itself defines: element names, void elements, attribute names."""

from __future__ import annotations

__all__ = ["ATTRIBUTE_RENAMES", "ELEMENTS", "VOID_ELEMENTS"]

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

ATTRIBUTE_RENAMES = {
    "className": "class",
    "htmlFor": "for",
}
"""JSX attribute names whose HTML name differs."""
