"""Fixtures shared by the tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sitekit import Site

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def site(tmp_path: Path) -> Site:
    """A site using the Material theme and the plugin."""
    return Site(
        tmp_path,
        {"theme": {"name": "material"}, "plugins": ["search", "blogposts"]},
    )
