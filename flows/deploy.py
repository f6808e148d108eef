"""The inbox and crawl deployments for a worker: the same `ingest/inbox` and `crawl/sources`
that `vnrok-etl serve` serves.

Use this (or `prefect deploy --all` with prefect.yaml, which declares the same thing) when runs
should be executed by a long-lived worker instead of the serving process: a `process` work pool
runs each flow run as a subprocess of the worker, in this project's folder and virtualenv.

    python -m flows.deploy --inbox inbox/ --cron "*/15 * * * *"
    python -m flows.deploy --sources sources.toml --interval 600
    prefect worker start --pool vnrok-process
    prefect deployment run 'ingest/inbox'

Needs a real Prefect server (`vnrok-etl server`): a worker cannot poll the embedded one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from uuid import UUID

from flows import PROJECT_ROOT, use_local_server
from flows.serve import (
    CRAWL_DEPLOYMENT_NAME,
    CRAWL_FLOW_NAME,
    DEFAULT_CRON,
    DEFAULT_SETTLE_SECONDS,
    DEPLOYMENT_NAME,
    EXIT_FAILED,
    EXIT_USAGE,
    FLOW_NAME,
    REQUIRED_SERVER_PROBE_SECONDS,
    crawl_parameters,
    inbox_parameters,
    schedule_text,
)

WORK_POOL = "vnrok-process"
ENTRYPOINT = "flows/ingest.py:ingest"
CRAWL_ENTRYPOINT = "flows/crawl.py:crawl_flow"


def ensure_work_pool(name: str = WORK_POOL) -> None:
    """Create the process work pool unless it exists."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists

    with get_client(sync_client=True) as client:
        try:
            client.create_work_pool(WorkPoolCreate(name=name, type="process"))
        except ObjectAlreadyExists:
            pass


def deploy_inbox(
    inbox: str | Path,
    warehouse: str | Path,
    cron: str | None = None,
    interval: int | None = None,
    name: str = DEPLOYMENT_NAME,
    settle_seconds: float = DEFAULT_SETTLE_SECONDS,
    work_pool: str = WORK_POOL,
) -> UUID:
    """Register `ingest/<name>` on the server for `work_pool`; returns the deployment id."""
    folder = Path(inbox).resolve()
    return _deploy(
        ENTRYPOINT, name, work_pool, cron, interval,
        parameters=inbox_parameters(folder, Path(warehouse).resolve(), settle_seconds),
        description=f"Ingest whatever is new in {folder}",
        tags=["vnrok", "inbox"],
    )


def deploy_crawl(
    sources: str | Path,
    warehouse: str | Path,
    cron: str | None = None,
    interval: int | None = None,
    name: str = CRAWL_DEPLOYMENT_NAME,
    work_pool: str = WORK_POOL,
) -> UUID:
    """Register `crawl/<name>` on the server for `work_pool`; returns the deployment id."""
    outlets = Path(sources).resolve()
    return _deploy(
        CRAWL_ENTRYPOINT, name, work_pool, cron, interval,
        parameters=crawl_parameters(outlets, Path(warehouse).resolve()),
        description=f"Crawl the outlets of {outlets} for new articles",
        tags=["vnrok", "crawl"],
    )


def _deploy(
    entrypoint: str, name: str, work_pool: str, cron: str | None, interval: int | None,
    parameters: dict[str, object], description: str, tags: list[str],
) -> UUID:
    """Register one of the project's flows for `work_pool`, run from this checkout."""
    from flows.server import ensure_warehouse_limit
    from prefect import Flow

    ensure_work_pool(work_pool)
    ensure_warehouse_limit()
    # from_source on the project folder: the worker's subprocess runs the flow from this checkout
    flow = Flow.from_source(source=str(PROJECT_ROOT), entrypoint=entrypoint)
    return flow.deploy(
        name=name,
        work_pool_name=work_pool,
        cron=None if interval else cron or DEFAULT_CRON,
        interval=interval,
        parameters=parameters,
        description=description,
        tags=tags,
        build=False,
        push=False,
        print_next_steps=False,
        ignore_warnings=True,  # the "try .serve" hint: serving is `vnrok-etl serve`
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m flows.deploy", description=__doc__.split("\n\n")[0],
        epilog='example: python -m flows.deploy --inbox inbox/ --cron "*/15 * * * *"',
    )
    parser.add_argument("--inbox", metavar="DIR", help="deploy ingest/inbox over this folder")
    parser.add_argument("--sources", metavar="FILE", help="deploy crawl/sources over the outlets of this TOML file")
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--cron", metavar="EXPR")
    when.add_argument("--interval", type=int, metavar="SECONDS")
    parser.add_argument("--name", default=DEPLOYMENT_NAME)
    parser.add_argument("--crawl-name", default=CRAWL_DEPLOYMENT_NAME)
    parser.add_argument("--settle-seconds", type=float, default=DEFAULT_SETTLE_SECONDS)
    parser.add_argument("--warehouse", metavar="FILE", default=None)
    parser.add_argument("--work-pool", default=WORK_POOL)
    args = parser.parse_args(argv)
    if not (args.inbox or args.sources):
        parser.error("give --inbox DIR, --sources FILE, or both")

    use_local_server(timeout=REQUIRED_SERVER_PROBE_SECONDS)
    from flows.server import real_server_configured
    from vnrok_etl.warehouse import resolve_warehouse

    if args.inbox and not Path(args.inbox).is_dir():
        print(f"deploy: error: inbox {args.inbox} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    if args.sources and not Path(args.sources).is_file():
        print(f"deploy: error: sources file {args.sources} does not exist", file=sys.stderr)
        return EXIT_USAGE
    if not real_server_configured():
        print("deploy: error: no Prefect server is up: run `vnrok-etl server` first", file=sys.stderr)
        return EXIT_FAILED
    cron = None if args.interval else args.cron or DEFAULT_CRON
    deployed = []
    if args.inbox:
        deployment_id = deploy_inbox(
            args.inbox, resolve_warehouse(args.warehouse), args.cron, args.interval, args.name,
            args.settle_seconds, args.work_pool,
        )
        deployed.append((f"{FLOW_NAME}/{args.name}", deployment_id))
    if args.sources:
        deployment_id = deploy_crawl(
            args.sources, resolve_warehouse(args.warehouse), args.cron, args.interval, args.crawl_name, args.work_pool
        )
        deployed.append((f"{CRAWL_FLOW_NAME}/{args.crawl_name}", deployment_id))
    for full_name, deployment_id in deployed:
        print(
            f"deployed '{full_name}' ({deployment_id}) to work pool '{args.work_pool}',"
            f" {schedule_text(cron, args.interval)}."
        )
    print(
        f"  start a worker:  prefect worker start --pool {args.work_pool}\n"
        f"  run it now:      prefect deployment run '{deployed[0][0]}'"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
