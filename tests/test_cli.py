"""`mkdocs build` from the command line, as a user runs it: messages, exit codes, no tracebacks."""

import subprocess
import sys

import pytest


def run_build(site, *args):
    site.build(strict=False)  # writes mkdocs.yml
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=site.root,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'---\ntitle: "T"\nsubtitle: a: b\n---\n',
            "docs/blog/bad.md:3: the front matter is not valid YAML",
        ),
        (
            b'---\ntitle: "T"\n\nnever closed\n',
            "docs/blog/bad.md:1: the front matter opened on line 1 is never closed",
        ),
        (
            b'---\ntitle: "T"\ndate: "2023-02-30"\n---\n',
            "docs/blog/bad.md:3: 'date': '2023-02-30' is not a real date",
        ),
        (b"---\ntitle: [a, b]\n---\n", "docs/blog/bad.md:2: 'title' must be text, not a list"),
        (b'---\ntitle: "Caf\xe9"\n---\n', "docs/blog/bad.md:2: the file is not valid UTF-8"),
    ],
)
def test_bad_post_fails_with_a_message_not_a_traceback(site, content, message):
    site.write("docs/blog/bad.md", content)
    site.post("good.md", 'title: "Good"\ndate: 2020-01-01')
    result = run_build(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert f"ERROR   -  {message}" in result.stderr, result.stderr


def test_strict_fails_on_a_warning_and_names_it(site):
    site.post("undated.md", 'title: "Undated"')
    result = run_build(site, "--strict")
    assert result.returncode == 1
    assert "blogposts: docs/blog/undated.md: the post has no 'date'" in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
