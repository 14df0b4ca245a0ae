import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from articles.models import Article, Quote
from sources.models import Organisation, Person
from tests.import_command import run, run_failing

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "documents"


@pytest.fixture
def documents(tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree(FIXTURES, folder, ignore=shutil.ignore_patterns("*.json"))
    return folder


def test_imports_the_fixture_folder_in_review(documents):
    out = run(documents)
    assert out.count("created ") == 2
    assert "2 document(s): 2 created." in out
    assert set(Article.objects.values_list("status", flat=True)) == {"in_review"}
    assert Quote.objects.count() >= 10


def test_second_run_changes_nothing(documents):
    run(documents)
    counts = (Article.objects.count(), Person.objects.count(), Organisation.objects.count(), Quote.objects.count())
    out = run(documents)
    assert "2 unchanged" in out
    assert counts == (Article.objects.count(), Person.objects.count(), Organisation.objects.count(), Quote.objects.count())


def test_publish_and_source_override(documents):
    run(documents / "002_14cc5189838f7e98.txt", "--publish", "--source", "Wire Desk")
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert article.source.name == "Wire Desk"


def test_dry_run_reports_and_writes_nothing(documents):
    out = run(documents, "--dry-run")
    assert out.count("created ") == 2
    assert "Dry run, nothing written" in out
    assert Article.objects.count() == Person.objects.count() == Quote.objects.count() == 0


def test_json_report(documents):
    out = run(documents, "--json")
    report = json.loads(out)
    assert report["totals"] == {"created": 2}
    assert {d["filename"] for d in report["documents"]} == {"000_533ad6954ca9e063.txt", "002_14cc5189838f7e98.txt"}
    assert all(d["quotes"] > 0 for d in report["documents"])


def test_changed_document_is_reported_and_skipped_unless_update(documents):
    run(documents)
    path = documents / "002_14cc5189838f7e98.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("never happened.", "never happened, A correction was added on Monday."), encoding="utf-8")
    out = run(documents)
    assert "changed    002_14cc5189838f7e98.txt" in out and "--update" in out
    assert "A correction was added" not in Article.objects.get(import_filename=path.name).body
    out = run(documents, "--update")
    assert "updated    002_14cc5189838f7e98.txt" in out
    assert "A correction was added" in Article.objects.get(import_filename=path.name).body
    assert Article.objects.count() == 2


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"   \n\n", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        ("latin1.txt", "Caf\u00e9 news: \u201cquote\u201d".encode("cp1252"), "not UTF-8"),
        ("late_nul.txt", b"Headline here\n\n" + b"A sentence of text. " * 600 + b"\x00", "binary"),
    ],
)
def test_bad_files_fail_with_a_reason_and_the_rest_still_import(documents, name, content, reason):
    (documents / name).write_bytes(content)
    out, error = run_failing(documents)
    line = next(line for line in out.splitlines() if name in line)
    assert line.startswith("failed") and reason in line
    assert "Traceback" not in out
    assert "1 of 3 document(s) failed" in error
    assert Article.objects.count() == 2


def test_oversized_file_is_refused(documents, settings):
    settings.NEWSARCHIVE_MAX_DOCUMENT_BYTES = 1000
    out, error = run_failing(documents / "000_533ad6954ca9e063.txt")
    assert "too large" in out
    assert Article.objects.count() == 0


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    out, error = run_failing(tmp_path / "nowhere.txt", tmp_path / "empty")
    assert "no such file or folder" in out
    assert "no documents" in out
    assert "2 of 2 document(s) failed" in error


def test_a_document_without_a_headline_fails_alone(documents):
    (documents / "notitle.txt").write_text("\n\n", encoding="utf-8")
    out, _ = run_failing(documents)
    assert Article.objects.count() == 2


def test_export_round_trip(documents, tmp_path, django_db_blocker):
    run(documents, "--publish")
    Article.objects.first().tags.add("security")
    Person.objects.first().tags.add("analysts")
    fixture = tmp_path / "archive.json"
    call_command("export_archive", "--output", str(fixture), stderr=StringIO())

    def state():
        return (
            sorted(Article.objects.values_list("pk", "title", "slug", "body", "status", "published_on", "source__name", "content_hash")),
            sorted(Article.objects.values_list("pk", "tags__name", "authors__name", "people__name", "organisations__name")),
            sorted(Quote.objects.values_list("pk", "text", "speaker__name", "organisation__name", "position", "status")),
            sorted(Person.objects.values_list("pk", "name", "slug", "role", "description", "tags__name")),
            sorted(Organisation.objects.values_list("pk", "name", "acronym", "kind")),
        )

    before = state()
    Article.objects.all().delete()
    Person.objects.all().delete()
    Organisation.objects.all().delete()
    assert Quote.objects.count() == 0
    call_command("loaddata", str(fixture), stdout=StringIO())
    assert state() == before
    assert [p["fields"] for p in json.loads(fixture.read_text()) if p["model"] == "sources.person"][0]["aliases"] is not None


def test_parallel_extraction_imports_the_same_as_one_process(documents, tmp_path):
    (documents / "broken.txt").write_bytes(b"\xff\xfe not utf-8 \xff")
    out, _ = run_failing(documents, "--jobs", "2")
    parallel = sorted(Article.objects.values_list("title", "body", "published_on"))
    parallel_quotes = sorted(Quote.objects.values_list("text", "speaker__name", "organisation__name", "position"))
    assert "not UTF-8" in out and out.count("created ") == 2
    Article.objects.all().delete()
    Person.objects.all().delete()
    Organisation.objects.all().delete()
    run_failing(documents, "--jobs", "1")
    assert sorted(Article.objects.values_list("title", "body", "published_on")) == parallel
    assert sorted(Quote.objects.values_list("text", "speaker__name", "organisation__name", "position")) == parallel_quotes


def test_jobs_must_be_positive(documents):
    with pytest.raises(CommandError, match="--jobs"):
        call_command("import_documents", str(documents), "--jobs", "0", stdout=StringIO())


class _Terminal(StringIO):
    def isatty(self):
        return True


def test_a_terminal_gets_a_progress_bar(documents, monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    run(documents)
    assert "[###############...............] 1/2" in terminal.getvalue()
    assert "] 2/2" in terminal.getvalue()


def test_json_and_piped_output_get_no_progress_bar(documents, monkeypatch):
    piped = StringIO()
    monkeypatch.setattr("sys.stderr", piped)
    run(documents)
    assert piped.getvalue() == ""


def test_a_document_that_fails_while_being_written_leaves_nothing_and_one_line(documents, monkeypatch):
    from articles.importers import write

    real = write._replace_quotes

    def fail_for_one(article, *args, **kwargs):
        if article.import_filename == "002_14cc5189838f7e98.txt":
            raise IntegrityError('duplicate key value violates unique constraint "x"\nDETAIL:  Key (id)=(1) already exists.')
        return real(article, *args, **kwargs)

    monkeypatch.setattr(write, "_replace_quotes", fail_for_one)
    out, error = run_failing(documents)
    line = next(line for line in out.splitlines() if "002_14cc5189838f7e98.txt" in line)
    assert line.startswith("failed     002_14cc5189838f7e98.txt: conflicts with stored data (duplicate key")
    assert "DETAIL:" in line  # the database's second line, joined onto the one
    assert "1 of 2 document(s) failed" in error
    assert list(Article.objects.values_list("import_filename", flat=True)) == ["000_533ad6954ca9e063.txt"]
    alone = (Person.objects.count(), Organisation.objects.count(), Quote.objects.count())
    Article.objects.all().delete()
    Person.objects.all().delete()
    Organisation.objects.all().delete()
    run(documents / "000_533ad6954ca9e063.txt")
    assert (Person.objects.count(), Organisation.objects.count(), Quote.objects.count()) == alone  # nothing of 002 stayed
