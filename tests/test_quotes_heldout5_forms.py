"""Speech forms first met in the fifth held-out set (tests/heldout5), each tested on passages in
our own words (invented people and events) that differ from the held-out page: the rule must
hold for the form, not for the page."""

from __future__ import annotations

import pytest

from forms import quotes_of, who


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # The apposition's closing comma left out before the cue.
        ("Do Thi Thu Trang, deputy head of the Foreign Investment Agency under the Ministry of "
         "Finance said the agency would publish the new list in March.",
         ("indirect", "Do Thi Thu Trang", "the agency would publish")),
        ("Professor Kang Min-jae, dean of the Graduate School of Logistics at Inha University said, "
         "“Our graduates are hired before they finish.”",
         ("direct", "Kang Min-jae", "Our graduates are hired")),
        ("At the ceremony, Mr. Vu Quang Huy, Chairman of the Vietnam Seafood Club in Busan said that "
         "members had sold 3,000 tonnes of shrimp.",
         ("indirect", "Vu Quang Huy", "members had sold 3,000")),
        # A relative clause hung on the body at the title's end.
        ("Yoon Hae-sook, chief executive of Daon Pharma, which supplies 40 hospitals in the south, "
         "said the company would build a warehouse in Dong Nai.",
         ("indirect", "Yoon Hae-sook", "the company would build")),
    ],
)
def test_the_body_at_the_end_of_a_persons_title_apposition_is_not_the_speaker(paragraph, expected) -> None:
    # The body named in the title is where the person works; with the closing comma missing, or
    # a "which" clause hung on that body, the person before the apposition still speaks.
    assert who(quotes_of(paragraph)) == [expected]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Daon Pharma, which supplies 40 hospitals in the south, said it would build a warehouse.",
         ("indirect", "Daon Pharma", "it would build a")),
        ("The Ministry of Finance, the agency's owner, said the list would be published in March.",
         ("indirect", "Ministry of Finance", "the list would be")),
    ],
)
def test_a_body_described_by_an_apposition_or_a_which_clause_still_speaks(paragraph, expected) -> None:
    assert who(quotes_of(paragraph)) == [expected]


@pytest.mark.parametrize(
    ("printed", "role"),
    [("DPM Le Hoai Nam", "the DPM"), ("Deputy Prime Minister Le Hoai Nam", "DPM Nam")],
)
def test_dpm_is_the_deputy_prime_ministers_title(printed, role) -> None:
    # "DPM" is the press's short form of Deputy Prime Minister: a title before a surname
    # ("said DPM Nam") and a role referring back ("said the DPM").
    quotes = quotes_of(
        f"{printed} toured the new terminal in Long Thanh on Saturday.",
        f"“The airport must open its first runway on time,” said {role}.",
    )
    assert who(quotes) == [("direct", "Le Hoai Nam", "The airport must open")]


def test_an_office_printed_later_replaces_a_courtesy_title_for_later_roles() -> None:
    # First printed "Ms. <Name>" (a courtesy title) with her office in an apposition that ends
    # in the body's bracketed abbreviation; later referred back to by the office alone.
    quotes = quotes_of(
        "Ms. Tran Bich Ngoc, Deputy Director of the Korea Trade Office (KTO), opened the fair.",
        "“Buyers came from 12 provinces,” said Ms. Tran Bich Ngoc.",
        "Mr. Oh Jae-won, a buyer from Incheon, signed two orders.",
        "“We will hold the fair twice next year,” added the Deputy Director.",
    )
    assert who(quotes) == [
        ("direct", "Tran Bich Ngoc", "Buyers came from 12"),
        ("direct", "Tran Bich Ngoc", "We will hold the"),
    ]


def test_an_office_title_printed_with_the_name_after_a_courtesy_one_is_kept() -> None:
    quotes = quotes_of(
        "The meeting was chaired by Mr. Dang Van Loc.",
        "“Exports of rice doubled,” said Trade Counsellor Dang Van Loc.",
        "Mr. Kim Hyun-soo, a trader, also spoke.",
        "“The quota will be raised,” the counsellor said.",
    )
    assert who(quotes) == [
        ("direct", "Dang Van Loc", "Exports of rice doubled"),
        ("direct", "Dang Van Loc", "The quota will be"),
    ]


@pytest.mark.parametrize("place", ["Ha Tinh", "Bac Giang", "Lam Dong"])
def test_a_province_named_bare_after_in_is_no_antecedent_for_he_or_she(place) -> None:
    # Vietnamese provinces often start with a word that is also a family name ("Ha", "Bac"
    # is not, "Lam" is); printed bare after "in" they are places, so "she said" is the last
    # person's.
    quotes = quotes_of(
        "Do Minh Chau, director of a seedling cooperative, said orders from Korea had doubled.",
        f"Wages in {place} are about half of those in Seoul, she said.",
    )
    assert who(quotes)[-1] == ("indirect", "Do Minh Chau", f"Wages in {place}")


def test_a_person_named_after_in_a_title_phrase_is_still_a_person() -> None:
    quotes = quotes_of("The talks were led by Vice Minister Lam Thi Thu in Hanoi.",
                       "“We agreed on the quota,” Lam Thi Thu said.")
    assert who(quotes) == [("direct", "Lam Thi Thu", "We agreed on the")]


def test_a_quotation_run_over_paragraphs_after_a_reported_statement_is_that_speakers() -> None:
    # No cue in the quotation's paragraphs: the first is left open, the second opens a new
    # quotation and closes it; both follow a paragraph closed by "…, <Name>, <apposition>, said."
    quotes = quotes_of(
        "Rents near the beach have risen by a third since 2023, Choi Mi-kyung, a bakery owner, "
        "said.",
        "“We moved two shops inland last spring. Our customers followed us, which surprised me.",
        "“Next year we will open in Hue and Quy Nhon.”",
    )
    assert who(quotes) == [
        ("indirect", "Choi Mi-kyung", "Rents near the beach"),
        ("direct", "Choi Mi-kyung", "We moved two shops"),
        ("direct", "Choi Mi-kyung", "Next year we will"),
    ]


def test_an_attribution_closing_the_run_still_names_its_own_speaker() -> None:
    quotes = quotes_of(
        "Exports of pears rose 30 percent, Director Ha Van Nghia said.",
        "“The orchards in Son La are ready. The cold storage is not.",
        "“We need two more warehouses,” said farmer Lo Thi Mai.",
    )
    assert [q[1] for q in who(quotes)] == ["Ha Van Nghia", "Lo Thi Mai", "Lo Thi Mai"]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Exports of frozen shrimp will rise next year, Kim Min-ji, a researcher at the Korea "
         "Institute for Industrial Economics and Trade, said.",
         ("indirect", "Kim Min-ji", "Exports of frozen shrimp")),
        ("Two more ferry routes are planned, Nguyen Thanh Son, director of the provincial transport "
         "department, told reporters.",
         ("indirect", "Nguyen Thanh Son", "Two more ferry routes")),
    ],
)
def test_a_reported_statement_closed_by_name_apposition_and_cue(paragraph, expected) -> None:
    # "…, <Name>, <what they are>, said.": the apposition closes right before the cue.
    assert who(quotes_of(paragraph)) == [expected]



@pytest.mark.parametrize(
    ("first", "later", "speaker"),
    [
        ("In Tran Van Binh's village, every second house has a son in Korea.", "Binh", "Tran Van Binh"),
        ("Park Sun-hee's school in Incheon teaches Vietnamese on Saturdays.", "Park", "Park Sun-hee"),
    ],
)
def test_a_person_first_named_in_a_possessive_is_who_the_surname_names_later(first, later, speaker) -> None:
    # The noun after the possessive ("village", "school") is the person's, not a place noun
    # that would make the name a place's ("Nam Dinh province").
    quotes = quotes_of(first, f"“Without the money from Korea we would still be poor,” {later} said.")
    assert who(quotes) == [("direct", speaker, "Without the money from")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The first certificate went to Lee Soo-jin, 31, who said she had learned Vietnamese from "
         "her mother-in-law.",
         ("indirect", "Lee Soo-jin", "she had learned Vietnamese")),
        ("Pham Quang Vinh, who said the cooperative would double its durian orchards, led the "
         "visitors through the farm.",
         ("indirect", "Pham Quang Vinh", "the cooperative would double")),
    ],
)
def test_who_said_reports_the_person_the_relative_clause_hangs_on(paragraph, expected) -> None:
    assert who(quotes_of(paragraph)) == [expected]


def test_which_said_still_reports_a_body() -> None:
    quotes = quotes_of("The order went to Hanbit Marine, which said it would hire 200 welders.")
    assert [(q.speaker_type, q.speaker) for q in quotes] == [("organisation", "Hanbit Marine")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Port director Ha Van Long told reporters the new berth could take ships of 100,000 tonnes.",
         ("indirect", "Ha Van Long", "the new berth could")),
        ("Consul General Shin Min-ho told journalists on Friday the visa office would open on weekends.",
         ("indirect", "Shin Min-ho", "the visa office would")),
    ],
)
def test_told_reporters_with_a_clause_and_no_that_is_a_cue(paragraph, expected) -> None:
    assert who(quotes_of(paragraph)) == [expected]


def test_told_reporters_with_no_clause_reports_nothing() -> None:
    assert quotes_of("Port director Ha Van Long told reporters about the berth.") == ()
    # "about" before a number is the clause's approximation, after "said" as before.
    assert who(quotes_of("Port director Ha Van Long said about 1,200 Koreans live in the city.")) == [
        ("indirect", "Ha Van Long", "about 1,200 Koreans live")
    ]


def test_a_citys_division_is_a_described_organisation() -> None:
    quotes = quotes_of(
        "Each trainee receives 300,000 won a month, according to the province's labour division."
    )
    assert [(q.speaker_type, q.speaker) for q in quotes] == [("organisation", "labour division")]


@pytest.mark.parametrize("outer", ["the sources said", "officials said", "diplomats told reporters"])
def test_a_named_speaker_passed_on_by_unnamed_sources_is_the_speaker(outer) -> None:
    paragraph = (f"At the talks, Deputy Minister Bae Hyun-woo said Seoul would fund a second training "
                 f"centre in Hai Duong, {outer}.")
    assert who(quotes_of(paragraph)) == [("indirect", "Bae Hyun-woo", "Seoul would fund a")]


def test_unnamed_sources_alone_keep_a_statement_with_no_speaker() -> None:
    assert who(quotes_of("Seoul would fund a second training centre in Hai Duong, officials said.")) == [
        ("indirect", None, "Seoul would fund a")
    ]


@pytest.mark.parametrize("document", ["the statement", "the announcement", "the notice"])
def test_a_bodys_document_speaks_for_the_body_that_issued_it(document) -> None:
    quotes = quotes_of(
        "The Korea Immigration Service said in a notice on Tuesday that it would extend the visas "
        "of 2,000 seasonal workers.",
        f"“Employers must report any worker who leaves the farm within seven days,” {document} said.",
    )
    assert who(quotes) == [
        ("indirect", "Korea Immigration Service", "it would extend the"),
        ("direct", "Korea Immigration Service", "Employers must report any"),
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "However, several economists caution that the won could weaken further next year.",
        "Meanwhile, exporters warn that the won could weaken further next year.",
        "Still, some analysts say the won could weaken further next year.",
    ],
)
def test_an_unnamed_group_after_an_opening_adverb_speaks_with_no_speaker(paragraph) -> None:
    # The adverb and its comma open the sentence; the group (present tense "caution", "warn")
    # is the subject after them, as it is after "but".
    quotes = quotes_of(paragraph)
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", None)]
    assert quotes[0].text.startswith("the won could weaken")


def test_an_assurance_participle_reports_its_clause() -> None:
    quotes = quotes_of(
        "Governor Kim Dong-yeon thanked the delegation, assuring that Gyeonggi would keep its "
        "language classes for Vietnamese brides."
    )
    assert who(quotes) == [("indirect", "Kim Dong-yeon", "Gyeonggi would keep its")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Managers of three Korean garment firms, during a dialogue with the provincial leaders on "
         "Friday, said they would add night shifts.",
         ("indirect", None, "they would add night")),
        ("Kim Hye-sook, at a ceremony in Hai Phong on Saturday, said the port would add a berth.",
         ("indirect", "Kim Hye-sook", "the port would add")),
    ],
)
def test_an_adverbial_between_commas_before_the_cue_is_no_apposition(paragraph, expected) -> None:
    assert who(quotes_of(paragraph)) == [expected]


def test_a_paragraph_whose_speaker_the_next_paragraph_names_as_having_made_the_remarks() -> None:
    quotes = quotes_of(
        "Da Nang wants Korean airlines to add night flights from Daegu and Cheongju before the "
        "summer season.",
        "Chairman of the Da Nang People's Committee Luong Nguyen Minh Triet made the remarks on "
        "Monday at a meeting with the Korean Consul General.",
    )
    assert who(quotes) == [("indirect", "Luong Nguyen Minh Triet", "Da Nang wants Korean")]


def test_made_the_remarks_after_an_attributed_paragraph_adds_nothing() -> None:
    quotes = quotes_of(
        "Da Nang wants Korean airlines to add night flights, Chairman Luong Nguyen Minh Triet said.",
        "Triet made the remarks on Monday at a meeting with the Korean Consul General.",
    )
    assert who(quotes) == [("indirect", "Luong Nguyen Minh Triet", "Da Nang wants Korean")]


def test_an_event_that_made_a_statement_names_no_speaker_for_the_paragraph_before() -> None:
    quotes = quotes_of(
        "Da Nang wants Korean airlines to add night flights.",
        "The conference made the statement in its closing session.",
    )
    assert quotes == ()


@pytest.mark.parametrize("tail", ["a workshop heard in Can Tho on Tuesday", "the forum was told"])
def test_what_an_events_audience_heard_is_a_statement_with_no_speaker(tail) -> None:
    quotes = quotes_of(f"Korean buyers want shrimp farms certified for antibiotics by 2027, {tail}.")
    assert [(q.kind, q.speaker, q.speaker_printed) for q in quotes][:1] == [
        ("indirect", None, tail.split(" heard")[0].split(" was told")[0])
    ]
    assert quotes[0].text.startswith("Korean buyers want shrimp")


def test_an_event_heard_inside_a_reported_clause_is_no_cue() -> None:
    assert who(quotes_of("Minister Park Min-soo said the seminar heard many views.")) == [
        ("indirect", "Park Min-soo", "the seminar heard many")
    ]


def test_a_statement_in_a_who_clause_inside_the_subject_ends_where_the_clause_does() -> None:
    (quote,) = quotes_of("Nguyen Thi Lan, 29, who said she had saved enough to open a bakery, was the "
                         "first to return home.")
    assert (quote.speaker, quote.text) == ("Nguyen Thi Lan", "she had saved enough to open a bakery")
