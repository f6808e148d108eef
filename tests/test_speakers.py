"""Speaker names: folding, the known-people table, and each alias rule on its own."""

from __future__ import annotations

import pytest

from vnrok_etl.records import Speaker
from vnrok_etl.speakers import (
    KNOWN_PEOPLE,
    fold,
    fold_text,
    parse_mention,
    resolve_speaker,
    split_title,
)

TO_LAM = Speaker("Tô Lâm", "Party General Secretary", "VN")
LEE = Speaker("Lee Jae Myung", "President", "KR")
VU = Speaker("Nguyễn Minh Vũ", "Permanent Deputy Minister of Foreign Affairs", "VN")
SON = Speaker("Bùi Thanh Sơn", "Deputy Prime Minister and Foreign Minister", "VN")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Tô Lâm", "to lam"),
        ("To Lam", "to lam"),
        ("TÔ LÂM", "to lam"),
        ("Đà Nẵng", "da nang"),
        ("Nguyễn Minh Vũ", "nguyen minh vu"),
        ("Kim Min-seok", "kim min seok"),
        ("  Kim   Min Seok ", "kim min seok"),
        ("Lee Jae‑myung", "lee jae myung"),
        ("", ""),
    ],
)
def test_fold_ignores_diacritics_case_hyphens_and_spacing(name: str, key: str) -> None:
    assert fold(name) == key


def test_fold_text_keeps_offsets() -> None:
    text = "Ông Tô Lâm và Đà Nẵng"
    assert len(fold_text(text)) == len(text)
    assert fold_text(text).index("to lam") == text.index("Tô Lâm")


def test_known_people_keep_their_diacritics() -> None:
    for canonical in KNOWN_PEOPLE:
        assert resolve_speaker(canonical).name == canonical
    # No seed prints "Bùi Thanh Sơn", but that is his name: the table spells it so.
    assert resolve_speaker("Bui Thanh Son").name == "Bùi Thanh Sơn"


@pytest.mark.parametrize(
    ("mention", "name", "title", "country"),
    [
        ("Tô Lâm", "Tô Lâm", None, "VN"),
        ("To Lam", "Tô Lâm", None, "VN"),
        ("Party General Secretary To Lam", "Tô Lâm", "Party General Secretary", "VN"),
        ("RoK Prime Minister Kim Min Seok", "Kim Min Seok", "Prime Minister", "KR"),
        (
            "Prime Minister of the Republic of Korea (RoK) Kim Min-seok",
            "Kim Min Seok",
            "Prime Minister",
            "KR",
        ),
        ("Republic of Korea (RoK) President Lee Jae Myung", "Lee Jae Myung", "President", "KR"),
        (
            "Permanent Deputy Minister of Foreign Affairs Nguyễn Minh Vũ",
            "Nguyễn Minh Vũ",
            "Permanent Deputy Minister of Foreign Affairs",
            "VN",
        ),
        (
            "RoK Minister of Culture, Sports and Tourism Chae Hwi Young",
            "Chae Hwi Young",
            "Minister of Culture, Sports and Tourism",
            "KR",
        ),
    ],
)
def test_full_names_resolve_without_context(
    mention: str, name: str, title: str | None, country: str
) -> None:
    speaker = resolve_speaker(mention)
    assert speaker is not None
    assert speaker.name == name
    assert speaker.country == country
    if title:
        assert speaker.title == title


def test_unknown_full_name_keeps_printed_name_title_and_country() -> None:
    assert resolve_speaker("RoK Ambassador Choi Young Sam") == Speaker(
        "Choi Young Sam", "Ambassador", "KR"
    )
    assert resolve_speaker("Han Jong-hee") == Speaker("Han Jong-hee", None, None)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Lâm", TO_LAM),  # Vietnamese: the last syllable
        ("General Secretary Lâm", TO_LAM),
        ("Party chief Lâm", TO_LAM),
        ("Vũ", VU),
        ("Deputy PM Vũ", VU),  # a wrong title still names him
        ("Minister Son", SON),
        ("President Lee", LEE),  # Korean: the family name, first
    ],
)
def test_surname_resolves_to_the_person_named_in_the_article(
    mention: str, expected: Speaker
) -> None:
    assert resolve_speaker(mention, [TO_LAM, LEE, VU, SON]) == expected


def test_surname_without_context_is_unresolved() -> None:
    assert resolve_speaker("Lâm") is None
    assert resolve_speaker("President Lee") is None


def test_surname_prefers_the_most_recent_person() -> None:
    kim_sang_sik = Speaker("Kim Sang Sik", "Coach", None)
    kim_min_seok = Speaker("Kim Min Seok", "Prime Minister", "KR")
    assert resolve_speaker("Kim", [kim_sang_sik, kim_min_seok]) == kim_min_seok
    assert resolve_speaker("Kim", [kim_min_seok, kim_sang_sik]) == kim_sang_sik


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("the Vietnamese Party chief", TO_LAM),
        ("The Party leader", TO_LAM),
        ("the RoK president", LEE),
        ("the Deputy PM", SON),
        ("The Minister", SON),
    ],
)
def test_role_descriptions_resolve_to_the_fitting_person(mention: str, expected: Speaker) -> None:
    # Son is the last person in the context, yet "the RoK president" is Lee.
    assert resolve_speaker(mention, [TO_LAM, LEE, SON]) == expected


def test_generic_roles_and_pronouns_are_the_last_person() -> None:
    assert resolve_speaker("the official", [TO_LAM, VU]) == VU
    assert resolve_speaker("the diplomat", [TO_LAM, VU]) == VU
    assert resolve_speaker("He", [TO_LAM, VU]) == VU
    assert resolve_speaker("he") is None


def test_role_of_another_country_does_not_fit() -> None:
    assert resolve_speaker("the RoK president", [TO_LAM]) is None


@pytest.mark.parametrize(
    "mention", ["they", "They", "the two leaders", "both sides", "leaders", ""]
)
def test_collective_and_empty_mentions_are_unresolved(mention: str) -> None:
    assert resolve_speaker(mention, [TO_LAM, LEE]) is None


@pytest.mark.parametrize("mention", ["”“", "(", "the the the", "Of And", "123", "\n", "’s"])
def test_odd_mentions_never_raise(mention: str) -> None:
    resolve_speaker(mention)
    resolve_speaker(mention, [TO_LAM])


def test_parse_mention_splits_title_name_and_country() -> None:
    parsed = parse_mention("President of the Republic of Korea (RoK) Lee Jae Myung")
    assert (parsed.name, parsed.title, parsed.country) == ("Lee Jae Myung", "President", "KR")
    parsed = parse_mention("The Vietnamese Party chief")
    assert (parsed.name, parsed.role, parsed.country, parsed.title) == (
        "",
        "party chief",
        "VN",
        "Party chief",
    )


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("Welcoming Party chief", "Party chief"),
        (
            "General Secretary of the Communist Party of Việt Nam Central Committee",
            "General Secretary of the Communist Party of Việt Nam Central Committee",
        ),
        ("RoK", None),
        ("", None),
    ],
)
def test_split_title_drops_words_before_the_title(head: str, title: str | None) -> None:
    assert split_title(head)[0] == title


def test_a_capitalised_phrase_ending_in_an_abstract_noun_is_no_name() -> None:
    # "… the Lao–Việt Nam Comprehensive Strategic Partnership, the official said": a framework's
    # name, not a person the role could mean; so is a treaty or a body named the same way.
    for printed in ("Lao–Việt Nam Comprehensive Strategic Partnership", "Mekong Trade Agreement",
                    "ASEAN Economic Community", "Joint Commission"):
        assert parse_mention(printed).name == "", printed
    assert parse_mention("Deputy Minister Pham Thanh Binh").name == "Pham Thanh Binh"


def test_a_place_name_is_no_person() -> None:
    for printed in ("the Thai Peninsula", "Mekong Delta", "Jeju Island"):
        assert parse_mention(printed).name == "", printed
    assert parse_mention("Ambassador Nguyen Van Bay").name == "Nguyen Van Bay"  # a given name, not a bay
