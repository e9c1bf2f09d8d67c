"""Hypothesis strategies shared by the property tests."""

from hypothesis import strategies as st


def texts_of(lines: list[str], max_lines: int) -> st.SearchStrategy[str]:
    """Texts made of the given lines, in any order and number, ending in a newline or not."""
    return st.builds(
        lambda chosen, final: "\n".join(chosen) + ("\n" if final else ""),
        st.lists(st.sampled_from(lines), max_size=max_lines),
        st.booleans(),
    )


def pieces_of(pieces: list[str], max_pieces: int) -> st.SearchStrategy[str]:
    """Texts made of the given pieces, in any order and number, with nothing between."""
    return st.lists(st.sampled_from(pieces), max_size=max_pieces).map("".join)
