from __future__ import annotations

from django.db import connection, models
from django.db.models import Q
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from newsarchive.db import TimeStampedModel, unique_slug
from sources.models import Organisation, Person, Source


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def for_listing(self):
        return self.select_related("source").prefetch_related("tags", "authors")

    def search(self, query: str):
        """Articles matching the words of ``query``: full-text on PostgreSQL, every word contained elsewhere."""
        words = query.split()
        if not words:
            return self
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchVector

            vector = SearchVector("title", weight="A") + SearchVector("dek", weight="B") + SearchVector("body", weight="C")
            return self.annotate(search=vector).filter(search=SearchQuery(query, search_type="websearch"))
        matches = Q()
        for word in words:
            matches &= Q(title__icontains=word) | Q(dek__icontains=word) | Q(body__icontains=word)
        return self.filter(matches)


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="taggedarticle_unique")]


class Article(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"
        ARCHIVED = "archived", "Archived"

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=220, unique=True, blank=True)
    dek = models.TextField("standfirst", blank=True)
    body = models.TextField(
        blank=True, help_text='Plain text. Paragraphs are separated by a blank line; a line starting "## " is a subheading.'
    )
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    authors = models.ManyToManyField(Person, blank=True, related_name="bylines")
    published_on = models.DateField(
        null=True, blank=True, db_index=True, help_text="The date the article gives; empty when it does not say."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True, help_text="When the archive published it.")
    people = models.ManyToManyField(Person, blank=True, related_name="mentioned_in", verbose_name="people mentioned")
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="mentioned_in", verbose_name="organisations mentioned"
    )
    tags = TaggableManager(through=TaggedArticle, blank=True)
    original_url = models.URLField(max_length=500, blank=True)

    # Provenance of the import; empty for articles written in the admin.
    import_filename = models.CharField(max_length=255, blank=True, db_index=True)
    content_hash = models.CharField(max_length=64, blank=True, help_text="SHA-256 of the imported document.")
    extracted = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="What the importer last extracted, so a re-import can tell fields editors changed.",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-created_at"]
        permissions = [("publish_article", "Can publish, unpublish and archive articles")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_hash"], condition=~Q(content_hash=""), name="article_content_hash_unique"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="article_title_not_empty"),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_published_at",
            ),
        ]
        indexes = [models.Index(fields=["status", "-published_on"], name="article_status_date_idx")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, fallback="article")
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED


class QuoteQuerySet(models.QuerySet):
    def public(self):
        """Quotes readers may see: not rejected, in a published article."""
        return self.exclude(status=Quote.Status.REJECTED).filter(article__status=Article.Status.PUBLISHED)

    def pending_review(self):
        return self.filter(status=Quote.Status.EXTRACTED)


class TaggedQuote(TaggedItemBase):
    content_object = models.ForeignKey("Quote", on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="taggedquote_unique")]


class Quote(TimeStampedModel):
    class Status(models.TextChoices):
        EXTRACTED = "extracted", "Extracted"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField()
    speaker = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes")
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes",
        help_text="The body that speaks (a statement, a report) or the speaker's organisation.",
    )
    attribution = models.CharField(
        max_length=300, blank=True, help_text='The attributing phrase, e.g. "told the Voice of America correspondent".'
    )
    position = models.PositiveIntegerField(default=0, help_text="Character offset of the quote in the article body.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.EXTRACTED, db_index=True)
    tags = TaggableManager(through=TaggedQuote, blank=True)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position"]
        permissions = [("review_quote", "Can confirm or reject extracted quotes")]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="quote_unique_position_in_article"),
            models.CheckConstraint(condition=~Q(text=""), name="quote_text_not_empty"),
        ]

    def __str__(self) -> str:
        excerpt = self.text if len(self.text) <= 80 else self.text[:77] + "…"
        return f"“{excerpt}”"

    @property
    def speaker_display(self) -> str:
        if self.speaker_id:
            return self.speaker.name
        if self.organisation_id:
            return self.organisation.name
        return "Unnamed source"
