"""Words shared by the figure modules: function words, month names, the word patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass


# The approximators that may stand between a word and the amount it governs ("to about 10,000",
# "with nearly 470,000"); patterns add the ones their place allows ("only", "another").
AMOUNT_HEDGES = r"about|around|some|nearly|almost|over|more[ ]than"


def alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)


# Words that end a counted noun phrase: function words, auxiliaries, and the verbs that follow
# population counts in this corpus ("350,000 Vietnamese live, study and work"), also in their
# irregular past ("9,800 Vietnamese left to work there", "about 200 Koreans came"): a demonym
# counts people with the same form as its adjective, so only the verb ends the phrase (regular
# pasts in -ed end it as participles, subjects.words_after).
STOP_WORDS = frozenset(
    {
        "of", "in", "on", "at", "to", "from", "by", "for", "with", "into", "onto", "over",
        "under", "between", "among", "across", "through", "during", "since", "until", "than",
        "as", "and", "or", "but", "nor", "while", "whereas", "that", "which", "who", "whom",
        "whose", "where", "when", "the", "a", "an", "this", "these", "those", "each", "every",
        "per", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "will",
        "would", "can", "could", "shall", "should", "may", "might", "must", "do", "does", "did",
        "live", "reside", "work", "study", "visit", "come", "go", "remain", "continue", "stay",
        "become", "make", "take", "attend", "join", "participate", "say", "it", "its", "their",
        "them", "they", "we", "our", "he", "she", "his", "her", "not", "also", "now", "still",
        "already", "respectively", "alone", "only", "just", "both", "all", "after", "before",
        "against", "within", "without", "about", "around", "like", "worldwide", "globally",
        "overall", "ever", "nationwide", "annually", "yearly", "so", "if", "then", "there",
        "here", "too", "very", "such", "because", "although", "though", "via", "toward",
        "towards", "upon", "including", "according", "compared", "more",
        "came", "went", "became", "made", "took", "left", "said", "got", "gave", "sent", "spent",
        "held", "won", "fled", "flew", "met", "paid", "saw", "told",
    }
)


DETERMINERS = frozenset(
    {"the", "a", "an", "each", "both", "all", "their", "its", "our", "his", "her", "this",
     "these", "those", "every", "some", "your", "my"}
)


# Prepositions that may start a short post-modifier of the counted noun ("operating in Việt Nam").
POSTMOD_PREPOSITIONS = frozenset({"in", "from", "on", "to", "at", "across", "of"})


# Backward noun phrases ("bilateral trade reached ...") stop at these.
CLAUSE_BOUNDARIES = frozenset(
    {
        "and", "or", "but", "while", "whereas", "that", "which", "who", "when", "where", "as",
        "if", "because", "since", "although", "though", "with", "after", "before", "than", "so",
        "then", "also", "has", "have", "had", "is", "are", "was", "were", "will", "would", "can",
        "could", "said", "says", "noted", "added", "stressed", "affirmed", "it",
        "they", "we", "he", "she", "posted", "recorded", "earned", "attracted", "generated",
        "reported", "spent", "invested", "raised", "disbursed", "pledged", "signed", "hit",
        "reached", "totalled", "totaled", "exported", "imported", "received", "worth", "valued",
        # goal verbs: "agreed to raise bilateral trade to US$20 billion" -> "bilateral trade"
        "raise", "lift", "bring", "boost", "push", "increase", "take", "grow", "elevate",
        "agreed", "aim", "aims", "aimed", "plan", "plans", "strive", "seek", "expect", "expects",
    }
)


# Words ending in -s that are never a plural noun heading a count.
NOT_PLURAL = frozenset(
    {
        "is", "was", "has", "does", "its", "this", "thus", "his", "hers", "ours", "yours",
        "theirs", "as", "us", "plus", "less", "unless", "across", "always", "perhaps", "whereas",
        "besides", "towards", "afterwards", "various", "numerous", "previous", "serious",
        "famous", "bus", "campus", "status", "bonus", "focus", "census", "consensus", "versus",
        "chaos", "gas", "yes", "sometimes", "nowadays", "overseas", "news",
    }
)


# Irregular plurals, and invariant nouns that head a count without a plural -s.
IRREGULAR_SINGULARS: dict[str, str] = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "staff": "staff",
    "personnel": "personnel", "police": "police", "cattle": "cattle", "livestock": "livestock",
    "aircraft": "aircraft", "sheep": "sheep", "fish": "fish", "youth": "youth", "crew": "crew",
    "series": "series", "species": "species", "offspring": "offspring", "lives": "life",
    # Latin plurals printed in agreements and studies: "nine Memoranda of Understanding".
    "memoranda": "memorandum", "criteria": "criterion", "curricula": "curriculum",
}


NEXT_WORD = re.compile(r"[ \t]+(?P<w>[^\W\d_](?:[\w’'‐–-]*[^\W_])?)")


WORD = re.compile(r"[^\W\d_](?:[\w’'‐–-]*[^\W_])?|[^\w\s]")


YEAR_WORD = re.compile(r"(?:19|20)\d{2}\b")


MONTH_WORD = re.compile(rf"(?:{MONTHS})\b")


@dataclass(frozen=True, slots=True)
class Span:
    """A phrase inside the body: its text and offsets."""

    text: str
    start: int
    end: int
