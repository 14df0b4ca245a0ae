"""Import throughput and memory: documents per second end to end into SQLite, and RSS over a long batch.

    .venv/bin/python tests/bench/import_speed.py [--documents 10000] [--words 1000] [--jobs 2]

Builds a corpus of distinct ~1,000-word documents from the fixture and test documents (names, numbers and
paragraph order varied so no two share a content hash), imports it into a fresh SQLite database with
the real importer, and prints the rate and the resident memory every 10% of the way.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SURNAMES = ["Petrova", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kovalenko", "Haddad", "Silva", "Novak", "Brennan"]
FIRST = ["Anna", "Marek", "Leila", "Tomas", "Chiara", "Ivan", "Grace", "Omar", "Sofia", "Pieter"]


def _rss(pid: int | str) -> int:
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def rss_mib() -> tuple[float, list[float]]:
    """Resident memory of this process, and of each of its worker processes."""
    workers = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == os.getpid():
                        workers.append(_rss(entry) / 2**20)
            except (OSError, ValueError, IndexError):
                continue
    return _rss("self") / 2**20, sorted(workers)


def _workers(sizes: list[float]) -> str:
    return " ".join(f"{w:.0f}" for w in sizes) or "-"


def extraction_profile(texts: list[str]) -> None:
    """Per-document extraction time in this process, and the share the model takes."""
    from articles.extract import extract, ner
    from articles.extract import entities

    ner.warm()
    in_model = 0.0
    find_names = entities.ner.find_names

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal in_model
        t = time.perf_counter()
        try:
            return find_names(*args, **kwargs)
        finally:
            in_model += time.perf_counter() - t

    entities.ner.find_names = timed  # type: ignore[assignment]
    times = []
    try:
        for text in texts:
            t = time.perf_counter()
            extract(text)
            times.append(time.perf_counter() - t)
    finally:
        entities.ner.find_names = find_names  # type: ignore[assignment]
    times.sort()
    total = sum(times)
    print(
        f"extraction of {len(texts)} documents in one process: median {times[len(times) // 2] * 1000:.1f} ms,"
        f" p95 {times[int(len(times) * 0.95)] * 1000:.1f} ms per document;"
        f" the model {in_model / total:.0%} of it, the rules and cleaning {1 - in_model / total:.0%}"
    )


def corpus_sources() -> list[tuple[str, str]]:
    """(text, headline) of every annotated document."""
    sources = []
    for folder in (ROOT / "fixtures" / "documents", ROOT / "tests" / "documents"):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        sources += [(p.read_text(encoding="utf-8"), expected[p.name]["title"]) for p in sorted(folder.glob("*.txt"))]
    return sources


def make_document(n: int, sources: list[tuple[str, str]], words: int, rng: random.Random) -> str:
    """A plausible scraped article of about ``words`` words, unique by construction, headline included."""
    base, title = sources[n % len(sources)]
    base = base.replace(title, f"{title}: dispatch {n}")
    paragraphs = [p for p in base.split("\n\n") if p.strip()]
    head, rest = paragraphs[:3], paragraphs[3:]
    body: list[str] = []
    while sum(len(p.split()) for p in head + body) < words and rest:
        body.append(rng.choice(rest))
    person = f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"
    extra = (
        f"“We will publish the figures for quarter {n % 4 + 1} next week,” said {person}, "
        f"a spokesperson for the Regional Statistics Office {n % 20}."
    )
    return "\n\n".join(head + body + [extra, f"Document {n}."]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=1_000)
    parser.add_argument("--jobs", type=int, default=2, help="extraction worker processes (the command's default on 2 cores)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="newsarchive-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from articles.importers import import_paths

    call_command("migrate", verbosity=0)

    rng = random.Random(42)
    sources = corpus_sources()
    docs = workdir / "documents"
    docs.mkdir()
    total_words = 0
    for n in range(args.documents):
        text = make_document(n, sources, args.words, rng)
        total_words += len(text.split())
        (docs / f"{n:06d}.txt").write_text(text, encoding="utf-8")
    print(f"{args.documents} documents, {total_words / args.documents:.0f} words each on average, in {docs}")

    start = time.perf_counter()
    cpu_start = time.process_time()
    statuses: dict[str, int] = {}
    checkpoints = {max(1, args.documents * k // 10) for k in range(1, 11)}
    print(f"{'documents':>10} {'docs/s':>8} {'RSS MiB':>8}  workers' RSS MiB")
    print(f"{0:>10} {'':>8} {rss_mib()[0]:>8.1f}  {_workers(rss_mib()[1])}")
    for done, result in enumerate(import_paths([docs], jobs=args.jobs), start=1):
        statuses[result.status] = statuses.get(result.status, 0) + 1
        if done in checkpoints:
            main_rss, workers_rss = rss_mib()
            print(f"{done:>10} {done / (time.perf_counter() - start):>8.0f} {main_rss:>8.1f}  {_workers(workers_rss)}")
    elapsed = time.perf_counter() - start
    writer_cpu = time.process_time() - cpu_start
    print(f"imported {args.documents} documents with {args.jobs} extraction worker(s) in {elapsed:.1f} s: {args.documents / elapsed:.0f} documents/s; {statuses}")
    print(f"the writing process used {writer_cpu / args.documents * 1000:.1f} ms of CPU per document (reading results, the ORM, SQLite)")
    sample = sorted(docs.glob("*.txt"))[: min(300, args.documents)]
    extraction_profile([p.read_text(encoding="utf-8") for p in sample])


if __name__ == "__main__":
    main()
