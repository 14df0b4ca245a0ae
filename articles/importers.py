"""Turn documents into rows: the only code that maps an ``Extraction`` onto the models.

Reading a file, extracting it and writing it happen per document; each document is written in its own
transaction, so a bad file never leaves half an article behind and never stops the others.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.extract import Extraction, Known, KnownOrganisation, KnownPerson, extract
from articles.models import Article, Quote
from sources.models import Organisation, Person, Source

logger = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = {".txt", ".text"}

# Fields the importer owns until an editor changes them; the snapshot in Article.extracted tells which.
EDITABLE_FIELDS = ("title", "dek", "body", "published_on", "original_url")


class DocumentError(Exception):
    """A document that cannot be imported, with a reason fit to show the operator."""


@dataclass(frozen=True)
class Document:
    path: Path
    text: str
    content_hash: str

    @property
    def filename(self) -> str:
        return self.path.name


@dataclass
class ImportResult:
    filename: str
    status: str  # created, updated, unchanged, changed (skipped), duplicate, failed
    title: str = ""
    slug: str = ""
    people: int = 0
    new_people: int = 0
    organisations: int = 0
    new_organisations: int = 0
    quotes: int = 0
    warnings: list[str] = field(default_factory=list)
    message: str = ""

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    def summary_line(self) -> str:
        if self.failed:
            return f"failed     {self.filename}: {self.message}"
        if self.status in ("unchanged", "duplicate", "changed"):
            return f"{self.status:<10} {self.filename}: {self.message}"
        return (
            f"{self.status:<10} {self.filename}: “{self.title}” — {self.people} people ({self.new_people} new), "
            f"{self.organisations} organisations ({self.new_organisations} new), {self.quotes} quotes"
            + (f"; {len(self.warnings)} warning(s)" if self.warnings else "")
        )

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


# Reading


def find_documents(paths: Iterable[str | Path]) -> Iterator[Path | DocumentError]:
    """The document files named by ``paths``; a folder contributes its ``*.txt`` files, sorted.

    Problems with a path are yielded as ``DocumentError`` in its place, so the caller reports them in order.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
            if not found:
                yield DocumentError(f"{path}: no documents (*.txt) in this folder")
            yield from found
        elif path.is_file():
            yield path
        elif path.exists():
            yield DocumentError(f"{path}: not a regular file")
        else:
            yield DocumentError(f"{path}: no such file or folder")


def read_document(path: Path, *, max_bytes: int | None = None) -> Document:
    """Read and check one document: it must be non-empty UTF-8 text within the size limit."""
    limit = max_bytes if max_bytes is not None else settings.NEWSARCHIVE_MAX_DOCUMENT_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise DocumentError(f"{path.name}: too large ({size:,} bytes; the limit is {limit:,})")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{path.name}: a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{path.name}: not UTF-8 text (bad byte at offset {exc.start})") from None
    if not text.strip():
        raise DocumentError(f"{path.name}: empty")
    return Document(path=path, text=text, content_hash=hashlib.sha256(data).hexdigest())


# The archive as the extractor's gazetteer


def known_from_archive() -> Known:
    """The archive's curated names, so editors' fixes and merges teach the next import."""
    people = tuple(
        KnownPerson(name=name, aliases=tuple(aliases or ()), role=role)
        for name, aliases, role in Person.objects.values_list("name", "aliases", "role").iterator()
    )
    organisations = tuple(
        KnownOrganisation(name=name, acronym=acronym, aliases=tuple(aliases or ()))
        for name, acronym, aliases in Organisation.objects.values_list("name", "acronym", "aliases").iterator()
    )
    return Known(people=people, organisations=organisations)


# Writing


class _Resolver:
    """Finds or creates People and Organisations for one document, counting the new ones."""

    def __init__(self) -> None:
        self.new_people = 0
        self.new_organisations = 0

    def person(self, name: str, *, role: str = "", aliases: Iterable[str] = (), description: str = "") -> Person:
        person = Person.objects.named(name).first() or self._person_by_alias(name)
        if person is None:
            person = Person.objects.create(name=name, role=role, description=description)
            self.new_people += 1
        changed = person.add_aliases(*(a for a in aliases if a.casefold() != person.name.casefold()))
        # Editors' words win: fill only what is empty.
        if role and not person.role:
            person.role, changed = role, True
        if description and not person.description:
            person.description, changed = description, True
        if changed:
            person.save()
        return person

    def organisation(self, name: str, *, acronym: str = "", aliases: Iterable[str] = (), kind: str = "") -> Organisation:
        org = Organisation.objects.named(name).first()
        if org is None and acronym:
            org = Organisation.objects.filter(acronym__iexact=acronym).order_by("pk").first()
        if org is None:
            org = self._organisation_by_alias(name)
        if org is None:
            valid_kind = kind if kind in Organisation.Kind.values else Organisation.Kind.OTHER
            org = Organisation.objects.create(name=name, acronym=acronym, kind=valid_kind)
            self.new_organisations += 1
        changed = org.add_aliases(*(a for a in aliases if a.casefold() != org.name.casefold()))
        if acronym and not org.acronym:
            org.acronym, changed = acronym, True
        if changed:
            org.save()
        return org

    @staticmethod
    def _person_by_alias(name: str) -> Person | None:
        # Aliases live in a JSON list; narrow with a text match, then compare exactly.
        folded = name.casefold()
        for person in Person.objects.filter(aliases__icontains=name):
            if any(alias.casefold() == folded for alias in person.aliases):
                return person
        return None

    @staticmethod
    def _organisation_by_alias(name: str) -> Organisation | None:
        folded = name.casefold()
        for org in Organisation.objects.filter(aliases__icontains=name):
            if any(alias.casefold() == folded for alias in org.aliases):
                return org
        return None


def _snapshot(extraction: Extraction, *, source: str | None) -> dict:
    return {
        "title": extraction.title,
        "dek": extraction.dek,
        "body": extraction.body,
        "published_on": extraction.published_on.isoformat() if extraction.published_on else None,
        "original_url": extraction.url,
        "source": source,
        "authors": list(extraction.authors),
        "people": sorted(p.name for p in extraction.people if p.name not in extraction.authors),
        "organisations": sorted(o.name for o in extraction.organisations),
    }


def _field_value(article: Article, name: str):
    value = getattr(article, name)
    return value.isoformat() if isinstance(value, dt.date) else value


def import_document(
    extraction: Extraction,
    *,
    filename: str,
    content_hash: str,
    source: str | None = None,
    publish: bool = False,
    update: bool = False,
) -> ImportResult:
    """Create or update the article for one extracted document, in one transaction.

    Idempotent: the same content again is ``unchanged``; a changed document under a known file name is
    ``changed`` and left alone unless ``update``, which re-applies the extraction while keeping what
    editors decided: fields they edited, confirmed and rejected quotes, tags, people they removed.
    """
    result = ImportResult(filename=filename, status="created", title=extraction.title, warnings=list(extraction.warnings))
    if not extraction.title.strip():
        result.status, result.message = "failed", "no headline found"
        return result

    same = Article.objects.filter(content_hash=content_hash).only("pk", "title", "import_filename").first()
    if same is not None:
        result.status = "unchanged" if same.import_filename == filename else "duplicate"
        result.message = f"already imported as “{same.title}”" + (
            "" if same.import_filename == filename else f" from {same.import_filename or 'the admin'}"
        )
        return result
    previous = Article.objects.filter(import_filename=filename).order_by("-created_at").first()
    if previous is not None and not update:
        result.status = "changed"
        result.message = f"differs from the imported “{previous.title}”; skipped (use --update to re-import it)"
        return result

    source_name = source or extraction.source
    resolver = _Resolver()
    with transaction.atomic():
        source_obj = _source(source_name)
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
        for mention in extraction.people:
            if mention.organisation and mention.organisation in organisations:
                people[mention.name].organisations.add(organisations[mention.organisation])

        snapshot = _snapshot(extraction, source=source_name)
        previous_snapshot = dict(previous.extracted) if previous is not None else None
        if previous is None:
            article = _create_article(extraction, snapshot, filename=filename, content_hash=content_hash, source=source_obj, publish=publish)
        else:
            article = _update_article(previous, extraction, snapshot, content_hash=content_hash, source=source_obj, publish=publish)
            result.status = "updated"
        _apply_relations(article, snapshot, people, organisations, previous_snapshot=previous_snapshot)
        result.quotes = _replace_quotes(article, extraction, people, organisations)

    result.slug = article.slug
    result.title = article.title
    result.people, result.new_people = len(people), resolver.new_people
    result.organisations, result.new_organisations = len(organisations), resolver.new_organisations
    return result


def _source(name: str | None) -> Source | None:
    if not name:
        return None
    return Source.objects.named(name).first() or Source.objects.create(name=name)


def _create_article(extraction, snapshot, *, filename, content_hash, source, publish) -> Article:
    return Article.objects.create(
        title=extraction.title[: Article._meta.get_field("title").max_length],
        dek=extraction.dek,
        body=extraction.body,
        published_on=extraction.published_on,
        original_url=extraction.url,
        source=source,
        status=Article.Status.PUBLISHED if publish else Article.Status.IN_REVIEW,
        published_at=timezone.now() if publish else None,
        import_filename=filename,
        content_hash=content_hash,
        extracted=snapshot,
    )


def _update_article(article: Article, extraction, snapshot, *, content_hash, source, publish) -> Article:
    before = article.extracted or {}
    for name in EDITABLE_FIELDS:
        edited = name in before and _field_value(article, name) != before[name]
        if not edited:
            setattr(article, name, getattr(extraction, "url" if name == "original_url" else name))
    if article.source_id is None or (before.get("source") and article.source and article.source.name == before["source"]):
        article.source = source
    if publish and article.status != Article.Status.PUBLISHED:
        article.status = Article.Status.PUBLISHED
    article.content_hash = content_hash
    article.extracted = snapshot
    article.save()
    return article


def _apply_relations(article, snapshot, people, organisations, *, previous_snapshot) -> None:
    """Set authors, people and organisations; on update, apply only what the extraction changed.

    An editor's removal of a wrongly extracted person survives a re-import, and so does an addition.
    """
    wanted = {
        "authors": [people[n] for n in snapshot["authors"]],
        "people": [people[n] for n in snapshot["people"]],
        "organisations": [organisations[n] for n in snapshot["organisations"]],
    }
    for relation, objects in wanted.items():
        manager = getattr(article, relation)
        if previous_snapshot is None:
            manager.set(objects)
            continue
        old = set(previous_snapshot.get(relation, []))
        new = {obj.name for obj in objects}
        manager.add(*(obj for obj in objects if obj.name not in old))
        manager.remove(*manager.filter(name__in=old - new))


def _replace_quotes(article, extraction, people, organisations) -> int:
    """Write the extracted quotes, keeping every quote an editor confirmed or rejected."""
    decided = list(article.quotes.exclude(status=Quote.Status.EXTRACTED).only("position", "text"))
    article.quotes.filter(status=Quote.Status.EXTRACTED).delete()
    taken_positions = {q.position for q in decided}
    taken_texts = {" ".join(q.text.split()).casefold() for q in decided}
    max_attribution = Quote._meta.get_field("attribution").max_length
    quotes = [
        Quote(
            article=article,
            text=q.text,
            speaker=people.get(q.speaker) if q.speaker else None,
            organisation=organisations.get(q.organisation) if q.organisation else None,
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


def import_paths(
    paths: Iterable[str | Path],
    *,
    source: str | None = None,
    publish: bool = False,
    update: bool = False,
    dry_run: bool = False,
) -> Iterator[ImportResult]:
    """Import every document under ``paths``, yielding one result per document as it is done.

    With ``dry_run`` each document is written and rolled back, so the report is exact and nothing stays.
    """
    return import_found(find_documents(paths), source=source, publish=publish, update=update, dry_run=dry_run)


def import_found(
    items: Iterable[Path | DocumentError],
    *,
    source: str | None = None,
    publish: bool = False,
    update: bool = False,
    dry_run: bool = False,
) -> Iterator[ImportResult]:
    """Import what :func:`find_documents` found; see :func:`import_paths`."""
    known = known_from_archive()
    for item in items:
        if isinstance(item, DocumentError):
            yield ImportResult(filename=str(item).split(":", 1)[0], status="failed", message=str(item).split(": ", 1)[-1])
            continue
        try:
            document = read_document(item)
            extraction = extract(document.text, known=known)
            with transaction.atomic():
                result = import_document(
                    extraction,
                    filename=document.filename,
                    content_hash=document.content_hash,
                    source=source,
                    publish=publish,
                    update=update,
                )
                if dry_run:
                    transaction.set_rollback(True)
        except DocumentError as exc:
            result = ImportResult(filename=item.name, status="failed", message=str(exc).split(": ", 1)[-1])
        except IntegrityError as exc:
            result = ImportResult(filename=item.name, status="failed", message=f"conflicts with stored data ({exc})")
        except Exception as exc:  # one broken document must not stop a batch of thousands
            logger.exception("Importing %s failed", item)
            result = ImportResult(filename=item.name, status="failed", message=f"could not be imported ({type(exc).__name__}: {exc})")
        if result.status in ("created", "updated") and not dry_run:
            known = _grow(known, extraction)
        yield result


def _grow(known: Known, extraction: Extraction) -> Known:
    """The gazetteer plus what one document added, so the next document in the batch benefits."""
    people = {p.name.casefold() for p in known.people}
    orgs = {o.name.casefold() for o in known.organisations}
    new_people = tuple(
        KnownPerson(name=p.name, aliases=p.aliases, role=p.role) for p in extraction.people if p.name.casefold() not in people
    )
    new_orgs = tuple(
        KnownOrganisation(name=o.name, acronym=o.acronym, aliases=o.aliases)
        for o in extraction.organisations
        if o.name.casefold() not in orgs
    )
    if not new_people and not new_orgs:
        return known
    return Known(people=known.people + new_people, organisations=known.organisations + new_orgs)
