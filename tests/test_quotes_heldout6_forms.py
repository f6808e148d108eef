"""Speech forms first met in the sixth held-out set (tests/heldout6), each tested on passages in
our own words (invented people and events) that differ from the held-out page: the rule must
hold for the form, not for the page."""

from __future__ import annotations

import pytest

from forms import quotes_of, who


def test_a_long_apposition_of_two_offices_lets_a_later_title_name_the_person() -> None:
    # ", <office> of … and <office> of … (ABBR)," is over a hundred characters: still what the
    # person is, so "the DPC Secretary" later is him.
    lead = ("DA NANG – On Friday, Tran Quoc Hung, Member of the Standing Board of the Da Nang City "
            "Party Committee and Secretary of the Lien Chieu District Party Committee (DPC), met "
            "Choi Min-ho, Director of Daeil Textiles Vietnam.")
    assert who(quotes_of(lead, "The DPC Secretary told the visitors that the district had 40 hectares ready.")) == [
        ("indirect", "Tran Quoc Hung", "the district had 40")
    ]


def test_a_pronoun_after_a_speaker_named_by_title_goes_back_to_that_speaker() -> None:
    # The title is a mention of its holder: "He" after it is not the guest named last before.
    lead = ("Ambassador Vu Thanh Son, head of the Vietnamese delegation, received Jung Hae-in, "
            "Chairman of Sejin Foods.")
    found = who(quotes_of(
        lead,
        "At the meeting, the ambassador informed the guests that exports had doubled.",
        "He said the embassy would open a trade desk in Busan.",
    ))
    assert found == [
        ("indirect", "Vu Thanh Son", "exports had doubled"),
        ("indirect", "Vu Thanh Son", "the embassy would open"),
    ]


@pytest.mark.parametrize(
    "place",
    ["at Dinh Vu Industrial Park", "on Tran Phu Street", "beside Le Loi Market",
     "in Yen Phong Industrial Park", "in Tam Hiep Industrial Zone"],
)
def test_a_site_named_with_a_family_name_is_no_person_a_pronoun_goes_back_to(place) -> None:
    found = who(quotes_of(
        f"Director Hwang Jae-sung thanked the city for its help since the firm opened its first plant "
        f"{place} in 2015.",
        "He said a second line would start in 2027.",
    ))
    assert found == [("indirect", "Hwang Jae-sung", "a second line would")]


def test_a_full_stop_glued_to_an_opening_quotation_mark_ends_the_sentence() -> None:
    # Reader views drop the break between paragraphs: "… last year.“We …,” she said."
    found = who(quotes_of(
        "Exports of dried fruit rose by a fifth last year, officials said.“Our buyers in "
        "Busan want more,” Nguyen Thi Lan said."
    ))
    assert found == [
        ("indirect", None, "Exports of dried fruit"),
        ("direct", "Nguyen Thi Lan", "Our buyers in Busan"),
    ]


@pytest.mark.parametrize(
    "apposition",
    ["a Busan-based charity that funds clinics", "an industry association", "a Seoul think tank"],
)
def test_a_name_described_as_an_organisation_is_no_person_a_role_can_mean(apposition) -> None:
    # "according to Green Bridge, an industry association," names a body: "the official" later
    # is someone the article does not name, not the body.
    found = who(quotes_of(
        f"Shipments fell by a tenth, according to Green Bridge, {apposition}.",
        "“Buyers are waiting for prices to settle,” the official said.",
    ))
    assert found == [
        ("indirect", "Green Bridge", "Shipments fell by a"),
        ("direct", None, "Buyers are waiting for"),
    ]


def test_an_apposition_whose_head_is_a_person_keeps_the_name_a_persons() -> None:
    # The head is the noun before the preposition: "a hydrologist at Hue University".
    found = who(quotes_of(
        "Floods arrive earlier, according to Le Thi Hoa, a hydrologist at Hue University.",
        "“Gauges must report every hour,” she said.",
    ))
    assert found == [
        ("indirect", "Le Thi Hoa", "Floods arrive earlier"),
        ("direct", "Le Thi Hoa", "Gauges must report every"),
    ]


def test_provinces_named_together_are_places_not_people() -> None:
    # "in Son La and Ha Giang provinces": the plural place noun follows the second name.
    found = who(quotes_of(
        "Rangers counted 30 bears in Son La and Ha Giang provinces this year.",
        "“The forest is recovering,” the official said.",
    ))
    assert found == [("direct", None, "The forest is recovering")]


@pytest.mark.parametrize(
    ("owner", "described"),
    [("Viet Nam’s", "health ministry"), ("South Korea’s", "labor ministry"),
     ("the United States’", "trade office")],
)
def test_an_owner_of_several_words_is_left_out_of_a_described_organisation(owner, described) -> None:
    # Another ministry described before: the description is read again, owner and all.
    found = quotes_of(
        "Japan’s foreign ministry did not answer calls. "
        f"{owner} {described} said it was reviewing the contracts."
    )
    assert [(q.speaker, q.speaker_type) for q in found] == [(described, "organisation")]


def test_provided_that_after_its_subject_reports_a_clause_but_the_conjunction_does_not() -> None:
    assert who(quotes_of("Director Le Van Hung also provided that the park had 40 hectares left.")) == [
        ("indirect", "Le Van Hung", "the park had 40")
    ]
    assert quotes_of("Workers can stay for two years, provided that they pass the test.") == ()


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Professor Hwang Bo-ra of Yonsei University’s law school said, “Courts move slowly.”",
         ("direct", "Hwang Bo-ra", "Courts move slowly.")),
        ("Lecturer Do Minh Chau of Hanoi Medical University’s nursing faculty said the course would "
         "open in May.", ("indirect", "Do Minh Chau", "the course would open")),
    ],
)
def test_a_person_of_a_possessive_body_and_its_lowercase_unit_is_the_subject(paragraph, expected) -> None:
    assert who(quotes_of(paragraph)) == [expected]


def test_an_opening_participle_with_its_object_is_not_the_subject_of_a_coordinated_cue() -> None:
    # "Welcoming the guests, X, <title>, thanked … and said …": the subject follows the phrase.
    found = who(quotes_of(
        "Welcoming the guests, Vice Rector Bui Thi Hanh, Head of the External Office, thanked the "
        "partners and said the school would add two courses."
    ))
    assert found == [("indirect", "Bui Thi Hanh", "the school would add")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Director Park Ji-hoon suggested opening a joint lab in Da Nang next year.",
         [("indirect", "Park Ji-hoon", "opening a joint lab")]),
        ("Chairwoman Le Thi Mai recommended extending the visa pilot to Hue.",
         [("indirect", "Le Thi Mai", "extending the visa pilot")]),
        ("The proposed building will house 300 staff.", []),  # an adjective, no subject
        ("Minister Cho Hyun-woo proposed nothing new at the talks.", []),
    ],
)
def test_a_proposal_verb_with_a_gerund_object_reports_the_proposal(paragraph, expected) -> None:
    assert who(quotes_of(paragraph)) == expected


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("The Embassy of the Republic of Korea in Laos said in a reply to reporters that it was "
         "checking the list.", "Embassy of the Republic of Korea in Laos"),
        ("The Embassy of the Socialist Republic of Viet Nam in Seoul said on Monday that 12 "
         "students had been found safe.", "Embassy of the Socialist Republic of Viet Nam in Seoul"),
    ],
)
def test_a_mission_named_by_a_country_of_several_words_and_where_it_is_speaks(paragraph, speaker) -> None:
    assert [(q.speaker, q.speaker_type) for q in quotes_of(paragraph)] == [(speaker, "organisation")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # an unnamed inverted speaker with a relative clause: a direct quote with no name
        ("“The rent went up twice this year,” said a woman who sells tea near the gate and asked "
         "that her name be withheld.", [("direct", None, "The rent went up")]),
        ("“We were never told,” said a man who drove for the firm for six years.",
         [("direct", None, "We were never told")]),
        # a named one
        ("“The rent went up twice,” said Nguyen Van Tu, who has sold noodles there since 2009.",
         [("direct", "Nguyen Van Tu", "The rent went up")]),
    ],
)
def test_a_relative_clause_after_an_inverted_speaker_ends_the_attribution(paragraph, expected) -> None:
    assert who(quotes_of(paragraph)) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Director Kang Su-bin put it simply: “We need engineers, not land.”",
         [("direct", "Kang Su-bin", "We need engineers, not")]),
        # an unnamed speaker whose description ends in a place: the place is not the speaker
        ("Buyers are wary. One trader at a fish market in Hai Phong put it plainly: ‘Prices will "
         "fall before Tet.’", [("direct", None, "Prices will fall before")]),
        ("He put it on the table: a new plan.", []),  # no colon right after "put it"
    ],
)
def test_put_it_before_a_colon_introduces_a_quotation(paragraph, expected) -> None:
    assert who(quotes_of(paragraph)) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "Nguyen Thi Lan runs a stall. A manager at a Korean supplier in Hai Duong said the firm "
        "would stay.",
        "Nguyen Thi Lan runs a stall. A driver at a logistics firm in Binh Duong said the road "
        "would open in May.",
    ],
)
def test_a_bare_name_after_in_completes_an_unnamed_subject_and_is_never_the_speaker(paragraph) -> None:
    assert all(speaker not in ("Hai Duong", "Binh Duong") for _kind, speaker, _text in who(quotes_of(paragraph)))
    if "manager" in paragraph:
        assert who(quotes_of(paragraph)) == [("indirect", None, "the firm would stay")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # ", and X said in <time> that …": the cue opens its statement; the clause before is the
        # reporter's
        ("Tariffs on steel fell last year, and Deputy Minister Cho Eun-ji said on Tuesday that "
         "the quota would stay.", [("indirect", "Cho Eun-ji", "the quota would stay")]),
        # a relative "that" with its verb after the adverbial leaves the cue at the end
        ("Exports rose 10 percent, the ministry said in a report that was released on Monday.",
         [("indirect", None, "Exports rose 10 percent")]),
    ],
)
def test_that_after_a_cues_adverbial_opens_the_statement(paragraph, expected) -> None:
    assert [(k, s, " ".join(t.split()[:4])) for k, s, t in who(quotes_of(paragraph))] == expected


def test_a_long_apposition_that_runs_into_a_clause_is_no_title() -> None:
    # Over a hundred characters, only office names make an apposition: ", General Secretary of
    # … To Van Hai and his spouse are to travel …" is the next clause's subject, not the
    # president's title.
    found = who(quotes_of(
        "At the invitation of Lao President Bounmy Sisavath, General Secretary of the Communist Party "
        "of Viet Nam Central Committee To Van Hai and his spouse are to travel to Laos on an official "
        "trip between June 3 and 6.",
        "The Party chief said that the visit would open a new chapter.",
    ))
    assert [speaker for _kind, speaker, _text in found] != ["Bounmy Sisavath"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("State-owned Lao Dong newspaper reported on Friday that 200 workers had been paid.", "Lao Dong"),
        ("The Sai Gon Giai Phong newspaper reported that the plant would close in March.", "Sai Gon Giai Phong"),
        # no name before the kind: a description, kept as one
        ("The country’s largest newspaper reported that the plant would close.", "largest newspaper"),
    ],
)
def test_an_outlets_name_before_its_kind_in_lowercase_is_the_speaker(paragraph, speaker) -> None:
    assert [(q.speaker, q.speaker_type) for q in quotes_of(paragraph)] == [(speaker, "organisation")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # a number counting unnamed people is no party: their statement has no named speaker
        ("Hanoi has paused the returns, two officials in Lao Cai told reporters, as arrests rise.",
         [("indirect", None, "Hanoi has paused the")]),
        ("The factory owes three months of wages, three workers said.",
         [("indirect", None, "The factory owes three")]),
        # the parties: "the" before the number, or a party noun after it
        ("The two officials said trade would grow.", []),
        ("Trade will grow, two ministers said.", []),
    ],
)
def test_a_count_of_unnamed_people_is_a_group_not_the_parties(paragraph, expected) -> None:
    assert who(quotes_of(paragraph)) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "The border post was closed for a week, according to one of the officials, who asked not to be named.",
        "Rents doubled in a year, according to local residents, who declined to give their names.",
    ],
)
def test_a_relative_clause_after_an_unnamed_source_is_no_part_of_it(paragraph) -> None:
    assert [(kind, speaker) for kind, speaker, _text in who(quotes_of(paragraph))] == [("indirect", None)]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("Hanbit Logistics doubled its profit last year, according to its annual report.", "Hanbit Logistics"),
        # a relative clause after the business, a place word opening its name
        ("Busan Green Foods, which runs nine plants in Vietnam, sold 3,000 tonnes in October, "
         "according to its monthly filing.", "Busan Green Foods"),
    ],
)
def test_according_to_its_own_document_is_the_business_the_sentence_opens_with(paragraph, speaker) -> None:
    assert [(q.speaker, q.speaker_type) for q in quotes_of(paragraph)] == [(speaker, "organisation")]


def test_according_to_its_document_with_no_business_opening_the_sentence_names_nobody() -> None:
    assert quotes_of("Exports rose, according to its report.") == ()
