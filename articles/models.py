from __future__ import annotations

from typing import NamedTuple

from django.db import connection, models
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from newsarchive.cache import slug_url
from newsarchive.db import TimeStampedModel, unique_slug
from sources.models import Organisation, Person, Source


SEARCH_CONFIG = "english"


def search_vector():
    """The weighted document readers search: title, then standfirst, then body.

    One expression with a fixed configuration, so a GIN index on it (``GinIndex(search_vector(), ...)``)
    can serve ``ArticleQuerySet.search``.
    """
    from django.contrib.postgres.search import SearchVector

    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("dek", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG)
    )


class Link(NamedTuple):
    """A tag or a person as an article summary shows them: enough to name and link them."""

    pk: int
    name: str
    slug: str
    url_name: str

    def get_absolute_url(self) -> str:
        return slug_url(self.url_name, self.slug)


SUMMARY_FIELDS = ("title", "slug", "dek", "published_on", "source__name", "source__slug")


def _link_select(through, article_field: str, target_field: str, kind: str, by_name: bool) -> str:
    """One arm of the links query: (kind, article id, pk, name, slug, sort keys) through a link table."""
    quote = connection.ops.quote_name
    link, target = through._meta.get_field(article_field), through._meta.get_field(target_field)
    sort = f"t.{quote('name')}, 0" if by_name else f"'', l.{quote('id')}"
    return (
        f"SELECT '{kind}', l.{quote(link.column)}, t.{quote('id')}, t.{quote('name')}, t.{quote('slug')}, {sort} "
        f"FROM {quote(through._meta.db_table)} l "
        f"JOIN {quote(target.related_model._meta.db_table)} t ON t.{quote('id')} = l.{quote(target.column)} "
        f"WHERE l.{quote(link.column)} IN ({{ids}})"
    )


def _attach_links(articles: list[Article]) -> None:
    """Give each article ``tag_list`` (by name) and ``author_list`` (in byline order), in one query.

    One small hand-written query instead of two ``prefetch_related`` lookups: on a list page, compiling
    the ORM's queries and building a model and a related manager for every tag and byline cost more
    than everything else the page does.
    """
    ids = [article.pk for article in articles]
    links: dict[str, dict[int, list[Link]]] = {"tag": {pk: [] for pk in ids}, "person": {pk: [] for pk in ids}}
    placeholders = ", ".join(["%s"] * len(ids))
    sql = (
        f"{_link_select(TaggedArticle, 'content_object', 'tag', 'tag', by_name=True)} UNION ALL "
        f"{_link_select(Article.authors.through, 'article', 'person', 'person', by_name=False)} ORDER BY 1, 6, 7"
    ).format(ids=placeholders)
    with connection.cursor() as cursor:
        cursor.execute(sql, ids + ids)
        for kind, article_id, pk, name, slug, *_ in cursor.fetchall():
            links[kind][article_id].append(Link(pk, name, slug, f"archive:{kind}"))
    for article in articles:
        article.tag_list, article.author_list = links["tag"][article.pk], links["person"][article.pk]


class ArticleQuerySet(models.QuerySet):
    _summary_links = False  # set by for_listing(): attach tag_list and author_list when evaluated

    def _clone(self):
        clone = super()._clone()
        clone._summary_links = self._summary_links
        return clone

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self._summary_links:
            articles = [row for row in self._result_cache if isinstance(row, Article)]
            if articles:
                _attach_links(articles)

    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def for_listing(self):
        """What an article summary shows: source, tags and byline, in two queries for any number of articles.

        Only the columns a summary shows are read (not the body). Tags and bylines land in ``tag_list``
        and ``author_list`` (see ``_attach_links``), as they do for ``for_detail``.
        """
        clone = self.select_related("source").only(*SUMMARY_FIELDS)
        clone._summary_links = True
        return clone

    def for_feed(self):
        """``for_listing`` with the times a feed entry carries."""
        return self.for_listing().only(*SUMMARY_FIELDS, "published_at", "updated_at")

    def for_detail(self):
        """Everything the article page shows, with only the quotes readers may see."""
        return self.select_related("source").prefetch_related(
            models.Prefetch("tags", to_attr="tag_list"),
            models.Prefetch("authors", to_attr="author_list"),
            "people",
            "organisations",
            models.Prefetch(
                "quotes",
                queryset=Quote.objects.exclude(status=Quote.Status.REJECTED).select_related("speaker", "organisation"),
                to_attr="public_quotes",
            ),
        )

    def search(self, query: str):
        """Articles matching the words of ``query``: full-text on PostgreSQL, every word contained elsewhere.

        On PostgreSQL the matches carry a ``rank`` annotation (title weighs most, then standfirst, then
        body) for ``by_relevance``.
        """
        words = query.split()
        if not words:
            return self
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank

            search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
            return self.annotate(search=search_vector()).filter(search=search_query).annotate(
                rank=SearchRank(F("search"), search_query)
            )
        matches = Q()
        for word in words:
            matches &= Q(title__icontains=word) | Q(dek__icontains=word) | Q(body__icontains=word)
        return self.filter(matches)

    def by_relevance(self):
        """Best matches first after ``search``; newest first where the database cannot rank."""
        if "rank" in self.query.annotations:
            return self.order_by("-rank", F("published_on").desc(nulls_last=True), "-created_at")
        return self.newest()

    def newest(self):
        return self.order_by(F("published_on").desc(nulls_last=True), "-created_at")

    def oldest(self):
        return self.order_by(F("published_on").asc(nulls_last=True), "created_at")

    def featuring_person(self, person):
        """Articles that mention ``person``, carry their byline or quote them (quotes not rejected)."""
        quoted = Quote.objects.exclude(status=Quote.Status.REJECTED).filter(speaker=person).values("article_id")
        return self.filter(
            Q(pk__in=Article.people.through.objects.filter(person=person).values("article_id"))
            | Q(pk__in=Article.authors.through.objects.filter(person=person).values("article_id"))
            | Q(pk__in=quoted)
        )

    def featuring_organisation(self, organisation):
        quoted = Quote.objects.exclude(status=Quote.Status.REJECTED).filter(organisation=organisation)
        return self.filter(
            Q(pk__in=Article.organisations.through.objects.filter(organisation=organisation).values("article_id"))
            | Q(pk__in=quoted.values("article_id"))
        )

    def tagged(self, tag):
        return self.filter(pk__in=TaggedArticle.objects.filter(tag=tag).values("content_object_id"))

    def featured_people(self):
        """People these articles mention, carry the byline of, or quote: the people readers may look up."""
        ids = self.order_by().values("pk")
        return Person.objects.filter(
            Q(pk__in=Article.people.through.objects.filter(article__in=ids).values("person_id"))
            | Q(pk__in=Article.authors.through.objects.filter(article__in=ids).values("person_id"))
            | Q(pk__in=Quote.objects.exclude(status=Quote.Status.REJECTED).filter(article__in=ids).values("speaker_id"))
        )

    def featured_organisations(self):
        """Organisations these articles mention or quote."""
        ids = self.order_by().values("pk")
        return Organisation.objects.filter(
            Q(pk__in=Article.organisations.through.objects.filter(article__in=ids).values("organisation_id"))
            | Q(
                pk__in=Quote.objects.exclude(status=Quote.Status.REJECTED)
                .filter(article__in=ids)
                .values("organisation_id")
            )
        )

    def featured_tags(self):
        """Tags on these articles, each with ``article_count``, most used first."""
        from taggit.models import Tag

        return (
            Tag.objects.filter(articles_taggedarticle_items__content_object__in=self.order_by().values("pk"))
            .annotate(article_count=Count("articles_taggedarticle_items"))
            .order_by("-article_count", "name")
        )

    def related_to(self, article, *, tag_ids=(), person_ids=(), organisation_ids=()):
        """Other articles sharing tags, people or organisations with ``article``, most shared first.

        Takes the ids the caller already has (from the article's prefetches) so this is one query.
        """
        through = {
            "tags": (TaggedArticle.objects.filter(tag_id__in=tag_ids), "content_object_id"),
            "people": (Article.people.through.objects.filter(person_id__in=person_ids), "article_id"),
            "organisations": (
                Article.organisations.through.objects.filter(organisation_id__in=organisation_ids),
                "article_id",
            ),
        }
        shared = Value(0)
        candidates = Q(pk__in=[])
        for rows, column in through.values():
            count = Subquery(
                rows.filter(**{column: OuterRef("pk")}).order_by().values(column).annotate(n=Count("*")).values("n")
            )
            shared = shared + Coalesce(count, 0)
            candidates |= Q(pk__in=rows.values(column))
        return (
            self.exclude(pk=article.pk)
            .filter(candidates)
            .annotate(shared=shared)
            .order_by("-shared", F("published_on").desc(nulls_last=True), "-created_at")
        )


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
        indexes = [
            models.Index(fields=["status", "-published_on"], name="article_status_date_idx"),
            # The unique constraint's index is partial, which SQLite will not use for an equality lookup.
            models.Index(fields=["content_hash"], name="article_content_hash_idx"),
        ]

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

    def get_absolute_url(self) -> str:
        return slug_url("archive:article", self.slug)


class QuoteQuerySet(models.QuerySet):
    def public(self):
        """Quotes readers may see: not rejected, in a published article."""
        return self.exclude(status=Quote.Status.REJECTED).filter(article__status=Article.Status.PUBLISHED)

    def pending_review(self):
        return self.filter(status=Quote.Status.EXTRACTED)

    def for_listing(self):
        """What a quote shows: speaker, organisation and the article it comes from, with its source."""
        return self.select_related("speaker", "organisation", "article", "article__source")

    def newest(self):
        return self.order_by(
            F("article__published_on").desc(nulls_last=True), "-article__created_at", "-article_id", "position"
        )

    def top_speakers(self, *, since):
        """People quoted in these quotes, most quoted since ``since`` first, then most quoted overall.

        Each carries ``recent_quote_count`` and ``quote_count``.
        """
        recent = self.filter(article__published_on__gte=since).values("pk")
        return (
            Person.objects.filter(pk__in=self.values("speaker_id"))
            .annotate(
                recent_quote_count=Count("quotes", filter=Q(quotes__in=recent)),
                quote_count=Count("quotes", filter=Q(quotes__in=self.values("pk"))),
            )
            .order_by("-recent_quote_count", "-quote_count", "name")
        )

    def by_date(self):
        """Oldest article first, then in the order they appear in the article."""
        return self.order_by(
            F("article__published_on").asc(nulls_last=True), "article__created_at", "article_id", "position"
        )


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

    @property
    def speaker_entity(self):
        """The person, else the organisation, the quote is attributed to (``None`` when unattributed)."""
        return self.speaker if self.speaker_id else self.organisation if self.organisation_id else None

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#quote-{self.pk}"
