from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article
from sources.models import Source


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item: Article):
        return item.updated_at


class PersonSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5
    limit = 5000

    def items(self):
        return Article.objects.published().featured_people().only("slug").order_by("pk")


class OrganisationSitemap(PersonSitemap):
    def items(self):
        return Article.objects.published().featured_organisations().only("slug").order_by("pk")


class SourceSitemap(PersonSitemap):
    def items(self):
        return Source.objects.filter(pk__in=Article.objects.published().values("source_id")).only("slug").order_by("pk")


class TagSitemap(PersonSitemap):
    def items(self):
        return Article.objects.published().featured_tags().order_by("pk")

    def location(self, item: Tag) -> str:
        return reverse("archive:tag", kwargs={"slug": item.slug})


class SectionSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["archive:home", "archive:article_list", "archive:quote_list", "archive:person_list",
                "archive:organisation_list", "archive:source_list"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {
    "sections": SectionSitemap,
    "articles": ArticleSitemap,
    "people": PersonSitemap,
    "organisations": OrganisationSitemap,
    "sources": SourceSitemap,
    "tags": TagSitemap,
}
