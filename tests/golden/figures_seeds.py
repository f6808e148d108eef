"""Every figure of every seed, written by hand from reading the article text (not program output).

One dict per figure, in body order. ``text`` is the surface form as printed: hedge + amount + unit,
and for counts and ranks the counted noun up to its head ("around 10,000 Korean businesses").
``subject`` is given only where a careful reader would not hesitate; a missing key means "not
asserted". Choices a reader could make differently, and what we chose:

- bare superlatives with no printed number ("the largest investor") are not figures;
- "over the past three decades" is a duration of 30 years; "over the past" is a preposition there,
  not a hedge, so the qualifier is exact (same for "Over the past 30 years");
- "millions of Korean travellers" is vague (no value): not a figure;
- "around 100,000 of them" (seed 002) counts the Koreans of the clause before it: unit "korean";
- ordinals of events ("10th anniversary", "third consecutive ASEAN championship", "first state
  visit", "20th century"), bare years, dates, "two countries"/"both sides"/"two-tier" and the
  "four no's" policy name are not figures;
- "over five million mutual visits each year" is a yearly rate: unit "visit per year", as when
  the period follows the amount (figures/periods.py; decided 5 December against the old choice
  of "visit", which the corpus keys never followed);
- seed 002 has no publication date in its text, so nothing in it resolves a relative year (and it
  has none); its "See more" block is boilerplate removed by the cleaner: no figure from there.
"""

BILLION = 1_000_000_000.0

SEED_FIGURES: dict[str, list[dict]] = {
    # Interview, published 2025-08-08: "Last year" is 2024.
    "000_67d74b846c6c8d2b.txt": [
        {"text": "third-largest trading partner", "kind": "rank", "value": 3.0, "unit": None,
         "qualifier": "exact", "ref_year": None, "is_target": False, "subject": "trading partner"},
        {"text": "around 10,000 Korean businesses", "kind": "count", "value": 10_000.0,
         "unit": "business", "qualifier": "approx", "ref_year": None, "is_target": False,
         "subject": "Korean businesses operating in Việt Nam"},
        {"text": "over five million mutual visits", "kind": "count", "value": 5_000_000.0,
         "unit": "visit per year", "qualifier": "over", "ref_year": None, "is_target": False,
         "subject": "mutual visits"},
        {"text": "US$150 billion", "kind": "money", "value": 150 * BILLION, "unit": "USD",
         "qualifier": "exact", "ref_year": 2030, "is_target": True, "subject": "bilateral trade"},
        {"text": "three decades", "kind": "duration", "value": 30.0, "unit": "year",
         "qualifier": "exact", "ref_year": None, "is_target": False},
        {"text": "30 years", "kind": "duration", "value": 30.0, "unit": "year",
         "qualifier": "exact", "ref_year": None, "is_target": False},
        {"text": "$86.7 billion", "kind": "money", "value": 86.7 * BILLION, "unit": "USD",
         "qualifier": "exact", "ref_year": 2024, "is_target": False, "subject": "bilateral trade"},
        {"text": "$7 billion", "kind": "money", "value": 7 * BILLION, "unit": "USD",
         "qualifier": "exact", "ref_year": 2024, "is_target": False,
         "subject": "direct investment by RoK businesses in Việt Nam"},
        {"text": "more than 10,000 RoK enterprises", "kind": "count", "value": 10_000.0,
         "unit": "enterprise", "qualifier": "over", "ref_year": None, "is_target": False,
         "subject": "RoK enterprises operating in Việt Nam"},
        # "compared to 2006 ... by 2024": 2006 is the base, 2024 the (past) reference year.
        {"text": "nearly 18-fold", "kind": "multiplier", "value": 18.0, "unit": "times",
         "qualifier": "approx", "ref_year": 2024, "is_target": False, "subject": "bilateral trade"},
        {"text": "more than doubled", "kind": "multiplier", "value": 2.0, "unit": "times",
         "qualifier": "over", "ref_year": 2024, "is_target": False, "subject": "investment"},
        {"text": "around 300,000 nationals", "kind": "count", "value": 300_000.0,
         "unit": "national", "qualifier": "approx", "ref_year": None, "is_target": False,
         "subject": "nationals from each country"},
        {"text": "around 100,000 multicultural Korean–Vietnamese families", "kind": "count",
         "value": 100_000.0, "unit": "family", "qualifier": "approx", "ref_year": None,
         "is_target": False, "subject": "multicultural Korean–Vietnamese families"},
    ],
    # Feature, published 15/08/2025.
    "001_be396d5f3061c090.txt": [
        {"text": "fourth largest economy", "kind": "rank", "value": 4.0, "unit": None,
         "qualifier": "exact", "ref_year": None, "is_target": False, "subject": "economy in Asia"},
        # Elliptical: "and the tenth largest [economy] worldwide".
        {"text": "tenth largest", "kind": "rank", "value": 10.0, "unit": None,
         "qualifier": "exact", "ref_year": None, "is_target": False, "subject": "economy"},
        # Printed "Korean" (sic) as a plural noun: "over 200,000 Korean reside in Viet Nam".
        {"text": "over 200,000 Korean", "kind": "count", "value": 200_000.0, "unit": "korean",
         "qualifier": "over", "ref_year": None, "is_target": False, "subject": "Korean"},
        {"text": "4.6 million Koreans", "kind": "count", "value": 4_600_000.0, "unit": "korean",
         "qualifier": "exact", "ref_year": 2024, "is_target": False, "subject": "Koreans"},
        {"text": "more than 350,000 Vietnamese", "kind": "count", "value": 350_000.0,
         "unit": "vietnamese", "qualifier": "over", "ref_year": None, "is_target": False,
         "subject": "Vietnamese"},
        {"text": "approximately 40,000 Vietnamese brides", "kind": "count", "value": 40_000.0,
         "unit": "bride", "qualifier": "approx", "ref_year": None, "is_target": False,
         "subject": "Vietnamese brides married to Korean husbands"},
        {"text": "about 10,000 Korean companies", "kind": "count", "value": 10_000.0,
         "unit": "company", "qualifier": "approx", "ref_year": None, "is_target": False,
         "subject": "Korean companies"},
        {"text": "40 years", "kind": "duration", "value": 40.0, "unit": "year",
         "qualifier": "exact", "ref_year": None, "is_target": False, "subject": "Doi Moi"},
    ],
    # Interview report, no publication date in the text.
    "002_de927ff3a5c535e5.txt": [
        {"text": "more than 30 years", "kind": "duration", "value": 30.0, "unit": "year",
         "qualifier": "over", "ref_year": None, "is_target": False, "subject": "development"},
        {"text": "over 10,000 valid projects", "kind": "count", "value": 10_000.0,
         "unit": "project", "qualifier": "over", "ref_year": None, "is_target": False,
         "subject": "valid projects"},
        {"text": "93.7 billion USD", "kind": "money", "value": 93.7 * BILLION, "unit": "USD",
         "qualifier": "exact", "ref_year": None, "is_target": False,
         "subject": "registered capital"},
        {"text": "over 350,000 Vietnamese", "kind": "count", "value": 350_000.0,
         "unit": "vietnamese", "qualifier": "over", "ref_year": None, "is_target": False,
         "subject": "Vietnamese living in the RoK"},
        {"text": "more than 250,000 Koreans", "kind": "count", "value": 250_000.0,
         "unit": "korean", "qualifier": "over", "ref_year": None, "is_target": False,
         "subject": "Koreans in Vietnam"},
        {"text": "around 100,000", "kind": "count", "value": 100_000.0, "unit": "korean",
         "qualifier": "approx", "ref_year": None, "is_target": False},
    ],
    # News, published 2025-08-09.
    "003_07cb4f2a5708c291.txt": [
        {"text": "more than 30 years", "kind": "duration", "value": 30.0, "unit": "year",
         "qualifier": "over", "ref_year": None, "is_target": False},
        {"text": "third-biggest trading partner", "kind": "rank", "value": 3.0, "unit": None,
         "qualifier": "exact", "ref_year": None, "is_target": False, "subject": "trading partner"},
        {"text": "over 350,000 Vietnamese", "kind": "count", "value": 350_000.0,
         "unit": "vietnamese", "qualifier": "over", "ref_year": None, "is_target": False,
         "subject": "Vietnamese in the RoK"},
        {"text": "more than 200,000 Koreans", "kind": "count", "value": 200_000.0,
         "unit": "korean", "qualifier": "over", "ref_year": None, "is_target": False,
         "subject": "Koreans in Việt Nam"},
        {"text": "about 100 localities", "kind": "count", "value": 100.0, "unit": "locality",
         "qualifier": "approx", "ref_year": None, "is_target": False,
         "subject": "localities on both sides"},
    ],
    # News, published 2025-08-11.
    "004_50867dec6f891f30.txt": [
        {"text": "US$150 billion", "kind": "money", "value": 150 * BILLION, "unit": "USD",
         "qualifier": "exact", "ref_year": 2030, "is_target": True, "subject": "bilateral trade"},
        {"text": "more than 30 years", "kind": "duration", "value": 30.0, "unit": "year",
         "qualifier": "over", "ref_year": None, "is_target": False},
        {"text": "five million mutual visits", "kind": "count", "value": 5_000_000.0,
         "unit": "visit", "qualifier": "exact", "ref_year": 2024, "is_target": False,
         "subject": "mutual visits"},
        {"text": "ten cooperation documents", "kind": "count", "value": 10.0, "unit": "document",
         "qualifier": "exact", "ref_year": None, "is_target": False,
         "subject": "cooperation documents"},
    ],
}
