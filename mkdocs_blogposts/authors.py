"""Authors: names in front matter, or keys into a Material-compatible `.authors.yml`.

```yaml
authors:
  jane:
    name: Jane Doe
    description: Editor
    avatar: https://example.org/jane.png
    url: https://example.org/jane
```
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .errors import PostError
from .frontmatter_reader import decode
from .images import unsafe_scheme
from .taxonomy import slugify

__all__ = ["Author", "load_authors", "resolve_authors"]


@dataclass(frozen=True)
class Author:
    """One author of the blog."""

    key: str
    """The URL segment of the author's page."""
    name: str
    description: str | None = None
    avatar: str | None = None
    url: str | None = None


def load_authors(data: bytes, path: str) -> dict[str, Author]:
    """Read an authors file.

    Raises:
        PostError: The file is not valid YAML or not in the documented shape.
    """
    try:
        loaded: Any = yaml.safe_load(decode(data, path)) or {}
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark else None
        raise PostError(path, line, f"the authors file is not valid YAML ({e.problem})") from None
    entries = loaded.get("authors", loaded) if isinstance(loaded, dict) else None
    if not isinstance(entries, dict):
        raise PostError(path, 1, "the authors file must map author keys to their details")
    authors: dict[str, Author] = {}
    for key, entry in entries.items():
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("name", key), str):
            raise PostError(path, None, f"author {key!r} needs a 'name'")
        text = {k: v for k, v in entry.items() if isinstance(v, str)}
        for field in ("avatar", "url"):
            if field in text and (scheme := unsafe_scheme(text[field])):
                raise PostError(
                    path,
                    None,
                    f"author {key!r}: '{field}' is a {scheme}: URL, which is never published; "
                    "use a path or an https:// URL",
                )
        authors[str(key)] = Author(
            key=slugify(str(key)),
            name=text.get("name", str(key)),
            description=text.get("description"),
            avatar=text.get("avatar"),
            url=text.get("url"),
        )
    return authors


def resolve_authors(names: tuple[str, ...], known: dict[str, Author]) -> tuple[Author, ...]:
    """The authors of a post: each entry a key of the authors file, else a plain name."""
    return tuple(known.get(name) or Author(slugify(name), name) for name in names)
