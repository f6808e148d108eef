"""Properties of the whole per-document chain over generated input: decode → clean → extract.

The unit suites check each stage on its own inputs; these feed each stage what the stage before
it really produces from arbitrary bytes and text, mixing real seed sentences, every quotation
mark, numbers with currency words, HTML fragments and arbitrary Unicode. The contract (DESIGN.md,
records.py): decode raises only DecodeError, clean only CleanError, extraction never raises, and
every figure and quote points into the body: `body[start:end] == text`.
"""

from __future__ import annotations

import codecs
import html
import unicodedata

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from vnrok_etl.clean import CleanError, clean_document
from vnrok_etl.decode import CONTROL, DecodeError, decode_bytes
from vnrok_etl.figures import extract_figures
from vnrok_etl.identity import content_sha256
from vnrok_etl.pipeline import process_document
from vnrok_etl.quotes import extract_quotes
from vnrok_etl.records import Extraction, RawDocument, Rejection

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SEED_LINES = sorted(
    {
        line.strip()
        for path in SEEDS.glob("*.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
)
SEED_WORDS = sorted({word for line in SEED_LINES for word in line.split()})
QUOTE_MARKS = ["“", "”", '"', "'", "‘", "’", "«", "»", "„"]
NUMBERS = [
    "US$150 billion", "VNĐ2.5 trillion", "5.6 per cent", "12%", "more than 1,000 people",
    "third-largest", "two-fold", "three times", "by 2030", "in 2024", "last year", "0.5", "1.000,5",
    "nearly 300", "US$", "billion", "million", "trillion", "percent", "-", "–", "$", "€5", "¥3",
]
SPEECH = [
    " said", " stressed", " told reporters", ", according to ", "President Lee Jae Myung",
    "General Secretary Tô Lâm", "Prime Minister Phạm Minh Chính", "He", "She", ":", ".", "?", "!",
    "Q:", "A:", "(VNA)", "— VNS", "HÀ NỘI —", "/.", "By Minh Anh",
]
HTML_PIECES = [
    "<html>", "<body>", "<p>", "</p>", "<div>", "</div>", "<br>", "<h1>", "</h1>", "<article>",
    "<script>document.write('x')</script>", "<style>p{}</style>", "<!-- c -->", "<a href='x'>",
    "</a>", "&amp;", "&nbsp;", "&#8220;", "<p", "</", "<![CDATA[", "<meta property='og:title' content='T'>",
]
SPACES = [" ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u200b", "\ufeff"]

SPEAKERS = ["President Lee Jae Myung", "General Secretary Tô Lâm", "Minister Nguyễn Văn A", "He", "the ministry"]
# Whole quoted sentences, so that quotes are found often enough to test their offsets.
QUOTED = st.builds(
    "{open}{said}{close} {who}{cue} {rest}".format_map,
    st.fixed_dictionaries({
        "open": st.sampled_from(QUOTE_MARKS), "close": st.sampled_from(QUOTE_MARKS),
        "said": st.one_of(st.sampled_from(SEED_LINES), st.text(max_size=40)),
        "who": st.sampled_from(SPEAKERS), "cue": st.sampled_from([" said", " stressed", " noted", ""]),
        "rest": st.sampled_from(["", ".", "on Monday.", "that exports rose 12%.", "\n\n"]),
    }),
)
PIECES = st.one_of(
    QUOTED,
    st.sampled_from(SEED_LINES),
    st.sampled_from(SEED_WORDS),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(NUMBERS),
    st.sampled_from(SPEECH),
    st.sampled_from(SPACES),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.text(max_size=20),
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)
HTML_TEXTS = st.lists(st.one_of(PIECES, st.sampled_from(HTML_PIECES)), max_size=60).map("".join)
URIS = st.sampled_from(["a.txt", "page.html", "x", "dir/page.HTM?id=1"])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "utf-32"])


def body_article(text: str, uri: str):
    """The article clean_document makes of `text`, or None when it rightly refuses it."""
    try:
        return clean_document(text, uri)
    except CleanError:
        return None


@SETTINGS
@given(st.binary(max_size=2000))
@example(b"\xff\xfe \x00")  # a UTF-16 space: empty, as its UTF-8 twin is
@example(b"\xef\xbb\xbf")
def test_decode_raises_only_decode_error_and_yields_normal_text(content: bytes) -> None:
    try:
        text = decode_bytes(content)
    except DecodeError as error:
        assert str(error)
        return
    assert text.strip()
    assert "\r" not in text and not CONTROL.search(text)
    assert unicodedata.is_normalized("NFC", text)
    assert decode_bytes(text.encode("utf-8")) == text  # a re-saved file is the same document


@SETTINGS
@given(TEXTS, st.sampled_from(["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]))
@example("\ufeff", "utf-8-sig")  # only a zero-width character: empty once normalized, in any encoding
@example("\x00“A headline of words”", "utf-16-be")  # a NUL character is binary in UTF-16 as in UTF-8
@example("000\x00", "utf-8-sig")  # one NUL in four bytes is binary, not a short UTF-16 text
@example("0\x00\x800\x00\U00010000" * 2, "utf-8-sig")  # NULs among multi-byte UTF-8: binary, with or without a BOM
def test_a_unicode_encoding_changes_nothing_but_the_bytes(text: str, encoding: str) -> None:
    # Legacy code pages are left out: a detector guesses them, and on a few non-ASCII characters
    # it guesses wrong (cp1252 "“\xa0\xa0“" read as EUC-KR); test_decode holds whole seeds to it.
    if encoding in ("utf-16-le", "utf-16-be"):
        # Without a BOM, UTF-16 is recognised by the NUL bytes of its ASCII characters.
        assume(len(text) >= 8 and sum(ch.isascii() for ch in text) >= 0.6 * len(text))
    try:
        expected = decode_bytes(text.encode("utf-8"))
    except DecodeError:
        expected = None
    try:
        decoded = decode_bytes(text.encode(encoding))
    except DecodeError:
        decoded = None
    assert decoded == expected


@SETTINGS
@given(st.one_of(TEXTS, HTML_TEXTS), URIS)
def test_clean_gives_an_article_or_a_clean_error_with_offsets_that_hold(text: str, uri: str) -> None:
    article = body_article(text, uri)
    if article is None:
        return
    body = article.body
    assert body and all(paragraph.strip() == paragraph and paragraph for paragraph in article.paragraphs)
    for (start, end), paragraph in zip(article.paragraph_spans(), article.paragraphs, strict=True):
        assert body[start:end] == paragraph


@SETTINGS
@given(st.one_of(TEXTS, HTML_TEXTS), URIS)
def test_html_scripts_and_styles_never_reach_the_article(text: str, uri: str) -> None:
    # Generated markup comes after the scripts, or escaped before them: raw "<?" or "<!--" before
    # a <script> would turn it into text for a browser too, which is not a leak.
    page = (
        "<html><head><script>var leak = 'SCRIPT-LEAK';</script><style>.leak{color:red}</style></head>"
        f"<body><p>{html.escape(text)}</p><script type='module'>import('SCRIPT-LEAK')</script>"
        f"<noscript>SCRIPT-LEAK</noscript><p onclick=\"SCRIPT-LEAK\">{text}</p></body></html>"
    )
    article = body_article(page, uri)
    if article is None:
        return
    for kept in (article.body, article.title or "", article.byline or "", *article.captions):
        assert "SCRIPT-LEAK" not in kept and ".leak{" not in kept


@SETTINGS
@given(TEXTS)
def test_figures_never_raise_and_point_into_the_body(text: str) -> None:
    article = body_article(text, "a.txt")
    for body, published in ((text, None), (article.body, article.published_date) if article else (text, None)):
        for figure in extract_figures(body, published):
            assert 0 <= figure.start_char < figure.end_char <= len(body)
            assert body[figure.start_char : figure.end_char] == figure.text
            assert figure.text in figure.sentence


@SETTINGS
@given(st.one_of(TEXTS, HTML_TEXTS), URIS)
def test_quotes_never_raise_and_point_into_the_body(text: str, uri: str) -> None:
    article = body_article(text, uri)
    if article is None:
        return
    quotes, speakers = extract_quotes(article)
    body = article.body
    for quote in quotes:
        assert 0 <= quote.start_char < quote.end_char <= len(body)
        assert body[quote.start_char : quote.end_char] == quote.text
        assert quote.kind in {"direct", "indirect", "interview"}
    assert {speaker.name for speaker in speakers} <= {quote.speaker for quote in quotes}


@SETTINGS
@given(st.one_of(TEXTS, HTML_TEXTS), ENCODINGS, URIS)
def test_any_document_becomes_an_extraction_or_a_rejection_that_is_not_a_crash(
    text: str, encoding: str, uri: str
) -> None:
    try:
        content = text.encode(encoding)
    except UnicodeEncodeError:
        content = text.encode("utf-8")
    outcome = process_document(RawDocument(uri, content, content_sha256(content)))
    if isinstance(outcome, Rejection):
        assert outcome.stage in {"decode", "clean", "extract"} and outcome.reason
        assert not outcome.reason.startswith(("internal error", "cleaning failed")), outcome.reason
        return
    assert isinstance(outcome, Extraction)
    body = outcome.article.body
    for item in (*outcome.figures, *outcome.quotes):
        assert body[item.start_char : item.end_char] == item.text


@SETTINGS
@given(st.binary(min_size=1, max_size=3000), URIS)
def test_arbitrary_bytes_are_rejected_for_a_reason_or_loaded_never_crash(content: bytes, uri: str) -> None:
    outcome = process_document(RawDocument(uri, content, content_sha256(content)))
    if isinstance(outcome, Rejection):
        assert not outcome.reason.startswith(("internal error", "cleaning failed")), outcome.reason


def test_a_bom_alone_is_empty() -> None:
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            decode_bytes(bom)
        except DecodeError as error:
            assert str(error) == "empty document"
        else:
            raise AssertionError(f"{bom!r} decoded to text")
