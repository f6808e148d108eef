"""`vnrok-etl serve`: the inbox and/or crawl deployments, served from this process on a schedule.

The deployment `ingest/inbox` runs the ordinary ingest flow over the inbox folder: files already
loaded cost one hash (their bytes are known), new ones are loaded, and files still being written
(modified less than settle_seconds ago, or named *.part, *.tmp, ~$*, .*) wait for the next run.
The deployment `crawl/sources` runs the crawl flow over the outlets of a sources.toml: feeds and
sitemaps are polled with conditional GETs (an unchanged one transfers nothing), new articles are
fetched and loaded. `--inbox`, `--sources` or both: one process serves what it is given, on one
schedule. No state is kept besides the warehouse and the crawl's file beside it, so a missed or
doubled run is harmless.

Schedules need a real Prefect server (the embedded one refuses them), so serving starts only when
one is up: `vnrok-etl server`, or PREFECT_API_URL. If that server goes away later, serving goes
on: one line says so, one line says when it answers again, scheduled runs resume
(flows/server_watch.py). flows/deploy.py and prefect.yaml declare the
same deployments for a worker instead of this process.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from flows import local_server_url, use_local_server

FLOW_NAME = "ingest"
DEPLOYMENT_NAME = "inbox"
CRAWL_FLOW_NAME = "crawl"
CRAWL_DEPLOYMENT_NAME = "sources"
DEFAULT_CRON = "*/15 * * * *"
DEFAULT_SETTLE_SECONDS = 5.0
REQUIRED_SERVER_PROBE_SECONDS = 5.0  # serving needs the server: worth waiting for a busy one
EXIT_FAILED = 1
EXIT_USAGE = 2


def inbox_parameters(inbox: str | Path, warehouse: str | Path, settle_seconds: float) -> dict[str, object]:
    """The flow parameters of an inbox deployment (served or deployed to a worker)."""
    return {"paths": [str(inbox)], "warehouse": str(warehouse), "settle_seconds": settle_seconds}


def crawl_parameters(sources: str | Path, warehouse: str | Path) -> dict[str, object]:
    """The flow parameters of a crawl deployment (served or deployed to a worker)."""
    return {"sources": str(sources), "warehouse": str(warehouse)}


def schedule_text(cron: str | None, interval: int | None) -> str:
    return f"every {interval} s" if interval else f"on cron '{cron}' (UTC)"


def serve_inbox(
    inbox: str | None,
    warehouse: str,
    cron: str | None = None,
    interval: int | None = None,
    name: str = DEPLOYMENT_NAME,
    settle_seconds: float = DEFAULT_SETTLE_SECONDS,
    sources: str | None = None,
    crawl_name: str = CRAWL_DEPLOYMENT_NAME,
) -> int:
    """Serve `ingest/<name>` (with an inbox) and/or `crawl/<crawl_name>` (with a sources file)
    until Ctrl-C or SIGTERM; returns an exit code."""
    folder = Path(inbox).expanduser().resolve() if inbox else None
    if folder is not None and not folder.is_dir():
        print(f"vnrok-etl: error: inbox {inbox} is not a folder (create it first: mkdir -p {inbox})", file=sys.stderr)
        return EXIT_USAGE
    sources_file = Path(sources).expanduser().resolve() if sources else None
    if sources_file is not None:
        from vnrok_etl.web.outlets import OutletsError, load_targets

        try:
            outlets = {target.outlet for target in load_targets(sources_file)}
        except OutletsError as error:
            print(f"vnrok-etl: error: {error}", file=sys.stderr)
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
    from prefect import serve
    from prefect.deployments.runner import EntrypointType
    from prefect.settings import get_current_settings

    cron = None if interval else cron or DEFAULT_CRON
    ensure_warehouse_limit()
    deployments, served, lines = [], [], []
    # the run's process imports the flow's module, so serving works from any directory
    common = {"cron": cron, "interval": interval, "entrypoint_type": EntrypointType.MODULE_PATH}
    if folder is not None:
        from flows.ingest import ingest

        deployments.append(ingest.to_deployment(
            name=name, parameters=inbox_parameters(folder, warehouse, settle_seconds),
            description=f"Ingest whatever is new in {folder}", tags=["vnrok", "inbox"], **common,
        ))
        served.append(f"'{FLOW_NAME}/{name}'")
        lines.append(f"  '{FLOW_NAME}/{name}': ingest new files in {folder}, skipping files younger than {settle_seconds:g} s")
    if sources_file is not None:
        from flows.crawl import crawl_flow

        deployments.append(crawl_flow.to_deployment(
            name=crawl_name, parameters=crawl_parameters(sources_file, warehouse),
            description=f"Crawl the outlets of {sources_file} for new articles", tags=["vnrok", "crawl"], **common,
        ))
        served.append(f"'{CRAWL_FLOW_NAME}/{crawl_name}'")
        lines.append(f"  '{CRAWL_FLOW_NAME}/{crawl_name}': fetch new articles from {len(outlets)} outlet(s) of {sources_file}")
    first = served[0].strip("'")
    print(
        f"vnrok-etl: serving {' and '.join(served)} on {get_current_settings().api.url} into {warehouse}"
        f" {schedule_text(cron, interval)}:\n" + "\n".join(lines) + "\n"
        f"  run it now:  prefect deployment run '{first}'\n"
        "  Ctrl-C stops serving (and pauses the schedule)",
        file=sys.stderr,
    )
    _sigterm_as_ctrl_c()
    from flows.server_watch import watch_server

    names = [tuple(name.strip("'").split("/", 1)) for name in served]
    try:
        # The server may go away and come back while serving: one line each way (server_watch.py).
        with watch_server(get_current_settings().api.url, names):
            serve(*deployments, print_starting_message=False)
    except KeyboardInterrupt:
        pass  # Ctrl-C, or SIGTERM: Prefect's runner may also return normally after either
    print(f"vnrok-etl: stopped serving {', '.join(served)}", file=sys.stderr)
    return 0


def _sigterm_as_ctrl_c() -> None:
    """SIGTERM stops serving exactly as Ctrl-C does (the schedule paused, one line, exit 0).

    Prefect 3.8's runner answers SIGTERM by calling its async stop without awaiting it ("coroutine
    'Runner.astop' was never awaited") and carries on serving, so a service manager or `docker
    stop` had to SIGKILL it. This process only serves, so the runner's handler is replaced for it:
    the signal becomes the SIGINT that the runner already handles well.
    """
    from prefect.runner import Runner

    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        # Started in the background by a script (a shell without job control starts its `&` jobs
        # with SIGINT ignored), Python installs no Ctrl-C handler, and the SIGINT below would do
        # nothing: serving went on after SIGTERM. This process stops on it as on Ctrl-C.
        signal.signal(signal.SIGINT, signal.default_int_handler)
    Runner.handle_sigterm = lambda self, *args: os.kill(os.getpid(), signal.SIGINT)  # type: ignore[method-assign]
