"""Prefect flows over the vnrok_etl library.

Prefect reads its settings when it is first imported, so the project's defaults are set here,
before any flow module imports it: Prefect's home inside the project (git-ignored), no analytics
on the server nor telemetry from the client (no network at run time, no notice about it), a
start-up limit the embedded server actually meets on these machines
(10-33 s measured; the default 20 s times out), and a task-run recorder batch large enough for
bursts. Concurrency leases are kept on disk, not in the server's memory: with the default, a
server restarted while a run held the warehouse slot would keep that slot taken for good
(PrefectHQ/prefect#17415). Anything already set in the environment wins.

When PREFECT_API_URL is not set and a local server (`vnrok-etl server`) answers on
127.0.0.1:$VNROK_PREFECT_PORT (default 4200), flows and the CLI use it, so runs show up in its UI
and share its deployments and concurrency limit; otherwise every process starts Prefect's
temporary embedded server, as before. The probe is one loopback request of at most 0.3 s (a
refused connection answers at once; a listening but busy server gets 3 s more);
VNROK_PREFECT_PORT=0 turns it off (tests that must not touch a developer's server).
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SERVER_PORT = 4200
PROBE_TIMEOUT_SECONDS = 0.3
BUSY_SERVER_TIMEOUT_SECONDS = 3.0

PREFECT_DEFAULTS = {
    "PREFECT_HOME": str(PROJECT_ROOT / ".prefect"),
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "200",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "PREFECT_SERVER_CONCURRENCY_LEASE_STORAGE": "prefect.server.concurrency.lease_storage.filesystem",
    "PREFECT_RUNNER_POLL_FREQUENCY": "2",  # `vnrok-etl serve` starts a triggered run within 2 s, not 10
    # The client's own telemetry (Prefect 3.8 prints "Prefect collects anonymous usage data" once
    # per PREFECT_HOME in a terminal): the server setting above does not cover it, this does.
    "DO_NOT_TRACK": "1",
}


def local_server_port() -> int:
    """$VNROK_PREFECT_PORT, else 4200; 0 means "never use a local server"."""
    return int(os.environ.get("VNROK_PREFECT_PORT") or DEFAULT_SERVER_PORT)


def local_server_url(port: int | None = None) -> str:
    """The API URL of the project's local server on loopback."""
    return f"http://127.0.0.1:{port or local_server_port()}/api"


def probe_server(api_url: str, timeout: float = PROBE_TIMEOUT_SECONDS) -> bool | None:
    """True when a Prefect server answers its health check at `api_url` within `timeout`,
    None when something accepted the connection but did not answer in time, else False."""
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout) as response:
            return response.status == 200 and response.read(16).strip() == b"true"
    except TimeoutError:
        return None
    except urllib.error.URLError as error:
        return None if isinstance(error.reason, TimeoutError) else False
    except (OSError, ValueError):  # refused, reset, or not an HTTP answer
        return False


def server_is_up(api_url: str, timeout: float = PROBE_TIMEOUT_SECONDS) -> bool:
    return probe_server(api_url, timeout) is True


def use_local_server(timeout: float = PROBE_TIMEOUT_SECONDS) -> str | None:
    """Point Prefect at the local server when it is up and nothing else was chosen.

    No server costs one refused connection. A server that accepts but is too busy to answer in
    `timeout` (starting its services, on a loaded machine) gets one more, longer chance: it is
    there, and falling back to a temporary server would cost 10-30 s anyway.
    """
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    if local_server_port() == 0:
        return None
    url = local_server_url()
    answer = probe_server(url, timeout)
    if answer is None:
        answer = probe_server(url, BUSY_SERVER_TIMEOUT_SECONDS)
    if answer:
        os.environ["PREFECT_API_URL"] = url
        return url
    return None


HEARTBEAT_VARIABLE = "PREFECT_FLOWS_HEARTBEAT_FREQUENCY"


@contextmanager
def watched_run() -> Iterator[None]:
    """Settings for a flow run called in this process by a caller that sees it end (CLI, benchmark).

    Prefect 3.8's flow-run heartbeat thread sleeps in one-second steps and is joined when the
    run ends, so each run called in-process lasts up to a second longer than its work (an empty
    flow: 1.2 s with it, 0.3 s without). Heartbeats serve only to detect a run whose process
    died, through an automation; here the caller sees that itself. Setting
    PREFECT_FLOWS_HEARTBEAT_FREQUENCY keeps them.
    """
    if os.environ.get(HEARTBEAT_VARIABLE):
        yield
        return
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


for _name, _value in PREFECT_DEFAULTS.items():
    os.environ.setdefault(_name, _value)

use_local_server()
