"""The speed pre-checks in clean/ are necessary conditions: with them, each function answers as
its pattern alone answers (benchmarks/RESULTS.md, "CPU won back in cleaning").

Each case is a line written for the test in the form the pattern reads, in the cases a
lower-cased copy could miss (capitals, mixed case, the letters re.IGNORECASE matches to "i" and
"s" that str.lower() does not turn into them), and a line the pattern must not match.
"""

from __future__ import annotations

import pytest

from vnrok_etl.clean.captions import TAIL_CREDIT_ENDINGS
from vnrok_etl.clean.common import by_first_character, by_last_character, may_hold_words, words_up_to
from vnrok_etl.clean.datelines import FIRST_DATE_WORD, is_date_words
from vnrok_etl.clean.header_furniture import furniture_rule
from vnrok_etl.clean.inline import split_run_together
from vnrok_etl.clean.lead import DATELINE, dateline_match
from vnrok_etl.clean.lines import CHROME_STARTS, FURNITURE_STARTS, other_language
from vnrok_etl.clean.tail import (
    AGENCY_CODE_ENDINGS,
    AGENCY_ENDINGS,
    NEWSLETTER_FRAME,
    RELATED_HEADING_STARTS,
    newsletter_frame,
)


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("", 3, 0),
        ("one", 3, 1),
        ("one two three", 3, 3),
        ("one two three four five", 3, 4),
        ("  one\ttwo\u00a0three  ", 5, 3),  # any whitespace parts words, as str.split() does
        ("one two three ", 2, 3),
    ],
)
def test_words_up_to_counts_words_up_to_one_past_the_limit(text, limit, expected):
    assert words_up_to(text, limit) == expected
    assert (words_up_to(text, limit) <= limit) == (len(text.split()) <= limit)


def test_may_hold_words_reads_case_as_the_regex_engine_does():
    assert may_hold_words("Please UNSUBSCRIBE here", ("unsubscribe",))
    assert may_hold_words("Manage Your SubScription", ("subscription",))
    assert not may_hold_words("The ministry said on Monday.", ("unsubscribe",))
    # "İ" and "ı" are "i" to re.IGNORECASE, and "ſ" is "s"; str.lower() keeps them apart.
    assert may_hold_words("Unſubscribe", ("unsubscribe",))
    assert may_hold_words("vİew this email in your browser", ("view ",))
    assert may_hold_words("vıew this email in your browser", ("view ",))


@pytest.mark.parametrize(
    "paragraph",
    [
        "View this email in your browser",
        "VIEW THIS EMAIL IN YOUR BROWSER",
        "Forwarded this email? Subscribe here for more.",
        "You are receiving this email because you signed up at our event in Da Nang.",
        "Update your preferences or unsubscribe from this list.",
        "Manage your subscription",
        "Unsubscribe | Email Preferences",
        "vİew this email in your browser",
        "Unſubscribe",
        "Hoang Minh Duc reviewed the preferences of 40 exporters in Binh Duong.",
        "The firm will forward the proposal to the ministry next week.",
        "Trần Thị Mai said the fair drew 3,000 visitors.",
    ],
)
def test_newsletter_frame_answers_as_its_pattern(paragraph):
    found = newsletter_frame(paragraph)
    expected = NEWSLETTER_FRAME.search(paragraph)
    assert (found and found.span()) == (expected and expected.span())


AFFIX_SETS = {
    "chrome words": CHROME_STARTS,
    "furniture prefixes": FURNITURE_STARTS,
    "related headings": RELATED_HEADING_STARTS,
}
SUFFIX_SETS = {
    "agency endings": AGENCY_ENDINGS,
    "agency codes": AGENCY_CODE_ENDINGS,
    "credit names": TAIL_CREDIT_ENDINGS,
}


@pytest.mark.parametrize("name", sorted(AFFIX_SETS))
def test_grouped_prefixes_match_as_the_whole_tuple(name):
    prefixes = AFFIX_SETS[name]
    groups = by_first_character(prefixes)
    texts = [p + " and more" for p in prefixes] + [p[:-1] for p in prefixes] + ["", "x", "Zebra crossing", "1. Business"]
    for text in texts:
        assert text.startswith(groups.get(text[:1], ())) == text.startswith(prefixes), text


@pytest.mark.parametrize("name", sorted(SUFFIX_SETS))
def test_grouped_suffixes_match_as_the_whole_tuple(name):
    suffixes = SUFFIX_SETS[name]
    groups = by_last_character(suffixes)
    texts = ["the end " + s for s in suffixes] + [s[1:] for s in suffixes] + ["", ".", "the talks ended."]
    for text in texts:
        assert text.endswith(groups.get(text[-1:], ())) == text.endswith(suffixes), text


@pytest.mark.parametrize(
    "line, expected",
    [
        ("서울 경제 뉴스 더보기", True),  # a Korean menu line
        ("구독하기 로그인 Login", True),  # more Hangul letters (7) than Latin (5)
        ("The Seoul-based firm (삼성) opened a plant in Bắc Ninh province last year.", False),
        ("Đọc thêm các tin tức mới nhất về kinh tế Việt Nam", True),  # a Vietnamese teaser
        ("LĐ – 09:12 | Chủ nhật, 17/03/2024", True),  # a Vietnamese teaser's date line
        ("Nguyễn Thị Hương and Lê Văn Đức met investors from Busan in Hà Nội on Tuesday.", False),
    ],
)
def test_other_language_finds_hangul_and_vietnamese_in_one_scan(line, expected):
    assert other_language(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("The Korea Times close", "chrome"),  # the outlet's name beside a menu button's label
        ("Viet Nam News MENU", "chrome"),
        ("The Korea Times Toggle navigation", "chrome"),
        ("The Korea Times cloſe", "chrome"),  # "ſ" is "s" to re.IGNORECASE
        ("Home / News / Politics", "breadcrumb"),
        ("Home » Business » Investment", "breadcrumb"),
        ("Trending  Tet holiday | Korean Wave | Metro Line 1", "breadcrumb"),
        ("Seoul and Hanoi agreed to open a new route / service from next spring", None),
        ("Exporters in Binh Duong said the new customs portal would open", None),
    ],
)
def test_furniture_rule_reads_menu_controls_and_breadcrumbs_after_their_pre_checks(line, expected):
    assert furniture_rule(line, None, None) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sept 14, 2023 - 17:42", True),
        ("Friday, August 15, 2025", True),
        ("15/08/2025 09:10", True),
        ("(GMT+7) 10:25", True),
        ("Thứ hai, 12/3/2024", True),
        ("Ministry of Industry and Trade said on Tuesday that exports rose", False),
        ("2.1 billion USD in new projects", False),  # opens with a number, then prose
        ("Vietnam Time", False),
    ],
)
def test_is_date_words_rules_out_text_that_opens_with_no_date_word(text, expected):
    assert is_date_words(text) is expected
    if expected:
        assert FIRST_DATE_WORD.match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "HÀ NỘI — The ministry said on Monday it would open a new office.",
        "Hanoi (VNA) - The ministry said on Monday it would open a new office.",
        "SEOUL, Nov. 3 (Yonhap) -- South Korea said on Monday it would open a new office.",
        "SEOUL, South Korea, Dec. 2, 2025 /PRNewswire/ -- Acme Robotics said it would open an office.",
        # the longest opening DATELINE reads: four place words, a region and its day, a service
        "Ba Ria Vung Tau, Gyeonggi Province, September 12, 2025 (Korea Biz Wire) — The firm said.",
        "Ba Ria Vung Tau, Gyeonggi Province, September 12, 2025 (Korea Biz Wire)—The firm said.",
        "Seoul–Busan rail links opened to Vietnamese tourists in June.",
        "The ministry said on Tuesday that exports rose by a tenth in the first half of the year.",
    ],
)
def test_dateline_match_answers_as_the_pattern(text):
    found, expected = dateline_match(text), DATELINE.match(text)
    assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("The plant opened in 2016.In the same year it hired 300 workers.", "The plant opened in 2016. In the same year it hired 300 workers."),
        ("Will it open?Officials say yes.", "Will it open? Officials say yes."),
        ("Exports rose!Imports fell.", "Exports rose! Imports fell."),
        ("Mr.Kim met the delegation at VnExpress.net on Monday.", "Mr.Kim met the delegation at VnExpress.net on Monday."),
        ("Growth was 3.5 percent. Officials expect more.", "Growth was 3.5 percent. Officials expect more."),
    ],
)
def test_split_run_together_finds_every_sentence_mark_after_its_full_stop_pre_check(paragraph, expected):
    assert split_run_together(paragraph) == expected


# --- first-character pre-checks (branch cleanspeed) ------------------------------------------
# Each pattern below is anchored at the line's start: a line is tried only when its first
# character is one the pattern can open with. Every character of the Basic Multilingual Plane is
# put before the rest of a line the pattern reads, and the pattern must match only after the
# characters the pre-check lets through (so re.IGNORECASE's "İ", "ı", "ſ" are found, not assumed).

_BMP = [chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]


def _openers(pattern, rests):
    return {char for char in _BMP for rest in rests if pattern.match(char + rest)}


def test_bullet_marks_are_every_character_bullet_opens_with():
    from vnrok_etl.clean.lines import BULLET, BULLET_MARKS

    assert _openers(BULLET, [" Viet Nam and Korea sign a deal", "\tThe second item"]) == set(BULLET_MARKS)
    assert BULLET.match("• Trade rose by a tenth") and not BULLET.match("-- not an item")


def test_credit_only_and_related_link_open_only_with_their_letters():
    from vnrok_etl.clean.captions import CREDIT_ONLY
    from vnrok_etl.clean.lines import (
        CREDIT_ONLY_FIRST,
        RELATED_LINK,
        RELATED_LINK_FIRST,
    )

    credit_rests = ["hoto: Lan Anh", "HOTOS: Lan Anh/Tuoi Tre", "Photo: VNA)"]
    assert _openers(CREDIT_ONLY, credit_rests) <= set(CREDIT_ONLY_FIRST)
    assert CREDIT_ONLY.match("(Photo: VNA)") and CREDIT_ONLY.match("PHOTO: Lan Anh.")
    related_rests = ["ead more: Exports rise", "EE ALSO: A new port", "lso read: A new port",
                     "elated: A new port", "em thêm: Cảng mới", "ee more: x"]
    openers = _openers(RELATED_LINK, related_rests)
    assert openers <= set(RELATED_LINK_FIRST) and "ſ" in openers  # re.IGNORECASE's long s
    assert RELATED_LINK.match("Read more: Exports rise") and RELATED_LINK.match("ſee also: x")


def test_stock_caption_pre_checks_let_through_every_form():
    from vnrok_etl.clean.captions import (
        MAX_SPACED_IMAGE_NAME_CHARS,
        SPACED_IMAGE_NAME,
        STOCK_CAPTION,
        STOCK_CAPTION_FIRST,
        stock_caption,
    )

    rests = ["llustration photo", "LLUSTRATIVE IMAGE", "hoto for illustration", "ile photo.", "hotos = Kim Min-ho",
             "verview of the meeting.", " view of the ceremony", "n overview of the forum", "eneral view of the summit",
             "iew at the gala", "anorama of the festival", "cene at the signing ceremony"]
    openers = _openers(STOCK_CAPTION, rests)
    assert openers <= set(STOCK_CAPTION_FIRST) and {"İ", "ı", "ſ"} <= openers
    for line in ("Illustration photo", "İllustrative image", "File photo.", "Photos = Kim Min-ho", "dong nai 2.jpg",
                 "Overview of the meeting.", "A general view of the trade fair", "Scene at the opening"):
        assert stock_caption(line), line
    longest = "a" * 60 + ".jpeg"
    assert SPACED_IMAGE_NAME.match(longest) and SPACED_IMAGE_NAME.match(longest + "\n")
    assert len(longest + "\n") == MAX_SPACED_IMAGE_NAME_CHARS
    assert not SPACED_IMAGE_NAME.match("a" + longest)
    assert stock_caption(longest) and not stock_caption("A delegation visits the port in Hai Phong.")


def test_interview_cue_opens_only_with_its_letters():
    from vnrok_etl.clean import INTERVIEW_CUE, INTERVIEW_CUE_FIRST, article_kind

    openers = _openers(INTERVIEW_CUE, [": What comes next?", "uestion. What next?", "ỏi: Điều gì?", "UESTION: Next?"])
    assert openers <= set(INTERVIEW_CUE_FIRST)
    asked = ["Q: What will the office do?", "It will help firms invest.", "question: And then?", "More trade."]
    assert article_kind(asked) == "interview"
    assert article_kind(["Trade rose by a tenth.", "Officials expect more."]) == "news"


@pytest.mark.parametrize(
    "line, dated",
    [
        ("Updated: 15/08/2025 09:10", True),
        ("Published : Sept 14, 2023 - 17:42", True),
        ("LAST UPDATED ON: Sept 14, 2023", True),
        ("Posted on December 2, 2025", True),
        ("승인 2025.01.02 14:05", True),
        ("Friday, August 15, 2025", True),
        ("Today, 09:14 GMT+7", True),
        ("11/20/2024 3:41:07 PM", True),
        ("Nov 14, 2024 / 16:42", True),
        ("thứ Hai, 12/5/2025 - 10:20", True),
        ("(Dec 5, 2025)", True),  # a bracket is a date word
        ("Wednesday, 10:25", True),
        ("Date: 2025-12-05", True),
        ("The ministry said on Friday, August 15, 2025 that exports rose.", False),
        ("Hanoi, August 15, 2025", False),
        ("Kim Min-ho 15/08/2025", False),
        ("", False),
    ],
)
def test_may_be_date_line_lets_every_date_line_through(line, dated):
    from vnrok_etl.clean.datelines import DATE_LINE, is_date_words, may_be_date_line

    match = DATE_LINE.match(line)
    assert bool(match and is_date_words(match.group("date"))) == dated
    if dated:
        assert may_be_date_line(line)


def test_may_be_date_line_rules_out_a_lead():
    from vnrok_etl.clean.datelines import may_be_date_line

    assert not may_be_date_line("The ministry said on Friday, August 15, 2025 that exports rose.")
    assert not may_be_date_line("Hanoi, August 15, 2025")


@pytest.mark.parametrize(
    "line",
    [
        "by NDO 15/08/2025, 01:50",
        "By Minh Anh – 15/08/2025 ",
        "BY THANH HA | 5/8/2025 - 9:05\t",
        "Minh Vu 19:26, 2021/12/12",
        "Minh Vu 12/12/2021, 19:26\n",
        "Lê Văn Hùng 19:26 2021/1/2",
    ],
)
def test_dated_bylines_end_with_a_digit(line):
    from vnrok_etl.clean.bylines import DATED_BYLINES

    assert any(pattern.match(line) for pattern in DATED_BYLINES)
    assert line.rstrip()[-1:].isdigit()


@pytest.mark.parametrize(
    "line, email",
    [
        ("mjchoi@yna.co.kr", True),
        ("(kimdy@heraldcorp.com)", True),
        ("lan.anh+news@vnexpress.net", True),
        ("mjchoi at yna.co.kr", False),
        ("Contact: the ministry", False),
    ],
)
def test_email_line_needs_the_at_sign_its_pre_check_looks_for(line, email):
    from vnrok_etl.clean.common import EMAIL_LINE

    assert bool(EMAIL_LINE.match(line)) == email
    assert not EMAIL_LINE.match(line) or "@" in line
