"""Write rules for articles and quotes: the editorial workflow."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from taggit.models import Tag

from articles.models import Article, Quote, TaggedArticle
from newsarchive.cache import bump_archive_version

# Bulk updates send no signals, so each function here makes the public pages' cache stale itself.


def publish_articles(articles: QuerySet[Article]) -> int:
    """Publish, keeping the first publication time of articles published before."""
    changed = articles.exclude(status=Article.Status.PUBLISHED).update(
        status=Article.Status.PUBLISHED, published_at=Coalesce("published_at", timezone.now()), updated_at=timezone.now()
    )
    bump_archive_version()
    return changed


def unpublish_articles(articles: QuerySet[Article]) -> int:
    """Take published articles back into review."""
    changed = articles.filter(status=Article.Status.PUBLISHED).update(
        status=Article.Status.IN_REVIEW, updated_at=timezone.now()
    )
    bump_archive_version()
    return changed


def archive_articles(articles: QuerySet[Article]) -> int:
    changed = articles.exclude(status=Article.Status.ARCHIVED).update(
        status=Article.Status.ARCHIVED, updated_at=timezone.now()
    )
    bump_archive_version()
    return changed


def add_tag(articles: QuerySet[Article], name: str) -> int:
    """Tag many articles at once; returns how many gained the tag."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("A tag needs a name.")
    with transaction.atomic():
        tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
        have = TaggedArticle.objects.filter(tag=tag).values("content_object_id")
        missing = articles.exclude(pk__in=have).values_list("pk", flat=True)
        created = TaggedArticle.objects.bulk_create(
            [TaggedArticle(tag=tag, content_object_id=pk) for pk in missing], ignore_conflicts=True
        )
    bump_archive_version()
    return len(created)


def remove_tag(articles: QuerySet[Article], name: str) -> int:
    """Take a tag off many articles; returns how many lost it."""
    deleted, _ = TaggedArticle.objects.filter(
        tag__name__iexact=" ".join(name.split()), content_object__in=articles.values("pk")
    ).delete()
    bump_archive_version()
    return deleted


def review_quotes(quotes: QuerySet[Quote], *, status: str) -> int:
    if status not in (Quote.Status.CONFIRMED, Quote.Status.REJECTED, Quote.Status.EXTRACTED):
        raise ValueError(f"Unknown quote status {status!r}")
    changed = quotes.exclude(status=status).update(status=status, updated_at=timezone.now())
    bump_archive_version()
    return changed
