from pathlib import Path

import pytest

from mkdocs_blogposts.images import Found, ImageResolver, Missing


@pytest.fixture
def resolver(tmp_path: Path) -> ImageResolver:
    public = tmp_path / "public"
    (public / "img").mkdir(parents=True)
    (public / "img" / "a.webp").write_bytes(b"x")
    (public / "img" / "Pasted image 1.png").write_bytes(b"x")
    (public / "both.png").write_bytes(b"public")
    (tmp_path / "secret.txt").write_text("no")
    docs = {
        "both.png": "both.png",
        "blog/local.png": "blog/local.png",
        "img/d%20x.png": "img/d%20x.png",
    }
    return ImageResolver(docs.get, str(public))


def test_root_absolute_from_public_dir(resolver):
    assert resolver.resolve("/img/a.webp", "blog/p.md") == Found("img/a.webp")
    assert resolver.public_files == {"img/a.webp": resolver._in_public("img/a.webp")}


def test_docs_dir_comes_first(resolver):
    assert resolver.resolve("/both.png", "blog/p.md") == Found("both.png")
    assert resolver.public_files == {}


def test_percent_encoded_names_query_and_fragment(resolver):
    assert resolver.resolve("/img/Pasted%20image%201.png?v=2#x", "blog/p.md") == Found(
        "img/Pasted image 1.png", "?v=2#x"
    )


def test_relative_to_the_post(resolver):
    assert resolver.resolve("local.png", "blog/p.md") == Found("blog/local.png")


@pytest.mark.parametrize(
    "url", ["https://x.org/a.png", "//cdn.example/a.png", "data:image/png;base64,AAAA", "#top", ""]
)
def test_not_ours_to_resolve(resolver, url):
    assert resolver.resolve(url, "blog/p.md") is None


def test_missing_lists_where_it_looked(resolver):
    assert resolver.resolve("/img/none.webp", "blog/p.md") == Missing(
        ("docs_dir/img/none.webp", "public_dir/img/none.webp")
    )


@pytest.mark.parametrize("url", ["/../secret.txt", "/img/../../secret.txt", "../../secret.txt"])
def test_paths_that_climb_out_are_never_read(resolver, url):
    result = resolver.resolve(url, "blog/p.md")
    assert isinstance(result, Missing)
    assert resolver.public_files == {}


def test_without_public_dir():
    resolver = ImageResolver(lambda path: None, None)
    assert resolver.resolve("/img/a.webp", "blog/p.md") == Missing(
        ("docs_dir/img/a.webp", "public_dir (not set)")
    )


def test_bare_names_in_fallback_folders_with_the_slug(tmp_path):
    public = tmp_path / "public"
    (public / "blog" / "images" / "my-post").mkdir(parents=True)
    (public / "blog" / "images" / "my-post" / "image-2.png").write_bytes(b"x")
    resolver = ImageResolver(lambda path: None, str(public), ("blog/images/{slug}",))
    assert resolver.resolve("image-2.png", "blog/my-post.md", "my-post") == Found(
        "blog/images/my-post/image-2.png"
    )
    missing = resolver.resolve("image-9.png", "blog/my-post.md", "my-post")
    assert missing == Missing(
        (
            "docs_dir/blog/image-9.png",
            "public_dir/blog/image-9.png",
            "docs_dir/blog/images/my-post/image-9.png",
            "public_dir/blog/images/my-post/image-9.png",
        )
    )
