"""Anonymous pages are served from the cache, and any change an editor makes shows at once."""

import pytest

from articles import services
from articles.models import Article, Quote
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def _cached(client, url, django_assert_num_queries) -> str:
    client.get(url)
    with django_assert_num_queries(0):
        return client.get(url).content.decode()


def test_second_anonymous_request_costs_no_queries(client, archive, django_assert_num_queries):
    for url in ("/", "/articles/", archive.winter.get_absolute_url(), archive.person.get_absolute_url(), "/sitemap.xml"):
        _cached(client, url, django_assert_num_queries)


def test_page_cache_can_be_switched_off(client, archive, settings, django_assert_num_queries):
    settings.NEWSARCHIVE_PAGE_CACHE = False
    client.get("/sources/")
    with django_assert_num_queries(1):
        client.get("/sources/")


def test_publishing_shows_the_article(client, archive, django_assert_num_queries):
    assert "Secret draft" not in _cached(client, "/articles/", django_assert_num_queries)
    services.publish_articles(Article.objects.filter(pk=archive.draft.pk))
    assert "Secret draft" in client.get("/articles/").content.decode()
    assert client.get(archive.draft.get_absolute_url()).status_code == 200


def test_unpublishing_and_archiving_hide_the_article(client, archive, django_assert_num_queries):
    _cached(client, archive.winter.get_absolute_url(), django_assert_num_queries)
    services.unpublish_articles(Article.objects.filter(pk=archive.winter.pk))
    assert client.get(archive.winter.get_absolute_url()).status_code == 404
    _cached(client, archive.prices.get_absolute_url(), django_assert_num_queries)
    services.archive_articles(Article.objects.filter(pk=archive.prices.pk))
    assert client.get(archive.prices.get_absolute_url()).status_code == 404


def test_editing_an_article_shows_the_change(client, archive, django_assert_num_queries):
    _cached(client, "/", django_assert_num_queries)
    archive.winter.title = "Grid operators brace for winter"
    archive.winter.save()
    assert "Grid operators brace for winter" in client.get("/").content.decode()


def test_deleting_shows_the_change(client, archive, django_assert_num_queries):
    _cached(client, "/articles/", django_assert_num_queries)
    archive.prices.delete()
    assert "Electricity prices" not in client.get("/articles/").content.decode()


def test_tags_and_links_show_the_change(client, archive, django_assert_num_queries):
    url = archive.winter.get_absolute_url()
    _cached(client, url, django_assert_num_queries)
    services.add_tag(Article.objects.filter(pk=archive.winter.pk), "storms")
    assert 'href="/tags/storms/"' in client.get(url).content.decode()
    _cached(client, url, django_assert_num_queries)
    services.remove_tag(Article.objects.filter(pk=archive.winter.pk), "storms")
    assert 'href="/tags/storms/"' not in client.get(url).content.decode()
    _cached(client, url, django_assert_num_queries)
    archive.winter.people.add(PersonFactory(name="Zed Newcomer"))
    assert "Zed Newcomer" in client.get(url).content.decode()
    _cached(client, url, django_assert_num_queries)
    archive.winter.tags.add("grid")  # taggit's manager, not a service
    assert 'href="/tags/grid/"' in client.get(url).content.decode()


def test_reviewing_quotes_shows_the_change(client, archive, django_assert_num_queries):
    _cached(client, "/quotes/", django_assert_num_queries)
    services.review_quotes(Quote.objects.filter(pk=archive.said.pk), status=Quote.Status.REJECTED)
    assert "We are ready for winter" not in client.get("/quotes/").content.decode()


def test_renaming_a_person_shows_everywhere(client, archive, django_assert_num_queries):
    _cached(client, archive.winter.get_absolute_url(), django_assert_num_queries)
    archive.person.name = "Anna Lee-Smith"
    archive.person.save()
    assert "Anna Lee-Smith" in client.get(archive.winter.get_absolute_url()).content.decode()


def test_admin_publish_action_shows_the_article(client, archive, django_assert_num_queries):
    _cached(client, "/articles/", django_assert_num_queries)
    editor = UserFactory(username="publisher", is_superuser=True)
    admin = type(client)()
    admin.force_login(editor)
    response = admin.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [archive.draft.pk]},
    )
    assert response.status_code in (200, 302)
    assert Article.objects.get(pk=archive.draft.pk).is_public
    assert "Secret draft" in client.get("/articles/").content.decode()


def test_staff_pages_are_never_cached_for_readers(client, archive):
    staff = type(client)()
    staff.force_login(UserFactory(is_staff=True))
    assert staff.get(archive.draft.get_absolute_url()).status_code == 200
    assert client.get(archive.draft.get_absolute_url()).status_code == 404


def test_error_pages_are_not_cached(client, archive):
    assert client.get("/articles/?source=nope").status_code == 400
    assert client.get(archive.draft.get_absolute_url()).status_code == 404
    services.publish_articles(Article.objects.filter(pk=archive.draft.pk))
    assert client.get(archive.draft.get_absolute_url()).status_code == 200


LOCAL_MEMORY = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def test_another_process_changing_the_archive_invalidates_this_ones_pages(tmp_path, settings):
    """Without Redis each process caches pages itself; the version file carries a change between them."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from newsarchive.cache import archive_version

    settings.CACHES = LOCAL_MEMORY
    settings.NEWSARCHIVE_VERSION_FILE = str(tmp_path / "archive-version")
    before = archive_version()
    assert archive_version() == before  # stable while nothing changes
    root = Path(__file__).resolve().parent.parent
    subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from newsarchive.cache import _bump; _bump()"],
        cwd=root,
        env={
            **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},
            "DJANGO_SETTINGS_MODULE": "newsarchive.settings",
            "NEWSARCHIVE_VERSION_FILE": settings.NEWSARCHIVE_VERSION_FILE,
        },
        check=True,
    )
    assert archive_version() != before


def test_the_version_file_is_made_when_missing(tmp_path, settings):
    from newsarchive.cache import archive_version

    settings.CACHES = LOCAL_MEMORY
    settings.NEWSARCHIVE_VERSION_FILE = str(tmp_path / "var" / "archive-version")
    version = archive_version()
    assert (tmp_path / "var" / "archive-version").read_text() == version
