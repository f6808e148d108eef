"""Forms first met in the third held-out set (tests/heldout3), each tested here on a text of the
same form written in our own words (never the fixture's): the rule must hold for the form, not
for the one page it was found on.
"""

from __future__ import annotations

from forms import cleaned
from vnrok_etl.clean import clean_document

HEADLINE = "Gwangju potters open a kiln school for students from Hue"
LEAD = (
    "A group of potters in Gwangju will teach glazing to twenty ceramics students from Hue "
    "each spring, the city's culture office said on Wednesday."
)
MIDDLE = (
    "The students will spend eight weeks at a kiln village outside the city and show their work "
    "at a craft fair in October."
)
CLOSING = "Teachers from Hue said the course would help revive the old royal glazes of the city."


def test_a_wire_dateline_with_the_year_and_an_agency_in_brackets() -> None:
    article = cleaned(HEADLINE, f"GWANGJU, Mar 4, 2025 (Reuters) – {LEAD}", MIDDLE, CLOSING)
    assert article.dateline == "Gwangju"
    assert article.source == "Reuters"
    assert article.paragraphs[0] == LEAD


def test_a_release_wire_dateline_with_country_year_and_slashed_service() -> None:
    article = cleaned(HEADLINE, f"BUSAN, South Korea, March 4, 2025 /GlobeNewswire/ -- {LEAD}", MIDDLE, CLOSING)
    assert article.dateline == "Busan"
    assert article.source == "GlobeNewswire"
    assert article.paragraphs[0] == LEAD


def test_a_service_named_in_brackets_after_the_day() -> None:
    article = cleaned(HEADLINE, f"HANOI, Jan. 9 (Asia Pacific Daily) — {LEAD}", MIDDLE, CLOSING)
    assert article.dateline == "Hanoi"
    assert article.source == "Asia Pacific Daily"
    assert article.paragraphs[0] == LEAD


def test_a_bracketed_name_without_a_day_opens_no_dateline() -> None:
    lead = f"Potters (Gwangju Guild) – {LEAD}"
    article = cleaned(HEADLINE, lead, MIDDLE, CLOSING)
    assert article.dateline is None
    assert article.paragraphs[0] == lead


def test_a_meta_line_of_source_date_and_editor_segments() -> None:
    article = cleaned(HEADLINE, "Source: Kyodo |2024-06-14 09:30:00| Editor: Mori Ken", LEAD, MIDDLE, CLOSING)
    assert str(article.published_date) == "2024-06-14"
    assert article.source == "Kyodo"
    assert article.paragraphs[0] == LEAD


def test_a_meta_line_of_a_site_account_a_day_first_date_and_a_section() -> None:
    article = cleaned(HEADLINE, "Posted by webmaster | 21/04/2025 | Events", LEAD, MIDDLE, CLOSING)
    assert str(article.published_date) == "2025-04-21"
    assert article.byline is None
    assert article.paragraphs[0] == LEAD


def test_a_meta_line_of_date_then_writer() -> None:
    article = cleaned(HEADLINE, "2024-09-30 | Pham Thu Ha", LEAD, MIDDLE, CLOSING)
    assert str(article.published_date) == "2024-09-30"
    assert article.byline == "Pham Thu Ha"


def test_an_issue_number_and_the_date_of_a_newsletter() -> None:
    article = cleaned(HEADLINE, "Vol. 7 | Monday, March 3, 2025", LEAD, MIDDLE, CLOSING)
    assert str(article.published_date) == "2025-03-03"
    assert article.paragraphs[0] == LEAD


def test_a_city_and_the_date_joined_by_a_round_bullet() -> None:
    article = cleaned(HEADLINE, "Hanoi ● Fri, March 7, 2025", LEAD, MIDDLE, CLOSING)
    assert str(article.published_date) == "2025-03-07"
    assert article.dateline == "Hanoi"


def test_a_bar_in_a_sentence_is_no_meta_line() -> None:
    lead = "Exports rose in 2024 | officials expect a larger rise this year as new plants open."
    article = cleaned(HEADLINE, lead, MIDDLE, CLOSING)
    assert article.paragraphs[0] == lead


def test_a_blog_post_meta_line_with_date_time_and_author() -> None:
    article = cleaned(HEADLINE, "Posted in Culture on March 5, 2025 at 9:40 am by Jane Porter", LEAD, MIDDLE, CLOSING)
    assert str(article.published_date) == "2025-03-05"
    assert article.published_at is not None and article.published_at.hour == 9
    assert article.byline == "Jane Porter"
    assert article.paragraphs[0] == LEAD


def test_posted_on_and_modified_on_labels_on_one_line() -> None:
    line = "Posted on : 2024-10-02 08:15 KST Modified on : 2024-10-02 11:00 KST"
    article = cleaned(HEADLINE, line, LEAD, MIDDLE, CLOSING)
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2024-10-02T08:15:00+09:00"


def test_an_end_item_mark_glued_to_the_last_sentence_cuts_the_rail_after_it() -> None:
    article = cleaned(
        HEADLINE, LEAD, MIDDLE, CLOSING + " Enditem", "Photos", "Dragon boats race on the Han River",
    )
    assert article.paragraphs[-1] == CLOSING
    assert all("Dragon boats" not in paragraph for paragraph in article.paragraphs)


def test_a_release_ends_at_its_about_heading_contacts_and_issuer() -> None:
    article = cleaned(
        HEADLINE, LEAD, MIDDLE, CLOSING,
        "About Daon Ceramics",
        "Established in 2009 in Icheon, Daon Ceramics makes glazes and kilns for studios in 14 countries.",
        "Press Contacts", "Yoon Ha-na, daon@example.com", "SOURCE Daon Ceramics",
    )
    assert article.paragraphs[-1] == CLOSING


def test_a_release_contact_block_alone_ends_it() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, "Media Inquiries: Park Eun-ji +82-2-555-0100")
    assert article.paragraphs[-1] == CLOSING


def test_an_about_sentence_inside_the_text_stays() -> None:
    about = "About 300 students have applied for the first course, the culture office said."
    article = cleaned(HEADLINE, LEAD, MIDDLE, about, CLOSING)
    assert about in article.paragraphs


def test_a_partner_note_closing_a_syndicated_copy() -> None:
    note = (
        "This story first appeared on the Daily Gwangju website, a content partner of this "
        "newspaper, under the headline “Kiln school for Hue”."
    )
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, note)
    assert article.paragraphs[-1] == CLOSING


def test_newsletter_footer_lines_close_no_article() -> None:
    article = cleaned(
        HEADLINE, LEAD, MIDDLE, CLOSING,
        "Know someone who would like this? Forward this email to a friend.",
        "Manage your subscription or unsubscribe at any time.",
    )
    assert article.paragraphs[-1] == CLOSING


def test_a_readers_address_note_closes_no_article() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, "Send your tips and corrections to desk@example.org")
    assert article.paragraphs[-1] == CLOSING


def test_a_source_line_glued_to_the_original_headline() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, "Source: Culture Daily_Gwangju potters open a kiln school")
    assert article.paragraphs[-1] == CLOSING


def test_a_read_also_link_inside_the_text_goes_and_the_text_stays() -> None:
    article = cleaned(HEADLINE, LEAD, "Read also: Hue revives royal glaze workshops", MIDDLE, CLOSING)
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_a_bar_of_page_controls_closing_the_text() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, "Print  |  Back  |  Top")
    assert article.paragraphs[-1] == CLOSING


def test_an_ambiguous_numeric_date_is_read_the_way_the_dateline_agrees() -> None:
    article = cleaned(HEADLINE, "05/04/2025 10:20 AM", f"GWANGJU, April 5 (Yonhap) -- {LEAD}", MIDDLE, CLOSING)
    assert str(article.published_date) == "2025-04-05"
    assert article.published_at is not None and article.published_at.hour == 10


def test_a_numeric_date_that_already_agrees_with_the_dateline_stays() -> None:
    article = cleaned(HEADLINE, "05/04/2025", f"GWANGJU, April 5 (Yonhap) -- {LEAD}", MIDDLE, CLOSING)
    assert str(article.published_date) == "2025-04-05"


def test_a_today_widget_above_the_headline_gives_way_to_the_date_under_it() -> None:
    article = cleaned("Monday, June 9, 2025", HEADLINE, "(06/06/2025)", LEAD, MIDDLE, CLOSING)
    assert str(article.published_date) == "2025-06-06"
    assert article.title == HEADLINE


def _page(meta_html: str) -> str:
    return (
        "<html><head><title>Kiln school</title></head><body>"
        f"<h1>{HEADLINE}</h1>{meta_html}"
        f"<article><p>{LEAD}</p><p>{MIDDLE}</p><p>{CLOSING}</p></article></body></html>"
    )


def test_a_page_date_element_with_a_later_edit_printed_beside_it() -> None:
    page = _page('<div class="post-datetime">Posted on : 2024-03-08 14:20 KST  Updated on : 2024-03-09 09:00 KST</div>')
    article = clean_document(page, "t.html")
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2024-03-08T14:20:00+09:00"


def test_a_release_meta_element_holding_only_its_date() -> None:
    page = _page('<p class="meta">Distributed by Daon Ceramics</p><p class="meta">Mar 04, 2025, 09:30 ET</p>')
    article = clean_document(page, "t.html")
    assert str(article.published_date) == "2025-03-04"
    assert article.published_at is not None and article.published_at.utcoffset().total_seconds() == -5 * 3600


def test_a_labelled_byline_of_two_writers_and_a_photo_credit() -> None:
    article = cleaned(HEADLINE, "Words: Le Thu Trang & Bui Nam; Photos: VNA", LEAD, MIDDLE, CLOSING)
    assert article.byline == "Le Thu Trang & Bui Nam"
    assert article.paragraphs[0] == LEAD


def test_a_writer_and_the_partner_outlet_in_brackets() -> None:
    article = cleaned(HEADLINE, "Choi Ga-eun (The Korea Times)", LEAD, MIDDLE, CLOSING)
    assert article.byline == "Choi Ga-eun"
    assert article.paragraphs[0] == LEAD


def test_a_name_with_a_bracketed_position_is_no_partner_byline() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, "Choi Ga-eun (second from left)")
    assert article.byline is None


def test_a_deck_sentence_between_the_headline_and_the_byline_is_not_the_lead() -> None:
    deck = "Twenty students a year will learn old glazes in a kiln village."
    article = cleaned(HEADLINE, deck, "By Choi Ga-eun", LEAD, MIDDLE, CLOSING)
    assert article.paragraphs[0] == LEAD
    assert article.byline == "Choi Ga-eun"


def test_a_cms_info_list_with_the_writer_over_the_date() -> None:
    article = cleaned(HEADLINE, "  • Oh Se-hun\n  • Updated 2025.04.02 10:15\n  • Comments 3", LEAD, MIDDLE, CLOSING)
    assert article.byline == "Oh Se-hun"
    assert str(article.published_date) == "2025-04-02"


def test_a_newsletter_page_loses_its_frame_labels_and_sponsor() -> None:
    page = (
        "<html><head><title>Kiln school</title></head><body><table>"
        "<tr><td><p>View it in your browser</p><h2>CRAFT WEEKLY</h2><p>Vol. 9 | Monday, June 2, 2025</p></td></tr>"
        f"<tr><td><p>WORKSHOPS</p><p>{LEAD}</p><p>{MIDDLE}</p><p>EXHIBITIONS</p><p>{CLOSING}</p>"
        "<p>Sponsored: Glazes shipped overnight from Icheon. Order today</p>"
        "<p>Enjoying this? Forward this email to a friend.</p>"
        "<p>Craft Weekly, 5 Sejong-daero, Jongno-gu, Seoul</p></td></tr></table></body></html>"
    )
    article = clean_document(page, "t.html")
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_a_wire_file_photo_caption_between_paragraphs() -> None:
    caption = "(Reuters file photo) Students glaze bowls at a kiln in Icheon on May 2, 2023."
    article = cleaned(HEADLINE, LEAD, caption, MIDDLE, CLOSING)
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)
    assert caption in article.captions


def test_a_bracketed_aside_opening_a_paragraph_is_no_caption() -> None:
    aside = "(Updated with the ministry's comment) The ministry said the course would be free of charge for the students."
    article = cleaned(HEADLINE, LEAD, aside, MIDDLE, CLOSING)
    assert aside in article.paragraphs


def test_a_blog_archive_heading_is_not_the_headline() -> None:
    article = cleaned("Monthly Archives: March 2025", HEADLINE, LEAD, MIDDLE, CLOSING)
    assert article.title == HEADLINE


SECOND_ITEM = (
    "Busan ferry to Da Nang sells out The first sailing of a new cruise ferry from Busan to Da Nang "
    "sold all of its 600 cabins within a week, the operator said on Monday./."
)


def test_a_digest_item_glued_after_the_previous_items_end_mark_stays() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING + "/. " + SECOND_ITEM)
    assert article.paragraphs[-1].endswith("the operator said on Monday.")
    assert any(paragraph.startswith("Busan ferry") for paragraph in article.paragraphs)


def test_a_truncated_repeat_after_the_end_mark_still_goes() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING + "/.", LEAD[:90] + " ...")
    assert article.paragraphs[-1] == CLOSING


def test_a_closing_byline_with_the_title_after_the_name() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, "By Yoon Ji-ho, senior correspondent")
    assert article.byline == "Yoon Ji-ho"
    assert article.paragraphs[-1] == CLOSING


def test_a_page_byline_joined_to_the_readers_address_note() -> None:
    page = (
        "<html><head><title>Kiln school</title></head><body>"
        f"<h1>{HEADLINE}</h1><div class=\"text\">{LEAD}<br /><br />{MIDDLE}<br /><br />{CLOSING}"
        "<br /><br />By Yoon Ji-ho, staff reporter<br /><br />Send tips or corrections to [desk@example.org]"
        "</div></body></html>"
    )
    article = clean_document(page, "t.html")
    assert article.byline == "Yoon Ji-ho"
    assert article.paragraphs[-1] == CLOSING
