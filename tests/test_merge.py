import pytest

from articles.models import Article, Quote
from sources.models import Organisation, Person
from sources.services import merge_organisations, merge_people
from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def test_merging_people_moves_quotes_bylines_mentions_and_names():
    zas = PersonFactory(name="Stanislav Zas", role="", aliases=["S. Zas"])
    vas = PersonFactory(name="Stanislav Vas", role="CSTO Secretary-General", aliases=["Vas"], description="Belarusian general")
    shared = ArticleFactory()
    only_vas = ArticleFactory()
    shared.people.add(zas, vas)
    shared.authors.add(vas)
    only_vas.people.add(vas)
    quote = QuoteFactory(article=shared, speaker=vas)
    vas.tags.add("security")
    csto = OrganisationFactory(name="CSTO secretariat")
    vas.organisations.add(csto)

    result = merge_people(survivor=zas, duplicates=[vas])

    assert not Person.objects.filter(pk=vas.pk).exists()
    zas.refresh_from_db()
    assert zas.aliases == ["S. Zas", "Stanislav Vas", "Vas"]
    assert zas.role == "CSTO Secretary-General"
    assert zas.description == "Belarusian general"
    assert list(shared.people.all()) == [zas]  # no double mention
    assert list(only_vas.people.all()) == [zas]
    assert list(shared.authors.all()) == [zas]
    quote.refresh_from_db()
    assert quote.speaker == zas
    assert list(zas.tags.names()) == ["security"]
    assert list(zas.organisations.all()) == [csto]
    assert "Stanislav Vas" in result.summary()


def test_merging_several_people_at_once():
    survivor, *duplicates = [PersonFactory(name=n) for n in ("Anna Lee", "Ana Lee", "A. Lee")]
    for d in duplicates:
        QuoteFactory(speaker=d)
    merge_people(survivor=survivor, duplicates=duplicates)
    assert Person.objects.count() == 1
    assert Quote.objects.filter(speaker=survivor).count() == 2


def test_merge_refuses_when_only_the_survivor_is_given():
    person = PersonFactory()
    with pytest.raises(ValueError):
        merge_people(survivor=person, duplicates=[person])


def test_merging_organisations_moves_members_quotes_children_and_acronym():
    nato = OrganisationFactory(name="North Atlantic Treaty Organization", acronym="", kind=Organisation.Kind.OTHER)
    dup = OrganisationFactory(name="NATO alliance", acronym="NATO", kind=Organisation.Kind.ALLIANCE)
    child = OrganisationFactory(name="NATO Defence College", acronym="NDC", parent=dup)
    member = PersonFactory()
    member.organisations.add(dup)
    quote = QuoteFactory(speaker=None, organisation=dup)
    article = ArticleFactory()
    article.organisations.add(dup, nato)

    merge_organisations(survivor=nato, duplicates=[dup])

    nato.refresh_from_db()
    child.refresh_from_db()
    quote.refresh_from_db()
    assert nato.acronym == "NATO"
    assert nato.kind == Organisation.Kind.ALLIANCE
    assert nato.aliases == ["NATO alliance"]
    assert child.parent == nato
    assert quote.organisation == nato
    assert list(member.organisations.all()) == [nato]
    assert list(article.organisations.all()) == [nato]


def test_merging_a_parent_into_its_child_does_not_make_a_loop():
    parent = OrganisationFactory(name="Ministry of Defence")
    child = OrganisationFactory(name="Defence Ministry", parent=parent)
    merge_organisations(survivor=child, duplicates=[parent])
    child.refresh_from_db()
    assert child.parent is None


def test_a_failed_merge_changes_nothing(monkeypatch):
    survivor = PersonFactory(name="Anna Lee")
    duplicate = PersonFactory(name="Ana Lee")
    quote = QuoteFactory(speaker=duplicate)

    def broken_clean(self):
        raise RuntimeError("validation blew up")

    monkeypatch.setattr(Person, "full_clean", broken_clean)
    with pytest.raises(RuntimeError):
        merge_people(survivor=survivor, duplicates=[duplicate])
    quote.refresh_from_db()
    assert quote.speaker == duplicate
    assert Person.objects.filter(pk=duplicate.pk).exists()
    assert Article.objects.count() == 1
