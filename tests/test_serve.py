"""What `mkdocs serve` does to the plugin: rebuild after rebuild on one instance."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

import jinja2
import pytest
from mkdocs.config import load_config
from sitekit import png


def titles(result):
    return [a.get_text() for a in result.html("blog/").select(".blogposts-entry-title a")]


@pytest.fixture
def posts(site):
    for n in range(3):
        site.post(f"post-{n}.md", f'title: "Post {n}"\ndate: 2020-01-0{n + 1}', f"Body {n}.\n")
    return site


def test_rebuilds_never_duplicate_and_see_edits(posts):
    for round_ in range(4):
        posts.post("post-0.md", f'title: "Post 0 v{round_}"\ndate: 2020-01-01', "Edited.\n")
        result = posts.build(command="serve").ok()
        assert titles(result) == ["Post 2", "Post 1", f"Post 0 v{round_}"]
        page = result.html("blog/post-0/")
        assert page.select_one(".blogposts-title").get_text() == f"Post 0 v{round_}"


def test_added_and_removed_posts(posts):
    posts.build(command="serve").ok()
    posts.post("post-9.md", 'title: "Post 9"\ndate: 2021-01-01')
    assert titles(posts.build(command="serve").ok())[0] == "Post 9"
    (posts.docs / "blog" / "post-9.md").unlink()
    assert titles(posts.build(command="serve").ok()) == ["Post 2", "Post 1", "Post 0"]


def _counting(result, step: str) -> list[str]:
    """The posts the plugin's cache runs `step` (parse or prepare) for from now on."""
    cache = result.config.plugins["blogposts"].cache
    calls: list[str] = []
    real = getattr(cache, step)
    if step == "parse":
        setattr(cache, step, lambda data, src, path: calls.append(src) or real(data, src, path))
    else:
        setattr(
            cache,
            step,
            lambda parsed, *a, **k: calls.append(parsed.src_uri) or real(parsed, *a, **k),
        )
    return calls


def test_an_unchanged_post_is_not_parsed_again(posts):
    calls = _counting(posts.build(command="serve").ok(), "parse")
    path = posts.docs / "blog" / "post-1.md"
    path.write_text(path.read_text().replace("Body 1.", "Body one."))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    posts.build(command="serve").ok()
    assert calls == ["blog/post-1.md"]


def test_an_unchanged_post_is_not_prepared_again_until_its_image_appears(posts):
    (posts.root / "public").mkdir()
    posts.config["plugins"] = ["search", {"blogposts": {"public_dir": "public"}}]
    posts.post(
        "pic.md", 'title: "Pic"\ndate: 2020-02-01', '<img src="/img/late.png" alt="late" />\n'
    )
    first = posts.build(command="serve", strict=False)
    assert any("image '/img/late.png' was not found" in m for m in first.messages())
    calls = _counting(first, "prepare")
    again = posts.build(command="serve", strict=False)
    assert calls == []
    # The reused post warns again, once: its lookups ran again, its warnings were copied.
    assert sum("late.png" in m for m in again.messages()) == 1
    posts.write("public/img/late.png", png())
    result = posts.build(command="serve").ok()
    assert calls == ["blog/pic.md"]
    assert result.html("blog/pic/").select_one("img[alt=late]")["src"] == "../../img/late.png"


def _count_fragment_renders(monkeypatch) -> list[str]:
    """The plugin's templates rendered from now on, by name (the theme's are not counted)."""
    rendered: list[str] = []
    real = jinja2.Template.render

    def counting(self, *args, **kwargs):
        if (self.name or "").startswith("blogposts/"):
            rendered.append(self.name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", counting)
    return rendered


def test_a_rebuild_renders_again_only_the_fragments_an_edit_changed(posts, monkeypatch):
    posts.build(command="serve").ok()
    rendered = _count_fragment_renders(monkeypatch)
    posts.build(command="serve").ok()
    assert rendered == []  # nothing changed: every header, footer and listing kept

    posts.post("post-1.md", 'title: "Post 1 renamed"\ndate: 2020-01-02', "Body 1.\n")
    result = posts.build(command="serve").ok()
    # Its header and footer, the footers of the two posts that link to it, and the
    # two listings that show its title: the index and the archive's year.
    assert sorted(rendered) == [
        "blogposts/listing.html",
        "blogposts/listing.html",
        "blogposts/post-footer.html",
        "blogposts/post-footer.html",
        "blogposts/post-footer.html",
        "blogposts/post-header.html",
    ]
    for neighbour in ("blog/post-0/", "blog/post-2/"):
        nav = result.html(neighbour).select_one(".blogposts-post-nav").get_text()
        assert "Post 1 renamed" in nav
    assert result.html("blog/post-1/").select_one(".blogposts-title").get_text() == (
        "Post 1 renamed"
    )


def test_an_edited_template_override_shows_on_the_next_rebuild(posts):
    posts.config["theme"] = {"name": "material", "custom_dir": "overrides"}
    template = posts.write(
        "overrides/blogposts/post-header.html", "<header class='mine'>one</header>\n"
    )
    page = posts.build(command="serve").ok().html("blog/post-1/")
    assert page.select_one("header.mine").get_text() == "one"
    template.write_text("<header class='mine'>two</header>\n")
    stat = template.stat()
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    page = posts.build(command="serve").ok().html("blog/post-1/")
    assert page.select_one("header.mine").get_text() == "two"


def test_a_build_keeps_no_fragments(posts, monkeypatch):
    posts.build().ok()
    rendered = _count_fragment_renders(monkeypatch)
    posts.build().ok()
    assert rendered.count("blogposts/post-header.html") == 3


@pytest.mark.parametrize("own_index", [False, True])
def test_dirty_rebuilds_never_drop_posts_from_the_index(posts, own_index):
    if own_index:
        posts.write("docs/blog/index.md", "# My blog\n")
    assert posts.build(command="serve", dirty=True, strict=False).error is None
    time.sleep(0.01)
    posts.post("post-1.md", 'title: "Post 1 edited"\ndate: 2020-01-02')
    posts.post("post-5.md", 'title: "Post 5"\ndate: 2020-01-05')
    result = posts.build(command="serve", dirty=True, strict=False)
    assert result.error is None
    assert titles(result) == ["Post 5", "Post 2", "Post 1 edited", "Post 0"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def _wait_for(predicate, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("timed out")


@contextlib.contextmanager
def _serving(site):
    """A real `mkdocs serve` of the site on a free port: yields (base URL, output list).

    The output list gets the server's whole log once it has stopped.
    """
    site.build().ok()  # writes mkdocs.yml
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    try:
        yield f"http://127.0.0.1:{port}/", output
    finally:
        proc.terminate()
        output.append(proc.communicate(timeout=20)[0])


@pytest.mark.slow
def test_real_mkdocs_serve_updates_post_and_index(posts):
    with _serving(posts) as (base, output):
        _wait_for(lambda: "Post 1" in _get(base + "blog/"))
        posts.post("post-1.md", 'title: "Post 1 saved"\ndate: 2020-01-02', "Saved body.\n")
        _wait_for(lambda: "Post 1 saved" in _get(base + "blog/post-1/"))
        index = _get(base + "blog/")
        assert index.count("Post 1 saved</a>") == 1
        assert index.count('class="blogposts-entry"') == 3
    assert "Traceback" not in output[0]


def test_serve_watches_public_dir(site):
    site.config["plugins"] = [{"blogposts": {"public_dir": "public"}}]
    site.write("public/img/a.png", b"x")
    site.build(strict=False)  # writes mkdocs.yml
    config = load_config(str(site.root / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    assert str(site.root / "public") in config.watch


@pytest.mark.slow
def test_real_serve_survives_a_broken_post_and_recovers(posts):
    with _serving(posts) as (base, output):
        _wait_for(lambda: "Post 1" in _get(base + "blog/post-1/"))
        bad = posts.docs / "blog" / "post-1.md"
        bad.write_text('---\ntitle: "Post 1"\nsubtitle: broken: yaml\n---\n\nBody\n')
        _wait_for(lambda: "This post could not be built" in _get(base + "blog/post-1/"))
        page = _get(base + "blog/post-1/")
        assert "docs/blog/post-1.md:3: the front matter is not valid YAML" in page
        # Every other page keeps serving, the index without the broken post.
        assert "Post 2" in _get(base + "blog/post-2/")
        index = _get(base + "blog/")
        assert "Post 0" in index
        assert "Post 1</a>" not in index
        bad.write_text('---\ntitle: "Post 1 fixed"\ndate: 2020-01-02\n---\n\nBody\n')
        _wait_for(lambda: "Post 1 fixed" in _get(base + "blog/post-1/"))
        assert "This post could not be built" not in _get(base + "blog/post-1/")
    log = output[0]
    assert "ERROR   -  blogposts: docs/blog/post-1.md:3: the front matter is not valid YAML" in log
    assert "Traceback" not in log
    assert "appear stuck" not in log
    # The same input stops mkdocs build.
    bad.write_text('---\ntitle: "Post 1"\nsubtitle: broken: yaml\n---\n\nBody\n')
    assert posts.build(strict=False).error is not None
