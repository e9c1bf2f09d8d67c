"""Absolute URLs of the site's pages, made many times a build."""

from __future__ import annotations

from urllib.parse import urljoin

__all__ = ["absolute_url"]

# urlsplit drops tabs and newlines anywhere in a URL; "?", "#" and ":" start parts
# that urljoin treats apart from the path.
_NOT_IN_PLAIN_PATH = frozenset("\t\r\n?#:")
_NOT_IN_PLAIN_BASE = frozenset("\t\r\n?#")


def _plain_base_path(site_url: str) -> bool:
    path = site_url.split("://", 1)[-1]
    return "//" not in path and "/." not in path


def absolute_url(site_url: str, path: str) -> str:
    """`urljoin(site_url, path)`, without parsing both URLs when `path` is plain.

    A site path from MkDocs (`blog/post/`) below a `site_url` ending in `/` only needs
    appending: urljoin takes 3 us a call, and a build asks for a few per post.
    """
    if (
        site_url.endswith("/")
        and path[:1] > " "  # urlsplit strips spaces and C0 controls at the ends
        and path[-1:] > " "
        and not path.startswith("/")
        and "/." not in "/" + path  # urljoin resolves dot segments
        and "//" not in path  # and drops empty ones
        and _NOT_IN_PLAIN_PATH.isdisjoint(path)
        and _NOT_IN_PLAIN_BASE.isdisjoint(site_url)
        and site_url[:1] > " "
        and _plain_base_path(site_url)
    ):
        return site_url + path
    return urljoin(site_url, path)
