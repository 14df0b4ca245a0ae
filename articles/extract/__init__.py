"""Text extraction for scraped news articles: one pure function from raw text to ``Extraction``.

Standard library only, so the importer, the tests and batch jobs can run it without Django; saved web
pages (``extract_html``) also need trafilatura, which only ``html.py`` imports, on first use.
"""

from __future__ import annotations

from .clean import Cleaned, clean
from .entities import build as _build_entities
from .html import NoArticleText, page_text, prefer_page, read_html
from .meta import Meta, extract_meta
from .quotes import extract_quotes
from .result import (
    Extraction,
    Known,
    KnownOrganisation,
    KnownPerson,
    OrganisationMention,
    PersonMention,
    QuoteMention,
)

__all__ = [
    "Extraction",
    "Known",
    "KnownOrganisation",
    "KnownPerson",
    "NoArticleText",
    "OrganisationMention",
    "PersonMention",
    "QuoteMention",
    "extract",
    "extract_html",
]


def _named_by_page(text: str, source: str | None, title: str) -> bool:
    """The page names its publication at least twice besides the copies of its headline."""
    if not source:
        return False
    low = text.casefold()
    src = source.casefold()
    if low.count(src) < 2:
        return False
    head = title.casefold()
    return sum(1 for line in low.splitlines() if src in line and (not head or head not in line)) >= 2


def extract(text: str, *, known: Known | None = None) -> Extraction:
    """Extract title, body, metadata, entities and quotes from one scraped article.

    ``known`` is the archive's gazetteer: people and organisations editors already curated,
    so that their spellings and aliases resolve to the canonical records.
    """
    cleaned = clean(text or "")
    return _finish(cleaned, _meta(cleaned, text or ""), text=text or "", known=known)


def extract_html(html: str, *, known: Known | None = None) -> Extraction:
    """``extract`` for a saved web page: trafilatura finds the main text and the page's own metadata.

    The main text goes through the same cleaning, people, organisation and quote rules as a scrape; the
    headline, date, byline, publication and address the page states win over the rules' guesses
    (``html.prefer_page``). Raises ``NoArticleText`` for a page without main text.
    """
    page = read_html(html)
    text = page_text(page)
    cleaned = clean(text)
    cleaned, meta = prefer_page(page, cleaned, _meta(cleaned, text))
    return _finish(cleaned, meta, text=text, known=known)


def _meta(cleaned: Cleaned, text: str) -> Meta:
    return extract_meta(
        meta_lines=list(cleaned.meta_lines),
        first_paragraph_dateline=cleaned.dateline,
        wire_credit=cleaned.wire_credit,
        site_suffixes=list(cleaned.site_suffixes),
        masthead=cleaned.masthead,
        about_org=cleaned.about_org,
        bios=tuple(b for _, b in cleaned.bios),
        bio_names=[n for n, _ in cleaned.bios if n],
        author_name_lines=list(cleaned.author_name_lines),
        full_text=text,
    )


def _finish(cleaned: Cleaned, meta: Meta, *, text: str, known: Known | None) -> Extraction:
    """The tail both entry points share: body and bios, then people, organisations and quotes."""
    paragraphs = list(cleaned.paragraphs)
    body = "\n\n".join(paragraphs)
    bios: dict[str, str] = {}
    for name, bio in cleaned.bios:
        key = name or (meta.authors[0] if meta.authors else "")
        if key:
            bios[key] = (bios[key] + "\n\n" + bio) if key in bios else bio
    for a in meta.authors:
        if a not in bios:
            first = a.split()[0]
            if first in bios:
                bios[a] = bios.pop(first)
    named = bool(meta.source) and meta.source not in body and _named_by_page(text or "", meta.source, cleaned.title)
    ents = _build_entities(
        body, known, meta.authors, bios, publication=meta.source, contributors=cleaned.credits, publication_named=named
    )
    quotes, quote_warnings = extract_quotes(body, paragraphs, ents)
    authors = tuple(
        next((p.name for p in ents.people if p.name == a or a in p.aliases), a) for a in meta.authors
    )
    return Extraction(
        title=cleaned.title,
        dek=cleaned.dek,
        body=body,
        authors=authors,
        source=meta.source,
        published_on=meta.published_on,
        url=cleaned.url,
        people=ents.people,
        organisations=ents.organisations,
        quotes=tuple(quotes),
        warnings=cleaned.warnings + meta.warnings + tuple(quote_warnings),
    )
