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


def _cue_starts_by_search(body, lowered, start, end):
    """cue_word_starts as the search over the sentence reads it (before the body's cue words)."""
    from vnrok_etl.quotes.cues import CUE_WORD, ODDITY

    if lowered is None or "a" <= lowered[start] <= "z":
        return None
    if CUE_WORD.search(lowered, start, end + 1) is None:
        return []
    if ODDITY.search(body, start, end) is not None:
        return None
    return [match.start() for match in CUE_WORD.finditer(lowered, start, end + 1)]


@pytest.mark.parametrize(
    "body",
    [
        "Said the minister: trade grew. Kim SAID it would. “We agree,” Lan said, adding that more would come.",
        "He told reporters the plan was ready, noted the envoy, and stressed that ties were strong.",
        "The saidx form, the un-said form, said2 and 2said, and says/said/told in a row: said",
        "According to the ministry, exports rose; officials announced the plan and called it a bridge.",
        "Bà Lan nói: “Chúng tôi đồng ý,” she said. Ông Nam said the port would open in Hải Phòng.",
        "Park ſaid it, Lee said İt, Kim said ıt: the odd letters that re.IGNORECASE folds.",
        "Park ſaid it, Kim said ıt, and Lee told us.",  # lower() keeps these offsets
        "said",
        "No cue word here at all, only numbers 1, 2 and 3.",
    ],
)
def test_cue_word_starts_finds_what_the_search_finds_in_every_span(body):
    from vnrok_etl.quotes.cues import cue_word_starts

    lowered = " " + body.lower()
    lowered = lowered if len(lowered) == len(body) + 1 else None
    # Every span of the body, including those that end inside a word ("sai|d") or at its end.
    for start in range(len(body)):
        for end in range(start + 1, len(body) + 1):
            assert cue_word_starts(body, lowered, start, end) == _cue_starts_by_search(body, lowered, start, end), (
                start, end, body[start:end]
            )


def test_cue_word_starts_reads_the_cue_words_by_hand():
    from vnrok_etl.quotes.cues import cue_word_starts

    body = "Kim said the port, which Lee opened, would grow, the envoy noted."
    starts = cue_word_starts(body, " " + body.lower(), 0, len(body))
    assert [body[at : at + 5] for at in starts] == ["said ", "noted"]
    assert cue_word_starts(body, " " + body.lower(), 9, 30) == []  # "the port, which Lee opened"
