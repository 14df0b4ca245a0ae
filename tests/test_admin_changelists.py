import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory, QuoteFactory, SourceFactory

pytestmark = pytest.mark.django_db


def _rows(model: str, n: int) -> None:
    for i in range(n):
        if model == "article":
            article = ArticleFactory(tags=["energy", f"t{i}"])
            QuoteFactory(article=article)
        elif model == "quote":
            QuoteFactory(organisation=OrganisationFactory())
        elif model == "person":
            person = PersonFactory(aliases=[f"Alias {i}"])
            person.tags.add("economy")
            QuoteFactory(speaker=person)
        elif model == "organisation":
            org = OrganisationFactory(parent=OrganisationFactory())
            org.tags.add("security")
        elif model == "source":
            ArticleFactory(source=SourceFactory())


def _changelist_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "model, url",
    [
        ("article", "/admin/articles/article/"),
        ("quote", "/admin/articles/quote/"),
        ("person", "/admin/sources/person/"),
        ("organisation", "/admin/sources/organisation/"),
        ("source", "/admin/sources/source/"),
    ],
)
def test_changelist_costs_the_same_queries_for_5_and_50_rows(editor_client, model, url):
    _rows(model, 5)
    with_five = _changelist_queries(editor_client, url)
    _rows(model, 45)
    with_fifty = _changelist_queries(editor_client, url)
    # session, user, groups/permissions, count, full count, the page, its prefetches and the
    # list filters' choices: a fixed set, whatever the rows.
    assert with_fifty == with_five
    assert with_fifty <= 14


def test_article_changelist_shows_quote_counts_and_tags(editor_client):
    article = ArticleFactory(title="Storage is full", tags=["energy", "winter"])
    QuoteFactory(article=article)
    QuoteFactory(article=article)
    response = editor_client.get("/admin/articles/article/")
    row = next(line for line in response.content.decode().splitlines() if "Storage is full" in line)
    assert "energy, winter" in response.content.decode()
    assert "Storage is full" in row


@pytest.mark.parametrize(
    "url, text",
    [
        ("/admin/sources/person/?q=vas", "Stanislav Zas"),
        ("/admin/sources/organisation/?q=csto", "Collective Security Treaty Organization"),
        ("/admin/articles/article/?q=winter", "Winter storage"),
    ],
)
def test_changelist_search_finds_by_name_alias_and_acronym(editor_client, url, text):
    PersonFactory(name="Stanislav Zas", aliases=["Vas"])
    OrganisationFactory(name="Collective Security Treaty Organization", acronym="CSTO")
    ArticleFactory(title="Winter storage")
    response = editor_client.get(url)
    assert text in response.content.decode()


def test_article_change_form_has_quotes_inline_and_autocompletes(editor_client):
    quote = QuoteFactory(text="We are ready for the cold")
    response = editor_client.get(f"/admin/articles/article/{quote.article.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "We are ready for the cold" in html
    assert 'name="quotes-0-speaker"' in html
    for field in ("source", "authors", "people", "organisations"):
        assert f'data-field-name="{field}"' in html  # autocomplete widget
    assert 'name="tags"' in html


@pytest.mark.parametrize(
    "field, term, expected",
    [("authors", "lee", "Anna Lee"), ("organisations", "bpa", "Baltic Power Authority"), ("source", "record", "The Record")],
)
def test_autocomplete_finds_related_records(editor_client, field, term, expected):
    PersonFactory(name="Anna Lee")
    OrganisationFactory(name="Baltic Power Authority", acronym="BPA")
    SourceFactory(name="The Record")
    response = editor_client.get(
        "/admin/autocomplete/", {"term": term, "app_label": "articles", "model_name": "article", "field_name": field}
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]][0].startswith(expected)
