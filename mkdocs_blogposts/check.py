"""The migration report: what a build would warn or fail on, without building.

It runs the build's own pipeline (`BlogBuild`) up to the planning of the blog's
pages, so it says what `mkdocs build` says, in the same words, grouped by post. It
reads a site's `mkdocs.yml` (`check_site`), or a folder of posts not yet in a site
(`check_folder`), taken as the `blog_dir` of a site whose `docs_dir` holds it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError
from mkdocs.structure.files import File, get_files

from .build import BlogBuild, SiteFiles, SiteInfo
from .config import BlogpostsConfig
from .layout import POST_SUFFIXES
from .mkdocs_site import site_files, site_info

if TYPE_CHECKING:
    from pathlib import Path

    from .errors import Finding

__all__ = ["CheckError", "Report", "check_folder", "check_site"]


class CheckError(Exception):
    """The check cannot run: a configuration the build would refuse too."""


@dataclass
class Report:
    """Everything the build found, by post."""

    posts: int = 0
    findings: dict[str, list[Finding]] = field(default_factory=dict)

    def add(self, finding: Finding) -> None:
        """Record a finding under its file."""
        self.findings.setdefault(finding.diagnostic.path, []).append(finding)

    def _count(self, severity: str) -> int:
        return sum(f.severity == severity for fs in self.findings.values() for f in fs)

    @property
    def errors(self) -> int:
        """How many findings stop a build."""
        return self._count("error")

    @property
    def warnings(self) -> int:
        """How many findings fail only a `--strict` build."""
        return self._count("warning")

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


def _run(options: BlogpostsConfig, site: SiteInfo, files: SiteFiles, *, drafts: bool) -> Report:
    """Every step of a build that can find a problem in a post, as the build runs it."""
    build = BlogBuild(options, site, files, serving=drafts)
    build.read()
    build.place()
    build.prepare()
    build.plan()
    report = Report(posts=len(build.post_files))
    for finding in build.findings:
        if finding.severity != "info":
            report.add(finding)
    return report


def check_site(config_file: str, *, drafts: bool = False) -> Report:
    """Check the blog of the site configured by `config_file` (an `mkdocs.yml`).

    Args:
        config_file: The site's configuration.
        drafts: Check drafts and future posts too, as `mkdocs serve` shows them.

    Raises:
        CheckError: The configuration is not valid, or does not use the plugin.
    """
    try:
        config = load_config(config_file)
    except (ConfigurationError, OSError) as e:
        raise CheckError(f"{config_file}: {e}") from None
    plugin = config.plugins.get("blogposts")
    if plugin is None:
        raise CheckError(f"{config_file} does not list the blogposts plugin under 'plugins'")
    options: BlogpostsConfig = plugin.config
    site = site_info(config, options.theme_locale(config.theme))
    return _run(options, site, site_files(get_files(config)), drafts=drafts)


def check_folder(root: Path, options: dict[str, Any], *, drafts: bool = False) -> Report:
    """Check a folder of posts as the `blog_dir` of a site whose `docs_dir` holds it.

    Messages name files relative to the current folder, and images beside a post as
    `docs_dir/<folder>/...`, as a build of such a site would.

    Args:
        root: The folder of posts.
        options: The plugin's options, as in `mkdocs.yml` (`blog_dir` is the folder's name).
        drafts: Check drafts and future posts too, as `mkdocs serve` shows them.

    Raises:
        CheckError: An option is not valid.
    """
    root = root.resolve()
    config = BlogpostsConfig()
    config.load_dict({**options, "blog_dir": root.name})
    errors, _ = config.validate()
    if errors:
        raise CheckError("; ".join(f"{name}: {error}" for name, error in errors))
    site = SiteInfo(
        docs_dir=str(root.parent),
        site_dir=os.devnull,
        config_dir=os.getcwd(),
        site_name=root.name,
    )
    return _run(config, site, _folder_files(root), drafts=drafts)


def _folder_files(root: Path) -> SiteFiles:
    """The files under `root`, as MkDocs would publish them with `root` as `blog_dir`."""
    files = SiteFiles({}, {}, {})
    for folder, dirnames, filenames in os.walk(root, followlinks=True):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames, key=lambda n: (not n.startswith(("index.", "README.")), n)):
            if name.startswith("."):
                continue  # MkDocs leaves dot-files out of a site
            path = os.path.join(folder, name)
            src_uri = os.path.relpath(path, root.parent).replace(os.sep, "/")
            file = File(src_uri, str(root.parent), os.devnull, use_directory_urls=True)
            files.urls[src_uri] = file.url
            if file.is_documentation_page():
                files.pages[file.dest_uri] = src_uri
            if src_uri.endswith(POST_SUFFIXES):
                files.sources[src_uri] = path
    return files
