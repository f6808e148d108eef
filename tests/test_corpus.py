"""The hand-keyed development corpus (tests/corpus/): what benchmarks/quality.py measures, held.

The keys were written by reading each fixture, never from the program's output. Three things
are absolute: no real text is removed (every `keep` sentence survives), every document the key
calls an article is one and every page it calls no article is rejected, and the seeds are
unchanged (test_clean.py). The rest are floors: the measured levels when this test last moved,
rounded down. They only ever go up; the targets of the issues (metadata 0.98, no leaks,
quotes 0.95 with the right speaker, figures 0.98) are in benchmarks/RESULTS.md with the gap.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from quality import DEFAULT_CORPUS, evaluate  # noqa: E402

# Measured on 5 Dec 2026 (131 keyed documents, start of the second session): 0.983, 0.944, 0.996,
# 0.975, 0.971, 0.966; 7 leaks, 2 speakers the keys never name. After issue 14's scene captions and
# related teasers (132 documents): printed metadata 1.000 (floor 0.99: one miss on a new fixture fails
# it), 0 leaks. After issue 15's second pass: right speaker 0.978, no speaker the keys never name (three
# keys of one statement each brought to the one-statement rule of tests/corpus/README.md).
# Before this work: 0.68, 0.36, 0.98, 0.85, 0.78, 0.94; 378 leaks. After the heldfix branch's
# general rules (unnamed groups, soundbites, spoken numbers, plans; kbs-02's key gained a survey
# statement): right speaker 0.981, figure attributes 0.990.
FLOORS = {
    "printed_metadata": 0.99,
    "quote_recall_right_speaker": 0.98,
    "quote_precision": 0.99,
    # figures measured 0.991, 0.985, 0.986 after issue 17's second pass (figures branch); 0.995,
    # 0.991, 0.991 after the heldout4b branch's rules (ranges in words, flights, compound units)
    "figure_precision": 0.99,
    "figure_recall": 0.99,
    "figure_attributes": 0.99,
}
MAX_LEAKS = 0
MAX_BOGUS_SPEAKERS = 0


@pytest.fixture(scope="module")
def totals():
    by_outlet, total = evaluate(DEFAULT_CORPUS)
    assert total.documents >= 80 and len(by_outlet) >= 12  # the corpus the issues ask for
    return total


def test_no_real_text_is_removed(totals):
    assert totals.wrongful_removals == 0, [m for m in totals.misses if "removed real text" in m]


def test_articles_load_and_pages_without_one_are_rejected(totals):
    assert totals.rejections_wrong == 0, [m for m in totals.misses if "reject" in m or "not one" in m]


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_quality_holds_its_floor(totals, measure):
    assert totals.totals()[measure] >= FLOORS[measure]


def test_leaks_and_bogus_speakers_stay_under_their_ceilings(totals):
    assert totals.leaks <= MAX_LEAKS, [m for m in totals.misses if "leak" in m]
    assert totals.bogus_speakers <= MAX_BOGUS_SPEAKERS, [m for m in totals.misses if "never names" in m]


# The held-out set (tests/heldout/, 16 documents of outlets and templates the corpus lacks, keyed
# before the pipeline ever ran on them). First run (5 Dec, code at ff297e3): metadata 0.819, 7
# leaks, 1 wrong rejection, right speaker 0.471, quote precision 0.878, figures P 0.912 R 0.892
# attributes 0.954. After the quotes branch's general rules (keys of 8 fixtures corrected, RESULTS.md): 0.861,
# 7, 1, 0.792, 0.983, 0.978, 0.935,
# 0.989. After the heldclean branch's general cleaning rules (bylines with bracketed e-mails,
# broadcast sign-offs, "Posted :" dates, wire datelines and credits, hard-wrapped wires are prose):
# metadata 1.000, 0 leaks, 0 wrong rejections, right speaker 0.819 (with two keys corrected: mofa-01
# no longer drops "KOR", which folds into every "Korea"; arirang-01's body ends at its vox pop).
# After the heldfix branch's general rules (soundbites after a reported statement, "says...",
# unnamed groups and persons with a complement, disclosed plans, spoken decimals, capacities;
# arirang-01 and yonhap-06 keys corrected, RESULTS.md): right speaker 0.972, quote precision
# 1.000, figures P 0.989 R 1.000, attributes 1.000.
# The second held-out set (tests/heldout2/, 18 documents of templates neither set above has,
# keyed before the pipeline ever ran on them). First run (5 Dec, main at dee2136): metadata 0.802,
# 19 leaks, right speaker 0.606, quote precision 0.917, figures P 0.933 R 0.814, attributes 0.960.
# After the heldout2 branch's general rules (keys corrected as benchmarks/RESULTS.md lists):
# metadata 1.000, 0 leaks, right speaker 0.779, quote precision 0.966, figures P 1.000 R 0.920,
# attributes 0.968 (right speaker 0.824 after the genquotes branch; 0.912, figures R 0.943,
# attributes 0.966 after the heldout4b branch); one crosshead is removed as a
# caption (vietnaminsider-01), as the corpus's crossheads are (magazine-01), hence one wrongful
# removal allowed.
# The third held-out set (tests/heldout3/, 16 documents), scored once unseen (5 Dec, code at
# bfbc01b): metadata 0.714, 34 leaks, right speaker 0.611, quote precision 0.932, figures P 0.919
# R 0.829, attributes 0.941. After the genclean and genquotes branches' general rules: metadata
# 1.000, 1 leak (bernama-01's drop label "WORLD", which the case-blind match also finds in
# "world's"), right speaker 0.981, quote precision 1.000, figures P 0.976 R 0.964, attributes 0.958.
# The fourth held-out set (tests/heldout4/, 16 documents in two halves, each committed with its keys
# before any run), scored once unseen on main at e572bae (4fa5817's rules): metadata 0.711, body
# first/last 0.562/0.562, 25 leaks, one wrong rejection, right speaker 0.82, quote precision 1.000,
# figures P 0.946 R 0.848, attributes 0.974. After the heldout4a branch's cleaning, metadata, HTML
# and decoding rules and the heldout4b branch's quote and figure rules: the floors below
# (RESULTS.md).
# The fifth (tests/heldout5/, 16 documents, the same way), scored once unseen on main bb566f5:
# metadata 0.776, body first/last 0.75/0.81, 23 leaks, right speaker 0.758, quote precision 0.988,
# figures P 0.922 R 0.930, attributes 0.966. After the heldout5a (cleaning) and heldout5b (quotes,
# figures) branches: the floors below. heldout's and heldout2's speaker floors rose on 5 Dec with
# two keys brought to the written convention for the article's own parties (RESULTS.md).
HELDOUT_SETS = {
    # folder: (documents at least, floors, most leaks, most wrongful removals)
    "heldout": (15, {
        "printed_metadata": 1.0, "quote_recall_right_speaker": 0.98, "quote_precision": 0.99,
        "figure_precision": 0.98, "figure_recall": 0.99, "figure_attributes": 0.99,
    }, 0, 0),
    "heldout2": (18, {
        "printed_metadata": 1.0, "quote_recall_right_speaker": 0.92, "quote_precision": 0.95,
        "figure_precision": 0.97, "figure_recall": 0.94, "figure_attributes": 0.96,
    }, 0, 1),
    "heldout3": (16, {
        "printed_metadata": 1.0, "quote_recall_right_speaker": 0.95, "quote_precision": 0.99,
        "figure_precision": 0.97, "figure_recall": 0.97, "figure_attributes": 0.95,
    }, 1, 0),
    "heldout4": (16, {
        "printed_metadata": 1.0, "first": 1.0, "last": 1.0, "quote_recall_right_speaker": 0.99,
        "quote_precision": 0.99, "figure_precision": 0.99, "figure_recall": 0.99, "figure_attributes": 0.99,
    }, 0, 0),
    "heldout5": (16, {
        "printed_metadata": 1.0, "first": 1.0, "last": 1.0, "quote_recall_right_speaker": 0.98,
        "quote_precision": 0.99, "figure_precision": 0.97, "figure_recall": 0.97, "figure_attributes": 0.98,
    }, 0, 0),
    # The sixth (tests/heldout6/, 16 documents written by helpers who never ran the pipeline on
    # them), scored once unseen on integrate a4a2fa5 (this stop's first round of rules): metadata
    # 0.770, body first/last 0.69/0.50, 27 leaks, 1 real text removed, right speaker 0.768, quote
    # precision 0.967, figures P 1.000 R 0.962, attributes 0.975. After h6clean and h6quotes:
    "heldout6": (16, {
        "printed_metadata": 1.0, "first": 1.0, "last": 1.0, "quote_recall_right_speaker": 0.98,
        "quote_precision": 0.98, "figure_precision": 0.99, "figure_recall": 0.98, "figure_attributes": 0.99,
    }, 0, 0),
    # The seventh (tests/heldout7/, 16 documents, the same way), scored once unseen on integrate
    # be013e3: metadata 0.821, body first/last 0.88/0.69, 26 leaks, right speaker 0.746, quote
    # precision 0.985, figures P 0.949 R 0.882, attributes 0.975. After h7clean and h7quotes:
    "heldout7": (16, {
        "printed_metadata": 0.91, "first": 0.87, "last": 0.87, "quote_recall_right_speaker": 0.88,
        "quote_precision": 0.98, "figure_precision": 0.96, "figure_recall": 0.96, "figure_attributes": 0.97,
    }, 19, 0),
    # The eighth (tests/heldout8/), scored once unseen on integrate c9b53a7 with all of 5 Dec's
    # rules; no rule is fitted to it yet, so its floors are that first run's, against regressions.
    "heldout8": (16, {
        "printed_metadata": 0.88, "quote_recall_right_speaker": 0.56, "quote_precision": 0.97,
        "figure_precision": 0.90, "figure_recall": 0.85, "figure_attributes": 0.97,
    }, 9, 0),
}
_HELDOUT_TOTALS: dict[str, object] = {}


def heldout_totals(name: str):
    """The set's totals, scored once per test session (each set is read by several tests)."""
    if name not in _HELDOUT_TOTALS:
        _by_outlet, total = evaluate(ROOT / "tests" / name)
        assert total.documents >= HELDOUT_SETS[name][0]
        _HELDOUT_TOTALS[name] = total
    return _HELDOUT_TOTALS[name]


@pytest.mark.parametrize(("name", "measure"), [(name, measure) for name, (_, floors, _, _) in HELDOUT_SETS.items()
                                               for measure in sorted(floors)])
def test_heldout_quality_holds_its_floor(name, measure):
    assert heldout_totals(name).totals()[measure] >= HELDOUT_SETS[name][1][measure]


@pytest.mark.parametrize("name", sorted(HELDOUT_SETS))
def test_heldout_leaks_rejections_and_removals_stay_under_their_ceilings(name):
    _, _, max_leaks, max_removals = HELDOUT_SETS[name]
    total = heldout_totals(name)
    assert total.leaks <= max_leaks, [m for m in total.misses if "leak" in m]
    assert total.rejections_wrong == 0
    assert total.wrongful_removals <= max_removals
