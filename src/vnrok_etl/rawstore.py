"""The raw documents, kept byte for byte: compressed, content-addressed by sha256, in the warehouse.

Why keep them: a load used to keep only hashes, so no fix to cleaning or extraction could ever
reach an article already loaded, and a file deleted from the inbox was gone. With the bytes kept,
`vnrok-etl reprocess` re-runs today's rules over them, and `vnrok-etl export --raw` writes them out.

Where: in the warehouse file itself (table `raw_documents`), in the same transaction as the rows
derived from them, so a load (or a chunk of one) keeps its documents and its rows together or
neither, and a backup is still one file. Measured against a folder of compressed files beside
the warehouse (benchmarks/raw_storage.py, README "Raw documents"): the table takes less disk and
costs the load less time, and the folder would need its own crash safety.

How: one zstd frame per document (level 3), so any one document is read back alone. Measured on
the generated 10k corpus: zstd-3 keeps 45 % of the bytes at ~30-90 µs per document; zlib-6 and
zstd-9 44 % at 4x the time, lzma 45 % at 50x. A dictionary trained on the corpus kept 6 %, but
the generated corpus repeats five seeds' paragraphs, so that figure says nothing about real news,
and a dictionary is one more thing to keep forever beside the data: not used.

Where and when each document was seen is `document_sightings` (source_uri, content_sha256,
first_seen_at, seq = its position in the run that read it): the order a reprocess replays.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import zstandard

CODEC = "zstd"
LEVEL = 3


class RawDocumentError(RuntimeError):
    """A stored raw document that does not decompress to the bytes its hash names."""


def compressor() -> zstandard.ZstdCompressor:
    """A compressor for one batch (zstandard's objects are not safe to share between threads)."""
    return zstandard.ZstdCompressor(level=LEVEL, write_content_size=True)


def decompress(codec: str, content: bytes, sha256: str | None = None) -> bytes:
    """The original bytes of a stored document; with `sha256`, checked against it."""
    if codec != CODEC:
        raise RawDocumentError(f"unknown raw document codec {codec!r}")
    data = zstandard.ZstdDecompressor().decompress(content)
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise RawDocumentError(f"raw document {sha256} does not match its hash")
    return data


def iter_raw(connection: duckdb.DuckDBPyConnection, sha256s: Iterable[str], chunk: int = 500) -> Iterator[tuple[str, bytes]]:
    """(sha256, original bytes) of the stored documents among `sha256s`, checked, a few at a time."""
    wanted = list(sha256s)
    for start in range(0, len(wanted), chunk):
        rows = connection.execute(
            "SELECT content_sha256, codec, content FROM raw_documents WHERE content_sha256 IN (SELECT unnest($1))",
            [wanted[start : start + chunk]],
        ).fetchall()
        for sha256, codec, content in rows:
            yield sha256, decompress(codec, content, sha256)


def export_raw(warehouse: Path, directory: str) -> tuple[int, Path]:
    """Write every stored document to DIR/<sha256>, byte for byte, and DIR/sightings.csv (where
    and when each was seen); returns (documents written, manifest path). Files already there with
    the right bytes are left alone, so an export can be repeated into the same folder."""
    from vnrok_etl.export import ExportError, _inside, _literal
    from vnrok_etl.warehouse import connect

    target = Path(directory).expanduser()
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target} exists and is not a directory")
    written = 0
    with connect(warehouse, read_only=True) as connection:
        target.mkdir(parents=True, exist_ok=True)
        root = target.resolve()
        cursor = connection.execute("SELECT content_sha256, codec, content FROM raw_documents ORDER BY content_sha256")
        while rows := cursor.fetchmany(500):
            for sha256, codec, content in rows:
                path = _inside(root, sha256)
                if path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == sha256:
                    continue
                partial = _inside(root, f".{sha256}.partial")
                partial.write_bytes(decompress(codec, content, sha256))
                os.replace(partial, path)
                written += 1
        manifest = _inside(root, "sightings.csv")
        partial = _inside(root, ".sightings.csv.partial")
        connection.execute(
            "COPY (SELECT content_sha256, source_uri, first_seen_at, load_id FROM document_sightings"
            f" ORDER BY content_sha256, source_uri) TO {_literal(partial)} (FORMAT csv, HEADER true)"
        )
        os.replace(partial, manifest)
    return written, manifest
