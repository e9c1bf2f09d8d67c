from urllib.parse import urljoin

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_blogposts.urls import absolute_url

_PARTS = ["blog", "post", "/", ".", "..", "a b", ":", "?q", "#f", "%20", " ", "\t", "\x01", "é"]
_BASES = [
    "https://example.org/",
    "https://example.org/docs/",
    "http://localhost:8000/",
    "https://example.org",
    "https://example.org/?x/",
    " https://example.org/",
    "docs/",
    "https://example.org//docs/",
    "https://example.org/a/../docs/./",
    "",
]


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(_BASES), st.lists(st.sampled_from(_PARTS), max_size=6).map("".join))
def test_absolute_url_is_urljoin(site_url, path):
    assert absolute_url(site_url, path) == urljoin(site_url, path)


def test_a_post_path_is_appended_to_the_site_url():
    assert absolute_url("https://example.org/docs/", "blog/post/") == (
        "https://example.org/docs/blog/post/"
    )
