"""Captions with no credit told in the present tense, and related teasers above the text.

Every article here was written for this file (invented events, no outlet's text); the layouts
reproduce forms found on real pages (tests/corpus/FORMS.md: QĐND, Korea.net, The Hanoi Times,
Viet Nam News, VietNamNet). Each rule is checked on its printed forms and on the prose it must
leave alone.
"""

from __future__ import annotations

import pytest

from vnrok_etl.clean import clean_document
from vnrok_etl.clean.captions import scene_caption
from vnrok_etl.records import Article

HEADLINE = "Busan engineers help Hai Phong upgrade its port"
LEAD = (
    "A delegation of engineers from Busan arrived in Hai Phong on Monday to help upgrade the "
    "city's container terminal, the port authority said."
)
SECOND = (
    "During their stay, the engineers will test new cranes and train 40 local operators, "
    "according to the plan signed last month."
)
THIRD = "The project is funded by a grant of about 2 million USD from the Korean side."


def clean(text: str) -> Article:
    return clean_document(text, "test.txt")


# ---------------------------------------------------------------- the sentence


@pytest.mark.parametrize(
    "line",
    [
        "The Busan delegation arrives at Hai Phong port.",  # a noun phrase and the verb
        "Engineers inspect a new crane at the container terminal in Hai Phong.",  # plural
        "Kim Min-ho, head of the delegation, on Monday delivers a speech at the welcoming ceremony.",
        "Operators from Hai Phong pose at the port in Busan on May 3 after completing a training course.",
        "Local officials greet the engineers at a ceremony hosted by the port authority.",  # participle
        "Director Park (L) shakes hands with a port official.",  # also a position marker
    ],
)
def test_scene_caption_sentences(line: str) -> None:
    assert scene_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "The delegation visits Busan every year.",  # habit
        "The ship arrives in Da Nang next week.",  # the future
        "He visits the port on Tuesdays.",  # a pronoun: prose that continues
        "Vietnam offers Koreans a 45-day visa exemption.",  # a fact, not a scene
        "The 1,500-megawatt plant is being built by a consortium.",  # "plant" is a noun here
        "The two sides also agreed to hold annual meetings.",  # a verb before the "verb"
        "Moon made the remark after summit talks at the presidential office.",  # "talks" a noun
        "At a forum held Monday, executives present their plans.",  # a preposition opens it
        "HANOI -- Prime Minister Seo arrived in Hanoi for a visit to discuss rail.",  # a lead
        "Engineers inspect a crane. The work will take a week.",  # two sentences
        "The engineers said they visit the port to learn.",  # reported speech
        "Engineers inspect a crane at the port",  # no full stop: another rule's form
    ],
)
def test_prose_is_not_a_scene_caption(line: str) -> None:
    assert not scene_caption(line)


# ---------------------------------------------------------------- where it stands


def test_scene_caption_between_paragraphs_leaves() -> None:
    caption = "The Busan delegation arrives at Hai Phong port."
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{caption}\n\n{SECOND}\n\n{THIRD}")
    assert article.paragraphs == (LEAD, SECOND, THIRD)
    assert article.captions == (caption,)


def test_scene_caption_among_one_line_paragraphs_leaves() -> None:
    caption = "Engineers inspect a new crane at the container terminal in Hai Phong."
    article = clean(f"{HEADLINE}\n{LEAD}\n{caption}\n{SECOND}\n{THIRD}")
    assert article.paragraphs == (LEAD, SECOND, THIRD)
    assert article.captions == (caption,)


def test_scene_caption_printed_twice_under_the_date_leaves_once() -> None:
    caption = "Operators from Hai Phong pose at the port in Busan on May 3 after completing a training course."
    text = f"Business\n\nMay 6, 2025\n\n{caption}\n\n{caption}\n\n\nBy Kim Min-ho\n\n{LEAD}\n\n{SECOND}"
    article = clean(text)
    assert article.paragraphs == (LEAD, SECOND)
    assert article.byline == "Kim Min-ho"
    assert article.captions == (caption,)


def test_scene_caption_under_the_byline_above_the_lead_leaves() -> None:
    caption = "Local officials greet the engineers at a ceremony hosted by the port authority."
    article = clean(f"{HEADLINE}\n\nBy Kim Min-ho\nPhotos = Kim Min-ho\n\n{caption}\n\n{LEAD}\n\n{SECOND}")
    assert article.paragraphs == (LEAD, SECOND)
    assert article.captions == ("Photos = Kim Min-ho", caption)


def test_present_tense_paragraph_continued_by_the_next_stays() -> None:
    """"The delegation arrives ..." followed by "They will ...": prose told in the present."""
    line = "The Busan delegation arrives at Hai Phong port."
    following = "They will stay for three weeks and train 40 local operators at the terminal."
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{line}\n\n{following}\n\n{THIRD}")
    assert article.paragraphs == (LEAD, line, following, THIRD)
    assert article.captions == ()


def test_present_tense_lead_under_the_headline_stays() -> None:
    """A feature's lead in the present tense is the lead when two such sentences follow."""
    lead = "Engineers inspect a new crane at the container terminal in Hai Phong."
    second = "Operators from Hai Phong learn to drive it in a simulator beside the quay."
    article = clean(f"{HEADLINE}\n\n{lead}\n\n{second}\n\n{THIRD}")
    assert article.paragraphs[:2] == (lead, second)


# ---------------------------------------------------------------- a related teaser above the text


def test_related_headlines_above_a_text_without_its_own_leave() -> None:
    teaser = "Lao Cai apple growers court Japanese buyers"
    text = f"{teaser}\nEngineers inspect a crane at the port. (Photo: VNA)\n{LEAD}\n{SECOND}\n{THIRD}"
    article = clean(text)
    assert article.title is None
    assert article.paragraphs == (LEAD, SECOND, THIRD)
    assert ("related_teaser", teaser) in [(span.rule, span.text) for span in article.removed]


def test_related_headline_and_standfirst_above_the_dateline_leave() -> None:
    teaser = "Deputy minister receives Lao customs chief"
    standfirst = "Deputy Minister Tran Van Long on Friday received the Lao customs chief, who is on a working visit."
    text = f"{teaser}\n{standfirst}\nEngineers inspect a crane at the port. Photo: VNA\nHẢI PHÒNG – {LEAD}\n{SECOND}"
    article = clean(text)
    assert article.title is None
    assert article.paragraphs == (LEAD, SECOND)
    assert [span.text for span in article.removed if span.rule == "related_teaser"] == [teaser, standfirst]


def test_headline_sharing_a_word_with_the_text_stays() -> None:
    article = clean(f"{HEADLINE}\n\n{LEAD}\n\n{SECOND}")
    assert article.title == HEADLINE


def test_short_allusive_headline_is_never_judged() -> None:
    """"Cranes and coffee": too few content words to say what the article is about."""
    article = clean(f"Cranes and coffee\n\n{LEAD}\n\n{SECOND}")
    assert article.title == "Cranes and coffee"


def test_headline_shared_only_with_the_lead_stays_without_a_dateline_below() -> None:
    """The standfirst rule needs the article's own dateline under the would-be standfirst."""
    headline = "Deputy minister receives Lao customs chief in Hanoi"
    lead = "Deputy Minister Tran Van Long on Friday received the Lao customs chief, who is on a working visit."
    rest = "The two sides discussed faster clearance at border gates and a shared risk database."
    article = clean(f"{headline}\n\n{lead}\n\n{rest}\n\n{THIRD}")
    assert article.title == headline
    assert article.paragraphs[0] == lead
