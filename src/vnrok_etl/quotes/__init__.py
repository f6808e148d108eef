"""Quotations and their speakers: direct, reported and interview speech, attributed and resolved.

Hand-written because no library attributes speech in this prose offline: quote attribution and
coreference need spaCy/coreferee/fastcoref models with downloaded weights, and those would still
miss the agencies' conventions. The conventions we follow (issue "Quotations and speakers"):

- direct: a quotation introduced by a speech cue ("humorously remarked: “…”", "stating: “…”",
  "said that “…”" when the quotation ends the sentence) or followed by one ("“…”, shared
  Han Jong-hee", "“…,” he said"). A paragraph that opens with a quotation continues the previous
  paragraph's direct quote. Any other quoted span is a title or scare quote ("four no’s",
  "Miracle on the Han River", a forum theme) and is not speech.
- indirect: a cue verb with a reported clause: "X stressed that …" (text = the clause after
  "that"), "the Deputy PM said Vietnam …", "…, Permanent Deputy Minister … Vũ told the press."
  and "…, according to Vũ." (text = the sentence before the comma), "Vietnam, he noted, is
  ready …" (text = the whole sentence, the only contiguous span holding the reported content).
  One indirect quote per sentence. A cue with a noun object ("He highly appreciated Viet Nam's
  view") reports an attitude, not words, and is skipped; so are collective subjects ("they",
  "the two leaders", "both sides"): a quote needs one person.
- interview: in a question-and-answer article (``Article.kind == "interview"``) each answer
  paragraph is one quote by the interviewee; question paragraphs (last sentence ends with "?")
  and the introduction before the first question are never answers.

Speakers are resolved through ``speakers``: full names diacritic-insensitively and through the
known-people table, surnames and role descriptions against the people named in the article, and
pronouns, "the official" and "the diplomat" to the last speaker. ``Speaker.aliases`` holds every
printed name form of the person in this article, with and without its printed title ("To Lam",
"Party General Secretary To Lam", "General Secretary Lâm"), but never a pronoun, a bare surname
or a role description: those identify the person only inside this one article.
``Speaker.title`` is the first title the article prints for the person (the table's otherwise);
``Quote.speaker_title`` is the title printed with that mention ("Deputy PM" in seed 003, though
he is a Deputy Minister), or the speaker's title for pronouns and "the official". ``cue`` is the
cue as printed, lowercased ("told the press", "expressed his belief"); None for interviews.
Quotes inside an interview answer are not extracted again: the answer is already the quote.
"""

from vnrok_etl.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
