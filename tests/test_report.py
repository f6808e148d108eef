"""The HTML report: self-contained, escaped, and showing the seeds' conflict and sources.

The browser test opens the report the way an analyst does, offline in Chromium (headless, every
background network feature off), and reads the DOM Chromium built: one bar per source, the
200,000 vs 250,000 conflict, and no element or attribute that came from article text. It needs
the Debian packages `chromium` (and `chromium-driver` for anyone driving it); it is skipped only
when no chromium binary exists, and `make test` installs the packages where it can.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import SEEDS
from vnrok_etl.cli import main
from vnrok_etl.report import format_value, write_report
from vnrok_etl.runner import ingest_paths
from vnrok_etl.warehouse import WarehouseError, connect

NOW = datetime(2025, 8, 20, 9, 30, tzinfo=timezone.utc)
SCRIPT = "<script>document.body.setAttribute('data-pwned', 'yes')</script>"
IMAGE = '<img src="https://example.invalid/x.png" onerror="document.title=\'pwned\'">'
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--hide-scrollbars", "--window-size=1280,2000",
)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "seeds.duckdb"
    ingest_paths([str(SEEDS)], path)
    return path


@pytest.fixture(scope="module")
def hostile(seeded, tmp_path_factory) -> Path:
    """The seeds plus a quote, a figure and a source whose text is markup."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.duckdb"
    shutil.copy(seeded, path)
    with connect(path) as connection:
        connection.execute(
            """INSERT INTO articles (article_id, title, published_date, source, kind, body, simhash, load_id)
               VALUES ('evil', ?, DATE '2025-08-12', ?, 'news', ?, 0, 'test')""",
            [f"Title {SCRIPT}", "<b>EVIL</b>", f"He said {SCRIPT} and {IMAGE}."],
        )
        connection.execute(
            """INSERT INTO quotes (quote_id, article_id, kind, speaker, speaker_title, cue, text, start_char,
                                   end_char, load_id)
               VALUES ('q-evil', 'evil', 'direct', 'Tô Lâm', NULL, 'said', ?, 8, ?, 'test')""",
            [SCRIPT, 8 + len(SCRIPT)],
        )
        connection.execute(
            """INSERT INTO figures (figure_id, article_id, kind, value, unit, qualifier, subject, ref_year,
                                   is_target, text, sentence, start_char, end_char, speaker, load_id)
               VALUES ('f-evil', 'evil', 'money', 5e9, 'USD', 'exact', ?, 2025, FALSE, ?, ?, 0, 5, NULL, 'test')""",
            [IMAGE, f"{SCRIPT} $5 billion", f"He said {SCRIPT} and {IMAGE}."],
        )
    return path


def render(warehouse: Path, out: Path) -> str:
    return write_report(warehouse, str(out), now=NOW).read_text(encoding="utf-8")


def test_the_report_is_one_self_contained_file(seeded, tmp_path):
    page = render(seeded, tmp_path / "report.html")
    assert "<script" not in page.lower() and "<link" not in page.lower()
    # Nothing to fetch: no src/href attributes at all, and no url() in the CSS.
    assert not re.search(r"\s(src|href)\s*=", page) and "url(" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "generated 2025-08-20 09:30 UTC" in page


def test_the_report_shows_counts_conflicts_claims_figures_and_quotes(seeded, tmp_path):
    soup = BeautifulSoup(render(seeded, tmp_path / "report.html"), "html.parser")
    counts = {box["data-table"]: int(box.b.text.replace(",", "")) for box in soup.select(".count")}
    assert counts["articles"] == 5 and counts["figures"] > 0 and counts["quotes"] > 0
    assert counts["stories"] == 5  # the five seeds are five reports, none a copy of another
    conflict, = soup.select("#conflicts-table tbody tr")
    assert conflict.select_one(".low").text == "200,000" and conflict.select_one(".high").text == "250,000"
    assert "NDO, VNA/VNS" in conflict.text and "more than 250,000 Koreans" in conflict.text
    claims = [row.td.text for row in soup.select("#claims-table tbody tr")]
    assert "money | USD | bilateral trade | target 2030" in claims
    header = [cell.text for cell in soup.select("#claims-table thead th")]
    korean = next(row for row in soup.select("#claims-table tbody tr") if row.td.text == "count | korean in vietnam")
    stories, outlets = (int(cell.text) for cell in korean.select("td.num"))
    assert header[1:3] == ["Stories", "Outlets"] and (stories, outlets) == (3, 3)
    assert "over 200,000 Korean" in soup.select_one("#figures-table").text
    speakers = [row.td.text for row in soup.select("#speakers-table tbody tr")]
    assert speakers[0] == "Lee Jae Myung" and "Kim Min Seok" in speakers


def test_the_charts_have_one_bar_per_source_and_one_dot_per_money_figure(seeded, tmp_path):
    soup = BeautifulSoup(render(seeded, tmp_path / "report.html"), "html.parser")
    bars = [bar["data-source"] for bar in soup.select("#sources-chart rect.bar")]
    assert sorted(bars) == ["NDO", "VNA", "VNA/VNS", "VNS"]
    money = [(dot["data-year"], dot["data-target"]) for dot in soup.select("#money-chart-USD circle.money")]
    # $86.7 billion and $7 billion in 2024 (000), US$150 billion by 2030 twice (000, 004); the
    # undated $93.7 billion (002) is not drawn and the caption says so.
    assert sorted(money) == [("2024", "false"), ("2024", "false"), ("2030", "true"), ("2030", "true")]
    assert "1 figure(s) with neither a reference year nor a publication date" in soup.select_one("#charts").text


def test_article_text_is_escaped_everywhere(hostile, tmp_path):
    page = render(hostile, tmp_path / "report.html")
    assert "<script" not in page and "<img" not in page and "<b>EVIL" not in page
    assert "&lt;script&gt;document.body.setAttribute(&#x27;data-pwned&#x27;, &#x27;yes&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;EVIL&lt;/b&gt;" in page  # the source, in the chart label and its data attribute


def test_format_value_writes_amounts_as_a_reader_would():
    assert format_value("money", 150e9, "USD") == "USD 150 billion"
    assert format_value("money", 86.7e9, "USD") == "USD 86.7 billion"
    assert format_value("count", 200_000.0, "korean") == "200,000"
    assert format_value("count", 4.6e6, "korean") == "4.6 million"
    assert format_value("percent", 12.5, "percent") == "12.5%"
    assert format_value("duration", 30.0, "year") == "30 years"
    assert format_value("rank", 3.0, None) == "#3"


def test_the_cli_writes_the_report(seeded, tmp_path, capsys):
    out = tmp_path / "out" / "report.html"
    assert main(["report", "--out", str(out), "--warehouse", str(seeded)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert str(out) in capsys.readouterr().out


def test_a_missing_warehouse_is_a_clean_error(tmp_path):
    with pytest.raises(WarehouseError, match="no warehouse"):
        write_report(tmp_path / "none.duckdb", str(tmp_path / "report.html"))


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    pytest.skip("chromium is not installed: apt-get install -y chromium chromium-driver")


def run_chromium(page: Path, profile: Path, *action: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *action, page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )


def test_chromium_renders_the_report_offline(hostile, tmp_path):
    page = tmp_path / "report.html"
    render(hostile, page)
    dom = BeautifulSoup(run_chromium(page, tmp_path / "profile", "--dump-dom").stdout, "html.parser")
    # The DOM Chromium built: the escaped markup stayed text, nothing ran, nothing was loaded.
    assert dom.find("script") is None and dom.find("img") is None
    assert dom.body.get("data-pwned") is None and dom.title.text.startswith("vnrok-etl report")
    assert SCRIPT in dom.select_one("#quotes").text
    bars = dom.select("#sources-chart rect.bar")
    assert sorted(bar["data-source"] for bar in bars) == ["<b>EVIL</b>", "NDO", "VNA", "VNA/VNS", "VNS"]
    conflict, = dom.select("#conflicts-table tbody tr")
    assert "200,000" in conflict.text and "250,000" in conflict.text and "NDO" in conflict.text

    shot = tmp_path / "report.png"
    run_chromium(page, tmp_path / "profile", f"--screenshot={shot}")
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1280, 2000)
    assert shot.stat().st_size > 50_000  # a rendered page of tables and charts, not a blank one


def test_an_empty_warehouse_renders_with_empty_sections(tmp_path):
    with connect(tmp_path / "empty.duckdb"):
        pass
    soup = BeautifulSoup(render(tmp_path / "empty.duckdb", tmp_path / "report.html"), "html.parser")
    assert [empty.text for empty in soup.select(".empty")] == [
        "No articles yet.", "No money figures yet.", "No claims disagree beyond rounding.",
        "No claim is made in two or more stories yet.", "No figures yet.", "No quotes yet.",
    ]
