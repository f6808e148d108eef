"""Size and time of the HTML report on generated warehouses of 10k and 100k documents.

The report must stay a page an analyst opens: under 1.5 MB and written in under 10 s at 100k
documents (issue 22). This builds the benchmark corpus (`corpus.py`, same seed as `run.py`),
loads it with the library path (`runner.ingest_paths`, two worker processes: no Prefect, the
load is not what is measured), then writes the report several times per warehouse, unfiltered
and with each filter, and prints size, wall and CPU seconds, and the rows in each table.

Usage:
    .venv/bin/python benchmarks/report_size.py --sizes 10000,100000 --work /tmp/vnrok-report-bench
    .venv/bin/python benchmarks/report_size.py --sizes 10000 --build-only   # the warehouse alone

Corpora and warehouses are reused when present (a corpus by its manifest, a warehouse when its
file exists), so a second run measures only the report.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402  (benchmarks/corpus.py, beside this file)

from vnrok_etl.report import ReportFilters, write_report  # noqa: E402
from vnrok_etl.runner import ingest_paths  # noqa: E402
from vnrok_etl.warehouse import connect  # noqa: E402

TABLE_IDS = ("conflicts-table", "claims-table", "figures-table", "speakers-table")


def build_warehouse(work: Path, size: int, seed: int, workers: int) -> Path:
    """The corpus of `size` documents loaded into work/wNNN.duckdb (reused when present)."""
    folder = work / f"c{size}"
    warehouse = work / f"w{size}.duckdb"
    if warehouse.exists():
        return warehouse
    started = time.perf_counter()
    corpus.ensure_corpus(folder, size, seed)
    print(f"corpus of {size:,} documents in {time.perf_counter() - started:.1f} s", flush=True)
    partial = warehouse.with_suffix(".building.duckdb")
    partial.unlink(missing_ok=True)
    counts, seconds = ingest_paths([str(folder)], partial, workers=workers)
    partial.rename(warehouse)
    print(f"loaded {counts.articles_new:,} articles in {seconds['wall']:.1f} s", flush=True)
    return warehouse


# Tables copied per copy k with their keys suffixed "~k" (rows of the other tables copied once).
SCALED_KEYS = {
    "articles": ("article_id", "duplicate_of", "story_id"),
    "article_sources": ("source_uri", "article_id"),
    "figures": ("figure_id", "article_id"),
    "quotes": ("quote_id", "article_id"),
    "removed_spans": ("article_id",),
    "captions": ("article_id",),
}


def scale_warehouse(source: Path, target: Path, times: int) -> Path:
    """A warehouse holding `times` copies of every article of `source` under new ids.

    Loading 100k documents takes ~1,900 s of CPU; on a shared machine that is more than an
    hour, while the report's cost depends only on the rows it reads. The copies have the same
    distribution of sources, dates, figures, claims and speakers as the loaded corpus (which
    draws them from finite lists, so a corpus 10x larger repeats them too); each copy's
    syndicated copies point to that copy's originals. RESULTS.md says which warehouse was used.
    """
    if target.exists():
        return target
    partial = target.with_suffix(".building.duckdb")
    partial.unlink(missing_ok=True)
    with connect(partial) as connection:
        connection.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
        connection.execute("BEGIN")  # one commit, not one per statement (seconds on a busy disk)
        for table in ("speakers", "speaker_aliases", "loads", "rejections"):
            connection.execute(f"INSERT INTO {table} SELECT * FROM src.{table}")
        for copy in range(times):
            for table, keys in SCALED_KEYS.items():
                replaced = ", ".join(f"{key} || '~{copy}' AS {key}" for key in keys)
                connection.execute(f"INSERT INTO {table} SELECT * REPLACE ({replaced}) FROM src.{table}")
        connection.execute("COMMIT")
        connection.execute("DETACH src")
    partial.rename(target)
    return target


def measure(warehouse: Path, out: Path, filters: ReportFilters, repeat: int) -> dict:
    """Best of `repeat` writes: wall and CPU seconds (DuckDB's threads included), bytes, rows per
    table, the process's peak RSS so far and the load average after."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        write_report(warehouse, str(out), filters=filters)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    page = out.read_text(encoding="utf-8")
    rows = {  # body rows, not the header nor the figures' kind headings
        table: len(re.findall(r"<tr[ >]", body.group(1))) - body.group(1).count('<tr class="group"')
        for table in TABLE_IDS
        if (body := re.search(rf'<table id="{table}".*?<tbody>(.*?)</tbody>', page, re.S))
    }
    return {
        "bytes": out.stat().st_size, "wall_s": round(min(walls), 2), "cpu_s": round(min(cpus), 2),
        "rows": rows, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "load": round(os.getloadavg()[0], 1),
    }


def render_in_chromium(page: Path) -> dict:
    """Headless Chromium's DOM of the page: seconds to render, and the rows of each table in it."""
    import shutil
    import subprocess

    from bs4 import BeautifulSoup

    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        return {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=300, check=True,
        ).stdout
    seconds = time.perf_counter() - started
    soup = BeautifulSoup(dom, "html.parser")
    return {"chromium_s": round(seconds, 2),
            "chromium_rows": {table: len(soup.select(f"#{table} tbody tr:not(.group)")) for table in TABLE_IDS}}


FILTER_CASES = (
    ("none", {}),
    ("--since 2024-01-01", {"since": "2024-01-01"}),
    ("--source VNA", {"sources": ("VNA",)}),
    ("--speaker (the most quoted)", {"speaker": None}),
    ("--claim trade", {"claim": "trade"}),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "vnrok-report-bench")
    parser.add_argument("--build-only", action="store_true", help="build the warehouses, measure nothing")
    parser.add_argument("--scaled", default="", metavar="N,...",
                        help="also measure warehouses of N documents made of copies of the first size's (see "
                             "scale_warehouse), e.g. --sizes 10000 --scaled 100000")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    results = []
    sizes = [int(text) for text in args.sizes.split(",")]
    plan = [(size, None) for size in sizes] + [(int(text), sizes[0]) for text in args.scaled.split(",") if text]
    for size, scaled_from in plan:
        if scaled_from is None:
            warehouse = build_warehouse(args.work, size, args.seed, args.workers)
        else:
            base = build_warehouse(args.work, scaled_from, args.seed, args.workers)
            warehouse = scale_warehouse(base, args.work / f"w{size}-scaled.duckdb", size // scaled_from)
        if args.build_only:
            continue
        with connect(warehouse, read_only=True) as connection:
            articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
            most_quoted = connection.execute(
                "SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
            ).fetchone()
        for label, options in FILTER_CASES:
            if "speaker" in options:
                if not most_quoted:
                    continue
                options = {"speaker": most_quoted[0]}
            row = measure(warehouse, args.work / f"report-{size}.html", ReportFilters.parse(**options), args.repeat)
            if not options:
                row.update(render_in_chromium(args.work / f"report-{size}.html"))
            row.update(size=size, articles=articles, filters=label,
                       warehouse="loaded" if scaled_from is None else f"{size // scaled_from} copies of {scaled_from:,}")
            results.append(row)
            print(json.dumps(row), flush=True)
    if results:
        print("\n| documents | warehouse | articles | filters | page | wall s | CPU s | load | rows (conflicts/claims/figures/speakers) |")
        print("|---:|---|---:|---|---:|---:|---:|---:|---|")
        for row in results:
            rows = "/".join(str(row["rows"].get(table, 0)) for table in TABLE_IDS)
            print(f"| {row['size']:,} | {row['warehouse']} | {row['articles']:,} | {row['filters']} | {row['bytes'] / 1e6:.2f} MB "
                  f"| {row['wall_s']} | {row['cpu_s']} | {row['load']} | {rows} |")
        print(f"\nload average {os.getloadavg()[0]:.1f}; best of {args.repeat} per row")
    return 0


if __name__ == "__main__":
    sys.exit(main())
