"""Saved web pages: the only module that imports trafilatura (and the lxml it parses with).

trafilatura finds a page's main text, the part a reader came for, and reads the page's own metadata
(OpenGraph, JSON-LD, ``<meta>`` tags; the date through htmldate). This module turns that into a
``Page`` of plain strings; ``extract_html`` hands its text to the same cleaning, entity and quote rules
the text path uses, and ``prefer_page`` lets what the page states about itself (headline, date,
byline, publication, address) win over what the rules would guess from the text.

Settings favour precision and determinism: doubtful blocks are left out (a missed sentence costs less
than a menu in the body); no comments, tables, images or links; no deduplication (trafilatura's cache
would make a page's result depend on the pages before it); never a network request (trafilatura is
only given the page, never a URL to fetch, and htmldate only reads the tree).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .meta import looks_like_person, org_credit

if TYPE_CHECKING:
    from .clean import Cleaned
    from .meta import Meta


class NoArticleText(ValueError):
    """The page has no main text to import: an index page, an empty shell, a paywall or cookie wall."""


@dataclass(frozen=True, slots=True)
class Page:
    """What a saved web page says about itself, as plain strings ("" where it does not say)."""

    title: str
    """The headline, with the site's name taken off ("Headline | The Paper" -> "Headline")."""
    text: str
    """The main text: one paragraph per block, separated by a blank line."""
    date: str = ""
    """The publication date as YYYY-MM-DD."""
    authors: tuple[str, ...] = ()
    """The byline as the page's metadata gives it: may hold organisations, which ``prefer_page`` drops."""
    site_name: str = ""
    url: str = ""
    """The page's own address: its canonical link, else its og:url; absolute http(s) only."""
    description: str = ""
    """The page's summary where the page shows it as a standfirst (beside the main text, or as its whole
    opening paragraph, which is then not in ``text``); "" where it is only metadata or the lede reused."""


_OPTIONS = dict(
    favor_precision=True,
    include_comments=False,
    include_tables=False,
    include_images=False,
    include_links=False,
    include_formatting=False,
    deduplicate=False,
    with_metadata=True,
    # Only dates the page states in its markup or its address; "extensive" search would also take the
    # first date-like string in the text, which is as likely an event's date as the article's.
    date_extraction_params={"extensive_search": False, "original_date": True},
)

# " - ", " | ", " — " and the like between a headline and the site's name; a colon is part of headlines.
_SEPARATOR_RE = re.compile(r"\s+[|\-–—·•»:]{1,2}\s+")
_DOMAIN_RE = re.compile(r"\b(?:www\.)?[a-z0-9-]+\.(?:com|org|net|co\.uk|co|uk|ie|news|info)\b", re.IGNORECASE)
_HIDDEN = "ancestor::script or ancestor::style or ancestor::noscript or ancestor::template"


@functools.cache
def _trafilatura():
    """trafilatura, imported on first use: with lxml it costs a fifth of a second that text imports,
    the web process and the extraction tests need not pay."""
    import trafilatura

    # Its complaints about a page ("not valid HTML", "discarding data") repeat, less clearly, the one-line
    # reason the importer reports; an operator who configures these loggers still gets them.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        if logging.getLogger(name).level == logging.NOTSET:
            logging.getLogger(name).setLevel(logging.CRITICAL)
    return trafilatura


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def name_key(name: str) -> str:
    """Comparison form of a headline or a publication's name: case, punctuation, spacing and a leading
    "The" do not count ("The St. Kitts-Nevis Observer" = "St Kitts Nevis Observer")."""
    key = unicodedata.normalize("NFKC", name).casefold()
    key = re.sub(r"^\s*the\s+", "", key)
    return re.sub(r"[\W_]+", "", key)


def strip_site_name(title: str, names: list[str]) -> str:
    """The headline without the site's name before or after it, where that equals one of ``names``.

    Only whole segments between separators go, and only when they are the site's name: "Headline - CNN"
    loses " - CNN", "Markets - Live updates" keeps its second half.
    """
    keys = {name_key(n) for n in names if name_key(n)}
    parts = _SEPARATOR_RE.split(title)
    seps = _SEPARATOR_RE.findall(title)
    if len(parts) < 2 or not keys:
        return title.strip()
    start, end = 0, len(parts)
    while end - start > 1 and name_key(parts[end - 1]) in keys:
        end -= 1
    while end - start > 1 and name_key(parts[start]) in keys:
        start += 1
    rebuilt = parts[start]
    for sep, part in zip(seps[start : end - 1], parts[start + 1 : end]):
        rebuilt += sep + part
    return rebuilt.strip()


def _site_name(declared: str, *, title_suffix: str, headline: str) -> str:
    """The publication's name: what the page declares, unless that is evidently not a name.

    Not a name: the headline again, or prose carrying a domain ("News and opinion on www.example.com").
    A one-word name that the title's suffix spells with spaces ("Timesofisrael", trafilatura's guess
    from the address, against "The Times of Israel") takes the suffix's spelling.
    """
    name = _squash(declared)
    if name and (name_key(name) == name_key(headline) or (" " in name and _DOMAIN_RE.search(name))):
        name = ""
    suffix = _squash(title_suffix)
    if suffix and len(suffix.split()) <= 6 and name_key(suffix) != name_key(headline):
        if not name or (" " not in name and " " in suffix and name_key(name) in name_key(suffix)):
            name = suffix
    return name


def _absolute_url(value: str | None) -> str:
    value = (value or "").strip()
    return value if re.match(r"https?://[^\s/]+\.[^\s/]+", value) and not re.search(r"\s", value) else ""


def read_html(html: str) -> Page:
    """The main text and metadata of a saved page; ``NoArticleText`` when it has no main text."""
    trafilatura = _trafilatura()
    tree = trafilatura.load_html(html) if html and html.strip() else None
    if tree is None:
        raise NoArticleText("not an HTML page")

    # Read before extraction: what the page shows as its headline, its <title>, its address.
    h1s = [t for h in tree.iter("h1") if (t := _squash(h.text_content()))]
    title_element = tree.find(".//title")
    page_title = _squash(title_element.text_content()) if title_element is not None else ""
    canonical = next((e.get("href") for e in tree.iterfind(".//link[@rel='canonical']")), None)
    og_url = next((e.get("content") for e in tree.iterfind(".//meta[@property='og:url']")), None)
    visible = _squash(" ".join(tree.xpath(f"//body//text()[not({_HIDDEN})]")))

    doc = trafilatura.bare_extraction(tree, **_OPTIONS)
    lines = [line for raw in ((doc.text or "") if doc else "").split("\n") if (line := _squash(raw))]
    if not lines:
        raise NoArticleText("no article text found in the page")

    declared_title = _squash(doc.title)
    headline, title_suffix = _headline(h1s, page_title=page_title, declared=declared_title)
    site_name = _site_name(doc.sitename or "", title_suffix=title_suffix, headline=headline)
    names = [n for n in (site_name, title_suffix, doc.sitename or "") if n]
    headline = strip_site_name(headline, names)

    # The description is a standfirst when the page shows it: beside the main text, or as the main text's
    # whole first paragraph (trafilatura kept the standfirst). Only in the metadata, or the start of the
    # body's own first paragraph (a lede reused as a summary), it is not one.
    description = _squash(doc.description)
    opening = next((i for i, line in enumerate(lines) if name_key(line) != name_key(headline)), None)
    if description and opening is not None and lines[opening] == description and len(lines) > opening + 1:
        del lines[opening]
    elif description and (description not in visible or description[:80] in " ".join(lines)):
        description = ""
    text = "\n\n".join(lines)
    return Page(
        title=headline,
        text=text,
        date=doc.date or "",
        authors=tuple(a for part in re.split(r"\s*;\s*", doc.author or "") if (a := _squash(part))),
        site_name=site_name,
        url=_absolute_url(canonical) or _absolute_url(og_url),
        description=description,
    )


def _headline(h1s: list[str], *, page_title: str, declared: str) -> tuple[str, str]:
    """The headline readers see, and what the ``<title>`` adds after it (usually the site's name).

    An ``<h1>`` the ``<title>`` starts with is the visible headline, confirmed by the page: it is what
    a select-all copy of the page shows, where the OpenGraph title is often rewritten for sharing.
    Otherwise the declared (OpenGraph, JSON-LD) title, else the ``<title>``.
    """
    low = page_title.casefold()
    candidates = [h1 for h1 in h1s if len(h1.split()) >= 3] + [declared]
    for head in candidates:
        if head and low.startswith(head.casefold()):
            rest = page_title[len(head) :]
            if not rest.strip():
                return head, ""
            if _SEPARATOR_RE.match(rest):
                return head, _SEPARATOR_RE.split(rest)[-1].strip()
    return declared or page_title or (h1s[0] if h1s else ""), ""


# Months that are also first names ("April Roach"): the rules' person test refuses a month, as it should
# in running text; a byline field names a person or an organisation, never a date.
_FIRST_NAME_MONTHS = frozenset({"april", "may", "june", "july", "august"})


def _byline_person(name: str, *, site: str) -> bool:
    """A byline from the page's metadata names a person, not the publication or a wire."""
    if name_key(name) == name_key(site) or org_credit(name):
        return False
    words = name.split()
    if len(words) > 1 and words[0].casefold() in _FIRST_NAME_MONTHS:
        words[0] = "Ann"
    return looks_like_person(" ".join(words))


def page_text(page: Page) -> str:
    """The text the cleaner reads: the headline, then the main text, as a scrape would give them."""
    return page.title + "\n\n" + page.text


def prefer_page(page: Page, cleaned: Cleaned, meta: Meta) -> tuple[Cleaned, Meta]:
    """What the page states about itself wins over what the rules found in its text.

    The metadata is the publisher's own: its headline, date and address are exact where the rules would
    guess. Bylines in metadata often name the publication or a wire ("AFP; The Local"), so only names
    that look like a person's and are not the site's own count; with none, the byline the rules found in
    the text stands. Refuses (``NoArticleText``) a page whose main text the cleaner left nothing of.
    """
    if not cleaned.paragraphs:
        raise NoArticleText("no article text left once page furniture is removed")
    authors = tuple(a for a in page.authors if _byline_person(a, site=page.site_name))
    try:
        published_on = dt.date.fromisoformat(page.date) if page.date else None
    except ValueError:
        published_on = None
    paragraphs = cleaned.paragraphs
    if page.description and cleaned.dek and cleaned.dek != page.description:
        paragraphs = (cleaned.dek, *paragraphs)  # the page names its standfirst: the rules' guess is reporting
    cleaned = replace(
        cleaned,
        title=page.title or cleaned.title,
        dek=page.description or cleaned.dek,
        paragraphs=paragraphs,
        url=page.url or cleaned.url,
    )
    meta = replace(
        meta,
        published_on=published_on or meta.published_on,
        authors=authors or meta.authors,
        source=page.site_name or meta.source,
        # The rules' warnings are about the date they read; the page's own date makes them moot.
        warnings=() if published_on else meta.warnings,
    )
    return cleaned, meta
