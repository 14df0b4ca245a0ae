"""Plain result objects of the extraction: no Django, nothing but the standard library.

The importer (``articles.importers``) is the only code that turns these into rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A curated Person from the archive: its canonical name and every alias editors accepted."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""


@dataclass(frozen=True, slots=True)
class KnownOrganisation:
    name: str
    acronym: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Known:
    """The archive's gazetteer, so what editors fix and merge teaches the next import."""

    people: tuple[KnownPerson, ...] = ()
    organisations: tuple[KnownOrganisation, ...] = ()


@dataclass(frozen=True, slots=True)
class PersonMention:
    name: str
    """Canonical full name, honorifics and titles removed ("Dr Anna Lee" -> "Anna Lee")."""
    role: str = ""
    """Role as the text gives it ("CSTO Secretary-General", "political scientist")."""
    aliases: tuple[str, ...] = ()
    """Other spellings of this person seen in the text ("Vas", "Stanislav Vas")."""
    organisation: str | None = None
    """Canonical name of the organisation the text ties the person to, if any."""
    description: str = ""
    """An author's bio, taken out of the body."""


@dataclass(frozen=True, slots=True)
class OrganisationMention:
    name: str
    """Canonical full name ("North Atlantic Treaty Organization")."""
    acronym: str = ""
    aliases: tuple[str, ...] = ()
    kind: str = ""
    """One of: alliance, government, media, company, union, ngo, university, party, court, other; or ""."""


@dataclass(frozen=True, slots=True)
class QuoteMention:
    text: str
    """The words inside the quote marks, marks removed, whitespace normalised."""
    speaker: str | None
    """``PersonMention.name`` of the speaker, or None (unnamed source, or an organisation speaks)."""
    organisation: str | None
    """``OrganisationMention.name`` of the body that speaks (statement, report) or the speaker's organisation."""
    attribution: str
    """The attributing phrase as written ("told the Voice of America correspondent", "the statement reads")."""
    position: int
    """Character offset of the quote's first word in ``Extraction.body``."""


@dataclass(frozen=True, slots=True)
class Extraction:
    title: str
    dek: str = ""
    body: str = ""
    """Paragraphs separated by one blank line; a subheading is a paragraph of its own starting with "## "."""
    authors: tuple[str, ...] = ()
    """``PersonMention.name`` of each byline author (each also in ``people``)."""
    source: str | None = None
    """The publication's name, or None where the text does not name it."""
    published_on: dt.date | None = None
    url: str = ""
    people: tuple[PersonMention, ...] = ()
    organisations: tuple[OrganisationMention, ...] = ()
    quotes: tuple[QuoteMention, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p]
