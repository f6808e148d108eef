"""Extraction quality on the hand-keyed development corpus (tests/corpus/).

    .venv/bin/python benchmarks/quality.py [--corpus DIR] [--only SUBSTRING] [--details] [--json FILE]

Runs the real pipeline (`pipeline.process_document`: decode → clean → quotes → figures) over every
document that has a `<name>.key.toml` beside it and scores it against the key, which a person
wrote from reading the document (format: tests/corpus/README.md). It prints, per outlet and in all:

- cleaning: title, date, source, dateline, byline, kind, body start and end, each as right/keyed;
  "printed metadata" is title + date + source + dateline + byline; leaks (a `drop` string found in
  the title or body), wrongful removals (a `keep` string missing from the body), documents that
  should have been rejected and were not (or the reverse);
- quotes: key statements found (a quote whose text contains the key's opening words), found with
  the right speaker, precision (extracted quotes that are key statements), wrong speakers, and
  speakers that are not a person or organisation the key names (bogus);
- figures: precision and recall (same surface text and kind), and per attribute (value, unit,
  qualifier, ref_year, is_target) the share of matched figures that have it right.

`--details` lists every miss, so a rule can be traced to the fixture behind it. Nothing is
written unless `--json` is given (the totals, for tests and RESULTS.md). Text is compared after
folding case, whitespace, typographic quotes and dashes; speaker names also fold diacritics
("Tô Lâm" = "To Lam"), since the canonical spelling is the speakers table's business.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vnrok_etl.pipeline import process_document  # noqa: E402
from vnrok_etl.records import Extraction, Rejection  # noqa: E402
from vnrok_etl.sources import read_document  # noqa: E402

DEFAULT_CORPUS = ROOT / "tests" / "corpus"
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")
METADATA_FIELDS = ("title", "date", "source", "dateline", "byline")
BODY_FIELDS = ("kind", "first", "last")
FIGURE_ATTRIBUTES = ("value", "unit", "qualifier", "ref_year", "is_target")
TYPOGRAPHY = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'",
    "–": "-", "—": "-", "‑": "-", "−": "-", "\u00a0": " ",
})
WHITESPACE = re.compile(r"\s+")
QUOTE_MARKS = "\"'«»"


def fold(text: str | None) -> str:
    """Case, spacing, typographic quotes and dashes folded: what a reader would call the same."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", text).translate(TYPOGRAPHY)
    return WHITESPACE.sub(" ", text).strip().casefold()


def fold_name(name: str | None) -> str:
    """A name folded also for diacritics (đ/Đ included, which NFKD does not decompose) and for
    the hyphen between a Korean given name's syllables ("Lee Jae-myung" = "Lee Jae Myung"): both
    are spellings of one name, and the canonical spelling is the speakers table's business."""
    decomposed = unicodedata.normalize("NFKD", fold(name).replace("đ", "d"))
    folded = "".join(char for char in decomposed if not unicodedata.combining(char)).replace(".", "")
    return folded.replace("-", " ")


@dataclass
class Tally:
    """Right/keyed counts by name; printed as "right/keyed"."""

    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    keyed: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, name: str, ok: bool) -> None:
        self.keyed[name] += 1
        self.right[name] += int(ok)

    def merge(self, other: "Tally") -> None:
        for name, count in other.keyed.items():
            self.keyed[name] += count
            self.right[name] += other.right[name]

    def ratio(self, name: str) -> float | None:
        return self.right[name] / self.keyed[name] if self.keyed[name] else None


@dataclass
class Score:
    """One document's (or a group's) results."""

    documents: int = 0
    fields: Tally = field(default_factory=Tally)
    leaks: int = 0
    wrongful_removals: int = 0
    rejections_wrong: int = 0
    quote_keys: int = 0
    quotes_found: int = 0
    quotes_right_speaker: int = 0
    quotes_extracted: int = 0
    quotes_extracted_matched: int = 0
    quotes_wrong_speaker: int = 0
    bogus_speakers: int = 0
    figure_keys: int = 0
    figures_extracted: int = 0
    figures_matched: int = 0
    figure_attributes: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)

    def merge(self, other: "Score") -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
        self.fields.merge(other.fields)
        self.figure_attributes.merge(other.figure_attributes)
        self.misses.extend(other.misses)

    def totals(self) -> dict[str, float | int | None]:
        metadata_right = sum(self.fields.right[name] for name in METADATA_FIELDS)
        metadata_keyed = sum(self.fields.keyed[name] for name in METADATA_FIELDS)
        return {
            "documents": self.documents,
            "printed_metadata": _share(metadata_right, metadata_keyed),
            **{name: self.fields.ratio(name) for name in (*METADATA_FIELDS, *BODY_FIELDS)},
            "leaks": self.leaks,
            "wrongful_removals": self.wrongful_removals,
            "rejections_wrong": self.rejections_wrong,
            "quote_recall_right_speaker": _share(self.quotes_right_speaker, self.quote_keys),
            "quote_recall": _share(self.quotes_found, self.quote_keys),
            "quote_precision": _share(self.quotes_extracted_matched, self.quotes_extracted),
            "quotes_wrong_speaker": self.quotes_wrong_speaker,
            "bogus_speakers": self.bogus_speakers,
            "figure_precision": _share(self.figures_matched, self.figures_extracted),
            "figure_recall": _share(self.figures_matched, self.figure_keys),
            **{f"figure_{name}": self.figure_attributes.ratio(name) for name in FIGURE_ATTRIBUTES},
            "figure_attributes": _share(
                sum(self.figure_attributes.right.values()), sum(self.figure_attributes.keyed.values())
            ),
        }


def _share(right: int, total: int) -> float | None:
    return right / total if total else None


def corpus_documents(corpus: Path, only: str | None = None) -> list[tuple[Path, Path]]:
    """(document, key) pairs: every key with a document of the same stem beside it."""
    pairs = []
    for key in sorted(corpus.rglob("*.key.toml")):
        stem = key.name.removesuffix(".key.toml")
        if only and only not in stem:
            continue
        documents = [key.with_name(stem + suffix) for suffix in DOCUMENT_SUFFIXES]
        found = [path for path in documents if path.exists()]
        if not found:
            raise SystemExit(f"{key}: no document {stem}.txt or .html beside it")
        pairs.extend((document, key) for document in found)
    return pairs


def run_document(path: Path) -> Extraction | Rejection:
    document = read_document(str(path))
    if isinstance(document, Rejection):
        return document
    return process_document(document)


def score_document(path: Path, key: dict, outcome: Extraction | Rejection) -> Score:
    score = Score(documents=1)
    name = path.name
    expect = key.get("expect", {})
    reject = key.get("reject") or expect.get("reject")  # top level (as written) or under [expect]
    if reject:
        if not isinstance(outcome, Rejection):
            score.rejections_wrong += 1
            score.misses.append(f"{name}: loaded as an article, the key says it is not one ({reject})")
        return score
    if isinstance(outcome, Rejection):
        score.rejections_wrong += 1
        score.misses.append(f"{name}: rejected ({outcome.reason}) but it is an article")
        for field_name in (*METADATA_FIELDS, *BODY_FIELDS):
            if field_name in expect:
                score.fields.add(field_name, False)
        score.quote_keys += len(key.get("quote", []))
        score.figure_keys += len(key.get("figure", []))
        return score
    _score_article(name, expect, outcome, score)
    _score_quotes(name, key.get("quote", []), outcome, score)
    _score_figures(name, key.get("figure", []), outcome, score)
    return score


def _score_article(name: str, expect: dict, extraction: Extraction, score: Score) -> None:
    article = extraction.article
    body = fold(article.body)
    got = {
        "title": article.title, "source": article.source, "dateline": article.dateline,
        "byline": article.byline, "kind": article.kind,
    }
    for field_name in ("title", "source", "dateline", "byline", "kind"):
        if field_name in expect:
            ok = fold(expect[field_name]) == fold(got[field_name])
            score.fields.add(field_name, ok)
            if not ok:
                score.misses.append(f"{name}: {field_name} {got[field_name]!r}, key {expect[field_name]!r}")
    if "date" in expect:
        ok = _date_right(expect["date"], article)
        score.fields.add("date", ok)
        if not ok:
            score.misses.append(
                f"{name}: date {article.published_at or article.published_date} "
                f"({article.date_source}), key {expect['date']}"
            )
    if "first" in expect:
        ok = body.startswith(fold(expect["first"]))
        score.fields.add("first", ok)
        if not ok:
            score.misses.append(f"{name}: body starts {article.body[:80]!r}, key {expect['first']!r}")
    if "last" in expect:
        ok = body.endswith(fold(expect["last"]))
        score.fields.add("last", ok)
        if not ok:
            score.misses.append(f"{name}: body ends {article.body[-80:]!r}, key {expect['last']!r}")
    title = fold(article.title)
    for text in expect.get("drop", []):
        if fold(text) in body or fold(text) in title:
            score.leaks += 1
            score.misses.append(f"{name}: leak {text!r}")
    for text in expect.get("keep", []):
        if fold(text) not in body:
            score.wrongful_removals += 1
            score.misses.append(f"{name}: removed real text {text!r}")


def _date_right(expected: object, article) -> bool:
    """A TOML datetime is compared as an instant, a TOML date with the local date, "" with none."""
    if expected == "":
        return article.published_date is None
    if isinstance(expected, dt.datetime):
        if expected.tzinfo is None or article.published_at is None:
            return False
        return article.published_at == expected
    if isinstance(expected, dt.date):
        return article.published_date == expected
    return False


def _score_quotes(name: str, keys: list[dict], extraction: Extraction, score: Score) -> None:
    quotes = list(extraction.quotes)
    score.quote_keys += len(keys)
    score.quotes_extracted += len(quotes)
    named = {fold_name(key.get("speaker")) for key in keys if key.get("speaker")}
    matched: set[int] = set()
    for key in keys:
        opening = fold(key["text"]).strip(QUOTE_MARKS + " ")
        index = next(
            (i for i, quote in enumerate(quotes) if i not in matched and opening in fold(quote.text)),
            None,
        )
        if index is None:
            score.misses.append(f"{name}: quote not found: {key.get('speaker')!r} {key['text']!r}")
            continue
        matched.add(index)
        score.quotes_found += 1
        speaker = quotes[index].speaker
        if fold_name(speaker) == fold_name(key.get("speaker") or None):
            score.quotes_right_speaker += 1
        else:
            score.quotes_wrong_speaker += 1
            score.misses.append(f"{name}: quote {key['text']!r} speaker {speaker!r}, key {key.get('speaker')!r}")
    score.quotes_extracted_matched += len(matched)
    for index, quote in enumerate(quotes):
        if index not in matched:
            score.misses.append(f"{name}: extra quote ({quote.kind}, {quote.speaker!r}): {quote.text[:70]!r}")
        if quote.speaker and fold_name(quote.speaker) not in named:
            score.bogus_speakers += 1
            score.misses.append(f"{name}: speaker the key never names: {quote.speaker!r}")


def _score_figures(name: str, keys: list[dict], extraction: Extraction, score: Score) -> None:
    figures = list(extraction.figures)
    score.figure_keys += len(keys)
    score.figures_extracted += len(figures)
    matched: set[int] = set()
    for key in keys:
        index = next(
            (i for i, figure in enumerate(figures)
             if i not in matched and fold(figure.text) == fold(key["text"]) and figure.kind == key["kind"]),
            None,
        )
        if index is None:
            score.misses.append(f"{name}: figure not found: {key['kind']} {key['text']!r}")
            continue
        matched.add(index)
        score.figures_matched += 1
        figure = figures[index]
        for attribute in FIGURE_ATTRIBUTES:
            expected = key.get(attribute, False if attribute == "is_target" else None)
            got = getattr(figure, attribute)
            if attribute == "value":
                ok = expected is not None and got is not None and abs(got - expected) <= 1e-9 * max(1.0, abs(expected))
            elif attribute == "unit":
                ok = fold(expected) == fold(got)
            else:
                ok = expected == got
            score.figure_attributes.add(attribute, ok)
            if not ok:
                score.misses.append(f"{name}: figure {key['text']!r} {attribute} {got!r}, key {expected!r}")
    for index, figure in enumerate(figures):
        if index not in matched:
            score.misses.append(f"{name}: extra figure {figure.kind} {figure.text!r}")


def evaluate(corpus: Path, only: str | None = None) -> tuple[dict[str, Score], Score]:
    """Scores by outlet (the file name's slug: `vietnamplus`, `yonhap`, …) and in all."""
    by_outlet: dict[str, Score] = defaultdict(Score)
    total = Score()
    for path, key_path in corpus_documents(corpus, only):
        with key_path.open("rb") as handle:
            key = tomllib.load(handle)
        score = score_document(path, key, run_document(path))
        outlet = path.name.split("-")[0]
        by_outlet[outlet].merge(score)
        total.merge(score)
    return dict(by_outlet), total


def _cell(value: float | int | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def print_tables(by_outlet: dict[str, Score], total: Score) -> None:
    groups = [*sorted(by_outlet.items()), ("ALL", total)]
    width = max(len("outlet"), *(len(name) for name, _ in groups))
    tables = {
        "cleaning": ("documents", "printed_metadata", *METADATA_FIELDS, *BODY_FIELDS, "leaks",
                     "wrongful_removals", "rejections_wrong"),
        "quotes": ("quote_recall_right_speaker", "quote_recall", "quote_precision",
                   "quotes_wrong_speaker", "bogus_speakers"),
        "figures": ("figure_precision", "figure_recall", *(f"figure_{a}" for a in FIGURE_ATTRIBUTES),
                    "figure_attributes"),
    }
    short = {"printed_metadata": "metadata", "wrongful_removals": "removed", "rejections_wrong": "rejectErr",
             "quote_recall_right_speaker": "right_spk", "quote_recall": "found", "quote_precision": "precision",
             "quotes_wrong_speaker": "wrong_spk", "bogus_speakers": "bogus", "figure_precision": "precision",
             "figure_recall": "recall", "figure_attributes": "all_attrs"}
    for title, columns in tables.items():
        names = [short.get(c, c.removeprefix("figure_")) for c in columns]
        print(f"\n## {title}\n")
        print(f"{'outlet':<{width}} | " + " | ".join(f"{n:>9}" for n in names))
        print("-" * (width + 1) + "+" + "+".join("-" * 11 for _ in names))
        for name, score in groups:
            totals = score.totals()
            print(f"{name:<{width}} | " + " | ".join(f"{_cell(totals[c]):>9}" for c in columns))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of documents and keys")
    parser.add_argument("--only", help="score only documents whose name contains this")
    parser.add_argument("--details", action="store_true", help="list every miss")
    parser.add_argument("--json", type=Path, help="write the totals (in all and by outlet) here")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus} is not a folder")
    by_outlet, total = evaluate(args.corpus, args.only)
    print(f"# Quality on {args.corpus} ({total.documents} documents)")
    print_tables(by_outlet, total)
    if args.details:
        print("\n## misses\n")
        for miss in total.misses:
            print(f"- {miss}")
    if args.json:
        payload = {"all": total.totals(), "outlets": {k: v.totals() for k, v in sorted(by_outlet.items())}}
        args.json.write_text(json.dumps(payload, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
