"""Hand-written quotation expectations for the five seeds, read off the articles themselves.

QUOTES: seed file name -> (kind, canonical speaker, the start of the quote text) for every quote a
reader finds in the clean body, in order. Decisions taken while reading (see the quotes package):
- indirect text starts after "that" ("X stressed that …"), or is the sentence before the
  attribution ("…, Nguyễn Minh Vũ told the press."), or the whole sentence for a parenthetical
  attribution ("Vietnam, he noted, is ready …");
- collective subjects ("the two leaders agreed", "They also proposed", "leaders of both sides
  expressed their pride") and "He highly appreciated Viet Nam's view …" (an attitude with a noun
  object, no reported words) are not quotes;
- 002: the lede paragraph appears twice in the raw file; cleaning keeps it once;
- 003: “state-level guest” is a scare quote inside a sentence reported "…, according to Vũ": the
  sentence is his statement, the quoted term never a quote of its own (issue 15 found it taken
  as speech; SCARE_QUOTES below holds it to that). No expectation changed for it: the sentence
  was, and is, keyed as Vũ's indirect quote.

NOT_SPEECH: seed file name -> text no quote may contain: the interview's questions and intro,
collective statements. SCARE_QUOTES: seed file name -> quoted titles and scare quotes, which no
quote text may start with (they may sit inside a reported sentence).
"""

from __future__ import annotations

LEE = "Lee Jae Myung"
TO_LAM = "Tô Lâm"
KIM = "Kim Min Seok"
VU = "Nguyễn Minh Vũ"
SON = "Bùi Thanh Sơn"
CHAE = "Chae Hwi Young"

# Seed 000 is a question-and-answer interview of the RoK president: every answer paragraph is his.
_ANSWERS_000 = (
    # Q1: significance of the state visit
    "General Secretary Tô Lâm’s visit to the RoK will be the first state visit",
    "The relationship between RoK and Việt Nam is far closer",
    "Economically, Việt Nam is RoK’s third-largest trading partner",
    "Moreover, the friendship between our peoples is deep and enduring",
    "Personally, I take pride in having contributed",
    "Upon assuming office as president, I held a phone call",
    "This upcoming state visit by the General Secretary",
    "Our ties will not remain confined to trade and investment",
    "Beyond economic cooperation, our countries are also comprehensive partners",
    "Furthermore, RoK and Việt Nam will host the APEC Summit",
    # Q2: policy priorities
    "As the global economic and trade environment becomes increasingly uncertain",
    "The economic partnership that the RoK and Việt Nam have built",
    "We will work together to achieve our shared goal",
    "As I mentioned earlier, we hope to broaden our cooperation",
    "Key sectors such as nuclear power, high-speed rail",
    "We hope to explore effective cooperation models in infrastructure",
    "People-to-people and cultural exchanges form the bedrock",
    "The two sides will also promote cooperation in tourism",
    # Q3: economic potential
    "Over the past 30 years, the RoK and Việt Nam have become",
    "Last year, bilateral trade reached $86.7 billion",
    "Việt Nam is currently the largest recipient of the RoK's investment",
    "These figures clearly demonstrate the vast potential",
    "From the RoK’s perspective, Việt Nam has all the conditions",
    "If the more than 10,000 RoK enterprises operating in Việt Nam",
    # Q4: FTAs
    "The impressive achievements shared by the RoK and Việt Nam",
    "The impact of FTAs goes further than simply boosting trade",
    "Over time, this cooperation has created a virtuous cycle",
    "That is why the VKFTA, marking its 10th anniversary",
    "I hope the economic cooperation history we have built together",
    # Q5: people-to-people; the first answer holds a question mark but ends with a statement
    "Have you ever heard Vietnamese people joke that Đà Nẵng",
    "Beyond short visits, there are now around 100,000",
    "Travellers who love both nations",
    "That’s why, at a recent cabinet meeting",
    "From my experience as Mayor of Seongnam",
    "When coach Park Hang Seo achieved outstanding results",
    "Most recently, I heard the exciting news",
)

QUOTES: dict[str, list[tuple[str, str, str]]] = {
    "000_67d74b846c6c8d2b.txt": [("interview", LEE, start) for start in _ANSWERS_000],
    "001_be396d5f3061c090.txt": [
        ("direct", KIM, "Koreans find it easier to meet each other in Viet Nam"),
        ("indirect", TO_LAM, "for a long time, the RoK has been an inspiration"),
        ("direct", TO_LAM, "Your success is the result of effective national governance"),
        ("indirect", TO_LAM, "after 40 years of Doi Moi, Viet Nam has gained"),
        ("indirect", TO_LAM, "Viet Nam is becoming a new production hub"),
        ("indirect", TO_LAM, "the top priority areas for cooperation"),
        ("indirect", CHAE, "Viet Nam–RoK relations are at an increasingly close stage"),
    ],
    "002_de927ff3a5c535e5.txt": [
        ("indirect", SON, "the visit demonstrates Vietnam’s strong resolve"),
        ("indirect", SON, "the visit provides an important opportunity"),
        ("indirect", SON, "Vietnam, he noted, is ready to work with the new RoK administration"),
        ("indirect", SON, "trade, investment, and economic ties have always been a core pillar"),
        ("indirect", SON, "with strong political will from senior leaders"),
        ("indirect", SON, "Vietnam and the RoK, he noted, share many cultural"),
        ("indirect", SON, "the two countries continue to upgrade cooperation mechanisms"),
        ("indirect", SON, "Vietnam consistently pursues an independent, self-reliant"),
    ],
    "003_07cb4f2a5708c291.txt": [
        ("indirect", VU, "The state visit to the Republic of Korea (RoK) from Sunday to Wednesday"),
        ("indirect", VU, "The fact that the RoK invited the General Secretary"),
        ("indirect", VU, "this would be an opportunity for the two sides"),
        ("indirect", VU, "In addition, it would open up new areas of cooperation"),
        ("indirect", VU, "more than 30 years after the establishment of diplomatic relations"),
        ("indirect", VU, "In politics and diplomacy, they regularly maintain delegation exchanges"),
        ("indirect", VU, "the outcomes of the top Vietnamese leader’s visit"),
    ],
    "004_50867dec6f891f30.txt": [
        ("indirect", LEE, "the RoK always considers Việt Nam a key partner"),
        ("indirect", LEE, "the visit would generate strong momentum"),
        ("indirect", LEE, "under General Secretary Lâm’s leadership"),
        ("indirect", LEE, "the RoK stands ready to accompany Việt Nam"),
        ("indirect", TO_LAM, "Việt Nam consistently values its relations with the RoK"),
        ("indirect", TO_LAM, "Việt Nam is ready to facilitate the expansion"),
        ("indirect", LEE, "Việt Nam would support Korean enterprises"),
        ("indirect", LEE, "the RoK will continue to regard Việt Nam"),
        ("indirect", TO_LAM, "the RoK share experience in developing its cultural"),
    ],
}

NOT_SPEECH: dict[str, list[str]] = {
    "000_67d74b846c6c8d2b.txt": [
        "What is the significance of the upcoming state visit",
        "What are the RoK government’s policy priorities",
        "How do you assess the potential for bilateral cooperation",
        "how can both countries leverage these frameworks",
        "what policies does your government have",
        "At the invitation of Republic of Korea",
    ],
    "001_be396d5f3061c090.txt": [
        "leaders of both sides expressed their pride",
        "Viet Nam's view of culture and arts",
    ],
    "002_de927ff3a5c535e5.txt": [
        "The two sides also agreed to position",
        "Supply chain recovery cooperation is also identified",
    ],
    "003_07cb4f2a5708c291.txt": ["This is the first state visit to the RoK by General Secretary Lâm"],
    "004_50867dec6f891f30.txt": [
        "have agreed to jointly shape",
        "to strengthen political trust and enhance strategic coordination",
        "progress in inter-Korean relations",
    ],
}

SCARE_QUOTES: dict[str, list[str]] = {
    "000_67d74b846c6c8d2b.txt": ["people’s diplomats"],
    "001_be396d5f3061c090.txt": ["Miracle on the Han River"],
    "002_de927ff3a5c535e5.txt": ["one of the most important driving forces", "four no’s"],
    "003_07cb4f2a5708c291.txt": ["state-level guest"],
    "004_50867dec6f891f30.txt": [],
}
