from mkdocs_blogposts.blog import LineIndex


def test_line_index_gives_file_lines_by_counting_and_by_index_alike():
    text = "one\ntwo\n\nfour\nfive"
    index = LineIndex(text, first_line=10)
    # Twenty lookups: the first few are counted, the rest read from the index.
    offsets = [i % (len(text) + 1) for i in range(0, 20 * 7, 7)]
    got = [index.line(offset) for offset in offsets]
    assert got == [10 + text[:offset].count("\n") for offset in offsets]
    assert index.line(text.index("four")) == 13
