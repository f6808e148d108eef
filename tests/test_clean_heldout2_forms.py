"""Forms first met in the second held-out set (tests/heldout2), each tested here on a text of the
same form written in our own words (never the fixture's): the rule must hold for the form, not
for the one page it was found on.
"""

from __future__ import annotations

from vnrok_etl.clean import clean_document

HEADLINE = "Daegu florists send roses to a flower market in Da Lat"
LEAD = (
    "A cooperative of florists in Daegu has begun shipping cut roses to a wholesale market in "
    "Da Lat, betting that Vietnamese buyers will pay more for long-stemmed Korean varieties."
)
MIDDLE = (
    "The first cargo of 2,000 stems left Incheon last week, and the cooperative plans two "
    "shipments a month through the spring wedding season."
)
CLOSING = "Growers in Da Lat said the roses would not compete with their own, which sell for less."


def test_bracketed_agency_glued_to_the_lead_is_the_source() -> None:
    text = f"{HEADLINE}\n\n(UPI)A cooperative{LEAD[len('A cooperative'):]}\n\n{MIDDLE}\n\n{CLOSING}\n"
    article = clean_document(text, "t.txt")
    assert article.source == "UPI"
    assert article.paragraphs[0] == LEAD


def test_bracketed_agency_then_a_space_opens_the_lead() -> None:
    text = f"{HEADLINE}\n\n(CNN) {LEAD}\n\n{MIDDLE}\n\n{CLOSING}\n"
    article = clean_document(text, "t.txt")
    assert article.source == "CNN"
    assert article.paragraphs[0] == LEAD


def test_a_bracketed_position_marker_is_no_agency() -> None:
    lead = "(L) " + LEAD
    text = f"{HEADLINE}\n\n{lead}\n\n{MIDDLE}\n\n{CLOSING}\n"
    article = clean_document(text, "t.txt")
    assert article.source is None


def test_a_banner_above_the_headline_gives_way_to_the_headline() -> None:
    text = f"Breaking News Alerts Delivered To Your Inbox\n\n{HEADLINE}\n\n{LEAD}\n\n{MIDDLE}\n\n{CLOSING}\n"
    article = clean_document(text, "t.txt")
    assert article.title == HEADLINE
    assert all("Inbox" not in paragraph for paragraph in article.paragraphs)


def test_a_related_headline_is_not_promoted_when_the_text_does_not_share_it() -> None:
    text = (
        "Seoul subway adds late trains for the holidays\n\n"
        "Busan dockworkers end their strike at the container port\n\n"
        f"{LEAD}\n\n{MIDDLE}\n\n{CLOSING}\n"
    )
    article = clean_document(text, "t.txt")
    assert article.title is None


def test_an_uncredited_scene_caption_between_paragraphs_is_a_caption() -> None:
    caption = "A florist checks the stems of Korean roses at a wholesale market in Da Lat, Lam Dong Province."
    text = f"{HEADLINE}\n\n{LEAD}\n\n{caption}\n\n{MIDDLE}\n\n{CLOSING}\n"
    article = clean_document(text, "t.txt")
    assert caption in article.captions
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_a_topic_strip_under_a_capitals_label_is_no_headline() -> None:
    text = f"HOT TOPICS NOW Lunar New Year 2026 Ring Road 4 Hanoi marathon Typhoon season\n{HEADLINE}\n\n{LEAD}\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.title == HEADLINE
    assert all("HOT TOPICS" not in paragraph for paragraph in article.paragraphs)


def test_a_headline_in_capitals_is_still_a_headline() -> None:
    text = f"DAEGU FLORISTS SEND ROSES TO DA LAT\n\n{LEAD}\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.title == "DAEGU FLORISTS SEND ROSES TO DA LAT"


def test_a_domain_and_slogan_line_is_the_masthead() -> None:
    text = f"kbizasia.com | Korean business news for Southeast Asia\n\n{HEADLINE}\n\n{LEAD}\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.title == HEADLINE
    assert all("kbizasia" not in paragraph for paragraph in article.paragraphs)


def test_a_source_name_printed_twice_glued_to_its_date_is_a_date_line() -> None:
    text = f"{HEADLINE}\n\nTuổi TrẻTuổi Trẻ15/03/2025\n\n{LEAD}\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.published_date is not None and article.published_date.isoformat() == "2025-03-15"
    assert article.paragraphs[0] == LEAD


def test_advertisement_and_promotion_lines_are_chrome() -> None:
    text = f"Advertisement\nAdvertisement\n{HEADLINE}\n\n{LEAD}\n\nAdvertisement\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.title == HEADLINE
    assert article.paragraphs == (LEAD, MIDDLE)


def test_caption_credits_by_initials_photographer_slash_outlet_and_photo_credits() -> None:
    captions = (
        "Growers unload boxes of roses at a Da Lat market. Photo: N.A.",
        "Roses wait for export at a farm in Daegu, Monday. Kim Ji-ho/Yonhap",
        "Roses on sale in Da Lat | Image credits: Lam Dong newspaper",
    )
    for caption in captions:
        text = f"{HEADLINE}\n\n{LEAD}\n\n{caption}\n\n{MIDDLE}\n\n{CLOSING}\n"
        article = clean_document(text, "t.txt")
        assert caption in article.captions, caption
        assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_a_related_box_above_the_article_removes_only_itself() -> None:
    text = (
        f"{HEADLINE}\n"
        "Related news\n"
        "Korean tulips bloom in a Hanoi park |\n"
        "Da Lat farmers try Dutch greenhouses |\n"
        f"{LEAD}\n{MIDDLE}\n{CLOSING}\n"
    )
    article = clean_document(text, "t.txt")
    assert article.title == HEADLINE
    assert article.paragraphs[0] == LEAD
    assert article.paragraphs[-1] == CLOSING


def test_teasers_laid_out_in_table_cells_after_the_last_paragraph_are_cut() -> None:
    text = (
        f"{HEADLINE}\n\n{LEAD}\n\n{MIDDLE}\n\n{CLOSING} |\n"
        "Korean tulips bloom in a Hanoi park Thousands of bulbs from Jeju were planted in the park "
        "this winter for the Lunar New Year. |\n"
        "Da Lat farmers try Dutch greenhouses The province will lend farmers money to build them. |\n"
    )
    article = clean_document(text, "t.txt")
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_a_paragraph_in_a_cell_followed_by_prose_is_not_the_end() -> None:
    text = f"{HEADLINE}\n\n{LEAD} |\n\n{MIDDLE}\n\n{CLOSING}\n"
    article = clean_document(text, "t.txt")
    assert article.paragraphs[-1] == CLOSING


def test_a_note_on_the_writer_closing_the_text_is_no_paragraph() -> None:
    text = (
        f"{HEADLINE}\n\nBy Le Thu Ha\n\n{LEAD}\n\n{MIDDLE}\n\n"
        "Le Thu Ha is a lecturer in agricultural trade at a university in Ho Chi Minh City.\n"
    )
    article = clean_document(text, "t.txt")
    assert article.byline == "Le Thu Ha"
    assert article.paragraphs == (LEAD, MIDDLE)


def test_a_columns_author_note_under_the_name_is_no_paragraph() -> None:
    text = (
        f"{HEADLINE}\n\nKim Yoon-seo\n"
        "The writer is a professor of horticulture at Kyungpook National University.\n\n"
        f"{LEAD}\n\n{MIDDLE}\n"
    )
    article = clean_document(text, "t.txt")
    assert article.paragraphs == (LEAD, MIDDLE)


def test_a_today_widget_above_the_headline_is_not_the_date() -> None:
    text = f"Monday , March 9 2026\n\n{HEADLINE}\n\n{LEAD}\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.published_date is None
    assert article.title == HEADLINE


def test_a_today_widget_gives_way_to_the_published_line() -> None:
    text = f"Tuesday, March 10 2026\n\n{HEADLINE}\n\nPublished: March 2, 2026 - 08:15\n\n{LEAD}\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.published_date.isoformat() == "2026-03-02"


def test_a_dated_line_with_the_years_comma_is_still_a_date() -> None:
    text = f"Tuesday, March 10, 2026\n\n{HEADLINE}\n\n{LEAD}\n\n{MIDDLE}\n"
    article = clean_document(text, "t.txt")
    assert article.published_date.isoformat() == "2026-03-10"
