"""The claim key of a figure, computed once when the figure is staged and stored with it.

Why here and not in the views: the key folds, singularises and looks up every word of a
figure's subject, unit, surface form and the words after it. Computed by the views on every
query, it was most of the HTML report's time at 100k documents (4-5 s of 7, RESULTS.md) and of
any analyst query on `claim_figures`. A figure's key depends only on the figure's own fields,
so it is computed in the worker that stages the figure (stage.py), stored in
`figures.subject_key` and `figures.claim_key` by the merge, and the views read the columns.
Existing warehouses get the columns from migration 008, whose step (`backfill_claim_keys`) runs
this same function over their figures: one implementation of the rules. The module is part of
the extraction version (version.py), so a change to a rule or to `SUBJECT_SYNONYMS` makes
`vnrok-etl reprocess` recompute the keys of every older row.

The rules (claims.py explains why, with the seeds' examples):
- fold: lower case, diacritics stripped (Việt Nam = Viet Nam, đ = d), everything but a-z and
  0-9 a space, "viet nam" -> "vietnam", "[the] Republic of Korea" / "South Korea" -> "rok";
- a count is keyed "[nationality] [counted noun] [in place]" ("korean business in vietnam");
  a count of people by nationality with no place gets no key;
- any other figure is keyed by its subject, folded, word by word singular and synonym-mapped,
  articles dropped ("bilateral trade");
- the claim adds the measure: the kind, the currency for money, the target year for a target:
  "money | USD | bilateral trade | target 2030";
- a yearly rate states what one year amounts to, so it is keyed as that amount: "over five
  million mutual visits each year" (unit "visit per year", figures/periods.py) and "five million
  mutual visits in 2024" (unit "visit") are one claim. Other periods are not folded: 1,000
  visitors a week is no total.

These are, word for word, the rules the views applied in SQL before (DuckDB's `strip_accents`,
`lower`, RE2 patterns); tests/test_views.py checks the stored keys against the seeds' claims and
benchmarks/RESULTS.md records that every public view kept its rows on a 10k warehouse. The fold
equals the SQL macro `fold_text` on every character but 42 marks of scripts that Unicode 15
added (Python's tables here are Unicode 14's).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Words that name the same thing, taken from the seeds: "businesses" (000), "companies" (001)
# and "enterprises" (000) of Korea in Viet Nam are one population; "RoK" is an adjective for
# Korean in "RoK enterprises" (000) and a place in "in the RoK" (002, 003). Plurals are not
# listed: singular_word folds them. The view `subject_synonyms` lists the same rows for analysts
# (tests/test_views.py keeps the two equal).
SUBJECT_SYNONYMS: tuple[tuple[str, str, str], ...] = (
    ("noun", "company", "business"),
    ("noun", "enterprise", "business"),
    ("noun", "firm", "business"),
    ("noun", "traveller", "visit"),
    ("noun", "trip", "visit"),
    ("noun", "turnover", "trade"),
    ("nationality", "korean", "korean"),
    ("nationality", "rok", "korean"),
    ("nationality", "vietnamese", "vietnamese"),
    ("place", "vietnam", "vietnam"),
    ("place", "rok", "rok"),
    ("place", "korea", "rok"),
)
NOUNS = {word: canonical for term, word, canonical in SUBJECT_SYNONYMS if term == "noun"}
NATIONALITIES = {word: canonical for term, word, canonical in SUBJECT_SYNONYMS if term == "nationality"}
PLACES = {word: canonical for term, word, canonical in SUBJECT_SYNONYMS if term == "place"}
# Words dropped from a subject key.
ARTICLES = frozenset(("", "the", "a", "an"))
# Words after the figure that say where: eight reach "350,000 Vietnamese live, study, and work
# in RoK" (001), not a country named in the next clause (000).
CONTEXT_WORDS = 8

NOT_ALNUM = re.compile(r"[^a-z0-9]+")
VIET_NAM = re.compile(r"\bviet nam\b")
KOREA = re.compile(r"\b(the )?(republic of korea|south korea)\b")
SPACES = re.compile(r" +")
NO_DIGITS_PREFIX = re.compile(r"^[^0-9]*")
AFTER_IN = re.compile(r"\bin (?:the )?([a-z0-9]+)")
# singular_word: (pattern that must match, suffix pattern, replacement), first match wins.
SINGULAR_RULES = (
    (re.compile(r"(ss|x|ch|sh)es$"), re.compile(r"es$"), ""),
    (re.compile(r"...ies$"), re.compile(r"ies$"), "y"),
    (re.compile(r"..[^su]s$"), re.compile(r"s$"), ""),
)
MARKS = frozenset(("Mn", "Mc", "Me"))


def strip_accents(text: str) -> str:
    """Combining marks removed after canonical decomposition (as DuckDB's strip_accents)."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) not in MARKS)


@lru_cache(maxsize=65536)
def fold_text(text: str | None) -> str:
    """Lower case, no diacritics, punctuation as single spaces, the two countries as one word."""
    folded = strip_accents((text or "").lower()).replace("đ", "d")
    folded = NOT_ALNUM.sub(" ", folded)
    folded = VIET_NAM.sub("vietnam", folded)
    folded = KOREA.sub("rok", folded)
    return SPACES.sub(" ", folded).strip(" ")


@lru_cache(maxsize=16384)
def singular_word(word: str) -> str:
    """English plural to singular, enough for counted nouns: businesses, companies, Koreans."""
    for test, suffix, replacement in SINGULAR_RULES:
        if test.search(word):
            return suffix.sub(replacement, word, count=1)
    return word


def figure_context(text: str | None, sentence: str | None) -> str:
    """The next CONTEXT_WORDS words of the sentence after the figure's first printing, stopping
    at the next number, folded ("reside in vietnam" after "over 200,000 Korean", 001)."""
    if text is None or sentence is None:
        return ""
    start = sentence.find(text) + 1 + len(text)  # 1-based, as SQL's strpos; 0 when not found
    rest = sentence[max(start - 1, 0):]
    words = fold_text(NO_DIGITS_PREFIX.match(rest).group(0)).split(" ")
    return " ".join(words[:CONTEXT_WORDS])


def _first(words: list[str], table: dict[str, str]) -> str | None:
    return next((word for word in words if word in table), None)


def subject_key(kind: str | None, unit: str | None, subject: str | None, text: str | None,
                sentence: str | None) -> str | None:
    """Who or what the figure measures, folded so that spellings of one subject meet; None when
    it cannot be compared with anything (a count of people with no place, an empty subject)."""
    subject_folded = fold_text(subject)
    subject_words = subject_folded.split(" ")
    if kind == "count":
        unit_folded = singular_word(fold_text(yearly_as_total(unit)))
        noun = NOUNS.get(unit_folded, unit_folded)
        counts_people = unit_folded in NATIONALITIES
        context = figure_context(text, sentence)
        place_word = (_first(AFTER_IN.findall(subject_folded), PLACES)
                      or _first(AFTER_IN.findall(context), PLACES))
        place = PLACES[place_word] if place_word is not None else None
        if counts_people and place is None:
            return None
        if noun:
            nationality_word = (unit_folded if counts_people else None) or _first(
                fold_text(text).split(" "), NATIONALITIES) or _first(subject_words, NATIONALITIES)
            parts = (NATIONALITIES.get(nationality_word) if nationality_word is not None else None,
                     None if counts_people else noun,
                     None if place is None else "in " + place)
            return " ".join(part for part in parts if part is not None)
    mapped = (NOUNS.get(word, word) for word in map(singular_word, subject_words))
    return " ".join(word for word in mapped if word not in ARTICLES) or None


YEARLY = " per year"


def yearly_as_total(unit: str | None) -> str | None:
    """"visit per year" -> "visit", "USD per year" -> "USD": a yearly rate compares with a
    year's total (module docstring); any other unit unchanged."""
    if unit is not None and unit.endswith(YEARLY):
        return unit[: -len(YEARLY)]
    return unit


def claim_key(kind: str | None, unit: str | None, subject_key_: str | None, ref_year: int | None,
              is_target: bool | None) -> str | None:
    """The measure of a subject: "money | USD | bilateral trade | target 2030"; None without a
    subject key."""
    if subject_key_ is None:
        return None
    target = ("target " + (str(ref_year) if ref_year is not None else "?")) if is_target else None
    parts = (kind, yearly_as_total(unit) if kind == "money" else None, subject_key_, target)
    return " | ".join(part for part in parts if part is not None)


def figure_keys(kind: str | None, unit: str | None, subject: str | None, text: str | None,
                sentence: str | None, ref_year: int | None, is_target: bool | None) -> tuple[str | None, str | None]:
    """(subject_key, claim_key) of one figure, from the fields the warehouse stores."""
    key = subject_key(kind, unit, subject, text, sentence)
    return key, claim_key(kind, unit, key, ref_year, is_target)
