"""What MDX components (`<Image>`, `<Note>`, `<YouTube>`) become in plain HTML.

A component is a capitalised or dotted tag. Each name maps to a spec written as
text, so users can extend the mapping from `mkdocs.yml`:

- an HTML element name (`img`, `figure`): the tag is renamed, attributes kept;
- `admonition TYPE`: the children in an admonition box of that type;
- `youtube`, `vimeo`: an embedded player from `id` or `src`;
- `tweet`: a link to the post, from `id` or `src`;
- `unwrap`: the children, without the tags, and no warning;
- `drop`: nothing, children included.

A component with no mapping keeps its children, loses its tags, and is named in a
warning.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from .html_names import ELEMENTS

__all__ = ["DEFAULT_COMPONENTS", "ComponentSpec", "admonition_open", "embed", "parse_spec"]

DEFAULT_COMPONENTS: dict[str, str] = {
    "Image": "img",
    "Img": "img",
    "Figure": "figure",
    "Caption": "figcaption",
    "Figcaption": "figcaption",
    "FigCaption": "figcaption",
    "Video": "video",
    "Picture": "picture",
    "Link": "a",
    "YouTube": "youtube",
    "Youtube": "youtube",
    "YouTubeIframe": "youtube",
    "YoutubeEmbed": "youtube",
    "YouTubeEmbed": "youtube",
    "Vimeo": "vimeo",
    "Tweet": "tweet",
    "TweetEmbed": "tweet",
    "Note": "admonition note",
    "Callout": "admonition note",
    "Aside": "admonition note",
    "Info": "admonition info",
    "Tip": "admonition tip",
    "Warning": "admonition warning",
    "Caution": "admonition warning",
    "Danger": "admonition danger",
    "Details": "details",
    "Summary": "summary",
}
"""The mapping users get; their own `components` option adds to it and wins."""

_KINDS = ("admonition", "youtube", "vimeo", "tweet", "unwrap", "drop")
_ADMONITION_TYPE = re.compile(r"[a-z][a-z0-9-]*")
_TITLES = {"youtube": "YouTube video", "vimeo": "Vimeo video"}
_YOUTUBE_ID = re.compile(r"[\w-]{6,20}")


@dataclass(frozen=True)
class ComponentSpec:
    """What one component name becomes."""

    kind: str
    """`element`, or one of `admonition youtube vimeo tweet unwrap drop`."""
    arg: str = ""
    """The element name, or the admonition type."""


def parse_spec(text: str) -> ComponentSpec:
    """Read a spec such as `img`, `admonition warning` or `drop`.

    Raises:
        ValueError: The spec is none of the documented forms.
    """
    words = text.split()
    if len(words) == 2 and words[0] == "admonition" and _ADMONITION_TYPE.fullmatch(words[1]):
        return ComponentSpec("admonition", words[1])
    if len(words) == 1 and words[0] in _KINDS and words[0] != "admonition":
        return ComponentSpec(words[0])
    if len(words) == 1 and (words[0] in ELEMENTS or "-" in words[0]):
        return ComponentSpec("element", words[0])
    raise ValueError(
        f"{text!r} is not a component mapping; use an HTML element name (img), "
        "'admonition TYPE', youtube, vimeo, tweet, unwrap or drop"
    )


def admonition_open(kind: str, title: str | None) -> str:
    """The opening of an admonition box whose content is Markdown (needs md_in_html)."""
    heading = html.escape(title or kind.capitalize())
    return (
        f'\n\n<div class="admonition {kind}" markdown="1">\n'
        f'<p class="admonition-title">{heading}</p>\n\n'
    )


ADMONITION_CLOSE = "\n\n</div>\n\n"


def _youtube_id(attrs: dict[str, str]) -> str | None:
    for key in ("id", "videoId", "youtubeId"):
        if _YOUTUBE_ID.fullmatch(attrs.get(key, "")):
            return attrs[key]
    src = attrs.get("src") or attrs.get("url") or ""
    parts = urlsplit(src)
    if "v" in (query := parse_qs(parts.query)):
        return query["v"][0]
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    return last if _YOUTUBE_ID.fullmatch(last) else None


def embed(kind: str, attrs: dict[str, str]) -> str | None:
    """The HTML for an embed component, or None when its attributes name no video or post."""
    title = html.escape(attrs.get("title", ""), quote=True)
    if kind == "youtube" and (video := _youtube_id(attrs)):
        src = f"https://www.youtube-nocookie.com/embed/{html.escape(video)}"
    elif kind == "vimeo" and (video := attrs.get("id") or _youtube_id(attrs)):
        src = f"https://player.vimeo.com/video/{html.escape(video)}"
    elif kind == "tweet":
        post = attrs.get("id") or attrs.get("tweetId")
        href = f"https://twitter.com/i/web/status/{post}" if post else attrs.get("src")
        if not href:
            return None
        href = html.escape(href, quote=True)
        return f'<p class="blogposts-tweet"><a href="{href}">View the post on X</a></p>'
    else:
        return None
    return (
        f'<iframe class="blogposts-embed" src="{src}" title="{title or _TITLES[kind]}" '
        'loading="lazy" allow="autoplay; encrypted-media; picture-in-picture; fullscreen" '
        "allowfullscreen></iframe>"
    )
