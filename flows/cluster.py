"""Running the ingest's batch tasks on Dask (prefect-dask), the merge staying in the flow.

The default task runner is a thread pool: decode, clean and extraction are pure Python, so its
threads share one core under the GIL. A Dask cluster runs batches in worker processes, on this
machine (a LocalCluster, one single-threaded worker per core by default) or on a real cluster
(a scheduler address). Only the batch tasks go there: the workers return staged batches (Arrow tables) and the
single DuckDB writer (stage and merge) stays in the flow's process, because a DuckDB file has one
writer at a time (warehouse.py).

Spec strings, as given to `ingest(cluster=...)` and `vnrok-etl ingest --cluster [ADDRESS]`:
`local` (one worker per core), `local:N` (N workers), or a scheduler address such as
`tcp://10.0.0.5:8786`. Starting a LocalCluster costs several seconds and each task on it some
hundreds of milliseconds (shared/notes/prefect-offline.md), so it pays only for large loads.
Workers report task runs to the flow's Prefect API: with a temporary server, point
PREFECT_API_URL at a real one, or every worker process starts its own.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from prefect.task_runners import ProcessPoolTaskRunner
    from prefect_dask import DaskTaskRunner

LOCAL = re.compile(r"^local(?::(\d+))?$")
PROCESSES = re.compile(r"^processes(?::(\d+))?$")


class ClusterError(ValueError):
    """The cluster spec is malformed, or the `cluster` extra is not installed."""


def dask_task_runner(spec: str) -> DaskTaskRunner | ProcessPoolTaskRunner:
    """A DaskTaskRunner for `local`, `local:N` or a scheduler address.

    `processes` or `processes:N` is Prefect's own ProcessPoolTaskRunner: both cores of one
    machine without Dask's scheduler, nanny and worker start-up.
    """
    spec = spec.strip()
    processes = PROCESSES.match(spec)
    if processes:
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=int(processes.group(1) or os.cpu_count() or 1))
    match = LOCAL.match(spec)
    if match is None and "://" not in spec and ":" not in spec:
        raise ClusterError(
            f"cluster must be 'processes[:N]', 'local[:N]' or a scheduler address, not {spec!r}"
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
