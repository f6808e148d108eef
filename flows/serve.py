"""`vnrok-etl serve`: the inbox deployment, served from this process on a schedule.

The deployment `ingest/inbox` runs the ordinary ingest flow over the inbox folder: files already
loaded cost one hash (their bytes are known), new ones are loaded, and files still being written
(modified less than settle_seconds ago, or named *.part, *.tmp, ~$*, .*) wait for the next run.
No state is kept besides the warehouse, so a missed or doubled run is harmless.

Schedules need a real Prefect server (the embedded one refuses them), so serving starts only when
one is up: `vnrok-etl server`, or PREFECT_API_URL. flows/deploy.py and prefect.yaml declare the
same deployment for a worker instead of this process.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from flows import local_server_url, use_local_server

FLOW_NAME = "ingest"
DEPLOYMENT_NAME = "inbox"
DEFAULT_CRON = "*/15 * * * *"
DEFAULT_SETTLE_SECONDS = 5.0
REQUIRED_SERVER_PROBE_SECONDS = 5.0  # serving needs the server: worth waiting for a busy one
EXIT_FAILED = 1
EXIT_USAGE = 2


def inbox_parameters(inbox: str | Path, warehouse: str | Path, settle_seconds: float) -> dict[str, object]:
    """The flow parameters of an inbox deployment (served or deployed to a worker)."""
    return {"paths": [str(inbox)], "warehouse": str(warehouse), "settle_seconds": settle_seconds}


def schedule_text(cron: str | None, interval: int | None) -> str:
    return f"every {interval} s" if interval else f"on cron '{cron}' (UTC)"


def serve_inbox(
    inbox: str,
    warehouse: str,
    cron: str | None = None,
    interval: int | None = None,
    name: str = DEPLOYMENT_NAME,
    settle_seconds: float = DEFAULT_SETTLE_SECONDS,
) -> int:
    """Serve `ingest/<name>` until Ctrl-C; returns an exit code."""
    folder = Path(inbox).expanduser().resolve()
    if not folder.is_dir():
        print(f"vnrok-etl: error: inbox {inbox} is not a folder (create it first: mkdir -p {inbox})", file=sys.stderr)
        return EXIT_USAGE
    use_local_server(timeout=REQUIRED_SERVER_PROBE_SECONDS)
    from flows.server import ensure_warehouse_limit, real_server_configured

    if not real_server_configured():
        print(
            f"vnrok-etl: error: no Prefect server at {local_server_url()} and PREFECT_API_URL is not set;"
            " schedules need one: run `vnrok-etl server` in another terminal first",
            file=sys.stderr,
        )
        return EXIT_FAILED
    from flows.ingest import ingest
    from prefect.deployments.runner import EntrypointType
    from prefect.settings import get_current_settings

    cron = None if interval else cron or DEFAULT_CRON
    ensure_warehouse_limit()
    print(
        f"vnrok-etl: serving '{FLOW_NAME}/{name}' on {get_current_settings().api.url}: ingest new files in {folder}"
        f" into {warehouse} {schedule_text(cron, interval)}, skipping files younger than {settle_seconds:g} s.\n"
        f"  run it now:  prefect deployment run '{FLOW_NAME}/{name}'\n"
        "  Ctrl-C stops serving (and pauses the schedule)",
        file=sys.stderr,
    )
    _sigterm_as_ctrl_c()
    try:
        ingest.serve(
            name=name,
            cron=cron,
            interval=interval,
            parameters=inbox_parameters(folder, warehouse, settle_seconds),
            description=f"Ingest whatever is new in {folder}",
            tags=["vnrok", "inbox"],
            print_starting_message=False,
            # the run's process imports flows.ingest, so serving works from any directory
            entrypoint_type=EntrypointType.MODULE_PATH,
        )
    except KeyboardInterrupt:
        pass  # Ctrl-C, or SIGTERM: Prefect's runner may also return normally after either
    print(f"vnrok-etl: stopped serving '{FLOW_NAME}/{name}'", file=sys.stderr)
    return 0


def _sigterm_as_ctrl_c() -> None:
    """SIGTERM stops serving exactly as Ctrl-C does (the schedule paused, one line, exit 0).

    Prefect 3.8's runner answers SIGTERM by calling its async stop without awaiting it ("coroutine
    'Runner.astop' was never awaited") and carries on serving, so a service manager or `docker
    stop` had to SIGKILL it. This process only serves, so the runner's handler is replaced for it:
    the signal becomes the SIGINT that the runner already handles well.
    """
    from prefect.runner import Runner

    Runner.handle_sigterm = lambda self, *args: os.kill(os.getpid(), signal.SIGINT)  # type: ignore[method-assign]
