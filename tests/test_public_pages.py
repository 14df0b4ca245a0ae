"""Every public page renders what readers need, and only what is published."""

import json
import re

import pytest

from tests.factories import ArticleFactory, QuoteFactory, UserFactory

pytestmark = pytest.mark.django_db


def _json_ld(html: str) -> list[dict]:
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_home_lists_latest_articles_tags_and_most_quoted(client, archive):
    html = client.get("/").content.decode()
    assert html.index("Electricity prices fall in the north") < html.index("Grid operators ready for winter")
    assert 'href="/tags/energy/"' in html
    assert "Anna Lee" in html and "2 quotes" in html
    assert "Secret draft" not in html


def test_article_page_shows_everything_about_the_article(client, archive):
    response = client.get(archive.winter.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Grid operators ready for winter · newsarchive</title>" in html
    assert '<meta name="description" content="Storage is full, but demand is rising.">' in html
    assert f'<link rel="canonical" href="http://testserver{archive.winter.get_absolute_url()}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert "<h2>Outlook</h2>" in html
    assert "The Baltic Times" in html and "Mark Jones" in html and "Baltic Power Authority" in html
    assert 'href="/tags/winter/"' in html
    assert "Electricity prices fall in the north" in html  # related: shares a tag and a person


def test_article_marks_its_quotes_and_links_them_to_the_speaker(client, archive):
    html = client.get(archive.winter.get_absolute_url()).content.decode()
    assert (
        f'<mark class="quote" id="quote-{archive.said.pk}"><a href="/people/{archive.person.slug}/">'
        "We are ready for winter, whatever comes.<span" in html
    )


def test_rejected_quotes_are_not_shown(client, archive):
    for url in (archive.winter.get_absolute_url(), archive.person.get_absolute_url(), "/quotes/"):
        assert "Nobody listens to us." not in client.get(url).content.decode()


def test_article_json_ld_is_a_news_article_with_author_and_publisher(client, archive):
    (data,) = _json_ld(client.get(archive.winter.get_absolute_url()).content.decode())
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Grid operators ready for winter"
    assert data["author"] == [{"@type": "Person", "name": "Mark Jones", "url": f"http://testserver/people/{archive.author.slug}/"}]
    assert data["publisher"]["name"] == "The Baltic Times"
    assert data["datePublished"] == "2024-11-03"


def test_json_ld_cannot_break_out_of_its_script(client, db):
    article = ArticleFactory(title="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert _json_ld(html)[0]["headline"] == "</script><script>alert(1)</script>"


def test_draft_is_a_404_for_readers(client, archive):
    response = client.get(archive.draft.get_absolute_url())
    assert response.status_code == 404
    assert "Secret draft" not in response.content.decode()


def test_draft_is_a_preview_with_a_banner_for_staff(client, archive):
    client.force_login(UserFactory(is_staff=True))
    response = client.get(archive.draft.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview" in html and "Readers cannot see it" in html
    assert '<meta name="robots" content="noindex">' in html


def test_logged_in_non_staff_cannot_preview(client, archive):
    client.force_login(UserFactory(is_staff=False))
    assert client.get(archive.draft.get_absolute_url()).status_code == 404


def test_person_page_shows_role_organisations_aliases_quotes_articles_and_timeline(client, archive):
    response = client.get(archive.person.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Chief economist" in html and "Baltic Power Authority" in html and "A. Lee" in html
    # quotes in date order: November's before December's
    assert html.index("We are ready for winter") < html.index("Prices will keep falling.")
    assert "Electricity prices fall in the north" in html and "Grid operators ready for winter" in html
    assert '<svg viewBox="0 0 640 110" role="img"' in html and "November 2024: 1; December 2024: 1" in html
    (data,) = _json_ld(html)
    assert data["@type"] == "Person" and data["jobTitle"] == "Chief economist"


def test_people_only_in_drafts_are_not_public(client, archive):
    assert client.get(archive.draft_person.get_absolute_url()).status_code == 404
    assert "Hidden Person" not in client.get("/people/").content.decode()


def test_people_list(client, archive):
    html = client.get("/people/").content.decode()
    assert "Anna Lee" in html and "Mark Jones" in html and "2 quotes" in html
    assert "Anna Lee" in client.get("/people/?q=lee").content.decode()
    assert "Anna Lee" in client.get("/people/?q=A.+Lee").content.decode()  # by alias
    assert "Anna Lee" not in client.get("/people/?q=jones").content.decode()


def test_organisation_pages(client, archive):
    html = client.get("/organisations/").content.decode()
    assert "Baltic Power Authority" in html and "BPA" in html
    assert "Baltic Power Authority" in client.get("/organisations/?q=bpa").content.decode()
    html = client.get(archive.org.get_absolute_url()).content.decode()
    assert "Anna Lee" in html and "Grid operators ready for winter" in html


def test_source_pages(client, archive):
    html = client.get("/sources/").content.decode()
    assert "The Baltic Times" in html and "Nordic Wire" in html
    html = client.get(archive.source.get_absolute_url()).content.decode()
    assert "Grid operators ready for winter" in html
    assert "Electricity prices" not in html and "Secret draft" not in html


def test_source_with_only_drafts_is_not_public(client, db):
    draft = ArticleFactory(status="draft", published_at=None)
    assert client.get(draft.source.get_absolute_url()).status_code == 404


def test_tag_page_spans_articles_people_organisations_and_quotes(client, archive):
    archive.person.tags.add("energy")
    archive.org.tags.add("energy")
    archive.said.tags.add("energy")
    html = client.get("/tags/energy/").content.decode()
    assert "2 articles" in html
    assert "Anna Lee" in html and "Baltic Power Authority" in html and "We are ready for winter" in html
    assert client.get("/tags/no-such-tag/").status_code == 404


def test_quotes_list_shows_who_said_what(client, archive):
    html = client.get("/quotes/").content.decode()
    assert "2 quotes" in html
    assert html.index("Prices will keep falling.") < html.index("We are ready for winter")  # newest first
    assert "Anna Lee" in html


def test_quotes_filter_by_speaker_organisation_tag_date_and_words(client, archive):
    def shown(query):
        html = client.get(f"/quotes/?{query}").content.decode()
        return {text for text in ("We are ready for winter", "Prices will keep falling.") if text in html}

    archive.said.organisation = archive.org
    archive.said.save()
    assert shown(f"speaker={archive.person.slug}") == {"We are ready for winter", "Prices will keep falling."}
    assert shown(f"organisation={archive.org.slug}") == {"We are ready for winter"}
    assert shown("tag=winter") == {"We are ready for winter"}  # the article's tag
    assert shown("since=2024-11-15") == {"Prices will keep falling."}
    assert shown("until=2024-11-15") == {"We are ready for winter"}
    assert shown("q=keep+prices") == {"Prices will keep falling."}


def test_quote_of_a_draft_is_not_public(client, archive):
    QuoteFactory(article=archive.draft, text="Leaked words.", speaker=archive.person)
    assert "Leaked words." not in client.get("/quotes/").content.decode()
    assert "Leaked words." not in client.get(archive.person.get_absolute_url()).content.decode()


def test_every_page_has_title_description_canonical_and_open_graph(client, archive):
    urls = [
        "/", "/articles/", archive.winter.get_absolute_url(), "/quotes/", "/people/", archive.person.get_absolute_url(),
        "/organisations/", archive.org.get_absolute_url(), "/sources/", archive.source.get_absolute_url(), "/tags/energy/",
    ]
    titles = set()
    for url in urls:
        html = client.get(url).content.decode()
        title = re.search(r"<title>(.+?)</title>", html).group(1)
        titles.add(title)
        assert re.search(r'<meta name="description" content=".{20,}">', html), url
        assert '<link rel="canonical" href="http://testserver/' in html, url
        assert '<meta property="og:title" content="' in html, url
    assert len(titles) == len(urls)


def test_friendly_404(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'href="/articles/"' in html and "Resolver404" not in html


def test_friendly_500(client, db, settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html and "newsarchive" in html


def test_robots_txt_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_public_pages_only(client, archive):
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{archive.winter.get_absolute_url()}" in xml
    assert f"http://testserver{archive.person.get_absolute_url()}" in xml
    assert "http://testserver/tags/energy/" in xml
    assert archive.draft.slug not in xml and archive.draft_person.slug not in xml
