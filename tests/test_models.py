import pytest
from django.db import IntegrityError, transaction

from articles.models import Article, Quote
from sources.models import Organisation, Person, Source
from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory, QuoteFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_slug_is_made_from_the_name_and_kept_unique():
    first = ArticleFactory(title="Winter is coming")
    second = ArticleFactory(title="Winter is coming!")
    assert first.slug == "winter-is-coming"
    assert second.slug == "winter-is-coming-2"


def test_slug_stays_when_the_title_is_corrected():
    article = ArticleFactory(title="Winter is comming")
    article.title = "Winter is coming"
    article.save()
    article.refresh_from_db()
    assert article.slug == "winter-is-comming"


def test_slug_of_a_name_without_letters_falls_back():
    assert PersonFactory(name="???").slug == "item"
    assert SourceFactory(name="!!!").slug == "source"


def test_person_names_are_unique_ignoring_case():
    PersonFactory(name="Stanislav Zas")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(name="stanislav zas")


def test_organisation_names_are_unique_ignoring_case():
    OrganisationFactory(name="United Nations", acronym="UN")
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(name="UNITED NATIONS", acronym="")


@pytest.mark.parametrize("model, field", [(Person, "name"), (Organisation, "name"), (Source, "name"), (Article, "title")])
def test_empty_names_are_refused_by_the_database(model, field):
    obj = {Person: PersonFactory, Organisation: OrganisationFactory, Source: SourceFactory, Article: ArticleFactory}[model]()
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=obj.pk).update(**{field: ""})


def test_an_organisation_cannot_be_its_own_parent():
    org = OrganisationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.filter(pk=org.pk).update(parent=org)


def test_published_article_must_have_a_publication_time():
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)


def test_saving_a_published_article_stamps_published_at():
    article = ArticleFactory(status=Article.Status.PUBLISHED, published_at=None)
    assert article.published_at is not None


def test_content_hash_is_unique_but_may_be_empty_many_times():
    ArticleFactory(content_hash="")
    ArticleFactory(content_hash="")
    ArticleFactory(content_hash="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(content_hash="a" * 64)


def test_two_quotes_cannot_start_at_the_same_place_in_an_article():
    quote = QuoteFactory(position=10)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuoteFactory(article=quote.article, position=10)


def test_deleting_a_person_keeps_their_articles_and_quotes():
    person = PersonFactory()
    article = ArticleFactory()
    article.authors.add(person)
    article.people.add(person)
    quote = QuoteFactory(article=article, speaker=person)
    person.delete()
    assert Article.objects.filter(pk=article.pk).exists()
    quote.refresh_from_db()
    assert quote.speaker is None


def test_deleting_an_organisation_or_source_keeps_articles():
    org = OrganisationFactory()
    article = ArticleFactory()
    article.organisations.add(org)
    QuoteFactory(article=article, organisation=org, speaker=None)
    article.source.delete()
    org.delete()
    article.refresh_from_db()
    assert article.source is None
    assert article.quotes.get().organisation is None


def test_published_queryset_names_the_rule():
    published = ArticleFactory(status=Article.Status.PUBLISHED)
    ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(status=Article.Status.ARCHIVED)
    assert list(Article.objects.published()) == [published]


def test_public_quotes_exclude_rejected_and_unpublished():
    public = QuoteFactory(status=Quote.Status.CONFIRMED)
    QuoteFactory(article=public.article, status=Quote.Status.REJECTED)
    QuoteFactory(article=ArticleFactory(status=Article.Status.DRAFT, published_at=None))
    assert list(Quote.objects.public()) == [public]


def test_search_matches_every_word_in_title_or_body():
    hit = ArticleFactory(title="Grid operators brace for winter", body="Storage of gas is full.")
    ArticleFactory(title="Football results", body="A late goal.")
    assert list(Article.objects.search("winter gas")) == [hit]
    assert list(Article.objects.search("winter football")) == []


def test_quote_speaker_display_falls_back_to_the_organisation():
    org = OrganisationFactory(name="NATO Council", acronym="")
    assert QuoteFactory(speaker=None, organisation=org).speaker_display == "NATO Council"
    assert QuoteFactory(speaker=None, organisation=None).speaker_display == "Unnamed source"


def test_aliases_skip_the_canonical_name_and_repeats():
    person = PersonFactory(name="Stanislav Zas", aliases=["Vas"])
    assert person.add_aliases("stanislav zas", "VAS", "Stanislav  Vas") is True
    assert person.aliases == ["Vas", "Stanislav Vas"]
    assert person.add_aliases("Vas") is False


def test_many_articles_with_one_title_get_numbered_slugs():
    slugs = [ArticleFactory(title="Market report").slug for _ in range(55)]
    assert slugs[:3] == ["market-report", "market-report-2", "market-report-3"]
    assert slugs[-1] == "market-report-55"
    assert len(set(slugs)) == 55
