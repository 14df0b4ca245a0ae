"""The seed documents against their annotation, through the shared checker.

The held-out documents in ``tests/documents`` are scored by ``tests/bench/extract_quality.py``
rather than asserted here: they measure the extractor, they are not a specification of it.
"""

import json
from pathlib import Path

import pytest

from articles.extract import extract
from tests.extract_expectations import check

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extractions():
    return {name: extract((FIXTURES / name).read_text(encoding="utf-8")) for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_document_matches_annotation(name, extractions):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    score = check(extractions[name], EXPECTED[name], text)
    assert score.failures == []
    assert score.quote_fn == 0 and score.quote_fp == 0
    assert score.attr_correct == score.attr_total
    assert score.ent_found == score.ent_total


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_quote_positions_index_the_body(name, extractions):
    ex = extractions[name]
    for q in ex.quotes:
        assert ex.body[q.position:].startswith(q.text[:20])


def test_seed_misspelled_speaker_is_one_person(extractions):
    ex = extractions["002_14cc5189838f7e98.txt"]
    zas = [p for p in ex.people if p.name == "Stanislav Zas"]
    assert len(zas) == 1 and "Vas" in zas[0].aliases
    assert not any(p.name in {"Vas", "Stanislav Vas"} for p in ex.people)


def test_seed_author_bio_moves_to_the_person(extractions):
    ex = extractions["002_14cc5189838f7e98.txt"]
    patti = next(p for p in ex.people if p.name == "Patti Mohr")
    assert "U.S.-based journalist" in patti.description
    assert "U.S.-based journalist" not in ex.body
    assert "Global Economic Report" not in {o.name for o in ex.organisations}


def test_checker_reports_failures():
    """The checker itself must notice a wrong extraction, or the seed tests prove nothing."""
    name = "002_14cc5189838f7e98.txt"
    bad = extract("Some other headline\n\nSpread the love\n\nA body paragraph that says nothing at all about anyone.")
    score = check(bad, EXPECTED[name], "")
    assert any(f.startswith("title") for f in score.failures)
    assert any(f.startswith("person missing") for f in score.failures)
    assert score.quote_fn > 0 and score.ent_found == 0
