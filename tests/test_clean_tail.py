"""The article's end and its inside: end marks, sign-offs, footers, related blocks, captions,
run-together sentences, placeholders, and pages that are not articles. Each rule on two forms or
more; every article here was written for this file.
"""

from __future__ import annotations

import pytest

from vnrok_etl.clean import CleanError, clean_document
from vnrok_etl.clean.inline import split_run_together
from vnrok_etl.records import Article

HEADLINE = "Korean volunteers build a school library in Lao Cai"
LEAD = (
    "Thirty students from a university in Daejeon have built a library for a primary school in "
    "the northern province of Lao Cai, the provincial education department said."
)
SECOND = (
    "The volunteers also taught English and Korean to about 200 pupils during their two-week "
    "stay, according to the department."
)
THIRD = '"The children now have a bright place to read," the school principal said.'


def clean(text: str) -> Article:
    return clean_document(text, "test.txt")


def rules(article: Article) -> list[str]:
    return [span.rule for span in article.removed]


# ---------------------------------------------------------------- end marks anywhere

@pytest.mark.parametrize(
    "tail",
    [
        # VNA's end mark, then a truncated repeat of the article (a mirror's copy)
        "\nThe volunteers also taught English and Korean to about 200 pup",
        # the end mark glued to the agency and another article's standfirst
        "VNA A Korean-funded water project was handed over in Ha Giang on Friday.",
        # other articles' standfirsts on the next lines
        "\nA Korean firm opened a factory in Bac Ninh.\nVietnam and Korea signed a labour deal.",
    ],
)
def test_end_mark_ends_the_article_wherever_it_stands(tail: str) -> None:
    article = clean(f"{HEADLINE}\n{LEAD}\n{SECOND}\n{THIRD}/.{tail}")
    assert article.paragraphs == (LEAD, SECOND, THIRD)
    assert "truncated" not in article.body and "Bac Ninh" not in article.body


@pytest.mark.parametrize(
    ("ending", "source"),
    [
        (f"{THIRD}/.\n\nVNA", "VNA"),
        (f"{THIRD} — VNS", "VNS"),
        (f"{THIRD}-VNA", "VNA"),  # glued to the full stop
        (f"{THIRD} VNS", "VNS"),  # a space only
        (f"{THIRD}\n\nSource: Vietnam News Agency", "VNA"),  # the agency named in full
        (f"{THIRD}\n\nSource: vnExpress", "vnExpress"),  # an outlet, as printed
        (f"{THIRD}\n(END)", None),  # Yonhap's end mark
    ],
)
def test_signoffs_and_end_marks_leave_the_body(ending: str, source: str | None) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}\n\n{ending}")
    assert article.paragraphs == (LEAD, SECOND, THIRD)
    assert article.source == source


def test_wire_signature_and_end_mark() -> None:
    article = clean(f"{HEADLINE}\n{LEAD}\n{SECOND}\nmjchoi@example.co.kr\n(END)")
    assert article.paragraphs == (LEAD, SECOND)
    assert "byline_email" in rules(article) and "end_mark" in rules(article)


def test_writer_name_after_the_end_mark_is_the_byline() -> None:
    article = clean(f"{HEADLINE}\n\nVGP - {LEAD}\n\n{SECOND}/.\n\nVien Thu")
    assert article.byline == "Vien Thu"
    assert article.paragraphs == (LEAD, SECOND)


# ---------------------------------------------------------------- footers and boxes

@pytest.mark.parametrize(
    "footer",
    [
        "Like us on Facebook or follow us on Twitter to get the latest news about Vietnam!",
        "Tuoi Tre News\n\nComments (0)\nYour comment will be posted after being reviewed by the editor.\nSend",
        "JavaScript is off. Please enable JavaScript to view comments and share this article.",
        "Mời quý độc giả theo dõi các chương trình đã phát sóng",
        "Copyright ⓒ Example Press All rights reserved.",
        "Korean volunteers in Lao Cai have 241 words, post on example.vn at March 8, 2023. "
        "This is cached page on Mirror. If you want remove this page, please contact us.",
    ],
)
def test_footers_and_comment_boxes_leave_the_body(footer: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}\n\n{footer}")
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize(
    "block",
    [
        "Tags:\nOther news\nSee more",
        "Most Popular\n1 A festival opens in Seoul\n2 The won falls against the dollar",
        "Read more\nKorean visitors top the list for a third month\nDa Nang to host a K-pop festival",
        "Related news\nBusiness Korean firms seek fruit suppliers Korean importers want more mangoes.\n"
        "Travel Seoul fair features Vietnamese beaches Two provinces presented new tours.",
    ],
)
def test_related_block_at_the_end_is_cut(block: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}\n\n{block}")
    assert article.paragraphs == (LEAD, SECOND)
    assert "related_block" in rules(article)


@pytest.mark.parametrize(
    "box",
    [
        "Read more\nKorean visitors top the list for a third month",
        "Related news\nDa Nang to host a K-pop festival\nA Korean firm opens a factory in Bac Ninh",
    ],
)
def test_related_box_inside_the_article_removes_only_itself(box: str) -> None:
    fourth = (
        "The university plans to send another group of volunteers next summer to build a "
        "playground at a school in the same district."
    )
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{box}\n\n{SECOND}\n\n{fourth}")
    assert article.paragraphs == (LEAD, SECOND, fourth)
    assert "related_box" in rules(article)


def test_trailing_headline_list_leaves() -> None:
    listed = "- Korean Business Etiquette - A Guide\n- Ten Dishes You Must Try"
    article = clean(f"{HEADLINE}\n{LEAD}\n{SECOND}\n{listed}")
    assert article.paragraphs == (LEAD, SECOND)


# ---------------------------------------------------------------- captions inside the body

@pytest.mark.parametrize(
    "caption",
    [
        "Volunteers paint the library walls. (Kim Min-ho/The Example Herald)",
        "Volunteers paint the library walls, Tuesday. Newsis",
        "Volunteer Park Ji-min (R) reads with pupils in the new library",
        "Volunteers paint the library walls. Source: VGP",
    ],
)
def test_body_caption_forms(caption: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{caption}\n\n{SECOND}")
    assert article.paragraphs == (LEAD, SECOND)
    assert article.captions == (caption,)


@pytest.mark.parametrize("caption", ["At the handover ceremony", "Pupils in the new reading room"])
def test_uncredited_caption_between_paragraphs(caption: str) -> None:
    one_block = clean(f"{HEADLINE}\n{LEAD}\n{caption}\n{SECOND}\n{THIRD}")
    assert one_block.paragraphs == (LEAD, SECOND, THIRD)
    spaced = clean(f"{HEADLINE}\n\n{LEAD}\n\n{caption}\n\n{SECOND}")
    assert spaced.paragraphs == (LEAD, SECOND)


def test_caption_glued_to_the_next_sentence_inside_the_body() -> None:
    glued = "The principal speaks at the ceremony (Photo: VNA)" + SECOND
    article = clean(f"{HEADLINE}\n{LEAD}\n{glued}\n{THIRD}")
    assert article.paragraphs == (LEAD, SECOND, THIRD)


def test_caption_credit_that_reports_speech_is_a_signoff_not_a_caption() -> None:
    last = "The two sides will meet again in June, the ministry said. (Yonhap)"
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{last}")
    assert article.paragraphs == (LEAD, "The two sides will meet again in June, the ministry said.")
    assert article.source == "Yonhap"


@pytest.mark.parametrize(
    "line",
    [
        "Tiếp tục đọc những tin tức mới nhất về cộng đồng người Việt ở Hàn Quốc",
        "글자크기 설정",
    ],
)
def test_lines_in_another_language_leave_an_english_body(line: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{line}\n\n{SECOND}")
    assert article.paragraphs == (LEAD, SECOND)


def test_vietnamese_names_in_an_english_sentence_stay() -> None:
    sentence = "Lê Thị Thu Hà and Nguyễn Văn Đức thanked the Korean students for their work."
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{sentence}")
    assert article.paragraphs == (LEAD, sentence)


# ---------------------------------------------------------------- inside a paragraph

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It opened in 2016.In the same year it grew.", "It opened in 2016. In the same year it grew."),
        ("The cost fell sharply.Officials were pleased.", "The cost fell sharply. Officials were pleased."),
        ('He said "yes".The talks ended.', 'He said "yes". The talks ended.'),
    ],
)
def test_sentences_run_together_are_split(text: str, expected: str) -> None:
    assert split_run_together(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and Korea agreed.",
        "Growth reached 3.5 percent.",
        "Read it on VnExpress.net today.",
        "Mr.Kim spoke first.",
        "Imports, e.g. Chips, rose.",
        "Visit Example.Com for details.",
    ],
)
def test_abbreviations_numbers_and_domains_are_not_split(text: str) -> None:
    assert split_run_together(text) == text


@pytest.mark.parametrize("placeholder", ["{keywords}", "{{title}}"])
def test_template_placeholders_leave(placeholder: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{placeholder}\n\n{SECOND} {placeholder}")
    assert article.paragraphs == (LEAD, SECOND)
    assert "template_placeholder" in rules(article)


def test_spam_glyph_before_a_paragraph_leaves() -> None:
    article = clean(f"{HEADLINE}\n{LEAD}\n⛄ {SECOND}\n✅ {THIRD}")
    assert article.paragraphs == (LEAD, SECOND, THIRD)


# ---------------------------------------------------------------- not an article

@pytest.mark.parametrize(
    "page",
    [
        "Tag: Korean investors\nKorean retailer opens a store in Hanoi The chain plans more\n"
        "Seoul firm builds a plant in Binh Duong The project is large",
        " date 2024-09-02 Society Korean firm opens a school in Hai Phong A school opened.\n"
        "Society Vietnamese in Busan celebrate National Day More than 400 people came.\n"
        "Society Two provinces sign a tourism pact The pact covers five years.",
        "Related news\nBusiness Korean firms seek suppliers Importers want more fruit.\n"
        "Travel Seoul fair features beaches Two provinces presented tours.",
    ],
)
def test_teaser_and_tag_pages_are_rejected(page: str) -> None:
    with pytest.raises(CleanError, match="not an article"):
        clean(page)


@pytest.mark.parametrize(
    "page",
    [
        # a tag above one-sentence standfirsts on unrelated subjects
        "Busan\n\nA delegation of Da Nang leaders visited the port of Busan.\n\n"
        "The first charter flight between Busan and Quy Nhon landed on April 2.\n\n"
        "Busan will host a Vietnamese food festival in October.",
        # headlines, each above its one-sentence standfirst
        "Korean Air adds a third daily flight to Hanoi\nThe airline will raise its service from December.\n"
        "Hanoi hosts a Korean book fair\nMore than 20,000 books are on display at the fair.\n"
        "Korean banks expand in Vietnam\nTwo lenders opened branches in Da Nang this week.",
        # items that each open with their own byline
        "By Reporter Kim Min-ji The women's association held a kimchi event.\n"
        "By Reporter Anna Park Shipyard workers celebrated the Mid-Autumn Festival.\n"
        "By Reporter Kim Min-ji A university signed a deal with Da Nang.",
    ],
)
def test_tag_pages_without_a_tag_heading_are_rejected(page: str) -> None:
    with pytest.raises(CleanError, match="tag page"):
        clean(page)


def test_an_article_with_one_sentence_paragraphs_is_not_a_tag_page() -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}\n\n{THIRD}")
    assert article.title == HEADLINE


@pytest.mark.parametrize(
    "caption",
    [
        "Cho Min-jae, chief representative of the bank in Hanoi",
        "Kim Tae-yong, general director of Example Semiconductor Vietnam",
    ],
)
def test_portrait_caption_name_and_title_only(caption: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n{caption}\n{SECOND}\n\n{THIRD}")
    assert article.paragraphs == (LEAD, SECOND, THIRD)
    assert article.captions == (caption,)


def test_a_name_and_title_inside_a_sentence_stays() -> None:
    sentence = "Cho Min-jae, chief representative of the bank in Hanoi, said lending would double."
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{sentence}\n\n{SECOND}")
    assert sentence in article.paragraphs


@pytest.mark.parametrize("credit", ["(Photo: Quang Hoa/example.vn)", "Photo: VNA"])
def test_credit_line_under_a_caption_makes_it_a_caption(credit: str) -> None:
    caption = "The two ministers talk by phone"
    article = clean(f"{HEADLINE}\n{LEAD}\n{caption}\n{credit}\n|\n\n{SECOND}")
    assert article.paragraphs == (LEAD, SECOND)
    assert article.captions == (f"{caption} {credit}",)


@pytest.mark.parametrize("source_line", ["Source: Nhandan", "Source: vnExpress"])
def test_source_line_before_page_labels_is_the_source(source_line: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}\n\n{source_line}\n\nVNQD\nThống kê")
    assert article.paragraphs == (LEAD, SECOND)
    assert article.source == source_line.split(": ")[1]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("[Soundbite] Lee Jae-hoon (Principal, Example Academy) : We train 200 welders a year.",
         "We train 200 welders a year."),
        ("[Soundbite] (Student) : I want to work in Ulsan.", "I want to work in Ulsan."),
    ],
)
def test_broadcast_speaker_labels_leave(paragraph: str, expected: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{paragraph}")
    assert article.paragraphs == (LEAD, expected)


@pytest.mark.parametrize("credit", ["[NEWS1]", "[PARK SEO-YUN]"])
def test_bracketed_capital_credit(credit: str) -> None:
    story = clean(f"{HEADLINE}\n\n{LEAD} {SECOND} {credit}")
    assert story.paragraphs == (f"{LEAD} {SECOND}",)  # a photo story: its text stays
    caption = f"Volunteers paint the library walls. {credit}"
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{caption}\n\n{SECOND}")
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize(
    "intro_end",
    ["Excerpts from the interview follow:", "The following are excerpts from the interview with him."],
)
def test_interview_excerpt_note_leaves_the_introduction(intro_end: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD} {intro_end}\n\n{SECOND}")
    assert article.paragraphs == (LEAD, SECOND)


def test_listed_headlines_each_repeated_above_a_teaser_page_is_rejected() -> None:
    page = (
        "Journalist\nJung Ha-eun\n"
        "• Vietnamese students top foreign enrollment at Korean schools\n"
        "Vietnamese students top foreign enrollment at Korean schools SEOUL, November 20 (AJP) - More\n"
        "• Korean Air to add Cheongju-Da Nang flights in winter\n"
        "Korean Air to add Cheongju-Da Nang flights in winter SEOUL, November 18 (AJP) - Korean Air"
    )
    with pytest.raises(CleanError, match="teaser"):
        clean(page)


@pytest.mark.parametrize("date_line", ["March 11, 2026 3:05 PM GMT+7", "Nov 14, 2024 / 16:42"])
def test_date_line_inside_a_block_is_not_joined_to_its_neighbours(date_line: str) -> None:
    article = clean(f"{HEADLINE}\n\nVGP - {LEAD}\n\n{date_line}\n{SECOND}")
    assert article.paragraphs == (LEAD, SECOND)
    assert article.published_at is not None


@pytest.mark.parametrize("line", ["LĐ – 09:12 | Chủ nhật, 17/03/2024 0", "Thứ Hai, 12/05/2025 08:00"])
def test_vietnamese_teaser_date_line_leaves(line: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}\n\n{line}")
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize("alt", ["  - Ảnh 1.", " - ảnh 2"])
def test_alt_text_line_without_a_caption_leaves(alt: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n{HEADLINE}{alt}\n{SECOND}\n{THIRD}")
    assert article.paragraphs == (LEAD, SECOND, THIRD)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Question 1: What do you expect from the talks?", "What do you expect from the talks?"),
        ("Answer: We expect a deal on labour.", "We expect a deal on labour."),
    ],
)
def test_spelled_out_interview_labels_leave(paragraph: str, expected: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{paragraph}")
    assert article.paragraphs == (LEAD, expected)


def test_short_interview_labels_stay() -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\nQ: What do you expect?\n\nA: A deal on labour.")
    assert article.paragraphs[1:] == ("Q: What do you expect?", "A: A deal on labour.")


@pytest.mark.parametrize("strip", ["Korean firms hire more workers Related image(s)", "0 comments:\nPost a Comment"])
def test_blog_furniture_at_the_end_leaves(strip: str) -> None:
    article = clean(f"{HEADLINE}\n{LEAD}\n{SECOND}\n{strip}")
    assert article.paragraphs == (LEAD, SECOND)


def test_answer_label_alone_on_its_line_leaves() -> None:
    article = clean(f"{HEADLINE}\n\nQuestion 2: How will trade grow?\n\nAnswer:\n\n{SECOND}")
    assert article.paragraphs == ("How will trade grow?", SECOND)


@pytest.mark.parametrize(
    "rows",
    [
        ["- Rice: 12 tonnes", "- Coffee: 8 tonnes", "- Rice: 12 tonnes"],
        ["| Hanoi | 12 |", "| Da Nang | 8 |", "| Hanoi | 12 |"],
        ["Hanoi | 2024 | 12", "Da Nang | 2024 | 8", "Hanoi | 2024 | 12"],
    ],
)
def test_repeated_list_items_and_table_rows_are_kept(rows: list[str]) -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n" + "\n\n".join(rows) + f"\n\n{SECOND}")
    assert article.paragraphs == (LEAD, *rows, SECOND)


def test_repeated_prose_paragraph_is_still_kept_once() -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}\n\n{SECOND}\n\n{THIRD}")
    assert article.paragraphs == (LEAD, SECOND, THIRD)


def test_contents_page_of_titled_items_is_rejected() -> None:
    page = (
        "What's in the weekly this week\n\nMust read\n\n"
        "Korean Capital Turns South: Manufacturers are looking at southern provinces for land.\n\n"
        "A Harder Look At Incentives: Investors say the minimum tax has changed what they ask.\n\n"
        "Banking On Green Bonds: Two lenders prepare the first green bond issues in the delta."
    )
    with pytest.raises(CleanError, match="teaser"):
        clean(page)


def test_interview_with_short_speaker_labels_is_an_article() -> None:
    text = (
        f"{HEADLINE}\n\nReporter: What did the volunteers build?\n\nSpeaker: They built a library "
        "and taught English.\n\nReporter: Will they return?\n\nSpeaker: Yes, next summer."
    )
    assert clean(text).title == HEADLINE
