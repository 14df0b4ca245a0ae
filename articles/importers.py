"""Turn documents into rows: the only code that maps an ``Extraction`` onto the models.

Reading a file, extracting it and writing it happen per document; each document is written in its own
transaction, so a bad file never leaves half an article behind and never stops the others.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import itertools
import multiprocessing
import os
import pickle
import tempfile
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from articles.documents import Document, DocumentError, find_documents, read_and_extract, read_document
from articles.extract import Extraction, Known, KnownOrganisation, KnownPerson, extract
from articles.models import Article, Quote
from sources.models import Organisation, Person, Source

logger = logging.getLogger(__name__)

# Fields the importer owns until an editor changes them; the snapshot in Article.extracted tells which.
EDITABLE_FIELDS = ("title", "dek", "body", "published_on", "original_url")


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


# The archive in memory: the extractor's gazetteer and the importer's lookup


@dataclass
class _Entry:
    pk: int
    name: str
    aliases: list[str]
    role: str = ""  # people
    acronym: str = ""  # organisations
    has_description: bool = False


class ArchiveIndex:
    """The archive's People and Organisations by every name they go by, kept in memory for a batch.

    It is the extractor's gazetteer (so editors' fixes and merges teach the next import) and spares the
    importer a query per name. New records join it only once their document's transaction commits.
    """

    def __init__(self) -> None:
        self.people: dict[int, _Entry] = {}
        self.organisations: dict[int, _Entry] = {}
        self._person_keys: dict[str, int] = {}
        self._org_keys: dict[str, int] = {}
        self._acronyms: dict[str, int] = {}
        self.sources: dict[str, int] = {name.casefold(): pk for pk, name in Source.objects.values_list("pk", "name")}
        self._known: Known | None = None
        self._stale = 0  # records added or changed since the last Known was handed out
        for pk, name, aliases, role, description in Person.objects.values_list(
            "pk", "name", "aliases", "role", "description"
        ).iterator():
            self.add_person(_Entry(pk, name, list(aliases or []), role=role, has_description=bool(description)))
        for pk, name, aliases, acronym in Organisation.objects.values_list("pk", "name", "aliases", "acronym").iterator():
            self.add_organisation(_Entry(pk, name, list(aliases or []), acronym=acronym))

    def add_person(self, entry: _Entry) -> None:
        self.people[entry.pk] = entry
        for key in (entry.name, *entry.aliases):
            self._person_keys.setdefault(key.casefold(), entry.pk)
        self._stale += 1

    def add_organisation(self, entry: _Entry) -> None:
        self.organisations[entry.pk] = entry
        for key in (entry.name, *entry.aliases):
            self._org_keys.setdefault(key.casefold(), entry.pk)
        if entry.acronym:
            self._acronyms.setdefault(entry.acronym.casefold(), entry.pk)
        self._stale += 1

    def person(self, name: str) -> _Entry | None:
        pk = self._person_keys.get(name.casefold())
        return self.people[pk] if pk is not None else None

    def organisation(self, name: str, acronym: str = "") -> _Entry | None:
        pk = self._org_keys.get(name.casefold())
        if pk is None and acronym:
            pk = self._acronyms.get(acronym.casefold())
        return self.organisations[pk] if pk is not None else None

    def known(self) -> Known:
        """The gazetteer for the extractor.

        The extractor builds its lookup tables once per ``Known`` object, which costs time in proportion to
        the archive; so a large archive gets a new one only after it has grown by a twentieth. Names it
        lacks meanwhile still resolve here, in the importer, by exact spelling.
        """
        size = len(self.people) + len(self.organisations)
        if self._known is None or (self._stale and (size < 500 or self._stale * 20 >= size)):
            self._stale = 0
            self._known = Known(
                people=tuple(KnownPerson(name=e.name, aliases=tuple(e.aliases), role=e.role) for e in self.people.values()),
                organisations=tuple(
                    KnownOrganisation(name=e.name, acronym=e.acronym, aliases=tuple(e.aliases))
                    for e in self.organisations.values()
                ),
            )
        return self._known


def known_from_archive() -> Known:
    """The archive's curated names, as the extractor's gazetteer."""
    return ArchiveIndex().known()


# Writing


class _Resolver:
    """Finds or creates the People and Organisations of one document.

    Existing records are found in the index without a query; a row is read and written only when the
    document adds something to it (a new alias, a role where there was none). Editors' words win: the
    importer fills what is empty and never overwrites.
    """

    def __init__(self, index: ArchiveIndex) -> None:
        self.index = index
        self.new_people: list[_Entry] = []
        self.new_organisations: list[_Entry] = []
        self.changed_people: list[_Entry] = []
        self.changed_organisations: list[_Entry] = []
        self.new_sources: dict[str, int] = {}

    def person(self, name: str, *, role: str = "", aliases: Iterable[str] = (), description: str = "") -> int:
        entry = self.index.person(name) or next((e for e in self.new_people if e.name.casefold() == name.casefold()), None)
        if entry is None:
            # Not in the index: perhaps created since it was read (another import, a batch not yet committed).
            person = Person.objects.named(name).first()
            if person is not None:
                entry = _Entry(person.pk, person.name, list(person.aliases), role=person.role, has_description=bool(person.description))
                self.changed_people.append(entry)
            else:
                person = Person.objects.create(name=name, role=role, description=description, aliases=[])
                entry = _Entry(person.pk, person.name, [], role=role, has_description=bool(description))
                self.new_people.append(entry)
        known = {entry.name.casefold(), *(a.casefold() for a in entry.aliases)}
        new_aliases = [a for a in aliases if a.casefold() not in known]
        if new_aliases or (role and not entry.role) or (description and not entry.has_description):
            person = Person.objects.select_for_update().get(pk=entry.pk)
            person.add_aliases(*new_aliases)
            person.role = person.role or role
            person.description = person.description or description
            person.save(update_fields=["aliases", "role", "description", "updated_at"])
            self.changed_people.append(
                _Entry(person.pk, person.name, list(person.aliases), role=person.role, has_description=bool(person.description))
            )
        return entry.pk

    def organisation(self, name: str, *, acronym: str = "", aliases: Iterable[str] = (), kind: str = "") -> int:
        entry = self.index.organisation(name, acronym) or next(
            (e for e in self.new_organisations if e.name.casefold() == name.casefold()), None
        )
        if entry is None:
            org = Organisation.objects.named(name).first()
            if org is not None:
                entry = _Entry(org.pk, org.name, list(org.aliases), acronym=org.acronym)
                self.changed_organisations.append(entry)
            else:
                valid_kind = kind if kind in Organisation.Kind.values else Organisation.Kind.OTHER
                org = Organisation.objects.create(name=name, acronym=acronym, kind=valid_kind, aliases=[])
                entry = _Entry(org.pk, org.name, [], acronym=acronym)
                self.new_organisations.append(entry)
        known = {entry.name.casefold(), *(a.casefold() for a in entry.aliases)}
        new_aliases = [a for a in (name, *aliases) if a.casefold() not in known]
        if new_aliases or (acronym and not entry.acronym):
            org = Organisation.objects.select_for_update().get(pk=entry.pk)
            org.add_aliases(*new_aliases)
            org.acronym = org.acronym or acronym
            org.save(update_fields=["aliases", "acronym", "updated_at"])
            self.changed_organisations.append(_Entry(org.pk, org.name, list(org.aliases), acronym=org.acronym))
        return entry.pk

    def source(self, name: str | None) -> int | None:
        if not name:
            return None
        pk = self.index.sources.get(name.casefold())
        if pk is None:
            source = Source.objects.named(name).first() or Source.objects.create(name=name)
            pk = self.new_sources[name.casefold()] = source.pk
        return pk

    def commit(self) -> None:
        """The document's transaction committed: what it created or changed joins the index."""
        self.index.sources.update(self.new_sources)
        for entry in [*self.new_people, *self.changed_people]:
            self.index.add_person(entry)
        for entry in [*self.new_organisations, *self.changed_organisations]:
            self.index.add_organisation(entry)


def _fingerprint(value) -> str | None:
    """What a field held, small enough to keep for every article: the text's digest, a date's ISO form."""
    if value is None or value == "":
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return hashlib.blake2b(str(value).encode(), digest_size=12).hexdigest()


def _snapshot(extraction: Extraction, *, source: str | None) -> dict:
    return {
        "title": _fingerprint(extraction.title),
        "dek": _fingerprint(extraction.dek),
        "body": _fingerprint(extraction.body),
        "published_on": _fingerprint(extraction.published_on),
        "original_url": _fingerprint(extraction.url),
        "source": source,
        "authors": list(extraction.authors),
        "people": sorted(p.name for p in extraction.people if p.name not in extraction.authors),
        "organisations": sorted(o.name for o in extraction.organisations),
    }


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
    ``index`` lets a batch share one in-memory view of the archive; without it one is read.
    """
    result = ImportResult(filename=filename, status="created", title=extraction.title, warnings=list(extraction.warnings))
    if not extraction.title.strip():
        result.status, result.message = "failed", "no headline found"
        return result

    matches = (
        Article.objects.filter(Q(content_hash=content_hash) | Q(import_filename=filename))
        .order_by("-created_at")
        .values("pk", "title", "import_filename", "content_hash")
    )
    same = next((a for a in matches if a["content_hash"] == content_hash), None)
    if same is not None:
        imported_here = same["import_filename"] == filename
        result.status = "unchanged" if imported_here else "duplicate"
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
    resolver = _Resolver(index if index is not None else ArchiveIndex())
    with transaction.atomic():
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
        snapshot = _snapshot(extraction, source=source_name)
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


def _create_article(extraction, snapshot, *, filename, content_hash, source_id, publish) -> Article:
    return Article.objects.create(
        title=extraction.title[: Article._meta.get_field("title").max_length],
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
        edited = name in before and _fingerprint(getattr(article, name)) != before[name]
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


def import_paths(
    paths: Iterable[str | Path],
    *,
    source: str | None = None,
    publish: bool = False,
    update: bool = False,
    dry_run: bool = False,
    jobs: int = 1,
) -> Iterator[ImportResult]:
    """Import every document under ``paths``, yielding one result per document as it is done.

    With ``dry_run`` each document is written and rolled back, so the report is exact and nothing stays.
    With ``jobs`` above one, documents are extracted in that many worker processes while this one writes.
    """
    return import_found(find_documents(paths), source=source, publish=publish, update=update, dry_run=dry_run, jobs=jobs)


def import_found(
    items: Iterable[Path | DocumentError],
    *,
    source: str | None = None,
    publish: bool = False,
    update: bool = False,
    dry_run: bool = False,
    jobs: int = 1,
) -> Iterator[ImportResult]:
    """Import what :func:`find_documents` found; see :func:`import_paths`."""
    index = ArchiveIndex()
    for item, extracted in _extracted(items, index, jobs=jobs):
        if isinstance(item, DocumentError):
            yield ImportResult(filename=item.name, status="failed", message=item.reason)
            continue
        try:
            if isinstance(extracted, Exception):
                raise extracted
            document, extraction = extracted
            # import_document is atomic itself; the outer transaction is there only to be rolled back.
            with transaction.atomic() if dry_run else contextlib.nullcontext():
                result = import_document(
                    extraction,
                    filename=document.filename,
                    content_hash=document.content_hash,
                    source=source,
                    publish=publish,
                    update=update,
                    index=index,
                )
                if dry_run:
                    transaction.set_rollback(True)
        except DocumentError as exc:
            result = ImportResult(filename=item.name, status="failed", message=exc.reason)
        except IntegrityError as exc:
            result = ImportResult(filename=item.name, status="failed", message=f"conflicts with stored data ({exc})")
        except Exception as exc:  # one broken document must not stop a batch of thousands
            logger.error("Importing %s failed", item, exc_info=exc)
            result = ImportResult(filename=item.name, status="failed", message=f"could not be imported ({type(exc).__name__}: {exc})")
        yield result


_Extracted = tuple[Document, Extraction] | Exception | None


def _extracted(items: Iterable[Path | DocumentError], index: ArchiveIndex, *, jobs: int) -> Iterator[tuple[Path | DocumentError, _Extracted]]:
    """Each item with its extraction (or the error it raised), in order."""
    max_bytes = settings.NEWSARCHIVE_MAX_DOCUMENT_BYTES
    if jobs <= 1:
        for item in items:
            if isinstance(item, DocumentError):
                yield item, None
                continue
            try:
                document = read_document(item, max_bytes=max_bytes)
                yield item, (document, extract(document.text, known=index.known()))
            except Exception as exc:
                yield item, exc
        return

    # Workers get the gazetteer as a pickle file, written again whenever the index hands out a new one,
    # and documents in chunks, so the traffic between processes stays small next to the work.
    chunk_size = 8
    with tempfile.TemporaryDirectory(prefix="newsarchive-import-") as tmp, ProcessPoolExecutor(
        max_workers=jobs, mp_context=multiprocessing.get_context("spawn")
    ) as pool:
        known, known_file = None, ""
        pending: deque[tuple[list[Path | DocumentError], Future]] = deque()
        queue = iter(items)

        def submit() -> bool:
            nonlocal known, known_file
            chunk = list(itertools.islice(queue, chunk_size))
            if not chunk:
                return False
            if index.known() is not known:
                known = index.known()
                known_file = str(Path(tmp) / f"known-{len(os.listdir(tmp))}.pickle")
                with open(known_file, "wb") as f:
                    pickle.dump(known, f, protocol=pickle.HIGHEST_PROTOCOL)
            paths = [item for item in chunk if not isinstance(item, DocumentError)]
            pending.append((chunk, pool.submit(read_and_extract, paths, max_bytes=max_bytes, known_file=known_file)))
            return True

        for _ in range(jobs * 2):  # a bounded window keeps memory flat
            submit()
        while pending:
            chunk, future = pending.popleft()
            try:
                outcomes = iter(future.result())
            except Exception as exc:  # the worker died: every document of the chunk fails with its reason
                outcomes = itertools.repeat(exc)
            submit()
            for item in chunk:
                yield item, (None if isinstance(item, DocumentError) else next(outcomes))
