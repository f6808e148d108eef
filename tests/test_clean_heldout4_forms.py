"""Forms first met in the fourth held-out set (tests/heldout4), each tested here on a text of the
same form written in our own words (never the fixture's): the rule must hold for the form, not
for the one page it was found on.
"""

from __future__ import annotations

from forms import cleaned
from vnrok_etl.clean import clean_document
from vnrok_etl.clean.datelines import is_date_line
from vnrok_etl.decode import decode_bytes

HEADLINE = "Busan pho chain plans twelve new shops as Vietnamese food wins over students"
LEAD = (
    "A pho restaurant chain founded by two Vietnamese graduates in Busan will open twelve more "
    "shops across the southern port city by the end of next year, its owners said on Tuesday."
)
MIDDLE = (
    "The chain buys its rice noodles from a factory in Long An and its herbs from farms run by "
    "Vietnamese families outside Gimhae, keeping the taste close to what students know from home."
)
CLOSING = "University canteens in the city have also started serving pho twice a week, the owners added."


# Captions and credits


def test_a_caption_closed_by_a_labelled_photo_credit_in_brackets_leaves() -> None:
    caption = "Customers queue outside the chain's first shop near Pusan National University. [Photo provided by Pho Busan]"
    article = cleaned(HEADLINE, caption, LEAD, MIDDLE, CLOSING)
    assert article.title == HEADLINE
    assert article.paragraphs[0] == LEAD
    assert caption not in "\n".join(article.paragraphs)


def test_an_image_source_credit_alone_under_the_headline_leaves() -> None:
    article = cleaned(HEADLINE, "[Image source=Newsis]", LEAD, MIDDLE, CLOSING)
    assert article.title == HEADLINE
    assert article.paragraphs[0] == LEAD


def test_a_caption_ending_in_an_upper_case_photo_credit_leaves() -> None:
    caption = "A cook ladles broth at the chain's kitchen in Seomyeon. PHOTO: AFP"
    article = cleaned(HEADLINE, LEAD, caption, MIDDLE, CLOSING)
    assert caption not in article.paragraphs
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


# Bylines, datelines and sources


def test_a_bracketed_outlet_and_reporter_byline_opening_the_lead() -> None:
    article = cleaned(HEADLINE, f"[Edaily Correspondent Park Ji-hoon] {LEAD}", MIDDLE, CLOSING)
    assert article.byline == "Park Ji-hoon"
    assert article.paragraphs[0] == LEAD


def test_a_bracketed_note_without_a_reporter_title_stays() -> None:
    lead = f"[Food column] {LEAD}"
    article = cleaned(HEADLINE, lead, MIDDLE, CLOSING)
    assert article.byline is None


def test_an_agency_and_place_credit_line_under_the_headline() -> None:
    article = cleaned(HEADLINE, "Reuters, BUSAN, South Korea", LEAD, MIDDLE, CLOSING)
    assert article.source == "Reuters"
    assert article.dateline == "Busan"
    assert article.paragraphs[0] == LEAD


def test_a_source_line_with_the_desks_initials_names_only_the_source() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, "Source: Reuters/ec")
    assert article.source == "Reuters"
    assert article.paragraphs[-1] == CLOSING
    joined = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, "Source: Agencies/CNA/kg(mi)")
    assert joined.source == "Agencies/CNA"


# Headlines


def test_a_rubric_in_capitals_and_a_colon_is_not_part_of_the_headline() -> None:
    article = cleaned(f"ANALYSIS: {HEADLINE}", LEAD, MIDDLE, CLOSING)
    assert article.title == HEADLINE


def test_a_wire_rubric_glued_by_a_hyphen_is_not_part_of_the_headline() -> None:
    article = cleaned(f"EXCLUSIVE-{HEADLINE}", LEAD, MIDDLE, CLOSING)
    assert article.title == HEADLINE


def test_a_headline_starting_with_a_capitalised_word_and_a_colon_keeps_it() -> None:
    headline = "Pho in Busan: twelve new shops for a city that fell for Vietnamese noodles"
    article = cleaned(headline, LEAD, MIDDLE, CLOSING)
    assert article.title == headline


# Date lines


def test_a_date_line_with_the_time_it_was_updated_after_a_dash() -> None:
    article = cleaned("Mar. 4, 2026 - Updated 11:20 UTC", HEADLINE, LEAD, MIDDLE, CLOSING)
    assert article.published_date.isoformat() == "2026-03-04"
    assert article.title == HEADLINE


def test_a_date_line_with_the_print_pages_label_after_a_dash() -> None:
    article = cleaned("Thu, Mar 05, 2026 - Page 3 News List", HEADLINE, LEAD, MIDDLE, CLOSING)
    assert article.published_date.isoformat() == "2026-03-05"
    assert article.title == HEADLINE


def test_two_dates_joined_by_a_bar_the_first_is_the_publication_in_korean_time() -> None:
    article = cleaned(
        HEADLINE, "2026.03.04 09:12:30 | 2026.03.05 10:00:00", LEAD, MIDDLE, CLOSING,
        "[ⓒ Maeil Business News Korea & mk.co.kr, All rights reserved]",
    )
    assert article.published_at.isoformat() == "2026-03-04T09:12:30+09:00"
    assert article.paragraphs[-1] == CLOSING


def test_a_date_line_in_singapore_time() -> None:
    article = cleaned(HEADLINE, "March 4, 2026 18:30 SGT", LEAD, MIDDLE, CLOSING)
    assert article.published_at.isoformat() == "2026-03-04T18:30:00+08:00"


# The end of the text


def test_a_copyright_notice_closing_the_text_leaves() -> None:
    for notice in (
        "© 2026 The Korea Economic Daily. All rights reserved.",
        "Copyright 2026 Busan Ilbo. All Rights Reserved.",
        "[ⓒ Korea Food Weekly, All rights reserved]",
    ):
        article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, notice)
        assert article.paragraphs[-1] == CLOSING, notice


def test_a_long_paragraph_ending_with_the_words_of_a_reservation_stays() -> None:
    paragraph = (
        "The owners said the recipes belonged to their mothers in Nam Dinh and Hai Phong, who had "
        "taught them to cook before they left for Korea, and that the family kept all rights reserved."
    )
    article = cleaned(HEADLINE, LEAD, MIDDLE, paragraph)
    assert article.paragraphs[-1] == paragraph


def test_a_more_kind_rail_heading_cuts_the_rail() -> None:
    rail = [
        "More in Business",
        "• Gimhae farms grow Vietnamese herbs",
        "Gimhae farms grow Vietnamese herbs",
        "Families from Thai Binh have turned rice paddies into herb gardens for Korea's pho shops.",
        "• Students cook for a charity night",
    ]
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, *rail)
    assert article.paragraphs[-1] == CLOSING


def test_the_next_items_teaser_cut_inside_a_sentence_leaves() -> None:
    teaser = "A fishing boat from Tongyeong returned to port yesterday after the storm forced its crew to"
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING + "\n" + teaser)
    assert article.paragraphs[-1] == CLOSING


def test_a_last_paragraph_without_a_full_stop_ending_on_a_noun_stays() -> None:
    last = "Opening hours: 11 a.m. to 10 p.m., closed on the first Monday of each month"
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, last)
    assert article.paragraphs[-1] == last


# Decoding


def test_korean_font_quotation_marks_shown_as_latin1_are_repaired() -> None:
    text = (
        f"{HEADLINE}\n\n{LEAD}\n\n\u00a1\u00b0Students tell us it tastes like Hanoi,\u00a1\u00b1 "
        "the chain\u00a1\u00afs co-founder said.\n"
    )
    decoded = decode_bytes(text.encode("utf-8"))
    assert "“Students tell us it tastes like Hanoi,” the chain’s co-founder said." in decoded


def test_latin_text_with_accented_letters_is_not_repaired() -> None:
    text = f"{HEADLINE}\n\nThe café ¿Qué Tal? near the Élysée opened a pho stall.\n"
    assert decode_bytes(text.encode("utf-8")) == text


def test_a_time_with_its_half_of_the_day_glued_on() -> None:
    article = cleaned(HEADLINE, "04 Mar 2026 10:05PM", LEAD, MIDDLE, CLOSING)
    assert article.published_at.isoformat() == "2026-03-04T22:05:00+07:00"


def test_only_a_time_or_a_date_after_updated_makes_a_note_of_the_date_line() -> None:
    assert is_date_line("Mar. 4, 2026 - Updated 11:20 UTC")
    assert is_date_line("04 Mar 2026 06:00AM (Updated: 04 Mar 2026 08:14AM)")
    assert not is_date_line("March 3, 2026 - Updated visa rules take effect")
    assert not is_date_line("Thu, Mar 05, 2026 - Pho chain opens in Busan")


def test_a_labelled_photo_credit_alone_between_paragraphs_leaves() -> None:
    article = cleaned(HEADLINE, LEAD, "[Photo by Pho Busan]", MIDDLE, CLOSING)
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


# Forms of heldout4b's fixtures (VTV News, AmCham, EIN Presswire, Vietnam Customs News, a WordPress
# blog), on texts of our own


def test_an_empty_byline_with_the_copied_storys_address_glued_to_the_date() -> None:
    line = "by ,https://bizhub.vn/markets/88812/pho-chain-heads-south.html05 Mar 2026 Last updated at 19:05 PM"
    article = cleaned(HEADLINE, line, LEAD, MIDDLE, CLOSING)
    assert article.byline is None
    assert article.published_at.isoformat() == "2026-03-05T19:05:00+07:00"
    assert article.paragraphs[0] == LEAD


def test_a_dateline_with_its_year_dates_a_text_that_prints_no_other_date() -> None:
    article = cleaned(HEADLINE, f"GENEVA, March 4, 2026 – {LEAD}", MIDDLE, CLOSING)
    assert article.published_date.isoformat() == "2026-03-04"
    assert article.dateline == "Geneva"
    undated = cleaned(HEADLINE, f"SEOUL, March 4 (Yonhap) -- {LEAD}", MIDDLE, CLOSING)
    assert undated.published_date is None


def test_a_read_more_link_with_an_ellipsis_or_arrow_closing_the_text_leaves() -> None:
    for link in ("Read more …", "See more »", "Read more..."):
        article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, link)
        assert article.paragraphs[-1] == CLOSING, link


def test_an_outlets_code_glued_to_a_dash_opening_the_lead_is_the_source() -> None:
    article = cleaned(HEADLINE, f"BNEWS- {LEAD}", MIDDLE, CLOSING)
    assert article.source == "BNEWS"
    assert article.paragraphs[0] == LEAD


def test_a_wire_wrapper_alone_on_its_line_gives_way_to_the_real_dateline() -> None:
    article = cleaned(" date 2026-03-04 KOREA, March 4 -", f"BUSAN — {LEAD}", MIDDLE, CLOSING)
    assert article.dateline == "Busan"
    assert article.paragraphs[0] == LEAD


def test_a_wordpress_themes_today_widget_with_an_ordinal_day_is_not_the_date() -> None:
    article = cleaned("Wed. Mar 4th, 2026", HEADLINE, LEAD, MIDDLE, CLOSING)
    assert article.published_date is None
    assert article.title == HEADLINE


def test_a_listing_page_that_prints_its_latest_story_in_full_under_latest_news_is_an_article() -> None:
    text = "\n\n".join((
        "Latest Stories", HEADLINE, "  • March 4, 2026", LEAD, MIDDLE, CLOSING,
        "Read the original article", "Gimhae farms grow Vietnamese herbs",
        "Families from Thai Binh have turned rice paddies into herb gardens for Korea's pho shops.",
    )) + "\n"
    article = clean_document(text, "t.txt")
    assert article.title == HEADLINE
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_a_related_block_of_headlines_and_standfirsts_is_still_no_article() -> None:
    import pytest

    from vnrok_etl.clean import CleanError

    items = []
    for number in range(3):
        items += [f"Pho chain number {number} opens in Busan", f"A pho chain opened its shop number {number} in Busan on Tuesday, its owners said."]
    with pytest.raises(CleanError):
        cleaned("Related news", *items)


def test_an_issuing_offices_name_closing_the_text_leaves() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, "Office of the Consul General in Busan")
    assert article.paragraphs[-1] == CLOSING
    closing = "Trade Office staff said the shops would also sell Vietnamese coffee"
    kept = cleaned(HEADLINE, LEAD, MIDDLE, closing)
    assert kept.paragraphs[-1] == closing


# The same outlets' pages saved as text (forms seen on the real pages, not in the fixtures)


def test_an_icon_strip_a_sponsored_disclosure_and_a_deck_around_a_saved_nikkei_style_text() -> None:
    article = cleaned(
        "ArrowArtboardCreated with Sketch.Title ChevronTitle ChevronIcon FacebookIcon LinkedinIcon Mail ContactPath LayerIcon MailPositive ArrowIcon Print\nKitchen trends",
        HEADLINE, "Owners say students want the taste of home near campus",
        "Customers queue at the first shop. (Photo by Kim Min-ho)", f"BUSAN -- {LEAD}", MIDDLE, CLOSING,
        "Sponsored Content", "About Sponsored Content This content was commissioned by a partner's studio.",
    )
    assert article.title == HEADLINE
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_an_aggregators_origin_outlet_glued_to_the_date_and_its_closing_boxes() -> None:
    article = cleaned(
        f"logo\n{HEADLINE}\n\n{HEADLINE}", "Busan Ilbo04-03-2026", "Customers queue at the first shop. PHOTO: AFP",
        f"BUSAN - {LEAD}", MIDDLE, CLOSING, "Try Our Smart Summary", "See what our assistant can do for you:",
        "Comments", "No comments yet...",
    )
    assert article.published_date.isoformat() == "2026-03-04"
    assert article.byline is None
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_a_follow_prompt_and_the_lead_printed_again_with_its_dateline_leave() -> None:
    article = cleaned(
        HEADLINE, f"BUSAN — {LEAD}", "This picture taken on Mar 3, 2026 shows cooks at the chain's kitchen in Busan.\n Photo: AFP",
        "Follow Busan Today on WhatsApp", f"BUSAN — {LEAD}", MIDDLE, CLOSING,
    )
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_writers_names_joined_by_a_comma_closing_the_text_are_no_heading() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, "Kim Min-ho, Tran Thi Lan")
    assert "Kim Min-ho, Tran Thi Lan" in article.paragraphs or article.byline == "Kim Min-ho, Tran Thi Lan"


def test_a_wire_storys_closing_credits_end_it_on_a_feed_page() -> None:
    article = cleaned(
        HEADLINE, f"BUSAN: {LEAD}", MIDDLE, CLOSING, "(Reporting by Kim Min-ho; Editing by Anna Lee)",
        "Let’s block ads! (Why?)", "Asia Pacific News", "Gimhae farms grow Vietnamese herbs",
        "GIMHAE: Families from Thai Binh have turned rice paddies into herb gardens for Korea's pho shops.",
    )
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)
