"""Where to keep the raw documents: a table in the warehouse, or a folder of files beside it.

For a corpus folder, each in a fresh location, timed from the bytes already read (both stores
get the same read and hash, which the ingest pays anyway):

- table: one zstd frame per document (rawstore.compressor), Arrow batches of 500 inserted into a
  `raw_documents`-shaped table in one DuckDB file, one transaction per batch (as the chunked load
  commits), then CHECKPOINT; size = the DuckDB file;
- folder: the same frames written as `<dir>/<sha[:2]>/<sha>.zst`, each under a temporary name,
  fsync'd and renamed (what crash safety outside a transaction needs); size = bytes the files
  occupy on disk (st_blocks), and their apparent size;
- read-back: a random sample read again from each store by hash, decompressed and checked (from
  the table one query per document, and 500 hashes per query as reprocess reads them).

    python benchmarks/raw_storage.py /path/to/corpus [--work DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vnrok_etl import rawstore  # noqa: E402
from vnrok_etl.sources import discover_paths  # noqa: E402

BATCH = 500


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "vnrok-raw-bench")
    parser.add_argument("--reads", type=int, default=2000, help="documents read back from each store")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    files = discover_paths([args.corpus])
    documents: dict[str, bytes] = {}
    for path in files:
        data = Path(path).read_bytes()
        documents.setdefault(hashlib.sha256(data).hexdigest(), data)
    original = sum(map(len, documents.values()))
    print(f"{len(files):,} files, {len(documents):,} distinct documents, {original / 1e6:.1f} MB")

    started = time.perf_counter()
    compress = rawstore.compressor().compress
    frames = {sha: compress(data) for sha, data in documents.items()}
    compress_seconds = time.perf_counter() - started
    compressed = sum(map(len, frames.values()))
    print(f"zstd-{rawstore.LEVEL}: {compressed / 1e6:.1f} MB ({compressed / original:.1%}), "
          f"{1e6 * compress_seconds / len(frames):.0f} µs per document")

    table_path = args.work / "raw.duckdb"
    table_path.unlink(missing_ok=True)
    connection = duckdb.connect(str(table_path))
    connection.execute(
        "CREATE TABLE raw_documents (content_sha256 VARCHAR PRIMARY KEY, size_bytes BIGINT, codec VARCHAR, content BLOB)"
    )
    empty = table_path.stat().st_size
    items = list(frames.items())
    started = time.perf_counter()
    for start in range(0, len(items), BATCH):
        part = items[start : start + BATCH]
        batch = pa.table({
            "content_sha256": [sha for sha, _ in part],
            "size_bytes": [len(documents[sha]) for sha, _ in part],
            "codec": [rawstore.CODEC] * len(part),
            "content": pa.array([frame for _, frame in part], pa.binary()),
        })
        connection.execute("BEGIN")
        connection.register("batch", batch)
        connection.execute(
            "INSERT INTO raw_documents SELECT * FROM batch b WHERE NOT EXISTS"
            " (SELECT 1 FROM raw_documents r WHERE r.content_sha256 = b.content_sha256)"
        )
        connection.unregister("batch")
        connection.execute("COMMIT")
    connection.execute("CHECKPOINT")
    table_seconds = time.perf_counter() - started
    table_bytes = table_path.stat().st_size - empty

    folder = args.work / "raw-folder"
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    folder.mkdir()
    started = time.perf_counter()
    for sha, frame in items:
        target = folder / sha[:2] / f"{sha}.zst"
        target.parent.mkdir(exist_ok=True)
        partial = target.with_suffix(".partial")
        with open(partial, "wb") as handle:
            handle.write(frame)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    folder_seconds = time.perf_counter() - started
    stats = [path.stat() for path in folder.rglob("*.zst")]
    folder_bytes = sum(stat.st_blocks * 512 for stat in stats)
    folder_apparent = sum(stat.st_size for stat in stats)

    sample = random.Random(1).sample([sha for sha, _ in items], min(args.reads, len(items)))
    started = time.perf_counter()
    for sha in sample:
        codec, content = connection.execute(
            "SELECT codec, content FROM raw_documents WHERE content_sha256 = ?", [sha]
        ).fetchone()
        rawstore.decompress(codec, content, sha)
    table_read = time.perf_counter() - started
    started = time.perf_counter()
    for sha in sample:
        rawstore.decompress(rawstore.CODEC, (folder / sha[:2] / f"{sha}.zst").read_bytes(), sha)
    folder_read = time.perf_counter() - started
    # As reprocess reads them: 500 hashes per query (rawstore.iter_raw).
    started = time.perf_counter()
    for _ in rawstore.iter_raw(connection, sample):
        pass
    table_bulk = time.perf_counter() - started
    connection.close()

    n = len(items)
    print(f"table : {table_bytes / 1e6:.1f} MB on disk, {table_seconds:.2f} s to store "
          f"({1e6 * table_seconds / n:.0f} µs/doc), read back {1e6 * table_read / len(sample):.0f} µs/doc one by one, "
          f"{1e6 * table_bulk / len(sample):.0f} µs/doc 500 at a time")
    print(f"folder: {folder_bytes / 1e6:.1f} MB on disk ({folder_apparent / 1e6:.1f} MB apparent), "
          f"{folder_seconds:.2f} s to store ({1e6 * folder_seconds / n:.0f} µs/doc), "
          f"read back {1e6 * folder_read / len(sample):.0f} µs/doc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
