"""More speed pre-checks in clean/, each tested against the tests it guards (as in
tests/test_clean_prefilters.py: every character of the Basic Multilingual Plane put where the
pre-check looks, so what the patterns accept is found, not assumed)."""

from __future__ import annotations

from vnrok_etl.clean.lines import other_language
from vnrok_etl.clean.tail import (
    AGENCY_CODES,
    END_OF_ARTICLE_LAST,
    credit_caption,
    end_mark,
    ends_article,
    standalone_agency,
    trailing_signoff,
)

_BMP = [chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]


def _ends_article_unguarded(block: list[str]) -> bool:
    line = block[-1]
    return bool(
        end_mark(line)
        or (trailing_signoff(line) and not (line.endswith(")") and credit_caption(line)))
        or (len(block) == 1 and standalone_agency(line))
    )


def test_ends_article_pre_check_lets_every_end_through():
    # Every character as the line's last (before an optional full stop): the end mark's "/.",
    # a sign-off after a dash or in brackets, a bare agency line.
    heads = ["The talks ended in Hanoi. — VN", "The talks ended in Hanoi. (Yonhap", "The talks ended in Hanoi./", "VN"]
    closers = set()
    for head in heads:
        for character in _BMP:
            for tail in ("", "."):
                line = head + character + tail
                if _ends_article_unguarded([line]):
                    closers.add(line.rstrip(".\n")[-1:])
                    assert ends_article([line]), line
    assert closers <= END_OF_ARTICLE_LAST
    assert {"A", "S", "P", "/", ")"} <= closers
    for code in AGENCY_CODES:
        for line in (f"The talks ended. — {code}", f"The talks ended. ({code}).", f"The talks ended.-{code}", code,
                     f"— {code}.", f"The talks ended. {code}\n"):
            for block in ([line], ["A caption of the photo", line]):
                assert ends_article(block) == _ends_article_unguarded(block), (block, code)
    assert ends_article(["The talks ended in Hanoi./."]) and ends_article(["Trade rose. — VNA"])
    assert not ends_article(["The talks ended in Hanoi."]) and not ends_article([""])


def test_other_language_without_marked_letters_or_hangul_is_english():
    # A line with no Hangul and no Vietnamese-only letter is decided before any count.
    assert not other_language("Trade rose by a tenth – the ministry’s “record” year")
    assert not other_language("Café owners in Hà Nội met the delegation on Monday")  # names are English text
    assert other_language("베트남 뉴스 더보기")
    assert other_language("Xem thêm những tin tức mới nhất về quan hệ hai nước")


def test_portrait_caption_never_ends_with_what_its_pre_check_rules_out():
    from vnrok_etl.clean.captions import (
        PORTRAIT_CAPTION,
        PORTRAIT_NOT_LAST,
        portrait_caption,
    )

    heads = ["Cho Min-jae, chief representative of KEXIM in Hanoi", "Le Thi Hoa, director"]
    last = {char for char in _BMP for head in heads if PORTRAIT_CAPTION.match(head + char)}
    assert last and not last & PORTRAIT_NOT_LAST
    assert portrait_caption("Cho Min-jae, chief representative of KEXIM in Hanoi")
    assert not portrait_caption("Cho Min-jae, chief representative of KEXIM in Hanoi.")
    # The pattern closes with a title word or these characters, then the end: nothing else.
    assert PORTRAIT_CAPTION.pattern.endswith(r"officer)\b[^.!?;:]{0,100}$")


def test_by_forms_are_every_spelling_of_by_under_ignorecase():
    import re

    from vnrok_etl.clean.captions import BY_FORMS, split_glued_caption

    by = re.compile(r"by", re.IGNORECASE)
    found = {a + b for a in _BMP if by.match(a + "y") or by.match(a + "Y") for b in "yY"}
    found |= {a + b for b in _BMP if by.match("b" + b) or by.match("B" + b) for a in "bB"}
    assert found == set(BY_FORMS)
    caption, rest = split_glued_caption("Delegates at the talks in Hanoi. Photo BY Lan AnhThe two sides agreed")
    assert caption.endswith("Photo BY Lan Anh") and rest.startswith("The two sides")
