"""The HTML package's rules, each on small pages written for it (our own words, real forms).

Block choice on pages no outlet claims, related boxes removed as boxes, furniture, metadata from
markup, outlet choice, and the selector index that must answer exactly as soupsieve does.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import soupsieve
from bs4 import PageElement, Tag

from vnrok_etl.clean import clean_document
from vnrok_etl.decode import decode_bytes
from vnrok_etl.html import extract_html, select_profile
from vnrok_etl.html import document
from vnrok_etl.html.document import PruningTreeBuilder, nodes_under, parse, stripped_length, text_of
from vnrok_etl.html.outlets import (
    ARTICLE_HEADING_SELECTORS,
    COMMON_CAPTION_SELECTORS,
    COMMON_DROP_PATTERNS,
    COMMON_DROP_SELECTORS,
    CONTAINER_DROP_SELECTORS,
    GENERIC,
    OUTLETS,
)
from vnrok_etl.html.selectors import ANY, PageIndex, SelectorSet, selector_key

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "html"
CORPUS = ROOT / "tests" / "corpus"

# Sentences of an invented article, long enough to be scored as paragraphs.
BODY = (
    "Officials from the two countries met in Da Nang on Tuesday to review a joint plan for ports, "
    "logistics and customs, the trade ministry said in a statement.",
    "Under the plan, shipping lines would cut the time containers wait at the border, and the two "
    "customs services would share inspection results within a day.",
    "The delegations also discussed training for port workers, with courses in Busan and in Hai "
    "Phong expected to open before the end of the year, according to the statement.",
    "A follow-up meeting is planned for the spring, when the first results of the pilot are due, "
    "the ministry added, without giving a precise date for it.",
)


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def extracted(html: str, uri: str = "x.html") -> tuple[str, ...]:
    return extract_html(html, uri).paragraphs


# ---------------------------------------------------------------- related boxes, as boxes


@pytest.mark.parametrize(
    "box",
    [
        # A boxed list under its heading, in the middle of the article.
        '<div class="inline-box"><h3>Read more</h3><ul><li><a href="/a">Ports deal signed in May</a></li>'
        '<li><a href="/b">Customs link goes live</a></li></ul></div>',
        # A one-line teaser: a bold label and one link in a paragraph of its own.
        '<p><strong>Related:</strong> <a href="/a">Ports deal signed in May</a></p>',
        # A bare heading followed by its list, both children of the article.
        '<h4>See also</h4><ul><li><a href="/a">Ports deal signed in May</a></li>'
        '<li><a href="/b">Customs link goes live</a></li></ul>',
    ],
)
def test_related_box_inside_the_article_goes_alone(box: str) -> None:
    html = page(f"<article>{paragraphs(*BODY[:2])}{box}{paragraphs(*BODY[2:])}</article>")
    result = extract_html(html, "x.html")
    assert result.paragraphs == BODY
    assert any(span.rule == "related_block" and "Ports deal signed in May" in span.text for span in result.removed)
    # Through cleaning too: nothing after the box is lost.
    assert clean_document(html, "x.html").paragraphs == BODY


@pytest.mark.parametrize(
    "button",
    ['<div class="cta"><a href="/full">Continue reading</a></div>', '<p><a href="/full">Read more »</a></p>'],
)
def test_read_more_link_alone_is_removed_alone(button: str) -> None:
    html = page(f"<article>{paragraphs(*BODY[:1])}{button}{paragraphs(*BODY[1:])}</article>")
    assert extracted(html) == BODY


@pytest.mark.parametrize(
    "tags",
    [
        '<div class="topics"><span>Tags:</span> <a href="/t/korea">Korea</a> <a href="/t/ports">ports</a></div>',
        '<p><b>Keywords</b> <a href="/t/korea">Korea</a>, <a href="/t/ports">ports</a></p>',
    ],
)
def test_tags_line_above_the_body_does_not_cut_it(tags: str) -> None:
    html = page(f"<article>{tags}{paragraphs(*BODY)}</article>")
    assert extracted(html) == BODY
    assert clean_document(html, "x.html").paragraphs == BODY


def test_a_link_list_without_a_related_heading_is_not_a_related_box() -> None:
    # A heading that merely contains the word is article text ("More stories" is a heading,
    # "More stories emerged from the port" is not).
    heading = "More stories emerged from the port workers in the weeks after the meeting"
    html = page(f"<article>{paragraphs(BODY[0])}<h3>{heading}</h3>{paragraphs(*BODY[1:])}</article>")
    assert extracted(html) == (BODY[0], heading, *BODY[1:])


# ---------------------------------------------------------------- block choice (generic pages)


def test_body_laid_out_with_br_beats_a_footer_of_paragraphs() -> None:
    story = "<br><br>".join(BODY)
    footer = paragraphs("About us. Contact the newsroom by phone or mail.", "Terms of use, privacy and cookies.")
    html = page(f'<div class="story">{story}</div><div class="site-info">{footer}</div>')
    assert extracted(html) == ("\n".join(BODY),) or extracted(html) == BODY
    body = clean_document(html, "x.html").body
    assert all(sentence in body for sentence in BODY)
    assert "Terms of use" not in body


def test_related_post_cards_in_article_tags_lose_to_the_article() -> None:
    cards = "".join(
        f'<article class="card"><h3><a href="/p{n}">Teaser {n}</a></h3><p>A short teaser line number {n} for a post.</p></article>'
        for n in range(4)
    )
    html = page(f'<div class="list">{cards}</div><div class="post-body">{paragraphs(*BODY)}</div>')
    assert extracted(html) == BODY


def test_article_split_across_sibling_blocks_is_read_whole() -> None:
    html = page(
        '<div class="wrap">'
        f'<div class="part">{paragraphs(*BODY[:2])}</div>'
        '<div class="ad-slot"><a href="/ad">Sponsored</a></div>'
        f'<div class="part">{paragraphs(*BODY[2:])}</div>'
        "</div>"
    )
    assert extracted(html) == BODY


LEAD = (
    "The two governments opened talks on a new shipping route on Monday, officials in both "
    "capitals said, after a year of studies by their port authorities.",
    "The route would link the central coast with the southern tip of the peninsula, cutting the "
    "voyage by almost a day, according to the joint study.",
)


def nested(depth: int, inner: str, tag: str = "div") -> str:
    return f"<{tag}>" * depth + inner + f"</{tag}>" * depth


@pytest.mark.parametrize("tag", ["div", "section"])
def test_article_cut_into_same_class_wrappers_at_different_depths_is_read_whole(tag: str) -> None:
    # The lead sits seven levels inside its wrapper (too deep to vote for it); the rest of the
    # story sits in a second wrapper of the same class, which wins the block choice.
    html = page(
        '<div class="page">'
        f'<div class="story-part">{nested(7, paragraphs(*LEAD), tag)}</div>'
        '<div class="promo-strip"><a href="/x">Subscribe today</a></div>'
        f'<div class="story-part">{paragraphs(*BODY)}</div>'
        "</div>"
    )
    assert extracted(html) == LEAD + BODY


HEADLINES = [f'<a href="/s{n}">Another story headline number {n} from the desk</a>' for n in range(4)]


@pytest.mark.parametrize(
    "links",
    [
        # Headlines as links right inside the wrapper: the sibling's own link density keeps it out.
        " ".join(HEADLINES),
        # A deep list of headlines: rule 5 would empty it even if it joined.
        nested(7, "<ul>" + "".join(f"<li>{link}</li>" for link in HEADLINES) + "</ul>"),
    ],
)
def test_same_class_sibling_made_of_links_stays_out(links: str) -> None:
    html = page(
        '<div class="page">'
        f'<div class="story-part">{links}</div>'
        f'<div class="story-part">{paragraphs(*BODY)}</div>'
        "</div>"
    )
    assert extracted(html) == BODY


@pytest.mark.parametrize(
    "wrapper",
    [
        '<div class="site_header">{}</div>',  # "header" in the class of the page's outer wrapper
        '<div class="panel-two-col-sidebar-right">{}</div>',  # a layout named after its sidebar
    ],
)
def test_furniture_looking_wrapper_around_the_article_is_scored_again(wrapper: str) -> None:
    html = page(wrapper.format(f'<div class="entry">{paragraphs(*BODY)}</div>'))
    assert extracted(html) == BODY


@pytest.mark.parametrize("main", ['<main class="container js-social-anchor">{}</main>', '<article class="share-tools-on">{}</article>'])
def test_furniture_class_part_never_removes_the_page_structure(main: str) -> None:
    html = page('<div class="social-links"><a href="/fb">Facebook</a></div>' + main.format(paragraphs(*BODY)))
    assert extracted(html) == BODY


@pytest.mark.parametrize("style", ["display:none", "display: none", "visibility: hidden"])
def test_text_hidden_by_inline_style_is_not_article_text(style: str) -> None:
    hidden = f'<div style="{style}"><p>A print-only copy of the menu, never shown to a reader of the page.</p></div>'
    html = page(f"<article>{paragraphs(*BODY[:2])}{hidden}{paragraphs(*BODY[2:])}</article>")
    assert extracted(html) == BODY


def test_data_table_inside_the_article_is_kept_row_by_row() -> None:
    table = (
        "<table><tr><th>Port</th><th>Containers</th><th>Change</th></tr>"
        "<tr><td>Hai Phong</td><td>1.2 million</td><td>up</td></tr>"
        "<tr><td>Da Nang</td><td>0.3 million</td><td>up</td></tr></table>"
    )
    html = page(f'<div class="content">{paragraphs(*BODY[:2])}{table}{paragraphs(*BODY[2:])}</div>')
    result = extract_html(html, "x.html")
    rows = [block for block in result.blocks if block.kind == "row"]
    assert [block.text for block in rows] == [
        "Port | Containers | Change", "Hai Phong | 1.2 million | up", "Da Nang | 0.3 million | up",
    ]
    assert result.paragraphs == (*BODY[:2], *(block.text for block in rows), *BODY[2:])


def test_list_items_are_marked_as_items() -> None:
    items = "<ul><li>Cut container waiting times at the border.</li><li>Share inspection results within a day.</li></ul>"
    html = page(f"<article>{paragraphs(*BODY[:2])}{items}{paragraphs(*BODY[2:])}</article>")
    kinds = [(block.kind, block.text) for block in extract_html(html, "x.html").blocks]
    assert ("item", "Cut container waiting times at the border.") in kinds
    assert ("item", "Share inspection results within a day.") in kinds
    assert [kind for kind, _ in kinds].count("p") == len(BODY)


# ---------------------------------------------------------------- metadata from markup


def test_jsonld_headline_and_author_when_meta_has_none() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
        ' "headline": "Ports plan reviewed in Da Nang", "author": [{"@type": "Person", "name": "Tran Minh"},'
        ' {"@type": "Person", "name": "Kim Ji-woo"}], "datePublished": "2025-03-04T09:00:00+07:00"}</script>'
    )
    result = extract_html(page(f"<div>{paragraphs(*BODY)}</div>", head), "x.html")
    assert result.title == "Ports plan reviewed in Da Nang"
    assert result.byline == "Tran Minh, Kim Ji-woo"
    assert result.found_date is not None and result.found_date.date_source == "jsonld"


@pytest.mark.parametrize("wrapper", ["<![CDATA[{}]]>", "<!--{}-->", "//<![CDATA[\n{}\n//]]>"])
def test_jsonld_inside_a_wrapper_is_read(wrapper: str) -> None:
    data = '{"@type": "BlogPosting", "datePublished": "2024-06-25"}'
    head = f'<script type="application/ld+json">{wrapper.format(data)}</script>'
    found = extract_html(page(f"<div>{paragraphs(*BODY)}</div>", head), "x.html").found_date
    assert found is not None and str(found.published_date) == "2024-06-25"


@pytest.mark.parametrize(
    ("byline", "site_name", "expected"),
    [
        ("Ngoc Anh / Saigon Daily", "Saigon Daily", "Ngoc Anh"),
        ("By Park Min-jun - Busan Herald", "Busan Herald", "Park Min-jun"),
        ("Le Van Hai - Nguyen Thu", "Saigon Daily", "Le Van Hai - Nguyen Thu"),  # two authors, no outlet
    ],
)
def test_byline_outlet_tail_is_not_the_author(byline: str, site_name: str, expected: str) -> None:
    head = f'<meta property="og:site_name" content="{site_name}">'
    html = page(f'<article><div class="byline">{byline}</div>{paragraphs(*BODY)}</article>', head)
    assert extract_html(html, "x.html").byline == expected


def test_byline_repeated_as_the_last_line_is_not_body() -> None:
    html = page(
        '<div class="entry"><span class="author">Hoang Lan</span>'
        f'{paragraphs(*BODY)}<p><strong>Hoang Lan</strong></p></div>'
    )
    result = extract_html(html, "x.html")
    assert result.byline == "Hoang Lan" and result.paragraphs == BODY


# ---------------------------------------------------------------- outlet choice


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # ".detail-content" is both VNS's and Tuoi Tre's body: the rest of the markup decides.
        ('<h1 class="detail-title">T</h1><div data-role="publishdate">March 1, 2024</div>'
         '<div class="detail-content"><p>x</p></div>', "TuoiTre"),
        ('<h1 class="headline">T</h1><div class="detail-content"><p>x</p></div>', "VNS"),
        ('<h1 class="title-detail">T</h1><p class="description">D</p><article class="fck_detail"><p>x</p></article>', "VnExpress"),
        ('<h1 class="content-detail-title">T</h1><div class="maincontent"><p>x</p></div>', "VietNamNet"),
    ],
)
def test_outlet_from_markup_alone(markup: str, expected: str) -> None:
    assert select_profile(page(markup), "saved.html").name == expected


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("https://tuoitrenews.vn/news/business/2024/x.htm", "TuoiTre"),
        ("https://vietnamnet.vn/en/x.html", "VietNamNet"),
        ("https://e.vnexpress.net/news/news/x.html", "VnExpress"),
    ],
)
def test_outlet_from_host(uri: str, expected: str) -> None:
    assert select_profile(page("<p>x</p>"), uri).name == expected


# The corpus's HTML pages and the outlet each belongs to (their keys are written by hand).
CORPUS_PAGES = {"tuoitre-05.html": "TuoiTre", "vietnamnet-06.html": "VietNamNet", "vnexpress-07.html": "VnExpress"}


@pytest.mark.parametrize(("name", "outlet"), sorted(CORPUS_PAGES.items()))
def test_corpus_pages_give_their_keyed_body_and_metadata(name: str, outlet: str) -> None:
    """Saved without a URL: the outlet from og:site_name or markup; then the key's title, byline,
    first and last words of the body, and nothing from the key's drop list in the body."""
    path = CORPUS / name
    key = tomllib.loads(path.with_suffix(".key.toml").read_text("utf-8"))["expect"]
    assert extract_html(decode_bytes(path.read_bytes()), str(path)).profile == outlet
    article = clean_document(decode_bytes(path.read_bytes()), str(path))
    assert (article.title, article.byline) == (key["title"], key["byline"])
    assert article.body.startswith(key["first"]) and article.body.endswith(key["last"])
    assert [text for text in key["drop"] if text in article.body] == []


# ---------------------------------------------------------------- parsing and the selector index


def test_pruned_markup_keeps_jsonld_and_the_text_after_removed_elements() -> None:
    removed: list = []
    html = page(
        '<nav><a href="/">Home</a> <a href="/w">World</a></nav><p>Before<script>var x = 1;</script> after.</p>'
        '<script type="application/ld+json">{"@type": "Article"}</script>'
    )
    soup = parse(html, removed)
    assert soup.find("p").get_text() == "Before after."
    assert soup.find("script", type="application/ld+json") is not None
    assert [(span.rule, span.text) for span in removed] == [("html_nav", "Home World")]


def test_page_deeper_than_libxml2_builds_is_parsed_and_pruned() -> None:
    removed: list = []
    html = page("<div>" * 3000 + "<nav>Home</nav><p>Deep text.</p>" + "</div>" * 3000)
    soup = parse(html, removed)
    assert soup.find("p").get_text() == "Deep text."
    assert soup.find("nav") is None
    assert [(span.rule, span.text) for span in removed] == [("html_nav", "Home")]


def test_pruned_element_split_by_comments_and_silent_children_logs_its_words() -> None:
    removed: list = []
    html = page(
        '<footer class="site">About <!-- note --> us<svg>icon</svg> and <b>contacts</b>s</footer>'
        "<div>\n<aside>Ads</aside>\n<p>Text.</p></div>"
    )
    soup = parse(html, removed)
    assert [(span.rule, span.text) for span in removed] == [("chrome", "About us and contacts s"), ("html_aside", "Ads")]
    # The blank text around the pruned <aside> is one run, blank between blocks: not built.
    assert soup.find("div").contents == [soup.find("p")]


class _BuiltByBs4(PruningTreeBuilder):
    """The same builder, leaving every element, end tag and text to bs4's own steps."""

    def _build(self, tag: str, attrib: dict[str, str]) -> Tag:
        return self._build_by_bs4(tag, attrib)

    def _close(self, tag: str) -> None:
        self.soup.handle_endtag(tag, None)

    def _add_text(self, text: str) -> None:
        self.soup.handle_data(text)


def _tree(soup: Tag) -> list[tuple]:
    """Every node of the tree with all its fields, links given as positions in page order."""
    nodes = [soup, *soup.descendants]
    position = {id(node): index for index, node in enumerate(nodes)}

    def field(value: object) -> object:
        if isinstance(value, PageElement):
            return ("node", position[id(value)])
        if isinstance(value, list) and all(isinstance(item, PageElement) for item in value):
            return [field(item) for item in value]
        if isinstance(value, dict):
            return (type(value), {key: (type(item), item) for key, item in value.items()})
        return value

    return [
        (type(node), node.name if isinstance(node, Tag) else str(node),
         sorted((key, repr(field(value))) for key, value in vars(node).items()))
        for node in nodes[1:]
    ]


@pytest.mark.parametrize(
    "path", sorted([*FIXTURES.glob("*.html"), *CORPUS.glob("*.html")]), ids=lambda path: path.name
)
def test_elements_built_without_bs4_steps_are_the_ones_bs4_builds(path: Path, monkeypatch) -> None:
    """PruningTreeBuilder builds most elements and strings itself, with bs4's fields (document.py):
    the tree must be the one bs4's handle_starttag, handle_endtag and endData build, field by field."""
    html = decode_bytes(path.read_bytes())
    fast = _tree(parse(html))
    monkeypatch.setattr(document._THREAD, "builder", _BuiltByBs4())
    assert _tree(parse(html)) == fast


@pytest.mark.parametrize(
    "path", sorted([*FIXTURES.glob("*.html"), *CORPUS.glob("*.html")]), ids=lambda path: path.name
)
def test_text_read_along_the_nodes_is_what_get_text_reads(path: Path) -> None:
    """document.py reads text and nodes without bs4's generators: the same nodes, the same strings."""
    soup = parse(decode_bytes(path.read_bytes()))
    for element in [soup, *soup.find_all(True)]:
        assert nodes_under(element) == list(element.descendants)
        assert all(mine is theirs for mine, theirs in zip(nodes_under(element), element.descendants))
        assert text_of(element) == element.get_text()
        assert text_of(element, " ") == element.get_text(" ")
        assert stripped_length(element) == len(element.get_text(strip=True))


@pytest.mark.parametrize(
    ("selector", "key"),
    [
        ("h1.article__title", "tag:h1"), (".detail-header h1", "tag:h1"), (".sapo", "class:sapo"),
        ("#abody", "id:abody"), ("[itemprop=articleBody]", "attr:itemprop"),
        ("[class*=related]", "part:class:related"), ('[style*="display: none"]', "part:style:display: none"),
        ("div > p", ANY), ("a:not(.x)", ANY),
    ],
)
def test_selector_keys(selector: str, key: str) -> None:
    assert selector_key(selector) == key


ALL_SELECTORS = sorted({
    *COMMON_DROP_SELECTORS, *COMMON_DROP_PATTERNS, *COMMON_CAPTION_SELECTORS, *CONTAINER_DROP_SELECTORS,
    *ARTICLE_HEADING_SELECTORS,
    *(selector for profile in (*OUTLETS.values(), GENERIC) for field in (
        profile.title_selectors, profile.byline_selectors, profile.date_selectors, profile.lead_selectors,
        profile.body_selectors, profile.caption_selectors, profile.drop_selectors) for selector in field),
})


@pytest.mark.parametrize("path", sorted([*FIXTURES.glob("*.html"), *CORPUS.glob("*.html")]), ids=lambda path: path.name)
def test_index_answers_exactly_as_soupsieve(path: Path) -> None:
    soup = parse(decode_bytes(path.read_bytes()))
    index = PageIndex(soup)
    for selector in ALL_SELECTORS:
        assert SelectorSet((selector,)).select(index) == soupsieve.select(selector, soup), selector
    assert SelectorSet(COMMON_DROP_SELECTORS).select(index) == soupsieve.select(", ".join(COMMON_DROP_SELECTORS), soup)
