"""Writing one extraction to rows: the only code that maps an ``Extraction`` onto the models."""

from __future__ import annotations

from dataclasses import replace

from django.db import transaction
from django.utils import timezone

from articles.extract import Extraction
from articles.models import Article, Quote
from sources.models import Person, Source

from . import match
from .index import ArchiveIndex
from .provenance import EDITABLE_FIELDS, fingerprint, take_snapshot
from .resolve import Resolver
from .result import ImportResult


def import_document(
    extraction: Extraction,
    *,
    filename: str,
    content_hash: str,
    source: str | None = None,
    publish: bool = False,
    update: bool = False,
    index: ArchiveIndex | None = None,
) -> ImportResult:
    """Create or update the article for one extracted document, in one transaction.

    Idempotent: the same content again is ``unchanged``; a changed document under a known file name is
    ``changed`` and left alone unless ``update``, which re-applies the extraction while keeping what
    editors decided: fields they edited, confirmed and rejected quotes, tags, people they removed.
    A new document telling a story the archive already has (``match.same_story``: say the HTML page of
    an article imported as text) is a ``duplicate`` too: it only lends the article its address if the
    article has none. Only the file an article was imported from ever updates it.
    ``index`` lets a batch share one in-memory view of the archive; without it one is read.
    """
    extraction = _fit(extraction)
    result = ImportResult(filename=filename, status="created", title=extraction.title, warnings=list(extraction.warnings))
    if not extraction.title.strip():
        result.status, result.message = "failed", "no headline found"
        return result

    # The lookup and the row lock belong to the transaction that writes: PostgreSQL refuses SELECT ... FOR
    # UPDATE in autocommit, and a lock taken outside would be released before the write anyway.
    with transaction.atomic():
        matches = match.by_content_or_filename(content_hash=content_hash, filename=filename)
        same = next((a for a in matches if a["content_hash"] == content_hash), None)
        if same is not None:
            imported_here = same["import_filename"] == filename
            result.status = "unchanged" if imported_here else "duplicate"
            result.title, result.slug = same["title"], same["slug"]
            result.message = f"already imported as “{same['title']}”" + (
                "" if imported_here else f" from {same['import_filename'] or 'the admin'}"
            )
            return result
        earlier = next((a for a in matches if a["import_filename"] == filename), None)
        if earlier is not None and not update:
            result.status = "changed"
            result.message = f"differs from the imported “{earlier['title']}”; skipped (use --update to re-import it)"
            return result
        previous = Article.objects.select_for_update().get(pk=earlier["pk"]) if earlier is not None else None
        source_name = source or extraction.source
        story = match.same_story(title=extraction.title, source=source_name, url=extraction.url) if previous is None else None
        if story is not None:
            recorded = match.record_address(story, extraction.url)
            result.status = "duplicate"
            result.title, result.slug = story.title, story.slug
            result.message = f"the same story as “{story.title}” from {story.import_filename or 'the admin'}" + (
                "; its address recorded" if recorded else ""
            )
            return result

        resolver = Resolver(index if index is not None else ArchiveIndex())
        people = {
            p.name: resolver.person(p.name, role=p.role, aliases=p.aliases, description=p.description)
            for p in extraction.people
        }
        for name in extraction.authors:
            if name not in people:
                people[name] = resolver.person(name)
        organisations = {
            o.name: resolver.organisation(o.name, acronym=o.acronym, aliases=o.aliases, kind=o.kind)
            for o in extraction.organisations
        }
        Person.organisations.through.objects.bulk_create(
            [
                Person.organisations.through(person_id=people[m.name], organisation_id=organisations[m.organisation])
                for m in extraction.people
                if m.organisation in organisations
            ],
            ignore_conflicts=True,
        )
        snapshot = take_snapshot(extraction, source=source_name)
        if previous is None:
            article = _create_article(
                extraction, snapshot, filename=filename, content_hash=content_hash, source_id=resolver.source(source_name), publish=publish
            )
            _link(article, snapshot, people, organisations)
        else:
            previous_snapshot = dict(previous.extracted or {})
            article = _update_article(
                previous, extraction, snapshot, content_hash=content_hash, source_id=resolver.source(source_name), publish=publish
            )
            _relink(article, snapshot, people, organisations, previous_snapshot=previous_snapshot)
            result.status = "updated"
        result.quotes = _replace_quotes(article, extraction, people, organisations, new=previous is None)
        transaction.on_commit(resolver.commit)

    result.slug = article.slug
    result.title = article.title
    result.people, result.new_people = len(people), len(resolver.new_people)
    result.organisations, result.new_organisations = len(organisations), len(resolver.new_organisations)
    return result


def _fit(extraction: Extraction) -> Extraction:
    """The extraction within the columns' limits: a headline cut to fit; an address or a publication
    name too long to be one is dropped with a warning rather than failing the document."""
    changes: dict = {}
    warnings = list(extraction.warnings)
    title_max = Article._meta.get_field("title").max_length
    if len(extraction.title) > title_max:
        changes["title"] = extraction.title[:title_max]
    if len(extraction.url) > Article._meta.get_field("original_url").max_length:
        changes["url"] = ""
        warnings.append("the page's address is too long to keep")
    if extraction.source and len(extraction.source) > Source._meta.get_field("name").max_length:
        changes["source"] = None
        warnings.append("the publication's name is too long to keep")
    return replace(extraction, **changes, warnings=tuple(warnings)) if changes else extraction


def _create_article(extraction, snapshot, *, filename, content_hash, source_id, publish) -> Article:
    return Article.objects.create(
        title=extraction.title,
        dek=extraction.dek,
        body=extraction.body,
        published_on=extraction.published_on,
        original_url=extraction.url,
        source_id=source_id,
        status=Article.Status.PUBLISHED if publish else Article.Status.IN_REVIEW,
        published_at=timezone.now() if publish else None,
        import_filename=filename,
        content_hash=content_hash,
        extracted=snapshot,
    )


def _update_article(article: Article, extraction, snapshot, *, content_hash, source_id, publish) -> Article:
    before = article.extracted or {}
    for name in EDITABLE_FIELDS:
        edited = name in before and fingerprint(getattr(article, name)) != before[name]
        if not edited:
            setattr(article, name, getattr(extraction, "url" if name == "original_url" else name))
    if article.source_id is None or (before.get("source") and article.source and article.source.name == before["source"]):
        article.source_id = source_id
    if publish and article.status != Article.Status.PUBLISHED:
        article.status = Article.Status.PUBLISHED
    article.content_hash = content_hash
    article.extracted = snapshot
    article.save()
    return article


_RELATIONS = {"authors": "person_id", "people": "person_id", "organisations": "organisation_id"}


def _wanted(snapshot, people, organisations) -> dict[str, list[int]]:
    return {
        "authors": [people[n] for n in snapshot["authors"]],
        "people": [people[n] for n in snapshot["people"]],
        "organisations": [organisations[n] for n in snapshot["organisations"]],
    }


def _link(article, snapshot, people, organisations) -> None:
    """A new article's authors, people and organisations: one insert per relation."""
    for relation, pks in _wanted(snapshot, people, organisations).items():
        through = getattr(Article, relation).through
        through.objects.bulk_create(
            [through(article_id=article.pk, **{_RELATIONS[relation]: pk}) for pk in dict.fromkeys(pks)]
        )


def _relink(article, snapshot, people, organisations, *, previous_snapshot) -> None:
    """Apply only what the extraction changed since the last import.

    An editor's removal of a wrongly extracted person survives a re-import, and so does an addition.
    """
    previous = {relation: set(previous_snapshot.get(relation, [])) for relation in _RELATIONS}
    current = {"authors": set(snapshot["authors"]), "people": set(snapshot["people"]), "organisations": set(snapshot["organisations"])}
    lookup = {"authors": people, "people": people, "organisations": organisations}
    for relation in _RELATIONS:
        manager = getattr(article, relation)
        manager.add(*(lookup[relation][n] for n in current[relation] - previous[relation]))
        manager.remove(*manager.filter(name__in=previous[relation] - current[relation]))


def _replace_quotes(article, extraction, people, organisations, *, new: bool) -> int:
    """Write the extracted quotes, keeping every quote an editor confirmed or rejected."""
    decided = []
    if not new:
        decided = list(article.quotes.exclude(status=Quote.Status.EXTRACTED).only("position", "text"))
        article.quotes.filter(status=Quote.Status.EXTRACTED).delete()
    taken_positions = {q.position for q in decided}
    taken_texts = {" ".join(q.text.split()).casefold() for q in decided}
    max_attribution = Quote._meta.get_field("attribution").max_length
    quotes = [
        Quote(
            article=article,
            text=q.text,
            speaker_id=people.get(q.speaker) if q.speaker else None,
            organisation_id=organisations.get(q.organisation) if q.organisation else None,
            attribution=q.attribution[:max_attribution],
            position=q.position,
        )
        for q in extraction.quotes
        if q.text.strip()
        and q.position not in taken_positions
        and " ".join(q.text.split()).casefold() not in taken_texts
    ]
    unique = {q.position: q for q in quotes}  # one quote per place in the body
    Quote.objects.bulk_create(unique.values())
    return len(unique) + len(decided)

