"""Outlet profiles for HTML pages: where each site keeps its title, lead, body and furniture.

Per-outlet quirks are data: CSS selectors that soupsieve (BeautifulSoup's `select`) matches,
compiled once at import (selectors.py), plus the host names and `og:site_name` values that claim a
page for the outlet. A profiled page takes the exact path (its own containers, nothing guessed);
any other page goes to the generic extractor (generic.py). The seeds' quirks: a VietnamPlus lead
in `.article__sapo` repeated in the body (seed 002), photos inside `<table class="picture">` in a
VNS body (seed 003), an NDO byline with a day-first date above the title (seed 001).
"""

from __future__ import annotations

from dataclasses import dataclass

from vnrok_etl.html.selectors import SelectorSet
from vnrok_etl.profiles import Profile


# Furniture every page has: removed from the whole page before anything is read from it.
# Not "form": ASP.NET pages wrap the whole page in one (furniture.py removes only small forms).
COMMON_DROP_SELECTORS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "button", "input", "select", "textarea", "nav", "footer", "aside", "[hidden]",
    "[aria-hidden=true]", "[role=navigation]", "[role=complementary]", "[role=contentinfo]",
    ".related", ".related-news", ".relate", ".box-related", ".article-related", ".tin-lien-quan",
    ".see-more", ".more-news", ".other-news", ".readmore", ".read-more", ".most-read",
    ".share", ".social", ".social-share", ".sharing", ".share-bar", ".print", ".toolbar",
    ".fb-like", ".like-us", ".comment", ".comments", ".tags", ".tag-list", ".keywords",
    ".breadcrumb", ".advertisement", ".ads", ".banner", ".latest", ".box-latest", ".latest-news",
    "[itemprop=keywords]",
    # Plone's page description ("p.documentDescription", the CMS's own class, under the
    # headline): the summary its <meta name=description> also holds, the page's deck, not the
    # article, which starts with its own lead under it.
    ".documentDescription",
    # Hidden by inline style: a reader never sees it (print-only copies, collapsed menus).
    '[style*="display:none"]', '[style*="display: none"]', '[style*="visibility:hidden"]',
    '[style*="visibility: hidden"]',
)
# The common furniture that is a bare tag name is the same on every page, whatever its outlet:
# it is pruned as libxml2 reports it, before BeautifulSoup builds it (document.PruningTreeBuilder), where it
# costs a tenth as much; the words it held are logged as the drop pass would log them.
PRUNED_TAGS = tuple(selector for selector in COMMON_DROP_SELECTORS if selector.isalpha())

# Furniture named by part of a class or id. A part can sit in the article's own wrapper's class
# (`<main class="container js-social-anchor-start">` on a news page), so these never remove
# the page's structural elements (PAGE_TAGS); the furniture inside them still goes.
COMMON_DROP_PATTERNS = (
    "[class*=related]", "[class*=sharing]", "[class*=share-]", "[class*=social]",
    "[class*=sharedaddy]", "[id*=comments]",
)
PAGE_TAGS = frozenset({"html", "body", "main", "article"})

# Captions outside <figure> as well: CMS caption classes.
COMMON_CAPTION_SELECTORS = (
    "figcaption", ".caption", ".image-caption", ".img-caption", ".PhotoCMS_Caption",
    ".fig-caption",
    # An image table's description cell ("<td class=\"image_desc\">Overview of the congress. |</td>").
    ".image_desc", ".image-desc", ".img_desc", ".img-desc",
)

# Elements that never hold article text, even inside the article container.
CONTAINER_DROP_SELECTORS = ("header", "nav", "footer", "aside", "figure", "picture", "img", "video", "audio")

# A page no profile claims, when its markup states no date: an element printed as the
# publication date, by the part of its class that says so or by being the article's <time>
# (without a datetime attribute), tried in this order. Its text must be a date and nothing
# more, once a label ("First published on", "Published:") is read off (metadata.printed_label_date).
GENERIC_PRINTED_DATE_SELECTORS = (
    "[class*=publish]", "article time", "main time", "article [class*=date]",
    "header [class*=date]",
    # A page without <article> that names its article block by class ("div.article",
    # "div.article-detail", an aggregator's copy): its date element, as inside <article>.
    "[class*=article] [class*=date]",
    # Then the date element wherever the page puts it ("p.date-time" above the headline, a
    # release's "p.meta" lines): only an element whose whole text is one date counts.
    "[class*=date-time]", "[class*=datetime]", "[class*=meta]",
)
# Last, any element named for a date by class or id ("p.date" under a newsletter's title,
# "span#story_date", a Vietnamese CMS's "td.ngay_tin", ngày = date): still only one whose whole
# text is one date, on a page whose other places gave none, and not beside a link (a teaser's
# date in a side column stands next to its story's link: `metadata.printed_label_date`).
GENERIC_NAMED_DATE_SELECTORS = ("[class*=date]", "[id*=date]", "[class*=ngay]")
# Its printed byline, when neither the profile's elements nor <meta> nor JSON-LD name the
# writer: an element whose class names the author or byline and whose text is "By <Name>".
# A link to the writer's page ("/author/<name>") printed "By <Name>" in a links block is one too.
GENERIC_PRINTED_BYLINE_SELECTORS = ("[class*=byline]", "[class*=author]", 'a[href*="/author/"]')
# A headline inside the article's own markup, after the profile's and og:title.
ARTICLE_HEADING_SELECTORS = ("article h1", "main h1", "[itemprop=headline]", "h1")

OUTLETS: dict[str, Profile] = {
    # VNA English service (vietnamplus.vn, en.vietnamplus.vn): the sapo sits above the body and
    # the body often repeats it after the dateline (seed 002); the sign-off is a bare "VNA" line.
    "VNA": Profile(
        name="VNA",
        hosts=("vietnamplus.vn", "vnanet.vn"),
        site_names=("vietnam+", "vietnamplus", "vietnam news agency"),
        title_selectors=("h1.article__title", "h1.details__headline"),
        byline_selectors=(".cms-author", ".article__author-name", ".details__author"),
        date_selectors=(".article__meta .time", ".article__meta time", ".details__meta .time"),
        title_suffixes=(" | Vietnam+ (VietnamPlus)", " | VietnamPlus", " - VietnamPlus"),
        lead_selectors=(".article__sapo", ".cms-desc", ".details__summary", ".sapo"),
        body_selectors=(".article__body", ".cms-body", ".details__content", ".content-detail"),
        caption_selectors=(".article__photo-caption",),
        drop_selectors=(".article__tag", ".article__related", ".article__share", ".box-news"),
    ),
    # Viet Nam News (vietnamnews.vn): dateline "HÀ NỘI —" in the first paragraph, sign-off
    # "— VNS" or "— VNA/VNS" at the end of the last one (seeds 000, 003, 004).
    "VNS": Profile(
        name="VNS",
        hosts=("vietnamnews.vn",),
        site_names=("vietnam news", "viet nam news", "vietnamnews"),
        title_selectors=("h1.headline", ".detail-header h1"),
        byline_selectors=(".detail-author", ".author-name"),
        date_selectors=(".detail-header .datetime", ".datetime", ".detail-time"),
        title_suffixes=(" - Việt Nam News", " - Viet Nam News", " | Viet Nam News"),
        lead_selectors=(".sapo", ".detail-sapo"),
        body_selectors=("#abody", ".detail-content", ".article-content"),
        # Photos sit in <table class="picture"> inside #abody, the caption in one of its cells.
        caption_selectors=(".image-caption", "table.picture"),
        drop_selectors=(".detail-related", ".related-news-box", ".detail-tags", ".detail-share"),
    ),
    # Nhân Dân English (en.nhandan.vn): byline "by NDO 15/08/2025, 01:50" above the title
    # (seed 001), captions repeated in the body.
    "NDO": Profile(
        name="NDO",
        hosts=("nhandan.vn",),
        site_names=("nhan dan", "nhân dân", "ndo"),
        title_selectors=("h1.article__title",),
        byline_selectors=(".article__author", ".author"),
        date_selectors=(".article__meta .time", ".article__meta time"),
        title_suffixes=(" | Nhan Dan Online", " - Nhan Dan Online", " | NDO"),
        lead_selectors=(".article__sapo", ".sapo"),
        body_selectors=(".detail-content-body", ".article__body"),
        caption_selectors=(".article__photo-caption",),
        drop_selectors=(".article__related", ".box-related", ".article__tags", ".article__share"),
    ),
    # Tuoi Tre News (tuoitrenews.vn): the date in a data-role="publishdate" block above the title,
    # the byline "Name / Tuoi Tre News" at the end of the body, a "Like us on Facebook" line,
    # then Tags, comments and a "Read more" box after it (corpus tuoitre-05).
    "TuoiTre": Profile(
        name="TuoiTre",
        hosts=("tuoitrenews.vn", "tuoitre.vn"),
        site_names=("tuoi tre",),
        title_selectors=("h1.detail-title", "h1[data-role=title]"),
        byline_selectors=(".author-info",),
        date_selectors=("[data-role=publishdate]", ".detail-time"),
        title_suffixes=(" - Tuoi Tre News", " | Tuoi Tre News"),
        lead_selectors=(".detail-sapo", "h2.sapo"),
        body_selectors=(".detail-content", "[data-role=content]"),
        drop_selectors=(".detail-tab", ".box-comment", ".box-related", ".social-follow", ".detail-cate"),
    ),
    # VietNamNet Global (vietnamnet.vn/en): byline and "HH:MM, YYYY/MM/DD" time under the title,
    # the standfirst in an <h2>, the author's name again as the body's last line, then Tags and
    # "Other news" (corpus vietnamnet-06).
    "VietNamNet": Profile(
        name="VietNamNet",
        hosts=("vietnamnet.vn",),
        site_names=("vietnamnet",),
        title_selectors=("h1.content-detail-title",),
        byline_selectors=(".article-detail-author .name",),
        date_selectors=(".article-detail-author .time",),
        title_suffixes=(" - VietNamNet", " | VietNamNet"),
        lead_selectors=(".content-detail-sapo",),
        body_selectors=(".maincontent", ".main-content"),
        drop_selectors=(".breadcrumb-box", ".tag-cotnent", ".article-relate"),
    ),
    # VnExpress International (e.vnexpress.net): "By Name" and "Month D, YYYY | hh:mm pm GMT+7"
    # in one .author line, the standfirst in p.description, the body in article.fck_detail
    # (corpus vnexpress-07).
    "VnExpress": Profile(
        name="VnExpress",
        hosts=("vnexpress.net",),
        site_names=("vnexpress",),
        title_selectors=("h1.title-detail",),
        byline_selectors=(".author .name",),
        date_selectors=(".author .date",),
        title_suffixes=(" - VnExpress International", " - VnExpress"),
        lead_selectors=("p.description",),
        body_selectors=("article.fck_detail", ".fck_detail"),
        drop_selectors=(".box-comment", ".box-related", ".tags"),
    ),
}

# A page no outlet claims: the generic extractor picks its block; these read its byline and a
# printed date when the markup states none.
GENERIC = Profile(
    name="generic",
    # A standfirst printed above the body, outside the block the generic extractor chooses (in
    # the article's header): named as one by its class or id. It is the article's first
    # paragraph when it is a sentence; a deck without closing punctuation is dropped by the
    # header rules (clean.headline.is_deck), as in a saved text.
    lead_selectors=(
        "[class*=standfirst]", "[class*=sapo]", "[id$=-lead]", "[class~=dek]",
        "[class*=article-dek]", "[class*=article-summary]",
    ),
    byline_selectors=("[rel=author]", ".byline", ".author"),
    date_selectors=(".entry-date", "article .date", "article .time", "[itemprop=datePublished]"),
)


@dataclass(frozen=True, slots=True)
class CompiledProfile:
    """One profile's selectors compiled once: a cascade is tried in order, a list matched at once."""

    profile: Profile
    drop: SelectorSet
    drop_patterns: SelectorSet
    captions: SelectorSet
    titles: tuple[SelectorSet, ...]
    bylines: tuple[SelectorSet, ...]
    dates: tuple[SelectorSet, ...]
    leads: tuple[SelectorSet, ...]
    bodies: tuple[SelectorSet, ...]


def compile_list(selectors: tuple[str, ...]) -> SelectorSet:
    """One selector list: `select` returns every element any of them matches, in page order."""
    return SelectorSet(selectors)


def compile_cascade(selectors: tuple[str, ...]) -> tuple[SelectorSet, ...]:
    """Selectors tried in order, the first with a match winning."""
    return tuple(SelectorSet((selector,)) for selector in selectors)


def _compile(profile: Profile) -> CompiledProfile:
    return CompiledProfile(
        profile=profile,
        drop=compile_list(COMMON_DROP_SELECTORS + profile.drop_selectors),
        drop_patterns=compile_list(COMMON_DROP_PATTERNS),
        captions=compile_list(COMMON_CAPTION_SELECTORS + profile.caption_selectors),
        titles=compile_cascade(profile.title_selectors),
        bylines=compile_cascade(profile.byline_selectors),
        dates=compile_cascade(profile.date_selectors),
        leads=compile_cascade(profile.lead_selectors),
        bodies=compile_cascade(profile.body_selectors),
    )


COMPILED = {profile.name: _compile(profile) for profile in (*OUTLETS.values(), GENERIC)}
ARTICLE_HEADINGS = compile_cascade(ARTICLE_HEADING_SELECTORS)
GENERIC_PRINTED_DATES = compile_cascade(GENERIC_PRINTED_DATE_SELECTORS)
GENERIC_NAMED_DATES = compile_cascade(GENERIC_NAMED_DATE_SELECTORS)
GENERIC_PRINTED_BYLINES = compile_cascade(GENERIC_PRINTED_BYLINE_SELECTORS)
CONTAINER_DROP = compile_list(CONTAINER_DROP_SELECTORS)
# Each outlet's own body selectors as one list, for recognising a saved page by its markup.
OUTLET_BODIES = {name: compile_list(profile.body_selectors) for name, profile in OUTLETS.items()}
