"""numbers: the word-start patterns find exactly what their \\b forms find."""

from __future__ import annotations

import itertools
import re

from vnrok_etl.numbers import DIGITS_RE, at_word_start


def test_at_word_start_matches_like_a_leading_word_boundary():
    words = ["two", "ten", "twelve", "five", "most[ -][a-z]+"]
    plain = re.compile(r"\b(?:[Tt]wo|[Tt]en|[Tt]welve|[Ff]ive|[Mm]ost[ -][a-z]+)")
    fast = re.compile(at_word_start(words))
    pieces = ["two", "Ten", "twelve", "Five", "most-ten", "x", "_", "9", "é", " ", "-", "\n", "ſ"]
    for size in (1, 2, 3):
        for parts in itertools.product(pieces, repeat=size):
            text = "".join(parts)
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], text
            for pos in range(len(text)):
                found, expected = fast.match(text, pos), plain.match(text, pos)
                assert (found and found.span()) == (expected and expected.span()), (text, pos)


def test_digits_match_like_the_unfactored_pattern():
    plain = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
    fast = re.compile(DIGITS_RE)
    pieces = ["1", "12", "1234", ",", ",000", ".", ".5", " ", "٣"]
    for size in (1, 2, 3, 4):
        for parts in itertools.product(pieces, repeat=size):
            text = "".join(parts)
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], text
