"""import_documents with saved web pages: alone, beside the text of the same story, and broken."""

import shutil
from pathlib import Path

import pytest

from articles.models import Article, Quote
from sources.models import Person
from tests.import_command import run, run_failing

pytestmark = pytest.mark.django_db

PAGES = Path(__file__).resolve().parent / "pages"
HEADLINE = "Harbour ferry to resume next month after storm repairs"
CANONICAL = "https://coastalcourier.example/news/2024/03/14/harbour-ferry-resumes"


@pytest.fixture
def story(tmp_path):
    """The same story as a saved page and as select-all text, in a folder of their own."""
    folder = tmp_path / "story"
    folder.mkdir()
    shutil.copy(PAGES / "harbour_ferry.html", folder / "harbour_ferry.html")
    shutil.copy(PAGES / "harbour_ferry.txt", folder / "harbour_ferry_copy.txt")
    return folder


def test_a_saved_page_imports_with_its_address(story):
    out = run(story / "harbour_ferry.html")
    assert "created    harbour_ferry.html: “Harbour ferry to resume" in out
    article = Article.objects.get()
    assert (article.title, article.original_url, article.source.name) == (HEADLINE, CANONICAL, "The Coastal Courier")
    assert [p.name for p in article.authors.all()] == ["Morag Lindqvist"]
    assert Quote.objects.filter(article=article, speaker__name="Ingrid Halvorsen").count() == 2


def test_a_page_and_the_text_of_one_story_are_one_article(story):
    out = run(story)  # the folder: the page first, then the text (sorted by name)
    assert "created    harbour_ferry.html" in out
    assert "duplicate  harbour_ferry_copy.txt: the same story as “Harbour ferry to resume" in out
    assert Article.objects.count() == 1
    assert Article.objects.get().original_url == CANONICAL
    assert not Article.objects.filter(slug__endswith="-2").exists()


def test_the_page_after_the_text_lends_the_article_its_address(story):
    run(story / "harbour_ferry_copy.txt")
    article = Article.objects.get()
    assert article.original_url == ""
    people = Person.objects.count()

    out = run(story / "harbour_ferry.html")
    assert "duplicate  harbour_ferry.html: the same story as “Harbour ferry to resume" in out
    assert "its address recorded" in out
    article.refresh_from_db()
    assert (Article.objects.count(), article.original_url, article.import_filename) == (1, CANONICAL, "harbour_ferry_copy.txt")
    assert Person.objects.count() == people  # the duplicate wrote nothing else

    again = run(story)
    assert "1 duplicate, 1 unchanged" in again
    assert "recorded" not in again


def test_update_of_the_text_keeps_the_address_the_page_lent(story):
    text = story / "harbour_ferry_copy.txt"
    run(text)
    run(story / "harbour_ferry.html")
    text.write_text(text.read_text(encoding="utf-8").replace("next week.", "next week, the authority said."), encoding="utf-8")
    out = run(text, "--update")
    assert "updated    harbour_ferry_copy.txt" in out
    article = Article.objects.get()
    assert article.body.endswith("next week, the authority said.")
    assert article.original_url == CANONICAL  # not extracted from the text, so kept like an editor's addition


def test_a_changed_page_is_still_the_same_story_not_an_update(story):
    """Only the file an article was imported from updates it; another copy of the story never does."""
    run(story / "harbour_ferry_copy.txt")
    page = story / "harbour_ferry.html"
    page.write_text(page.read_text(encoding="utf-8").replace("next week.", "on Monday."), encoding="utf-8")
    out = run(page, "--update")
    assert "duplicate  harbour_ferry.html" in out
    assert Article.objects.get().body.endswith("next week.")


def test_the_same_headline_from_another_publication_is_another_article(story):
    run(story / "harbour_ferry_copy.txt", "--source", "Island Gazette")
    out = run(story / "harbour_ferry.html")
    assert "created    harbour_ferry.html" in out
    assert Article.objects.count() == 2


SHELL = """<!DOCTYPE html>
<html><head><title>The Coastal Courier</title></head>
<body><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav><div id="app"></div>
<noscript>Please enable JavaScript.</noscript><footer>© 2024 The Coastal Courier</footer></body></html>
"""


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("shell.html", SHELL.encode(), "no article text found in the page"),
        ("plain.htm", b"Just a sentence, and no markup at all.", "not an HTML page"),
        ("empty.html", b"\n  \n", "empty"),
        ("binary.html", b"<html>\x00\x01\x02</html>", "a binary file, not text"),
        ("latin1.html", "<html><body><p>Caf\u00e9</p></body></html>".encode("latin-1"), "not UTF-8"),
    ],
)
def test_a_bad_page_fails_in_one_line_and_the_others_import(story, name, content, reason):
    (story / name).write_bytes(content)
    out, error = run_failing(story)
    failed = [line for line in out.splitlines() if line.startswith("failed")]
    assert len(failed) == 1 and failed[0].startswith(f"failed     {name}: {reason}")
    assert "Traceback" not in out
    assert "1 of 3 document(s) failed" in error
    assert Article.objects.count() == 1


def test_a_page_in_the_encoding_it_declares_imports(tmp_path):
    html = (PAGES / "harbour_ferry.html").read_text(encoding="utf-8")
    html = html.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace("Halvorsen", "Halvørsen")
    (tmp_path / "cp1252.html").write_bytes(html.encode("windows-1252"))
    run(tmp_path / "cp1252.html")
    assert Person.objects.filter(name="Ingrid Halvørsen").exists()


def test_pages_import_the_same_in_worker_processes(story, tmp_path):
    (story / "shell.html").write_text(SHELL, encoding="utf-8")
    out, _ = run_failing(story, "--jobs", "2")
    assert "failed     shell.html: no article text found in the page" in out
    assert "created    harbour_ferry.html" in out and "duplicate  harbour_ferry_copy.txt" in out
    assert Article.objects.get().original_url == CANONICAL


def test_a_dry_run_of_a_page_writes_nothing(story):
    out = run(story / "harbour_ferry.html", "--dry-run")
    assert "created    harbour_ferry.html" in out
    assert Article.objects.count() == Person.objects.count() == 0
