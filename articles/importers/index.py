"""The archive in memory: the extractor's gazetteer and the importer's lookup of People and Organisations."""

from __future__ import annotations

from dataclasses import dataclass

from articles.extract import Known, KnownOrganisation, KnownPerson
from sources.models import Organisation, Person, Source


@dataclass
class Entry:
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
        self.people: dict[int, Entry] = {}
        self.organisations: dict[int, Entry] = {}
        self._person_keys: dict[str, int] = {}
        self._org_keys: dict[str, int] = {}
        self._acronyms: dict[str, int] = {}
        self.sources: dict[str, int] = {name.casefold(): pk for pk, name in Source.objects.values_list("pk", "name")}
        self._known: Known | None = None
        self._stale = 0  # records added or changed since the last Known was handed out
        for pk, name, aliases, role, description in Person.objects.values_list(
            "pk", "name", "aliases", "role", "description"
        ).iterator():
            self.add_person(Entry(pk, name, list(aliases or []), role=role, has_description=bool(description)))
        for pk, name, aliases, acronym in Organisation.objects.values_list("pk", "name", "aliases", "acronym").iterator():
            self.add_organisation(Entry(pk, name, list(aliases or []), acronym=acronym))

    def add_person(self, entry: Entry) -> None:
        self.people[entry.pk] = entry
        for key in (entry.name, *entry.aliases):
            self._person_keys.setdefault(key.casefold(), entry.pk)
        self._stale += 1

    def add_organisation(self, entry: Entry) -> None:
        self.organisations[entry.pk] = entry
        for key in (entry.name, *entry.aliases):
            self._org_keys.setdefault(key.casefold(), entry.pk)
        if entry.acronym:
            self._acronyms.setdefault(entry.acronym.casefold(), entry.pk)
        self._stale += 1

    def person(self, name: str) -> Entry | None:
        pk = self._person_keys.get(name.casefold())
        return self.people[pk] if pk is not None else None

    def organisation(self, name: str, acronym: str = "") -> Entry | None:
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
