"""sentences: spans that never break numbers, money or abbreviations."""

from __future__ import annotations

from vnrok_etl.sentences import sentence_at, split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_numbers_and_money_at_the_end_do_not_break_sentences():
    text = (
        "Last year, bilateral trade reached $86.7 billion, and direct investment totalled $7 billion. "
        "The RoK has over 10,000 valid projects totalling 93.7 billion USD in registered capital. "
        "The goal is US$150 billion."
    )
    assert sentences(text) == [
        "Last year, bilateral trade reached $86.7 billion, and direct investment totalled $7 billion.",
        "The RoK has over 10,000 valid projects totalling 93.7 billion USD in registered capital.",
        "The goal is US$150 billion.",
    ]


def test_closing_quotes_stay_with_their_sentence_and_abbreviations_do_not_end_one():
    text = "Kim remarked: “Koreans find it easier to meet in Viet Nam.” Mr. Lee agreed. Done"
    assert sentences(text) == [
        "Kim remarked: “Koreans find it easier to meet in Viet Nam.”",
        "Mr. Lee agreed.",
        "Done",
    ]


def test_paragraph_breaks_end_sentences_and_sentence_at_finds_the_span():
    text = "First paragraph without a stop\n\nSecond one. Third one."
    assert sentences(text) == ["First paragraph without a stop", "Second one.", "Third one."]
    start, end = sentence_at(text, text.index("Third"))
    assert text[start:end] == "Third one."


def test_word_before_a_dot_reads_like_the_regex_it_replaced():
    import re

    from vnrok_etl.sentences import _word_before

    reference = re.compile(r"[A-Za-z][A-Za-z.]*$")
    texts = ["Mr", "x U.S", "..e.g", "Lee\n", "Lee\n\n", "a.\n", "Việt", "1st", "", " ", "_No", "A.B.C"]
    for text in texts:
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                match = reference.search(text, start, end)
                assert _word_before(text, start, end) == (match and match.span()), (text, start, end)
