"""Fixtures shared by the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit import Site


@pytest.fixture
def site(tmp_path: Path) -> Site:
    """A site using the Material theme and the plugin."""
    return Site(
        tmp_path,
        {"theme": {"name": "material"}, "plugins": ["search", "blogposts"]},
    )
