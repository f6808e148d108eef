"""Per-outlet quirks as data.

`Profile` is the shape of an outlet's HTML layout; the profiles themselves (CSS selectors run by
soupsieve) live with the HTML code in `html/outlets.py`. The rest of this module is the text-level
data the cleaning rules read (`clean/`): agency codes, tags and names as outlets print them,
mastheads, photo agencies, section words, related-block headings, chrome and furniture lines, and
the known places a dateline may name. Outlet words are data here, never if-chains in the rules.
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


AGENCY_CODES = (
    "VNA/VNS", "VNA/VNP", "VNS/VNA", "VNA", "VNS", "VNP", "NDO", "VOV", "VGP", "VTV", "TTXVN",
    "Yonhap", "AFP", "AP", "Reuters", "Xinhua", "Kyodo", "Bernama", "AFP/VNS", "Reuters/VNS",
    "SGGP", "CNN", "UPI",
)

# Agency tags that open a lead ("VGP - ", "VOV.VN - ", "(VOVWORLD) - ", "(VOV/VOVworld)- ") or
# stand alone on a header line: the tag names the source, never a place. The source is the tag as
# printed (case kept), without a domain suffix ("VOV.VN" is VOV).
AGENCY_TAGS = (
    "VGP", "VOV.VN", "VOV", "VOVWORLD", "VNA", "VNS", "SGGP", "NDO", "VTV", "VNP", "QĐND", "PANO",
    "HANOITIMES", "VIR", "VNEXPRESS", "VietNamNet Bridge", "VNE", "AJP",
    # Vietnam Customs News ("VCN- The General Department ..."), Bnews (VNA's business service),
    # the People's Police paper (CAND), Law newspaper of HCM City (PLO).
    "VCN", "BNEWS", "CAND", "PLO",
    # The Hanoi city portal's news ("HNP - Hanoi wants to ...").
    "HNP",
)

# An agency's full name in a "Source: ..." sign-off or a "By ..." line -> its code.
AGENCY_NAMES = {
    "vietnam news agency": "VNA", "viet nam news agency": "VNA", "việt nam news agency": "VNA",
    "vietnamplus": "VNA", "vietnam+": "VNA", "viet nam news": "VNS", "việt nam news": "VNS",
    "vietnam news": "VNS", "yonhap news agency": "Yonhap", "yonhap news": "Yonhap",
    "yonhap": "Yonhap", "nhan dan": "NDO", "nhân dân": "NDO", "voice of vietnam": "VOV",
    "saigon giai phong": "SGGP", "the associated press": "AP", "associated press": "AP",
    "united press international": "UPI",
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
    # Nippon.com's news service, which carries Jiji Press and Kyodo stories.
    "News from Japan",
)

# Outlets that print their date lines in Korean time (KST): a printed date without an offset in
# an article of theirs is Asia/Seoul, anything else is Asia/Ho_Chi_Minh. Marks are matched
# case-insensitively anywhere in the header or the sign-off (masthead, byline, e-mail domain).
KOREAN_OUTLET_MARKS = (
    "korea herald", "heraldcorp.com", "(yonhap)", "by yonhap", "yna.co.kr", "korea times",
    "koreatimes.co.kr", "joongang", "koreajoongangdaily", "chosun", "donga.com", "kbs world",
    "arirang", "the investor", "businesskorea", " kst", "photo : yonhap", "photo: yonhap",
    "koreapost.com", "korea post", "alphabiz", "ajunews", "aju press", "(ajp)", "newsis", "news1",
    "mk.co.kr", "maeil business", "asiae.co.kr", "asia business daily", "asia economy reporter",
    "hankyung", "korea economic daily", "sedaily", "seoul economic daily", "edaily", "mt.co.kr",
    "koreaittimes", "korea it times", "kedglobal",
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
    "You may also like", "Recommended", "Recommended Stories", "Recommended for you", "Related News", "Other articles", "Latest",
    "Tin khác", "Xem thêm", "Feedback", "Others", "News Most Viewed", "Latest comments",
    "Add comments", "Trending", "Reader Comments", "Older articles", "Newer articles",
    "Bài đọc nhiều nhất",
    "주요기사", "Related posts", "Popular posts", "More from", "Top stories",
    # A tag list's heading ("Related topics", then one tag a line), a rail's "Most Read News", and
    # a distributor's "Disclaimer" heading over its legal note: all close the article.
    "Related topics", "Related tags", "Most Read News", "Most read news", "Disclaimer",
    # A video rail's heading under the text ("WATCH MORE:", "Watch next").
    "Watch more", "Watch next",
)

# Whole lines of page chrome that survive a copy-paste from a browser.
# A news portal's notice that the lines under it are a machine summary of the article (Daum's
# "자동요약 ..."): the summary, the article's own sentences picked out, is printed above the text.
PORTAL_SUMMARY_NOTICES = ("자동요약", "AI 요약")

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
    "+ A", "- A", "A+", "A-", "A +", "A -", "Advertisement", "Learn more", "Live feed",
    "Back", "Change size", "Leave a comment", "Leave a reply",
    # A blog's like button under the text ("Like this:" then "Like Loading..." while it loads);
    # "Like this:" alone is left to the closing rules (a line of prose may end so when wrapped).
    "Like Loading...", "Loading...",
    # A site's switch between its desktop and mobile pages ("View Web View Mobile").
    "View Web", "View Mobile", "View Desktop", "Web version", "Mobile version", "Desktop version",
    "Full version", "Switch to desktop", "Switch to mobile",
    # Korean sites' share buttons beside Facebook and X ("kakaotalk", "KakaoStory", "Naver Band"),
    # and the share label in the languages a wire's other editions print it ("Bu haberi paylaşın",
    # "Partager", "Compartir", "Teilen", "Поделиться", "공유하기"): a button's label, never text.
    "KakaoTalk", "Kakao Talk", "KakaoStory", "Kakao Story", "Naver Band", "Naver Blog",
    "Bu haberi paylaşın", "Paylaş", "Partager", "Partager cet article", "Compartir", "Teilen",
    "Condividi", "Поделиться", "공유하기", "Chia sẻ bài viết",
    # A search box's placeholder saved as text ("Search...", "Search…", "Type to search").
    "Search...", "Search…", "Search ...", "Type to search", "Enter keywords",
    # A portal's reader box and rating button under the text (NukeViet's "Reader Comments").
    "Reader Comments", "Rate this article",
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
    "© ", "[ⓒ", "[©", "(ⓒ", "(©", "[Copyright ", "(Copyright ",
    # An article's audio player: "Listen to this article" and its length ("Listen to this article5 mins").
    "Listen to this article",
    "Translated by ", "0 comments", "Comments:", "Leave a comment", "Leave a Reply",
    "Get more with myNEWS", "A personalised news feed", "Translation by ",
    "This article is more than",
    # A column's note on its writer, printed under the name or after the text.
    "The author is a ", "The author is an ", "The author is the ", "The writer is a ",
    "The writer is an ", "The writer is the ",
    # A newsletter's frame around the news it carries, and its sponsor's block.
    "View this email in your browser", "View this email in a browser", "View this email online",
    "View in browser", "View it in your browser", "Forwarded this email?", "Forward this email",
    "You are receiving this email", "You received this email", "Unsubscribe", "Update your preferences",
    "Manage your subscription", "Manage preferences", "Sponsored:", "Sponsored content:",
    # A sponsored-content disclosure (Nikkei Asia: "About Sponsored Content This content was
    # commissioned by ..."), an empty comment box, a social follow prompt naming the outlet.
    "About Sponsored Content", "This content was commissioned by", "No comments yet",
    # A portal's rating widget under the text ("Total notes of this article: 0 in 0 rating",
    # "Click on stars to rate this article"), the uploader's account printed as author ("Author:
    # admin"), and a session notice ("You did not use the site, Click here to remain logged.
    # Timeout: 60 second"): labels of the CMS, never text. (Its reader box's heading, "Reader
    # Comments", is a whole line in CHROME_LINES: "Reader comments on …" may open a sentence.)
    "Total notes of this article", "Click on stars to rate", "Click on the stars to rate",
    "Author: admin", "You did not use the site",
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
    # Foreign wires' desks, printed in capitals alone above the lead as their dateline.
    "Istanbul", "Ankara", "Hong Kong", "Sydney", "Geneva", "Brussels", "Dubai", "Doha",
)

# Countries (and the like) a dateline prints after its city ("HANOI, VIETNAM —", "Nghe An,
# Vietnam –", a copy's lowercased "seoul, south korea —"): after a comma, one of these makes the
# place before it a dateline in any case, where "Hanoi, Seoul –" (two cities) stays text.
DATELINE_COUNTRIES = (
    "Vietnam", "Viet Nam", "South Korea", "Korea", "North Korea", "Japan", "China", "Taiwan",
    "Hong Kong", "Thailand", "Cambodia", "Laos", "Myanmar", "Malaysia", "Singapore", "Indonesia",
    "Philippines", "India", "Australia", "Russia", "France", "Germany", "Britain", "England",
    "United States", "U.S.", "US", "Canada", "Mongolia", "Bangladesh", "Uzbekistan", "Kazakhstan",
)
