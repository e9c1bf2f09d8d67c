"""The migration report: `mkdocs-blogposts check DIR`."""

import logging
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
        "  warning line 9     image 'image-2.png' was not found (looked in docs_dir/writing/image-2.png, public_dir/writing/image-2.png); add the file or fix the path",
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
        "writing/good/index.md\n  error   file       its URL 'writing/good/' is already taken by "
        "'writing/good.md'; give one of them another file name or a different 'slug'"
    ) in out


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


def _blogposts_messages(result) -> set[str]:
    """The plugin's messages in a build, as the check words them (no logger prefix)."""
    return {
        r.getMessage().removeprefix("blogposts: ")
        for r in result.records
        if r.name == "mkdocs.plugins.blogposts"
    }


def _checked(capsys, *args) -> tuple[int, set[tuple[str, str]]]:
    code = main(["check", *args])
    lines = capsys.readouterr().out.splitlines()[:-1]
    found, path = set(), None
    for line in lines:
        if line and not line.startswith(" "):
            path = line
        elif line:
            severity, where, message = line.split(None, 2)[0], line[10:20].strip(), line[21:]
            at = f"{path}:{where.removeprefix('line ')}" if where != "file" else path
            found.add((severity, f"{at}: {message}"))
    return code, found


def test_check_says_what_the_build_says(site, capsys, monkeypatch):
    site.config["plugins"] = ["search", {"blogposts": {"public_dir": "public"}}]
    site.write("public/img/a.png", png())
    site.post("undated.md", 'title: "Undated"', "![pic](image.png)\n\n<Widget>x</Widget>\n")
    site.post(
        "cover.mdx",
        'title: "Cover"\ndate: 2021-01-01\nimage: /img/none.png',
        '<img src="/img/a.png" {...props} />\n\n<img src="/img/b.png" />\n',
    )
    site.write("docs/blog/empty.md", "")
    site.post("draft.md", 'title: "Draft"\ndate: 2021-02-02\ndraft: true', "<Unmapped />\n")
    built = site.build(strict=False).ok()
    monkeypatch.chdir(site.root)
    code, found = _checked(capsys, "-f", "mkdocs.yml")
    assert code == 0
    assert {message for _, message in found} == _blogposts_messages(built)
    assert len(found) == 7
    # A folder of posts, checked before it is part of a site, is named the same way.
    code, in_folder = _checked(capsys, "docs/blog", "--public-dir", "public")
    assert in_folder == found
    # Drafts as serve shows them.
    code, with_drafts = _checked(capsys, "-f", "mkdocs.yml", "--drafts")
    assert with_drafts - found == {
        (
            "warning",
            "docs/blog/draft.md:7: <Unmapped> is a component with no HTML mapping; "
            "its content is kept and its tags dropped. Map it with the 'components' option "
            "(for example Unmapped: unwrap)",
        )
    }


def test_check_says_what_stops_the_build(site, capsys, monkeypatch):
    site.post("a.md", 'title: "A"\ndate: 2021-01-01\nslug: same')
    site.post("b.md", 'title: "B"\ndate: 2021-01-02\nslug: same')
    site.write("docs/blog/bad.md", '---\ntitle: "T"\ndate: "2023-02-30"\n---\n')
    first = site.build(strict=False)
    assert first.error is not None
    site.write("docs/blog/bad.md", '---\ntitle: "T"\ndate: "2023-02-28"\n---\n')
    second = site.build(strict=False)
    assert second.error is not None
    site.write("docs/blog/bad.md", '---\ntitle: "T"\ndate: "2023-02-30"\n---\n')
    monkeypatch.chdir(site.root)
    code, found = _checked(capsys, "-f", "mkdocs.yml")
    assert code == 1
    # The build stops at the first step that fails; the check goes on and lists both.
    stopped = {("error", m) for m in first.messages(logging.ERROR) + second.messages(logging.ERROR)}
    assert stopped == found
