"""identity: one article_id per article whatever its typography; SimHash finds republished copies."""

from __future__ import annotations

from conftest import SEEDS
from vnrok_etl.identity import NEAR_DUPLICATE_BITS, article_id, hamming, record_id, simhash

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
