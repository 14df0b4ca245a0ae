"""Finding or creating the People, Organisations and Source one document names."""

from __future__ import annotations

from collections.abc import Iterable

from sources.models import Organisation, Person, Source

from .index import ArchiveIndex, Entry


class Resolver:
    """Finds or creates the People and Organisations of one document.

    Existing records are found in the index without a query; a row is read and written only when the
    document adds something to it (a new alias, a role where there was none). Editors' words win: the
    importer fills what is empty and never overwrites.
    """

    def __init__(self, index: ArchiveIndex) -> None:
        self.index = index
        self.new_people: list[Entry] = []
        self.new_organisations: list[Entry] = []
        self.changed_people: list[Entry] = []
        self.changed_organisations: list[Entry] = []
        self.new_sources: dict[str, int] = {}

    def person(self, name: str, *, role: str = "", aliases: Iterable[str] = (), description: str = "") -> int:
        entry = self.index.person(name) or next((e for e in self.new_people if e.name.casefold() == name.casefold()), None)
        if entry is None:
            # Not in the index: perhaps created since it was read (another import, a batch not yet committed).
            person = Person.objects.named(name).first()
            if person is not None:
                entry = Entry(person.pk, person.name, list(person.aliases), role=person.role, has_description=bool(person.description))
                self.changed_people.append(entry)
            else:
                person = Person.objects.create(name=name, role=role, description=description, aliases=[])
                entry = Entry(person.pk, person.name, [], role=role, has_description=bool(description))
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
                Entry(person.pk, person.name, list(person.aliases), role=person.role, has_description=bool(person.description))
            )
        return entry.pk

    def organisation(self, name: str, *, acronym: str = "", aliases: Iterable[str] = (), kind: str = "") -> int:
        entry = self.index.organisation(name, acronym) or next(
            (e for e in self.new_organisations if e.name.casefold() == name.casefold()), None
        )
        if entry is None:
            org = Organisation.objects.named(name).first()
            if org is not None:
                entry = Entry(org.pk, org.name, list(org.aliases), acronym=org.acronym)
                self.changed_organisations.append(entry)
            else:
                valid_kind = kind if kind in Organisation.Kind.values else Organisation.Kind.OTHER
                org = Organisation.objects.create(name=name, acronym=acronym, kind=valid_kind, aliases=[])
                entry = Entry(org.pk, org.name, [], acronym=acronym)
                self.new_organisations.append(entry)
        known = {entry.name.casefold(), *(a.casefold() for a in entry.aliases)}
        new_aliases = [a for a in (name, *aliases) if a.casefold() not in known]
        if new_aliases or (acronym and not entry.acronym):
            org = Organisation.objects.select_for_update().get(pk=entry.pk)
            org.add_aliases(*new_aliases)
            org.acronym = org.acronym or acronym
            org.save(update_fields=["aliases", "acronym", "updated_at"])
            self.changed_organisations.append(Entry(org.pk, org.name, list(org.aliases), acronym=org.acronym))
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
