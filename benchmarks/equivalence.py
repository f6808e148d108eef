"""Fingerprint what the per-document stages make of a corpus, to prove a speed-up changed nothing.

    python benchmarks/equivalence.py record /tmp/before.json seeds/ tests/fixtures/ /tmp/corpus
    ... optimise ...
    python benchmarks/equivalence.py compare /tmp/before.json

`record` runs `pipeline.process_document` on every file under the given folders and stores, per
file, the full repr of the outcome (the Extraction without its raw bytes, or the Rejection).
`compare` re-runs the same files and prints the first documents whose outcome differs, field by
field, then how many differ; the exit status is 1 when any does. CPU seconds for both runs are
printed, so the same command also shows what the change bought.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from vnrok_etl.pipeline import process_document
from vnrok_etl.records import Extraction, Rejection
from vnrok_etl.sources import discover_paths, read_document


def outcomes(paths: list[str]) -> tuple[dict[str, str], float]:
    """repr of each file's outcome, and the CPU seconds spent in process_document."""
    results: dict[str, str] = {}
    cpu = 0.0
    for path in paths:
        document = read_document(path)
        started = time.process_time()
        outcome = document if isinstance(document, Rejection) else process_document(document)
        cpu += time.process_time() - started
        if isinstance(outcome, Extraction):
            outcome = replace(outcome, document=replace(outcome.document, content=b""))
        results[path] = repr(outcome)
    return results, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("record", "compare"))
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("folders", nargs="*", help="with record: folders or files to fingerprint")
    parser.add_argument("--show", type=int, default=5, help="differing documents to print (compare)")
    args = parser.parse_args(argv)

    if args.mode == "record":
        paths = discover_paths(args.folders)
        results, cpu = outcomes(paths)
        args.snapshot.write_text(json.dumps({"cpu": cpu, "outcomes": results}))
        print(f"recorded {len(results)} documents, {cpu:.2f} s CPU ({1000 * cpu / max(len(results), 1):.2f} ms/doc)")
        return 0

    before = json.loads(args.snapshot.read_text())
    results, cpu = outcomes(list(before["outcomes"]))
    differing = [path for path, text in results.items() if text != before["outcomes"][path]]
    for path in differing[: args.show]:
        print(f"--- {path}")
        old, new = (part.replace(", ", ",\n").splitlines() for part in (before["outcomes"][path], results[path]))
        sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(old, new, "before", "after", n=1, lineterm=""))
    count = len(results)
    print(
        f"{len(differing)} of {count} documents differ; CPU {before['cpu']:.2f} s before, {cpu:.2f} s now "
        f"({1000 * before['cpu'] / max(count, 1):.2f} -> {1000 * cpu / max(count, 1):.2f} ms/doc)"
    )
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
