"""What the importer recorded of each extraction, so a re-import can tell what editors changed."""

from __future__ import annotations

import datetime as dt
import hashlib

from articles.extract import Extraction

# Fields the importer owns until an editor changes them; the snapshot in Article.extracted tells which.
EDITABLE_FIELDS = ("title", "dek", "body", "published_on", "original_url")


def fingerprint(value) -> str | None:
    """What a field held, small enough to keep for every article: the text's digest, a date's ISO form."""
    if value is None or value == "":
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return hashlib.blake2b(str(value).encode(), digest_size=12).hexdigest()


def take_snapshot(extraction: Extraction, *, source: str | None) -> dict:
    return {
        "title": fingerprint(extraction.title),
        "dek": fingerprint(extraction.dek),
        "body": fingerprint(extraction.body),
        "published_on": fingerprint(extraction.published_on),
        "original_url": fingerprint(extraction.url),
        "source": source,
        "authors": list(extraction.authors),
        "people": sorted(p.name for p in extraction.people if p.name not in extraction.authors),
        "organisations": sorted(o.name for o in extraction.organisations),
    }

