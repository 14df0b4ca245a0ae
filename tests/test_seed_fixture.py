"""fixtures/seed_archive.json is the curated import of the seed documents: it must load and agree with them."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Quote
from sources.models import Person

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_seed_fixture_loads_the_two_published_articles():
    call_command("loaddata", str(FIXTURES / "seed_archive.json"), stdout=StringIO())
    expected = json.loads((FIXTURES / "documents" / "expected.json").read_text(encoding="utf-8"))
    assert set(Article.objects.published().values_list("title", flat=True)) == {doc["title"] for doc in expected.values()}
    assert not Quote.objects.exclude(status=Quote.Status.CONFIRMED).exists()
    zas = Person.objects.get(name="Stanislav Zas")
    assert "Vas" in zas.aliases
    assert Quote.objects.filter(speaker=zas).count() >= 3


def test_importing_the_documents_after_the_fixture_changes_nothing():
    call_command("loaddata", str(FIXTURES / "seed_archive.json"), stdout=StringIO())
    out = StringIO()
    call_command("import_documents", str(FIXTURES / "documents"), stdout=out)
    assert "2 unchanged" in out.getvalue()
    assert Article.objects.count() == 2
