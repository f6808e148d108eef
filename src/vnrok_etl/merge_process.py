"""A chunk's merge in a short-lived process of its own, so the loader's memory stays flat.

Why: a merge leaves native memory behind in the process that ran it, more as the warehouse grows
(benchmarks/RESULTS.md: after each of 10 merges of 1,000 documents the library path went 194 ->
267 MB; the flow reached 1,000 MB at 100k documents in chunks of 10,000), and neither
`malloc_trim`, DuckDB's allocator settings, one thread nor a lower `memory_limit` gave it back.
Memory a process leaves behind goes back to the system when the process ends; so a large chunk
is merged by a child process that opens the warehouse, merges, and exits, and the loader never
holds a merge's memory at all.

Only names cross: the staged rows are already Arrow files in the chunk's staging folder (the
child scans them where they are), so the request is the warehouse's path, the files, the load
and the replacement (a reprocess). The child sends back, one JSON line each, the notices of a
wait for the warehouse's lock, then the counts or the error, which the caller gets raised as it
would be from an in-process merge (`DataCheckFailed` stays `DataCheckFailed`). Everything else
is the in-process merge (`chunk_merge.merge_here`), run in the child: one transaction, a failure
rolled back, recorded and its staged rows kept for inspection.

The child must never outlive its loader: it asks the kernel for SIGKILL when the loader dies
(Linux's parent-death signal; elsewhere a thread watching the parent's pid), so a loader killed
in the middle of a merge takes the uncommitted transaction with it, as it did in one process.
A stop of the loader (SIGTERM, SIGINT) kills the child and waits for it before going on, so the
warehouse is free for the 'interrupted' row. The child ignores SIGINT itself: Ctrl-C on a
terminal reaches the whole process group, and only the loader decides what a stop does.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import pickle
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from vnrok_etl.warehouse import LOG, LoadCounts, LoadInfo, Replacement, WarehouseError, connect, record_failed_load

PR_SET_PDEATHSIG = 1
KILL = getattr(signal, "SIGKILL", signal.SIGTERM)
WATCHDOG_SECONDS = 0.5
FAILED_WAIT_SECONDS = 10.0  # recording a child that died: the warehouse is free once it is gone
# Every merge process this process ran, in order: its load and chunk, its wall seconds (start to
# exit, as the loader waited), the seconds its merge took inside it and its peak RSS (MB), as the
# child measured them. For benchmarks/run.py: the merge's memory is not the loader's.
MERGES: list[dict[str, object]] = []
STATS = logging.getLogger(__name__)  # one INFO line per merge process, for a long run's progress


def merge_in_child(
    files: dict[str, list[str]],
    documents_seen: int,
    warehouse: str | Path,
    load: LoadInfo,
    spill: Path,
    on_wait: Callable[[str], None] | None = None,
    wait_seconds: float | None = None,
    replacing: Replacement | None = None,
) -> LoadCounts:
    """Merge the staged chunk whose Arrow files are `files` (staging table -> its files) in a
    child process; its counts, or the merge's error raised here."""
    request = pickle.dumps({
        "files": files, "documents_seen": documents_seen, "warehouse": str(warehouse), "load": load,
        "spill": str(spill), "wait_seconds": wait_seconds, "replacing": replacing,
    })
    process = subprocess.Popen(
        [sys.executable, "-m", "vnrok_etl.merge_process", str(os.getpid())],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )
    outcome: dict | None = None
    started = time.perf_counter()
    try:
        process.stdin.write(request)
        process.stdin.close()
        for line in process.stdout:
            message = json.loads(line)
            if "notice" in message:
                (on_wait or LOG.warning)(message["notice"])
            else:
                outcome = message
        process.wait()
    except BaseException:
        # A stop (or any error here): the merge is abandoned, its transaction dies with the child,
        # and the warehouse is free again once this returns.
        process.kill()
        process.wait()
        raise
    finally:
        process.stdout.close()
    MERGES.append({
        "load_id": load.load_id, "chunk": load.chunk, "seconds": round(time.perf_counter() - started, 3),
        **(outcome or {}).get("usage", {}),
    })
    STATS.info(json.dumps(MERGES[-1]))
    if outcome is not None and "counts" in outcome:
        counts = LoadCounts.from_dict(outcome["counts"])
        if replacing is not None and "retired" in outcome:
            replacing.retired = outcome["retired"]  # type: ignore[attr-defined]
        return counts
    if outcome is not None and "error" in outcome:
        raise _error(outcome)
    # Killed (the out-of-memory killer) or crashed before it could answer: nothing was committed,
    # and the child could not say so; its loads row says it here.
    how = f"signal {signal.Signals(-process.returncode).name}" if process.returncode < 0 else f"exit {process.returncode}"
    message = f"the merge process ended without an answer ({how})"
    try:
        with connect(warehouse, wait_seconds=FAILED_WAIT_SECONDS) as connection:
            record_failed_load(connection, load, message)
    except WarehouseError:
        pass
    raise WarehouseError(message)


def _error(outcome: dict) -> BaseException:
    try:
        error = pickle.loads(base64.b64decode(outcome["error"]))
    except Exception:  # noqa: BLE001 - an error that does not unpickle still has its text
        return WarehouseError(outcome.get("message", "the merge failed"))
    return error if isinstance(error, BaseException) else WarehouseError(str(error))


def main(argv: list[str]) -> int:
    """The child: read the request on stdin, merge, answer on stdout, exit."""
    _die_with_parent(int(argv[0]))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    request = pickle.load(sys.stdin.buffer)

    from vnrok_etl.chunk_merge import merge_here  # not runner: the extraction is not needed here
    from vnrok_etl.staged import spilled_load

    def send(message: dict) -> None:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()

    staged = spilled_load(request["files"], request["documents_seen"])
    replacing = request["replacing"]
    started = time.perf_counter()

    def usage() -> dict[str, float]:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == "darwin" else 1024)
        return {"merge_seconds": round(time.perf_counter() - started, 3), "peak_rss_mb": round(peak, 1)}

    try:
        counts = merge_here(
            staged, request["warehouse"], request["load"], Path(request["spill"]),
            on_wait=lambda notice: send({"notice": notice}), wait_seconds=request["wait_seconds"],
            replacing=replacing,
        )
    except Exception as error:  # noqa: BLE001 - sent back whole, raised by the loader
        try:
            pickled = pickle.dumps(error)
            pickle.loads(pickled)
        except Exception:  # noqa: BLE001 - not picklable: its type and text
            pickled = pickle.dumps(WarehouseError(f"{type(error).__name__}: {error}"))
        send({
            "error": base64.b64encode(pickled).decode(), "message": f"{type(error).__name__}: {error}",
            "usage": usage(),
        })
        return 1
    answer = {
        "counts": counts.as_dict() | {"rejections": [list(pair) for pair in counts.rejections]}, "usage": usage(),
    }
    if replacing is not None:
        answer["retired"] = getattr(replacing, "retired", 0)
    send(answer)
    return 0


def _die_with_parent(parent: int) -> None:
    """SIGKILL when `parent` ends (flows/lifeline.py does the same for the run's other children)."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, KILL, 0, 0, 0)
    else:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(WATCHDOG_SECONDS)
            os.kill(os.getpid(), KILL)

        threading.Thread(target=watch, name="vnrok-parent-watchdog", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os.kill(os.getpid(), KILL)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
