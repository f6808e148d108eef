"""Which rules made a row: the extraction version every derived row records.

`extraction_version()` is the package version plus a digest of the source of every module the
extraction runs (decode, clean, html, profiles, dates, sentences, quotes, speakers, figures,
numbers, identity: whatever `pipeline` and `identity` import inside the package, found by
reading their imports, so a module added or split into a subpackage is counted without a list
to keep up to date) and of every data file shipped in the package. Any edit to a rule or a table
changes it, and `vnrok-etl reprocess` re-runs the documents whose rows carry another one. Edits
to modules the extraction does not import (the warehouse, the CLI, the flows) leave it alone.

Computed once per process (workers included), from the files as they are on disk.
"""

from __future__ import annotations

import ast
import hashlib
from functools import lru_cache
from pathlib import Path

from vnrok_etl import __version__

PACKAGE = "vnrok_etl"
PACKAGE_DIR = Path(__file__).resolve().parent
# The modules whose imports, followed inside the package, are the extraction (claim_keys: the
# claim key the staging stores with each figure).
ENTRY_MODULES = ("vnrok_etl.pipeline", "vnrok_etl.identity", "vnrok_etl.claim_keys")
DATA_SUFFIXES = (".json", ".tsv", ".csv", ".txt", ".yaml", ".yml", ".toml")
DIGEST_CHARS = 12


@lru_cache(maxsize=1)
def extraction_version() -> str:
    """'<package version>+<12 hex digits>', e.g. '0.1.0+3f2a9c01b7de'."""
    digest = hashlib.sha256()
    for path in extraction_files():
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{__version__}+{digest.hexdigest()[:DIGEST_CHARS]}"


def extraction_files() -> list[Path]:
    """The source files of the extraction's modules and the package's data files, sorted."""
    seen: dict[str, Path] = {}
    pending = list(ENTRY_MODULES)
    while pending:
        module = pending.pop()
        if module in seen:
            continue
        path = _module_path(module)
        if path is None:
            continue
        seen[module] = path
        pending.extend(_package_imports(module, path))
    data = [
        path for path in PACKAGE_DIR.rglob("*")
        if path.suffix in DATA_SUFFIXES and path.is_file() and "__pycache__" not in path.parts
    ]
    return sorted(set(seen.values()) | set(data))


def _module_path(module: str) -> Path | None:
    parts = module.split(".")[1:]
    base = PACKAGE_DIR.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _package_imports(module: str, path: Path) -> list[str]:
    """Modules of this package that `module` imports (absolute or relative), with their parents'
    __init__ (a subpackage's __init__ runs on import too)."""
    is_package = path.name == "__init__.py"
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for name in names:
            if name == PACKAGE or name.startswith(PACKAGE + "."):
                parts = name.split(".")
                found.extend(".".join(parts[:end]) for end in range(2, len(parts) + 1))
    return found
