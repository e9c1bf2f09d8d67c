"""Hypothesis strategies shared by the property tests."""

from hypothesis import strategies as st


def texts_of(lines: list[str], max_lines: int) -> st.SearchStrategy[str]:
    """Texts made of the given lines, in any order and number, ending in a newline or not."""
    return st.builds(
        lambda chosen, final: "\n".join(chosen) + ("\n" if final else ""),
        st.lists(st.sampled_from(lines), max_size=max_lines),
        st.booleans(),
    )
