"""The hashes of the documents a warehouse already keeps, as a set a re-run can afford.

A batch skips the processing of a file whose bytes the warehouse has (pipeline.process_paths:
`sha256 in known`). As a Python set of hex strings, the hashes cost ~130 MB per million (plus the
rows they were fetched as), were held by the flow for the whole run and pickled into every batch
task of a process pool. Here they are one sorted array of 32-byte digests (32 MB per million)
and membership is a binary search: exact, since whole digests are compared (a false positive
would drop a new document as already loaded).

A run shares one KnownDigests with its workers through a file (`shared`): pickled, such an object
is only the file's name, and each worker process maps the file once and keeps it for the tasks
that follow (`_open_shared`), so a process pool receives the hashes once per worker, not once per
batch, and the workers' pages of it are the page cache's, not copies.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pyarrow as pa

DIGEST_BYTES = 32
# Fixed-width bytes: numpy sorts and searches them as memcmp would (the zero padding numpy
# strips from the end of an item is the same for every item of one width, so two 32-byte
# digests compare equal only when all 32 bytes are equal).
DIGEST = np.dtype(f"S{DIGEST_BYTES}")
FILE_NAME = "known.sha256"


class KnownDigests:
    """A sorted, duplicate-free array of sha256 digests; `hex in known` is exact membership."""

    __slots__ = ("_digests", "_path")

    def __init__(self, digests: np.ndarray | None = None, path: str | None = None) -> None:
        self._digests = np.empty(0, DIGEST) if digests is None else digests
        self._path = path

    @classmethod
    def of(cls, hashes: Iterable[str]) -> KnownDigests:
        """From hex sha256 strings (any order, repeats allowed)."""
        digests = [bytes.fromhex(sha256) for sha256 in hashes]
        return cls.sorted(np.array(digests, DIGEST) if digests else np.empty(0, DIGEST))

    @classmethod
    def from_arrow(cls, column: pa.Array | pa.ChunkedArray) -> KnownDigests:
        """From a binary column of 32-byte digests (DuckDB's `unhex(content_sha256)`), without a
        Python object per digest."""
        chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
        return cls.from_batches(chunks)

    @classmethod
    def from_batches(cls, columns: Iterable[pa.Array]) -> KnownDigests:
        """From binary arrays of 32-byte digests as they stream in (any order, repeats allowed)."""
        parts = [_digests_of(column) for column in columns]
        parts = [part for part in parts if len(part)]
        if not parts:
            return cls()
        return cls.sorted(np.concatenate(parts) if len(parts) > 1 else parts[0])

    @classmethod
    def sorted(cls, digests: np.ndarray) -> KnownDigests:
        """Of an array the caller gives up: sorted in place, repeats dropped only if there are any
        (DuckDB's DISTINCT has none; np.unique would hold a second copy while sorting)."""
        digests.sort()
        if len(digests) > 1 and (digests[1:] == digests[:-1]).any():
            digests = np.unique(digests)
        return cls(digests)

    def __contains__(self, sha256: object) -> bool:
        if not isinstance(sha256, str) or len(sha256) != 2 * DIGEST_BYTES or not len(self._digests):
            return False
        try:
            key = np.array([bytes.fromhex(sha256)], DIGEST)
        except ValueError:
            return False
        place = int(np.searchsorted(self._digests, key)[0])
        return place < len(self._digests) and bool(self._digests[place] == key[0])

    def __len__(self) -> int:
        return len(self._digests)

    def __bool__(self) -> bool:
        return bool(len(self._digests))

    @property
    def nbytes(self) -> int:
        return self._digests.nbytes

    def shared(self, folder: Path) -> KnownDigests:
        """The same digests written to `folder` (which must outlive the workers' tasks): pickled,
        the returned object is the file's name only."""
        path = Path(folder) / FILE_NAME
        self._digests.tofile(path)
        # Mapped from the file here too: this process's copy goes, and its pages are read only if
        # batches run in this process (threads).
        digests = np.memmap(path, DIGEST, mode="r") if len(self._digests) else np.empty(0, DIGEST)
        return KnownDigests(digests, str(path))

    def __reduce__(self) -> tuple:
        if self._path is None:
            return (KnownDigests, (self._digests,))
        return (_open_shared, (self._path, len(self._digests)))


def _digests_of(column: pa.Array) -> np.ndarray:
    """The 32-byte values of a binary array as a (copied) numpy array of digests."""
    if column.null_count:
        column = column.drop_null()
    if not len(column):
        return np.empty(0, DIGEST)
    wide = pa.types.is_large_binary(column.type)
    if not (wide or pa.types.is_binary(column.type)):
        raise TypeError(f"known hashes: a binary column, not {column.type}")
    offsets = np.frombuffer(column.buffers()[1], np.int64 if wide else np.int32)
    offsets = offsets[column.offset : column.offset + len(column) + 1]
    if not (np.diff(offsets) == DIGEST_BYTES).all():
        raise ValueError("known hashes: every digest must be 32 bytes (a sha256)")
    values = np.frombuffer(column.buffers()[2], np.uint8)[offsets[0] : offsets[-1]]
    return values.view(DIGEST).copy()


# The shared digests this process has mapped: the last file only (one run at a time per worker).
_SHARED: dict[str, KnownDigests] = {}


def _open_shared(path: str, count: int) -> KnownDigests:
    """The digests of `path`, mapped once per process and kept for the tasks that follow."""
    known = _SHARED.get(path)
    if known is None:
        digests = np.memmap(path, DIGEST, mode="r") if count else np.empty(0, DIGEST)
        if len(digests) != count:
            raise ValueError(f"known hashes file {path}: {len(digests)} digests, expected {count}")
        known = KnownDigests(digests, path)
        _SHARED.clear()
        _SHARED[path] = known
    return known
