"""RSS and Atom feeds of published articles: all of them, or one tag's, person's or source's."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from taggit.models import Tag

from articles.models import Article
from sources.models import Source

FEED_SIZE = 30


class ArticleFeed(Feed):
    title = "newsarchive: latest articles"
    description = "Articles newly published in the archive."

    def link(self, obj=None):
        return reverse("archive:article_list")

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return self.articles(obj).for_feed().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.dek

    def item_pubdate(self, item: Article) -> dt.datetime:
        if item.published_on:
            return dt.datetime.combine(item.published_on, dt.time(), tzinfo=dt.timezone.utc)
        return item.published_at or timezone.now()

    def item_updateddate(self, item: Article) -> dt.datetime:
        return item.updated_at

    def item_author_name(self, item: Article) -> str | None:
        names = [author.name for author in item.author_list]
        return ", ".join(names) or (item.source.name if item.source else None)

    def item_categories(self, item: Article) -> list[str]:
        return [tag.name for tag in item.tag_list]


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, obj):
        return f"newsarchive: articles tagged {obj.name}"

    def description(self, obj):
        return f"Published articles tagged {obj.name}."

    def link(self, obj):
        return reverse("archive:tag", kwargs={"slug": obj.slug})

    def articles(self, obj):
        return Article.objects.published().tagged(obj)


class PersonFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Article.objects.published().featured_people(), slug=slug)

    def title(self, obj):
        return f"newsarchive: articles featuring {obj.name}"

    def description(self, obj):
        return f"Published articles that mention, quote or are written by {obj.name}."

    def link(self, obj):
        return obj.get_absolute_url()

    def articles(self, obj):
        return Article.objects.published().featuring_person(obj)


class SourceFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Source.objects.filter(pk__in=Article.objects.published().values("source_id")), slug=slug)

    def title(self, obj):
        return f"newsarchive: articles from {obj.name}"

    def description(self, obj):
        return f"Published articles from {obj.name}."

    def link(self, obj):
        return obj.get_absolute_url()

    def articles(self, obj):
        return Article.objects.published().filter(source=obj)


def atom(feed: type[ArticleFeed]) -> type[ArticleFeed]:
    """The Atom twin of an RSS feed class."""
    return type(f"{feed.__name__}Atom", (feed,), {"feed_type": Atom1Feed, "subtitle": feed.description})
