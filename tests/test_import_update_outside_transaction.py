"""``import_documents --update`` as an operator runs it: in autocommit, with no test transaction around it.

The other importer tests run inside pytest-django's wrapping transaction, which hides a row lock taken
outside ``transaction.atomic()``: PostgreSQL refuses ``SELECT ... FOR UPDATE`` in autocommit
(``TransactionManagementError``), SQLite has no row locks and never notices. Run this file on both
(``DATABASE_URL=postgres://... pytest tests/test_import_update_outside_transaction.py``).
"""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Quote

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "documents" / "002_14cc5189838f7e98.txt"


def run(*args) -> str:
    out = StringIO()
    call_command("import_documents", *map(str, args), stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_update_of_a_changed_document_lands(tmp_path):
    path = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, path)
    assert "created " in run(path)
    article = Article.objects.get()
    quote = article.quotes.first()
    quote.status = Quote.Status.CONFIRMED
    quote.save()

    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("never happened.", "never happened, A correction was added on Monday."), encoding="utf-8")
    out = run(path, "--update")

    assert f"updated    {path.name}" in out
    article.refresh_from_db()
    assert "A correction was added" in article.body
    assert Article.objects.count() == 1
    assert article.quotes.get(pk=quote.pk).status == Quote.Status.CONFIRMED


@pytest.mark.django_db(transaction=True)
def test_update_in_a_dry_run_writes_nothing(tmp_path):
    path = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, path)
    run(path)
    path.write_text(path.read_text(encoding="utf-8").replace("never happened.", "never happened at all."), encoding="utf-8")
    out = run(path, "--update", "--dry-run")
    assert f"updated    {path.name}" in out
    assert "never happened at all" not in Article.objects.get().body
