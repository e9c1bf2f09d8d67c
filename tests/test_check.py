"""The migration report: `mkdocs-blogposts check DIR`."""

import subprocess
import sys

import pytest
from sitekit import png

from mkdocs_blogposts.__main__ import main


@pytest.fixture
def posts(tmp_path):
    blog = tmp_path / "writing"
    blog.mkdir()
    (blog / "good.md").write_text(
        '---\ntitle: "Good"\ndate: "2023-04-06"\n---\n\n<img src="/img/a.png" />\n'
    )
    (blog / "undated.mdx").write_text(
        '---\ntitle: "Undated"\n---\n\nimport X from "x"\n\n<Sandpack>\n\n![pic](image-2.png)\n\n</Sandpack>\n'
    )
    (blog / "index.md").write_text("# The blog's own index, not a post\n")
    public = tmp_path / "public"
    (public / "img").mkdir(parents=True)
    (public / "img" / "a.png").write_bytes(png())
    return tmp_path


def test_report_groups_findings_by_post(posts, capsys, monkeypatch):
    monkeypatch.chdir(posts)
    code = main(["check", "writing", "--public-dir", "public"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines() == [
        "writing/undated.mdx",
        "  warning file       the post has no 'date'; it is listed last. Add date: \"YYYY-MM-DD\" to its front matter",
        "  warning line 7     <Sandpack> is a component with no HTML mapping; its content is kept and its tags dropped. Map it with the 'components' option (for example Sandpack: unwrap)",
        "  warning line 9     image 'image-2.png' was not found (looked in docs_dir/image-2.png, public_dir/image-2.png); add the file or fix the path",
        "",
        "2 posts checked: 0 with errors, 1 with warnings only; 0 errors, 3 warnings.",
    ]


def test_options_silence_what_they_resolve(posts, capsys, monkeypatch):
    monkeypatch.chdir(posts)
    (posts / "public" / "blog" / "images" / "undated").mkdir(parents=True)
    (posts / "public" / "blog" / "images" / "undated" / "image-2.png").write_bytes(png())
    code = main(
        [
            "check",
            "writing",
            "--public-dir",
            "public",
            "--image-fallback",
            "blog/images/{slug}",
            "--component",
            "Sandpack=unwrap",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Sandpack" not in out
    assert "image-2.png" not in out
    assert "1 warning." in out


def test_errors_exit_non_zero_and_strict_counts_warnings(posts, capsys, monkeypatch):
    monkeypatch.chdir(posts)
    assert main(["check", "writing", "--public-dir", "public", "--strict"]) == 1
    (posts / "writing" / "broken.md").write_text('---\ntitle: "T"\ndate: "2023-02-30"\n---\n')
    (posts / "writing" / "good").mkdir()
    (posts / "writing" / "good" / "index.md").write_text(
        '---\ntitle: "Twin"\ndate: 2020-01-01\n---\n'
    )
    assert main(["check", "writing", "--public-dir", "public"]) == 1
    out = capsys.readouterr().out
    assert "writing/broken.md\n  error   line 3     'date': '2023-02-30' is not a real date" in out
    assert (
        "writing/good.md\n  error   file       its URL is already taken by writing/good/index.md"
        in out
    )


def test_bad_arguments_are_usage_errors(posts, capsys):
    with pytest.raises(SystemExit) as e:
        main(["check", str(posts / "nope")])
    assert e.value.code == 2
    assert "is not a folder" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["check", str(posts / "writing"), "--component", "Intro"])
    assert "write it as NAME=SPEC" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["check", str(posts / "writing"), "--component", "Intro=banana"])
    assert "is not a component mapping" in capsys.readouterr().err


def test_python_dash_m_and_the_console_script(posts):
    for command in (
        [sys.executable, "-m", "mkdocs_blogposts", "check", "writing"],
        [
            str(__import__("pathlib").Path(sys.executable).parent / "mkdocs-blogposts"),
            "check",
            "writing",
        ],
    ):
        result = subprocess.run(command, cwd=posts, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert "2 posts checked" in result.stdout
        assert "Traceback" not in result.stderr
