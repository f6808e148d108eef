"""Finding input documents and reading their bytes.

Paths given by the user are files or folders (walked recursively, in sorted order, hidden files
and folders skipped). A path that does not exist is the user's mistake and raises at once; a file
that exists but cannot be read (permissions, a broken link, a folder loop, a named pipe that
would block the run, a device that would never end) becomes a rejection, so that one bad file
never takes the other documents down with it.

Inside folders, names that mark a file still being written (`*.part`, `*.tmp`, Office's `~$*`)
are skipped, and `settled_before` skips files modified after that time: an inbox is read on a
schedule while files are still arriving, and a half-written file must wait for the next run.

A re-run over thousands of files the warehouse already has should not read them again: like
make and rsync, a file whose size and modification time (in nanoseconds) are those recorded when
it was loaded is taken as unchanged (`unchanged_documents`). As in git's "racy" case, a file
modified less than RACY_SECONDS before it was read gets no signature, since a second write in
the same timestamp tick could keep both; such a file is simply read again next time.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from vnrok_etl.identity import content_sha256
from vnrok_etl.records import RawDocument, Rejection

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # a news article is kilobytes; larger files are not articles
IN_PROGRESS_NAMES = ("*.part", "*.tmp", "~$*")  # downloads, editors' and copy tools' temporary files
IN_PROGRESS = re.compile("|".join(fnmatch.translate(pattern) for pattern in IN_PROGRESS_NAMES))
RACY_SECONDS = 2  # FAT and some network filesystems keep modification times to 2 s


class SourceError(ValueError):
    """A path given by the user does not exist."""


def discover_paths(
    paths: Iterable[str | os.PathLike[str]], settled_before: float | None = None
) -> list[str]:
    """Every candidate file under the given paths, each once, in a stable order.

    With `settled_before` (a time.time() value), files found in folders that were modified
    later are left for a later run; files named directly are always taken.
    """
    found: dict[str, None] = {}
    for given in paths:
        path = Path(given)
        if path.is_symlink() and not path.exists():
            found[str(path)] = None  # a broken link given directly: rejected when read
        elif path.is_dir():
            for file in _walk(path):
                if settled_before is None or _settled(file, settled_before):
                    found[file] = None
        elif path.exists():
            found[str(path)] = None
        else:
            raise SourceError(f"no such file or folder: {given}")
    return list(found)


def read_document(path: str) -> RawDocument | Rejection:
    """The file's bytes and hash, or a rejection saying why it cannot be read."""
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            # A named pipe would block the whole run on open(); a device would stream forever.
            return Rejection(path, None, _not_a_file(status.st_mode), "read")
        size = status.st_size
        if size > MAX_DOCUMENT_BYTES:
            return Rejection(path, None, f"file too large ({size:,} bytes; limit {MAX_DOCUMENT_BYTES:,})", "read")
        with open(path, "rb") as handle:
            content = handle.read(MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        reason = "broken symbolic link" if os.path.islink(path) else "file vanished before it was read"
        return Rejection(path, None, reason, "read")
    except IsADirectoryError:
        return Rejection(path, None, "is a folder, not a file", "read")
    except OSError as error:
        return Rejection(path, None, f"unreadable: {error.strerror or error}", "read")
    if len(content) > MAX_DOCUMENT_BYTES:  # grew after stat, or /proc-like files that report size 0
        return Rejection(path, None, f"file too large (over {MAX_DOCUMENT_BYTES:,} bytes)", "read")
    signature = None
    if time.time_ns() - status.st_mtime_ns > RACY_SECONDS * 1_000_000_000 and len(content) == size:
        signature = (size, status.st_mtime_ns)
    return RawDocument(uri=path, content=content, sha256=content_sha256(content), signature=signature)


def unchanged_documents(
    paths: Iterable[str], recorded: Mapping[str, tuple[int, int, str]]
) -> tuple[list[str], list[RawDocument]]:
    """Split paths into those to read and those whose (size, mtime_ns, sha256) is `recorded`.

    An unchanged file comes back as a RawDocument without content: its bytes are the recorded
    hash's, so the load counts it as known without opening it (one stat instead of a read).
    """
    to_read: list[str] = []
    unchanged: list[RawDocument] = []
    for path in paths:
        known = recorded.get(path)
        if known is not None:
            try:
                status = os.stat(path)
            except OSError:
                status = None
            if status is not None and stat.S_ISREG(status.st_mode) and (status.st_size, status.st_mtime_ns) == known[:2]:
                unchanged.append(RawDocument(path, b"", known[2], signature=known[:2]))
                continue
        to_read.append(path)
    return to_read, unchanged


def _not_a_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "not a regular file (a named pipe)"
    if stat.S_ISSOCK(mode):
        return "not a regular file (a socket)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "not a regular file (a device)"
    return "not a regular file"


def _walk(folder: Path) -> Iterator[str]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not IN_PROGRESS.match(name):
                yield os.path.join(root, name)


def _settled(file: str, settled_before: float) -> bool:
    try:
        return os.lstat(file).st_mtime < settled_before
    except OSError:
        return True  # vanished or unreadable: read_document turns it into a rejection
