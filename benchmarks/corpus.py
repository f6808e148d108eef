"""A reproducible corpus of N realistic articles built from the seeds' forms.

Every article is assembled from the seeds' own paragraphs, with its numbers, people, partner
country, months and dates redrawn, under one of the header forms the seeds use (` date
YYYY-MM-DD HÀ NỘI — ...`, `by NDO dd/mm/yyyy, HH:MM`, a title and sapo then `Hanoi (VNA) -`),
with their boilerplate (photo captions printed twice, `.jpg` lines, a repeated paragraph, a
`See more` block of other stories, sign-offs). A set share of documents are:

- HTML pages (VNS-like, VNA-like and generic templates with nav, figure captions, related lists
  and a `meta article:published_time`);
- exact duplicates of an earlier article: the same bytes under another name, or with CRLF line
  ends, or a UTF-8 BOM (one article, several sources);
- near duplicates: an earlier article republished with one paragraph edited.

Document i depends only on (seed, i): generation streams to disk, holds nothing, and the same
`--seed` gives the same bytes. Usage: `python benchmarks/corpus.py OUT -n 10000 --seed 7`.
"""

from __future__ import annotations

import argparse
import functools
import html
import json
import random
import re
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FILES_PER_FOLDER = 1000
MANIFEST = ".corpus.json"  # hidden: discovery skips it

HTML_SHARE = 0.20
EXACT_SHARE = 0.05
NEAR_SHARE = 0.05
DUPLICATE_WINDOW = 400  # duplicates copy one of the previous 400 documents

# What a seed paragraph must look like to be reused as body text: prose, not a caption, a file
# name, a sign-off or a related headline.
CAPTION = re.compile(r"\((?:Photo|Photo courtesy)[^)]*\)\s*$")
HEADER = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+(?:[A-ZÀ-Ỹ][A-ZÀ-Ỹ ]+ — )?")
DATELINE_VNA = re.compile(r"^\w+ \(VNA\) - ")
SIGN_OFF = re.compile(r"\s*(?:— VNA/VNS|— VNS|— VNA|/\.)\s*$")
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")
MONTH = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
MONTHS = MONTH.pattern[3:-3].split("|")

# People in the seeds and the short forms the text uses for them, redrawn per article.
PEOPLE = (
    (("Tô Lâm", "To Lam"), ("Lâm", "Lam")),
    (("Lee Jae Myung",), ("Lee",)),
    (("Bui Thanh Son",), ("Son",)),
    (("Nguyễn Minh Vũ",), ("Vũ",)),
    (("Kim Min Seok", "Kim Min-seok"), ()),
    (("Chae Hwi Young",), ()),
    (("Park Hang Seo",), ()),
    (("Kim Sang Sik",), ()),
)
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý")
MIDDLE = ("Văn", "Thị", "Minh", "Đức", "Thanh", "Quốc", "Hữu", "Ngọc", "Xuân", "Hồng")
GIVEN = ("Hùng", "Lan", "Dũng", "Mai", "Tuấn", "Hà", "Sơn", "Phương", "Long", "Nam", "Thảo", "Quân")
KOREAN = ("Kim", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han")
KOREAN_GIVEN = ("Min Ho", "Ji Won", "Seo Yeon", "Dong Hyun", "Hye Jin", "Sung Min", "Ye Jin", "Tae Woo")
# Partner countries replacing the RoK: (full name, short form, adjective, capital).
PARTNERS = (
    ("Republic of Korea", "RoK", "Korean", "Seoul"),
    ("Japan", "Japan", "Japanese", "Tokyo"),
    ("Singapore", "Singapore", "Singaporean", "Singapore"),
    ("Australia", "Australia", "Australian", "Canberra"),
    ("France", "France", "French", "Paris"),
    ("Indonesia", "Indonesia", "Indonesian", "Jakarta"),
    ("India", "India", "Indian", "New Delhi"),
    ("Thailand", "Thailand", "Thai", "Bangkok"),
)
PLACES = ("HÀ NỘI", "HCM CITY", "ĐÀ NẴNG", "HẢI PHÒNG", "CẦN THƠ", "HUẾ")
VNA_PLACES = ("Hanoi", "Ho Chi Minh City", "Da Nang", "Hai Phong", "Can Tho")
TITLES = (
    "Việt Nam, {partner} agree to lift trade to new heights",
    "{partner} ties enter new era of strategic trust: official",
    "Party chief's visit to {partner} to boost practical cooperation",
    "New pillars and highlights of Viet Nam–{short} cooperation",
    "Vietnam seeks to deepen ties with {short}: Foreign Minister",
    "{adjective} investors eye Việt Nam's high-tech sectors",
    "Leaders pledge to expand people-to-people exchanges with {partner}",
    "Economic forum charts course for Việt Nam–{short} supply chains",
)
RELATED = (
    ("Digital economy as driver, digital society as foundation of growth: PM",
     "Prime Minister {name} addresses the National Forum on Digital Economy in Hanoi on {month} {day}. (Photo: VNA)"),
    ("Deputy FM meets {adjective} official",
     "Deputy Minister of Foreign Affairs {name} (R) meets a delegation from {partner} in Hanoi on {month} {day}. (Photo: VNA)"),
    ("PM urges industry, trade sector to pioneer in six key areas",
     "Prime Minister {name} addressing the conference of the Ministry of Industry and Trade on {month} {day} (Photo: VNA)"),
    ("Vietnam–Laos step up cooperation in procuracy sector",
     "Lao Prime Minister Sonexay Siphandone (R) hosts a reception for {name}. (Photo: VNA)"),
)
SUMMARY = (
    "{name} stressed that the sector must achieve double-digit growth, generate {number} new jobs and "
    "strengthen traditional growth drivers such as export and consumption."
)
CAPTIONS = (
    "{name} and {other} witness the exchange of cooperation documents in {capital} on {month} {day}. (Photo: VNA)",
    "Workers at a {adjective}-invested factory in Hoa Binh Industrial Park inspect yarn on a knitting machine. (Photo: VNA)",
    "{name} speaks at the {adjective}–Việt Nam business forum in {capital}. (Photo: VNA)",
    "A {adjective} performing arts troupe stages a cultural exchange performance in Da Nang. (Photo: VNA)",
)
NEAR_EDITS = (
    " Officials added that a further {number} projects were under review.",
    " The figures were updated on {month} {day}.",
    " (Updated with comments from the ministry.)",
)
CHROME = ("Share", "Print", "Email", "Like us on Facebook", "Follow us")


@dataclass(slots=True)
class CorpusInfo:
    """What was generated: counts by kind, for the manifest and the benchmark report."""

    n: int
    seed: int
    fresh_text: int = 0
    fresh_html: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    bytes: int = 0
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class Spec:
    """One article before rendering: enough to render it again with one paragraph edited."""

    form: str
    title: str
    published: datetime
    place: str
    vna_place: str
    source: str
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    related: tuple[tuple[str, str, str], ...]
    repeat: int | None  # index of a paragraph printed twice (NDO pages do this)


def seed_paragraphs() -> list[str]:
    """Prose paragraphs of the seeds, headers and sign-offs stripped."""
    found: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        text = text.split("\nSee more\n")[0]
        for block in re.split(r"\n\s*\n", text):
            block = HEADER.sub("", block.strip())
            block = DATELINE_VNA.sub("", SIGN_OFF.sub("", block)).strip()
            if "\n" in block or len(block) < 80 or CAPTION.search(block) or block.startswith("by NDO"):
                continue
            if block[-1] not in ".?!”\"":
                continue
            if block not in found:
                found.append(block)
    return found


POOL = seed_paragraphs()


def person(rng: random.Random, korean: bool) -> tuple[str, str]:
    """A full name and the short form the text uses after the first mention."""
    if korean:
        surname, given = rng.choice(KOREAN), rng.choice(KOREAN_GIVEN)
        return f"{surname} {given}", surname
    given = rng.choice(GIVEN)
    name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {given}"
    if rng.random() < 0.4:  # the ASCII spelling the English services also use
        name = name.translate(ASCII_FOLD)
        given = given.translate(ASCII_FOLD)
    return name, given


ASCII_FOLD = str.maketrans(
    "ạảãàáâậầấẩẫăắằặẳẵêềếểễệẹẻẽèéịỉĩìíọỏõòóôồốổỗộơờớởỡợụủũùúưừứửữựỳỵỷỹýđĐ",
    "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydD",
)


def vary_numbers(text: str, rng: random.Random) -> str:
    def redraw(match: re.Match[str]) -> str:
        token = match.group(1)
        if re.fullmatch(r"(19|20)\d\d", token):
            return str(rng.randint(1990, 2035))
        digits = [c for c in token if c.isdigit()]
        new = [str(rng.randint(1, 9))] + [str(rng.randint(0, 9)) for _ in digits[1:]]
        out, position = [], 0
        for char in token:
            if char.isdigit():
                out.append(new[position])
                position += 1
            else:
                out.append(char)
        return "".join(out)

    return NUMBER.sub(redraw, text)


@functools.lru_cache(maxsize=64)
def cast_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation for every name of the cast, longest first."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b")


def vary_text(text: str, rng: random.Random, cast: dict[str, str], partner: tuple[str, ...]) -> str:
    text = cast_pattern(tuple(cast)).sub(lambda m: cast[m.group(0)], text)
    full, short, adjective, capital = partner
    if full != "Republic of Korea":
        text = text.replace("Republic of Korea", full).replace("the RoK", short).replace("The RoK", short)
        text = text.replace("RoK", short)
        text = text.replace("South Korean", adjective).replace("Korean", adjective).replace("Seoul", capital)
    text = MONTH.sub(lambda m: rng.choice(MONTHS), text)
    return vary_numbers(text, rng)


def make_spec(seed: int, index: int) -> Spec:
    """The fresh article of document `index`: a function of (seed, index) only."""
    rng = random.Random(seed * 1_000_003 + index)
    partner = rng.choice(PARTNERS)
    korean = partner[0] == "Republic of Korea"
    cast: dict[str, str] = {}
    for full_forms, short_forms in PEOPLE:
        name, short = person(rng, korean and rng.random() < 0.5)
        for form in full_forms:
            cast[form] = name
        for form in short_forms:
            cast[form] = short
    count = rng.randint(6, 16)
    chosen = rng.sample(POOL, count)
    paragraphs = tuple(vary_text(p, rng, cast, partner) for p in chosen)
    published = datetime(2020, 1, 1, 6, 0) + timedelta(
        days=rng.randint(0, 6 * 365), minutes=rng.randint(0, 16 * 60)
    )
    names = list(dict.fromkeys(v for k, v in cast.items() if " " in v))
    fill = {
        "partner": partner[0], "short": partner[1], "adjective": partner[2], "capital": partner[3],
        "month": published.strftime("%B"), "day": published.day,
    }
    captions = tuple(
        rng.choice(CAPTIONS).format(name=rng.choice(names), other=rng.choice(names), **fill)
        for _ in range(rng.randint(0, 3))
    )
    related = tuple(
        (title.format(**fill), caption.format(name=person(rng, False)[0], **fill),
         SUMMARY.format(name=person(rng, False)[0], number=rng.randint(2, 900) * 1000))
        for title, caption in rng.sample(RELATED, rng.randint(2, 4))
    )
    form = rng.choices(("vns", "ndo", "vna"), weights=(5, 2, 3))[0]
    return Spec(
        form=form,
        title=rng.choice(TITLES).format(**fill),
        published=published,
        place=rng.choice(PLACES),
        vna_place=rng.choice(VNA_PLACES),
        source=rng.choice(("VNS", "VNS", "VNA/VNS")),
        paragraphs=paragraphs,
        captions=captions,
        related=related,
        repeat=rng.randrange(len(paragraphs)) if form == "ndo" and rng.random() < 0.5 else None,
    )


def render_text(spec: Spec, rng: random.Random) -> str:
    """One of the three plain-text forms of the seeds."""
    paragraphs = list(spec.paragraphs)
    if spec.form == "vns":  # seeds 000, 003, 004
        dateline = f"{spec.place} — " if rng.random() < 0.7 else ""
        paragraphs[0] = f" date {spec.published:%Y-%m-%d} {dateline}{paragraphs[0]}"
        paragraphs[-1] = f"{paragraphs[-1]} — {spec.source}"
        return "\n\n".join(paragraphs)
    blocks: list[str] = []
    figures = [_caption_block(spec, i, rng) for i in range(len(spec.captions))]
    if spec.form == "ndo":  # seed 001: byline, title, captions printed twice, a repeated paragraph
        blocks += [f"by NDO {spec.published:%d/%m/%Y, %H:%M}", spec.title]
        for i, paragraph in enumerate(paragraphs):
            blocks.append(paragraph)
            if spec.repeat == i:
                blocks.append(paragraph)
            if figures and i in (1, len(paragraphs) // 2):
                blocks.append(figures.pop())
        return "\n\n".join(blocks + figures)
    # seed 002: title, sapo, caption twice, "Hanoi (VNA) -", "/." sign-off, "See more" block
    blocks += [spec.title, paragraphs[0]]
    blocks += figures[:1]
    blocks.append(f"{spec.vna_place} (VNA) - {paragraphs[0]}")
    for i, paragraph in enumerate(paragraphs[1:], 1):
        blocks.append(paragraph + ("/." if i == len(paragraphs) - 1 else ""))
        if len(figures) > 1 and i == len(paragraphs) // 2:
            blocks.append(figures.pop())
    blocks += ["VNA", "See more"]
    for title, caption, summary in spec.related:
        blocks += [caption, title, summary]
    return "\n\n".join(blocks)


def _caption_block(spec: Spec, index: int, rng: random.Random) -> str:
    caption = spec.captions[index]
    if rng.random() < 0.5:  # a file name line above the caption (seeds 001, 002)
        slug = re.sub(r"[^a-z0-9]+", "-", caption.lower().translate(ASCII_FOLD))[:48].strip("-")
        return f"{slug}.jpg\n{caption}"
    return f"{caption}\n{caption}"


def render_html(spec: Spec, rng: random.Random) -> str:
    """A simple article page: chrome around the article, figures with captions, related list."""
    esc = html.escape
    template = rng.choices(("vns", "vna", "generic"), weights=(4, 4, 2))[0]
    published = f"{spec.published:%Y-%m-%dT%H:%M:00}+07:00"
    paragraphs = list(spec.paragraphs)
    if template == "vns":
        paragraphs[0] = f"<strong>{esc(spec.place)}</strong> — {esc(paragraphs[0])}"
        paragraphs[-1] = f"{esc(paragraphs[-1])} — {spec.source}"
        paragraphs[1:-1] = [esc(p) for p in paragraphs[1:-1]]
        site, body_open, body_close = "Việt Nam News", '<div class="detail-content" id="abody">', "</div>"
        title_tag = f"{spec.title} - Việt Nam News"
        heading = f'<h1 class="headline">{esc(spec.title)}</h1>'
    elif template == "vna":
        paragraphs = [f"<strong>{esc(spec.vna_place)} (VNA) - </strong>{esc(paragraphs[0])}"] + [
            esc(p) for p in paragraphs[1:]
        ]
        site, body_open, body_close = "Vietnam+ (VietnamPlus)", '<div class="article__body cms-body">', "</div>"
        title_tag = f"{spec.title} | Vietnam+ (VietnamPlus)"
        heading = f'<h1 class="article__title">{esc(spec.title)}</h1>'
    else:
        paragraphs = [esc(p) for p in paragraphs]
        site, body_open, body_close = "Asia Report", '<div itemprop="articleBody">', "</div>"
        title_tag = spec.title
        heading = f"<h1>{esc(spec.title)}</h1>"
    body: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        body.append(f"<p>{paragraph}</p>")
        if i < len(spec.captions) and i % 3 == 1:
            body.append(
                f'<figure class="expNoEdit"><img src="/images/{spec.published:%Y_%m_%d}/{i}.jpg" alt="">'
                f"<figcaption>{esc(spec.captions[i])}</figcaption></figure>"
            )
    related = "\n".join(
        f'<li class="story"><figure><img src="/thumb{i}.jpg" alt=""><figcaption>{esc(caption)}</figcaption>'
        f'</figure><h3><a href="/news-{i}.html">{esc(title)}</a></h3><p>{esc(summary)}</p></li>'
        for i, (title, caption, summary) in enumerate(spec.related)
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(title_tag)}</title>
<meta property="og:site_name" content="{esc(site)}">
<meta property="og:title" content="{esc(spec.title)}">
<meta property="article:published_time" content="{published}">
<script>var _gaq = _gaq || []; _gaq.push(['_trackPageview']);</script>
<style>p {{ text-align: justify; }}</style>
</head>
<body>
<nav class="menu"><ul><li><a href="/politics">Politics</a></li><li><a href="/economy">Economy</a></li><li><a href="/society">Society</a></li></ul></nav>
<div class="breadcrumb"><a href="/">Home</a> / <a href="/politics">Politics</a></div>
<main>
<article class="article">
{heading}
<div class="article__share">{" ".join(rng.sample(CHROME, 3))}</div>
{body_open}
{chr(10).join(body)}
{body_close}
<div class="article__tag tags"><span>Tags:</span> <a href="/tag/a">Diplomacy</a></div>
<section class="article__related related"><h2>See more</h2><ul>
{related}
</ul></section>
</article>
</main>
<footer>© {spec.published.year} {esc(site)}</footer>
</body>
</html>
"""


def near_variant(spec: Spec, rng: random.Random) -> Spec:
    """The same article republished with one paragraph edited."""
    paragraphs = list(spec.paragraphs)
    index = rng.randrange(len(paragraphs))
    edit = rng.choice(NEAR_EDITS).format(
        number=rng.randint(2, 99), month=rng.choice(MONTHS), day=rng.randint(1, 28)
    )
    paragraphs[index] = paragraphs[index].rstrip() + edit
    return Spec(**{name: getattr(spec, name) for name in Spec.__slots__} | {"paragraphs": tuple(paragraphs)})


def render(spec: Spec, rng: random.Random, as_html: bool) -> tuple[bytes, str]:
    if as_html:
        return render_html(spec, rng).encode("utf-8"), "html"
    return render_text(spec, rng).encode("utf-8"), "txt"


def kind_of(seed: int, index: int) -> str:
    """fresh / exact / near for document `index` (the first documents are always fresh)."""
    draw = random.Random(seed * 7_919 + index * 31 + 1).random()
    if index < 10 or draw >= EXACT_SHARE + NEAR_SHARE:
        return "fresh"
    return "exact" if draw < EXACT_SHARE else "near"


def original(seed: int, index: int) -> tuple[Spec, bytes, str]:
    """The fresh article of `index` as first published: its spec, bytes and extension."""
    spec = make_spec(seed, index)
    rng = random.Random(seed * 104_729 + index)
    as_html = rng.random() < HTML_SHARE / (1 - EXACT_SHARE - NEAR_SHARE)
    content, extension = render(spec, rng, as_html)
    return spec, content, extension


def document(seed: int, index: int) -> tuple[str, bytes, str]:
    """(kind, bytes, extension) of document `index`."""
    kind = kind_of(seed, index)
    if kind == "fresh":
        _, content, extension = original(seed, index)
        return ("html" if extension == "html" else "text"), content, extension
    rng = random.Random(seed * 15_485_863 + index)
    source = index - rng.randint(1, min(index, DUPLICATE_WINDOW))
    while kind_of(seed, source) != "fresh":
        source -= 1
    spec, content, extension = original(seed, source)
    if kind == "near":
        content, extension = render(near_variant(spec, rng), rng, extension == "html")
        return "near", content, extension
    variant = rng.choice(("same", "crlf", "bom"))
    if variant == "crlf":
        content = content.replace(b"\n", b"\r\n")
    elif variant == "bom":
        content = b"\xef\xbb\xbf" + content
    return "exact", content, extension


def build_corpus(out: Path, n: int, seed: int = 7) -> CorpusInfo:
    """Write documents 0..n-1 under `out` (folders of 1000 files) and a hidden manifest."""
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    info = CorpusInfo(n=n, seed=seed)
    for index in range(n):
        kind, content, extension = document(seed, index)
        folder = out / f"{index // FILES_PER_FOLDER:04d}"
        if index % FILES_PER_FOLDER == 0:
            folder.mkdir(exist_ok=True)
        (folder / f"{index:07d}_{kind}.{extension}").write_bytes(content)
        info.bytes += len(content)
        if kind == "text":
            info.fresh_text += 1
        elif kind == "html":
            info.fresh_html += 1
        elif kind == "exact":
            info.exact_duplicates += 1
        else:
            info.near_duplicates += 1
    info.seconds = round(time.perf_counter() - started, 2)
    (out / MANIFEST).write_text(json.dumps(asdict(info), indent=1))
    return info


def ensure_corpus(out: Path, n: int, seed: int) -> CorpusInfo:
    """Reuse a corpus already built with the same (n, seed); build it otherwise."""
    manifest = out / MANIFEST
    if manifest.exists():
        known = json.loads(manifest.read_text())
        if known.get("n") == n and known.get("seed") == seed:
            return CorpusInfo(**{name: known[name] for name in CorpusInfo.__slots__ if name in known})
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} holds something else: remove it or choose another folder")
    return build_corpus(out, n, seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder to write (must be empty or absent)")
    parser.add_argument("-n", type=int, default=1000, help="number of documents (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args(argv)
    info = ensure_corpus(args.out, args.n, args.seed)
    print(json.dumps(asdict(info)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
