"""Per-outlet quirks as data: where each site keeps its title, lead, body and chrome.

Generic extractors (trafilatura, readability) are tuned for the whole web and are not dependencies
here; the few outlets we read have stable templates, and their quirks (a VietnamPlus lead in
`.article__sapo` repeated in the body, a VNS sign-off inside the last paragraph, an NDO byline
with a day-first date) are easier to state as data than to recover by heuristics. A page from an
unknown site gets GENERIC: `<article>`, itemprop=articleBody, `<main>`, then the densest block of
`<p>` (html.py). Selectors are a small CSS subset that html.py compiles once at import (and
refuses anything else there): a tag, `.class`, `#id`, `[attr]`, `[attr=value]`, `[attr*=value]`,
compounds of these (`h1.article__title`) and the descendant combinator (`.detail-header h1`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Profile:
    """How one outlet lays out an article page."""

    name: str
    hosts: tuple[str, ...] = ()  # URL host suffixes, e.g. "vietnamplus.vn"
    site_names: tuple[str, ...] = ()  # og:site_name prefixes, case and accents ignored
    title_selectors: tuple[str, ...] = ()
    title_suffixes: tuple[str, ...] = ()  # " | VietnamPlus" tails of <title>
    byline_selectors: tuple[str, ...] = ()
    date_selectors: tuple[str, ...] = ()  # printed dates, read only when the markup states none
    lead_selectors: tuple[str, ...] = ()  # the sapo, printed above the body but part of the article
    body_selectors: tuple[str, ...] = ()
    caption_selectors: tuple[str, ...] = ()
    drop_selectors: tuple[str, ...] = ()  # related lists, share bars, tags, ads inside the page


# Chrome every outlet has: dropped from the whole page before anything is read from it.
# Not "form": ASP.NET pages wrap the whole page in one; html.py drops only small forms.
COMMON_DROP_SELECTORS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "button", "input", "select", "textarea", "nav", "footer", "aside", "[hidden]",
    "[aria-hidden=true]",
    ".related", ".related-news", ".relate", ".box-related", ".article-related", ".tin-lien-quan",
    ".see-more", ".more-news", ".other-news", ".readmore", ".read-more", ".most-read",
    ".share", ".social", ".social-share", ".sharing", ".share-bar", ".print", ".toolbar",
    ".fb-like", ".like-us", ".comment", ".comments", ".tags", ".tag-list", ".keywords",
    ".breadcrumb", ".advertisement", ".ads", ".banner", ".latest", ".box-latest", ".latest-news",
    "[itemprop=keywords]", "[class*=related]", "[class*=sharing]", "[class*=share-]",
    "[class*=social]", "[class*=sharedaddy]", "[id*=comments]",
)

# Captions outside <figure>: CMS caption classes.
COMMON_CAPTION_SELECTORS = (
    "figcaption", ".caption", ".image-caption", ".img-caption", ".PhotoCMS_Caption",
    ".fig-caption",
)

GENERIC_BODY_SELECTORS = (
    "[itemprop=articleBody]", "article .content", "article", "[role=main]", "main",
)

PROFILES: dict[str, Profile] = {
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
}

GENERIC = Profile(
    name="generic",
    byline_selectors=("[rel=author]", ".byline", ".author"),
    date_selectors=(".entry-date", "article .date", "article .time", "[itemprop=datePublished]"),
)

# Agency codes as printed in sign-offs, datelines and bylines; longest first so that
# "VNA/VNS" wins over "VNA".
AGENCY_CODES = (
    "VNA/VNS", "VNA/VNP", "VNS/VNA", "VNA", "VNS", "VNP", "NDO", "VOV", "VGP", "VTV", "TTXVN",
    "Yonhap", "AFP", "AP", "Reuters", "Xinhua", "Kyodo", "Bernama", "AFP/VNS", "Reuters/VNS",
    "SGGP",
)

# Agency tags that open a lead ("VGP - ", "VOV.VN - ", "(VOVWORLD) - ", "(VOV/VOVworld)- ") or
# stand alone on a header line: the tag names the source, never a place. The source is the tag as
# printed (case kept), without a domain suffix ("VOV.VN" is VOV).
AGENCY_TAGS = (
    "VGP", "VOV.VN", "VOV", "VOVWORLD", "VNA", "VNS", "SGGP", "NDO", "VTV", "VNP", "QĐND", "PANO",
    "HANOITIMES", "VIR", "VNEXPRESS", "VietNamNet Bridge", "VNE", "AJP",
)

# An agency's full name in a "Source: ..." sign-off or a "By ..." line -> its code.
AGENCY_NAMES = {
    "vietnam news agency": "VNA", "viet nam news agency": "VNA", "việt nam news agency": "VNA",
    "vietnamplus": "VNA", "vietnam+": "VNA", "viet nam news": "VNS", "việt nam news": "VNS",
    "vietnam news": "VNS", "yonhap news agency": "Yonhap", "yonhap news": "Yonhap",
    "yonhap": "Yonhap", "nhan dan": "NDO", "nhân dân": "NDO", "voice of vietnam": "VOV",
    "saigon giai phong": "SGGP",
}

# A photo credit printed as one word or name after the caption's last sentence
# ("... after the ruling, Tuesday. Newsis"): the wire and photo agencies that sign photos.
PHOTO_AGENCIES = (
    "Yonhap", "Newsis", "News1", "Joint Press Corps", "AP", "AFP", "EPA", "Reuters", "Xinhua",
    "Getty Images", "EPA-Yonhap", "AFP-Yonhap", "AP-Yonhap", "Korea JoongAng Daily",
)

# Outlet names printed alone on a line (a masthead in a saved page's text): never a title.
MASTHEADS = (
    "The Korea Herald", "Korea Herald", "The Korea Times", "Korea Times", "Korea JoongAng Daily",
    "Tuoi Tre News", "Tuổi Trẻ News", "Viet Nam News", "Việt Nam News", "Vietnam News",
    "VietnamPlus", "Vietnam+", "Nhan Dan", "Nhân Dân", "VnExpress International", "VnExpress",
    "Hanoi Times", "The Hanoi Times", "SGGP News", "Saigon Giai Phong", "VietNamNet",
    "VietnamNet", "VOV World", "VOVWORLD", "The Investor", "Yonhap News Agency",
    "Vietnam Investment Review", "Vietnam Time", "Vietnam Times", "The Saigon Times",
    "Saigon Times", "VnEconomy", "Nhan Dan Online", "People's Army Newspaper", "VietNamNet Bridge",
    "Korea.net", "The Korea Post", "Aju Press", "AJP", "Dong-A Ilbo", "KBS World",
)

# Outlets that print their date lines in Korean time (KST): a printed date without an offset in
# an article of theirs is Asia/Seoul, anything else is Asia/Ho_Chi_Minh. Marks are matched
# case-insensitively anywhere in the header or the sign-off (masthead, byline, e-mail domain).
KOREAN_OUTLET_MARKS = (
    "korea herald", "heraldcorp.com", "(yonhap)", "by yonhap", "yna.co.kr", "korea times",
    "koreatimes.co.kr", "joongang", "koreajoongangdaily", "chosun", "donga.com", "kbs world",
    "arirang", "the investor", "businesskorea", " kst", "photo : yonhap", "photo: yonhap",
    "koreapost.com", "korea post", "alphabiz", "ajunews", "aju press", "(ajp)", "newsis", "news1",
)

# Words that label a page section: a line that is only one of these above the headline is a
# section label, and a teaser item in a related block opens with one ("Business <headline> ...").
SECTION_WORDS = (
    "Politics", "Business", "Society", "Culture", "Culture/art", "Travel", "Tourism", "Sports",
    "World", "Economy", "Health", "Education", "Environment", "Life", "Lifestyle", "Life&Style",
    "Entertainment", "Sci-Tech", "Science", "Technology", "Opinion", "National", "International",
    "Diplomacy", "Foreign Affairs", "Law", "Military", "Defence", "Defense", "Industry", "Finance",
    "Features", "Feature", "Interview", "Ho Chi Minh City", "Hanoi", "News", "Video", "Photos",
    "Vietnam", "Asia", "Overseas Vietnamese", "Overseas Vietnamese Affairs", "Real Estate",
    "Markets", "Companies", "Fashion", "Food", "Arts", "Motoring", "Editorial", "Sports",
)

# A line that opens the related-articles block at the end of a page; everything after it is
# other articles' headlines and captions (seed 002's "See more").
RELATED_HEADINGS = (
    "See more", "See also", "Related news", "Related articles", "Related stories", "Related",
    "Other news", "Read more", "More news", "More stories", "Latest news", "Most read",
    "Tin liên quan", "Tags", "Keywords", "Topics", "Most Popular", "Most viewed", "Editor's Picks",
    "You may also like", "Recommended", "Related News", "Other articles", "Latest",
    "Tin khác", "Xem thêm", "Feedback", "Others", "News Most Viewed", "Latest comments",
    "Add comments", "Trending", "Reader Comments", "Older articles", "Newer articles",
    "Bài đọc nhiều nhất",
    "주요기사", "Related posts", "Popular posts", "More from", "Top stories",
)

# Whole lines of page chrome that survive a copy-paste from a browser.
CHROME_LINES = (
    "Share", "Print", "Email", "E-mail", "Tweet", "Save", "Listen", "Bookmark", "Copy link",
    "Back to top", "Comment", "Comments", "Font size", "Facebook", "Twitter", "Zalo", "LinkedIn",
    "Like us on Facebook", "Follow us on Facebook", "Follow us on Twitter", "Follow us",
    "Share on Facebook", "Share on Twitter", "Share on Zalo", "Print article", "Send",
    "Like us", "Subscribe", "Download the app", "Share this", "Share this article",
    "Link copied", "X", "Go to contents", "Menu Content", "Skip to main content", "Already collect",
    "Text size", "A A", "Close", "Menu", "Search", "Home", "Login", "Sign in", "Top", "한국어",
    "한국어판", "Tiếng Việt", "English", "leftcenterrightdel", "Go to top", "Post a Comment",
    "View this article in another language", "Related image(s)", "Print this article",
    "+ A", "- A", "A+", "A-", "A +", "A -",
)

# Lines of page furniture recognised by how they begin (the rest varies): social footers,
# comment boxes in English and Vietnamese, script notices, copyright and mirror-site footers,
# transcript notes. A matching line is dropped wherever it stands; it never holds article text.
FURNITURE_PREFIXES = (
    "Like us on Facebook", "Follow us on", "Follow Tuoi Tre News", "JavaScript is off",
    "Please enable JavaScript", "Comments (", "Your comment will be posted", "Your comment",
    "Write your comment", "Be the first to comment", "Mời quý độc giả", "Bình luận (",
    "Gửi bình luận", "Ý kiến bạn đọc", "Ý kiến của bạn", "Viết bình luận",
    "Copyright ©",
    "Copyright (C)", "Copyright(C)", "© Copyright", "All rights reserved", "Read full this story",
    "This is cached page on", "If you want remove this page", "The following is the transcript",
    "The following is an edited transcript", "Download the app", "Subscribe to our newsletter",
    "Sign up for our newsletter", "Click here to", "Source link", "Readers are invited",
    "Please read the full article", "Excerpts from the interview follow",
    "The following are excerpts from", "Copyright ⓒ", "Copyright©", "ⓒ ", "* This article",
    "Translated by ", "0 comments", "Comments:", "Leave a comment", "Leave a Reply",
)

# Places printed as mixed-case datelines without an agency code ("Hanoi —"): only these are
# trusted, because "Vietnam – Guyana ties ..." must stay text. ALL-CAPS datelines ("SEOUL —")
# and datelines with an agency code ("Seoul (VNA) –") need no list.
KNOWN_PLACES = (
    "Hà Nội", "Ha Noi", "Hanoi", "HCM City", "Ho Chi Minh City", "Hồ Chí Minh City",
    "TP Hồ Chí Minh", "Đà Nẵng", "Da Nang", "Hải Phòng", "Hai Phong", "Cần Thơ", "Can Tho",
    "Huế", "Hue", "Seoul", "Busan", "Tokyo", "Beijing", "Washington", "Paris", "London",
    "Vientiane", "Phnom Penh", "Bangkok", "Singapore", "Jakarta", "Kuala Lumpur", "Manila",
    "New York", "Moscow", "Berlin", "Canberra", "New Delhi", "Incheon", "Daegu", "Ulsan",
    "Gwangju", "Changwon", "Sejong", "Suwon", "Nha Trang", "Đà Lạt", "Da Lat", "Bắc Ninh",
    "Bac Ninh", "Quảng Ninh", "Quang Ninh", "Hạ Long", "Ha Long", "Vũng Tàu", "Vung Tau",
    "Nghệ An", "Nghe An", "Thanh Hóa", "Thanh Hoa", "Bình Dương", "Binh Duong", "Đồng Nai",
    "Dong Nai", "Hải Dương", "Hai Duong", "Quảng Nam", "Quang Nam", "Phú Quốc", "Phu Quoc",
    "HCMC", "Ansan", "Pyeongtaek", "Cheongju", "Jeju",
)
