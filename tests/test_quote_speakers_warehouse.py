"""The quote speaker columns through staging and the warehouse, and migration 002 on an old warehouse.

The articles are written for this test (invented people): one person with a role referred back
to, one organisation described, one unresolved role.
"""

from __future__ import annotations

import duckdb
import pytest

from vnrok_etl.runner import ingest_paths
from vnrok_etl.warehouse import WAREHOUSE_DIR, connect

ARTICLE = """Korean firms add jobs in Bắc Ninh

HÀ NỘI — Samsung Display CEO Choi Joo-ho toured the Bắc Ninh plant on Friday.

“We will hire 2,000 more engineers here next year,” the CEO said.

Exports to Korea rose 10 percent in the first half, the country’s trade ministry said.

The ambassador said that visa rules would ease before the end of the year.

The Viet Nam-RoK first forum of the year opened in Seoul, with more than 300 guests.
"""


@pytest.fixture
def loaded(tmp_path):
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    ingest_paths([str(source)], warehouse)
    return warehouse


def test_quotes_carry_speaker_type_and_printed_subject(loaded) -> None:
    with connect(loaded, read_only=True) as connection:
        rows = connection.execute(
            "SELECT speaker, speaker_type, speaker_printed FROM quotes ORDER BY start_char"
        ).fetchall()
    assert rows == [
        ("Choi Joo-ho", "person", None),
        ("trade ministry", "organisation", None),
        (None, "person", "The ambassador"),
    ]


def test_speakers_are_people_and_organisations_never_countries(loaded) -> None:
    with connect(loaded, read_only=True) as connection:
        speakers = connection.execute("SELECT name, kind FROM speakers ORDER BY name").fetchall()
        view = connection.execute(
            "SELECT speaker, speaker_type, speaker_printed FROM quotes_by_speaker ORDER BY start_char"
        ).fetchall()
    assert speakers == [("Choi Joo-ho", "person"), ("trade ministry", "organisation")]
    assert view[-1] == (None, "person", "The ambassador")


def test_migration_002_brings_an_old_warehouse_up_to_date(tmp_path) -> None:
    # A warehouse as the first version made it: schema.sql only, recorded as migration 1, with
    # a quote and a speaker already loaded.
    path = tmp_path / "old.duckdb"
    raw = duckdb.connect(str(path))
    raw.execute((WAREHOUSE_DIR / "schema.sql").read_text())
    raw.execute("INSERT INTO _migrations (version, name) VALUES (1, 'schema')")
    raw.execute("INSERT INTO speakers VALUES ('Kim Min Seok', 'kim min seok', 'Prime Minister', 'KR', 'l0')")
    raw.execute(
        "INSERT INTO quotes VALUES ('q0', 'a0', 'direct', 'Kim Min Seok', NULL, 'said', 'x', 0, 1, 'l0')"
    )
    raw.close()
    with connect(path):
        pass
    with connect(path, read_only=True) as connection:
        assert connection.execute("SELECT speaker_type, speaker_printed FROM quotes").fetchall() == [
            ("person", None)
        ]
        assert connection.execute("SELECT kind FROM speakers").fetchall() == [("person",)]
        versions = [row[0] for row in connection.execute("SELECT version FROM _migrations").fetchall()]
    assert 2 in versions
