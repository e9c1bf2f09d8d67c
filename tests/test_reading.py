import pytest

from mkdocs_blogposts.errors import PostError
from mkdocs_blogposts.reading import is_post_path, parse_post, post_dest_uri


@pytest.mark.parametrize(
    ("src_uri", "expected"),
    [
        ("blog/foo.md", True),
        ("blog/foo.mdx", True),
        ("blog/2023/foo.md", True),
        ("blog/foo/index.md", True),
        ("blog/foo/index.mdx", True),
        ("blog/index.md", False),
        ("blog/index.mdx", False),
        ("blog/foo.png", False),
        ("blogroll.md", False),
        ("other/foo.md", False),
    ],
)
def test_is_post_path(src_uri, expected):
    assert is_post_path(src_uri, "blog") is expected


@pytest.mark.parametrize(
    ("src_uri", "slug", "directory_urls", "dest"),
    [
        ("blog/foo.md", None, True, "blog/foo/index.html"),
        ("blog/foo.mdx", None, True, "blog/foo/index.html"),
        ("blog/foo/index.md", None, True, "blog/foo/index.html"),
        ("blog/foo/index.mdx", None, True, "blog/foo/index.html"),
        ("blog/2023/foo.md", None, True, "blog/2023/foo/index.html"),
        ("blog/foo.md", "bar", True, "blog/bar/index.html"),
        ("blog/foo/index.md", "bar", True, "blog/bar/index.html"),
        ("blog/2023/foo.md", "bar", True, "blog/2023/bar/index.html"),
        ("blog/foo.md", None, False, "blog/foo.html"),
        ("blog/foo/index.md", "bar", False, "blog/bar.html"),
    ],
)
def test_post_urls_mirror_paths_and_slugs(src_uri, slug, directory_urls, dest):
    assert post_dest_uri(src_uri, slug, directory_urls) == dest


def test_title_from_front_matter_or_first_heading_or_name():
    post = parse_post(b'---\ntitle: "T"\ndate: 2020-01-01\n---\n# Heading\n', "blog/a.md", "a.md")
    assert post.title == "T"
    assert post.body.lstrip().startswith("# Heading")
    post = parse_post(b"---\ndate: 2020-01-01\n---\n\n# My Post #\n\nText\n", "blog/a.md", "a.md")
    assert post.title == "My Post"
    assert post.body.strip() == "Text"
    assert post.body_line == 6
    post = parse_post(b"Text\n", "blog/my-first_post.md", "a.md")
    assert post.title == "My first post"
    post = parse_post(b"Text\n", "blog/hello-world/index.mdx", "a.md")
    assert post.title == "Hello world"


def test_errors_carry_the_path():
    with pytest.raises(PostError, match=r"^docs/blog/a.md:2: 'title' must be text"):
        parse_post(b"---\ntitle: [a]\n---\n", "blog/a.md", "docs/blog/a.md")
