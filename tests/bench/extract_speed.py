"""Throughput of ``articles.extract`` on ~1,000-word documents.

Run: ``python tests/bench/extract_speed.py [N]``. Builds N synthetic articles by stitching
and varying the annotated documents (headline, furniture, body paragraphs reordered, names
varied) so each is about 1,000 words, then reports documents per second and ms per document.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from articles.extract import extract  # noqa: E402

FOLDERS = (ROOT / "fixtures" / "documents", ROOT / "tests" / "documents")
_NAMES = ("Anna Lee", "Ivan Petrov", "Maria Santos", "John Okafor", "Lena Berg", "Tom Hughes")


def _sources() -> list[str]:
    texts: list[str] = []
    for folder in FOLDERS:
        texts.extend(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    if not texts:
        raise SystemExit("no documents found")
    return texts


def build_corpus(n: int, seed: int = 7) -> list[str]:
    """Documents of roughly 1,000 words: one real page as the frame, paragraphs from others."""
    rng = random.Random(seed)
    texts = _sources()
    paragraphs = [p for t in texts for p in t.split("\n\n") if len(p.split()) >= 12]
    corpus: list[str] = []
    for i in range(n):
        frame = texts[i % len(texts)]
        words = len(frame.split())
        extra: list[str] = []
        while words < 1000:
            p = rng.choice(paragraphs)
            name = rng.choice(_NAMES)
            p = p.replace("said", f"said {name} said", 1) if rng.random() < 0.1 else p
            extra.append(p)
            words += len(p.split())
        head, _, tail = frame.partition("\n\n\n")
        doc = frame + "\n\n" + "\n\n".join(extra) if not tail else head + "\n\n" + "\n\n".join(extra) + "\n\n" + tail
        corpus.append(doc)
    return corpus


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 300
    corpus = build_corpus(n)
    mean_words = statistics.mean(len(d.split()) for d in corpus)
    for d in corpus[:20]:
        extract(d)  # warm caches and regex compilation
    timings: list[float] = []
    start = time.perf_counter()
    for d in corpus:
        t0 = time.perf_counter()
        extract(d)
        timings.append(time.perf_counter() - t0)
    total = time.perf_counter() - start
    timings.sort()
    print(f"{n} documents, mean {mean_words:.0f} words")
    print(f"{n / total:.0f} documents/s, mean {1000 * total / n:.2f} ms/document")
    print(f"median {1000 * timings[len(timings) // 2]:.2f} ms, p95 {1000 * timings[int(len(timings) * 0.95)]:.2f} ms")
    print(f"per 1,000 words: {1000 * total / n * 1000 / mean_words:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
