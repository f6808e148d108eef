"""Forms first met in the sixth held-out set (tests/heldout6), each tested here on a text of the
same form written in our own words (never the fixture's): the rule must hold for the form, not
for the one page it was found on.
"""

from __future__ import annotations

from forms import cleaned

HEADLINE = "Korean seed company opens rice breeding station in the Mekong Delta"
LEAD = (
    "A South Korean seed company opened a rice breeding station in Can Tho on Thursday, where "
    "it plans to test salt-tolerant varieties with farmers from three coastal provinces."
)
MIDDLE = (
    "The station will share its seed with local cooperatives for free during the first two "
    "seasons, the company's country director said at the opening ceremony."
)
CLOSING = "The first harvest from the test fields is expected before the Lunar New Year."


# Closing furniture: paywalls, credits, notes to subscribers, a firm's invitation, headings


def test_a_paywall_pitch_ends_the_visible_text_and_takes_its_buttons_and_rails() -> None:
    article = cleaned(
        HEADLINE, LEAD, MIDDLE, CLOSING,
        "This article is a subscriber-only story\nSubscribe today to read our reporting on farming in Asia.\n"
        "Already a member? Sign in\nShare\nTopics:\nRice\nSeeds\nRead next\nThai millers cut export prices",
    )
    assert article.paragraphs[-1] == CLOSING
    assert "Sign in" not in "\n".join(article.paragraphs)


def test_a_membership_pitch_after_an_editor_credit_ends_the_text() -> None:
    article = cleaned(
        HEADLINE, LEAD, MIDDLE, CLOSING,
        "Edited by Joan Pereira",
        "Become a member to read every analysis from our Hanoi desk.",
        "Log in to continue reading",
    )
    assert article.paragraphs[-1] == CLOSING


def test_translator_and_editor_credits_under_the_text_are_dropped() -> None:
    for credit in (
        "Translated by Le Thu. Edited by Mark Olsen.",
        "Translated: Office of International Affairs, Can Tho University",
        "Photos by Tran Vu",
    ):
        article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, credit)
        assert article.paragraphs[-1] == CLOSING, credit


def test_a_news_and_photos_credit_is_the_byline() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, "Text and photos: Dinh Quang Hai")
    assert article.paragraphs[-1] == CLOSING
    assert article.byline == "Dinh Quang Hai"


def test_a_sentence_opening_with_edited_stays_text() -> None:
    last = "Edited by hand in the field, the seed lists were sent to Seoul on Friday."
    article = cleaned(HEADLINE, LEAD, MIDDLE, last)
    assert article.paragraphs[-1] == last


def test_a_wire_sites_note_to_its_subscribers_is_dropped() -> None:
    note = (
        "Only part of the stories our news service distributes to its subscribers appear on this "
        "page. For subscription details, write to our sales desk."
    )
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, note)
    assert article.paragraphs[-1] == CLOSING


def test_a_firms_closing_invitation_to_contact_it_is_dropped() -> None:
    for invitation in (
        "Please feel free to contact us should you need further details on the new rules.",
        "For more information, please contact any of the lawyers listed below.",
    ):
        article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, invitation)
        assert article.paragraphs[-1] == CLOSING, invitation


def test_a_tag_list_heading_and_a_foreign_share_label_close_the_article() -> None:
    article = cleaned(
        HEADLINE, LEAD, MIDDLE, CLOSING,
        "Related topics\nRice\nMekong Delta\nPartager\nRelated news\nCambodia opens new seed bank",
    )
    assert article.paragraphs[-1] == CLOSING


def test_a_distributors_disclaimer_heading_closes_the_article() -> None:
    article = cleaned(
        HEADLINE, LEAD, MIDDLE, CLOSING,
        "Disclaimer\nThe company published this content on 4 March 2026 and alone answers for it. "
        "Distributed unedited on 4 March 2026 09:10:11 UTC.\n© Newswire - 2026\nMost Read News\n"
        "Rubber prices slip in Tokyo",
    )
    assert article.paragraphs[-1] == CLOSING


def test_korean_share_buttons_above_the_lead_are_dropped() -> None:
    article = cleaned(HEADLINE, "Share\nFacebook\nKakaoStory\nNaver Band", LEAD, MIDDLE, CLOSING)
    assert article.paragraphs[0] == LEAD


def test_the_paywall_pre_check_lets_every_opening_of_the_pattern_through() -> None:
    from vnrok_etl.clean.tail import PAYWALL_FIRST, PAYWALL_PITCH, paywall_pitch

    for line in (
        "THIS IS A PREMIUM STORY", "this story is an exclusive article", "Already a subscriber? Log in",
        "ALREADY A MEMBER?", "Become a subscriber", "ſubscribe now", "SUBSCRIBE TODAY",
        "Log in to keep reading", "Sign in to continue reading", "Continue reading with a subscription",
        "keep reading by subscribing",
    ):
        assert PAYWALL_PITCH.match(line) and line[:1] in PAYWALL_FIRST, line
        assert paywall_pitch(line), line
    assert not paywall_pitch("Subscribers to the seed programme get two bags a season.")


# Saving forms: a page printed to PDF, a menu row with its gaps


def test_print_headers_and_footers_go_and_a_sentence_cut_by_the_page_break_is_joined() -> None:
    header = "04/03/2026, 09:41      Korean seed company opens rice station | Farm Weekly"
    text = (
        f"{header}\n\n{HEADLINE}\n\n{LEAD}\n\nThe station's first fields lie beside a canal and\n"
        "www.farmweekly.example/news/rice-station-2291      Page 1 of 2\n\n"
        f"{header}\nwill be planted with four varieties in the spring season.\n\n{CLOSING}\n\n"
        "www.farmweekly.example/news/rice-station-2291      Page 2 of 2\n"
    )
    from vnrok_etl.clean import clean_document

    article = clean_document(text, "t.txt")
    assert article.title == HEADLINE
    assert article.paragraphs == (
        LEAD,
        "The station's first fields lie beside a canal and will be planted with four varieties in the spring season.",
        CLOSING,
    )


def test_a_text_opening_with_a_date_line_alone_is_no_print_header() -> None:
    from vnrok_etl.clean.common import Draft
    from vnrok_etl.clean.printed import join_printed_pages

    text = f"03/04/2026 10:15\n\n{HEADLINE}\n\n{LEAD}\n\n1/2\n"
    assert join_printed_pages(text, Draft()) == text


def test_menu_and_language_rows_with_gaps_above_the_text_go_a_table_row_below_stays() -> None:
    from vnrok_etl.clean import clean_document

    row = "Seeds    Rice    Maize"
    text = (
        "FARM WEEKLY\n\tVietnamese\tEnglish\tKorean\nHome   Markets   Machinery   Weather   Opinion\n\n"
        f"{HEADLINE}\n\n{LEAD}\n\n{MIDDLE}\n\n{row}\n\n{CLOSING}\n"
    )
    article = clean_document(text, "t.txt")
    assert article.title == HEADLINE
    assert article.paragraphs[0] == LEAD
    from vnrok_etl.clean.common import Draft
    from vnrok_etl.clean.printed import drop_menu_rows

    assert row in drop_menu_rows(text, Draft())  # below the first line of prose: not the header


def test_a_caption_whose_credit_was_cut_after_photo_colon_is_a_caption() -> None:
    article = cleaned(HEADLINE, LEAD, "Farmers sort seed at the new station. (Photo:", MIDDLE, CLOSING)
    assert "Farmers sort seed at the new station. (Photo:" in article.captions
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


# Bylines under the text


def test_a_name_and_e_mail_among_one_line_paragraphs_is_the_byline_not_a_caption() -> None:
    text = "\n".join((HEADLINE, LEAD, MIDDLE, CLOSING, "Ji-Hoon Park jhpark@farmweekly.example", "Copyright by Farm Weekly All rights reserved."))
    from vnrok_etl.clean import clean_document

    article = clean_document(text + "\n", "t.txt")
    assert article.byline == "Ji-Hoon Park"
    assert article.paragraphs[-1] == CLOSING


def test_a_journals_author_line_after_the_end_mark_is_the_byline() -> None:
    article = cleaned(
        HEADLINE, LEAD, MIDDLE, f"{CLOSING}/.",
        "Assoc. Prof. Dr. LE THI NGOC ANH, Institute of Agricultural Economics",
        "Other news\nFarmers in Soc Trang test new shrimp feed (March 2, 2026)",
    )
    assert article.byline == "Le Thi Ngoc Anh"
    assert article.paragraphs[-1] == CLOSING


def test_a_list_of_offices_after_the_text_is_no_author_line() -> None:
    from vnrok_etl.clean.tail import author_signature

    assert author_signature("Senior Colonel, Dr. TRAN VAN HUNG, Institute for Defence Strategy") == "Tran Van Hung"
    assert author_signature("Ministry of Agriculture, Department of Crop Production") is None
    assert author_signature("The seed, the water and the soil were tested in CAN THO, officials said.") is None


# A Markdown web clipper's page


def test_a_clipped_pages_front_matter_gives_title_date_and_author_and_goes() -> None:
    from vnrok_etl.clean import clean_document

    text = (
        "---\ntitle: \"Korean seed company opens rice breeding station in the Mekong Delta | Farm Weekly\"\n"
        "source: https://farmweekly.example/rice-station\nauthor: \"[[Dinh Quang Hai]]\"\n"
        "published: 2026-03-04\ncreated: 2026-03-09T21:05:00+07:00\ntags:\n  - clippings\n---\n\n"
        "## Korean seed company opens rice breeding station in the Mekong Delta\n\n"
        f"> {LEAD}\n\n***\n\n{LEAD}\n\n"
        "![Farmers sort seed](https://farmweekly.example/img/seed.jpg)\nFarmers sort seed at the new station.\n\n"
        f"{MIDDLE}\n\n{CLOSING}\n"
    )
    article = clean_document(text, "t.md")
    assert article.title == HEADLINE
    assert str(article.published_date) == "2026-03-04"
    assert article.byline == "Dinh Quang Hai"
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)
    assert "Farmers sort seed at the new station." in article.captions


def test_a_clippers_created_field_is_not_the_date_and_italic_name_last_is_the_byline() -> None:
    from vnrok_etl.clean import clean_document

    text = (
        "---\ncreated: 2026-03-09T21:05:00 (UTC +07:00)\ntags: []\nsource: https://farmweekly.example/x\nauthor: \n---\n\n"
        f"# {HEADLINE} | Farm Weekly Online\n\n> ## Excerpt\n> {LEAD}\n\n---\n{LEAD}\n\n"
        "![]() |\nThe station's seed store. |\n\n"
        f"{MIDDLE}\n\n{CLOSING}\n\n*Le Thu Ha*\n"
    )
    article = clean_document(text, "t.md")
    assert article.title == HEADLINE
    assert article.published_date is None
    assert article.byline == "Le Thu Ha"
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_a_text_opening_with_a_rule_and_no_fields_is_no_front_matter() -> None:
    from vnrok_etl.clean.clipper import read_markdown_clip
    from vnrok_etl.clean.common import Draft

    text = f"---\n{HEADLINE}\n---\n\n{LEAD}\n"
    assert read_markdown_clip(text, Draft()) == text


# A university portal's menu and signature


def test_a_search_boxs_placeholder_in_a_menu_is_chrome_and_the_headline_is_the_title() -> None:
    from vnrok_etl.clean import clean_document

    text = "\n".join((
        "CAN THO UNIVERSITY", "Tiếng Việt | English", "Home", "About CTU", "News", "Search…",
        "Home » News", HEADLINE, "(05-03-2026 09:10)", LEAD, MIDDLE, CLOSING,
    ))
    article = clean_document(text + "\n", "t.txt")
    assert article.title == HEADLINE
    assert article.paragraphs[0] == LEAD


def test_a_faculty_signing_the_item_is_no_text() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, "School of Agriculture and Aquaculture")
    assert article.paragraphs[-1] == CLOSING


# Datelines and agency tags


def test_a_sites_bracketed_domain_tag_opening_the_lead_is_the_source() -> None:
    article = cleaned(HEADLINE, f"(Nongnghiep.vn) – {LEAD}", MIDDLE, CLOSING)
    assert article.source == "Nongnghiep.vn"
    assert article.paragraphs[0] == LEAD


def test_a_bracketed_word_and_dash_in_a_later_paragraph_stays_text() -> None:
    later = "(Seed.bank) - the cooperative's name for its store - holds forty varieties of rice."
    article = cleaned(HEADLINE, LEAD, later, CLOSING)
    assert later in article.paragraphs


def test_a_known_city_in_capitals_alone_above_the_lead_is_the_dateline() -> None:
    article = cleaned(HEADLINE, "Kim Soo-min   |04.03.2026 - Update : 05.03.2026", "ANKARA", LEAD, MIDDLE, CLOSING)
    assert article.dateline == "Ankara"
    assert article.paragraphs[0] == LEAD


def test_a_section_label_in_capitals_above_the_lead_is_no_dateline() -> None:
    article = cleaned(HEADLINE, "AGRICULTURE", LEAD, MIDDLE, CLOSING)
    assert article.dateline is None
    assert article.paragraphs[0] == LEAD


def test_a_name_alone_over_the_date_line_under_the_headline_is_the_byline() -> None:
    dek = "Farmers in three coastal provinces will test the salt-tolerant seed first"
    article = cleaned("\n".join((HEADLINE, dek, "Nguyen Bao Ngoc", "March 4, 2026")), LEAD, MIDDLE, CLOSING)
    assert article.byline == "Nguyen Bao Ngoc"
    assert article.paragraphs[0] == LEAD


def test_a_date_and_headline_line_without_any_print_footer_is_no_print_header() -> None:
    from vnrok_etl.clean.common import Draft
    from vnrok_etl.clean.printed import join_printed_pages

    text = f"04/03/2026, 09:41   {HEADLINE}\n\n{LEAD}\n\n{MIDDLE}\n"
    assert join_printed_pages(text, Draft()) == text


def test_a_place_in_capitals_after_a_city_is_no_author_line() -> None:
    from vnrok_etl.clean.tail import author_signature

    assert author_signature("Seoul, SOUTH KOREA") is None


def test_an_article_sentence_about_an_agencys_subscribers_stays_text() -> None:
    last = (
        "The agency distributes to its subscribers about 400 stories a day, and its board said "
        "it would add a Korean-language feed next year."
    )
    article = cleaned(HEADLINE, LEAD, MIDDLE, last)
    assert article.paragraphs[-1] == last


def test_a_masthead_over_the_date_line_is_no_byline() -> None:
    article = cleaned("\n".join((HEADLINE, "Viet Nam News", "March 4, 2026")), LEAD, MIDDLE, CLOSING)
    assert article.byline != "Viet Nam News"


# Forms met on real pages while checking these rules (an aggregator's summary page)


def test_a_file_photo_credit_closes_a_caption() -> None:
    caption = "Farmers plant test seed near Soc Trang. File photo: Reuters."
    article = cleaned(HEADLINE, LEAD, caption, MIDDLE, CLOSING)
    assert caption in article.captions
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_a_link_to_the_full_report_and_a_video_rail_with_the_authors_box_close_the_text() -> None:
    article = cleaned(
        HEADLINE, LEAD, MIDDLE, CLOSING, "Read the full report: Farm Weekly", "WATCH MORE:",
        "Hana Lim", "Hana Lim is a freelance writer based in Busan who has covered Asian farming since 2011.",
    )
    assert article.paragraphs[-1] == CLOSING
