"""The annotated corpus in tests/documents as a regression floor for the extractor.

Each document may miss a little; the corpus as a whole must stay at 0.95 or better on every measure
the benchmark reports, with every headline, date, publication and byline right.
"""

import json
from pathlib import Path

import pytest

from articles.extract import extract
from tests.extract_expectations import check

CORPUS = Path(__file__).resolve().parent / "documents"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores():
    return {
        name: check(extract((CORPUS / name).read_text(encoding="utf-8")), expected, (CORPUS / name).read_text(encoding="utf-8"))
        for name, expected in EXPECTED.items()
    }


def test_corpus_has_at_least_ten_varied_documents():
    assert len(EXPECTED) >= 10
    assert any(not doc["quotes"] for doc in EXPECTED.values())
    assert any(doc["published_on"] == [None] for doc in EXPECTED.values())


@pytest.mark.parametrize("measure", ["title_ok", "date_ok", "source_ok", "authors_ok"])
def test_every_document_gets_its_metadata_right(scores, measure):
    assert [name for name, score in scores.items() if not getattr(score, measure)] == []


def test_quotes_attribution_and_entities_reach_the_floor(scores):
    total = {key: sum(getattr(s, key) for s in scores.values()) for key in (
        "quote_tp", "quote_fp", "quote_fn", "attr_correct", "attr_total", "ent_found", "ent_total"
    )}
    assert total["quote_tp"] / (total["quote_tp"] + total["quote_fp"]) >= 0.95
    assert total["quote_tp"] / (total["quote_tp"] + total["quote_fn"]) >= 0.95
    assert total["attr_correct"] / total["attr_total"] >= 0.95
    assert total["ent_found"] / total["ent_total"] >= 0.95


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_boilerplate_never_reaches_the_body(scores, name):
    assert [f for f in scores[name].failures if f.startswith("boilerplate")] == []
