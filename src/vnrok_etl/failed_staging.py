"""A failed chunk's staged rows, kept in the warehouse until its documents are loaded.

When a data check (or any insert) fails, the chunk is rolled back and its staging folder goes
with the run. Re-running blind to find out why is slow and may not fail the same way; so after
the rollback the chunk's staging tables are copied into the warehouse, in a schema of their own
named after the load (`failed_<load id>`: `stg_articles`, `stg_figures`, ...), and the failed
`loads` row names it. Analysts query it like any table:

    vnrok-etl sql "SELECT figure_id, text, start_char FROM failed_20261205T010203Z_ab12cd34.stg_figures"

It is dropped by the first later load that commits after every document of the failed chunk has
rows made by the same extraction version (the next successful load of the same documents). A
run killed outright cannot keep anything: its chunk was never staged in the warehouse.
"""

from __future__ import annotations

import re

import duckdb

from vnrok_etl.staged import StagedLoad
from vnrok_etl.warehouse import LOG, LoadInfo

PREFIX = "failed_"
UNSAFE = re.compile(r"[^A-Za-z0-9_]")


def schema_name(load_id: str) -> str:
    return PREFIX + UNSAFE.sub("_", load_id)


def keep_failed_staging(connection: duckdb.DuckDBPyConnection, staged: StagedLoad, load: LoadInfo) -> str | None:
    """Copy the staged tables into schema failed_<load id>; its name, or None if that failed too
    (the failure that matters is the load's, so this one is only logged)."""
    schema = schema_name(load.load_id)
    try:
        connection.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        for name, table in staged.tables.items():
            alias = f"kept_{name}"
            connection.register(alias, table)
            try:
                connection.execute(f"CREATE OR REPLACE TABLE {schema}.{name} AS SELECT * FROM {alias}")
            finally:
                connection.unregister(alias)
    except duckdb.Error as error:
        LOG.warning("could not keep the staged rows of failed load %s: %s", load.load_id, error)
        try:
            connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        except duckdb.Error:
            pass
        return None
    return schema


def failed_schemas(connection: duckdb.DuckDBPyConnection) -> list[str]:
    rows = connection.execute(
        "SELECT schema_name FROM duckdb_schemas() WHERE database_name = current_database()"
        " AND starts_with(schema_name, ?)", [PREFIX]
    ).fetchall()
    return sorted(row[0] for row in rows)


def drop_resolved_staging(connection: duckdb.DuckDBPyConnection) -> list[str]:
    """Drop the kept staging of failed chunks whose every document now has rows (a source or a
    rejection) of the version the failed chunk staged; returns the schemas dropped."""
    dropped = []
    for schema in failed_schemas(connection):
        try:
            unresolved = connection.execute(
                f"""SELECT count(*) FROM (
                        SELECT content_sha256, extraction_version FROM {schema}.stg_documents
                        UNION SELECT content_sha256, extraction_version FROM {schema}.stg_rejections
                        WHERE content_sha256 IS NOT NULL) d
                    WHERE NOT EXISTS (SELECT 1 FROM article_sources s WHERE s.content_sha256 = d.content_sha256
                                        AND s.extraction_version IS NOT DISTINCT FROM d.extraction_version)
                      AND NOT EXISTS (SELECT 1 FROM rejections r WHERE r.content_sha256 = d.content_sha256
                                        AND r.extraction_version IS NOT DISTINCT FROM d.extraction_version)"""
            ).fetchone()[0]
        except duckdb.Error:
            continue  # not ours, or not complete: left alone
        if not unresolved:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")
            dropped.append(schema)
    return dropped
