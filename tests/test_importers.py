"""import_document maps an Extraction onto rows; these build extractions by hand, so they test the mapping alone."""

import datetime as dt

import pytest

from articles.extract import Extraction, OrganisationMention, PersonMention, QuoteMention
from articles.importers import import_document
from articles.models import Article, Quote
from sources.models import Organisation, Person, Source
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

BODY = "Storage is full, the minister said.\n\n## Outlook\n\n“We are ready for winter,” Zas said."


def _extraction(**changes) -> Extraction:
    values = dict(
        title="Grid ready for winter",
        dek="Storage is full.",
        body=BODY,
        authors=("Patti Mohr",),
        source="Global Economic Report",
        published_on=dt.date(2022, 3, 24),
        people=(
            PersonMention(name="Patti Mohr", description="Patti Mohr is a journalist."),
            PersonMention(name="Stanislav Zas", role="CSTO Secretary-General", aliases=("Vas",), organisation="Collective Security Treaty Organization"),
        ),
        organisations=(OrganisationMention(name="Collective Security Treaty Organization", acronym="CSTO", kind="alliance"),),
        quotes=(
            QuoteMention(text="We are ready for winter,", speaker="Stanislav Zas", organisation=None, attribution="Zas said", position=BODY.index("We are")),
        ),
    )
    values.update(changes)
    return Extraction(**values)


def _import(extraction=None, *, content_hash="a" * 64, filename="doc.txt", **kwargs):
    return import_document(extraction or _extraction(), filename=filename, content_hash=content_hash, **kwargs)


def test_creates_an_article_in_review_with_everything_attached():
    result = _import()
    assert result.status == "created"
    article = Article.objects.get()
    assert article.status == Article.Status.IN_REVIEW and article.published_at is None
    assert (article.title, article.dek, article.published_on) == ("Grid ready for winter", "Storage is full.", dt.date(2022, 3, 24))
    assert article.source.name == "Global Economic Report"
    assert [p.name for p in article.authors.all()] == ["Patti Mohr"]
    assert [p.name for p in article.people.all()] == ["Stanislav Zas"]  # the byline is not a mention
    assert [o.acronym for o in article.organisations.all()] == ["CSTO"]
    zas = Person.objects.get(name="Stanislav Zas")
    assert (zas.role, zas.aliases) == ("CSTO Secretary-General", ["Vas"])
    assert [o.acronym for o in zas.organisations.all()] == ["CSTO"]
    assert Person.objects.get(name="Patti Mohr").description == "Patti Mohr is a journalist."
    quote = Quote.objects.get()
    assert (quote.speaker, quote.status, quote.attribution) == (zas, Quote.Status.EXTRACTED, "Zas said")
    assert article.body[quote.position :].startswith("We are ready")
    assert (result.new_people, result.new_organisations, result.quotes) == (2, 1, 1)
    assert Organisation.objects.get().kind == Organisation.Kind.ALLIANCE


def test_publish_publishes():
    _import(publish=True)
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED and article.published_at is not None


def test_source_override_wins_over_the_document():
    _import(source="Wire Desk")
    assert Article.objects.get().source.name == "Wire Desk"
    assert not Source.objects.filter(name="Global Economic Report").exists()


def test_the_same_document_again_changes_nothing():
    _import()
    stamp = Article.objects.get().updated_at
    again = _import()
    assert again.status == "unchanged"
    assert Article.objects.get().updated_at == stamp
    assert (Article.objects.count(), Person.objects.count(), Quote.objects.count()) == (1, 2, 1)


def test_the_same_content_under_another_name_is_a_duplicate():
    _import()
    assert _import(filename="copy.txt").status == "duplicate"
    assert Article.objects.count() == 1


def test_a_changed_document_is_skipped_without_update():
    _import()
    result = _import(_extraction(title="Grid ready for a hard winter"), content_hash="b" * 64)
    assert result.status == "changed"
    assert "--update" in result.message
    assert Article.objects.get().title == "Grid ready for winter"


def test_update_reapplies_the_extraction_but_keeps_editors_decisions():
    _import()
    article = Article.objects.get()
    article.dek = "Edited by the desk."
    article.save()
    article.tags.add("energy")
    quote = article.quotes.get()
    quote.status = Quote.Status.CONFIRMED
    quote.save()
    article.people.remove(Person.objects.get(name="Stanislav Zas"))  # an editor's removal
    article.people.add(PersonFactory(name="Added By Editor"))

    new_body = BODY + "\n\n“Prices will fall,” said Anna Lee."
    result = _import(
        _extraction(
            title="Grid ready for winter, officials say",
            dek="Storage is nearly full.",
            body=new_body,
            people=_extraction().people + (PersonMention(name="Anna Lee"),),
            quotes=(
                QuoteMention(text="We are ready for winter,", speaker="Stanislav Zas", organisation=None, attribution="Zas said", position=new_body.index("We are")),
                QuoteMention(text="Prices will fall,", speaker="Anna Lee", organisation=None, attribution="said Anna Lee", position=new_body.index("Prices")),
            ),
        ),
        content_hash="b" * 64,
        update=True,
    )
    assert result.status == "updated"
    article.refresh_from_db()
    assert article.title == "Grid ready for winter, officials say"  # untouched by editors: re-extracted
    assert article.dek == "Edited by the desk."  # edited: kept
    assert article.body == new_body
    assert list(article.tags.names()) == ["energy"]
    assert sorted(p.name for p in article.people.all()) == ["Added By Editor", "Anna Lee"]
    quotes = list(article.quotes.order_by("position").values_list("text", "status"))
    assert quotes == [("We are ready for winter,", "confirmed"), ("Prices will fall,", "extracted")]
    assert _import(_extraction(), content_hash="b" * 64).status == "unchanged"


def test_rejected_quotes_stay_rejected_after_update():
    _import()
    Quote.objects.update(status=Quote.Status.REJECTED)
    _import(_extraction(dek="New dek"), content_hash="c" * 64, update=True)
    assert list(Quote.objects.values_list("status", flat=True)) == ["rejected"]


def test_known_alias_resolves_to_the_curated_person():
    curated = PersonFactory(name="Stanislav Zas", aliases=["Stanislav Vas"], role="Secretary-General")
    _import(_extraction(people=(PersonMention(name="Stanislav Vas", role="general"),), authors=(), quotes=()))
    assert Person.objects.count() == 1
    assert list(Article.objects.get().people.all()) == [curated]
    curated.refresh_from_db()
    assert curated.role == "Secretary-General"  # the editor's role is not overwritten


def test_organisation_resolves_by_acronym_and_learns_aliases():
    un = OrganisationFactory(name="United Nations Security Council", acronym="UNSC")
    _import(
        _extraction(
            organisations=(OrganisationMention(name="UN Security Council body", acronym="UNSC", aliases=("U.N. Security Council",)),),
            people=(),
            authors=(),
            quotes=(),
        )
    )
    un.refresh_from_db()
    assert Organisation.objects.count() == 1
    assert un.aliases == ["UN Security Council body", "U.N. Security Council"]


def test_organisation_speaking_in_a_quote():
    body = "“Unity matters,” the statement reads."
    _import(
        _extraction(
            body=body,
            people=(),
            authors=(),
            quotes=(QuoteMention(text="Unity matters,", speaker=None, organisation="Collective Security Treaty Organization", attribution="the statement reads", position=1),),
        )
    )
    quote = Quote.objects.get()
    assert quote.speaker is None and quote.organisation.acronym == "CSTO"


def test_unnamed_source_gets_no_speaker():
    body = "“Talks have stalled,” a ministry source said."
    _import(
        _extraction(
            body=body, people=(), authors=(),
            quotes=(QuoteMention(text="Talks have stalled,", speaker=None, organisation=None, attribution="a ministry source said", position=1),),
        )
    )
    assert Quote.objects.get().speaker_display == "Unnamed source"
    assert Person.objects.count() == 0


def test_no_headline_fails_without_writing():
    result = _import(_extraction(title="  "))
    assert result.failed and result.message == "no headline found"
    assert Article.objects.count() == Person.objects.count() == 0


# The same story from another file: one article


def test_the_same_headline_in_another_document_is_the_same_story():
    _import()
    result = _import(_extraction(title="GRID READY FOR WINTER!", url="https://example.org/grid"), content_hash="b" * 64, filename="grid.html")
    assert result.status == "duplicate"
    assert "the same story as “Grid ready for winter” from doc.txt; its address recorded" in result.message
    article = Article.objects.get()
    assert article.original_url == "https://example.org/grid"
    assert result.slug == article.slug
    assert (Person.objects.count(), Quote.objects.count()) == (2, 1)


def test_typography_does_not_tell_stories_apart():
    _import(_extraction(title="Minister: “We’re ready” – grid prepared"))
    result = _import(_extraction(title='Minister: "We\'re ready" - grid prepared'), content_hash="b" * 64, filename="b.txt")
    assert result.status == "duplicate"


def test_an_unknown_source_on_either_side_still_matches():
    _import(_extraction(source=None))
    assert _import(content_hash="b" * 64, filename="b.txt").status == "duplicate"


def test_the_same_headline_from_another_source_is_another_story():
    _import()
    result = _import(_extraction(source="Nordic Wire"), content_hash="b" * 64, filename="b.txt")
    assert result.status == "created"
    assert sorted(Article.objects.values_list("slug", flat=True)) == ["grid-ready-for-winter", "grid-ready-for-winter-2"]


def test_the_same_headline_at_another_address_is_another_story():
    _import(_extraction(url="https://example.org/letters/monday"))
    result = _import(_extraction(url="https://example.org/letters/tuesday"), content_hash="b" * 64, filename="b.html")
    assert result.status == "created"
    assert Article.objects.count() == 2


def test_the_same_address_written_differently_is_the_same_story():
    _import(_extraction(url="https://www.example.org/grid/"))
    result = _import(_extraction(url="http://example.org/grid?utm_source=feed"), content_hash="b" * 64, filename="b.html")
    assert result.status == "duplicate"
    assert "recorded" not in result.message
    assert Article.objects.get().original_url == "https://www.example.org/grid/"


def test_a_retitled_story_is_matched_by_the_headline_it_was_imported_with():
    _import()
    Article.objects.update(title="Grid operators say they are ready")  # the slug stays
    assert _import(content_hash="b" * 64, filename="b.txt").status == "created"


# Bad input: nothing half-written


def test_a_failure_while_writing_leaves_nothing_behind(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("articles.importers.write._replace_quotes", broken)
    with pytest.raises(RuntimeError):
        _import()
    assert Article.objects.count() == Person.objects.count() == Organisation.objects.count() == Source.objects.count() == 0


def test_over_long_fields_are_cut_or_dropped_not_fatal():
    long_title = "Grid ready " + "and waiting " * 40
    result = _import(_extraction(title=long_title, url="https://example.org/" + "x" * 600))
    assert result.status == "created"
    article = Article.objects.get()
    assert article.title == long_title[:300] and article.original_url == ""
    assert "the page's address is too long to keep" in result.warnings
    # The cut headline is what was extracted, so an update still re-applies it.
    again = _import(_extraction(title=long_title + "more", dek="New dek"), content_hash="b" * 64, update=True)
    assert again.status == "updated"


def test_a_publication_named_in_full_is_the_same_publication():
    _import(_extraction(source="The Global Economic Report Company"))
    assert _import(content_hash="b" * 64, filename="b.txt").status == "duplicate"
