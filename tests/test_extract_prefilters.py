"""The speed pre-checks in figures/ and quotes/ find what their patterns alone find
(benchmarks/RESULTS.md, "cleanspeed"): each is checked against a whole-text scan with the pattern
it guards, on sentences written for the test in the forms the pattern reads (every ordinal word,
capitals, each separator, text that starts or ends at the match) and on near misses.
"""

from __future__ import annotations

import pytest

from vnrok_etl.figures.kinds import PLACE_RANK, place_ranks
from vnrok_etl.numbers import ORDINAL_WORDS


def _found(matches):
    return [(match.span(), match.groupdict()) for match in matches]


@pytest.mark.parametrize("word", sorted(ORDINAL_WORDS))
@pytest.mark.parametrize("place", ["place", "position", "spot"])
def test_place_ranks_finds_every_ordinal_word_as_the_pattern(word, place):
    for text in (
        f"{word} {place}",  # the match is the whole text
        f"The team took {word}-{place} in the league.",
        f"The team took {word.capitalize()}‐{place}, a step up.",
        f"She finished {word.upper()} {place} and kept it.",
        f"x{word} {place}",  # glued to a word: no match
        f"The {word}–{place}s were filled.",  # no word boundary after the place word
    ):
        assert _found(place_ranks(text)) == _found(PLACE_RANK.finditer(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "1st place",
        "It rose to 12th place from 31st spot, then to 9th‐position.",
        "The 2nd-place team and the 103rd place team.",  # three digits: no match for the second
        "Viet Nam ranked 3rd–position in the region; the 20th  place is far.",  # two spaces: none
        "In the first place, the talks took place in Hanoi.",
        "The meeting took place on Monday and was replaced on Friday.",
        "second place first place third spot",  # matches one after another
        "place position spot",
        "",
    ],
)
def test_place_ranks_finds_numbers_and_near_misses_as_the_pattern(text):
    assert _found(place_ranks(text)) == _found(PLACE_RANK.finditer(text))


def test_place_ranks_reads_the_forms_by_hand():
    text = "Hanoi came second place; Busan took the 4th spot, ahead of eleventh-position Daegu."
    assert [match.group() for match in place_ranks(text)] == ["second place", "4th spot", "eleventh-position"]


def test_interview_marks_open_with_their_letter_after_spaces():
    from vnrok_etl.quotes.interviews import ANSWER_MARK, QUESTION_MARK

    letters = [chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]
    asked = {char for char in letters for rest in (": Why Hanoi?", "uestion 2 - Why?", "Q: Why?") if QUESTION_MARK.match(char + rest)}
    assert all(char == "Q" or char.isspace() for char in asked) and "Q" in asked and " " in asked
    answered = {char for char in letters for rest in (": Because.", "nswer:", "A. Because.") if ANSWER_MARK.match(char + rest)}
    assert all(char == "A" or char.isspace() for char in answered) and "A" in answered and "\u3000" in answered
