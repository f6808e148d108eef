"""Article text from HTML pages: this project against trafilatura and readability-lxml, one run.

    .venv/bin/python benchmarks/html_peers.py --pages /work/peers/readability/test/test-pages
    .venv/bin/python benchmarks/html_peers.py --pages DIR --worst 15     # also the 15 worst pages
    .venv/bin/python benchmarks/html_peers.py --pages DIR --dates   # also publication dates vs htmldate
    .venv/bin/python benchmarks/html_peers.py --time-files tests/fixtures/html/*.html --repeat 5

DIR holds one folder per page with `source.html` (the page as saved) and `expected.html` (the
article's text as a person checked it), the layout of mozilla/readability's test pages. Those pages
are not ours: they stay outside the repository and only their folder is passed here.

Each system gets the same decoded page and nothing else (no URL):

* **project**: `vnrok_etl.clean.clean_document(html, "<page>/source.html")`, the path every HTML
  document takes in the pipeline, and its `body`; a CleanError is a *rejected* page (empty text);
* **project-html** (diagnostic): `vnrok_etl.html.extract_html` alone, its paragraphs before
  clean.py's text rules, to tell the block choice from what cleaning removes after it;
* **trafilatura**: `trafilatura.extract(html, include_comments=False)` (its defaults otherwise);
* **readability-lxml**: `readability.Document(html).summary()`, reduced to text like the reference.

**Scoring, the 4-word-shingle rule.** A text is lower-cased and cut into words (runs of `\\w`);
its shingles are the multiset of every 4 consecutive words. Per page, precision is the share of
the system's shingles found in the reference's, recall the share of the reference's found in the
system's (multiset intersection), F1 their harmonic mean; an empty output scores 0 on all three.
The table gives the mean over pages of each, so every page weighs the same whatever its length;
a page whose reference is under four words (no shingle: no article) is left out and named.
Time is wall time of the call alone (page already read), in ms: median and mean over pages, each
page run `--repeat` times and its fastest run kept, so a page's time is not another process's load.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.html

WORD = re.compile(r"\w+")
SHINGLE = 4
# Elements whose edges separate words in the reference and in readability's HTML output.
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre section article main table thead "
    "tbody tr td th caption figure figcaption header footer br hr address aside nav".split()
)


def html_text(markup: str) -> str:
    """Text of an HTML fragment, with a line break at every block element's edges."""
    if not markup.strip():
        return ""
    root = lxml.html.fromstring(markup)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    for element in root.iter("script", "style"):
        element.drop_tree()
    return root.text_content()


def shingles(text: str) -> Counter:
    words = WORD.findall(text.casefold())
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def score(found: str, reference: Counter) -> tuple[float, float, float]:
    got = shingles(found)
    if not got or not reference:
        return 0.0, 0.0, 0.0
    common = sum((got & reference).values())
    precision = common / sum(got.values())
    recall = common / sum(reference.values())
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def project_system() -> Callable[[str, str], str | None]:
    from vnrok_etl.clean import CleanError, clean_document

    def run(html: str, name: str) -> str | None:
        try:
            return clean_document(html, f"{name}/source.html").body
        except CleanError:
            return None

    return run


def extraction_system() -> Callable[[str, str], str | None]:
    """The HTML step alone (`extract_html`'s paragraphs, before clean.py's text rules): tells
    what the block choice gives from what cleaning then removes."""
    from vnrok_etl.html import extract_html

    def run(html: str, name: str) -> str | None:
        return "\n\n".join(extract_html(html, f"{name}/source.html").paragraphs)

    return run


def trafilatura_system() -> Callable[[str, str], str | None]:
    import trafilatura

    def run(html: str, name: str) -> str | None:
        return trafilatura.extract(html, include_comments=False)

    return run


def readability_system() -> Callable[[str, str], str | None]:
    import logging

    from readability import Document

    logging.getLogger("readability").setLevel(logging.ERROR)

    def run(html: str, name: str) -> str | None:
        try:
            return html_text(Document(html).summary(html_partial=True))
        except Exception:  # readability raises on pages it cannot read (empty, no body)
            return None

    return run


SYSTEMS = {"project": project_system, "project-html": extraction_system, "trafilatura": trafilatura_system, "readability-lxml": readability_system}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, help="folder of <page>/source.html + expected.html")
    parser.add_argument("--time-files", nargs="+", type=Path, default=[],
                        help="HTML files timed only, no reference (e.g. tests/fixtures/html/*.html)")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset of " + ",".join(SYSTEMS))
    parser.add_argument("--repeat", type=int, default=1, help="runs per page and system; the fastest is kept")
    parser.add_argument("--worst", type=int, default=0, help="also list the N pages where the project scores lowest")
    parser.add_argument("--dates", action="store_true",
                        help="also compare publication dates with expected-metadata.json's publishedTime, and htmldate's")
    parser.add_argument("--only", default="", help="comma-separated page names (folders) to run")
    args = parser.parse_args(argv)
    if args.time_files:
        return time_only(args.time_files, [name for name in args.systems.split(",") if name], args.repeat)
    if args.pages is None:
        parser.error("--pages or --time-files is required")

    folders = sorted(path.parent for path in args.pages.glob("*/source.html") if (path.parent / "expected.html").exists())
    if args.only:
        wanted = set(args.only.split(","))
        folders = [folder for folder in folders if folder.name in wanted]
    if not folders:
        print(f"no <page>/source.html with expected.html under {args.pages}", file=sys.stderr)
        return 2
    pages = [
        (folder.name, (folder / "source.html").read_text("utf-8"), shingles(html_text((folder / "expected.html").read_text("utf-8"))))
        for folder in folders
    ]
    # A reference under four words has no shingle: the page holds no article to score.
    skipped = [name for name, _, reference in pages if not reference]
    pages = [page for page in pages if page[2]]
    names = [name for name in args.systems.split(",") if name]
    systems = {name: SYSTEMS[name]() for name in names}
    results: dict[str, list[tuple[str, float, float, float, float, bool]]] = {name: [] for name in names}
    for page, html, reference in pages:
        for name, run in systems.items():
            best, text = float("inf"), None
            for _ in range(max(1, args.repeat)):
                started = time.perf_counter()
                text = run(html, page)
                best = min(best, time.perf_counter() - started)
            results[name].append((page, *score(text or "", reference), best * 1000, not text))

    print(f"{len(pages)} pages from {args.pages}"
          + (f" ({len(skipped)} without an article skipped: {', '.join(skipped)})" if skipped else "") + "\n")
    header = f"{'system':<18} {'precision':>9} {'recall':>7} {'F1':>6} {'empty':>6} {'ms median':>10} {'ms mean':>8}"
    print(header)
    print("-" * len(header))
    for name in names:
        rows = results[name]
        precision, recall, f1 = (statistics.fmean(row[i] for row in rows) for i in (1, 2, 3))
        times = [row[4] for row in rows]
        empty = sum(row[5] for row in rows)
        print(f"{name:<18} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {empty:>6} "
              f"{statistics.median(times):>10.2f} {statistics.fmean(times):>8.2f}")
    if args.dates:
        compare_dates(folders)
    if args.worst and "project" in results:
        print(f"\nworst {args.worst} pages for the project (precision, recall, F1; peers' F1):")
        others = {name: {row[0]: row[3] for row in results[name]} for name in names if name != "project"}
        for page, precision, recall, f1, _, empty in sorted(results["project"], key=lambda row: row[3])[: args.worst]:
            peers = " ".join(f"{name}={scores[page]:.2f}" for name, scores in others.items())
            print(f"  {page:<45} {precision:.2f} {recall:.2f} {f1:.2f}{' REJECTED' if empty else ''}  {peers}")
    return 0


def compare_dates(folders: list[Path]) -> None:
    """Publication dates: this package's (from markup) and htmldate's, against the reference.

    Ours is right when it is the same instant as the reference (or the same day when either has
    no time of day); htmldate returns a day, right when it is the reference's day as written.
    """
    import json
    import logging
    from datetime import datetime

    from htmldate import find_date

    from vnrok_etl.html import extract_html

    logging.getLogger("htmldate").setLevel(logging.ERROR)
    stated = ours_found = ours_right = theirs_found = theirs_right = unstated = ours_extra = theirs_extra = 0
    times = []
    for folder in folders:
        metadata = folder / "expected-metadata.json"
        if not metadata.exists():
            continue
        expected = json.loads(metadata.read_text("utf-8")).get("publishedTime")
        html = (folder / "source.html").read_text("utf-8")
        ours = extract_html(html, str(folder / "source.html")).found_date
        started = time.perf_counter()
        try:
            theirs = find_date(html, original_date=True, extensive_search=False)
        except Exception:  # htmldate raises on pages it cannot read
            theirs = None
        times.append((time.perf_counter() - started) * 1000)
        if not expected:
            unstated += 1
            ours_extra += ours is not None
            theirs_extra += theirs is not None
            continue
        stated += 1
        ours_found += ours is not None
        theirs_found += theirs is not None
        theirs_right += theirs == expected[:10]
        if ours is not None:
            instant = datetime.fromisoformat(expected.replace("Z", "+00:00"))
            if "T" in expected and instant.tzinfo is not None and ours.published_at is not None:
                ours_right += abs((ours.published_at - instant).total_seconds()) < 60
            else:
                ours_right += str(ours.published_date) == expected[:10]
    print(f"\ndates: {stated} pages state a publishedTime, {unstated} do not")
    print(f"  project:  found {ours_found}, right {ours_right}; dated {ours_extra} of the {unstated} others")
    print(f"  htmldate: found {theirs_found}, right {theirs_right}; dated {theirs_extra} of the {unstated} others;"
          f" {statistics.median(times):.2f} ms median a page")


def time_only(files: list[Path], names: list[str], repeat: int) -> int:
    """ms per page of each system on files without a reference (the seed fixtures' outlets)."""
    systems = {name: SYSTEMS[name]() for name in names}
    times: dict[str, list[float]] = {name: [] for name in names}
    for path in files:
        html = path.read_text("utf-8")
        for name, run in systems.items():
            best = float("inf")
            for _ in range(max(1, repeat)):
                started = time.perf_counter()
                run(html, str(path.with_suffix("")))
                best = min(best, time.perf_counter() - started)
            times[name].append(best * 1000)
    print(f"{len(files)} files, timed only\n")
    print(f"{'system':<18} {'ms median':>10} {'ms mean':>8}")
    for name in names:
        print(f"{name:<18} {statistics.median(times[name]):>10.2f} {statistics.fmean(times[name]):>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
