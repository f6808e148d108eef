"""Export the analyst marts and core tables as one Parquet or CSV file each.

Why: analysts take the warehouse into pandas, R or a spreadsheet without DuckDB. DuckDB writes
the files itself (`COPY (SELECT ...) TO ...`), column types and lists intact in Parquet, on a
read-only connection so an export can never change the warehouse or wait on a writer's lock for
long. What is exported is read from the catalog: every core table (not `_migrations`) and every
view except the intermediate `int_` layer, so a mart added to views.sql is exported without touching this file.
The raw documents are not a table to analyse: `--raw` writes them out byte for byte instead
(rawstore.export_raw).

Safety: the directory is created, every file name is a catalog name checked against a plain
identifier pattern, and every target path is resolved and must lie inside the directory (a
symlink planted in the directory cannot redirect a write elsewhere). Each file is written under
a temporary name and renamed, so a failed export leaves no half-written file behind.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb

from vnrok_etl.warehouse import WarehouseError, connect

FORMATS = {"parquet": "(FORMAT parquet, COMPRESSION zstd)", "csv": "(FORMAT csv, HEADER true)"}
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
INTERNAL_PREFIXES = ("stg_", "int_", "_")
# The compressed documents are an archive, not a mart: `vnrok-etl export --raw` writes them out
# as the original files (rawstore.export_raw).
NOT_MARTS = ("raw_documents",)


class ExportError(WarehouseError):
    """An export the user asked for that cannot be done as asked."""


def export_marts(warehouse: Path, directory: str, fmt: str) -> list[Path]:
    """Write one file per core table and analyst view into `directory`; returns the files."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    target = Path(directory).expanduser()
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target} exists and is not a directory")
    written = []
    with connect(warehouse, read_only=True) as connection:
        target.mkdir(parents=True, exist_ok=True)
        root = target.resolve()
        for name in exported_relations(connection):
            path = _inside(root, f"{name}.{fmt}")
            partial = _inside(root, f".{name}.{fmt}.partial")
            try:
                connection.execute(f'COPY (SELECT * FROM "{name}") TO {_literal(partial)} {FORMATS[fmt]}')
            except duckdb.Error as error:
                partial.unlink(missing_ok=True)
                raise ExportError(f"could not export {name}: {error}") from None
            os.replace(partial, path)
            written.append(path)
    return written


def exported_relations(connection: duckdb.DuckDBPyConnection) -> list[str]:
    """Core tables, then analyst views, each by name; internals (int_, _migrations) left out."""
    rows = connection.execute(
        """SELECT table_name, table_type FROM information_schema.tables
           WHERE table_schema = 'main' AND table_catalog = current_database()
           ORDER BY table_type, table_name"""
    ).fetchall()
    names = [name for name, _ in rows if not name.startswith(INTERNAL_PREFIXES) and name not in NOT_MARTS]
    unsafe = [name for name in names if not IDENTIFIER.match(name)]
    if unsafe:
        raise ExportError(f"refusing to export relations with unusual names: {', '.join(unsafe)}")
    return names


def _inside(root: Path, name: str) -> Path:
    path = (root / name).resolve()
    if path.parent != root:
        raise ExportError(f"refusing to write {path}: outside the export directory {root}")
    return path


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"
