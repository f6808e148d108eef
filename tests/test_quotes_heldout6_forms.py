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
