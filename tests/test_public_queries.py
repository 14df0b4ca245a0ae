"""Each public page costs a fixed number of queries, whether it shows 1 item or 50."""

import datetime as dt

import pytest

from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory, QuoteFactory, SourceFactory

pytestmark = pytest.mark.django_db


def _archive(n: int):
    """``n`` published articles, each with tags, a byline, people, organisations and a quote by Anna Lee."""
    source = SourceFactory(name="The Baltic Times")
    person = PersonFactory(name="Anna Lee")
    org = OrganisationFactory(name="Baltic Power Authority")
    person.organisations.add(org)
    person.tags.add("energy")
    org.tags.add("energy")
    for i in range(n):
        article = ArticleFactory(source=source, tags=["energy", f"topic {i}"], published_on=dt.date(2024, 1 + i % 12, 1))
        article.authors.add(PersonFactory())
        article.people.add(person, PersonFactory())
        article.organisations.add(org, OrganisationFactory())
        quote = QuoteFactory(article=article, speaker=person, organisation=org, position=0)
        quote.tags.add("energy")
        PersonFactory().organisations.add(org)
    return source, person, org


def _rich_article(n: int):
    """One published article with ``n`` tags, people, organisations and quotes."""
    article = ArticleFactory(tags=[f"tag {i}" for i in range(n)])
    for i in range(n):
        article.people.add(PersonFactory())
        article.organisations.add(OrganisationFactory())
        QuoteFactory(article=article, position=i * 100)
    ArticleFactory(tags=["tag 0"])  # something related
    return article


# What each page asks the database, whatever the number of items.
EXPECTED = {
    # latest articles; their tags and bylines; most-used tags; most-quoted people
    "/": 4,
    # count, one page of articles, their tags and bylines; four facets (sources, tags, people, organisations)
    "/articles/": 7,
    # count, one page of quotes with speaker, organisation, article and source joined
    "/quotes/": 2,
    # count, one page of people with their quote counts, their organisations
    "/people/": 3,
    # the person, their organisations, their tags; their quotes; the articles they appear in
    "person": 5,
    # count, one page of organisations with their article counts
    "/organisations/": 2,
    # the organisation with its parent, its people, its tags; its quotes; its articles
    "organisation": 5,
    # the sources with their article counts
    "/sources/": 1,
    # the source; count, one page of its articles, their tags and bylines; the dates for the timeline
    "source": 5,
    # the tag; count, one page of its articles, their tags and bylines; its people, organisations, quotes
    "/tags/energy/": 7,
    # the latest articles; their tags and bylines
    "/feeds/articles.rss": 2,
    # the tag; its latest articles; their tags and bylines
    "/tags/energy/feed.atom": 3,
}


@pytest.mark.parametrize("n", [1, 50])
@pytest.mark.parametrize("page", list(EXPECTED))
def test_page_queries_do_not_grow_with_items(client, django_assert_num_queries, n, page):
    source, person, org = _archive(n)
    url = {"person": person.get_absolute_url(), "organisation": org.get_absolute_url(), "source": source.get_absolute_url()}.get(page, page)
    with django_assert_num_queries(EXPECTED[page]):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 50])
def test_article_page_queries_do_not_grow_with_items(client, django_assert_num_queries, n):
    article = _rich_article(n)
    # the article with its source; its tags, bylines, people, organisations, quotes (with speakers); related
    with django_assert_num_queries(7):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('class="said"') == 1


@pytest.mark.parametrize("n", [1, 50])
def test_filtered_list_queries_do_not_grow_with_items(client, django_assert_num_queries, n):
    source, person, org = _archive(n)
    # the source, the tag and the person named in the URL; then the seven of the plain list
    with django_assert_num_queries(10):
        response = client.get(f"/articles/?source={source.slug}&tag=energy&person={person.slug}&q=grid")
    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 50])
def test_sitemap_queries_do_not_grow_with_items(client, django_assert_num_queries, n):
    _archive(n)
    # per section except the fixed one: how many items, then the items
    with django_assert_num_queries(10):
        assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.parametrize("n", [1, 50])
def test_list_without_page_cache_reuses_its_counts(client, settings, django_assert_num_queries, n):
    settings.NEWSARCHIVE_PAGE_CACHE = False
    _archive(n)
    client.get("/articles/")
    client.get("/articles/?tag=energy")
    # one page of articles; their tags and bylines (the counts and facets are kept until the
    # archive changes)
    with django_assert_num_queries(2):
        assert client.get("/articles/").status_code == 200
    # and the tag named in the URL
    with django_assert_num_queries(3):
        assert client.get("/articles/?tag=energy").status_code == 200
