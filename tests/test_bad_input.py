"""Bad documents among good ones: each bad one is a rejection with a clear reason, the rest load.

One folder holds the five seeds, their UTF-16 and mixed-encoding twins, and every kind of bad
input the issue lists (empty, binary, NUL bytes, 50 MB, a 10 MB line, 100k nested <div>s, truncated
HTML, no body, unreadable, broken links, a named pipe). One real load through the runner must
account for every file exactly once: as an article source or as a rejection naming its reason.
Also here: what ingest must never do to its inputs, and what the read-only SQL command refuses.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import random
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS
from vnrok_etl.clean import clean_document
from vnrok_etl.pipeline import MAX_HTML_TAGS, MAX_PARAGRAPH_CHARS, MAX_TEXT_CHARS
from vnrok_etl.runner import ingest_paths
from vnrok_etl.sources import MAX_DOCUMENT_BYTES
from vnrok_etl.summary import summary_text
from vnrok_etl.warehouse import connect

SEED_001 = SEEDS / "001_be396d5f3061c090.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"

# file name -> the reason its rejection must give (a prefix of it)
EXPECTED_REJECTIONS = {
    "empty.txt": "empty document",
    "whitespace.txt": "empty document",
    "bom-only.txt": "empty document",
    "scan.pdf": "binary file (PDF document)",
    "photo.png": "binary file (PNG image)",
    "photo-named-as-text.txt": "binary file (JPEG image)",
    "bundle.zip": "binary file (zip archive)",
    "nul-bytes.txt": "binary content (NUL bytes)",
    "random.bin": "undecodable bytes: no character set fits",
    "bad-utf8-after-bom.txt": "invalid utf-8",
    "huge-50mb.txt": f"file too large (52,428,800 bytes; limit {MAX_DOCUMENT_BYTES:,})",
    "one-10mb-line.txt": "text too long for an article",
    "one-200kb-line.txt": "paragraph too long for an article",
    "nested-100k.html": "too much markup for an article",
    "head-only.html": "no article body after cleaning",
    "scripts-only.html": "no article body after cleaning",
    "title-only.txt": "article body too short after cleaning",
    "<img src=x onerror=alert(1)>.txt": "empty document",
    "unreadable.txt": "unreadable",
    "dangling-link.txt": "broken symbolic link",
    "pipe.txt": "not a regular file (a named pipe)",
}
# file name -> the seed whose article it must load as
EXPECTED_TWINS = {
    "001-utf16.txt": SEED_001.name,
    "001-utf16le-no-bom.txt": SEED_001.name,
    "001-cp1252.txt": SEED_001.name,
    "001-mixed-utf8-cp1252.txt": SEED_001.name,
    "001-crlf-bom.txt": SEED_001.name,
}


def write_bad_inputs(folder: Path) -> None:
    """The issue's bad documents, each in one file named after what it is."""
    seed = SEED_001.read_text(encoding="utf-8")
    rng = random.Random(7)
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "whitespace.txt": b" \n\t \r\n  \n",
        "bom-only.txt": codecs.BOM_UTF8,
        "scan.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(500)),
        "photo-named-as-text.txt": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(rng.randrange(256) for _ in range(500)),
        "bundle.zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + seed.encode()[:300],
        "nul-bytes.txt": seed.encode()[:3000] + b"\x00\x00" + seed.encode()[3000:],
        "random.bin": bytes(rng.randrange(1, 256) for _ in range(20000)),
        "bad-utf8-after-bom.txt": codecs.BOM_UTF8 + seed.encode()[:500] + b"\xff\xfe" + seed.encode()[500:],
        "one-10mb-line.txt": b"A title\n\n" + b"The economy grew 5 percent, he said. " * 290_000,
        "one-200kb-line.txt": b"A title\n\n" + b"The economy grew 5 percent, he said. " * 6_000,
        "nested-100k.html": b"<html><body>" + b"<div>" * 100_000 + b"<p>Deep text.</p>" + b"</div>" * 100_000,
        "head-only.html": (FIXTURES / "vietnamplus_002.html").read_bytes().split(b"<body")[0],
        "scripts-only.html": b"<html><body><script>document.write('an article of many words here')</script>"
                             b"<nav>Home | World | Sports</nav></body></html>",
        "title-only.txt": b"Just a headline\n",
        "<img src=x onerror=alert(1)>.txt": b"",
        # Markup as article text (a plain-text file): kept as text, escaped wherever it is shown.
        "hostile-text.txt": (seed.rstrip("\n") + "\n\nThe page showed <script>alert('HOSTILE')</script> and"
                             " <img src=x onerror=alert('HOSTILE')> to 1,000 readers, officials said.\n").encode(),
        "001-utf16.txt": seed.encode("utf-16"),
        "001-utf16le-no-bom.txt": seed.encode("utf-16-le"),
        "001-cp1252.txt": seed.encode("cp1252"),
        "001-crlf-bom.txt": codecs.BOM_UTF8 + seed.replace("\n", "\r\n").encode(),
        # A UTF-8 file with a paragraph pasted in from a cp1252 source.
        "001-mixed-utf8-cp1252.txt": (
            seed.split("\n\n")[0].encode() + b"\n\n" + seed.split("\n\n")[1].encode("cp1252") + b"\n\n"
            + "\n\n".join(seed.split("\n\n")[2:]).encode()
        ),
    }
    for name, content in files.items():
        (folder / name).write_bytes(content)
    with open(folder / "huge-50mb.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: the size is what is refused, before any read
    for name in ("truncated-at-10pc.html", "truncated-at-50pc.html", "truncated-at-90pc.html"):
        page = (FIXTURES / "vietnamplus_002.html").read_bytes()
        share = int(name.split("-at-")[1].split("pc")[0]) / 100
        (folder / name).write_bytes(page[: int(len(page) * share)])
    (folder / "dangling-link.txt").symlink_to(folder / "does-not-exist.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "sub").mkdir()
    (folder / "subfolder-link").symlink_to(folder / "sub")
    unreadable = folder / "unreadable.txt"
    if os.geteuid() == 0:
        unreadable.symlink_to("/proc/self/mem")  # root reads any file; this one fails with EIO
    else:
        unreadable.write_text(seed)
        unreadable.chmod(0)


def tree_state(folder: Path) -> dict[str, tuple]:
    """Every entry under `folder` with its type, mode, size, mtime and, for files, its hash."""
    state = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            info = path.lstat()
            digest = None
            if stat.S_ISREG(info.st_mode) and info.st_size < 20_000_000 and os.access(path, os.R_OK):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            state[str(path)] = (stat.S_IFMT(info.st_mode), info.st_mode, info.st_size, info.st_mtime_ns, digest)
    return state


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """One load of the seeds and every bad input; the counts it returned."""
    root = tmp_path_factory.mktemp("bad")
    inbox = root / "inbox"
    shutil.copytree(SEEDS, inbox / "seeds")
    write_bad_inputs(inbox)
    warehouse = root / "warehouse" / "w.duckdb"
    counts, _ = ingest_paths([str(inbox)], warehouse)
    return inbox, warehouse, counts


def rows(warehouse: Path, query: str) -> list[tuple]:
    with connect(warehouse, read_only=True) as connection:
        return connection.execute(query).fetchall()


def test_every_bad_document_is_one_rejection_with_its_reason(loaded):
    inbox, warehouse, _ = loaded
    reasons = dict(rows(warehouse, "SELECT source_uri, reason FROM rejections"))
    by_name = {Path(uri).name: reason for uri, reason in reasons.items()}
    for name, expected in EXPECTED_REJECTIONS.items():
        assert name in by_name, f"{name} was not rejected"
        assert by_name[name].startswith(expected), f"{name}: {by_name[name]!r}"
    for reason in by_name.values():
        assert not reason.startswith(("internal error", "cleaning failed")), reason


def test_the_seeds_and_their_re_encoded_twins_still_load(loaded):
    inbox, warehouse, counts = loaded
    sources = dict(rows(warehouse, "SELECT source_uri, article_id FROM article_sources"))
    by_name = {Path(uri).name: article for uri, article in sources.items()}
    for seed in SEEDS.glob("*.txt"):
        assert seed.name in by_name
    for twin, seed in EXPECTED_TWINS.items():
        assert by_name.get(twin) == by_name[seed], f"{twin} did not load as {seed}"
    assert counts.articles_new >= 5


def test_nothing_is_lost_every_file_is_a_source_or_a_rejection_once(loaded):
    inbox, warehouse, counts = loaded
    # Links to folders are not followed (no loops): "subfolder-link" is no document, like "sub/".
    files = [Path(root) / name for root, _, names in os.walk(inbox) for name in names]
    accounted = rows(
        warehouse,
        "SELECT uri, count(*) FROM (SELECT source_uri AS uri FROM article_sources"
        " UNION ALL SELECT source_uri FROM rejections) GROUP BY uri",
    )
    assert sorted(uri for uri, _ in accounted) == sorted(map(str, files))
    assert {n for _, n in accounted} == {1}
    assert counts.documents_seen == len(files)


def test_the_summary_lists_every_rejected_document_with_its_reason(loaded):
    inbox, warehouse, counts = loaded
    text = summary_text(counts, {"wall": 1.0}, str(warehouse))
    assert f"rejected documents ({len(counts.rejections)}):" in text
    for name, reason in EXPECTED_REJECTIONS.items():
        assert any(line.strip().startswith(f"{inbox / name}: {reason}") for line in text.splitlines()), name


def test_truncated_html_loads_what_is_there_or_says_why_not(loaded):
    inbox, warehouse, _ = loaded
    outcome = dict(rows(
        warehouse,
        "SELECT source_uri, 'loaded' FROM article_sources UNION ALL SELECT source_uri, reason FROM rejections",
    ))
    for name in ("truncated-at-10pc.html", "truncated-at-50pc.html", "truncated-at-90pc.html"):
        assert outcome[str(inbox / name)] in ("loaded", "no article body after cleaning") or outcome[
            str(inbox / name)
        ].startswith("article body too short")


def test_limits_leave_room_for_every_real_article():
    """The size guards are far above any article: the largest fixture is a small share of each."""
    texts = [path.read_text(encoding="utf-8") for path in [*SEEDS.glob("*.txt"), *FIXTURES.glob("*.html")]]
    assert max(map(len, texts)) * 50 < MAX_TEXT_CHARS
    assert max(text.count("<") for text in texts) * 20 < MAX_HTML_TAGS
    longest = max(len(p) for path in SEEDS.glob("*.txt")
                  for p in clean_document(path.read_text(encoding="utf-8"), path.name).paragraphs)
    assert longest * 20 < MAX_PARAGRAPH_CHARS


def test_ingest_writes_nothing_outside_the_warehouse(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox / "seeds")
    write_bad_inputs(inbox)
    # Names that would be paths if anything used them to write: they must stay plain names.
    (inbox / "..%2f..%2fescape.txt").write_bytes(SEED_001.read_bytes())
    (inbox / "'; DROP TABLE articles; --.txt").write_bytes(SEED_001.read_bytes()[::-1])
    for path in [inbox, *inbox.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o555)
    before = tree_state(tmp_path)
    warehouse = tmp_path / "w" / "w.duckdb"
    try:
        ingest_paths([str(inbox)], warehouse)
        ingest_paths([str(inbox)], warehouse)
        after = tree_state(tmp_path)
    finally:
        for path in [inbox, *inbox.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
    assert sorted(set(after) - set(before)) == [str(tmp_path / "w"), str(warehouse)]
    assert {path: after[path] for path in before} == before
    assert rows(warehouse, "SELECT count(*) FROM articles WHERE body IS NOT NULL")[0][0] >= 5


def test_script_content_is_neither_run_nor_kept(tmp_path):
    marker = tmp_path / "script-ran"
    page = (FIXTURES / "vietnamplus_002.html").read_text(encoding="utf-8").replace(
        "</body>",
        f"<script>fetch('/steal?c='+document.cookie); require('fs').writeFileSync('{marker}', 'x')</script>"
        f"<img src=x onerror=\"alert('onerror-LEAK')\"><iframe srcdoc=\"<script>alert(1)</script>\"></iframe>"
        "<style>body{background:url('STYLE-LEAK')}</style></body>",
    ).replace("<body", "<body onload=\"alert('onload-LEAK')\"", 1)
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    counts, _ = ingest_paths([str(tmp_path / "page.html")], warehouse)
    assert counts.articles_new == 1
    assert not marker.exists()
    stored = rows(
        warehouse,
        "SELECT string_agg(t, '\n') FROM (SELECT body AS t FROM articles UNION ALL SELECT coalesce(title, '')"
        " FROM articles UNION ALL SELECT text FROM removed_spans UNION ALL SELECT text FROM captions)",
    )[0][0]
    for leak in ("document.cookie", "writeFileSync", "LEAK", "<script", "alert("):
        assert leak not in stored


def run_sql(warehouse: Path, query: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vnrok_etl.cli", "sql", query, "--warehouse", str(warehouse), "--format", "csv"],
        capture_output=True, text=True, timeout=120,
    )


def test_the_sql_command_cannot_write_or_reach_other_files(loaded, tmp_path):
    _, warehouse, _ = loaded
    before = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    outside = tmp_path / "outside"
    attempts = [
        "INSERT INTO rejections (source_uri, content_sha256, stage, reason, rejected_at, load_id)"
        " VALUES ('x', NULL, 'read', 'x', now(), 'x')",
        "UPDATE articles SET title = 'changed'",
        "DROP TABLE articles",
        "CREATE TABLE extra AS SELECT 1",
        f"COPY (SELECT * FROM articles) TO '{outside}.csv'",
        f"COPY articles FROM '{SEED_001}'",
        f"ATTACH '{outside}.duckdb' AS other",
        f"EXPORT DATABASE '{outside}'",
        f"SELECT * FROM read_csv('{SEED_001}')",
        "SELECT * FROM read_text('/etc/passwd')",
        "SET enable_external_access = true",
        "INSTALL httpfs",
        f"SET profiling_output = '{outside}.json'",
        f"SET log_query_path = '{outside}.log'",
        f"SET temp_directory = '{outside}'",
    ]
    for query in attempts:
        result = run_sql(warehouse, query)
        assert result.returncode == 1, (query, result.stdout)
        assert result.stderr.startswith("vnrok-etl: error:") and "Traceback" not in result.stderr, query
    assert not any(tmp_path.iterdir())
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == before
    assert run_sql(warehouse, "SELECT count(*) AS n FROM articles").returncode == 0


def test_the_cli_ingest_lists_every_rejection_and_exits_zero(prefect_server, tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox / "seeds")
    write_bad_inputs(inbox)
    warehouse = tmp_path / "cli.duckdb"
    result = subprocess.run(
        [sys.executable, "-m", "vnrok_etl.cli", "ingest", str(inbox), "--warehouse", str(warehouse)],
        capture_output=True, text=True, timeout=600, env={**os.environ, "PREFECT_API_URL": prefect_server},
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    listed = lines.index(next(line for line in lines if line.startswith("rejected documents (")))
    rejected = {line.strip().split(": ", 1)[0]: line.strip().split(": ", 1)[1] for line in lines[listed + 1 :]}
    for name, reason in EXPECTED_REJECTIONS.items():
        assert rejected[str(inbox / name)].startswith(reason), name


def test_the_report_escapes_every_text_the_bad_inputs_left(loaded, tmp_path):
    from vnrok_etl.report import write_report

    inbox, warehouse, _ = loaded
    assert "<script>alert('HOSTILE')</script>" in rows(
        warehouse, "SELECT body FROM articles a JOIN article_sources s USING (article_id)"
        " WHERE s.source_uri LIKE '%hostile-text.txt'")[0][0]
    # Tables are cut at 50 rows by default; with room for every row, every figure's sentence
    # (the hostile one's "1,000 readers" among them) is on the page.
    page = write_report(warehouse, str(tmp_path / "report.html"), rows=100_000).read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;alert(" in page  # the text is there, as text


def test_the_documented_fuzz_command_runs_and_loses_nothing():
    fuzz = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz.py"
    result = subprocess.run(
        [sys.executable, str(fuzz), "--seconds", "1", "--seed", "3", "--batch-size", "60"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "lost 0, counted twice 0" in result.stdout and result.stdout.rstrip().endswith("result: PASS, nothing lost")
