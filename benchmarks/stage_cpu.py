"""CPU per document in the stages (decode, clean, extract), on any folder of documents.

    .venv/bin/python benchmarks/stage_cpu.py DIR [--repeat 3]

The quick check behind "keep CPU per document within 1.5x": it reads every file under DIR once,
then runs `pipeline.process_document` over all of them `--repeat` times in this one process
(the first pass warms the imports and dateparser, and is not counted) and prints the best pass's
CPU time per document, per stage and in all. No Prefect, no warehouse: benchmarks/run.py measures
the whole ingest; this isolates what extraction rules cost. Use the generated corpus
(benchmarks/corpus.py DIR -n 1000 --seed 7) and tests/corpus/ for before/after numbers.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vnrok_etl.pipeline import STAGES, process_document  # noqa: E402
from vnrok_etl.records import Rejection  # noqa: E402
from vnrok_etl.sources import discover_paths, read_document  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best is printed (default 3)")
    args = parser.parse_args(argv)
    documents = [d for d in map(read_document, discover_paths([args.folder])) if not isinstance(d, Rejection)]
    if not documents:
        parser.error(f"no readable documents under {args.folder}")
    for document in documents:  # warm-up pass
        process_document(document)
    best: dict[str, float] | None = None
    for _ in range(max(1, args.repeat)):
        seconds = dict.fromkeys(STAGES, 0.0)
        started = time.process_time()
        for document in documents:
            process_document(document, seconds)
        seconds["total"] = time.process_time() - started
        if best is None or seconds["total"] < best["total"]:
            best = seconds
    per_doc = {stage: 1000 * value / len(documents) for stage, value in best.items() if stage != "read"}
    print(f"{len(documents)} documents from {args.folder}, best of {args.repeat} passes, ms per document:")
    print("  " + "  ".join(f"{stage} {value:.3f}" for stage, value in per_doc.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
