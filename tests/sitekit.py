"""Building real MkDocs sites in temporary folders and reading what they produce."""

from __future__ import annotations

import logging
import struct
import textwrap
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "the-future-is-open-notes-from-woodstockai.md"
CORPUS = SHARED / "corpus"
SEED_IMAGES = ("woodstock-ai-venue.webp", "distributed-ai.webp", "open-source-future.webp")


def png(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (90, 120, 200)) -> bytes:
    """A valid PNG of one colour, so browsers and image tools can decode it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def needs_shared() -> pytest.MarkDecorator:
    """Skip, saying why, where the shared seed and corpus are not beside the checkout."""
    return pytest.mark.skipif(
        not SEED.is_file(), reason=f"{SHARED} is absent: the seed and corpus tests need it"
    )


@dataclass
class Site:
    """A site in a temporary folder, built in this process like `mkdocs build` does."""

    root: Path
    config: dict[str, Any] = field(default_factory=dict)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def out(self) -> Path:
        return self.root / "site"

    def write(self, path: str, content: str | bytes, *, dedent: bool = True) -> Path:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content) if dedent else content, encoding="utf-8")
        return target

    def post(self, name: str, front_matter: str, body: str = "Some text.\n") -> Path:
        """Write docs/blog/<name> with the given front-matter lines and body."""
        text = "---\n" + textwrap.dedent(front_matter).strip("\n") + "\n---\n\n"
        return self.write(f"docs/blog/{name}", text + textwrap.dedent(body), dedent=False)

    def build(
        self, *, strict: bool = True, command: str = "build", dirty: bool = False
    ) -> BuildResult:
        config = {"site_name": "Test site", "docs_dir": "docs", "site_dir": "site"}
        config.update(self.config)
        config_file = self.root / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
        if not (self.docs / "index.md").exists():
            self.write("docs/index.md", "# Home\n")
        records: list[logging.LogRecord] = []
        handler = logging.Handler()
        handler.emit = records.append  # type: ignore[method-assign]
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        error: Exception | None = None
        cfg = None
        try:
            cfg = load_config(str(config_file), strict=strict)
            cfg.plugins.on_startup(command=command, dirty=dirty)  # type: ignore[arg-type]
            serve_url = "http://127.0.0.1:8000/" if command == "serve" else None
            build(cfg, serve_url=serve_url, dirty=dirty)
        except (Abort, BuildError) as e:
            error = e
        finally:
            logger.removeHandler(handler)
        return BuildResult(self, records, error, cfg)


@dataclass
class BuildResult:
    site: Site
    records: list[logging.LogRecord]
    error: Exception | None
    config: MkDocsConfig | None = None
    """The config as the build left it."""

    def messages(self, level: int = logging.WARNING) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= level]

    def html(self, url_path: str) -> BeautifulSoup:
        path = self.site.out / url_path
        if url_path.endswith("/") or url_path == "":
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def ok(self) -> BuildResult:
        assert self.error is None, "\n".join(self.messages())
        return self
