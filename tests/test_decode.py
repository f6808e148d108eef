"""decode: the same text in every encoding and line-end style decodes to the same string."""

from __future__ import annotations

import codecs
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from vnrok_etl.decode import DecodeError, _normalize_form, decode_bytes

SEED_001 = (SEEDS / "001_be396d5f3061c090.txt").read_text(encoding="utf-8")
SEED_003 = (SEEDS / "003_07cb4f2a5708c291.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "variant",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.replace("\n", "\r\n").encode("utf-8"),
        lambda text: text.encode("cp1252"),
        lambda text: text.encode("utf-16"),  # with BOM
        lambda text: text.encode("utf-16-le"),  # without BOM
        lambda text: text.encode("utf-16-be"),
    ],
    ids=["utf8", "bom", "crlf", "cp1252", "utf16-bom", "utf16le", "utf16be"],
)
def test_every_encoding_of_a_seed_decodes_to_the_same_text(variant):
    assert decode_bytes(variant(SEED_001)) == decode_bytes(SEED_001.encode("utf-8"))


def test_vietnamese_diacritics_survive_utf16_and_nfd():
    import unicodedata

    nfd = unicodedata.normalize("NFD", SEED_003)
    assert decode_bytes(nfd.encode("utf-8")) == decode_bytes(SEED_003.encode("utf-8"))
    assert "HÀ NỘI —" in decode_bytes(SEED_003.encode("utf-16"))


def test_odd_spaces_become_plain_spaces_and_curly_quotes_stay():
    text = decode_bytes("Bilateral\u00a0trade\u2009reached “US$86.7\u202fbillion”\u200b.\r\n".encode())
    assert text == "Bilateral trade reached “US$86.7 billion”.\n"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\x0bab", max_size=30))
def test_trailing_spaces_go_exactly_as_the_regex_took_them(text):
    # _normalize_form strips them line by line for speed; the regex states the rule.
    assert _normalize_form(text) == re.sub(r"[ \t]+\n", "\n", text)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty document"),
        (b" \n\t \r\n", "empty document"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF document)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary file (zip archive)"),
        (b"some text\x00\x01\x02 with NUL bytes in the middle of it\x00", "binary content (NUL bytes)"),
    ],
)
def test_non_text_is_refused_with_a_reason(content, reason):
    with pytest.raises(DecodeError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode_bytes(content)


def test_invalid_utf8_after_a_utf8_bom_is_refused():
    with pytest.raises(DecodeError, match="invalid utf-8"):
        decode_bytes(codecs.BOM_UTF8 + b"abc \xff\xfe def")
