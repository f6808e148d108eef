"""Where the ingest's batch tasks run: threads, processes or Dask; the merge stays in the flow.

Decode, clean and extraction are pure Python, so threads share one core under the GIL. Without
a spec, a load of at least PROCESS_POOL_MIN_BATCHES batches on a machine with more than one core
runs them on Prefect's ProcessPoolTaskRunner (one process per core); smaller loads stay on the
flow's thread pool, since starting the processes (importing Prefect in each) costs about as much
as a small load. A Dask cluster runs batches in worker processes, on this
machine (a LocalCluster, one single-threaded worker per core by default) or on a real cluster
(a scheduler address). Only the batch tasks go there: the workers return staged batches (Arrow tables) and the
single DuckDB writer (stage and merge) stays in the flow's process, because a DuckDB file has one
writer at a time (warehouse.py).

Spec strings, as given to `ingest(cluster=...)` and `vnrok-etl ingest --cluster [ADDRESS]`:
`threads` (the flow's own thread pool), `processes[:N]` (Prefect's process pool),
`local` (Dask, one worker per core), `local:N` (N workers), or a scheduler address such as
`tcp://10.0.0.5:8786`. Starting a LocalCluster costs several seconds and each task on it some
hundreds of milliseconds (shared/notes/prefect-offline.md), so it pays only for large loads.
Workers report their task runs to a Prefect API. Local ones (processes, `local[:N]`) are
given the flow's own, its temporary server's included (`running`); workers of a real cluster
need PREFECT_API_URL set to a server they can reach, or each one starts a temporary server.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flows.lifeline import die_with_parent, stop_workers

if TYPE_CHECKING:
    from prefect.task_runners import ProcessPoolTaskRunner
    from prefect_dask import DaskTaskRunner

LOCAL = re.compile(r"^local(?::(\d+))?$")
PROCESS_POOL_MIN_BATCHES = 4  # measured: below ~2,000 documents the pool's start-up is not repaid
PROCESSES = re.compile(r"^processes(?::(\d+))?$")


class ClusterError(ValueError):
    """The cluster spec is malformed, or the `cluster` extra is not installed."""


def batch_task_runner(spec: str | None, batches: int) -> DaskTaskRunner | ProcessPoolTaskRunner | None:
    """The task runner for `batches` batch tasks; None is the flow's own thread pool."""
    if spec is None:
        cores = os.cpu_count() or 1
        large = cores > 1 and batches >= PROCESS_POOL_MIN_BATCHES
        spec = "processes" if large and main_module_reimportable() else "threads"
    return None if spec.strip() == "threads" else dask_task_runner(spec)


@contextmanager
def running(runner: DaskTaskRunner | ProcessPoolTaskRunner | None) -> Iterator[None]:
    """The runner started for the block (None: nothing to start), local workers using this
    process's Prefect API.

    With no PREFECT_API_URL, Prefect starts a temporary server in each process that needs an
    API, and a spawned worker has no URL to inherit: every pool or LocalCluster worker started
    a server of its own (3.3 s of CPU and ~250 MB each; `vnrok-etl ingest` of 10k documents
    without a server took 25.3 s and 1.56 GB for its processes, 19.8 s and 1.0 GB now).
    The runners pass the flow's settings to their workers with each task, so the URL of the
    server this process talks to goes with them.
    """
    if runner is None:
        yield
        return
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    remote = getattr(runner, "address", None) is not None  # a scheduler address: not our loopback
    url = None if remote or PREFECT_API_URL.value() else str(get_client(sync_client=True).api_url)
    with temporary_settings(updates={PREFECT_API_URL: url} if url else {}), runner:
        try:
            yield
        except BaseException as stop:
            if not isinstance(stop, Exception):  # a stop signal (Prefect's SIGTERM handler comes
                stop_workers()                   # first): the runner's exit must not wait for batches
            raise


def main_module_reimportable() -> bool:
    """Whether a spawned worker may import this program's main module, as spawn does.

    Prefect's process pool starts workers with "spawn", which imports the main module again in
    each: harmless for `vnrok-etl`, `python -m ...` (Prefect's runner, pytest) and notebooks,
    but a plain script that calls the flow without `if __name__ == "__main__":` would start
    the flow again in every worker. Such a script gets threads unless it asks for processes.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or getattr(main, "__spec__", None) is not None or Path(path).name == "vnrok-etl"


def dask_task_runner(spec: str) -> DaskTaskRunner | ProcessPoolTaskRunner:
    """A DaskTaskRunner for `local`, `local:N` or a scheduler address.

    `processes` or `processes:N` is Prefect's own ProcessPoolTaskRunner: both cores of one
    machine without Dask's scheduler, nanny and worker start-up.
    """
    spec = spec.strip()
    processes = PROCESSES.match(spec)
    if processes:
        from prefect.task_runners import ProcessPoolTaskRunner

        # Workers die with the flow's process, however it dies (flows/lifeline.py).
        return ProcessPoolTaskRunner(
            max_workers=int(processes.group(1) or os.cpu_count() or 1),
            initializer=die_with_parent, initargs=(os.getpid(),),
        )
    match = LOCAL.match(spec)
    if match is None and "://" not in spec and ":" not in spec:
        raise ClusterError(
            f"cluster must be 'threads', 'processes[:N]', 'local[:N]' or a scheduler address, not {spec!r}"
        )
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise ClusterError(
            "running on Dask needs prefect-dask: pip install 'vnrok-etl[cluster]'"
        ) from None
    if match is None:
        return DaskTaskRunner(address=spec)
    workers = int(match.group(1) or os.cpu_count() or 1)
    if workers < 1:
        raise ClusterError(f"a local cluster needs at least one worker, not {workers}")
    cluster_kwargs: dict[str, Any] = {
        "n_workers": workers,
        "threads_per_worker": 1,  # pure-Python batches: a second thread only fights for the GIL
        "processes": True,
        "dashboard_address": None,  # no web server (and no port clash) for a batch job
    }
    return DaskTaskRunner(cluster_class="distributed.LocalCluster", cluster_kwargs=cluster_kwargs)
