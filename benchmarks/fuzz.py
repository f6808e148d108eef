"""Fuzz the ingest with thousands of generated bad inputs, bounded in time: nothing may be lost.

    .venv/bin/python benchmarks/fuzz.py --seconds 60 --seed 1

Inputs are generated from the seeds and the HTML fixtures (truncations, byte flips, splices,
other encodings, mixed encodings, BOMs, NUL bytes), from nothing (random binary, binary formats'
signatures, empty and whitespace files, control characters), from markup (deep nesting, unclosed
tags and comments, scripts), and at the edges of the size guards (giant lines, sparse 20-60 MB
files), plus broken links, named pipes and unreadable files. They go through the same library
path as the flow (`vnrok_etl.runner.ingest_paths`) in batches, into a temporary warehouse.

After every batch the warehouse must hold each input exactly once, as an article source or as a
rejection; the run fails (exit 1) if any input is lost or counted twice, or if a good article (a
seed with a line added, in UTF-8, with a BOM or in UTF-16) is rejected; it also reports rejections
whose reason is an internal error (a bug in a stage, kept visible as a rejection) with the file.
The same seed gives the same inputs; the time bound only decides how many batches run.
"""

from __future__ import annotations

import argparse
import codecs
import collections
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from vnrok_etl.runner import ingest_paths
from vnrok_etl.warehouse import connect

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXTS = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
HTML_PAGES = [path.read_bytes() for path in sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))]
SIGNATURES = [b"%PDF-1.", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"GIF89a", b"PK\x03\x04", b"\x1f\x8b\x08",
              b"\x7fELF", b"RIFF"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1",
             "cp1258", "windows-1250", "koi8-r"]
BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]
NUMBER = re.compile(r"(?<![\w-])\d[\d,.]*")  # counts and offsets, not "utf-16"
INTERNAL = ("internal error", "cleaning failed")

Generator = Callable[[random.Random, Path], None]


def seed_bytes(rng: random.Random) -> bytes:
    return rng.choice(SEED_TEXTS).encode("utf-8")


def any_document(rng: random.Random) -> bytes:
    return rng.choice([seed_bytes(rng), rng.choice(HTML_PAGES)])


def truncated(rng: random.Random, path: Path) -> None:
    content = any_document(rng)
    path.write_bytes(content[: rng.randrange(len(content) + 1)])


def byte_flips(rng: random.Random, path: Path) -> None:
    content = bytearray(any_document(rng))
    for _ in range(rng.choice([1, 2, 5, 20, 200])):
        content[rng.randrange(len(content))] = rng.randrange(256)
    path.write_bytes(bytes(content))


def spliced(rng: random.Random, path: Path) -> None:
    """Pieces of several documents, random bytes between: a corrupted download or a bad merge."""
    parts = []
    for _ in range(rng.randint(2, 6)):
        content = any_document(rng)
        start = rng.randrange(len(content))
        parts.append(content[start : start + rng.randint(1, 4000)])
        if rng.random() < 0.3:
            parts.append(rng.randbytes(rng.randint(1, 64)))
    path.write_bytes(b"".join(parts))


def other_encoding(rng: random.Random, path: Path) -> None:
    text = rng.choice(SEED_TEXTS)
    path.write_bytes(text.encode(rng.choice(ENCODINGS), errors="replace"))


def mixed_encodings(rng: random.Random, path: Path) -> None:
    paragraphs = rng.choice(SEED_TEXTS).split("\n\n")
    path.write_bytes(b"\n\n".join(p.encode(rng.choice(ENCODINGS), errors="replace") for p in paragraphs))


def bom_mismatch(rng: random.Random, path: Path) -> None:
    """A BOM that says one encoding in front of bytes in another."""
    text = rng.choice(SEED_TEXTS)[: rng.randint(0, 3000)]
    path.write_bytes(rng.choice(BOMS) + text.encode(rng.choice(ENCODINGS), errors="replace"))


def nul_bytes(rng: random.Random, path: Path) -> None:
    content = bytearray(seed_bytes(rng))
    for _ in range(rng.randint(1, 10)):
        content.insert(rng.randrange(len(content)), 0)
    path.write_bytes(bytes(content))


def random_binary(rng: random.Random, path: Path) -> None:
    size = rng.choice([1, 16, 512, 4096, 65536])
    content = rng.randbytes(size)
    if rng.random() < 0.5:  # half without NUL bytes, which the NUL check alone would catch
        content = content.replace(b"\x00", b"\x01")
    path.write_bytes(content)


def binary_signature(rng: random.Random, path: Path) -> None:
    path.write_bytes(rng.choice(SIGNATURES) + rng.randbytes(rng.randint(0, 2000)))


def empty_or_blank(rng: random.Random, path: Path) -> None:
    path.write_bytes(rng.choice([b"", b" ", b"\n" * 50, b" \t\r\n" * 20, b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n",
                                 "\u00a0\u2003\n".encode(), b"\x0c\x0b\n", b"\xff\xfe \x00\n\x00"]))


def control_characters(rng: random.Random, path: Path) -> None:
    text = rng.choice(SEED_TEXTS)
    path.write_bytes("".join(ch if rng.random() > 0.05 else chr(rng.randrange(1, 32)) for ch in text).encode())


def unicode_noise(rng: random.Random, path: Path) -> None:
    """Article-shaped text with arbitrary code points, quote marks and numbers mixed in."""
    words = rng.choice(SEED_TEXTS).split(" ")
    extras = ["“", "”", '"', "‘", "’", "US$", "billion", "per cent", "%", "\u200b", "\u202e", "\ufffd", "\U0001F600"]
    out = []
    for word in words:
        roll = rng.random()
        if roll < 0.1:
            out.append(rng.choice(extras))
        elif roll < 0.15:
            out.append("".join(chr(rng.randrange(0x20, 0x2FFFF)) for _ in range(rng.randint(1, 8))))
        out.append(word)
    path.write_bytes(" ".join(out).encode("utf-8", errors="replace"))


def deep_html(rng: random.Random, path: Path) -> None:
    depth = rng.choice([10, 300, 1000, 5000, 30000, 150000])
    tag = rng.choice(["div", "span", "b", "table", "p", "li"])
    closed = rng.random() < 0.5
    body = "<p>" + rng.choice(SEED_TEXTS)[:2000].replace("\n\n", "</p><p>") + "</p>"
    page = f"<html><head><title>Deep</title></head><body>{f'<{tag}>' * depth}{body}"
    path.write_text(page + (f"</{tag}>" * depth if closed else ""), encoding="utf-8")


def broken_html(rng: random.Random, path: Path) -> None:
    page = rng.choice(HTML_PAGES).decode("utf-8", errors="replace")
    cut = rng.randrange(len(page))
    insert = rng.choice(["<!--", "<script>", "<![CDATA[", "<p", "</", "<?xml", "<style>", "&#x", "<div class='",
                         "<script>document.write('<p>text</p>')", "<iframe srcdoc='<p>x</p>'>"])
    path.write_text(page[:cut] + insert + page[cut:], encoding="utf-8")


def giant_line(rng: random.Random, path: Path) -> None:
    sentence = rng.choice(["The economy grew 5 percent, he said. ", "“We will,” she said. ", "x" * 37,
                           "US$1 billion and 3 per cent. "])
    repeats = rng.choice([3_000, 60_000, 300_000])  # ~110 KB, ~2 MB, ~11 MB
    path.write_bytes(b"A headline\n\n" + sentence.encode() * repeats)


def many_tags(rng: random.Random, path: Path) -> None:
    count = rng.choice([5_000, 25_000])
    path.write_text("<html><body>" + "<p>Word after word here.</p>" * count + "</body></html>", encoding="utf-8")


def sparse_huge(rng: random.Random, path: Path) -> None:
    with open(path, "wb") as handle:
        handle.truncate(rng.choice([21, 50, 60]) * 1024 * 1024)


def broken_link(rng: random.Random, path: Path) -> None:
    path.symlink_to(path.with_name(path.name + ".missing"))


def named_pipe(rng: random.Random, path: Path) -> None:
    os.mkfifo(path)


def unreadable(rng: random.Random, path: Path) -> None:
    if os.geteuid() == 0:
        path.symlink_to("/proc/self/mem")  # root reads everything else; this fails with EIO
    else:
        path.write_bytes(seed_bytes(rng))
        path.chmod(0)


def valid_variant(rng: random.Random, path: Path) -> None:
    """A good article with its own closing line: the loads must not reject what is fine."""
    text = rng.choice(SEED_TEXTS) + f"\n\nOfficials counted {rng.randint(2, 10**6):,} visitors on day {rng.randint(1, 999)}.\n"
    path.write_bytes(text.encode(rng.choice(["utf-8", "utf-8-sig", "utf-16"])))


# (generator, weight): the cheap ones often, the costly edges of the size guards rarely.
GENERATORS: list[tuple[Generator, int]] = [
    (truncated, 12), (byte_flips, 12), (spliced, 8), (other_encoding, 8), (mixed_encodings, 8),
    (bom_mismatch, 6), (nul_bytes, 4), (random_binary, 8), (binary_signature, 4), (empty_or_blank, 4),
    (control_characters, 4), (unicode_noise, 8), (deep_html, 2), (broken_html, 8), (giant_line, 1),
    (many_tags, 1), (sparse_huge, 1), (broken_link, 1), (named_pipe, 1), (unreadable, 1), (valid_variant, 6),
]


def generate_batch(rng: random.Random, folder: Path, size: int, kinds: collections.Counter) -> int:
    folder.mkdir(parents=True)
    generators, weights = zip(*GENERATORS)
    for number in range(size):
        generator = rng.choices(generators, weights)[0]
        generator(rng, folder / f"{number:05d}_{generator.__name__}.bin")
        kinds[generator.__name__] += 1
    return size


def accounted(warehouse: Path, folder: Path) -> dict[str, int]:
    """How many times each input under `folder` appears as a source or a rejection."""
    with connect(warehouse, read_only=True) as connection:
        return dict(connection.execute(
            "SELECT uri, count(*) FROM (SELECT source_uri AS uri FROM article_sources UNION ALL"
            " SELECT source_uri FROM rejections) WHERE starts_with(uri, $prefix) GROUP BY uri",
            {"prefix": f"{folder}{os.sep}"},
        ).fetchall())


def run(seconds: float, seed: int, batch_size: int, workdir: Path) -> int:
    rng = random.Random(seed)
    warehouse = workdir / "fuzz.duckdb"
    kinds: collections.Counter[str] = collections.Counter()
    reasons: collections.Counter[str] = collections.Counter()
    stages: collections.Counter[str] = collections.Counter()
    internal: list[tuple[str, str]] = []
    good_rejected: list[tuple[str, str]] = []
    inputs = loaded = lost = duplicated = 0
    started = time.monotonic()
    batch = 0
    while time.monotonic() - started < seconds:
        folder = workdir / f"batch_{batch:03d}"
        created = generate_batch(rng, folder, batch_size, kinds)
        counts, _ = ingest_paths([str(folder)], warehouse)
        seen = accounted(warehouse, folder)
        names = {str(folder / name) for name in os.listdir(folder)}
        lost += len(names - set(seen))
        duplicated += sum(1 for uri, n in seen.items() if n != 1)
        inputs += created
        with connect(warehouse, read_only=True) as connection:
            loaded += connection.execute(
                "SELECT count(*) FROM article_sources WHERE starts_with(source_uri, $p)", {"p": f"{folder}{os.sep}"}
            ).fetchone()[0]
            for uri, stage, reason in connection.execute(
                "SELECT source_uri, stage, reason FROM rejections WHERE starts_with(source_uri, $p)",
                {"p": f"{folder}{os.sep}"},
            ).fetchall():
                reasons[NUMBER.sub("N", reason)[:90]] += 1
                stages[stage] += 1
                if reason.startswith(INTERNAL):
                    internal.append((uri, reason))
                if uri.endswith(f"_{valid_variant.__name__}.bin"):
                    good_rejected.append((uri, reason))
        batch += 1
        print(f"batch {batch}: {created} inputs, {counts.articles_new} new articles, "
              f"{counts.rejections_new} rejections, {time.monotonic() - started:.0f} s", file=sys.stderr)

    with connect(warehouse, read_only=True) as connection:
        sources, rejections = connection.execute(
            "SELECT (SELECT count(*) FROM article_sources), (SELECT count(*) FROM rejections)"
        ).fetchone()
    print(f"fuzz: seed {seed}, {time.monotonic() - started:.0f} s, {batch} batches, {inputs} inputs")
    print(f"  article sources {sources} + rejections {rejections} = {sources + rejections} (inputs {inputs})")
    print(f"  loaded {loaded}, rejected {inputs - loaded}, lost {lost}, counted twice {duplicated}")
    print("inputs by generator:")
    for kind, n in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"  {n:6d}  {kind}")
    print("rejections by stage: " + ", ".join(f"{stage} {n}" for stage, n in stages.most_common()))
    print("rejections by reason:")
    for reason, n in reasons.most_common():
        print(f"  {n:6d}  {reason}")
    if internal:
        print(f"internal errors ({len(internal)}), bugs to fix; inputs kept in {workdir}:")
        for uri, reason in internal[:20]:
            print(f"  {uri}: {reason}")
    if good_rejected:
        print(f"good articles rejected ({len(good_rejected)}):")
        for uri, reason in good_rejected[:20]:
            print(f"  {uri}: {reason}")
    ok = lost == 0 and duplicated == 0 and sources + rejections == inputs and not good_rejected
    print("result: " + ("PASS, nothing lost" if ok else "FAIL, inputs lost, counted twice or good ones rejected"))
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="stop starting new batches after this")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=250, help="inputs per ingest")
    parser.add_argument("--keep", action="store_true", help="keep the generated inputs and warehouse")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="vnrok-fuzz-"))
    try:
        status = run(args.seconds, args.seed, args.batch_size, workdir)
    finally:
        if args.keep:
            print(f"inputs and warehouse kept in {workdir}", file=sys.stderr)
        else:
            for path in workdir.rglob("*"):
                if path.is_file() and not path.is_symlink():
                    path.chmod(0o644)
            shutil.rmtree(workdir, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
