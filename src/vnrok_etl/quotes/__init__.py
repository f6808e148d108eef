"""Quotations and their speakers: direct, reported and interview speech, attributed and resolved.

Hand-written because no library attributes speech in this prose offline: quote attribution and
coreference need spaCy/coreferee/fastcoref models with downloaded weights, and those would still
miss the agencies' conventions. The rules are stated for English-language news in general (issue
15, "Quotes and speakers that generalize") and each module holds one concern:

- ``cues``: the reporting verbs and phrases ("said", "told reporters", "according to", "was
  quoted as saying", ", adding that") and the patterns that place them;
- ``marks``: pairing quotation marks, curly, straight or mixed;
- ``scare``: quoted words that are not speech (terms, titles, slogans);
- ``direct``: a quotation attributed by a cue before it ("X said: “…”", "X said “…”"), after it
  ("“…,” X said", "“…” the CEO added", "“…”, said Park Noh Wan, RoK Ambassador …"), by a name
  and a colon ("Kim Soo-ah: “…”"), or by the quotation before it: resumed in the same paragraph
  after its attribution it is the same statement; opening the next paragraph it is a quote of
  its own by the same speaker;
- ``reported``: reported speech, one statement per cue: "X said (that) …" (text after the cue),
  "…, X said." / "…, said X." / "…, according to X." (text before the comma), "According to
  X, …", "Vietnam, he noted, is …" (the whole sentence), "data from X showed", and a second
  statement of the same speaker in "…, adding that …" / "…, and said …";
- ``mentions``: reading the printed subject around a cue (names, titles, appositions, roles,
  organisations, pronouns);
- ``groups``: unnamed speakers, a group or one person described with a complement ("investors
  in Binh Duong", "two people familiar with the matter", "an official at the ministry", "64% of
  the firms surveyed"): the quote keeps no speaker, never the place or employer after the head;
- ``attribution``: resolving it: a full name to its person (any nationality; the known-people
  table only helps with canonical names), a surname, role or pronoun to a person named before,
  a description to an organisation named before or as printed; an unresolved subject keeps
  ``speaker`` NULL and its printed form in ``Quote.speaker_printed``, never a guess;
- ``interviews``: question-and-answer layouts, every answer a quote of the interviewee;
- ``broadcast``: soundbites of a broadcast script, whose speaker labels cleaning removed; a
  paragraph that is only a quotation after a reported statement is that speaker's soundbite
  (extract.py);
- ``extract``: reading an article paragraph by paragraph.

``Speaker.aliases`` holds every printed name form of the person in this article, with and
without its printed title ("To Lam", "Party General Secretary To Lam"), but never a pronoun, a
bare surname or a role description: those identify the person only inside this one article.
``Speaker.title`` is the first title the article prints (the table's otherwise);
``Quote.speaker_title`` is the title printed with that mention ("Deputy PM" in seed 003, though
he is a Deputy Minister). ``cue`` is the cue as printed, lowercased ("told the press", "expressed
his belief"); None for interviews and continued quotations. A speaker is a person or an
organisation (``Speaker.kind``, ``Quote.speaker_type``), never a country, an adjective or a bare
title. Quotes inside an interview answer are not extracted again: the answer is the quote.
"""

from vnrok_etl.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
