from mkdocs_blogposts.posts import LineIndex


def test_line_index_gives_file_lines():
    text = "one\ntwo\n\nfour\nfive"
    index = LineIndex(text, first_line=10)
    assert [index.line(offset) for offset in range(len(text) + 1)] == [
        10 + text[:offset].count("\n") for offset in range(len(text) + 1)
    ]
    assert index.line(text.index("four")) == 13
