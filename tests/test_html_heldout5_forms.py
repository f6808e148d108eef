"""HTML forms first met in the fifth held-out set (tests/heldout5), each tested on a page of the
same form written in our own words: bylines in an author list, a link to the writer's page, a
name whose last word is also a weekday's short name."""

from __future__ import annotations

from vnrok_etl.clean import clean_document

HEADLINE = "Vietnamese coffee roasters court Korean cafe chains at Busan fair"
PARAGRAPHS = (
    "Twelve coffee roasters from Vietnam's Central Highlands set up stands at a trade fair in "
    "Busan this week, hoping to sell more of their robusta beans to South Korea's cafe chains.",
    "Korean buyers have long favoured arabica, but rising prices have pushed several chains to "
    "blend in robusta, the fair's organiser said.",
    "Shipments of Vietnamese coffee to South Korea rose by a fifth in the first half of the year.",
)


def page(meta: str) -> str:
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><title>{HEADLINE}</title></head><body><main>"
        f"<h1>{HEADLINE}</h1>{meta}<div class=\"body-text\">{paragraphs}</div></main></body></html>"
    )


def test_an_agency_in_an_author_list_with_a_bullet_is_the_source() -> None:
    article = clean_document(page('<ul class="author-list"><li class="author">&bull; <span>Yonhap</span></li></ul>'), "c.html")
    assert article.source == "Yonhap"
    assert article.byline is None
    assert article.paragraphs == PARAGRAPHS


def test_a_writer_in_an_author_list_with_a_bullet_is_the_byline() -> None:
    article = clean_document(page('<ul class="author-list"><li class="author">&bull; Lee Soo-min</li></ul>'), "c.html")
    assert article.byline == "Lee Soo-min"


def test_a_link_to_the_writers_page_printed_by_name_is_the_byline() -> None:
    meta = '<div class="links"><a class="links__item-link" href="/author/do-thanh-tung">By Do Thanh Tung</a></div>'
    article = clean_document(page(meta), "c.html")
    assert article.byline == "Do Thanh Tung"
    assert "By Do Thanh Tung" not in "\n".join(article.paragraphs)


def test_a_name_ending_in_a_weekdays_short_name_keeps_it() -> None:
    meta = '<div class="article-author"><span>By </span><a href="/author/nguyen-minh-thu">Nguyen Minh Thu</a></div>'
    article = clean_document(page(meta), "c.html")
    assert article.byline == "Nguyen Minh Thu"
