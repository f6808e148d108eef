"""The project's local Prefect server, and the warehouse's writer slot on it.

Schedules need a real server: Prefect's temporary embedded server refuses them ("Cannot
schedule flows on an ephemeral server"), and a deployment triggered from another shell must
reach the process serving it. `vnrok-etl server` runs `prefect server start` on loopback with
the project's settings (flows/__init__.py), so every `vnrok-etl` command finds it there.

Writers are serialized twice. DuckDB already admits one read-write process per file, and
warehouse.connect waits for it with a message; that is the guarantee, and the only one in
embedded mode. On a real server the merge also holds one slot of the global concurrency limit
"vnrok-warehouse" (limit 1), so a waiting run is visible in Prefect's UI, waits in Prefect's
queue rather than polling the file, and a crashed holder's lease expires after LEASE_SECONDS.
The limit is created on demand, so a server started with plain `prefect server start` works too.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from flows import server_is_up  # importing flows applies the project's Prefect settings

if TYPE_CHECKING:
    from prefect.client.schemas.responses import GlobalConcurrencyLimitResponse

WAREHOUSE_LIMIT = "vnrok-warehouse"
LEASE_SECONDS = 60.0  # renewed every 45 s while a merge runs; reclaimed this long after a crash
START_TIMEOUT_SECONDS = 180.0  # ~28 s measured on a fresh database, more on a busy machine
STOP_TIMEOUT_SECONDS = 20.0


def run_server(host: str = "127.0.0.1", port: int = 4200) -> int:
    """Run `prefect server start` until Ctrl-C (or SIGTERM); returns its exit code."""
    url = f"http://{host}:{port}"
    if server_is_up(f"{url}/api", timeout=1.0):
        print(f"vnrok-etl: error: a Prefect server already answers on {url}: use it, or choose another --port", file=sys.stderr)
        return 1
    env = os.environ | {"PREFECT_API_URL": f"{url}/api", "PREFECT_UI_API_URL": f"{url}/api"}
    print(f"vnrok-etl: starting Prefect server on {url} (home {env['PREFECT_HOME']}); Ctrl-C stops it", file=sys.stderr)
    # Same process group as this one: Ctrl-C in a terminal reaches both, and whoever stops
    # this process (a test, a supervisor) stops the server with it.
    process = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)], env=env
    )
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        if wait_until_up(f"{url}/api", START_TIMEOUT_SECONDS, process.poll):
            ensure_warehouse_limit(f"{url}/api")
            print(f"vnrok-etl: Prefect UI at {url} ; API at {url}/api (vnrok-etl uses it while it is up)", file=sys.stderr)
        elif process.poll() is None:
            print(f"vnrok-etl: warning: no answer on {url} after {START_TIMEOUT_SECONDS:.0f} s; still waiting", file=sys.stderr)
        return process.wait()
    except KeyboardInterrupt:
        print("vnrok-etl: stopping the Prefect server", file=sys.stderr)
        stop_process(process)
        return 0
    finally:
        stop_process(process)


def wait_until_up(api_url: str, timeout: float, exited: Callable[[], int | None] = lambda: None) -> bool:
    """Poll the health check until it answers; False if `exited()` reports an exit or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server_is_up(api_url, timeout=1.0):
            return True
        if exited() is not None:
            return False
        time.sleep(0.5)
    return False


def stop_process(process: subprocess.Popen, timeout: float = STOP_TIMEOUT_SECONDS) -> None:
    """SIGINT (a clean shutdown), then SIGTERM, then SIGKILL, until the process has exited."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        if process.poll() is not None:
            return
        process.send_signal(signum)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            continue


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM stops the server as cleanly as Ctrl-C


def ensure_warehouse_limit(api_url: str | None = None) -> GlobalConcurrencyLimitResponse:
    """The "vnrok-warehouse" global concurrency limit (1 slot), created unless it exists."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
    from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound
    from prefect.settings import PREFECT_API_URL, temporary_settings

    updates = {PREFECT_API_URL: api_url} if api_url else {}
    with temporary_settings(updates=updates), get_client(sync_client=True) as client:
        try:
            return client.read_global_concurrency_limit_by_name(WAREHOUSE_LIMIT)
        except ObjectNotFound:
            try:
                client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=WAREHOUSE_LIMIT, limit=1))
            except ObjectAlreadyExists:
                pass  # another run created it first
            return client.read_global_concurrency_limit_by_name(WAREHOUSE_LIMIT)


def real_server_configured() -> bool:
    """True when Prefect talks to a server of its own, not a temporary embedded one."""
    from prefect.settings import get_current_settings

    return bool(get_current_settings().api.url)


@contextmanager
def warehouse_slot(on_wait: Callable[[str], None], wait_seconds: float) -> Iterator[None]:
    """Hold the warehouse's writer slot on the Prefect server; nothing in embedded mode.

    A run that finds the slot taken says so once, then waits in Prefect's queue (a timeout is a
    TimeoutError naming the limit).
    """
    if not real_server_configured():
        yield
        return
    from prefect.concurrency.sync import concurrency

    limit = ensure_warehouse_limit()
    if limit.active_slots >= limit.limit:
        on_wait(f"another load holds the '{WAREHOUSE_LIMIT}' slot; waiting up to {wait_seconds:.0f} s for it")
    # strict: the limit was just ensured, so a missing one is a real error, not a silent skip
    with concurrency(WAREHOUSE_LIMIT, occupy=1, timeout_seconds=wait_seconds, lease_duration=LEASE_SECONDS, strict=True):
        yield
