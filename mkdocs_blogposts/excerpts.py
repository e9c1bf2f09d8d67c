"""Rendering excerpts to HTML once per build, with links that work from any listing.

An excerpt is shown on listing pages at different depths of the site, so its links
cannot be relative to one page. They are written as `<root token><site path>`, a
token made once per process that no post can contain, and `relocate` turns them
into relative URLs for the page that shows the excerpt.
"""

from __future__ import annotations

import html
import posixpath
import re
import secrets
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.utils import get_relative_url

from .dialect.jsx import convert
from .dialect.needed_extensions import ExtensionLists, needed_extensions
from .images import Found, split_url

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from xml.etree.ElementTree import Element

    from .dialect.components import ComponentSpec

__all__ = ["ExcerptRenderer", "text_excerpt"]

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# Made once per process: no post can contain it, and one compiled pattern serves
# every build of a long `mkdocs serve` session.
_TOKEN = f"blogposts-root-{secrets.token_hex(8)}:"
_TOKEN_RE = re.compile(re.escape(_TOKEN) + r"([^\"'\s>]*)")


def text_excerpt(text: str) -> str:
    """A front-matter excerpt as HTML: plain text, escaped."""
    return f"<p>{html.escape(text)}</p>"


class _LinkRewriter(Treeprocessor):
    def __init__(self, md: Markdown, renderer: ExcerptRenderer) -> None:
        super().__init__(md)
        self.renderer = renderer

    def run(self, root: Element) -> None:
        for element in root.iter():
            attr = {"a": "href", "img": "src"}.get(element.tag)
            if attr and (value := element.get(attr)) is not None:
                element.set(attr, self.renderer.site_link(value, image=element.tag == "img"))


class _Extension(Extension):
    def __init__(self, renderer: ExcerptRenderer, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.renderer = renderer

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the link rewriter after every other tree processor."""
        md.treeprocessors.register(_LinkRewriter(md, self.renderer), "blogposts_links", 0)


class ExcerptRenderer:
    """Converts excerpt Markdown with the site's own extensions, one Markdown instance a build."""

    def __init__(
        self,
        extensions: list[Any],
        extension_configs: dict[str, Any],
        link_target: Callable[[str, str], str | None],
        resolve_image: Callable[[str, str, str], object],
        components: Mapping[str, ComponentSpec],
    ) -> None:
        """Prepare the converter.

        Args:
            extensions: The site's `markdown_extensions`.
            extension_configs: Their options (`mdx_configs`).
            link_target: Given a post's `src_uri` and a relative link from it, the
                site path of the page or file it names, or None.
            resolve_image: `ImageResolver.resolve`-like: given a URL, the post's
                `src_uri` and its slug, a `Found` for an image that exists.
            components: What MDX components become.
        """
        self._components = components
        self.token = _TOKEN
        self._link_target = link_target
        self._resolve_image = resolve_image
        self._src_uri = ""
        self._post_path = ""
        self._slug = ""
        self._extensions = ExtensionLists(extensions)
        self._extension_configs = extension_configs
        # One by the extensions an excerpt needs, made on first use: many blogs never
        # need one.
        self._md: dict[tuple[str, ...], Markdown] = {}

    def site_link(self, url: str, *, image: bool = False) -> str:
        """A URL from the post, as a token plus site path where it points into the site."""
        if url.startswith(self.token):
            return url
        if image and (link := self._image_link(url)) is not None:
            return link
        if _SCHEME.match(url) or url.startswith("/"):
            return url
        if url.startswith("#"):
            return self.token + self._post_path + url
        path, suffix = split_url(url)
        target = self._link_target(self._src_uri, path)
        if target is None:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self._src_uri), path))
        return self.token + quote(target, safe="/#%") + suffix

    def _image_link(self, url: str) -> str | None:
        found = self._resolve_image(url, self._src_uri, self._slug)
        if isinstance(found, Found):
            return self.token + quote(found.site_path) + found.suffix
        return None

    def render(self, markdown: str, src_uri: str, post_path: str, slug: str) -> str:
        """Convert one excerpt.

        Args:
            markdown: The excerpt's Markdown; its JSX is converted here.
            src_uri: The post's path under `docs_dir`.
            post_path: The post's site path, for links to its own anchors.
            slug: The post's slug, for image fallback folders.
        """
        self._src_uri, self._post_path, self._slug = src_uri, post_path, slug
        try:
            markdown = convert(
                markdown, lambda url, _offset: self._image_link(url), self._components
            ).text
            needs = needed_extensions(markdown)
            md = self._md.get(needs)
            if md is None:
                md = self._md[needs] = Markdown(
                    extensions=[*self._extensions.for_needs(needs), _Extension(self)],
                    extension_configs=self._extension_configs,
                )
            return md.reset().convert(markdown)
        finally:
            self._src_uri = self._post_path = self._slug = ""

    def relocate(self, fragment: str, page_url: str) -> str:
        """Make the excerpt's site links relative to the page that shows it."""
        return _TOKEN_RE.sub(lambda m: get_relative_url(m[1], page_url), fragment)
