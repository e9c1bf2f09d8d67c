"""The plugin's own error and warning types, each tied to a file and a line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in one post: where it is and what to do about it."""

    path: str
    """The file, as the user knows it (relative to the project where possible)."""
    line: int | None
    """1-based line in the file, when the problem has one."""
    message: str
    """What is wrong and how to fix it."""

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Finding:
    """A problem a build found, and how much it matters."""

    severity: str
    """`error` (a build stops), `warning` (`--strict` fails) or `info`."""
    diagnostic: Diagnostic


class PostError(Exception):
    """A post that cannot be published as written; the build must stop."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.diagnostic = Diagnostic(path, line, message)
        super().__init__(str(self.diagnostic))


class DateError(ValueError):
    """A front-matter date that could not be read; `plugin` code adds the file and line."""


class EmptyPost(PostError):
    """A post file with nothing in it: left out of the site with a warning."""
