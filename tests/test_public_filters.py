"""The article list's filters: in the URL, combinable, removable one by one, counted; bad input explained."""

import re

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

WINTER = "Grid operators ready for winter"
PRICES = "Electricity prices fall in the north"


def _titles(client, query: str = "") -> set[str]:
    response = client.get(f"/articles/?{query}")
    assert response.status_code == 200, response.content.decode()[:500]
    html = response.content.decode()
    return {title for title in (WINTER, PRICES, "Secret draft about the grid") if title in html}


def test_list_shows_published_articles_only(client, archive):
    assert _titles(client) == {WINTER, PRICES}


def test_filter_by_source_tag_person_organisation_and_dates(client, archive):
    assert _titles(client, f"source={archive.source.slug}") == {WINTER}
    assert _titles(client, "tag=prices") == {PRICES}
    assert _titles(client, f"person={archive.person.slug}") == {WINTER, PRICES}
    assert _titles(client, f"person={archive.author.slug}") == {WINTER}  # by byline
    assert _titles(client, f"organisation={archive.org.slug}") == {WINTER}
    assert _titles(client, "since=2024-11-15") == {PRICES}
    assert _titles(client, "until=2024-11-15") == {WINTER}


def test_several_tags_narrow_the_list(client, archive):
    assert _titles(client, "tag=energy") == {WINTER, PRICES}
    assert _titles(client, "tag=energy&tag=winter") == {WINTER}
    assert _titles(client, "tag=winter&tag=prices") == set()


def test_filters_combine(client, archive):
    assert _titles(client, f"tag=energy&source={archive.other_source.slug}&since=2024-01-01") == {PRICES}


def test_search_matches_title_dek_and_body(client, archive):
    assert _titles(client, "q=electricity") == {PRICES}
    assert _titles(client, "q=wind") == {PRICES}  # in the standfirst
    assert _titles(client, "q=storage") == {WINTER}
    assert _titles(client, "q=secret") == set()


def test_sort_newest_and_oldest(client, archive):
    newest = client.get("/articles/").content.decode()
    assert newest.index(PRICES) < newest.index(WINTER)
    oldest = client.get("/articles/?sort=oldest").content.decode()
    assert oldest.index(WINTER) < oldest.index(PRICES)


def test_relevance_sort_puts_title_matches_first_on_postgresql(client, db):
    from django.db import connection

    ArticleFactory(title="Ports reopen", body="The harbour reopened after the storm.", published_on="2024-12-01")
    ArticleFactory(title="Harbour storm damage", body="Damage was light.", published_on="2024-01-01")
    html = client.get("/articles/?q=harbour").content.decode()
    if connection.vendor == "postgresql":
        assert html.index("Harbour storm damage") < html.index("Ports reopen")
    else:  # no ranking on SQLite: newest first
        assert html.index("Ports reopen") < html.index("Harbour storm damage")


def test_active_filters_can_be_removed_one_by_one(client, archive):
    html = client.get(f"/articles/?tag=energy&tag=winter&source={archive.source.slug}&page=1").content.decode()
    chips = dict(re.findall(r'<a href="([^"]*)" class="chip">([^<]*?) <span', html))
    chips = {label: url.replace("&amp;", "&") for url, label in chips.items()}
    assert chips["Tags: energy"] == f"?tag=winter&source={archive.source.slug}"
    assert chips["Tags: winter"] == f"?tag=energy&source={archive.source.slug}"
    assert chips["Source: The Baltic Times"] == "?tag=energy&tag=winter"
    assert 'href="?" class="clear">Clear all' in html


def test_facets_show_counts_and_add_filters(client, archive):
    html = client.get("/articles/").content.decode()
    assert re.search(r'href="\?tag=energy">energy</a> <span class="count">2</span>', html)
    assert re.search(r'href="\?tag=winter">winter</a> <span class="count">1</span>', html)
    assert re.search(rf'href="\?person={archive.person.slug}">Anna Lee</a> <span class="count">2</span>', html)
    html = client.get("/articles/?tag=energy").content.decode()
    assert 'href="?tag=energy&amp;tag=winter">winter</a>' in html
    assert f'href="?tag=energy&amp;source={archive.source.slug}">The Baltic Times</a>' in html


def test_results_are_counted_and_paginated(client, db):
    ArticleFactory.create_batch(25)
    html = client.get("/articles/").content.decode()
    assert "25 articles" in html and "Page 1 of 2" in html and 'rel="next" href="?page=2"' in html
    assert "Page 2 of 2" in client.get("/articles/?page=2").content.decode()


def test_pagination_keeps_the_filters(client, db):
    ArticleFactory.create_batch(25, tags=["energy"])
    html = client.get("/articles/?tag=energy").content.decode()
    assert 'href="?tag=energy&amp;page=2"' in html


def test_empty_result_is_explained(client, archive):
    html = client.get("/articles/?q=zeppelin").content.decode()
    assert "0 articles" in html and "No published article matches all of these filters" in html


@pytest.mark.parametrize(
    "query",
    ["source=no-such-source", "tag=no-such-tag", "person=nobody", "organisation=none", "since=yesterday",
     "until=2024-13-45", "sort=sideways", "q=" + "x" * 201, "q=nul%00byte"],
)
def test_unknown_filter_values_are_a_400_that_says_why(client, archive, query):
    response = client.get(f"/articles/?{query}")
    assert response.status_code == 400
    assert "These filters cannot be used" in response.content.decode()


@pytest.mark.parametrize("query", ["page=99", "page=0", "page=-1", "page=two"])
def test_a_page_past_the_end_is_a_404_that_says_why(client, archive, query):
    response = client.get(f"/articles/?{query}")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize(
    "q",
    ["'; DROP TABLE articles_article; --", "<script>alert(1)</script>", "!!! & | :* ()", '"unclosed', "-", "NOT",
     "a" * 200, "łódź 東京 🙂", "%", "_", "\\"],
)
def test_hostile_searches_are_harmless(client, archive, q):
    response = client.get("/articles/", {"q": q})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_an_over_long_query_string_is_a_414(client, db):
    response = client.get("/articles/?" + "&".join(f"tag=t{i}" for i in range(500)))
    assert response.status_code == 414
    assert "Address too long" in response.content.decode()


def test_unknown_parameters_are_ignored(client, archive):
    assert _titles(client, "utm_source=newsletter") == {WINTER, PRICES}


def test_only_get_and_head(client, archive):
    assert client.post("/articles/").status_code == 405
    assert client.head("/articles/").status_code == 200


@pytest.mark.parametrize("query", ["speaker=nobody", "tag=nothing", "since=soon", "page=5"])
def test_bad_quote_filters(client, archive, query):
    assert client.get(f"/quotes/?{query}").status_code in (400, 404)


@pytest.mark.parametrize("url", ["/people/?organisation=nothing", "/organisations/?kind=planet", "/people/?page=9"])
def test_bad_directory_filters(client, archive, url):
    assert client.get(url).status_code in (400, 404)
