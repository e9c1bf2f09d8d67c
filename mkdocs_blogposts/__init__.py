"""mkdocs-blogposts: publish a Next.js/MDX blog with MkDocs, posts unchanged."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0.dev0"
