"""The package as a user installs it: built from this checkout, with what it declares."""

from __future__ import annotations

import ast
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

import mkdocs_blogposts

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mkdocs_blogposts"

# Import name -> distribution name, for what the package imports at run time.
_DISTRIBUTIONS = {
    "mkdocs": "mkdocs",
    "markdown": "Markdown",
    "frontmatter": "python-frontmatter",
    "yaml": "PyYAML",
    "jinja2": "Jinja2",
    "babel": "Babel",
}


def _third_party_imports() -> set[str]:
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "mkdocs_blogposts"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.mark.slow
def test_the_sdist_and_wheel_build_from_a_clone_with_license_and_data(built):
    version = mkdocs_blogposts.__version__
    sdist = built / f"mkdocs_blogposts-{version}.tar.gz"
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {"LICENSE", "pyproject.toml", "mkdocs_blogposts/py.typed"} <= names
    wheel = next(built.glob(f"mkdocs_blogposts-{version}-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        files = set(archive.namelist())
        metadata = Parser().parsestr(
            archive.read(f"mkdocs_blogposts-{version}.dist-info/METADATA").decode()
        )
    assert "mkdocs_blogposts/py.typed" in files
    assert "mkdocs_blogposts/assets/blogposts.css" in files
    assert "mkdocs_blogposts/templates/blogposts/post-header.html" in files
    assert any(f.endswith(".dist-info/licenses/LICENSE") for f in files)
    assert metadata["Version"] == version
    assert metadata["License-Expression"] == "MIT"
    declared = {
        r.split(">")[0].split("<")[0].split("=")[0].strip().lower()
        for r in metadata.get_all("Requires-Dist")
        if "extra ==" not in r
    }
    needed = {_DISTRIBUTIONS[name].lower() for name in _third_party_imports()}
    assert needed == declared


def test_every_import_is_a_known_distribution():
    # A new import must be declared in pyproject.toml and named here.
    assert _third_party_imports() <= set(_DISTRIBUTIONS)
