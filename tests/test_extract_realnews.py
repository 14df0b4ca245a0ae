"""The real news corpus as a regression floor: real pages and articles, annotated by hand.

The figures the project reports are the held-back set's first run (docs/importer.md); these floors
keep later changes from sliding below what both sets score now. The corpus lives beside the project
(``../shared/corpus``); without it these tests skip, except in CI, where it must be there.
"""

import os

import pytest

from articles.extract import Extraction
from tests.extract_expectations import check
from tests.realnews_corpus import CORPUS, cases, summarise

if not CORPUS.is_dir():
    if os.environ.get("CI"):
        raise RuntimeError(f"the real news corpus is missing at {CORPUS}")
    pytest.skip(f"no real news corpus at {CORPUS}", allow_module_level=True)

# (set, kind of input) -> measure -> floor. Measured, then rounded down by a few points.
FLOORS = {
    ("dev", "clean"): {"people": 0.93, "organisations": 0.68, "quote_recall": 0.88, "speaker": 0.75, "precision": 0.97},
    ("dev", "pages"): {"metadata": 0.68, "body": 0.95, "people": 0.82, "organisations": 0.58, "quote_recall": 0.88, "speaker": 0.74},
    ("dev", "html"): {"metadata": 0.88, "body": 0.95, "people": 0.82, "organisations": 0.52, "quote_recall": 0.85, "speaker": 0.74},
    ("heldout", "clean"): {"people": 0.92, "organisations": 0.64, "quote_recall": 0.90, "speaker": 0.77, "precision": 0.97},
    ("heldout", "pages"): {"metadata": 0.65, "body": 0.94, "people": 0.70, "organisations": 0.50, "quote_recall": 0.90},
    ("heldout", "html"): {"metadata": 0.72, "body": 0.95, "people": 0.62, "organisations": 0.39, "quote_recall": 0.87},
}

def _extract(case):
    from articles.extract import NoArticleText, extract, extract_html

    text = case.path.read_text(encoding="utf-8", errors="replace")
    try:
        return (extract_html(text) if case.kind == "html" else extract(text)), text
    except NoArticleText:
        return Extraction(title=""), text


@pytest.fixture(scope="module")
def rows():
    out = {}
    for which in ("dev", "heldout"):
        scores = {}
        for case in cases(which):
            ex, text = _extract(case)
            scores.setdefault(case.kind, []).append(check(ex, case.expected, text))
        for kind, kind_scores in scores.items():
            out[(which, kind)] = summarise(kind, kind_scores)
    return out


def test_every_annotated_document_is_in_the_corpus():
    for which in ("dev", "heldout"):
        missing = [str(c.path) for c in cases(which) if not c.path.exists()]
        assert missing == []
    assert len(cases("heldout")) >= 24  # 14 articles, 10 pages read twice (text and HTML)


@pytest.mark.parametrize("key", sorted(FLOORS), ids=lambda k: "-".join(k))
def test_real_news_stays_above_its_floor(rows, key):
    row = rows[key]
    below = {m: round(row[m], 3) for m, floor in FLOORS[key].items() if row[m] is None or row[m] < floor}
    assert below == {}, f"{key} below its floor: {below}"
