"""identity: one article_id per article whatever its typography; stories: copies a syndicator
makes of an article are one story, two outlets' own reports of one event are two."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import SEEDS
from story_reference import reference_keys, reference_shingle_hashes
from vnrok_etl import stories as stories_module
from vnrok_etl.identity import (
    NEAR_DUPLICATE_BITS,
    article_id,
    hamming,
    identity_text,
    record_id,
    simhash,
    simhash_of_digests,
)
from vnrok_etl.stories import (
    MIN_SAMPLE,
    MIN_SHARED_KEYS,
    SAMPLE_CONTAINMENT,
    WORD,
    canonical_order,
    components,
    prefix_levels,
    same_story,
    shingle_hash_batch,
    shingle_hashes,
    shingles_from_digests,
    shingles_of,
    story_signature,
    story_signatures,
    words,
)

BODY = (SEEDS / "004_50867dec6f891f30.txt").read_text(encoding="utf-8")


def test_typography_and_spacing_do_not_change_the_article_id():
    retyped = BODY.replace("’", "'").replace("“", '"').replace("”", '"').replace("–", "-")
    respaced = BODY.replace(" ", "  ").replace("\n\n", "\n\n\n")
    assert article_id(retyped) == article_id(BODY) == article_id(respaced)


def test_a_changed_word_is_another_article():
    assert article_id(BODY.replace("ten cooperation documents", "eleven cooperation documents")) != article_id(BODY)


def test_an_edited_republication_is_a_near_duplicate_and_other_articles_are_not():
    edited = BODY.replace("on Monday", "on Monday, August 11,") + "\n\nThe visit continues on Tuesday."
    other = (SEEDS / "003_07cb4f2a5708c291.txt").read_text(encoding="utf-8")
    assert hamming(simhash(BODY), simhash(edited)) <= NEAR_DUPLICATE_BITS
    assert hamming(simhash(BODY), simhash(other)) > 12


def test_simhash_fits_a_signed_bigint_and_record_ids_are_stable():
    for text in (BODY, "x", ""):
        assert -(1 << 63) <= simhash(text) < 1 << 63
    assert record_id("a", 1, 2) == record_id("a", 1, 2) != record_id("a", 1, 3)


# ─── story identity (stories.py): copies a syndicator makes are one story ──────────────────────

ROOT = Path(__file__).resolve().parents[1]
DISTINCT = ROOT / "benchmarks" / "data" / "distinct"  # pairs of own reports of one event, ours
PARAGRAPHS = BODY.split("\n\n")


def _same(a: str, b: str) -> bool:
    return same_story(shingles_of(identity_text(a)), shingles_of(identity_text(b)))


def _candidates(a: str, b: str) -> bool:
    """Whether the warehouse would test the pair: shared keys (one side's top key each) and the
    sample screen, as linking.py's SQL does."""
    first, second = story_signature(identity_text(a)), story_signature(identity_text(b))
    shared = sum(1 for key in first.top_keys if key in second.keys or key in second.top_keys)
    shared += sum(1 for key in first.keys if key in second.top_keys)
    smaller = min(len(first.sample), len(second.sample))
    screened = smaller < MIN_SAMPLE or len(set(first.sample) & set(second.sample)) >= SAMPLE_CONTAINMENT * smaller
    return shared >= MIN_SHARED_KEYS and screened


@pytest.mark.parametrize(
    "copy",
    [
        pytest.param("\n\n".join(PARAGRAPHS[:3]), id="first-paragraphs"),
        pytest.param("\n\n".join(PARAGRAPHS[:-3]), id="end-trimmed"),
        pytest.param("Leaders agree new economic vision\n\nSEOUL (VNA) — " + BODY, id="headline-and-dateline"),
        pytest.param("The following report was carried by the national news agency.\n\n" + BODY + "\n\nSource: VNA",
                     id="intro-and-credit"),
        pytest.param(BODY.replace("agreed", "decided").replace("two leaders", "two sides").replace(" the ", " a ", 12),
                     id="words-changed"),
        pytest.param("\n\n".join([PARAGRAPHS[1], PARAGRAPHS[0], *PARAGRAPHS[2:]]), id="paragraphs-swapped"),
        # Short copies (under 80 words: their longest prefix is 20 words), half of whose first
        # 20 words are an intro line: found by that prefix taken past the line.
        pytest.param("The article below first appeared in the national agency's English service.\n\n"
                     + " ".join(BODY.split()[:35]), id="intro-line-then-35-words"),
        pytest.param("Editor's note: the national news agency first ran this report on Monday.\n\n"
                     + " ".join(BODY.split()[:45]), id="editors-note-then-45-words"),
    ],
)
def test_a_copy_a_syndicator_makes_is_the_same_story_and_is_found(copy):
    assert _same(BODY, copy) and _same(copy, BODY)
    assert _candidates(BODY, copy) and _candidates(copy, BODY)


@pytest.mark.parametrize("pair", sorted(path.name[:2] for path in DISTINCT.glob("*-a.txt")))
def test_two_outlets_own_reports_of_one_event_are_two_stories(pair):
    # Each pair shares a quote and its figures, word for word, and nothing else.
    first, second = ((DISTINCT / f"{pair}-{side}.txt").read_text() for side in "ab")
    assert not _same(first, second)


def test_a_passage_from_the_middle_of_an_article_is_not_a_copy_of_it():
    # A short piece that reprints two paragraphs from the middle of a longer report (background
    # both carry) is contained in it, but a syndicator trims from the end, not the start.
    middle = "\n\n".join(PARAGRAPHS[5:7])
    assert not _same(middle, BODY)
    assert _same("\n\n".join(PARAGRAPHS[:2]), BODY)


def test_the_canonical_copy_is_the_fullest_then_the_earliest():
    day = date(2025, 8, 11)
    full_late = canonical_order(1000, 1000, (day + timedelta(days=1), None), "a")
    full_early = canonical_order(950, 1000, (day, None), "b")
    trimmed_earliest = canonical_order(400, 1000, (day - timedelta(days=1), None), "c")
    undated = canonical_order(1000, 1000, (None, None), "d")
    assert sorted([full_late, full_early, trimmed_earliest, undated]) == [full_early, full_late, undated, trimmed_earliest]
    # Same day and time: the longer copy, then the smaller article_id.
    assert canonical_order(990, 1000, (day, None), "z") < canonical_order(980, 1000, (day, None), "a")
    assert canonical_order(990, 1000, (day, None), "a") < canonical_order(990, 1000, (day, None), "b")


def test_story_keys_are_signed_bigints_and_prefix_levels_grow_fourfold():
    signature = story_signature(identity_text(BODY))
    assert all(-(1 << 63) <= key < 1 << 63 for key in signature.keys + signature.top_keys + signature.sample)
    assert prefix_levels(19) == [] and prefix_levels(20) == [20] and prefix_levels(250) == [20, 80] and prefix_levels(320) == [20, 80, 320]
    assert components(["a", "b", "c", "d"], [("b", "c"), ("d", "c")]) == {"a": "a", "b": "b", "c": "b", "d": "b"}


def test_signatures_of_a_batch_are_each_article_s_own_and_match_the_definition():
    texts = [identity_text(text) for text in (
        BODY, "\n\n".join(PARAGRAPHS[:2]), "", "one", "one two three",
        " ".join(f"w{i}" for i in range(19)), " ".join(f"w{i}" for i in range(20)),
        " ".join(f"w{i % 7}" for i in range(300)),  # 7 distinct shingles: most bins empty, borrowed
        " ".join(f"w{i}" for i in range(1500)),  # four prefix levels
        "the following report was carried by the agency. " + " ".join(f"w{i}" for i in range(80)),  # intro line
        "an intro line of four. " + " ".join(f"w{i % 5}" for i in range(400)),  # shifted, bins borrowed
        *(path.read_text() for path in sorted(DISTINCT.glob("*.txt"))),
    )]
    batch = story_signatures(texts)
    for text, signature in zip(texts, batch):
        assert (signature.keys, signature.top_keys, signature.sample) == reference_keys(text, reference_shingle_hashes)
        # The SimHash reads the same shingle hashes, 8 bytes each, big-endian.
        assert signature.shingles == b"".join(value.to_bytes(8, "big") for value in reference_shingle_hashes(WORD.findall(text)))
        assert simhash(text) == simhash_of_digests(signature.shingles)
        assert story_signature(text) == signature  # alone, as in a batch


def test_the_same_story_test_reads_the_same_words_from_the_lowered_body():
    # linking.py shingles body.lower() instead of identity_text(body): folding typography and
    # spacing only changes characters that are not word characters.
    for body in (BODY, "“Korea’s – ‘partner’\u00a0  ‑ VIỆT NAM”\n\nİstanbul ŞEHİR — Ǆ x", *PARAGRAPHS):
        assert WORD.findall(identity_text(body)) == WORD.findall(body.lower())
        assert shingles_of(identity_text(body)) == shingles_of(body.lower())


def test_word_hashes_are_kept_up_to_a_bound_and_hash_the_same_after_it(monkeypatch):
    monkeypatch.setattr(stories_module, "WORD_CACHE_LIMIT", 5)
    monkeypatch.setattr(stories_module, "WORD_HASHES", stories_module._WordHashes())
    text = " ".join(f"w{i}" for i in range(40))
    first = story_signatures([text])
    assert len(stories_module.WORD_HASHES) <= 5  # emptied on reaching the bound, not grown
    assert story_signatures([text]) == first
    assert first[0].shingles == b"".join(value.to_bytes(8, "big") for value in reference_shingle_hashes(WORD.findall(text)))


def test_the_same_story_test_reads_a_new_article_s_staged_hashes_as_an_old_article_s_body():
    # A new article's test reads the shingle hashes its worker computed (Signature.shingles,
    # staged); an old article's body is shingled at the merge. Both must give the shingles the
    # definition gives (story_reference): all of them, the lead (those of the first 40 words)
    # and the opening (of the first 120 words), whatever the length.
    long_text = " ".join(f"w{i}" for i in range(150))
    texts = [identity_text(text) for text in (BODY, "", "one", "one two", "one two three", long_text, *PARAGRAPHS[:3])]
    for text, signature in zip(texts, story_signatures(texts)):
        staged, shingled = shingles_from_digests(signature.shingles), shingles_of(text)
        word_list = WORD.findall(text)
        def expected(first_words: int) -> frozenset[int]:
            return frozenset(reference_shingle_hashes(word_list[:first_words])) if word_list else frozenset()

        assert staged.all == shingled.all == expected(len(word_list))
        assert staged.lead == shingled.lead == expected(40)
        assert staged.opening == shingled.opening == expected(120)
    # 150 words: 148 shingles, the lead 38 of them, the opening 118.
    long = shingles_of(long_text)
    assert (len(long.all), len(long.lead), len(long.opening)) == (148, 38, 118)
    # A text without words has no shingles, from its body or its staged hashes: never a copy.
    assert not same_story(shingles_of(""), shingles_from_digests(story_signature("").shingles))


def test_one_article_s_shingle_hashes_are_those_of_a_batch():
    for word_list in ([], ["a"], ["a", "b"], ["a", "b", "c"], WORD.findall(identity_text(BODY))):
        assert shingle_hashes(word_list).tolist() == shingle_hash_batch([word_list])[0].tolist()


def test_the_words_of_ascii_and_other_texts_are_the_word_pattern_s_matches():
    # Underscores and digits are word characters; every other ASCII character breaks words,
    # control characters included (ASCII texts are split on a translation, not by the pattern).
    assert words("a_b c-d 3.5\x1fe\tf'g\x00h") == ["a_b", "c", "d", "3", "5", "e", "f", "g", "h"]
    every_ascii = "".join(chr(code) + "x" for code in range(128))
    assert words(every_ascii) == WORD.findall(every_ascii)
    # Other texts: Unicode word characters; a dash and a non-breaking space break words.
    assert words("việt nam—hàn\u00a0quốc") == ["việt", "nam", "hàn", "quốc"]
