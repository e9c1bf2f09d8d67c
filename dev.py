"""Development tasks, runnable with nothing but Python 3.10+.

    python3 dev.py serve   # the docs site with its demo blog, at http://127.0.0.1:8000/
    python3 dev.py test    # lint, type-check and the whole test suite
    python3 dev.py test -m "not slow"  # the fast lane: under a minute
    python3 dev.py build   # the docs site with --strict, into site/
    python3 dev.py platforms  # that build on MkDocs 1.6.0, 1.6.1 and ProperDocs 1.6

Each task first makes `.venv/` with the project and its development dependencies
installed, and reinstalls them when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed-from"


def run(*args: str | Path) -> None:
    print("$", " ".join(str(a) for a in args), flush=True)
    code = subprocess.call([str(a) for a in args], cwd=ROOT)
    if code:
        sys.exit(code)


def ensure_venv() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.is_file() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print(f"Creating {VENV.relative_to(ROOT)}/", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    STAMP.write_text(wanted)


def serve(args: list[str]) -> None:
    run(BIN / "mkdocs", "serve", *args)


def test(args: list[str]) -> None:
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    run(BIN / "mypy")
    run(BIN / "pytest", *args)


def build(args: list[str]) -> None:
    run(BIN / "mkdocs", "build", "--strict", *args)


# Each supported platform, in its own virtual environment: (name, pin, command).
PLATFORMS = [
    ("mkdocs-1.6.0", "mkdocs==1.6.0", "mkdocs"),
    ("mkdocs-1.6.1", "mkdocs==1.6.1", "mkdocs"),
    # A fork of MkDocs that loads the same plugins; it reads mkdocs.yml when named.
    ("properdocs-1.6", "properdocs>=1.6,<1.7", "properdocs"),
]


def platforms(args: list[str]) -> None:
    """Build the docs site with --strict on every supported platform."""
    for name, pin, command in PLATFORMS:
        env_dir = ROOT / ".venvs" / name
        env_bin = env_dir / ("Scripts" if os.name == "nt" else "bin")
        stamp = env_dir / ".installed-from"
        wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + pin.encode()).hexdigest()
        if not (stamp.is_file() and stamp.read_text() == wanted):
            venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
            # The project (editable, so the code under test is this checkout), the
            # docs site's theme, and the platform.
            run(
                env_bin / "python",
                "-m",
                "pip",
                "install",
                "--quiet",
                "-e",
                ".",
                "mkdocs-material",
                pin,
            )
            stamp.write_text(wanted)
        with tempfile.TemporaryDirectory() as tmp:
            run(
                env_bin / command, "build", "--strict", "-f", "mkdocs.yml", "--site-dir", tmp, *args
            )
            # The plugin ran: a post page has its header, and the feeds exist.
            post = Path(tmp, "blog", "figures-that-just-work", "index.html")
            if 'class="blogposts-header"' not in post.read_text(encoding="utf-8"):
                sys.exit(f"{name}: {post} has no post header: the plugin did not run")
            if not Path(tmp, "blog", "rss.xml").is_file():
                sys.exit(f"{name}: no blog/rss.xml: the plugin did not run")
        print(f"ok: {name}", flush=True)


TASKS = {"serve": serve, "test": test, "build": build, "platforms": platforms}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        sys.exit(f"usage: python3 dev.py {{{','.join(TASKS)}}} [arguments for the tool]")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    ensure_venv()
    TASKS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
