import pytest

from mkdocs_blogposts.errors import PostError
from mkdocs_blogposts.frontmatter_reader import decode, key_line, split


def test_splits_front_matter_and_body_with_lines():
    text = '---\ntitle: "T"\ndate: 2023-04-06\n---\n\nBody line\n'
    source = split(text, "p.md")
    assert source.meta == {"title": "T", "date": "2023-04-06"}
    assert source.body.strip() == "Body line"
    # body_line maps a line of the body back to the file, for messages.
    body_index = source.body.splitlines().index("Body line")
    assert text.splitlines()[source.body_line - 1 + body_index] == "Body line"
    assert key_line(source, "date") == 3
    assert key_line(source, "title") == 2
    assert key_line(source, "missing") is None


def test_unquoted_dates_stay_text_for_the_date_reader():
    source = split("---\ndate: 2021-08-07T15:32:14Z\nupdated: 2023-02-30\n---\n", "p.md")
    assert source.meta == {"date": "2021-08-07T15:32:14Z", "updated": "2023-02-30"}


def test_no_front_matter():
    source = split("# Just a post\n", "p.md")
    assert source.meta == {}
    assert source.body == "# Just a post\n"
    assert source.body_line == 1


def test_empty_front_matter():
    assert split("---\n---\nText\n", "p.md").meta == {}


def test_byte_order_mark_does_not_hide_front_matter():
    text = decode(b'\xef\xbb\xbf---\ntitle: "T"\n---\nBody\n', "p.md")
    assert split(text, "p.md").meta == {"title": "T"}


def test_crlf_line_endings():
    source = split('---\r\ntitle: "T"\r\n---\r\nBody\r\n', "p.md")
    assert source.meta == {"title": "T"}
    assert "Body" in source.body


def test_never_closed():
    with pytest.raises(PostError) as e:
        split('---\ntitle: "T"\n\nBody that goes on\n', "blog/p.md")
    assert str(e.value) == (
        "blog/p.md:1: the front matter opened on line 1 is never closed; add a line '---' after it"
    )


def test_invalid_yaml_names_the_file_line():
    with pytest.raises(PostError) as e:
        split('---\ntitle: "T"\nsubtitle: a: b\ndate: "2023-04-06"\n---\n', "blog/p.md")
    assert e.value.diagnostic.line == 3
    assert str(e.value).startswith("blog/p.md:3: the front matter is not valid YAML")
    assert "quot" in str(e.value)


def test_unterminated_quote_line():
    with pytest.raises(PostError) as e:
        split('---\ntitle: "T\nsubtitle: x\n---\n', "p.md")
    assert e.value.diagnostic.line in (2, 3, 4)


def test_front_matter_must_be_a_mapping():
    with pytest.raises(PostError, match="must be 'key: value' lines, but it is a list"):
        split("---\n- a\n- b\n---\n", "p.md")


def test_non_utf8_names_the_line():
    data = b'---\ntitle: "T"\n---\n\nCaf\xe9 au lait\n'
    with pytest.raises(PostError) as e:
        decode(data, "blog/p.md")
    assert e.value.diagnostic.line == 5
    assert "not valid UTF-8 (byte 0xe9" in str(e.value)
    assert "save it as UTF-8" in str(e.value)
