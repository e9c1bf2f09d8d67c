"""Hypothesis strategies shared by the property tests."""

from collections.abc import Callable

from hypothesis import given, settings
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


def given_pieces(
    pieces: list[str], max_pieces: int, examples: int
) -> Callable[[Callable[[str], None]], Callable[[], None]]:
    """Run a property test on `examples` texts made of `pieces`, with no deadline."""

    def decorate(test: Callable[[str], None]) -> Callable[[], None]:
        return settings(max_examples=examples, deadline=None)(
            given(pieces_of(pieces, max_pieces))(test)
        )

    return decorate
