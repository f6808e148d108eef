"""Shared fixtures: the seeds, their clean articles, a Prefect test server for the session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_NAMES = sorted(path.name for path in SEEDS.glob("*.txt"))

# Prefect reads its settings at import: keep its home out of the project and the user's home.
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="vnrok-prefect-")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.pop("PREFECT_API_URL", None)
# Never use a developer's `vnrok-etl server` on 4200: tests run on their own servers.
os.environ["VNROK_PREFECT_PORT"] = "0"
os.environ.pop("VNROK_WAREHOUSE", None)


def clean_seed(name: str):
    """The clean Article of one seed, through the real decode and clean stages."""
    from vnrok_etl.clean import clean_document
    from vnrok_etl.decode import decode_bytes

    path = SEEDS / name
    return clean_document(decode_bytes(path.read_bytes()), path.name)


@pytest.fixture(scope="session")
def prefect_server():
    """One Prefect test server for the whole session; yields its API URL."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield PREFECT_API_URL.value()


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"
