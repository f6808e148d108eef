"""Speech forms first met in the second held-out set (tests/heldout2), each on two passages in
our own words (invented people and events): the rule must hold for the form, not for the page."""

from __future__ import annotations

import pytest

from forms import quotes_of, who

@pytest.mark.parametrize(
    ("paragraphs", "speaker", "opening"),
    [
        (("Korean snack maker Orion Confectionery will open a third factory in Bac Ninh next year.",
          "Orion said Friday that it had bought a 7-hectare plot near the current plant."),
         "Orion Confectionery", "it had bought a"),
        (("South Korean shipbuilder Hanjin Heavy Industries has won an order for two container ships from Vietnam.",
          "Hanjin said on Thursday that the ships would be delivered in 2028."),
         "Hanjin Heavy Industries", "the ships would be"),
    ],
)
def test_first_word_of_an_organisation_named_before_is_that_organisation(paragraphs, speaker, opening) -> None:
    found = who(quotes_of(*paragraphs))
    assert ("indirect", speaker, opening) in found


def test_a_surname_is_never_taken_for_an_organisations_first_word() -> None:
    paragraphs = (
        "Lee Hanjin, a logistics analyst, reviewed the order Hanjin Heavy Industries won this week.",
        "Hanjin said the order would keep the yard busy until 2028.",
    )
    speakers = {quote.speaker for quote in quotes_of(*paragraphs)}
    assert "Hanjin Heavy Industries" not in speakers


@pytest.mark.parametrize(
    "sentence",
    [
        "Tran Minh Quan said at least 40 Korean suppliers had moved orders to Hai Phong.",
        "Tran Minh Quan said at most a tenth of the orders would return to China.",
    ],
)
def test_said_at_least_opens_the_reported_clause(sentence) -> None:
    found = who(quotes_of(sentence))
    assert found and found[0][:2] == ("indirect", "Tran Minh Quan")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Vietnamese Embassy in Seoul said it would open a weekend help desk for students.",
         "Vietnamese Embassy"),
        ("The Korean Embassy in the Republic of the Philippines said it had no record of the visa.",
         "Korean Embassy"),
    ],
)
def test_a_mission_and_where_it_is_speak_as_the_mission(sentence, speaker) -> None:
    found = who(quotes_of(sentence))
    assert found and found[0][:2] == ("indirect", speaker)


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (("Vietnam and Korea opened a joint training centre for welders in Hai Phong on Monday.",
          "“The welders we train here will build ships in Ulsan,” Korea's labor minister, Kim Young-hoon, told reporters."),
         "Kim Young-hoon"),
        (("Vietnam and Korea opened a joint training centre for welders in Hai Phong on Monday.",
          "“We waited three years for this,” the centre's director, Nguyen Thi Lan, said."),
         "Nguyen Thi Lan"),
    ],
)
def test_a_role_then_the_name_between_commas_after_a_quotation(paragraphs, speaker) -> None:
    found = who(quotes_of(*paragraphs))
    assert found and found[0][:2] == ("direct", speaker)


OPENING = "Korean and Vietnamese officials met in Hanoi on Monday to review the labor agreement."


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The ministry received about 900 complaints last year, Yonhap reported Tuesday.", "Yonhap"),
        ("Lotte plans a fourth mall in Hanoi, said Koreaherald.", "Koreaherald"),
        ("Reuters said the lender would raise its capital by a fifth.", "Reuters"),
    ],
)
def test_a_news_agency_or_outlet_is_an_organisation(sentence, speaker) -> None:
    found = who(quotes_of(OPENING, sentence))
    assert found and found[0][:2] == ("indirect", speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Nine agreements were signed, according to the South Korean presidential office.", "presidential office"),
        ("The Vietnamese labor ministry said a fifth of the workers had returned early.", "labor ministry"),
    ],
)
def test_a_nationality_before_a_described_body_is_its_owner(sentence, speaker) -> None:
    found = who(quotes_of(OPENING, sentence))
    assert found and found[0][:2] == ("indirect", speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("According to a notice posted by the Korean Embassy on Friday, the office will close on Monday.",
         "Korean Embassy"),
        ("According to a statement issued by Samsung Electronics, the plant will reopen in June.",
         "Samsung Electronics"),
    ],
)
def test_a_document_posted_or_issued_by_a_source(sentence, speaker) -> None:
    found = who(quotes_of(OPENING, sentence))
    assert found and found[0][:2] == ("indirect", speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker", "opening"),
    [
        ("The tour was funded by the Korea Foundation, which said 5,000 tickets had been sold.",
         "Korea Foundation", "5,000 tickets had been"),
        ("Workers were trained by Hyosung, which said that more courses would follow.",
         "Hyosung", "more courses would follow"),
    ],
)
def test_an_organisation_which_said(sentence, speaker, opening) -> None:
    found = who(quotes_of(OPENING, sentence))
    assert ("indirect", speaker, opening) in found


def test_a_person_who_said_is_not_read_as_which() -> None:
    found = who(quotes_of(OPENING, "The delegation met Kim Min-ho, who said the rules would change."))
    assert all(speaker != "Kim Min-ho" or kind == "indirect" for kind, speaker, _ in found)


@pytest.mark.parametrize(
    ("first", "speaker"),
    [
        ("Students queued outside the Vietnamese Embassy in Seoul from early morning on Friday.",
         "Vietnamese Embassy"),
        ("Traders gathered at the Korean Consulate in Da Nang to ask about the new visa rules.",
         "Korean Consulate"),
    ],
)
def test_a_mission_named_by_an_adjective_and_its_place_is_the_mission_later(first, speaker) -> None:
    head = speaker.split()[-1].lower()
    found = who(quotes_of(first, f"The {head} said it would extend its opening hours."))
    assert found and found[0][:2] == ("indirect", speaker)
