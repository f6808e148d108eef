"""Figure extraction on the seeds: ours against quantulum3, side by side in one run.

Run:  .venv/bin/python benchmarks/figures_vs_quantulum.py

Each seed is decoded and cleaned with the real pipeline stages (decode_bytes, clean_document);
both extractors then read the same clean body. The reference is the hand-written list in
tests/golden/figures_seeds.py (36 figures a careful reader lists in the five seeds).

Matching rule: a found quantity matches an expected figure when their character spans in the body
overlap, their kinds agree and their values agree (relative tolerance 1e-6). Each expected figure
is matched at most once; precision = matches / found, recall = matches / expected.

quantulum3 has no kinds of its own, so its units are mapped:
  - entity "currency" -> money;
  - unit "percentage" -> percent;
  - entity "time" with unit year -> duration (value in years; decades are converted);
  - "dimensionless" -> count, and, to be fair to a tool that cannot tell them apart, a
    dimensionless quantity may also match an expected multiplier or rank of the same value;
  - anything else (length, mass, ...) keeps its entity name and never matches.
Every quantity quantulum3 returns counts as found, bare years and dates included: they are the
false positives a pipeline would have to filter out.

Timing: CPU milliseconds per article (``time.process_time``, all threads of this process), best
of several runs after a warm-up call. CPU time, because the machines this runs on are shared and
wall time swings with their load; the one-off model loading of quantulum3 (seconds) is reported
apart, not spread over the articles.

quantulum3 is an optional dependency (the ``bench`` extra: ``pip install -e '.[bench]'``). Without
it the script prints our half of the table, says so, and exits with status 2. It writes no files.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from vnrok_etl.clean import clean_document
from vnrok_etl.decode import decode_bytes
from vnrok_etl.figures import extract_figures

ROOT = pathlib.Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLDEN_PATH = ROOT / "tests" / "golden" / "figures_seeds.py"
RUNS = 5
LENIENT_DIMENSIONLESS = {"count", "multiplier", "rank"}


@dataclass(frozen=True, slots=True)
class Found:
    """One quantity from either extractor, reduced to what the matching rule compares."""

    kind: str
    value: float | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Score:
    expected: int
    found: int
    true_positives: int
    ms_per_article: float

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 0.0


def load_golden() -> dict[str, list[dict]]:
    spec = importlib.util.spec_from_file_location("figures_seeds", GOLDEN_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SEED_FIGURES


def locate(body: str, expectations: list[dict]) -> list[dict]:
    """Each expected figure's span: the next occurrence of its text, in body order."""
    located, cursor = [], 0
    for expected in expectations:
        start = body.find(expected["text"], cursor)
        if start < 0:
            raise SystemExit(f"expected text not in the clean body: {expected['text']!r}")
        located.append({**expected, "start": start, "end": start + len(expected["text"])})
        cursor = start + 1
    return located


def ours(body: str, published) -> list[Found]:
    return [Found(f.kind, f.value, f.start_char, f.end_char)
            for f in extract_figures(body, published)]


def quantulum(parse: Callable) -> Callable:
    def run(body: str, published) -> list[Found]:
        found = []
        for quantity in parse(body):
            kind, value = _quantulum_kind(quantity), quantity.value
            if kind == "duration" and quantity.unit.name == "decade":
                value = value * 10
            found.append(Found(kind, value, quantity.span[0], quantity.span[1]))
        return found

    return run


def _quantulum_kind(quantity) -> str:
    entity, unit = quantity.unit.entity.name, quantity.unit.name
    if entity == "currency":
        return "money"
    if unit == "percentage":
        return "percent"
    if entity == "time" and unit in ("year", "decade"):
        return "duration"
    if entity == "dimensionless":
        return "dimensionless"
    return entity


def matches(found: Found, expected: dict) -> bool:
    kind_ok = found.kind == expected["kind"] or (
        found.kind == "dimensionless" and expected["kind"] in LENIENT_DIMENSIONLESS
    )
    value_ok = found.value is not None and abs(found.value - expected["value"]) <= 1e-6 * max(
        1.0, abs(expected["value"])
    )
    return kind_ok and value_ok and found.start < expected["end"] and expected["start"] < found.end


def score(extract: Callable, body: str, published, expected: list[dict]) -> Score:
    extract(body, published)  # warm-up: lazy loading is not per-article cost
    best = float("inf")
    for _ in range(RUNS):
        started = time.process_time()
        found = extract(body, published)
        best = min(best, time.process_time() - started)
    unmatched, true_positives = list(expected), 0
    for item in found:
        hit = next((e for e in unmatched if matches(item, e)), None)
        if hit is not None:
            unmatched.remove(hit)
            true_positives += 1
    return Score(len(expected), len(found), true_positives, best * 1000)


def total(scores: list[Score]) -> Score:
    return Score(
        sum(s.expected for s in scores),
        sum(s.found for s in scores),
        sum(s.true_positives for s in scores),
        sum(s.ms_per_article for s in scores) / len(scores),
    )


def cells(s: Score | None) -> str:
    if s is None:
        return f"{'-':>5} {'-':>4} {'-':>5} {'-':>5} {'-':>9}"
    return (f"{s.found:>5} {s.true_positives:>4} {s.precision:>5.2f} {s.recall:>5.2f} "
            f"{s.ms_per_article:>9.2f}")


def main() -> int:
    golden = load_golden()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # its optional classifier is not needed here
            from quantulum3 import parser as quantulum_parser
    except ImportError:
        quantulum_parser = None

    quantulum_load_s = None
    if quantulum_parser is not None:
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quantulum_parser.parse("US$1 billion")
        quantulum_load_s = time.perf_counter() - started
    theirs = quantulum(quantulum_parser.parse) if quantulum_parser else None

    rows: list[tuple[str, Score, Score | None]] = []
    for name in sorted(golden):
        path = SEEDS / name
        article = clean_document(decode_bytes(path.read_bytes()), path.name)
        expected = locate(article.body, golden[name])
        mine = score(ours, article.body, article.published_date, expected)
        other = None
        if theirs is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                other = score(theirs, article.body, article.published_date, expected)
        rows.append((name, mine, other))

    header = "found   tp  prec   rec ms/article"
    print(f"{'':26} {'expected':>8} | {'vnrok_etl.figures':^33} | {'quantulum3':^33}")
    print(f"{'seed':26} {'':>8} | {header} | {header}")
    print("-" * 107)
    for name, mine, other in rows:
        print(f"{name:26} {mine.expected:>8} | {cells(mine)} | {cells(other)}")
    print("-" * 107)
    all_mine = total([r[1] for r in rows])
    all_other = total([r[2] for r in rows]) if theirs is not None else None
    print(f"{'total':26} {all_mine.expected:>8} | {cells(all_mine)} | {cells(all_other)}")
    print(f"\nms/article: CPU time, best of {RUNS} runs after a warm-up; the total row averages "
          "the seeds.")
    if quantulum_load_s is not None:
        print(f"quantulum3 one-off load before the first parse: {quantulum_load_s:.1f} s")
        return 0
    print("\nquantulum3 is NOT installed: it is the optional 'bench' extra "
          "(pip install -e '.[bench]'); only our side was measured.", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
