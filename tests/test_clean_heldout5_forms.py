"""Forms first met in the fifth held-out set (tests/heldout5), each tested here on a text of the
same form written in our own words (never the fixture's): the rule must hold for the form, not
for the one page it was found on.
"""

from __future__ import annotations

from forms import cleaned

HEADLINE = "Korean bakery chain opens training kitchen for Vietnamese pastry cooks in Da Lat"
LEAD = (
    "A South Korean bakery chain opened a training kitchen in the highland city of Da Lat on "
    "Friday, where it plans to teach forty local cooks to bake bread the way its Seoul shops do."
)
MIDDLE = (
    "The chain buys most of its strawberries and butter from farms around the city and wants "
    "cooks who know the produce, its regional manager said at the opening."
)
CLOSING = "Graduates will be offered jobs at the chain's fourteen shops in southern Vietnam."


# Datelines


def test_a_city_and_country_in_capitals_before_an_em_dash_is_the_dateline() -> None:
    article = cleaned(HEADLINE, f"DA LAT, VIETNAM — {LEAD}", MIDDLE, CLOSING)
    assert article.dateline == "Da Lat"
    assert article.paragraphs[0] == LEAD


def test_a_lowercased_city_and_country_dateline_of_a_copy_is_the_dateline() -> None:
    article = cleaned(HEADLINE, f"busan, south korea — {LEAD}", MIDDLE, CLOSING)
    assert article.dateline == "Busan"
    assert article.paragraphs[0] == LEAD


def test_a_province_and_country_in_title_case_before_an_en_dash_is_the_dateline() -> None:
    article = cleaned(HEADLINE, f"Lam Dong, Vietnam – {LEAD}", MIDDLE, CLOSING)
    assert article.dateline == "Lam Dong"
    assert article.paragraphs[0] == LEAD


def test_two_countries_before_a_dash_stay_text() -> None:
    lead = "Vietnam, South Korea – Partners in pastry: the two countries' bakers met in Da Lat on Friday."
    article = cleaned(HEADLINE, lead, MIDDLE, CLOSING)
    assert article.dateline is None
    assert article.paragraphs[0] == lead


def test_two_cities_before_a_dash_stay_text() -> None:
    lead = "Hanoi, Seoul – the two capitals will share a bakery festival next spring, organisers said."
    article = cleaned(HEADLINE, lead, MIDDLE, CLOSING)
    assert article.dateline is None
    assert article.paragraphs[0] == lead


# The next story on a category or tag page


def test_a_headline_and_a_datelined_lead_under_the_article_are_the_next_story() -> None:
    article = cleaned(
        HEADLINE, f"DA LAT, VIETNAM — {LEAD}", MIDDLE, CLOSING,
        "Incheon airport to add night flights to Phu Quoc",
        "incheon, south korea — Incheon International Airport will add four night flights a week "
        "to the Vietnamese island of Phu Quoc from March, its operator said.",
        "The flights will be run by two low-cost carriers.",
    )
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_the_text_under_a_subheading_stays() -> None:
    subheading = "Cooks from three provinces"
    article = cleaned(HEADLINE, f"DA LAT, VIETNAM — {LEAD}", MIDDLE, subheading, CLOSING)
    assert article.paragraphs[-1] == CLOSING


# Closing credits and furniture


def test_a_note_on_where_the_reports_material_came_from_leaves() -> None:
    for note in (
        "Some information for this report came from AFP.",
        "Material for this story came from Yonhap and local media.",
        "Kim Min-ji in Seoul contributed to this report.",
    ):
        article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, note)
        assert article.paragraphs == (LEAD, MIDDLE, CLOSING), note


def test_a_sentence_about_a_report_stays() -> None:
    sentence = "The information in this report came from a survey of 300 bakeries, the chain said."
    article = cleaned(HEADLINE, LEAD, MIDDLE, sentence)
    assert article.paragraphs[-1] == sentence


def test_a_bracketed_copyright_notice_and_a_blog_like_button_leave() -> None:
    article = cleaned(HEADLINE, LEAD, MIDDLE, CLOSING, "[Copyright Hanbit Press Service]", "Like this:", "Like Loading...")
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)
    assert article.byline is None


# Bylines


def test_a_hangul_byline_gives_way_to_the_english_byline_under_the_text() -> None:
    article = cleaned(HEADLINE, "김하늘 2026. 3. 4. 09:15", LEAD, MIDDLE, CLOSING, "BY KIM HA-NEUL [kim.haneul@example.kr]")
    assert article.byline == "Kim Ha-neul"
    assert article.published_at.isoformat() == "2026-03-04T09:15:00+09:00"


def test_a_latin_byline_is_not_replaced_by_a_closing_one() -> None:
    article = cleaned(HEADLINE, "By Tran Minh Duc", LEAD, MIDDLE, CLOSING, "BY KIM HA-NEUL [kim.haneul@example.kr]")
    assert article.byline == "Tran Minh Duc"


# Page furniture printed as text


def test_a_masthead_whose_words_ran_together_is_no_headline() -> None:
    article = cleaned(" date 2026-03-04 KoreaTimes", f"DA LAT, VIETNAM — {LEAD}", MIDDLE, CLOSING)
    assert article.title is None
    assert article.paragraphs[0] == LEAD


def test_an_icon_name_and_a_lists_screen_reader_counts_leave() -> None:
    article = cleaned(HEADLINE, "icon_mail24", LEAD, MIDDLE, "list of 4 items end of list", CLOSING)
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_a_line_that_ends_a_wrapped_sentence_stays() -> None:
    # Hard-wrapped text: "like this:" and an identifier are the ends of lines of prose, not chrome.
    article = cleaned(HEADLINE, LEAD, "The chain's order form reads\nlike this:\nname, shop and quantity.", CLOSING)
    assert "like this:" in article.paragraphs[1]


def test_a_recommended_stories_heading_left_without_its_list_leaves() -> None:
    article = cleaned(HEADLINE, LEAD, "Recommended Stories", "list of 2 items", MIDDLE, CLOSING)
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_an_audio_players_label_glued_to_its_length_leaves() -> None:
    article = cleaned(HEADLINE, "Listen to this article3 mins", LEAD, MIDDLE, CLOSING)
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


# A portal's headline, tag and captions


def test_a_bracketed_date_after_the_headline_is_the_date_not_the_headline() -> None:
    article = cleaned(f"{HEADLINE} (09:30 05/03/2026)", LEAD, MIDDLE, CLOSING)
    assert article.title == HEADLINE
    assert article.published_at.isoformat() == "2026-03-05T09:30:00+07:00"


def test_a_bracketed_note_after_the_headline_stays_in_it() -> None:
    title = "Korean bakery chain opens training kitchen in Da Lat (video)"
    article = cleaned(title, LEAD, MIDDLE, CLOSING)
    assert article.title == title


def test_the_hanoi_portals_tag_is_the_source_not_a_place() -> None:
    article = cleaned(HEADLINE, f"HNP – {LEAD}", MIDDLE, CLOSING)
    assert article.source == "HNP"
    assert article.dateline is None
    assert article.paragraphs[0] == LEAD


def test_a_caption_placing_people_with_a_lower_case_marker_leaves() -> None:
    caption = "Director of the Lam Dong Department of Industry Tran Van Hai (l) and the chain's founder Oh Ji-eun."
    article = cleaned(HEADLINE, LEAD, caption, MIDDLE, CLOSING)
    assert article.paragraphs == (LEAD, MIDDLE, CLOSING)


def test_a_wide_shots_caption_naming_only_the_event_leaves() -> None:
    for caption in ("Overview of the opening ceremony.", "A view of the signing"):
        article = cleaned(HEADLINE, LEAD, caption, MIDDLE, CLOSING)
        assert article.paragraphs == (LEAD, MIDDLE, CLOSING), caption


def test_an_overview_sentence_stays() -> None:
    sentence = "An overview of the meeting was sent to every bakery in the province, the chain said."
    article = cleaned(HEADLINE, LEAD, sentence, CLOSING)
    assert sentence in article.paragraphs


def test_a_view_switch_and_a_tickers_strip_above_the_headline_are_no_headline() -> None:
    article = cleaned(
        "View Desktop | View Mobile",
        "Latest Jobs Hiring: Credit Officer | Lender-HN|1|03/02/2026-HN|1|03/02/2026",
        HEADLINE, LEAD, MIDDLE, CLOSING,
    )
    assert article.title == HEADLINE
    assert article.paragraphs[0] == LEAD


def test_a_headline_with_a_pipe_and_no_date_stays_the_headline() -> None:
    title = "Da Lat | Korean bakery chain trains forty local pastry cooks"
    article = cleaned(title, LEAD, MIDDLE, CLOSING)
    assert article.title == title
