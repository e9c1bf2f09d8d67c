"""Finding the images a post names, wherever the original blog kept them.

Next.js serves its `public/` folder from the site root, so a post writes
`/img/x.webp`. Here that path is looked up in `docs_dir` first, then in
`public_dir`; what is found gets a site path, and the files taken from
`public_dir` are remembered so the plugin copies only those into the site.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Found", "ImageResolver", "Missing", "split_url", "unsafe_scheme"]

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# Browsers drop tabs, newlines and other controls inside a URL's scheme.
_IGNORED = re.compile(r"[\x00-\x20]+")


def unsafe_scheme(url: str) -> str | None:
    """The scheme of a URL that must never be published (`javascript`, `data`, ...).

    Paths and http(s) and mailto URLs are safe: None.
    """
    match = _SCHEME.match(_IGNORED.sub("", url))
    if match is None:
        return None
    scheme = match[0][:-1].lower()
    return None if scheme in _SAFE_SCHEMES else scheme


@dataclass(frozen=True)
class Found:
    """An image that exists: where it lands in the site."""

    site_path: str
    """Path from the site root, unquoted, without a leading slash."""
    suffix: str = ""
    """The `?query` and `#fragment` of the original URL, kept as written."""


@dataclass(frozen=True)
class Missing:
    """An image found nowhere, with the places that were tried."""

    tried: tuple[str, ...]


def split_url(url: str) -> tuple[str, str]:
    """Split a URL into its path and its `?query#fragment` suffix."""
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    return url[:cut], url[cut:]


@dataclass
class ImageResolver:
    """Resolves image URLs of posts to files in `docs_dir` or `public_dir`."""

    docs_url: Callable[[str], str | None]
    """Given a path under `docs_dir`, the site URL of that file, or None if there is none."""
    public_dir: str | None = None
    """The absolute path of the folder served from the site root, if the site has one."""
    fallbacks: tuple[str, ...] = ()
    """Folders from the site root where a bare image name is looked up after the post's
    own folder; `{slug}` stands for the post's slug (`blog/images/{slug}`)."""
    public_files: dict[str, str] = field(default_factory=dict)
    """Site path -> absolute source path of every `public_dir` file a post used."""
    # What each site path was found to be in public_dir: posts share images, and
    # nothing in the folder changes during one build.
    _public: dict[str, str | None] = field(default_factory=dict, init=False, repr=False)
    _root: str | None = field(default=None, init=False, repr=False)

    def _in_public(self, rel: str) -> str | None:
        if self.public_dir is None:
            return None
        if rel in self._public:
            return self._public[rel]
        if self._root is None:
            self._root = os.path.realpath(self.public_dir)
        path = os.path.realpath(os.path.join(self._root, *rel.split("/")))
        found = path if path.startswith(self._root + os.sep) and os.path.isfile(path) else None
        self._public[rel] = found
        return found

    def _find(self, rel: str, tried: list[str]) -> Found | None:
        """Look a site path up in docs_dir, then public_dir."""
        tried.append(f"docs_dir/{rel}")
        if (docs_url := self.docs_url(rel)) is not None:
            return Found(unquote(docs_url))
        if self.public_dir is not None:
            tried.append(f"public_dir/{rel}")
            if (source := self._in_public(rel)) is not None:
                self.public_files[rel] = source
                return Found(rel)
        return None

    def resolve(
        self, url: str, post_src_uri: str, slug: str | None = None
    ) -> Found | Missing | None:
        """Find the file an image URL of a post names.

        A root-absolute path is looked up in docs_dir, then public_dir. A relative
        one next to the post, then in each fallback folder.

        Args:
            url: The URL as the post wrote it (entities already decoded).
            post_src_uri: The post's path under `docs_dir`, for relative URLs.
            slug: The post's slug, for `{slug}` in fallback folders.

        Returns:
            None when the URL is not the site's to resolve (it has a scheme, is
            protocol-relative, or is only a fragment); else where it was found, or
            that it was not.
        """
        url = url.strip()
        if not url or url.startswith(("#", "//")) or _SCHEME.match(url):
            return None
        path, suffix = split_url(url)
        path = unquote(path)
        if path.startswith("/"):
            candidates = [posixpath.normpath(path.lstrip("/"))]
        else:
            candidates = [posixpath.normpath(posixpath.join(posixpath.dirname(post_src_uri), path))]
            for folder in self.fallbacks:
                base = folder.replace("{slug}", slug or "").strip("/")
                candidates.append(posixpath.normpath(posixpath.join(base, path)))
        tried: list[str] = []
        for rel in candidates:
            if rel == ".." or rel.startswith("../") or rel in ("", "."):
                tried.append(f"{path} (outside the site)")
                continue
            if (found := self._find(rel, tried)) is not None:
                return Found(found.site_path, suffix)
        if self.public_dir is None and path.startswith("/"):
            tried.append("public_dir (not set)")
        return Missing(tuple(dict.fromkeys(tried)))
