"""Photo captions and credits, in the forms the outlets print them.

A caption is recognised by its credit, never by its content alone: a bracketed credit ("(Photo:
VNA)", "(Yonhap)", "(Kim Min-ho/The Korea Herald)", "[NEWS1]"), a credit after the last sentence
("... Photo: Ngoc Phuong / Tuoi Tre", "./ Korea Times photo by X", ". Newsis", ". Source: VGP"),
the image's alt text before it ("<headline> ảnh 1<caption>"), who stands where ("(R)", "(second
from left)"), or a portrait's name and title alone. A line that reports speech ("said", "told")
is text whatever closes it: a wire story's "... the ministry said. (Yonhap)" is a sign-off.
A caption glued to the next sentence ("...(Photo: VNA)Seoul (VNA) –") is split off first.
"""

from __future__ import annotations

import re

from vnrok_etl.clean.common import AGENCY, Draft, by_last_character, words_up_to
from vnrok_etl.profiles import MASTHEADS, PHOTO_AGENCIES

# Seeds 001, 002: "vna-potal-ong-bi-thu-...jpg" alone on a line, the caption on the next one.
IMAGE_FILENAME = re.compile(r"^[^\s/]*(?:/[^\s/]+)*\.(?:jpe?g|png|gif|webp|bmp|tiff?|avif)$", re.I)

# Seeds 001, 002: a caption ends with its credit: "(Photo: VNA)", "(Photo courtesy of the
# Vietnamese Embassy in Brazil)", "(VNA Photo)"; also "– Photo: VNA" without brackets and the VNS
# forms "— VNA/VNS Photo" and "... talks. VNA/VNS Photo Thống Nhất" (photographer's name last),
# and a credit cut after "(Photo:".
CAPTION = re.compile(
    rf"(?:\((?:(?:file\s+)?(?:photos?|ảnh|image|illustrative\s+photo)\s*(?::|courtesy\b)[^()]*"
    rf"|(?:{AGENCY})\s+(?:file\s+)?photos?|photos?\s+(?:{AGENCY}))\)"
    rf"|(?:^|\s[—–-]\s*)photos?\s*:\s*[^\s.][^.()]{{0,60}}"
    rf"|(?:\s[—–-]\s*|[.!?]\s+)(?:{AGENCY})\s+(?:file\s+)?photos?"
    rf"(?:\s+[^\W\d_][^.()]{{0,40}})?"
    # A credit cut after its label ("... at the dialogue. (Photo:"): the page or its printing
    # lost the name; the opened bracket still closes a caption.
    rf"|(?<=[.!?])\s+\((?:photos?|ảnh|image)\s*:)\s*\.?$",
    re.IGNORECASE,
)

# A photo credit alone on its line, under the caption it belongs to.
CREDIT_ONLY = re.compile(r"^\(?photos?\s*:\s*[^()]{1,60}\)?\.?$", re.IGNORECASE)

# CAPTION needs one of these words (case-insensitive): "mage" for "image", whose "i" also matches
# "İ" and "ı" under re.IGNORECASE, which str.lower() does not turn into "i" (checked for every
# character: no other letter of these words has such a match).
CAPTION_WORDS = ("photo", "mage", "ảnh")


def caption_match(line: str) -> re.Match[str] | None:
    lowered = line.lower()
    photo, image, anh = CAPTION_WORDS
    if photo in lowered or image in lowered or anh in lowered:
        return CAPTION.search(line)
    return None


# A caption closed by a credit in brackets after its last sentence: "(Yonhap)", "(Kim Do-yeon/The
# Korea Herald)", "(Busan Medical Foundation)": capitalised words, maybe "Name/Outlet". A wire
# story's own sign-off has the same form ("... the ministry said. (Yonhap)"), so a line that
# reports speech is not taken for a caption (see `credit_caption`).
PAREN_CREDIT = re.compile(
    r"[.!?]['\"”’]?\s*\((?P<credit>[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,5}"
    r"(?:\s*/\s*[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,5})?)\)\s*$"
)
# A credit without brackets after the caption's last sentence: ". Photo: Ngoc Phuong / Tuoi Tre",
# "./ Korea Times photo by Shim Hyun-chul", ". Photo courtesy of KOTRA", ". Courtesy of X",
# ". Pool Photo via AP Tran Vinh" (a pool photo handed out by an agency), ". File photo: Reuters"
# (an archive picture's credit),
# ". Newsis" (a photo agency's name alone), ". Photo: T.H." (the photographer's initials),
# ". Shin Hye-won/Korea Times" (a photographer and the outlet: a known masthead or photo agency
# after the slash), or after a pipe, " | Photo credits: VnExpress" (a theme's featured image).
CREDIT_OUTLETS = "|".join(re.escape(name) for name in sorted((*PHOTO_AGENCIES, *MASTHEADS), key=len, reverse=True))
TAIL_CREDIT = re.compile(
    r"(?:[.!?]['\"”’]?\s*/?|\s\|)\s*(?:(?:[A-Z][\w.]*\s+){0,3}(?i:photo)\s+(?i:by|via|courtesy\s+of)\s+[^.]{2,60}"
    r"|(?i:photos?|source)\s*:\s*(?:[A-ZĐ]\.\s?){1,3}"
    r"|(?i:(?:file\s+)?photos?|source|(?:photo|image)\s+credits?)\s*:\s*[^.]{2,60}|(?i:courtesy\s+of)\s+[^.]{2,60}"
    rf"|[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){{0,3}}\s?/\s?(?:{CREDIT_OUTLETS})"
    rf"|(?:{'|'.join(re.escape(name) for name in PHOTO_AGENCIES)}))\.?\s*$"
)
# Reported speech: a line that says who said what is article text, whatever closes it.
REPORTED_SPEECH = re.compile(r"\b(?:said|says|told|according to|stressed|noted|added)\b")
MAX_CREDIT_CAPTION_WORDS = 70
# A credit closes its caption: only the line's last characters are looked at first.
CREDIT_TAIL_CHARS = 90
TAIL_CREDIT_ENDINGS = (*PHOTO_AGENCIES, *MASTHEADS)
# Speed: a line is compared with the names that end with its last character only.
TAIL_CREDIT_ENDINGS_BY_LAST = by_last_character(TAIL_CREDIT_ENDINGS)
CREDIT_JOINERS = frozenset(("of", "the", "and", "for", "de", "van", "in", "&"))
# "<headline> ảnh 1<caption>", "<headline> hinh anh 2<caption>", "<headline> - ảnh 1 <caption>":
# the image's alt text (the headline and a number) printed before its caption.
ALT_TEXT = re.compile(r"\s*(?:-\s*)?(?:ảnh|hinh anh|hình ảnh)\s+\d{1,2}(?![\d,])\.?\s*", re.IGNORECASE)
ALT_TEXT_CORE = re.compile(r"[nN][hH]\s+\d")  # a necessary condition for ALT_TEXT
# A caption whose credit is glued to the next sentence: "... in Hanoi (Photo: VNA)Seoul (VNA) – ",
# "... Airport. Photo: Ngoc An / Tuoi TreThe new services ...": the caption ends where a
# lower-case letter or the bracket meets a capital with no space between.
GLUED_CAPTION = re.compile(
    r"^(?P<caption>.{8,400}?(?:\((?i:photos?|ảnh|source|file photo)\s*:[^()]{1,80}\)"
    r"|[.!?]\s+(?i:photos?)\s*(?::|(?i:by))\s*[^.()]{1,50}[a-z]))(?=[A-Z\"“‘])"
)
# A necessary condition for GLUED_CAPTION's second form ("photo by", no colon); "by" is (?i:by):
# its four spellings, found with `in` (a [bB][yY] search tried every position, 2.8 µs a line).
BY_FORMS = ("by", "By", "bY", "BY")


def credit_caption(line: str) -> bool:
    """A caption closed by a credit, bracketed or not, that reports no speech."""
    end = line[-CREDIT_TAIL_CHARS:]
    last = end.rstrip(".")
    if not (end.endswith(")") or last.endswith(TAIL_CREDIT_ENDINGS_BY_LAST.get(last[-1:], ())) or "hoto" in end or "HOTO" in end
            or "ourtesy" in end or "ource:" in end or "redit" in end):
        return False
    match = PAREN_CREDIT.search(line)
    if match is not None and not _is_credit(match.group("credit")):
        match = None
    match = match or TAIL_CREDIT.search(line)
    return bool(
        match
        and len(line.split()) <= MAX_CREDIT_CAPTION_WORDS
        and not REPORTED_SPEECH.search(line[: match.start()])
    )


def _is_credit(credit: str) -> bool:
    """A name: every word capitalised but a few joining words, no sentence inside."""
    if credit.endswith("."):
        return False
    return all(word[:1].isupper() or word in CREDIT_JOINERS for word in credit.replace("/", " ").split())


def split_alt_text(line: str) -> tuple[str, str] | None:
    """(the headline copy before the alt text, the caption after it), or None."""
    if "nh" not in line and "NH" not in line:
        return None  # a cheap necessary condition: "ảnh", "hình ảnh", "hinh anh", "Hinh Anh"
    # Speed: every ALT_TEXT match holds "nh" (any case: under re.IGNORECASE "n" and "h" match
    # only n/N and h/H), whitespace and a digit; ALT_TEXT_CORE finds that without trying the
    # leading \s* at every position (10x faster on lines with Vietnamese names).
    if not ALT_TEXT_CORE.search(line):
        return None
    match = ALT_TEXT.search(line)
    if match is None or match.start() == 0:
        return None
    return line[: match.start()].strip(), line[match.end():].strip()


# "[PARK SEO-YUN]", "[NEWS1]", "[YONHAP]": a photo credit in brackets, in capitals; and a
# labelled one, the photo's or image's source named after "=", ":", "by", "provided by" or
# "courtesy of" ("[Image source=Yonhap News]", "[Photo by Lotte Chilsung Beverage Co.]",
# "[Photo provided by KOTRA]", "[Photo=Yonhap]"): Korean outlets' English editions print it at
# the end of the caption or alone on the caption's line.
BRACKET_CREDIT = re.compile(
    r"\[(?:[A-Z][A-Z0-9 .'’-]{1,30}"
    r"|(?i:(?:photos?|images?)(?:\s+(?:source|credit))?\s*(?:=|:|by\b|provided\s+by\b|courtesy\s+of\b))"
    r"\s*[^\[\]\n]{1,60})\]$"
)
# A stock caption with no content but the photo's kind: "Illustration photo", "Photo for
# illustration", "Illustrative image", "File photo"; and a photographer's credit "Photos = X".
STOCK_CAPTION = re.compile(
    r"^(?:illustration\s+photo|illustrative\s+(?:photo|image)|photo\s+for\s+illustration|file\s+photo"
    r"|photos?\s*=\s*.{2,40}"
    # "Overview of the meeting.", "A view of the ceremony": a wide shot's caption names only the event.
    r"|(?:an?\s+)?(?:overview|general\s+view|view|panorama|scene)\s+(?:of|at)\s+the\s+(?:[\w'’-]+\s+){0,3}"
    r"(?:meeting|conference|congress|ceremony|event|forum|seminar|workshop|talks|session|reception|signing"
    r"|exhibition|festival|dialogue|summit|launch|opening|gala|fair|programme|program))\.?$",
    re.IGNORECASE,
)
# An image file's name with spaces in it ("dong nai 2.jpg"): a short line ending in an extension.
SPACED_IMAGE_NAME = re.compile(r"^[\w .()-]{1,60}\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE)
# Speed: STOCK_CAPTION's first letters (re.IGNORECASE reads "İ" and "ı" as "i", "ſ" as "s"), and
# the longest line SPACED_IMAGE_NAME matches (60 characters, the dot, "jpeg", a final newline "$"
# allows). A new form of STOCK_CAPTION adds its first letters here (the test sweeps every opener).
STOCK_CAPTION_FIRST = "iIİıpPfFaAoOgGvVsSſ"
MAX_SPACED_IMAGE_NAME_CHARS = 66


def stock_caption(line: str) -> bool:
    """A caption by its form alone: a bracketed capital credit, a stock caption, an image name."""
    if line.endswith("]") and BRACKET_CREDIT.search(line):
        # a caption's length; a longer text closed by a credit is a photo story (inline.py)
        return len(line.split()) <= MAX_BRACKET_CAPTION_WORDS
    return bool(
        (line[:1] in STOCK_CAPTION_FIRST and STOCK_CAPTION.match(line))
        or (len(line) <= MAX_SPACED_IMAGE_NAME_CHARS and SPACED_IMAGE_NAME.match(line))
    )


def split_glued_caption(line: str) -> tuple[str, str] | None:
    """(caption, the text glued after it), or None."""
    if "hoto" not in line and "nh" not in line and "ource:" not in line and "ource :" not in line:
        return None
    # Speed: GLUED_CAPTION's credit holds a ":" or "photo by" (any case); lines with Vietnamese
    # names pass the test above, and its lazy ".{8,400}?" tries every length of them.
    colon = ":" in line
    if not (colon and "(" in line):  # the bracketed credit needs both; else "photo: X" or "photo by X"
        if not (colon or any(map(line.__contains__, BY_FORMS))) or "photo" not in line.lower():
            return None
    match = GLUED_CAPTION.match(line)
    if match is None:
        return None
    return match.group("caption").strip(), line[match.end():].strip()


# Who stands where in the photo: "(R)", "(left)", "(second from left)": only captions say it.
POSITION_MARKER = re.compile(
    r"\((?:L|R|C|l|r|left|right|cent(?:re|er)|front|middle|(?:first|second|third|fourth)\s+from\s+(?:left|right)"
    r"|from\s+left|from\s+right|L-R|R-L)\)"
)
MAX_POSITION_CAPTION_WORDS = 45
MAX_BRACKET_CAPTION_WORDS = 40


def position_caption(line: str) -> bool:
    """A line that places people in a photo ("X (R) and Y at the ceremony") and reports no speech."""
    if "(" not in line:
        return False
    match = POSITION_MARKER.search(line)
    return bool(
        match
        and len(line.split()) <= MAX_POSITION_CAPTION_WORDS
        and not REPORTED_SPEECH.search(line)
    )


# A portrait's caption: a name, a comma and the person's title, nothing else ("Cho Min-jae, chief
# representative of KEXIM in Hanoi"). Prose never stops at a title without its verb.
PORTRAIT_CAPTION = re.compile(
    r"^[A-ZÀ-ỸĐ][\w'’-]*(?:\s+[A-ZÀ-ỸĐ][\w'’-]*){1,3},\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}"
    r"(?:director|representative|president|chairman|chairwoman|chair|minister|ambassador|CEO|head|"
    r"chief|secretary|governor|mayor|professor|founder|manager|consul|counsellor|dean|principal|"
    r"rector|commander|spokesperson|spokesman|spokeswoman|editor|officer)\b[^.!?;:]{0,100}$"
)
MAX_PORTRAIT_CAPTION_WORDS = 20
PORTRAIT_NOT_LAST = frozenset(".!?;:")  # what PORTRAIT_CAPTION's last characters exclude


def portrait_caption(line: str) -> bool:
    # Speed: PORTRAIT_CAPTION ends with a title word or characters other than PORTRAIT_NOT_LAST:
    # a line closed by one of them (a sentence) is not split into words.
    if "," not in line or line[-1:] in PORTRAIT_NOT_LAST:
        return False
    if words_up_to(line, MAX_PORTRAIT_CAPTION_WORDS) > MAX_PORTRAIT_CAPTION_WORDS:
        return False
    return bool(PORTRAIT_CAPTION.match(line))


# A scene caption printed with no credit and no position marker: one sentence that says who does
# what in the photo, in the present tense that captions use for a past event ("The delegation
# visits the control center in Suwon.", "Teachers from Vietnam pose at the institute in Seoul on
# July 25 after ...", "Chae Su-hee, director general of ..., on April 30 delivers a speech at
# ..."). News prose tells the same event in the past tense ("visited", "posed"); a present-tense
# sentence in prose says what is habitual or scheduled ("visits Busan every year", "arrives next
# week"), or continues in the next paragraph ("It will ...", "They ..."). So a scene caption is:
# a capitalised subject (a name, a noun phrase, maybe an appositive between commas or "on <date>";
# no pronoun, no clause), then one of the verbs of what a photo shows, in the present tense,
# then the scene, one sentence closed by a full stop; no quotation, no reported speech, no time
# word of habit or future. Where it stands is checked by the caller (alone between paragraphs,
# or between the header and the lead).
SCENE_VERBS = (
    "pose", "attend", "visit", "arrive", "write", "shake", "receive", "present", "watch",
    "perform", "speak", "deliver", "address", "meet", "sign", "tour", "inspect", "greet", "cut",
    "join", "celebrate", "listen", "learn", "practise", "practice", "play", "wave", "chat",
    "demonstrate", "introduce", "sing", "dance", "welcome", "lay", "hand", "pay", "taste",
    "prepare", "cook", "participate", "take", "try", "explain", "discuss", "applaud",
    "congratulate", "chair", "repeat", "rehearse", "queue", "wait", "stand", "walk", "work",
    "read", "study", "check",
)
_VERB_FORMS = sorted(
    {form for verb in SCENE_VERBS for form in (verb, verb + ("es" if verb.endswith(("sh", "ch", "ss")) else "s"))}
    | {"tries"},
    key=len,
    reverse=True,
)
SCENE_VERB_FORMS = frozenset(_VERB_FORMS)
SCENE_CAPTION = re.compile(
    r"^(?P<subject>[A-ZÀ-ỸĐ][^.!?;:\"“”]{1,160}?)\s+"
    rf"(?P<verb>{'|'.join(_VERB_FORMS)})\b"
    r"(?P<scene>[^!?;:\"“”]{3,240})\.$"
)
# Words that make the subject a clause or the sentence prose, never a caption's noun phrase: a
# pronoun or a preposition opening it ("At a roundtable held Monday, executives ..."), a verb
# or a conjunction inside it, or a verb that the "verb" only completes ("agreed to hold", "also
# hold").
NOT_SCENE_SUBJECT = re.compile(
    r"^(?:he|she|they|it|we|i|you|this|these|those|there|every|each|visitors|people|at|in|on|"
    r"during|after|before|with|for|from|by|as|while|when|since|under|over|among|to)\b"
    r"|\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|"
    r"must|did|does|do|said|says|who|which|that|if|when|while|because)\b"
    r"|\b(?:to|also|not|then|still|(?-i:[a-z]+ly)|the|a|an|of|in|at|on|for|with|after|before|during|"
    r"between|by|and|or|his|her|their|its|our|my|your|summit|peace|trade|state|official)$",
    re.IGNORECASE,
)
# A verb in the past tense ("Prime Minister Seo arrived in Hanoi for a visit expected to ...",
# "Moon made the remark after summit talks", "... the two leaders witnessed the exchange"):
# the sentence tells the event as prose does, and the "verb" found is a noun.
PAST_VERB = re.compile(
    r"\b(?:[a-z]{3,}ed\s+(?:in|on|at|to|the|a|an|for|with|from|by|that|his|her|their)"
    r"|came|made|took|met|held|gave|went|saw|told|got|brought|began|led|left|won|sent|spent|built|"
    r"paid|found|became|sat|stood|ran|wrote|spoke|chose|grew|knew|drew|felt|kept|lost|thought|"
    r"bought|taught|heard|did|had|was|were)\b"
)
# After the verb a caption may hold a participle ("a festival hosted by the city", "the talks held
# in Seoul"), never a verb of its own ("... the two leaders witnessed the exchange").
PAST_VERB_AFTER = re.compile(
    r"\b(?:[a-z]{3,}ed\s+(?:the|a|an|that|his|her|their|its)"
    r"|came|went|saw|told|got|began|became|ran|wrote|spoke|chose|grew|knew|drew|did|had|was|were)\b"
)
# "HANOI -- ", "SEOUL — ": a dateline opens a lead, never a caption.
DASH_IN_SUBJECT = re.compile(r"\s(?:--?|[—–])\s")
# "The Hanoi Times talks with X about Y": the outlet introducing its interview, not a photo.
OUTLET_NAMES = frozenset(name.casefold() for name in MASTHEADS)
# An auxiliary after the "verb" shows it was a noun ("The 1,500-megawatt plant is being ...").
SCENE_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had)\b", re.IGNORECASE)
# Time words of habit or future: a present-tense sentence with one of these is prose.
HABIT_OR_FUTURE = re.compile(
    r"\b(?:every|each|usually|often|always|never|annually|regularly|daily|weekly|monthly|yearly|"
    r"next|tomorrow|until|till|later|soon|will|would|from\s+\w+\s+to|a\s+(?:day|week|month|year))\b",
    re.IGNORECASE,
)
MAX_SCENE_CAPTION_WORDS = 35
MAX_SCENE_CAPTION_CHARS = 250
# "... in Suwon. The visit ...": a second sentence inside the line (not "Sept. 28", "Dr. Kim").
TWO_SENTENCES = re.compile(r"[a-z]{3}\. [A-Z]")
MAX_SCENE_SUBJECT_WORDS = 18
# A paragraph that continues the one before it opens with a pronoun or a connective.
CONTINUATION = re.compile(
    r"^(?:he|she|they|it|its|their|his|her|this|these|those|there|then|but|and|so|also|however|"
    r"meanwhile|later|afterwards|after\s+that|here|such)\b",
    re.IGNORECASE,
)


def scene_caption(line: str) -> bool:
    """One present-tense sentence that describes a photo's scene (see SCENE_CAPTION's comment)."""
    if not line.endswith(".") or len(line) > MAX_SCENE_CAPTION_CHARS:
        return False
    # Speed: the verb stands as a word (a comma after it at most): one set test rules out
    # nearly every sentence before any pattern is tried.
    if SCENE_VERB_FORMS.isdisjoint(line.replace(",", " ").split()) or TWO_SENTENCES.search(line):
        return False
    if len(line.split()) > MAX_SCENE_CAPTION_WORDS:
        return False
    match = SCENE_CAPTION.match(line)
    if match is None:
        return False
    subject = match.group("subject")
    return (
        len(subject.split()) <= MAX_SCENE_SUBJECT_WORDS
        and not NOT_SCENE_SUBJECT.search(subject)
        and not PAST_VERB.search(subject)
        and not DASH_IN_SUBJECT.search(subject)
        and subject.casefold() not in OUTLET_NAMES
        and not HABIT_OR_FUTURE.search(match.group("scene"))
        and not SCENE_AUXILIARY.search(match.group("scene"))
        and not PAST_VERB_AFTER.search(match.group("scene"))
        and not REPORTED_SPEECH.search(line)
    )


def continues(paragraph: str) -> bool:
    """The paragraph picks up the one before it (a pronoun or a connective opens it)."""
    return bool(CONTINUATION.match(paragraph))


# "Tourists on a beach in Nha Trang (Photo:" / "VNA)": a caption whose bracketed credit is
# hard-wrapped onto the next line; the bracket's close ends the caption.
OPEN_CREDIT = re.compile(r"\((?i:photos?|ảnh|image|source|credit)\s*:?[^()]{0,40}$")
CLOSE_CREDIT = re.compile(r"^[^()]{1,40}\)\.?$")


def split_wrapped_credits(blocks: list[list[str]]) -> list[list[str]]:
    """A caption whose bracketed credit wraps onto the next line ("... Nha Trang (Photo:" then
    "VNA)") is one line, and the caption ends its block: the lines after it (a paragraph glued
    under it without a blank line) are the next block. Blocks without such a line are returned
    as they are."""
    result: list[list[str]] | None = None
    for position, block in enumerate(blocks):
        for index in range(len(block) - 1):
            line = block[index]
            if line.rfind("(") <= line.rfind(")"):  # Speed: no bracket left open on the line
                continue
            if OPEN_CREDIT.search(line) and CLOSE_CREDIT.match(block[index + 1]):
                if result is None:
                    result = [list(kept) for kept in blocks[:position]]
                caption = f"{line} {block[index + 1]}"
                head, tail = block[:index], block[index + 2:]
                result.extend(part for part in (head, [caption], tail) if part)
                break
        else:
            if result is not None:
                result.append(block)
    return blocks if result is None else result


# "Korean Consul General Shin Choon-il.", "Deputy Minister of Industry Tran Van Nam": a portrait's
# caption printed as the person's title and name alone, as a paragraph of its own between two
# paragraphs. Every word capitalised (or a joiner: "of", "and"), a title word among them, a name
# of two to four words at the end, no verb: prose never stops at a title and a name. (A sentence
# written in Title Case, "The Minister Will Visit Seoul.", has the same shape; body prose is not
# written so.)
PERSON_TITLES = frozenset(
    "consul general minister ambassador president chairman chairwoman chairperson director ceo "
    "governor mayor professor secretary deputy vice chief head representative founder "
    "spokesperson spokesman spokeswoman commander envoy premier".split()
)
MIN_TITLED_NAME_WORDS = 3
MAX_TITLED_NAME_WORDS = 10
TITLED_NAME_CHARS = 120
MAX_NAME_AFTER_TITLE_WORDS = 5  # a name of up to four words, maybe after the title's last word


def titled_name_caption(paragraph: str) -> bool:
    """A paragraph that is only a title and a person's name (see PERSON_TITLES)."""
    if len(paragraph) > TITLED_NAME_CHARS or any(mark in paragraph for mark in ",;:!?\"“”()"):
        return False
    words = paragraph.rstrip(".").split()
    if not MIN_TITLED_NAME_WORDS <= len(words) <= MAX_TITLED_NAME_WORDS or "." in " ".join(words):
        return False
    if not all(word[:1].isupper() or word in CREDIT_JOINERS for word in words):
        return False
    titles = [index for index, word in enumerate(words) if word.casefold() in PERSON_TITLES]
    if not titles:
        return False
    # The name follows the last title word or the last joiner of the title ("of Industry"): the
    # title's own words may stand before it ("Minister of Industry Tran Van Nam").
    last = max([titles[-1]] + [index for index, word in enumerate(words) if word in CREDIT_JOINERS])
    name = words[last + 1:]
    return 2 <= len(name) <= MAX_NAME_AFTER_TITLE_WORDS


# "(AFP files) In a file picture taken on ...", "(Reuters file photo) Workers ...", "(Yonhap
# photo) ...": a wire photo's credit in brackets opening its caption between two paragraphs.
FILE_PICTURE = re.compile(
    r"^\((?:[A-Z][\w.&'’/-]{1,20}(?:\s[A-Z][\w.&'’/-]{1,20})?\s+)?(?i:files?|file\s+(?:photo|picture|image)|photo|picture|handout)\)\s+[A-Z]"
)
MAX_FILE_PICTURE_WORDS = 60


def take_titled_name_captions(paragraphs: list[str], draft: Draft) -> list[str]:
    """Portrait captions of the titled-name form standing between two paragraphs go to the
    captions (the first and last paragraphs are never taken: a lead or a sign-off stays)."""
    if len(paragraphs) < 3:
        return paragraphs
    kept = [paragraphs[0]]
    for paragraph in paragraphs[1:-1]:
        if len(paragraph) <= TITLED_NAME_CHARS and titled_name_caption(paragraph):
            draft.add_caption(paragraph)
            continue
        if paragraph[:1] == "(" and FILE_PICTURE.match(paragraph) and len(paragraph.split()) <= MAX_FILE_PICTURE_WORDS:
            draft.add_caption(paragraph)
            continue
        kept.append(paragraph)
    kept.append(paragraphs[-1])
    return kept
