"""The plain-text header model: each kind of header line, each on at least two printed forms.

Every article here was written for this file (invented events, no outlet's text); the layouts
reproduce forms found on real pages (tests/corpus/FORMS*.md lists where).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from vnrok_etl.clean import clean_document
from vnrok_etl.records import Article

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
SEOUL = ZoneInfo("Asia/Seoul")

LEAD = (
    "A delegation of engineers from Busan arrived in Hai Phong on Monday to help upgrade the "
    "city's container terminal, the port authority said."
)
SECOND = (
    "The two sides will spend three weeks testing new cranes and training 40 local operators, "
    "according to the plan signed last month."
)
THIRD = "The project is funded by a grant of about 2 million USD from the Korean side."
HEADLINE = "Busan engineers help Hai Phong upgrade its port"


def clean(text: str) -> Article:
    return clean_document(text, "test.txt")


def removed_rules(article: Article) -> list[str]:
    return [span.rule for span in article.removed]


# ---------------------------------------------------------------- headline among labels

@pytest.mark.parametrize(
    "labels",
    [
        "Politics",  # a section word
        "1. Business",  # a numbered section label
        "Home / News / Politics",  # a breadcrumb
        "Trending  Tet holiday  |  Korean Wave  |  Gold prices",  # a trending strip
        "National\nPolitics\nSocial Affairs\nBusiness",  # a menu, one word a line
        "[Herald Interview]",  # a rubric in brackets
    ],
)
def test_headline_is_the_title_never_a_label(labels: str) -> None:
    article = clean(f"{labels}\n{HEADLINE}\n{LEAD}\n{SECOND}")
    assert article.title == HEADLINE
    assert article.body.startswith("A delegation of engineers")
    for label in labels.split("\n"):
        assert label.split()[0] not in article.body.split()[0]


def test_headline_glued_after_date_marker_is_separated_from_the_lead() -> None:
    article = clean(f" date 2024-06-22 {HEADLINE}\nSEOUL, June 22 (Yonhap) -- {LEAD}\n{SECOND}")
    assert article.title == HEADLINE
    assert article.dateline == "Seoul" and article.source == "Yonhap"
    assert article.paragraphs[0] == LEAD


def test_wire_version_tag_and_note_leave_the_title() -> None:
    article = clean(
        f" date 2024-06-22 (LEAD) {HEADLINE}\nATTN: UPDATES with new figures in para 3\n"
        f"SEOUL, June 22 (Yonhap) -- {LEAD}\n{SECOND}\n(END)"
    )
    assert article.title == HEADLINE
    assert "ATTN" not in article.body and "(END)" not in article.body
    assert article.paragraphs[-1] == SECOND


def test_deck_under_headline_leaves_the_body() -> None:
    deck = "Korean engineers bring crane know-how to the northern port city"
    article = clean(f"{HEADLINE}\n\n{deck}\n\nBy Kim Min-ho\n\n{LEAD}\n\n{SECOND}")
    assert article.title == HEADLINE
    assert article.byline == "Kim Min-ho"
    assert deck not in article.body
    assert "subheadline" in removed_rules(article)


def test_topic_strip_run_together_is_not_the_headline() -> None:
    strip = "Hanoi Autumn Festival 2024 Red River Urban Axis Hanoi Metro Line 3 Capital Law 2024"
    article = clean(f"{strip}\nNov 14, 2024 / 16:42\n{HEADLINE}\n{LEAD}\n{SECOND}")
    assert article.title == HEADLINE
    assert article.published_at == datetime(2024, 11, 14, 16, 42, tzinfo=HCM)


def test_hard_wrapped_first_paragraph_is_not_a_headline() -> None:
    text = (
        "Korean companies have poured more than 90 billion USD into Vietnam\n"
        "since the two countries set up diplomatic ties, turning it into a major\n"
        "production base for electronics.\n\n" + SECOND
    )
    article = clean(text)
    assert article.title is None
    assert article.body.startswith("Korean companies have poured more than 90 billion USD into Vietnam since")


# ---------------------------------------------------------------- bylines

@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Kim Do-yeon", "Kim Do-yeon"),
        ("By Thanh Tam – Translated by Huong Giang", "Thanh Tam"),
        ("By Che Han- Translated by Huyen Huong", "Che Han"),
        ("By Ngoc An / Tuoi Tre News", "Ngoc An"),
        ("By Kim Do-yeon (kimdy@example.co.kr)", "Kim Do-yeon"),
        ("By Reporter Yoo Min-ji", "Yoo Min-ji"),
        ("Posts Minh Anh", "Minh Anh"),
        ("Story: Minh Chau", "Minh Chau"),
        ("Hoang An / Tuoi Tre News", "Hoang An"),
    ],
)
def test_header_byline_forms(line: str, byline: str) -> None:
    article = clean(f"{HEADLINE}\n{line}\n{LEAD}\n{SECOND}")
    assert article.byline == byline
    assert article.title == HEADLINE
    assert article.paragraphs == (LEAD, SECOND)


def test_byline_by_an_agency_names_the_source_not_a_writer() -> None:
    article = clean(f"{HEADLINE}\n\nBy Yonhap\nPublished : May 12, 2025 - 08:50\n\n{LEAD}\n\n{SECOND}")
    assert article.byline is None
    assert article.source == "Yonhap"


@pytest.mark.parametrize(
    ("line", "byline", "published_at"),
    [
        ("Minh Vu 19:26, 2021/12/12", "Minh Vu", datetime(2021, 12, 12, 19, 26, tzinfo=HCM)),
        ("By Doan Loan   November 20, 2023 | 06:15 pm GMT+7", "Doan Loan",
         datetime(2023, 11, 20, 18, 15, tzinfo=HCM)),
        ("By Lee Seo-yeonPublished : Oct 8, 2025 - 10:05", "Lee Seo-yeon",
         datetime(2025, 10, 8, 10, 5, tzinfo=HCM)),
    ],
)
def test_byline_and_date_on_one_line(line: str, byline: str, published_at: datetime) -> None:
    article = clean(f"{HEADLINE}\n{line}\n{LEAD}\n{SECOND}")
    assert article.byline == byline
    assert article.published_at == published_at
    assert article.body.startswith("A delegation")


@pytest.mark.parametrize(
    ("closing", "byline"),
    [
        ("By Kim Do-yeon (kimdy@example.co.kr)", "Kim Do-yeon"),
        ("By Thanh Tam – Translated by Huong Giang", "Thanh Tam"),
        ("Kim Jung-mi 기자 jmkim@example.com", "Kim Jung-mi"),
        ("Thuy Linh", "Thuy Linh"),
    ],
)
def test_closing_byline_leaves_the_body(closing: str, byline: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}\n\n{closing}")
    assert article.byline == byline
    assert article.paragraphs == (LEAD, SECOND)


def test_bare_name_under_the_headline_is_the_byline() -> None:
    article = clean(f"09:30 14/08/2025\n{HEADLINE}\nMai Anh\n{LEAD}\n{SECOND}")
    assert article.byline == "Mai Anh"
    assert article.published_at == datetime(2025, 8, 14, 9, 30, tzinfo=HCM)


# ---------------------------------------------------------------- date lines and zones

@pytest.mark.parametrize(
    ("line", "published_at"),
    [
        ("December 07, 2022 1:32 PM GMT+7", datetime(2022, 12, 7, 13, 32, tzinfo=HCM)),
        ("Sunday, November 27, 2022, 15:01 GMT+7", datetime(2022, 11, 27, 15, 1, tzinfo=HCM)),
        ("Update: March, 10/2025 - 08:15", datetime(2025, 3, 10, 8, 15, tzinfo=HCM)),
        ("Updated : 03/25/2016 09:42 GMT + 7", datetime(2016, 3, 25, 9, 42, tzinfo=HCM)),
        ("April 16, 2024 - 09:00", datetime(2024, 4, 16, 9, 0, tzinfo=HCM)),
    ],
)
def test_printed_date_line_is_parsed_and_leaves_the_body(line: str, published_at: datetime) -> None:
    article = clean(f"{HEADLINE}\n\n{line}\n\n{LEAD}\n\n{SECOND}")
    assert article.published_at == published_at
    assert article.date_source == "text"
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize("line", ["Today, 09:14 GMT+7", "Wednesday, 10:25"])
def test_date_line_without_a_year_is_null_never_guessed(line: str) -> None:
    article = clean(f"{HEADLINE}\n{line}\n{LEAD}\n{SECOND}")
    assert (article.published_date, article.published_at, article.date_source) == (None, None, None)
    assert line not in article.body


def test_korean_outlet_prints_korean_time() -> None:
    text = (
        f"The Korea Herald\n\n{HEADLINE}\n\nBy Park Ji-won\nPublished : Jul 2, 2024 - 16:25       "
        f"Updated : Jul 2, 2024 - 17:00\n\n{LEAD}\n\n{SECOND}"
    )
    article = clean(text)
    assert article.published_at == datetime(2024, 7, 2, 16, 25, tzinfo=SEOUL)
    assert article.published_date == date(2024, 7, 2)
    yonhap = clean(f"{HEADLINE}\n\nBy Yonhap\nPublished : Jul 2, 2024 - 08:10\n\n{LEAD}\n\n{SECOND}")
    assert yonhap.published_at == datetime(2024, 7, 2, 8, 10, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("uri", "zone"),
    [
        ("https://koreajoongangdaily.joins.com/news/2025-10-14/business/port/2041234", SEOUL),
        ("/home/user/saved/joongang-port-deal.txt", SEOUL),  # a saved file named by its outlet
        ("https://www.koreatimes.co.kr/business/20251014/port-deal", SEOUL),
        ("/home/user/saved/port-deal.txt", HCM),  # no mark anywhere: Hà Nội time
    ],
)
def test_outlet_named_by_the_document_address_gives_its_zone(uri: str, zone: ZoneInfo) -> None:
    """No mark of the outlet in the text: its address names it (a crawled URL, a file name)."""
    text = f"{HEADLINE}\nPublished: 14 Oct. 2025, 18:20\nHANOI — {LEAD}\n{SECOND}"
    article = clean_document(text, uri)
    assert article.published_at == datetime(2025, 10, 14, 18, 20, tzinfo=zone)


def test_zone_label_above_the_date_wins_over_the_outlet() -> None:
    text = f"Vietnam Time\n11/20/2024 3:41:07 PM\n{HEADLINE}\n{LEAD}\nA Korea Times photo.\n{SECOND}"
    article = clean(text)
    assert article.published_at == datetime(2024, 11, 20, 15, 41, 7, tzinfo=HCM)


def test_printed_time_beats_the_date_marker() -> None:
    article = clean(f" date 2023-09-14 {HEADLINE}\nPublished : Sept 14, 2023 - 17:42\n{LEAD}\n{SECOND}")
    assert article.published_at == datetime(2023, 9, 14, 17, 42, tzinfo=HCM)


def test_date_line_under_the_lead_leaves_the_body() -> None:
    article = clean(f"{HEADLINE}\n\nVGP - {LEAD}\n\nDecember 07, 2022 1:32 PM GMT+7\n\n{SECOND}")
    assert article.source == "VGP" and article.dateline is None
    assert article.published_at == datetime(2022, 12, 7, 13, 32, tzinfo=HCM)
    assert article.paragraphs == (LEAD, SECOND)


def test_weather_strip_date_is_the_page_date_not_the_article_date() -> None:
    article = clean(f"31.2 C\nHo Chi Minh City\nFriday, July 25, 2025\n{HEADLINE}\n{LEAD}\n{SECOND}")
    assert article.published_date is None
    assert article.title == HEADLINE
    assert "Ho Chi Minh City" not in article.body


# ---------------------------------------------------------------- agency tags and datelines

@pytest.mark.parametrize(
    ("opening", "source"),
    [
        ("VGP - ", "VGP"),
        ("VOV.VN - ", "VOV"),
        ("(VOVWORLD) -", "VOVWORLD"),
        ("(VOV/VOVworld)- ", "VOV/VOVworld"),
    ],
)
def test_agency_tag_is_the_source_never_a_place(opening: str, source: str) -> None:
    article = clean(f"{HEADLINE}\n\n{opening}{LEAD}\n\n{SECOND}")
    assert article.source == source
    assert article.dateline is None
    assert article.paragraphs[0] == LEAD


def test_bare_agency_tag_line_is_the_source() -> None:
    article = clean(f"{HEADLINE}\nSGGP\n{LEAD}\n{SECOND}")
    assert (article.source, article.dateline, article.title) == ("SGGP", None, HEADLINE)


@pytest.mark.parametrize(
    ("opening", "dateline", "source"),
    [
        ("Hanoi (VNA) – ", "Hanoi", "VNA"),
        ("Hanoi (VNA) –", "Hanoi", "VNA"),  # no space after the agency's dash
        ("SEOUL, Nov. 3 (Yonhap) -- ", "Seoul", "Yonhap"),
        ("SEOUL, April 3 (AJP) - ", "Seoul", "AJP"),
        ("HÀ NỘI — ", "Hà Nội", None),
        ("ANSAN, Gyeonggi — ", "Ansan", None),
        ("Hanoi: ", "Hanoi", None),
        ("VIETNAM, September 23 - HCM CITY — ", "HCM City", None),  # a wire wrapper above it
    ],
)
def test_dateline_forms(opening: str, dateline: str, source: str | None) -> None:
    article = clean(f"{HEADLINE}\n\n{opening}{LEAD}\n\n{SECOND}")
    assert (article.dateline, article.source) == (dateline, source)
    assert article.paragraphs[0] == LEAD


# ---------------------------------------------------------------- captions in the header

@pytest.mark.parametrize(
    "caption",
    [
        "Engineers inspect a crane at the port. (Kim Min-ho/The Korea Herald)",
        "Engineers inspect a crane at the port. (Yonhap)",
        "Engineers inspect a crane at the port. Photo: Ngoc Phuong / Tuoi Tre",
        "Engineers inspect a crane at the port. / Korea Times photo by Shim Jin-ho",
        "Engineers inspect a crane at the port, Tuesday. Newsis",
        "| Engineers inspect a crane at the port. / Korea Times photo by Shim Jin-ho |",
    ],
)
def test_header_caption_forms(caption: str) -> None:
    article = clean(f"{HEADLINE}\nBy Kim Min-ho\n{caption}\n{LEAD}\n{SECOND}")
    assert article.paragraphs == (LEAD, SECOND)
    assert len(article.captions) == 1


@pytest.mark.parametrize(
    "line",
    [
        f"{HEADLINE} ảnh 1Engineers inspect a crane at the port (Photo: VNA)",
        f"{HEADLINE} hinh anh 1Engineers inspect a crane at the port (Photo: VNA)",
        f"{HEADLINE} - ảnh 1 Engineers inspect a crane at the port.",
    ],
)
def test_alt_text_caption_keeps_the_headline(line: str) -> None:
    article = clean(f" date 2025-02-11 {line}\nHai Phong (VNA) – {LEAD}\n{SECOND}")
    assert article.title == HEADLINE
    assert article.paragraphs[0] == LEAD
    assert "ảnh" not in article.body and "anh 1" not in article.body


@pytest.mark.parametrize(
    "glued",
    [
        "Engineers inspect a crane at the port (Photo: VNA)Hai Phong (VNA) – ",
        "Engineers inspect a crane at the port. Photo: Ngoc An / Tuoi TreHai Phong (VNA) – ",
        "Engineers inspect a crane at the port. Photo by VnExpress/Giang HuyHai Phong (VNA) – ",
    ],
)
def test_caption_glued_to_the_lead_is_split_off(glued: str) -> None:
    article = clean(f"{HEADLINE}\n{glued}{LEAD}\n{SECOND}")
    assert article.paragraphs[0] == LEAD
    assert article.captions and article.captions[0].startswith("Engineers inspect")


def test_uncredited_caption_between_date_line_and_lead() -> None:
    text = f"{HEADLINE}\n\nUpdate: June, 08/2025 - 07:30\n\nEngineers at work in Hai Phong.\n\n{LEAD}\n\n{SECOND}"
    article = clean(text)
    assert article.paragraphs == (LEAD, SECOND)
    assert article.captions == ("Engineers at work in Hai Phong.",)


def test_standfirst_after_the_headline_is_kept() -> None:
    standfirst = "The port hopes to cut waiting times by a third."
    article = clean(f"Nov 14, 2024 / 16:42\n{HEADLINE}\n{standfirst}\n{LEAD}\n{SECOND}")
    assert article.paragraphs[0] == standfirst


def test_standfirst_repeating_the_lead_is_kept_once() -> None:
    text = f"{HEADLINE}\n{LEAD}\nEngineers at the port (Photo: VNA)\nHai Phong (VNA) – {LEAD}\n{SECOND}"
    article = clean(text)
    assert article.paragraphs == (LEAD, SECOND)
    assert article.dateline == "Hai Phong"


# ---------------------------------------------------------------- furniture above the headline

@pytest.mark.parametrize(
    "furniture",
    ["The Korea Herald\n피터빈트", " date 2023-09-14  Back To Top", "X", "Tuoi Tre News", "ID : 91273\nAuther :"],
)
def test_mastheads_chrome_and_fields_leave_the_header(furniture: str) -> None:
    article = clean(f"{furniture}\n{HEADLINE}\n{LEAD}\n{SECOND}")
    assert article.title == HEADLINE
    assert article.paragraphs == (LEAD, SECOND)


def test_headline_list_above_the_article_leaves() -> None:
    text = f"- Seoul shares end higher\n- Heavy rain warning for the coast\n{HEADLINE}\n{LEAD}\n{SECOND}"
    article = clean(text)
    assert article.title == HEADLINE
    assert "Seoul shares" not in article.body


# ---------------------------------------------------------------- later forms

@pytest.mark.parametrize(
    ("line", "byline", "published_at"),
    [
        ("FINANCE / Reporter Yoon Se-ra / 2025-02-11 09:14:36", "Yoon Se-ra",
         datetime(2025, 2, 11, 9, 14, 36, tzinfo=HCM)),
        ("Business / Reporter Kim Ha-na / 2024-05-02 10:05", "Kim Ha-na",
         datetime(2024, 5, 2, 10, 5, tzinfo=HCM)),
    ],
)
def test_section_writer_and_date_on_one_line(line: str, byline: str, published_at: datetime) -> None:
    article = clean(f"{HEADLINE}\n{line}\n{LEAD}\n{SECOND}")
    assert (article.byline, article.published_at) == (byline, published_at)
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize("line", ["  • 승인 2024.09.03 10:12", "• Updated: 2024.09.03 10:12"])
def test_bulleted_date_line(line: str) -> None:
    article = clean(f"{HEADLINE}\n{line}\n{LEAD}\n{SECOND}")
    assert article.published_at == datetime(2024, 9, 3, 10, 12, tzinfo=HCM)


@pytest.mark.parametrize(
    "glued",
    [
        "Busan engineers help Hai Phong upgrade its portA delegation of engineers",
        "Busan engineers help Hai Phong upgrade its harbourA delegation of engineers",
    ],
)
def test_headline_glued_into_the_lead_is_separated(glued: str) -> None:
    lead = glued.split("A delegation")[0]
    article = clean(f" date 2024-10-08 {glued}{LEAD[len('A delegation of engineers'):]}\n{SECOND}")
    assert article.title == lead
    assert article.paragraphs[0] == LEAD


def test_camel_case_name_in_a_lead_is_not_a_glued_headline() -> None:
    lead = "VinFast said on Monday it would open a showroom in Seoul next year, the company said."
    article = clean(f"{lead}\n\n{SECOND}")
    assert article.title is None and article.paragraphs[0] == lead


@pytest.mark.parametrize(
    ("opening", "byline"),
    [
        ("By Reporter Yoo Min-ji The ", "Yoo Min-ji"),
        ("[Example Biz= Reporter Yoon Se-ra] The ", "Yoon Se-ra"),
    ],
)
def test_byline_glued_to_the_lead(opening: str, byline: str) -> None:
    lead = "The Vietnamese community in Daegu opened its first weekend school on March 8, the city said."
    article = clean(f"{opening}{lead[4:]}\n\n{SECOND}")
    assert article.byline == byline
    assert article.paragraphs[0] == lead


@pytest.mark.parametrize(
    "caption",
    ["Photos = Tran Minh Khoa", "Illustration photo", "Photo for illustration", "dong nai 2.jpg"],
)
def test_stock_captions_and_credits_leave(caption: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{caption}\n\n{SECOND}")
    assert article.paragraphs == (LEAD, SECOND)


def test_mirror_footer_gives_the_headline_and_date() -> None:
    footer = f"{HEADLINE} have 287 words, post on example.vn at March 8, 2023. This is cached page on Mirror."
    article = clean(f"{LEAD} {SECOND}… Read full this story\n\n{footer}")
    assert article.title == HEADLINE
    assert article.published_date == date(2023, 3, 8)
    assert article.body == f"{LEAD} {SECOND}"


@pytest.mark.parametrize("furniture", ["Home / Society / Labor", "Tuoi Tre News"])
def test_html_block_loses_its_breadcrumb_and_masthead(furniture: str) -> None:
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
        f"<p>{furniture}</p><p>Hong Nhung 10:32, 2024/05/14</p><p>{LEAD}</p><p>{SECOND}</p>"
        "</article></body></html>"
    )
    article = clean_document(page, "page.html")
    assert article.paragraphs == (LEAD, SECOND)
    assert article.byline == "Hong Nhung"


@pytest.mark.parametrize("label", ["Honorary Reporters", "Features"])
def test_short_line_above_the_page_date_is_a_label_not_a_title(label: str) -> None:
    article = clean(f"{label}\nOct 14, 2024\n{LEAD}\n{SECOND}")
    assert article.title is None
    assert article.published_date == date(2024, 10, 14)


def test_short_headline_above_a_byline_is_still_the_title() -> None:
    article = clean(f"Port upgrade agreed\n\nBy Kim Min-ho\n\n{LEAD}\n\n{SECOND}")
    assert article.title == "Port upgrade agreed"


# ---------------------------------------------------------------- a Korean portal's copy


@pytest.mark.parametrize(
    ("line", "byline", "published_at"),
    [
        ("이하늘 2024. 12. 3. 08:05", "이하늘", datetime(2024, 12, 3, 8, 5, tzinfo=SEOUL)),
        ("김민호 기자 2025.03.14 17:30", "김민호", datetime(2025, 3, 14, 17, 30, tzinfo=SEOUL)),
    ],
)
def test_portal_reporter_in_hangul_and_dotted_date(line: str, byline: str, published_at: datetime) -> None:
    article = clean(f"{HEADLINE}\n\n{line}\n\n{LEAD}\n\n{SECOND}")
    assert (article.byline, article.published_at) == (byline, published_at)
    assert article.paragraphs == (LEAD, SECOND)


def test_portal_summary_above_the_text_leaves() -> None:
    """An "AI 요약" notice, the summary's sentences in one block, then the portal's furniture."""
    text = (
        f"{HEADLINE}\n\nAI 요약\n{SECOND}\n{THIRD}\n\n글자크기 설정\n\n{LEAD}\n\n{SECOND}\n\n{THIRD}"
    )
    article = clean(text)
    assert article.paragraphs == (LEAD, SECOND, THIRD)
    assert removed_rules(article).count("portal_summary") == 3


def test_summary_notice_without_the_portal_furniture_under_it_takes_nothing() -> None:
    """Without the furniture line that closes a summary, the text under the notice stays."""
    article = clean(f"{HEADLINE}\n\n자동요약\n\n{LEAD}\n\n{SECOND}\n\n{THIRD}")
    assert article.paragraphs == (LEAD, SECOND, THIRD)


@pytest.mark.parametrize("headline", ["Pho meets kimchi", "Cranes for Hai Phong"])
def test_short_sentence_case_headline_above_the_date_is_the_title(headline: str) -> None:
    article = clean(f"+ A\n\n{headline}\n\nMay 14,2024\n{LEAD}\n{SECOND}")
    assert article.title == headline
    assert article.published_date == date(2024, 5, 14)


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Publisher Lee Kyung-ho with Vice Chairperson Cho Mi-sook, Won Ji-hye",
         "Lee Kyung-ho with Cho Mi-sook, Won Ji-hye"),
        ("By Senior Reporter Kim Ha-eun and Editor Park Min-soo", "Kim Ha-eun and Park Min-soo"),
    ],
)
def test_several_writers_with_their_titles(line: str, byline: str) -> None:
    article = clean(f"{HEADLINE}\n\n{line}\n\n{LEAD}\n\n{SECOND}")
    assert article.byline == byline
    assert article.paragraphs == (LEAD, SECOND)


QUESTION = "Q: What will the engineers do first?"
ANSWER = "A: They will test the two new cranes and train the first group of operators."
QUESTION_2 = "Q: When will the terminal be ready?"
ANSWER_2 = "A: We expect to finish the upgrade before the end of next year."


@pytest.mark.parametrize(
    ("intro", "byline"),
    [
        ("Park Ji-hoon, head of the Busan delegation, talked to VIR's Minh Chau about the project.",
         "Minh Chau"),
        ("Reporter Anna Kwon talks with Park Ji-hoon, head of the Busan delegation, about the project.",
         "Anna Kwon"),
        ("Park Ji-hoon spoke to The Korea Times' reporter Lee Da-eun about the terminal.", "Lee Da-eun"),
    ],
)
def test_interviewer_named_in_the_intro_is_the_byline(intro: str, byline: str) -> None:
    article = clean(f"{HEADLINE}\n\n{intro}\n\n{QUESTION}\n\n{ANSWER}\n\n{QUESTION_2}\n\n{ANSWER_2}")
    assert article.kind == "interview"
    assert article.byline == byline
    assert article.paragraphs[0] == intro  # the intro is text, it stays


@pytest.mark.parametrize(
    "intro",
    [
        "Park Ji-hoon talks with port workers about the project.",  # no reporter, no outlet's name
        "Park Ji-hoon talked to the mayor of Hai Phong about the project.",
    ],
)
def test_intro_without_an_interviewer_names_no_byline(intro: str) -> None:
    article = clean(f"{HEADLINE}\n\n{intro}\n\n{QUESTION}\n\n{ANSWER}\n\n{QUESTION_2}\n\n{ANSWER_2}")
    assert article.byline is None
