"""HTML forms first met in the fourth held-out set (tests/heldout4), each tested on a page of the
same form written in our own words: a block that holds the article's header above its lead (a
label above the headline, a standfirst above the date line, promotions between the date and the
dateline), a date element inside a block named by class, the headline printed again in the block."""

from __future__ import annotations

from vnrok_etl.clean import clean_document

HEADLINE = "Korean rice cooker makers bet on Vietnam's new apartment owners"
PARAGRAPHS = (
    "SEOUL -- Two South Korean makers of electric rice cookers will open assembly lines in "
    "Vietnam next year, betting that young families moving into new apartments will pay more for "
    "pressure cookers that talk.",
    "Sales of the premium cookers in Vietnam doubled last year, one of the companies said, helped "
    "by Korean dramas that show families gathered around them at dinner.",
    "Retailers in Ho Chi Minh City said the cookers now sell out within days of each shipment, "
    "although they cost about three times as much as the models made locally.",
)
LEAD_TEXT = PARAGRAPHS[0].removeprefix("SEOUL -- ")


def page(
    block_top: str, body: tuple[str, ...] = PARAGRAPHS, wrapper: str = "article", text_top: str = ""
) -> str:
    """A page whose article element holds `block_top` above the text's block, and whose text
    block holds `text_top` above its paragraphs."""
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in body)
    return (
        f"<!DOCTYPE html><html><head><title>{HEADLINE} | Kitchen Asia</title>"
        f'<meta property="og:title" content="{HEADLINE}"></head><body>'
        f'<{wrapper} class="story">{block_top}<div class="story-text">{text_top}{paragraphs}</div></{wrapper}>'
        "</body></html>"
    )


def test_a_label_above_the_headline_and_a_deck_above_the_date_leave_the_block() -> None:
    html = page(
        '<div class="story-head"><a href="/tag/appliances">Home appliances</a>'
        f"<h1>{HEADLINE}</h1><p>Makers say a talking cooker is a status symbol in new flats</p>"
        "<span>March 3, 2026 09:40 JST</span></div>"
    )
    article = clean_document(html, "cookers.html")
    assert article.paragraphs[0] == LEAD_TEXT
    assert article.dateline == "Seoul"
    assert article.published_at.isoformat() == "2026-03-03T09:40:00+09:00"
    assert "Home appliances" not in "\n".join(article.paragraphs)


def test_a_standfirst_sentence_above_the_date_line_leaves_the_block() -> None:
    html = page(
        "", text_top="<p>The cookers cost three times as much as local models but still sell out.</p>"
        "<p>03 Mar 2026 06:00AM</p>"
    )
    article = clean_document(html, "cookers.html")
    assert article.paragraphs[0] == LEAD_TEXT


def test_promotions_between_the_date_line_and_the_datelined_lead_leave_the_block() -> None:
    html = page(
        "", text_top="<p>03 Mar 2026 06:00AM</p><p>Listen to this story in our app.</p>"
        "<p>New: audio briefings every morning. Try them free.</p>"
    )
    article = clean_document(html, "cookers.html")
    assert article.paragraphs[0] == LEAD_TEXT
    assert "Try them free" not in "\n".join(article.paragraphs)


def test_a_first_paragraph_above_a_date_line_that_opens_with_a_dateline_stays() -> None:
    body = ("SEOUL -- Two South Korean makers of rice cookers will open lines in Vietnam.", "04 Mar 2026", *PARAGRAPHS[1:])
    article = clean_document(page("", body=body), "cookers.html")
    assert article.paragraphs[0] == "Two South Korean makers of rice cookers will open lines in Vietnam."


def test_a_date_element_inside_a_block_named_article_by_class() -> None:
    html = page(
        '<div class="meta"><span class="source">Kitchen Asia</span><span class="date">04-03-2026</span></div>',
        wrapper="div",
    ).replace('class="story"', 'class="article"')
    article = clean_document(html, "cookers.html")
    assert article.published_date.isoformat() == "2026-03-04"


def test_the_headline_printed_again_under_the_photo_leaves_the_block() -> None:
    body = ("A family cooks dinner in a new flat in Thu Duc. PHOTO: REUTERS", HEADLINE, *PARAGRAPHS)
    article = clean_document(page("", body=body), "cookers.html")
    assert article.paragraphs[0] == LEAD_TEXT
    assert HEADLINE not in article.paragraphs


def test_a_one_paragraph_brief_above_its_byline_stays() -> None:
    html = page("", body=("Two Korean rice cooker makers will open lines in Vietnam next year, officials said.", "By Lee Min-ho"))
    article = clean_document(html, "cookers.html")
    assert article.paragraphs[0].startswith("Two Korean rice cooker makers")


def test_a_paragraph_wholly_in_italics_under_a_picture_is_its_caption() -> None:
    caption = "Staff of the cooker maker show a new model to buyers in Thu Duc City"
    body = (PARAGRAPHS[0], '<img src="/c.jpg" alt="">', f"<em>{caption}</em>", *PARAGRAPHS[1:])
    article = clean_document(page("", body=body), "cookers.html")
    assert caption not in "\n".join(article.paragraphs)
    assert caption in article.captions
    assert len(article.paragraphs) == 3


def test_a_paragraph_that_only_opens_in_italics_under_a_picture_stays() -> None:
    text = "<em>Note:</em> prices in this story were converted at 26,300 dong to the dollar."
    body = (PARAGRAPHS[0], '<img src="/c.jpg" alt="">', text, *PARAGRAPHS[1:])
    article = clean_document(page("", body=body), "cookers.html")
    assert "Note: prices in this story were converted at 26,300 dong to the dollar." in article.paragraphs
