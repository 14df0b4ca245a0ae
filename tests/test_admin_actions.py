import pytest

from articles.models import Article, Quote
from sources.models import Organisation, Person
from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db

ARTICLES = "/admin/articles/article/"


def _act(client, url, action, objects, **extra):
    data = {"action": action, "_selected_action": [o.pk for o in objects], **extra}
    return client.post(url, data, follow=True)


def test_publish_unpublish_and_archive(editor_client):
    drafts = [ArticleFactory(status=Article.Status.IN_REVIEW, published_at=None) for _ in range(3)]
    _act(editor_client, ARTICLES, "publish", drafts[:2])
    statuses = dict(Article.objects.values_list("pk", "status"))
    assert [statuses[a.pk] for a in drafts] == ["published", "published", "in_review"]
    first = Article.objects.get(pk=drafts[0].pk)
    assert first.published_at is not None

    _act(editor_client, ARTICLES, "unpublish", drafts[:1])
    unpublished = Article.objects.get(pk=drafts[0].pk)
    assert unpublished.status == Article.Status.IN_REVIEW
    assert unpublished.published_at == first.published_at  # first publication time is kept

    response = _act(editor_client, ARTICLES, "archive", drafts)
    assert set(Article.objects.values_list("status", flat=True)) == {"archived"}
    assert "Archived 3 article(s)." in response.content.decode()


def test_add_and_remove_a_tag_on_many_articles(editor_client):
    articles = [ArticleFactory() for _ in range(3)]
    articles[0].tags.add("Energy")
    response = _act(editor_client, ARTICLES, "add_tag", articles, tag="  energy ")
    assert "Tagged 2 article(s)" in response.content.decode()
    assert all(list(a.tags.names()) == ["Energy"] for a in articles)  # case-insensitive: one tag

    _act(editor_client, ARTICLES, "remove_tag", articles[:2], tag="ENERGY")
    assert [list(a.tags.names()) for a in articles] == [[], [], ["Energy"]]


def test_tag_action_without_a_name_explains_itself(editor_client):
    article = ArticleFactory()
    response = _act(editor_client, ARTICLES, "add_tag", [article], tag="")
    assert "Type the tag" in response.content.decode()
    assert not article.tags.exists()


def test_confirm_and_reject_quotes(editor_client):
    quotes = [QuoteFactory() for _ in range(3)]
    _act(editor_client, "/admin/articles/quote/", "confirm", quotes[:2])
    _act(editor_client, "/admin/articles/quote/", "reject", quotes[2:])
    assert list(Quote.objects.order_by("pk").values_list("status", flat=True)) == ["confirmed", "confirmed", "rejected"]


def test_merge_people_asks_for_the_survivor_then_merges(editor_client):
    zas = PersonFactory(name="Stanislav Zas")
    vas = PersonFactory(name="Stanislav Vas")
    QuoteFactory(speaker=vas)
    confirm = _act(editor_client, "/admin/sources/person/", "merge_selected", [zas, vas])
    html = confirm.content.decode()
    assert "Choose the record that survives" in html
    assert f'value="{vas.pk}"' in html
    assert Person.objects.count() == 2  # nothing happens before confirmation

    done = _act(editor_client, "/admin/sources/person/", "merge_selected", [zas, vas], survivor=zas.pk)
    assert "Merged Stanislav Vas into Stanislav Zas" in done.content.decode()
    assert list(Person.objects.values_list("name", "aliases")) == [("Stanislav Zas", ["Stanislav Vas"])]
    assert Quote.objects.get().speaker == zas


def test_merge_organisations_through_the_admin(editor_client):
    a = OrganisationFactory(name="United Nations", acronym="UN")
    b = OrganisationFactory(name="U.N.", acronym="")
    _act(editor_client, "/admin/sources/organisation/", "merge_selected", [a, b], survivor=a.pk)
    assert list(Organisation.objects.values_list("name", "aliases")) == [("United Nations", ["U.N."])]


def test_merge_needs_two_records_and_a_selected_survivor(editor_client):
    a, b, c = PersonFactory(), PersonFactory(), PersonFactory()
    response = _act(editor_client, "/admin/sources/person/", "merge_selected", [a])
    assert "Select at least two records" in response.content.decode()
    response = _act(editor_client, "/admin/sources/person/", "merge_selected", [a, b], survivor=c.pk)
    assert "must be one of the selected" in response.content.decode()
    assert Person.objects.count() == 3
