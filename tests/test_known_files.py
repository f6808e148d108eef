"""A re-run over a loaded warehouse: signatures looked up chunk by chunk, known hashes exact.

A re-run must not hold the whole warehouse's file signatures and hashes (issue 18: ~1.4 GB at a
million documents): each chunk asks for the signatures of its own files, and the hashes of the
kept documents are one sorted array of digests whose membership test is exact.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from tests.conftest import SEEDS
from vnrok_etl import runner, warehouse as warehouse_module
from vnrok_etl.known import KnownDigests
from vnrok_etl.runner import chunk_signatures, ingest_paths, known_digests, plan_run_chunks
from vnrok_etl.sources import discover_paths


def _digest_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _one_byte_off(sha256: str, index: int) -> str:
    digest = bytearray(bytes.fromhex(sha256))
    digest[index] ^= 0x01
    return digest.hex()


def test_a_digest_one_byte_away_from_a_known_one_is_not_known():
    hashes = [_digest_hex(f"document {n}") for n in range(500)]
    known = KnownDigests.of(hashes + hashes[:50])  # repeats count once
    assert len(known) == 500
    assert all(sha256 in known for sha256 in hashes)
    for sha256 in hashes[:20]:
        for index in (0, 15, 31):  # first, middle and last byte
            assert _one_byte_off(sha256, index) not in known
    assert _digest_hex("a document never loaded") not in known
    # Not a sha256 at all: never known, never an error.
    assert "" not in known and hashes[0][:-2] not in known and "z" * 64 not in known
    assert None not in known


def test_digests_ending_in_zero_bytes_are_told_apart():
    # numpy's fixed-width bytes drop trailing zero bytes when read back: the digest that ends in
    # 00 and one that ends in 0000 must still be distinct, and neither equal to the 31 bytes.
    ends_in_one_zero = "ab" * 31 + "00"
    ends_in_two_zeros = "ab" * 30 + "0000"
    known = KnownDigests.of([ends_in_one_zero])
    assert ends_in_one_zero in known
    assert ends_in_two_zeros not in known
    assert "ab" * 31 + "01" not in known
    assert KnownDigests.of([ends_in_two_zeros, ends_in_one_zero]).__len__() == 2


def test_digests_from_an_arrow_column_in_any_order(tmp_path):
    hashes = [_digest_hex(str(n)) for n in range(300)]
    column = pa.chunked_array([
        pa.array([bytes.fromhex(h) for h in reversed(hashes[:100])], pa.binary()),
        pa.array([bytes.fromhex(h) for h in hashes[100:]], pa.binary()),
    ])
    known = KnownDigests.from_arrow(column)
    assert len(known) == 300 and all(h in known for h in hashes)
    assert _one_byte_off(hashes[7], 31) not in known


def test_shared_digests_pickle_as_the_name_of_their_file(tmp_path):
    hashes = [_digest_hex(str(n)) for n in range(2_000)]
    known = KnownDigests.of(hashes)
    by_value = pickle.dumps(known)
    shared = known.shared(tmp_path)
    by_name = pickle.dumps(shared)
    assert len(by_value) > 2_000 * 32  # the digests themselves
    assert len(by_name) < 500  # a path and a count: what each batch task carries
    received = pickle.loads(by_name)
    assert len(received) == 2_000 and all(h in received for h in hashes)
    assert _one_byte_off(hashes[0], 0) not in received
    assert pickle.loads(by_name) is received  # mapped once per process, kept for the next tasks


def test_known_hashes_of_a_loaded_warehouse_are_its_kept_documents(warehouse):
    ingest_paths([str(SEEDS)], warehouse)
    known = known_digests(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        kept = {row[0] for row in connection.execute("SELECT content_sha256 FROM raw_documents").fetchall()}
    assert len(known) == len(kept) == 5
    assert all(sha256 in known for sha256 in kept)
    assert all(_one_byte_off(sha256, 31) not in known for sha256 in kept)
    assert len(known_digests(warehouse.parent / "none.duckdb")) == 0


def _settled_copy(source: Path, folder: Path) -> Path:
    """The seeds copied, with modification times old enough to be given signatures."""
    shutil.copytree(source, folder)
    past = time.time() - 3600
    for path in folder.iterdir():
        os.utime(path, (past, past))
    return folder


def test_a_rerun_looks_up_the_signatures_of_each_chunk_only(tmp_path, warehouse, monkeypatch):
    corpus = _settled_copy(SEEDS, tmp_path / "seeds")
    first, _ = ingest_paths([str(corpus)], warehouse, chunk_size=2)
    assert first.articles_new == 5
    files = discover_paths([str(corpus)])
    chunks = [plan.files for plan in plan_run_chunks(files, 2)]
    assert chunks == [files[0:2], files[2:4], files[4:5]]

    asked: list[list[str]] = []
    answered: list[set[str]] = []
    real = warehouse_module.file_signatures

    def recording(connection, paths):
        asked.append(list(paths))
        answer = real(connection, paths)
        answered.append(set(answer))
        return answer

    monkeypatch.setattr(runner, "file_signatures", recording)
    again, _ = ingest_paths([str(corpus)], warehouse, chunk_size=2)
    # One look-up per chunk, each for that chunk's files, each answering only those files.
    assert asked == chunks
    assert answered == [set(chunk) for chunk in chunks]
    assert (again.documents_known, again.articles_new, again.sources_new) == (5, 0, 0)


def test_a_chunk_s_lookup_answers_for_its_files_only(tmp_path, warehouse):
    corpus = _settled_copy(SEEDS, tmp_path / "seeds")
    files = discover_paths([str(corpus)])
    ingest_paths(files[:3], warehouse)
    # The two files of the second chunk: one loaded, one not; nothing of the other loaded ones.
    assert set(chunk_signatures(files[2:4], warehouse)) == {files[2]}
    plan = plan_run_chunks(files, 2)[1]
    reads = plan.reads(warehouse)
    assert [document.uri for document in reads.unchanged] == [files[2]]
    assert reads.files == [files[3]]
    assert list(reads.positions) == [3]  # its place in the run's list, as a fresh run gives it


def test_a_touched_file_is_read_again_and_found_known(tmp_path, warehouse):
    corpus = _settled_copy(SEEDS, tmp_path / "seeds")
    ingest_paths([str(corpus)], warehouse, chunk_size=2)
    touched = sorted(corpus.iterdir())[3]
    later = time.time() - 1800
    os.utime(touched, (later, later))  # new signature, same bytes: read, hashed, known
    again, _ = ingest_paths([str(corpus)], warehouse, chunk_size=2)
    assert (again.documents_known, again.articles_new, again.sources_new) == (5, 0, 0)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        recorded = connection.execute(
            "SELECT mtime_ns FROM _file_signatures WHERE source_uri = ?", [str(touched)]
        ).fetchone()[0]
    assert recorded == touched.stat().st_mtime_ns
