"""HTML pages: the same article as .txt and as a news page must give the same body.

The fixtures in tests/fixtures/html wrap seed texts in the markup of real news pages: navigation,
share bars, ads with inline scripts, figures with captions, JSON-LD, related lists carrying their
own dates, footers. Each is cleaned and compared with the cleaning of the seed's .txt.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from vnrok_etl.clean import CleanError, clean_document
from vnrok_etl.decode import decode_bytes
from vnrok_etl.html import extract_html, select_profile
from vnrok_etl.records import Article

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "html"
SEEDS = ROOT / "seeds"
HCM = ZoneInfo("Asia/Ho_Chi_Minh")

PAIRS = {
    "vietnamplus_002.html": "002_de927ff3a5c535e5.txt",
    "vietnamnews_003.html": "003_07cb4f2a5708c291.txt",
    "nhandan_001.html": "001_be396d5f3061c090.txt",
    "generic_article_004.html": "004_50867dec6f891f30.txt",
    "dense_interview_000.html": "000_67d74b846c6c8d2b.txt",
}


def clean_file(path: Path) -> Article:
    return clean_document(decode_bytes(path.read_bytes()), str(path))


@pytest.fixture(scope="module")
def pages() -> dict[str, Article]:
    return {name: clean_file(FIXTURES / name) for name in PAIRS}


@pytest.mark.parametrize("page", PAIRS)
def test_page_and_text_give_the_same_body(pages: dict[str, Article], page: str) -> None:
    text = clean_file(SEEDS / PAIRS[page])
    assert pages[page].paragraphs == text.paragraphs
    assert pages[page].body == text.body


@pytest.mark.parametrize("page", ["vietnamplus_002.html", "nhandan_001.html"])
def test_page_and_text_give_the_same_captions(pages: dict[str, Article], page: str) -> None:
    assert pages[page].captions == clean_file(SEEDS / PAIRS[page]).captions


@pytest.mark.parametrize("page", PAIRS)
def test_page_kind_source_dateline_agree_with_text(pages: dict[str, Article], page: str) -> None:
    text = clean_file(SEEDS / PAIRS[page])
    html = pages[page]
    assert (html.kind, html.source, html.dateline) == (text.kind, text.source, text.dateline)


EXPECTED_PAGE_METADATA = {
    "vietnamplus_002.html": dict(
        title="Vietnam seeks to deepen ties with RoK: Foreign Minister",
        published_date=date(2025, 8, 10),
        published_at=datetime(2025, 8, 10, 7, 45, 12, tzinfo=HCM),
        date_source="jsonld", source="VNA", dateline="Hanoi", kind="news",
    ),
    "vietnamnews_003.html": dict(
        title="Visit by Party chief to RoK to boost political trust, practical cooperation: official",
        # The .txt states 2025-08-09 in its marker; the page's <meta> agrees.
        published_date=date(2025, 8, 9),
        published_at=datetime(2025, 8, 9, 8, 32, tzinfo=HCM),
        date_source="meta", source="VNA/VNS", dateline="Hà Nội", kind="news",
    ),
    "nhandan_001.html": dict(
        title="New pillars and highlights of Viet Nam–RoK cooperation",
        # Not the "Latest" box's 14/08 22:00, not the related story's 12/08.
        published_date=date(2025, 8, 15),
        published_at=datetime(2025, 8, 15, 1, 50, tzinfo=HCM),
        date_source="time", source="NDO", byline="NDO", dateline=None, kind="news",
    ),
    "generic_article_004.html": dict(
        title="Việt Nam, RoK agree on new strategic vision for economic cooperation",
        # JSON-LD NewsArticle 02:30Z, not the WebPage's or the related ItemList's dates.
        published_date=date(2025, 8, 11),
        published_at=datetime(2025, 8, 11, 9, 30, tzinfo=HCM),
        date_source="jsonld", source="VNS", dateline="Hà Nội", kind="news",
    ),
    "dense_interview_000.html": dict(
        title="RoK President Lee Jae Myung: Việt Nam is an indispensable partner",
        published_date=date(2025, 8, 8), published_at=None, date_source="meta",
        source="VNS", dateline=None, kind="interview",
    ),
}


@pytest.mark.parametrize("page", PAIRS)
def test_page_metadata(pages: dict[str, Article], page: str) -> None:
    article = pages[page]
    expected = EXPECTED_PAGE_METADATA[page]
    assert {field: getattr(article, field) for field in expected} == expected


def test_page_and_text_agree_on_dates_where_both_state_one(pages: dict[str, Article]) -> None:
    for page in ("vietnamnews_003.html", "nhandan_001.html", "dense_interview_000.html"):
        assert pages[page].published_date == clean_file(SEEDS / PAIRS[page]).published_date
    assert pages["nhandan_001.html"].published_at == clean_file(SEEDS / PAIRS["nhandan_001.html"]).published_at


PAGE_CHROME = (
    # scripts and styles
    "gtag", "dataLayer", "googletag", "document.write", "loadAd", "querySelectorAll", "margin:",
    "function", "{", "}",
    # navigation, headers, footers, sidebars
    "Politics", "Business", "Home", "Copyright", "©", "Most read", "Recent Posts", "Skip to content",
    "Asia Business Daily", "Korea Viet Review", "Nhan Dan Online", "Licence",
    # share bars, ads, comments, tags
    "Share", "Print", "Email", "Like us on Facebook", "Advertisement", "Leave a Reply", "Comments",
    "Tags", "Tagged", "Posted",
    # related lists and their captions
    "See more", "Related news", "Other news", "Latest", "Busan port expands",
    "Vietnam highlights diplomatic gains", "Party chief arrives in Seoul", "RoK exports rise",
    "joint statement on deepening partnership", "(Photo", ".jpg",
)


@pytest.mark.parametrize("page", PAIRS)
def test_no_page_chrome_in_body(pages: dict[str, Article], page: str) -> None:
    body = pages[page].body
    for chrome in PAGE_CHROME:
        assert chrome not in body, chrome


@pytest.mark.parametrize("page", PAIRS)
def test_title_not_repeated_in_body(pages: dict[str, Article], page: str) -> None:
    article = pages[page]
    assert article.title and article.title not in article.body


def test_related_captions_are_not_article_captions(pages: dict[str, Article]) -> None:
    captions = pages["vietnamplus_002.html"].captions
    assert not any("Bui Van Nghi" in caption or "Luong Cuong" in caption for caption in captions)
    assert "Deputy Prime Minister and Foreign Minister Bui Thanh Son" in captions


def test_vns_picture_table_caption(pages: dict[str, Article]) -> None:
    article = pages["vietnamnews_003.html"]
    assert article.captions == ("Permanent Deputy Minister of Foreign Affairs Nguyễn Minh Vũ. — VNA/VNS Photo",)
    assert "VNA/VNS Photo" not in article.body


def test_repeated_figure_caption_logged(pages: dict[str, Article]) -> None:
    rules = [span.rule for span in pages["nhandan_001.html"].removed]
    assert rules.count("caption") == 2 and rules.count("repeated_caption") == 1


def test_removed_spans_log_related_blocks_and_chrome(pages: dict[str, Article]) -> None:
    spans = pages["vietnamplus_002.html"].removed
    related = [span.text for span in spans if span.rule == "related_block"]
    assert any(text.startswith("See more") and "Deputy FM meets French official" in text for text in related)
    assert any(span.rule == "chrome" and span.text == "Share Print Email" for span in spans)


# ---------------------------------------------------------------- profiles


@pytest.mark.parametrize(
    ("uri", "site_name", "expected"),
    [
        ("https://en.vietnamplus.vn/vietnam-seeks-post325000.vnp", None, "VNA"),
        ("https://vietnamnews.vn/politics-laws/1718001/visit.html", None, "VNS"),
        ("https://en.nhandan.vn/new-pillars-post150001.html", None, "NDO"),
        ("page.html", "Vietnam+ (VietnamPlus)", "VNA"),
        ("page.html", "Việt Nam News", "VNS"),
        ("page.html", "Nhan Dan Online", "NDO"),
        ("https://example.com/a.html", "Example Times", "generic"),
        ("https://notvietnamplus.vn.example.com/a.html", None, "generic"),
    ],
)
def test_select_profile(uri: str, site_name: str | None, expected: str) -> None:
    meta = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    soup = BeautifulSoup(f"<html><head>{meta}</head><body><p>x</p></body></html>", "lxml")
    assert select_profile(soup, uri).name == expected


def test_profile_from_markup_alone() -> None:
    soup = BeautifulSoup('<html><body><h1 class="headline">T</h1><div id="abody"><p>Text.</p></div></body></html>', "lxml")
    assert select_profile(soup, "saved.html").name == "VNS"


def test_body_class_alone_claims_no_outlet() -> None:
    # ".main-content" is VietNamNet's body, and half the web's.
    soup = BeautifulSoup('<html><body><div class="main-content"><p>Text.</p></div></body></html>', "lxml")
    assert select_profile(soup, "saved.html").name == "generic"


@pytest.mark.parametrize(
    ("page", "profile"),
    [
        ("vietnamplus_002.html", "VNA"),
        ("vietnamnews_003.html", "VNS"),
        ("nhandan_001.html", "NDO"),
        ("generic_article_004.html", "generic"),
        ("dense_interview_000.html", "generic"),
    ],
)
def test_fixture_profiles(page: str, profile: str) -> None:
    path = FIXTURES / page
    assert extract_html(decode_bytes(path.read_bytes()), str(path)).profile == profile


# ---------------------------------------------------------------- small pages, one rule each

PARAGRAPH = (
    "The two countries agreed to expand cooperation in trade, investment, science and technology, "
    "and people-to-people exchanges in the coming years."
)


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_dispatch_on_content_even_with_txt_uri() -> None:
    article = clean_document(page(f"<article><p>{PARAGRAPH}</p></article>"), "saved-page.txt")
    assert article.paragraphs == (PARAGRAPH,)


def test_dispatch_on_saved_fragment_in_txt() -> None:
    article = clean_document(f"<p>{PARAGRAPH}</p>\n<p>Share</p>", "fragment.txt")
    assert article.paragraphs == (PARAGRAPH,)


def test_text_mentioning_html_is_not_html() -> None:
    text = f"{PARAGRAPH}\n\nThe site's <html> pages were redesigned last year, officials said."
    assert len(clean_document(text, "a.txt").paragraphs) == 2


def test_dispatch_on_htm_uri() -> None:
    article = clean_document(f"<div><p>{PARAGRAPH}</p><p>{PARAGRAPH[:-1]} again.</p></div>", "x.HTM")
    assert article.paragraphs == (PARAGRAPH, f"{PARAGRAPH[:-1]} again.")


def test_inline_markup_joined_as_printed() -> None:
    html = page('<article><p><b>Ha</b>noi (<a href="#">VNA</a>) - The two <em>countries</em> agreed '
                "to expand cooperation in trade, investment and science.</p></article>")
    article = clean_document(html, "x.html")
    assert article.dateline == "Hanoi" and article.source == "VNA"
    assert article.paragraphs == ("The two countries agreed to expand cooperation in trade, investment and science.",)


def test_entities_and_nbsp_normalized() -> None:
    html = page("<article><p>Viet&nbsp;Nam&rsquo;s trade with the RoK rose&nbsp; sharply, "
                "officials said on Monday at the forum.</p></article>")
    assert clean_document(html, "x.html").paragraphs == (
        "Viet Nam’s trade with the RoK rose sharply, officials said on Monday at the forum.",
    )


def test_br_splits_caption_from_text() -> None:
    html = page(f"<article><p>{PARAGRAPH}<br>Delegates at the forum. (Photo: VNA)</p></article>")
    article = clean_document(html, "x.html")
    assert article.paragraphs == (PARAGRAPH,)
    assert article.captions == ("Delegates at the forum. (Photo: VNA)",)


def test_figure_caption_repeated_as_paragraph_dropped() -> None:
    html = page(
        "<article><figure><img src='a.jpg'><figcaption>Leaders at the talks in Seoul</figcaption>"
        f"</figure><p>Leaders at the talks in Seoul</p><p>{PARAGRAPH}</p></article>"
    )
    article = clean_document(html, "x.html")
    assert article.paragraphs == (PARAGRAPH,)
    assert article.captions == ("Leaders at the talks in Seoul",)


def test_scripts_styles_and_comments_never_reach_the_body() -> None:
    html = page(
        f"<article><script>var s = 'Secret script sentence.';</script><style>p {{color: red}}</style>"
        f"<!-- An HTML comment that reads like a sentence. --><noscript>Enable JavaScript.</noscript>"
        f"<p>{PARAGRAPH}</p><template><p>Template sentence here.</p></template></article>"
    )
    article = clean_document(html, "x.html")
    assert article.paragraphs == (PARAGRAPH,)
    logged = " ".join(span.text for span in article.removed)
    assert "Secret script sentence" not in logged and "color: red" not in logged


def test_page_wrapped_in_one_aspnet_form_keeps_its_article() -> None:
    html = page(
        '<form id="aspnetForm" method="post"><input type="hidden" name="__VIEWSTATE" value="x">'
        f'<div id="abody"><p>{PARAGRAPH}</p><p>{PARAGRAPH[:-1]} again.</p></div>'
        '<form class="comment-form"><p>Leave your comment here please</p></form></form>'
    )
    article = clean_document(html, "x.html")
    assert article.paragraphs == (PARAGRAPH, f"{PARAGRAPH[:-1]} again.")


def test_time_in_related_or_aside_is_never_the_date() -> None:
    html = page(
        f'<article><p>{PARAGRAPH}</p></article>'
        '<aside><time datetime="2025-08-01T08:00:00+07:00">1/8</time></aside>'
        '<div class="related"><time datetime="2025-07-01T08:00:00+07:00">1/7</time></div>'
    )
    article = clean_document(html, "x.html")
    assert (article.published_date, article.published_at, article.date_source) == (None, None, None)


def test_time_in_a_caption_is_never_the_date() -> None:
    html = page(
        "<article><figure><img src='a.jpg'><figcaption>Leaders in Seoul on "
        '<time datetime="2025-08-12T10:00:00+07:00">12/8</time>. (Photo: VNA)</figcaption></figure>'
        f"<p>{PARAGRAPH}</p></article>"
    )
    article = clean_document(html, "x.html")
    assert article.published_date is None
    assert article.captions == ("Leaders in Seoul on 12/8. (Photo: VNA)",)


def test_printed_date_of_the_profile_when_markup_has_none() -> None:
    html = page(
        '<div class="box-more"><span class="time">14/08/2025, 22:00</span></div>'
        '<div class="article"><div class="article__meta"><span class="article__author">by NDO</span>'
        '<span class="time">05/08/2025, 09:10</span></div>'
        f'<div class="article__body"><p>{PARAGRAPH}</p></div></div>',
        head='<meta property="og:site_name" content="Nhan Dan Online">',
    )
    article = clean_document(html, "x.html")
    assert (article.published_date, article.date_source, article.source) == (date(2025, 8, 5), "text", "NDO")
    assert article.published_at == datetime(2025, 8, 5, 9, 10, tzinfo=HCM)
    assert article.paragraphs == (PARAGRAPH,)


def test_printed_date_never_from_outside_the_profile_elements() -> None:
    html = page(
        '<div class="col-right"><span class="date">05/08/2025</span> <a href="/x">Other story</a></div>'
        f'<div class="col-main"><p>{PARAGRAPH}</p><p>{PARAGRAPH[:-1]} again.</p></div>'
    )
    assert clean_document(html, "x.html").published_date is None


def test_meta_date_before_time_and_text() -> None:
    html = page(
        f'<article><time datetime="2025-08-02T08:00:00+07:00">2/8</time><p>{PARAGRAPH}</p></article>',
        head='<meta property="article:published_time" content="2025-08-03T10:00:00+07:00">',
    )
    article = clean_document(html, "x.html")
    assert (article.published_date, article.date_source) == (date(2025, 8, 3), "meta")


def test_jsonld_list_and_broken_jsonld() -> None:
    head = (
        '<script type="application/ld+json">{not json</script>'
        '<script type="application/ld+json">[{"@type": "Organization", "name": "VNA"},'
        ' {"@type": "NewsArticle", "datePublished": "2025-08-04T06:00:00+07:00"}]</script>'
    )
    article = clean_document(page(f"<article><p>{PARAGRAPH}</p></article>", head), "x.html")
    assert (article.published_date, article.date_source) == (date(2025, 8, 4), "jsonld")


def test_undated_page_has_no_date() -> None:
    article = clean_document(page(f"<article><p>{PARAGRAPH}</p></article>"), "x.html")
    assert article.published_date is None and article.published_at is None


def test_title_from_title_tag_without_site_name() -> None:
    head = "<title>Trade target agreed | Example Times</title>"
    article = clean_document(page(f"<div><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>", head), "x.html")
    assert article.title == "Trade target agreed"


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ('<meta property="og:title" content="Vietnam – RoK ties deepen">', "Vietnam – RoK ties deepen"),
        ("<title>Vietnam - RoK ties deepen</title>", "Vietnam - RoK ties deepen"),
        (
            '<meta property="og:site_name" content="Seoul Daily"><title>Ties deepen - Seoul Daily</title>',
            "Ties deepen",
        ),
    ],
)
def test_dash_in_a_title_is_not_a_site_name(head: str, title: str) -> None:
    body = f"<div><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>"
    assert clean_document(page(body, head), "x.html").title == title


def test_logo_h1_is_not_the_title() -> None:
    head = '<meta property="og:title" content="Trade target agreed">'
    body = f'<header><h1>Example Times</h1></header><article><p>{PARAGRAPH}</p></article>'
    assert clean_document(page(body, head), "x.html").title == "Trade target agreed"


def test_single_paragraph_page_falls_back_to_body() -> None:
    html = page("<div>" * 50 + f"<p>{PARAGRAPH}</p>" + "</div>" * 50 + "<footer>© 2025</footer>")
    assert clean_document(html, "x.html").paragraphs == (PARAGRAPH,)


def test_deeply_nested_page_is_an_article_or_a_clean_error() -> None:
    html = page("<div>" * 5000 + f"<p>{PARAGRAPH}</p>" + "</div>" * 5000)
    try:
        article = clean_document(html, "x.html")
    except CleanError:
        return
    assert article.paragraphs == (PARAGRAPH,)


def test_mixed_text_and_paragraphs_in_container() -> None:
    html = page(
        f"<article>Bare text opening the article, before any paragraph tag.<p>{PARAGRAPH}</p>"
        "<div>A sentence kept in a div rather than a paragraph element.</div></article>"
    )
    assert clean_document(html, "x.html").paragraphs == (
        "Bare text opening the article, before any paragraph tag.",
        PARAGRAPH,
        "A sentence kept in a div rather than a paragraph element.",
    )


def test_source_line_breaks_inside_a_paragraph_are_spaces() -> None:
    html = page("<article><p>The two countries agreed.\n  They will expand cooperation in trade,\n"
                "investment and science.</p></article>")
    assert clean_document(html, "x.html").paragraphs == (
        "The two countries agreed. They will expand cooperation in trade, investment and science.",
    )


def test_page_without_article_is_rejected() -> None:
    with pytest.raises(CleanError):
        clean_file(FIXTURES / "no_article.html")


@pytest.mark.parametrize(
    "html",
    [
        "<!DOCTYPE html><html></html>",
        "<html><body><nav>Home | Politics</nav><footer>© 2025</footer></body></html>",
        "<html><body><script>document.write('A long enough scripted sentence for a body.')</script></body></html>",
        "<html><body><figure><img src='a.jpg'><figcaption>Leaders meet. (Photo: VNA)</figcaption></figure></body></html>",
        "<html><<<>>>",
    ],
)
def test_pages_that_are_not_articles(html: str) -> None:
    with pytest.raises(CleanError):
        clean_document(html, "x.html")


def test_same_page_in_other_encodings_gives_same_article() -> None:
    path = FIXTURES / "vietnamnews_003.html"
    raw = path.read_bytes()
    variants = [
        raw,
        b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"),
        "\ufeff".encode("utf-16-le") + raw.decode("utf-8").encode("utf-16-le"),
    ]
    articles = [clean_document(decode_bytes(variant), str(path)) for variant in variants]
    assert all(article == articles[0] for article in articles)


# ---------------------------------------------------------------- markup lxml is strict about


def test_markup_after_closing_html_is_still_read() -> None:
    html = (
        f"<!DOCTYPE html><html><body><article><p>{PARAGRAPH}</p></article></body></html>"
        "<div class='share'>Share</div><p>Trailing text after the page.</p>"
    )
    page = extract_html(html, "x.html")
    assert page.paragraphs == (PARAGRAPH,)
    assert [(span.rule, span.text) for span in page.removed] == [("chrome", "Share")]


def test_word_and_framework_names_and_control_characters() -> None:
    html = (
        "<html xml:lang='vi' xmlns:o='urn:x'><body><article>"
        f"<p>{PARAGRAPH}<o:p></o:p></p><p @click='x' :class='y'>Second\x0cparagraph here.</p>"
        "</article></body></html>"
    )
    assert extract_html(html, "x.html").paragraphs == (PARAGRAPH, "Second paragraph here.")


def test_page_nested_past_libxml2_tree_limit() -> None:
    html = "<html><body>" + "<div>" * 3000 + f"<p>{PARAGRAPH}</p>" + "</div>" * 3000 + "</body></html>"
    assert extract_html(html, "x.html").paragraphs == (PARAGRAPH,)


def test_text_around_a_removed_element_stays_apart_in_the_log() -> None:
    html = (
        "<html><body><article><header>Politics<span class='entry-date'>05/08/2025</span>Diplomacy"
        f"</header><p>{PARAGRAPH}</p></article></body></html>"
    )
    page = extract_html(html, "x.html")
    assert [(span.rule, span.text) for span in page.removed] == [
        ("date_line", "05/08/2025"), ("html_header", "Politics Diplomacy"),
    ]


def test_ruby_annotations_are_not_article_text() -> None:
    html = f"<html><body><article><p>{PARAGRAPH}</p><p>Seoul<ruby>漢<rt>han</rt></ruby> talks.</p></article></body></html>"
    assert extract_html(html, "x.html").paragraphs == (PARAGRAPH, "Seoul漢 talks.")
