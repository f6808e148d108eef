"""Reprocess: today's rules over the kept raw documents give what a fresh ingest gives.

The "older rules" are real: a separate process runs the real ingest with one cleaning rule
changed (the closing paragraph dropped as if it were boilerplate) and recording an older
extraction version, as a warehouse loaded months ago by an older release would hold it. With
that rule, every article made from the same seed had the same body, so the old warehouse holds
5 articles where today's rules find more: reprocess must split them, retire the 5 old ids, and
end with exactly the rows of a fresh ingest (the benchmark's records digest, load ids and times
aside).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from test_faults import write_corpus
from vnrok_etl.cli import main
from vnrok_etl.runner import ingest_paths, reprocess_warehouse
from vnrok_etl.version import extraction_version
from vnrok_etl.warehouse import connect

sys.path.insert(0, str(ROOT / "benchmarks"))
from run import records_digest  # noqa: E402

CHUNK = 10
UNTOUCHED = "old-untouched.duckdb"
OLDER_RULES = (
    "import sys\n"
    "from dataclasses import replace\n"
    "from vnrok_etl import pipeline, stage\n"
    "from vnrok_etl.runner import ingest_paths\n"
    "current = pipeline.clean_document\n"
    "def older(text, uri):\n"
    "    article = current(text, uri)\n"
    "    return replace(article, paragraphs=article.paragraphs[:-1]) if len(article.paragraphs) > 2 else article\n"
    "pipeline.clean_document = older\n"
    "stage.extraction_version = lambda: '0.0.9+olderrules00'\n"
    "ingest_paths([sys.argv[1]], sys.argv[2], chunk_size=int(sys.argv[3]))\n"
)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """A corpus of 24 articles (+ a PDF, + one article again under another name), loaded by the
    older rules (also kept untouched beside it, as UNTOUCHED), and the same corpus loaded fresh
    by today's."""
    root = tmp_path_factory.mktemp("reprocess")
    corpus = root / "corpus"
    paths = write_corpus(corpus, 24)
    (corpus / "zz_copy.txt").write_bytes(paths[3].read_bytes())
    old = root / "old.duckdb"
    done = subprocess.run(
        [sys.executable, "-c", OLDER_RULES, str(corpus), str(old), str(CHUNK)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    shutil.copy(old, root / UNTOUCHED)  # `old` is reprocessed in place by the first test
    fresh = root / "fresh.duckdb"
    ingest_paths([str(corpus)], fresh, chunk_size=CHUNK)
    return corpus, old, fresh


def test_reprocess_of_an_older_version_ends_with_the_rows_of_a_fresh_ingest(loaded):
    corpus, old, fresh = loaded
    with connect(old, read_only=True) as connection:
        assert connection.execute("SELECT DISTINCT extraction_version FROM articles").fetchall() == [("0.0.9+olderrules00",)]
        old_ids = {row[0] for row in connection.execute("SELECT article_id FROM articles").fetchall()}
    assert len(old_ids) == 5  # the older rule merged each seed's 4-5 articles into one
    assert records_digest(str(old)) != records_digest(str(fresh))

    plan, chunks, _ = reprocess_warehouse(old, chunk_size=CHUNK)
    assert (plan.selected, plan.sightings, plan.without_raw) == (25, 26, 0)  # the PDF's bytes, the copy's name
    assert len(chunks) == 3 and all(counts.documents_seen for counts in chunks)
    assert records_digest(str(old)) == records_digest(str(fresh))

    version = extraction_version()
    with connect(old, read_only=True) as connection:
        retired = connection.execute("SELECT article_id, replaced_by FROM retired_articles").fetchall()
        new_ids = {row[0] for row in connection.execute("SELECT article_id FROM articles").fetchall()}
        loads = connection.execute(
            "SELECT kind, chunk, status FROM loads ORDER BY started_at"
        ).fetchall()
        versions = connection.execute(
            "SELECT DISTINCT extraction_version FROM articles UNION SELECT DISTINCT extraction_version FROM figures"
            " UNION SELECT DISTINCT extraction_version FROM rejections UNION SELECT extraction_version FROM speakers"
        ).fetchall()
    # Each old id is retired, and what replaced it are the articles its documents now make.
    assert {old_id for old_id, _ in retired} == old_ids
    with connect(fresh, read_only=True) as connection:
        fresh_ids = {row[0] for row in connection.execute("SELECT article_id FROM articles").fetchall()}
    assert {new_id for _, new_id in retired} == new_ids == fresh_ids and len(new_ids) > len(old_ids)
    assert loads == [("ingest", n, "succeeded") for n in (1, 2, 3)] + [("reprocess", n, "succeeded") for n in (1, 2, 3)]
    assert versions == [(version,)]
    # The key counts (key_counts.py) were kept exact through the removals: they count the keys
    # left, as in the fresh warehouse.
    counts = "SELECT key, articles FROM _story_key_counts ORDER BY ALL"
    recount = "SELECT key, count(DISTINCT article_id) FROM _story_keys GROUP BY key ORDER BY ALL"
    with connect(old, read_only=True) as connection:
        old_counts = connection.execute(counts).fetchall()
        assert old_counts == connection.execute(recount).fetchall()
    with connect(fresh, read_only=True) as connection:
        assert old_counts == connection.execute(counts).fetchall()

    # Nothing is stale any more.
    again, chunks, _ = reprocess_warehouse(old, chunk_size=CHUNK)
    assert (again.selected, chunks) == (0, [])


def test_reprocess_all_or_a_filter_with_the_same_rules_changes_no_row(loaded, tmp_path):
    _, _, fresh = loaded
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(fresh.read_bytes())
    before = records_digest(str(copy))
    plan, chunks, _ = reprocess_warehouse(copy, where="source = 'VNA'", chunk_size=CHUNK)
    with connect(copy, read_only=True) as connection:
        vna = connection.execute(
            "SELECT count(*) FROM article_sources JOIN articles USING (article_id) WHERE source = 'VNA'"
        ).fetchone()[0]
    assert plan.sightings == vna > 0
    assert records_digest(str(copy)) == before
    plan, chunks, _ = reprocess_warehouse(copy, everything=True, chunk_size=100)
    # One chunk per chunk of the load that first saw them (cut at multiples of 100 of its files).
    assert (plan.sightings, len(chunks)) == (26, 3)
    assert records_digest(str(copy)) == before
    with connect(copy, read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM retired_articles").fetchone() == (0,)


def test_a_filter_that_is_not_sql_is_one_clear_error(loaded, capsys):
    _, _, fresh = loaded
    assert main(["reprocess", "--where", "source = ", "--warehouse", str(fresh)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("vnrok-etl: error: cannot select the documents to reprocess:") and "Traceback" not in err


def test_a_name_seen_before_sightings_were_kept_is_replayed_and_follows_the_new_article(loaded, tmp_path):
    """Documents loaded before migration 005 have a source or rejection row but no sighting, and
    reprocess replays a document under the names it was sighted under: migration 010 gives each
    such name its sighting, so the copy's name is replayed and re-pointed like any other, and a
    rejected document's row is renewed instead of staying stale (selected by every reprocess)."""
    _, old, fresh = loaded
    warehouse = tmp_path / "early.duckdb"
    shutil.copy(old.with_name(UNTOUCHED), warehouse)
    with connect(warehouse) as connection:  # as a warehouse from before migration 010 holds it
        connection.execute(
            "DELETE FROM document_sightings WHERE source_uri LIKE '%zz_copy.txt' OR source_uri LIKE '%broken.pdf'"
        )
        connection.execute("DELETE FROM _migrations WHERE version = 10")
        connection.execute("DELETE FROM _schema_state")
        (old_article,) = connection.execute(
            "SELECT article_id FROM article_sources WHERE source_uri LIKE '%zz_copy.txt'"
        ).fetchone()

    plan, chunks, _ = reprocess_warehouse(warehouse, chunk_size=CHUNK)
    assert (plan.selected, plan.sightings) == (25, 26)  # the copy's name and the PDF are replayed too
    assert records_digest(str(warehouse)) == records_digest(str(fresh))
    with connect(warehouse, read_only=True) as connection:
        copy, original = (
            connection.execute(
                f"SELECT article_id, extraction_version FROM article_sources WHERE source_uri LIKE '%{name}'"
            ).fetchone()
            for name in ("zz_copy.txt", "article_00003.txt")
        )
    assert copy == original == (copy[0], extraction_version()) and copy[0] != old_article
    # Nothing is stale any more: not even the rejected PDF, whose row only a replay renews.
    again, chunks, _ = reprocess_warehouse(warehouse, chunk_size=CHUNK)
    assert (again.selected, chunks) == (0, [])
