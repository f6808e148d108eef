"""Claims and conflicts: the same measure about the same subject, compared across articles.

Where the rules live: a figure's subject key and claim key depend on the figure alone, so they
are computed once, when the figure is staged (claim_keys.py), and stored in `figures.subject_key`
and `figures.claim_key`; the comparisons across articles are SQL in warehouse/views.sql (views
`claim_figures`, `figure_claims`, `figure_conflicts`, `figure_conflict_values`), which analysts
query with plain SQL. This module explains the rules, fills the stored keys of a warehouse
loaded before they existed (`backfill_claim_keys`, migration 008), and reads the marts into
typed records for the report.

Subject normalization, made from what the five seeds print for one population:

    001  "over 200,000 Korean reside in Viet Nam"       subject "Korean"
    002  "more than 250,000 Koreans in Vietnam"          subject "Koreans in Vietnam"
    003  "more than 200,000 Koreans in Việt Nam"         subject "Koreans in Việt Nam"

1. Fold the text: lower case, diacritics stripped (Việt Nam = Viet Nam), punctuation to spaces,
   "viet nam" -> "vietnam", "Republic of Korea"/"South Korea" -> "rok".
2. A count is keyed by who, what and where, because the extracted subject is often cut short
   ("Korean", 001) and the place comes after the figure ("... reside in Viet Nam"):
   - nationality: the counted noun itself when it is one (unit "korean"), else the first of
     korean/rok/vietnamese in the figure's text, else in its subject ("RoK enterprises" -> korean);
   - noun: the unit (already singular), through `subject_synonyms`: business = company =
     enterprise = firm (000 "Korean businesses", 001 "Korean companies", 000 "RoK enterprises");
   - place: the first "in [the] <Viet Nam|RoK|Korea>" in the subject, else in the next eight
     words of the sentence after the figure, stopping at the next number. Eight words reach
     "350,000 Vietnamese live, study, and work in RoK" (001) but not a country named in the
     next clause ("300,000 nationals from each country ..., what is ... in the RoK", 000).
   Key: "korean in vietnam", "vietnamese in rok", "korean business in vietnam", "visit".
   A count of people by nationality with no place gets no key: "4.6 million Koreans visited"
   (001) and "around 100,000 [Koreans] of them" (002) are not the population living somewhere,
   and keyed as plain "korean" they would be reported as contradicting each other.
3. Any other figure is keyed by its subject, folded, word by word made singular and mapped
   through `subject_synonyms`, articles dropped: "bilateral trade" (000, 004).
4. The claim adds the measure to the key: the kind, the currency for money (USD and VND cannot
   be compared), and for a target its year ("US$150 billion by 2030" is not the 2024 actual).
   The reference year of an actual is not part of the claim ("over five million mutual visits
   each year", 000, and "five million mutual visits recorded in 2024", 004, are one claim), but
   two actuals with different known years are never compared.

Beyond rounding: two values conflict when they differ by more than 5 % of the larger. Five per
cent is the largest error of rounding to two significant figures (10,499 -> 10,000 is 4.99 %),
so "$86.7 billion" and "$87 billion" agree, while 200,000 and 250,000 (20 %) do not. Values are
compared within a comparison set: for each year a claim states, its figures of that year plus
those that state none; a claim that states no year is one set. So a 2023 and a 2024 actual are
a series, not a conflict, while "currently over 200,000" is compared with both. A set is in
conflict when it spans two or more stories and its lowest and highest values conflict; that
needs no pairwise join, so the views stay linear in the figures on a large warehouse.
`figure_conflicts` has one row per conflicting set (lowest against highest value, each with its
sources); `figure_conflict_values` has one row per value of such a set.

Qualifiers: "over 200,000" and "more than 250,000" are both lower bounds, so both can be true;
they are still a conflict, because two reports of one population give different numbers and
an analyst must pick one. `bounds_compatible` says which kind of conflict it is: true when the
ranges the qualifiers describe have a common point (over v: (v, inf); under v: (-inf, v); exact
or approx v: v +/- 5 %), false when the statements contradict outright ("about 200,000" vs
"over 250,000").

Syndication: every copy of a story counts as its story (`story_id`, the story's canonical
article: stories.py says which copies are one story, linking.py keeps it in the warehouse), and
a source printed "VNA/VNS" (VNS carrying VNA's story, 003) has origin VNA; so the conflict lists
NDO and VNA/VNS printing 200,000 (two stories, origins NDO and VNA) against VNA printing 250,000,
and copies of one story never pile up as independent confirmations. How far a claim travelled is
said apart: `outlets` counts the printed sources that carried it (copies included), `articles`
the articles, so "3 stories, carried by 5 outlets" reads as three reports, one of them syndicated.

Known limit: a rank keeps no possessor, so "Việt Nam is RoK's third-largest trading partner"
(000) and "RoK is Việt Nam's third-biggest trading partner" (003) form one claim (they agree).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pyarrow as pa

from vnrok_etl.claim_keys import figure_keys

BACKFILL_ROWS = 100_000  # figures read, keyed and written back per round trip


@dataclass(frozen=True, slots=True)
class Claim:
    """One measure of one subject printed in two or more stories."""

    claim_key: str
    kind: str
    subject_key: str
    units: tuple[str, ...]
    stories: int  # independent reports: a syndicated copy counts as its story
    origins: int
    values: tuple[float, ...]
    sources: tuple[str, ...]
    printed_as: tuple[str, ...]
    values_agree: bool
    outlets: int = 0  # printed sources that carried the claim, copies included


@dataclass(frozen=True, slots=True)
class ConflictSide:
    """The stories that printed one of the two disagreeing values."""

    value: float
    printed_as: tuple[str, ...]
    sources: tuple[str, ...]
    origins: tuple[str, ...]
    stories: int
    outlets: int = 0  # printed sources that carried this value, copies included


@dataclass(frozen=True, slots=True)
class Conflict:
    """A claim (for one compared year) whose lowest and highest values disagree beyond rounding."""

    claim_key: str
    subject_key: str
    kind: str
    unit: str | None
    compared_year: int | None
    low: ConflictSide
    high: ConflictSide
    relative_difference: float
    bounds_compatible: bool
    distinct_values: int


def read_claims(connection: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[Claim]:
    """The claims of `figure_claims`, conflicting ones first, then those in the most stories."""
    rows = connection.execute(
        """SELECT claim_key, kind, subject_key, coalesce(units, []), stories, origins,
                  distinct_values, sources, printed_as, values_agree, outlets
           FROM figure_claims
           ORDER BY values_agree, stories DESC, claim_key
           LIMIT ?""", [limit]
    ).fetchall()
    return [
        Claim(key, kind, subject, tuple(units), stories, origins, tuple(values), tuple(sources),
              tuple(printed), bool(agree), outlets)
        for key, kind, subject, units, stories, origins, values, sources, printed, agree, outlets in rows
    ]


def read_conflicts(connection: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[Conflict]:
    """The rows of `figure_conflicts`, those with the most stories first."""
    rows = connection.execute(
        f"""SELECT {CONFLICT_COLUMNS}
           FROM figure_conflicts
           ORDER BY low_stories + high_stories DESC, claim_key, compared_year NULLS FIRST
           LIMIT ?""", [limit]
    ).fetchall()
    return [conflict_from_row(row) for row in rows]


# The columns of figure_conflicts (and of the report's filtered copy) that make a Conflict.
CONFLICT_COLUMNS = """claim_key, subject_key, kind, unit, compared_year,
                  low_value, low_printed_as, low_sources, low_origins, low_stories,
                  high_value, high_printed_as, high_sources, high_origins, high_stories,
                  relative_difference, bounds_compatible, distinct_values, low_outlets, high_outlets"""


def conflict_from_row(row: tuple) -> Conflict:
    """A Conflict from a row of CONFLICT_COLUMNS."""
    return Conflict(
        claim_key=row[0], subject_key=row[1], kind=row[2], unit=row[3], compared_year=row[4],
        low=ConflictSide(row[5], tuple(row[6]), tuple(row[7]), tuple(row[8]), row[9], row[18]),
        high=ConflictSide(row[10], tuple(row[11]), tuple(row[12]), tuple(row[13]), row[14], row[19]),
        relative_difference=float(row[15]), bounds_compatible=bool(row[16]), distinct_values=row[17],
    )


def backfill_claim_keys(connection: duckdb.DuckDBPyConnection) -> None:
    """Store the subject and claim keys of every figure (migration 008's step).

    The same function the staging runs (claim_keys.figure_keys), so a migrated warehouse holds
    the keys a fresh load of its documents would. Figures are read by ranges of rowid, so memory
    stays bounded by BACKFILL_ROWS whatever the warehouse's size.
    """
    last = connection.execute("SELECT max(rowid) FROM figures").fetchone()[0]
    if last is None:
        return
    for first in range(0, last + 1, BACKFILL_ROWS):
        rows = connection.execute(
            """SELECT figure_id, kind, unit, subject, text, sentence, ref_year, is_target FROM figures
               WHERE rowid >= ? AND rowid < ?""", [first, first + BACKFILL_ROWS]
        ).fetchall()
        keyed = [(figure_id, *figure_keys(*fields)) for figure_id, *fields in rows]
        keyed = [row for row in keyed if row[1] is not None]
        if not keyed:
            continue
        batch = pa.table({name: [row[index] for row in keyed]
                          for index, name in enumerate(("figure_id", "subject_key", "claim_key"))})
        connection.register("backfilled_keys", batch)
        connection.execute(
            """UPDATE figures SET subject_key = k.subject_key, claim_key = k.claim_key
               FROM backfilled_keys k WHERE figures.figure_id = k.figure_id"""
        )
        connection.unregister("backfilled_keys")
