"""Where a load's staged rows wait for the merge: a folder named after the load, owned by a lock.

A run stages its batches as Arrow files in a temporary folder and DuckDB spills there during the
merge. A run that ends normally, or by an exception or a signal it can handle, removes its
folder; a run that is killed cannot (SIGKILL, the out-of-memory killer, a power cut), and two
killed 10k-document runs left 64 MB and 39 MB behind, never removed. So each folder is
`vnrok-stage-<load id>` under the temporary directory and holds a `lock` file that its run keeps
locked (an advisory lock, released by the kernel whenever the process ends, however it ends).
Every run, before staging, removes the folders whose lock nobody holds any more and says so in
one line: they belong to runs that are no longer alive.

Locks are POSIX `flock` (fcntl); where fcntl does not exist, folders of dead runs are left alone.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no lock, no sweeping
    fcntl = None  # type: ignore[assignment]

PREFIX = "vnrok-stage-"
LOCK_NAME = "lock"
# A folder without a lock file is being created (mkdir, then the lock) or belongs to a version
# that did not lock (a run of it may still be staging: a 100k load stages for minutes): only one
# untouched for this long is taken for dead.
UNLOCKED_DEAD_SECONDS = 24 * 3600.0


@contextmanager
def staging_folder(
    load_id: str, on_notice: Callable[[str], None] | None = None, parent: Path | None = None
) -> Iterator[Path]:
    """A fresh staging folder for `load_id`, locked while the block runs and removed after it.

    Folders of dead runs found in `parent` (default: the temporary directory) go first.
    """
    parent = Path(parent or tempfile.gettempdir())
    removed = remove_dead_staging(parent)
    if removed and on_notice:
        megabytes = sum(size for _, size in removed) / 1e6
        on_notice(f"removed the staging of {len(removed)} run(s) no longer alive ({megabytes:.1f} MB)")
    folder = parent / f"{PREFIX}{load_id}"
    folder.mkdir(mode=0o700)
    lock = (folder / LOCK_NAME).open("w")
    try:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        lock.write(f"{os.getpid()}\n")
        lock.flush()
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        lock.close()


def remove_dead_staging(parent: Path) -> list[tuple[Path, int]]:
    """Remove every staging folder in `parent` whose lock no process holds; (folder, bytes) each."""
    if fcntl is None:
        return []
    removed = []
    for folder in sorted(parent.glob(f"{PREFIX}*")):
        if folder.is_dir() and not folder.is_symlink() and not _owned(folder):
            size = _size(folder)
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():
                removed.append((folder, size))
    return removed


def _owned(folder: Path) -> bool:
    """Whether a live run holds the folder's lock; a folder without a lock file counts as owned
    unless it has been untouched for UNLOCKED_DEAD_SECONDS."""
    try:
        with (folder / LOCK_NAME).open("r") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(lock, fcntl.LOCK_UN)
            return False
    except FileNotFoundError:
        return _touched_lately(folder)
    except OSError:
        return True  # cannot tell: leave it


def _touched_lately(folder: Path) -> bool:
    try:
        newest = max([folder.stat().st_mtime, *(path.stat().st_mtime for path in folder.iterdir())])
    except OSError:
        return True
    return time.time() - newest < UNLOCKED_DEAD_SECONDS


def _size(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        try:
            if path.is_file():
                total += path.stat().st_size
        except OSError:
            pass
    return total
