"""RSS and Atom feeds parse, and carry only published articles."""

import feedparser
import pytest

pytestmark = pytest.mark.django_db


def _feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize("suffix, version", [("rss", "rss20"), ("atom", "atom10")])
def test_latest_articles_feed(client, archive, suffix, version):
    feed = _feed(client, f"/feeds/articles.{suffix}")
    assert feed.version == version
    titles = [entry.title for entry in feed.entries]
    assert set(titles) == {"Grid operators ready for winter", "Electricity prices fall in the north"}
    winter = next(entry for entry in feed.entries if entry.title.startswith("Grid"))
    assert winter.link == f"http://testserver{archive.winter.get_absolute_url()}"
    assert {tag.term for tag in winter.tags} == {"energy", "winter"}
    assert winter.author == "Mark Jones"


@pytest.mark.parametrize("suffix", ["rss", "atom"])
def test_tag_person_and_source_feeds(client, archive, suffix):
    assert [e.title for e in _feed(client, f"/tags/prices/feed.{suffix}").entries] == ["Electricity prices fall in the north"]
    assert len(_feed(client, f"{archive.person.get_absolute_url()}feed.{suffix}").entries) == 2
    assert [e.title for e in _feed(client, f"{archive.source.get_absolute_url()}feed.{suffix}").entries] == [
        "Grid operators ready for winter"
    ]


def test_feeds_of_unknown_things_are_404(client, archive):
    assert client.get("/tags/nothing/feed.rss").status_code == 404
    assert client.get(f"{archive.draft_person.get_absolute_url()}feed.rss").status_code == 404


def test_pages_link_their_feeds(client, archive):
    html = client.get(archive.person.get_absolute_url()).content.decode()
    assert f'type="application/rss+xml" title="Articles featuring Anna Lee" href="/people/{archive.person.slug}/feed.rss"' in html
