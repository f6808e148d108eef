"""Bytes to normalized text: BOMs, charsets, Unicode normal form, odd spaces and line ends.

The same article saved with a BOM, CRLF line ends or in cp1252 must decode to the very same text,
so that it gets the same article_id (DESIGN.md). Charset guessing is left to charset-normalizer;
what is hand-written here is only the order of trust: a BOM, then strict UTF-8 (which almost
never decodes non-UTF-8 text by accident), then the detector, and a refusal of binary formats.

Mixed encodings (a UTF-8 file with a few cp1252 bytes pasted in, as editors and CMS exports
produce) are decoded, not rejected: when most of the non-ASCII text is valid UTF-8, the stray
bytes are read as cp1252. Handing the whole file to the detector instead read seed 001 with one
cp1252 dash pasted in as cp1251 ("Viet Namв", measured), garbling every other character.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Formats that are never an article, recognised by their first bytes.
BINARY_SIGNATURES = {
    b"%PDF-": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "zip archive",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"RIFF": "RIFF media file",
}

# The detector chooses among these only. Unrestricted, it read seed 001 saved as cp1252 as
# mac_roman (measured): legacy Mac and DOS code pages are not what news sites or editors save.
CANDIDATE_ENCODINGS = [
    "cp1252", "latin_1", "iso8859_15", "cp1258", "cp1250", "cp1251", "cp1253", "cp1254",
    "koi8_r", "euc_kr", "cp949", "shift_jis", "euc_jp", "gb18030", "big5",
]


def _chars(first: str, last: str) -> str:
    return "".join(map(chr, range(ord(first), ord(last) + 1)))


def _char_class(chars: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(chars)}]")


# Every space-like character other than plain space, tab and newline becomes a plain space;
# zero-width characters go away. (NBSP is common in CMS exports.)
ODD_SPACE_CHARS = "\u00a0\u1680" + _chars("\u2000", "\u200a") + "\u202f\u205f\u3000\u0085"
ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
CONTROL_CHARS = _chars("\x00", "\x08") + "\x0b\x0c" + _chars("\x0e", "\x1f") + "\x7f"
LINE_SEPARATOR_CHARS = "\u2028\u2029"  # CR and CRLF too, handled first (CRLF is two characters)
ODD_SPACES = _char_class(ODD_SPACE_CHARS)
ZERO_WIDTH = _char_class(ZERO_WIDTH_CHARS)
CONTROL = _char_class(CONTROL_CHARS)
LINE_END = re.compile(r"\r\n?|[\u2028\u2029]")
# What normalize_text does to each character other than CR, as one lookup: most documents hold
# none or one or two distinct such characters (NBSP, measured on the benchmark corpus), so one scan
# finds them and a str.replace per distinct character does the rest, instead of four regex passes.
REPLACEMENTS = {
    **dict.fromkeys(LINE_SEPARATOR_CHARS, "\n"),
    **dict.fromkeys(ZERO_WIDTH_CHARS, ""),
    **dict.fromkeys(ODD_SPACE_CHARS, " "),
    **dict.fromkeys(CONTROL_CHARS, ""),
}
ODD_CHARACTER = _char_class("".join(REPLACEMENTS))
# Text has tabs and line ends; a file where more than this share of the characters are other
# control characters is binary data that happened to decode (random bytes: about 1 in 8).
CONTROL_SHARE_LIMIT = 0.01
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


# Korean text in CP949 (EUC-KR) shown as Latin-1: every Korean character and Korean-font
# punctuation is two bytes from \xa1-\xfe, so it shows as two Latin-1 letters or signs
# ("¡°...¡±" for “...”, "Vietnam¡¯s" for Vietnam’s, "È®´ë" for 확대): a run of such characters.
CP949_SHOWN_AS_LATIN1 = re.compile(r"[\u00a1-\u00fe]{2,}")
# What such a run may decode to for the repair to be sure of it: Hangul syllables, Korean-font
# quotation marks, the ellipsis and the middle dot (and spaces between them).
CP949_REPAIRED = re.compile(r"^[\uac00-\ud7a3\u2018\u2019\u201c\u201d\u2026\u00b7\u3001\u3002 ]+$")


# UTF-16 without a BOM: the share of characters whose high byte is NUL (ASCII) above which it is read.
UTF16_ASCII_SHARE = 0.5


class DecodeError(ValueError):
    """The bytes are not text we can read; the message is the rejection reason."""


def decode_bytes(content: bytes) -> str:
    """Decode and normalize: the text every later stage sees."""
    text = _to_str(content)
    if "\x00" in text:
        raise DecodeError("binary content (NUL bytes)")  # in UTF-16 too, as in its UTF-8 twin
    length = len(text)
    text, controls = _replace_odd_characters(text)  # counts the controls in the same scan
    if controls > CONTROL_SHARE_LIMIT * length:
        raise DecodeError(f"binary content ({controls:,} control characters in {length:,})")
    text = _normalize_form(text)
    if not text.strip():
        raise DecodeError("empty document")  # a BOM alone, zero-width or UTF-16 spaces: as their UTF-8 twins
    if "¡" in text or "´" in text:
        text = repair_cp949_mojibake(text)
    return text


def repair_cp949_mojibake(text: str) -> str:
    """Korean-font punctuation and Hangul that a Korean outlet's CMS stored as CP949 bytes and its
    English page shows as Latin-1 (Pulse by Maeil Business's form, in words of our own: "¡°Our
    partners there design most of it now,¡± an official said"; "the brand¡¯s flagship"): each run of characters
    from \xa1-\xfe that reads, as CP949, wholly as Hangul or Korean quotation marks is replaced by
    what it reads as. Latin text never holds such a run (two accented capitals or signs in a row
    that make Hangul); a run that reads as anything else stays as it is.

    Only texts holding "¡" (the first byte of CP949's punctuation) or "´" (of common syllables)
    are searched: the rest cost one substring test."""

    def repaired(match: re.Match[str]) -> str:
        run = match.group()
        if len(run) % 2:
            return run
        try:
            korean = run.encode("latin-1").decode("cp949")
        except UnicodeError:
            return run
        return korean if CP949_REPAIRED.match(korean) else run

    return CP949_SHOWN_AS_LATIN1.sub(repaired, text)


def normalize_text(text: str) -> str:
    """NFC, LF line ends, plain spaces; trailing spaces on lines removed."""
    return _normalize_form(_replace_odd_characters(text)[0])


def _replace_odd_characters(text: str) -> tuple[str, int]:
    """LF line ends, odd spaces as plain spaces, no zero-width or control characters; and how many
    control characters there were."""
    if "\r" in text:  # first: "\r\u200b\n" is two line ends, as LINE_END reads it before the rest
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = 0
    position = 0
    # One search per *distinct* odd character: its every occurrence is replaced at once, and no
    # replacement ("\n", " " or "") is itself odd, so the scan resumes where the character was.
    while match := ODD_CHARACTER.search(text, position):
        char = match.group()
        if char in CONTROL_CHARS:
            controls += text.count(char)
        position = match.start()
        text = text.replace(char, REPLACEMENTS[char])
    return text, controls


def _normalize_form(text: str) -> str:
    """NFC, then trailing spaces and tabs off every line."""
    text = unicodedata.normalize("NFC", text)
    # Speed: two substring searches rule most texts out. The rest is re.sub(r"[ \t]+\n", "\n", text)
    # done per line: the regex tries (and fails at) every space between words, str.rstrip on each
    # line that a "\n" ends removes exactly the [ \t] run before that "\n" (the last piece has none
    # after it). 7x faster; HTML pages hit it through drop logs (" ".join of "\n" text nodes).
    if " \n" in text or "\t\n" in text:
        lines = text.split("\n")
        text = "\n".join([line.rstrip(" \t") for line in lines[:-1]] + lines[-1:])
    return text


def _to_str(content: bytes) -> str:
    if not content.strip():
        raise DecodeError("empty document")
    for bom, encoding in BOMS:
        if content.startswith(bom):
            return _decode_strict(content[len(bom):], encoding)
    for signature, name in BINARY_SIGNATURES.items():
        if content.startswith(signature):
            raise DecodeError(f"binary file ({name})")
    utf16 = _utf16_without_bom(content)
    if utf16:
        return _decode_strict(content, utf16)
    if b"\x00" in content:
        raise DecodeError("binary content (NUL bytes)")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(content):
        return content.decode("utf-8", errors=CP1252_FALLBACK)
    best = from_bytes(content, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        raise DecodeError("undecodable bytes: no character set fits")
    return str(best)


def _decode_strict(content: bytes, encoding: str) -> str:
    try:
        return content.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(f"invalid {encoding} at byte {error.start}") from None


def _mostly_utf8(content: bytes) -> bool:
    """More valid multi-byte UTF-8 sequences than bytes that are invalid UTF-8."""
    valid = len(UTF8_MULTIBYTE.findall(content))
    if not valid:
        return False
    invalid = len(content) - len(content.decode("utf-8", errors="ignore").encode("utf-8"))
    return valid > invalid


def _cp1252_for_invalid_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 refused, read as cp1252 (latin-1 where cp1252 has a hole)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return "".join(bytes([byte]).decode("cp1252", errors="replace").replace("\ufffd", chr(byte)) for byte in chunk), error.end


CP1252_FALLBACK = "vnrok-cp1252-fallback"
codecs.register_error(CP1252_FALLBACK, _cp1252_for_invalid_bytes)


def _utf16_without_bom(content: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte of ASCII-heavy text.

    Not below 8 characters: in a few bytes one stray NUL is half the odd bytes ("000\x00" is
    binary, not UTF-16 for "〰0"). ASCII-heavy means more than half of the characters: a few NULs
    among UTF-8 multi-byte sequences are binary content, not UTF-16 text.
    """
    sample = content[:4000]
    if len(sample) < 16 or len(sample) % 2:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nul > UTF16_ASCII_SHARE and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > UTF16_ASCII_SHARE and odd_nul < 0.05:
        return "utf-16-be"
    return None
