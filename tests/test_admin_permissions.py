"""The Editor and Contributor groups come from a data migration; these prove what each may do."""

import pytest
from django.contrib.auth.models import Group

from articles.models import Article, Quote
from sources.models import Person
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def test_migration_creates_both_groups_with_their_permissions():
    editor = set(Group.objects.get(name="Editor").permissions.values_list("codename", flat=True))
    contributor = set(Group.objects.get(name="Contributor").permissions.values_list("codename", flat=True))
    assert {"publish_article", "merge_person", "merge_organisation", "review_quote", "delete_article", "delete_person"} <= editor
    assert {"add_article", "change_article", "view_quote", "change_quote", "add_person"} <= contributor
    assert not {p for p in contributor if p.startswith("delete_")}
    assert not contributor & {"publish_article", "merge_person", "merge_organisation", "review_quote"}


def test_editor_sees_every_action(editor_client):
    ArticleFactory()
    html = editor_client.get("/admin/articles/article/").content.decode()
    for action in ("publish", "unpublish", "archive", "add_tag", "remove_tag", "delete_selected"):
        assert f'value="{action}"' in html


def test_contributor_cannot_publish_or_delete(contributor_client):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    html = contributor_client.get("/admin/articles/article/").content.decode()
    assert 'value="add_tag"' in html
    for action in ("publish", "unpublish", "archive", "delete_selected"):
        assert f'value="{action}"' not in html

    contributor_client.post("/admin/articles/article/", {"action": "publish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert contributor_client.post(f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def _article_form(article, **changes):
    data = {
        "title": article.title,
        "dek": article.dek,
        "body": article.body,
        "status": article.status,
        "source": article.source_id or "",
        "published_on": article.published_on.isoformat() if article.published_on else "",
        "original_url": "",
        "tags": "",
        "quotes-TOTAL_FORMS": "0",
        "quotes-INITIAL_FORMS": "0",
        "quotes-MIN_NUM_FORMS": "0",
        "quotes-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_contributor_edits_a_draft_and_sends_it_to_review(contributor_client):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    response = contributor_client.post(
        f"/admin/articles/article/{article.pk}/change/", _article_form(article, title="Better headline", status="in_review")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == ("Better headline", "in_review")


def test_contributor_cannot_publish_through_the_form(contributor_client):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    response = contributor_client.post(
        f"/admin/articles/article/{article.pk}/change/", _article_form(article, status="published")
    )
    assert response.status_code == 200  # the form comes back with an error
    assert "Select a valid choice" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_contributor_cannot_change_a_published_article(contributor_client):
    article = ArticleFactory(status=Article.Status.PUBLISHED)
    response = contributor_client.get(f"/admin/articles/article/{article.pk}/change/")
    assert response.status_code == 200
    assert 'name="title"' not in response.content.decode()  # view only
    response = contributor_client.post(f"/admin/articles/article/{article.pk}/change/", _article_form(article, title="Hijacked"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title != "Hijacked"


def test_editor_can_publish_through_the_form(editor_client):
    article = ArticleFactory(status=Article.Status.IN_REVIEW, published_at=None)
    response = editor_client.post(f"/admin/articles/article/{article.pk}/change/", _article_form(article, status="published"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.published_at is not None


def test_contributor_cannot_merge_or_review_quotes(contributor_client):
    a, b = PersonFactory(), PersonFactory()
    html = contributor_client.get("/admin/sources/person/").content.decode()
    assert 'value="merge_selected"' not in html
    contributor_client.post("/admin/sources/person/", {"action": "merge_selected", "_selected_action": [a.pk, b.pk], "survivor": a.pk})
    assert Person.objects.count() == 2

    quote = QuoteFactory()
    contributor_client.post("/admin/articles/quote/", {"action": "confirm", "_selected_action": [quote.pk]})
    quote.refresh_from_db()
    assert quote.status == Quote.Status.EXTRACTED


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/admin/articles/article/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
