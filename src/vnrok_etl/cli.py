"""The `vnrok-etl` command: a thin layer over the library and the Prefect flows.

Each command opens the warehouse or triggers one flow, turns library errors into one clear line
on stderr with a non-zero exit, and shows an example in its help (sqlite-utils' style). Prefect is
imported only by the commands that run flows, so `vnrok-etl sql` answers in a fraction of a second.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import signal
import sys
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from vnrok_etl.sources import SourceError
from vnrok_etl.warehouse import WarehouseError, resolve_warehouse

EXIT_FAILED = 1
EXIT_USAGE = 2

EXAMPLES = {
    "ingest": "example: vnrok-etl ingest seeds/ inbox/new-article.html --warehouse warehouse/vnrok.duckdb",
    "crawl": (
        "examples: vnrok-etl crawl https://example.com/rss/world.rss https://example.com/news/some-article.html\n"
        "          vnrok-etl crawl --sources sources.toml   (the outlets listed there; the default without URLs)\n"
        "          vnrok-etl crawl --check                  (is each address of sources.toml a live feed or sitemap?)"
    ),
    "sql": (
        "example: vnrok-etl sql \"SELECT source, count(*) FROM articles GROUP BY source\" --format csv"
    ),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (SourceError, WarehouseError) as error:
        print(f"vnrok-etl: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt as stop:
        name = getattr(stop, "signal_name", "SIGINT")
        print(f"vnrok-etl: stopped by {name}; the warehouse is unchanged by the unfinished load", file=sys.stderr)
        return 128 + signal.Signals[name].value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnrok-etl",
        description="Ingest news articles into a DuckDB warehouse and query it with SQL.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser(
        "ingest", help="run the ingest flow over files and folders", epilog=EXAMPLES["ingest"],
        description="Run the Prefect ingest flow over article files (.txt, .html) and folders.",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (walked recursively)")
    _warehouse_option(ingest)
    ingest.add_argument("--batch-size", type=_positive_int, default=None, help="documents per task run")
    _chunk_option(ingest)
    ingest.add_argument(
        "--cluster", nargs="?", const="local", default=None, metavar="SPEC",
        help="where the batch tasks run: threads (the flow's thread pool), processes[:N] (a "
             "process pool on this machine; the default for loads of 2,000+ documents on several "
             "cores), or Dask: a local cluster (bare flag, or local:N workers) or a scheduler "
             "address like tcp://host:8786 (Dask needs the `cluster` extra)",
    )
    ingest.set_defaults(run=run_ingest)

    reprocess = commands.add_parser(
        "reprocess", help="re-run today's rules over the raw documents the warehouse keeps",
        epilog='example: vnrok-etl reprocess --where "source = \'VNA\' AND published_date >= DATE \'2025-01-01\'"',
        description="Run the Prefect reprocess flow: decode, clean and extract the kept raw documents "
                    "again, replacing what they had made; by default those whose rows another "
                    "extraction version made.",
    )
    _warehouse_option(reprocess)
    which = reprocess.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", dest="everything", help="every kept document")
    which.add_argument("--where", metavar="SQL", help="the documents of the articles this condition on `articles` selects")
    reprocess.add_argument("--batch-size", type=_positive_int, default=None, help="documents per task run")
    _chunk_option(reprocess)
    reprocess.add_argument("--cluster", nargs="?", const="local", default=None, metavar="SPEC",
                           help="where the batch tasks run, as for ingest")
    reprocess.set_defaults(run=run_reprocess)
    crawl = commands.add_parser(
        "crawl", help="fetch feeds, sitemaps or pages and ingest the new articles", epilog=EXAMPLES["crawl"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Run the Prefect crawl flow: each URL is an RSS/Atom feed, a (news) sitemap or sitemap\n"
                    "index, or an article page; articles not yet in the warehouse are fetched (politely:\n"
                    "robots.txt, per-host limits, conditional GET) and ingested like files.",
    )
    crawl.add_argument("urls", nargs="*", metavar="URL", help="feeds, sitemaps or article pages")
    crawl.add_argument("--sources", metavar="FILE", default=None,
                       help="TOML file of outlets to follow (default without URLs: the project's sources.toml)")
    _warehouse_option(crawl)
    crawl.add_argument("--max-new", type=_positive_int, default=None, metavar="N",
                       help="new articles fetched per feed or sitemap (default: the sources file's, else 50)")
    crawl.add_argument("--batch-size", type=_positive_int, default=None, help="documents per task run")
    crawl.add_argument("--check", action="store_true",
                       help="only ask each feed, sitemap or page once and say what it is and what it lists;"
                            " fetches no article, writes nothing (checks sources.toml's addresses)")
    crawl.set_defaults(run=run_crawl)

    sql = commands.add_parser(
        "sql", help="run read-only SQL against the warehouse", epilog=EXAMPLES["sql"],
        description="Run one read-only SQL query; the warehouse is opened read-only.",
    )
    sql.add_argument("query", help="the SQL query")
    _warehouse_option(sql)
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.set_defaults(run=run_sql)

    server = commands.add_parser(
        "server", help="run a local Prefect server (UI and API) on 127.0.0.1",
        epilog="example: vnrok-etl server --port 4200",
        description="Run a Prefect server for the project; ingest and serve use it while it is up.",
    )
    server.add_argument("--host", default="127.0.0.1")
    server.add_argument("--port", type=_positive_int, default=4200)
    server.set_defaults(run=run_server)

    serve = commands.add_parser(
        "serve", help="serve scheduled deployments that ingest an inbox and/or crawl outlets",
        epilog='examples: vnrok-etl serve --inbox inbox/ --cron "*/15 * * * *"\n'
               '          vnrok-etl serve --sources sources.toml --interval 600',
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Serve the inbox deployment (on schedule, ingest whatever is new in the inbox) and/or\n"
                    "the crawl deployment (on schedule, fetch new articles from the outlets of a sources file).",
    )
    serve.add_argument("--inbox", metavar="DIR", help="folder to watch")
    serve.add_argument("--sources", metavar="FILE", help="TOML file of outlets to crawl (e.g. sources.toml)")
    when = serve.add_mutually_exclusive_group()
    when.add_argument("--cron", metavar="EXPR", help='cron schedule, e.g. "*/15 * * * *"')
    when.add_argument("--interval", type=_positive_int, metavar="SECONDS", help="run every SECONDS")
    serve.add_argument("--name", default="inbox", help="inbox deployment name (default: inbox)")
    serve.add_argument("--crawl-name", default="sources", help="crawl deployment name (default: sources)")
    serve.add_argument("--settle-seconds", type=float, default=5.0,
                       help="ignore files modified more recently than this (still being written)")
    _warehouse_option(serve)
    serve.set_defaults(run=run_serve)

    report = commands.add_parser(
        "report", help="write a self-contained HTML report of the warehouse",
        epilog="example: vnrok-etl report --since 2024-01 --source VNA VNS --rows 30 --out report.html",
        description="Write an HTML report (counts, charts over time, conflicts, claims, figures, speakers) "
                    "that opens offline. Every table shows its first rows and the SQL that lists them all; "
                    "the filters apply to every section.",
    )
    report.add_argument("--out", default="report.html", metavar="FILE.html")
    report.add_argument("--since", metavar="DATE", help="articles published on or after DATE (YYYY-MM-DD, YYYY-MM, YYYY)")
    report.add_argument("--until", metavar="DATE", help="articles published on or before DATE (YYYY-MM-DD, YYYY-MM, YYYY)")
    report.add_argument("--source", nargs="+", action="extend", metavar="CODE", dest="sources",
                        help="only these sources as printed (VNA, VNS, NDO, VNA/VNS); repeatable")
    report.add_argument("--speaker", metavar="NAME",
                        help="articles quoting this speaker, and only their quotes (diacritics and case ignored)")
    report.add_argument("--claim", metavar="TEXT", help='figures whose claim mentions TEXT (e.g. "bilateral trade")')
    report.add_argument("--rows", type=_positive_int, default=50, metavar="N", help="rows per table (default 50)")
    _warehouse_option(report)
    report.set_defaults(run=run_report)

    export = commands.add_parser(
        "export", help="export the analyst marts as Parquet or CSV files",
        epilog="example: vnrok-etl export --format parquet exports/",
        description="Export every analyst mart (view) and core table to one file each in DIR.",
    )
    export.add_argument("directory", metavar="DIR")
    export.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    export.add_argument(
        "--raw", action="store_true",
        help="instead, write every stored raw document byte for byte as DIR/<sha256>, with "
             "DIR/sightings.csv saying where and when each was seen",
    )
    _warehouse_option(export)
    export.set_defaults(run=run_export)
    return parser


def run_ingest(args: argparse.Namespace) -> int:
    from vnrok_etl.sources import discover_paths

    warehouse = str(resolve_warehouse(args.warehouse))
    discover_paths(args.paths)  # fail fast on a mistyped path, before Prefect starts
    print(f"vnrok-etl: ingesting {', '.join(args.paths)} into {warehouse} (starting Prefect)...", file=sys.stderr)
    from flows import watched_run
    from flows.cluster import ClusterError, dask_task_runner
    from flows.ingest import ingest
    from vnrok_etl.summary import summary_text
    from vnrok_etl.warehouse import LoadCounts

    if args.cluster and args.cluster.strip() != "threads":
        try:
            dask_task_runner(args.cluster)  # a bad spec or a missing extra fails before the run
        except ClusterError as error:
            print(f"vnrok-etl: error: {error}", file=sys.stderr)
            return EXIT_USAGE
    from flows.lifeline import clean_stop, temporary_server

    # A stop signal or a kill leaves no process behind (the temporary server and workers die
    # with this one) and records the load as interrupted (flows/lifeline.py).
    with clean_stop(), temporary_server(), watched_run():
        state = ingest(
            paths=list(args.paths), warehouse=warehouse, batch_size=args.batch_size, cluster=args.cluster,
            chunk_size=args.chunk_size, return_state=True,
        )
    if not state.is_completed():
        print(f"vnrok-etl: error: ingest flow {state.name.lower()}: {_state_message(state)}", file=sys.stderr)
        return EXIT_FAILED
    result = state.result()
    counts = LoadCounts.from_dict(result)
    print(summary_text(counts, result["seconds"], warehouse))
    return 0


def run_reprocess(args: argparse.Namespace) -> int:
    from vnrok_etl.batching import DEFAULT_CHUNK_SIZE
    from vnrok_etl.reprocess import plan_reprocess

    warehouse = str(resolve_warehouse(args.warehouse))
    # A bad filter or a warehouse without kept documents fails here, before Prefect starts.
    todo = plan_reprocess(warehouse, args.where, args.everything, args.chunk_size or DEFAULT_CHUNK_SIZE)
    if not todo.sightings:
        print(f"nothing to reprocess in {warehouse}: every kept document's rows carry {todo.version}"
              if args.where is None and not args.everything else f"no kept document selected in {warehouse}")
        if todo.without_raw:
            print(f"{todo.without_raw} document(s) were loaded before raw documents were kept: ingest their files again")
        return 0
    print(f"vnrok-etl: reprocessing {todo.sightings} kept document(s) of {warehouse} (starting Prefect)...", file=sys.stderr)
    from flows import watched_run
    from flows.lifeline import clean_stop, temporary_server
    from flows.reprocess import reprocess

    with clean_stop(), temporary_server(), watched_run():
        state = reprocess(
            warehouse=warehouse, where=args.where, everything=args.everything, chunk_size=args.chunk_size,
            batch_size=args.batch_size, cluster=args.cluster, return_state=True,
        )
    if not state.is_completed():
        print(f"vnrok-etl: error: reprocess flow {state.name.lower()}: {_state_message(state)}", file=sys.stderr)
        return EXIT_FAILED
    result = state.result()
    print(
        f"reprocessed {result['documents']} document(s) in {result['chunks']} chunk(s) with {result['version']}:"
        f" {result.get('articles_new', 0)} article(s), {result.get('figures_new', 0)} figure(s),"
        f" {result.get('quotes_new', 0)} quote(s), {result.get('rejections_new', 0)} rejection(s)"
        f" in {result['seconds'].get('wall', 0):.1f} s"
    )
    if result["without_raw"]:
        print(f"{result['without_raw']} selected document(s) were loaded before raw documents were kept: ingest their files again")
    return 0


def run_crawl(args: argparse.Namespace) -> int:
    from vnrok_etl.web.outlets import DEFAULT_SOURCES, OutletsError, load_targets
    from vnrok_etl.web.urls import BadUrl, clean_url

    warehouse = str(resolve_warehouse(args.warehouse))
    sources = args.sources or (None if args.urls else str(DEFAULT_SOURCES))
    try:  # fail fast on a mistyped URL or sources file, before Prefect starts
        for url in args.urls:
            clean_url(url)
        outlets = load_targets(sources) if sources else []
    except (BadUrl, OutletsError) as error:
        print(f"vnrok-etl: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.check:
        return _check_crawl_targets(args.urls, outlets)
    what = ", ".join(args.urls) if args.urls else ""
    if sources:
        what += f"{' and ' if what else ''}{len(outlets)} feed(s)/sitemap(s) of {sources}"
    print(f"vnrok-etl: crawling {what} into {warehouse} (starting Prefect)...", file=sys.stderr)
    from flows import watched_run
    from flows.crawl import crawl_flow
    from flows.lifeline import clean_stop, temporary_server
    from vnrok_etl.summary import summary_text
    from vnrok_etl.warehouse import LoadCounts

    with clean_stop(), temporary_server(), watched_run():
        state = crawl_flow(
            urls=list(args.urls), sources=sources, warehouse=warehouse, batch_size=args.batch_size,
            max_new_per_source=args.max_new, return_state=True,
        )
    if not state.is_completed():
        print(f"vnrok-etl: error: crawl flow {state.name.lower()}: {_state_message(state)}", file=sys.stderr)
        return EXIT_FAILED
    result = state.result()
    tally = {**result["crawl"], **{f"failed: {kind}": count for kind, count in result["failures"].items()}}
    print("crawl: " + ", ".join(f"{name} {count}" for name, count in sorted(tally.items())) +
          f"; {result['requests']} HTTP request(s)")
    print(summary_text(LoadCounts.from_dict(result), result["seconds"], warehouse))
    return 0


def _check_crawl_targets(urls: list[str], outlets: list) -> int:
    """`crawl --check`: one line per URL (ok or FAIL, what it is, what it lists); exit 1 if any failed."""
    from vnrok_etl.web.check import check_targets
    from vnrok_etl.web.outlets import Target
    from vnrok_etl.web.urls import clean_url

    targets = [Target(clean_url(url)) for url in urls] + outlets
    print(f"vnrok-etl: checking {len(targets)} URL(s); no article is fetched, nothing is written", file=sys.stderr)
    results = check_targets(targets)
    for result in results:
        print(result.line())
    failed = sum(not result.ok for result in results)
    print(f"vnrok-etl: {len(results) - failed} of {len(results)} answered as expected", file=sys.stderr)
    return EXIT_FAILED if failed else 0


def run_server(args: argparse.Namespace) -> int:
    from flows.server import run_server as start

    return start(host=args.host, port=args.port)


def run_serve(args: argparse.Namespace) -> int:
    if not (args.inbox or args.sources):
        print("vnrok-etl: error: serve needs --inbox DIR, --sources FILE, or both", file=sys.stderr)
        return EXIT_USAGE
    from flows.serve import serve_inbox

    return serve_inbox(
        inbox=args.inbox, warehouse=str(resolve_warehouse(args.warehouse)), cron=args.cron,
        interval=args.interval, name=args.name, settle_seconds=args.settle_seconds,
        sources=args.sources, crawl_name=args.crawl_name,
    )


def run_report(args: argparse.Namespace) -> int:
    from vnrok_etl.report import ReportFilterError, ReportFilters, write_report

    try:
        filters = ReportFilters.parse(args.since, args.until, args.sources, args.speaker, args.claim)
    except ReportFilterError as error:
        print(f"vnrok-etl: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    path = write_report(resolve_warehouse(args.warehouse), args.out, filters=filters, rows=args.rows)
    print(f"report written to {path}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from vnrok_etl.export import export_marts

    if args.raw:
        from vnrok_etl.rawstore import export_raw

        written, manifest = export_raw(resolve_warehouse(args.warehouse), args.directory)
        print(f"exported {written} raw document(s) to {args.directory} (where and when seen: {manifest.name})")
        return 0
    files = export_marts(resolve_warehouse(args.warehouse), args.directory, args.format)
    print(f"exported {len(files)} file(s) to {args.directory}")
    return 0


def run_sql(args: argparse.Namespace) -> int:
    from vnrok_etl.warehouse import query_read_only

    try:
        columns, rows = query_read_only(resolve_warehouse(args.warehouse), args.query)
    except WarehouseError as error:
        print(f"vnrok-etl: error: {one_line(str(error))}", file=sys.stderr)
        return EXIT_FAILED
    sys.stdout.write(format_rows(columns, rows, args.format))
    return 0


def one_line(message: str) -> str:
    """DuckDB's multi-line error as one line: the error, then its hint ("Did you mean ...?").

    DuckDB adds the query text with a caret under the error ("LINE 1: SELECT ... ^"); the query
    is the user's own, so that part is dropped rather than folded into the line.
    """
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    kept = [line for line in lines if not line.startswith("LINE ") and set(line) != {"^"}]
    return " ".join(kept)


def format_rows(columns: list[str], rows: list[tuple], style: str) -> str:
    """Rows as an aligned text table, CSV or a JSON array of objects."""
    if style == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], default=_json_value, ensure_ascii=False, indent=2) + "\n"
    if style == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if value is None else value for value in row] for row in rows])
        return out.getvalue()
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(columns)]
    lines = [" | ".join(name.ljust(width) for name, width in zip(columns, widths))]
    lines.append("-+-".join("-" * width for width in widths))
    lines += [" | ".join(cell.ljust(width) for cell, width in zip(row, widths)) for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return "NULL"
    text = str(value).replace("\n", " ")
    return text if len(text) <= 80 else text[:77] + "..."


def _json_value(value: object) -> object:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _state_message(state: object) -> str:
    try:
        state.result()  # type: ignore[attr-defined]
    except Exception as error:  # noqa: BLE001 - the flow's own failure, shown as one line
        return f"{type(error).__name__}: {error}"
    return getattr(state, "message", "") or "no details"


def _warehouse_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--warehouse", metavar="FILE", default=None,
        help="DuckDB file (default: $VNROK_WAREHOUSE, else warehouse/vnrok.duckdb)",
    )


def _chunk_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--chunk-size", type=_positive_int, default=None, metavar="N",
        help="documents per chunk: each chunk commits as its own load, in one transaction "
             "(default 10000; a run of at most N documents is one load)",
    )


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


if __name__ == "__main__":
    sys.exit(main())
