"""Invalidate the public pages whenever something they show changes.

Saves, deletes and many-to-many changes of every model a public page shows bump the archive version.
Bulk ``QuerySet.update()`` sends no signal: the write functions in ``articles/services.py`` bump it
themselves.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag

from articles.models import Article, Quote, TaggedArticle, TaggedQuote
from newsarchive.cache import bump_archive_version
from sources.models import Organisation, Person, Source, TaggedOrganisation, TaggedPerson

SHOWN = (Article, Quote, Source, Person, Organisation, Tag, TaggedArticle, TaggedQuote, TaggedOrganisation, TaggedPerson)
SHOWN_LINKS = (Article.authors.through, Article.people.through, Article.organisations.through, Person.organisations.through)


def _changed(sender, **kwargs) -> None:
    bump_archive_version()


def connect() -> None:
    for model in SHOWN:
        post_save.connect(_changed, sender=model, dispatch_uid=f"archive-save-{model._meta.label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"archive-delete-{model._meta.label}")
    for through in SHOWN_LINKS:
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"archive-m2m-{through._meta.label}")
