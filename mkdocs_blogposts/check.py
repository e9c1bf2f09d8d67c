"""The migration report: what a build would warn or fail on, for a folder of posts.

Reads every post the way the plugin does (front matter, dates, JSX, components,
images) without building anything, and groups the findings by post.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import Diagnostic, EmptyPost, PostError
from .images import ImageResolver, Missing
from .posts import Dialect, prepare_post, slug_of
from .reading import POST_SUFFIXES, parse_post, post_dest_uri

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from pathlib import Path

    from .dialect.components import ComponentSpec

__all__ = ["Finding", "Report", "check_folder"]


@dataclass(frozen=True)
class Finding:
    """One problem in one post."""

    severity: str
    """`error` (the build stops) or `warning` (`--strict` fails)."""
    diagnostic: Diagnostic


@dataclass
class Report:
    """Everything found in a folder of posts, by post."""

    posts: int = 0
    findings: dict[str, list[Finding]] = field(default_factory=dict)

    def add(self, severity: str, diagnostic: Diagnostic) -> None:
        """Record a finding under its post."""
        self.findings.setdefault(diagnostic.path, []).append(Finding(severity, diagnostic))

    @property
    def errors(self) -> int:
        """How many findings stop a build."""
        return sum(f.severity == "error" for fs in self.findings.values() for f in fs)

    @property
    def warnings(self) -> int:
        """How many findings fail only a `--strict` build."""
        return sum(f.severity == "warning" for fs in self.findings.values() for f in fs)

    def lines(self) -> list[str]:
        """The report as text, one post after another."""
        out: list[str] = []
        for path in sorted(self.findings):
            out.append(path)
            for finding in sorted(self.findings[path], key=lambda f: f.diagnostic.line or 0):
                line = finding.diagnostic.line
                where = f"line {line}" if line else "file"
                out.append(f"  {finding.severity:<7} {where:<10} {finding.diagnostic.message}")
            out.append("")
        with_errors = sum(any(f.severity == "error" for f in fs) for fs in self.findings.values())
        out.append(
            f"{_count(self.posts, 'post')} checked: {with_errors} with errors, "
            f"{len(self.findings) - with_errors} with warnings only; "
            f"{_count(self.errors, 'error')}, {_count(self.warnings, 'warning')}."
        )
        return out


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _posts_under(root: Path) -> list[Path]:
    """Every post in a blog folder: its `.md`/`.mdx` files but its own `index.md`."""
    return sorted(
        path
        for path in root.rglob("*")
        if path.suffix in POST_SUFFIXES
        and path.is_file()
        and path.relative_to(root).with_suffix("").as_posix() != "index"
    )


def check_folder(
    root: Path,
    *,
    public_dir: Path | None = None,
    image_fallbacks: tuple[str, ...] = (),
    components: Mapping[str, ComponentSpec],
    display: Callable[[Path], str] = str,
) -> Report:
    """Check every post under `root`, as if `root` were the blog's folder.

    Args:
        root: The folder of posts.
        public_dir: The folder served from the site root, for `/img/x.webp` paths.
        image_fallbacks: Folders for bare image names (`{slug}` for the post's slug).
        components: What MDX components become.
        display: How a path is named in the report.
    """
    report = Report()
    resolver = ImageResolver(
        lambda rel: rel if (root / rel).is_file() else None,
        str(public_dir) if public_dir else None,
        image_fallbacks,
    )
    dialect = Dialect(components=components)
    urls: dict[str, str] = {}
    for path in _posts_under(root):
        report.posts += 1
        src_uri = path.relative_to(root).as_posix()
        name = display(path)
        try:
            parsed = parse_post(path.read_bytes(), src_uri, name)
        except EmptyPost as e:
            report.add("warning", e.diagnostic)
            continue
        except PostError as e:
            report.add("error", e.diagnostic)
            continue
        for warning in parsed.warnings:
            report.add("warning", warning)
        dest = post_dest_uri(src_uri, parsed.fields.slug, use_directory_urls=True)
        if (other := urls.setdefault(dest, name)) != name:
            message = f"its URL is already taken by {other}; rename one or give it another 'slug'"
            report.add("error", Diagnostic(name, None, message))
        site_path = dest.removesuffix("index.html")

        def resolve(
            url: str, line: int, parsed_name: str = name, uri: str = src_uri, at: str = site_path
        ) -> None:
            found = resolver.resolve(url, uri, slug_of(at))
            if isinstance(found, Missing):
                report.add(
                    "warning",
                    Diagnostic(
                        parsed_name,
                        line,
                        f"image '{url}' was not found (looked in {', '.join(found.tried)}); "
                        "add the file or fix the path",
                    ),
                )

        post = prepare_post(
            parsed, src_uri, site_path, dialect=dialect, resolve_url=resolve, resolve_image=resolve
        )
        for warning in post.warnings:
            report.add("warning", warning)
    return report


def relative_display(base: Path) -> Callable[[Path], str]:
    """Name paths relative to `base` where they are inside it."""

    def display(path: Path) -> str:
        rel = os.path.relpath(path, base)
        return str(path) if rel.startswith("..") else rel

    return display
