"""The public archive: what readers see. Only published articles and the quotes not rejected.

Each view is queryset → FilterSet → render; every relation a template touches is fetched here, so
each page costs the same number of queries whatever it lists (tests/test_public_queries.py).
"""

from __future__ import annotations

import datetime as dt

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django_filters import FilterSet
from taggit.models import Tag

from articles.filters import ArticleFilter, OrganisationFilter, PersonFilter, QuoteFilter, query_string
from articles.models import Article, Quote
from newsarchive.cache import public_page, versioned
from sources.models import Source

PAGE_SIZE = 20
ENTITY_PAGE_SIZE = 50


def _page(request: HttpRequest, queryset, per_page: int = PAGE_SIZE, *, count: int | None = None) -> Page:
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # known already: saves the COUNT query
    number = request.GET.get("page", "1")
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        raise Http404("Page numbers are whole numbers, like ?page=2.") from None
    except EmptyPage:
        raise Http404(f"There is no page {number}: this list has {paginator.num_pages} page(s).") from None


def _filtered(request: HttpRequest, template: str, filterset: FilterSet, context=None, *, per_page=PAGE_SIZE):
    """Render a filtered list, or explain with a 400 which filter values the archive does not know."""
    context = {"filter": filterset, **(context or {})}
    if not filterset.is_valid():
        return render(request, template, {**context, "page": None}, status=400)
    return render(request, template, {**context, "page": _page(request, filterset.qs, per_page)})


def _published_quotes():
    return Quote.objects.public().for_listing()


def _quote_count():
    """Public quotes per person, as a correlated subquery (no join fan-out in the listing)."""
    counted = Quote.objects.public().filter(speaker=OuterRef("pk")).order_by().values("speaker")
    return Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n")), 0)


@public_page
def home(request: HttpRequest) -> HttpResponse:
    published = Article.objects.published()
    year_start = dt.date(timezone.localdate().year, 1, 1)
    return render(
        request,
        "archive/home.html",
        {
            "latest": published.for_listing().newest()[:10],
            "tags": published.featured_tags()[:24],
            "quoted": list(Quote.objects.public().top_speakers(since=year_start)[:8]),
            "year": year_start.year,
        },
    )


@public_page
def article_list(request: HttpRequest) -> HttpResponse:
    articles = ArticleFilter(request.GET, queryset=Article.objects.published().for_listing())
    if not articles.is_valid():
        return _filtered(request, "articles/article_list.html", articles)
    # The counts (of the matches, and the four facets with their links) are the costly part of the
    # page, and change only with the filters and the archive: kept until the archive next changes.
    count, facets = versioned(
        f"counts{query_string(request.GET)}",
        lambda: (articles.qs.count(), render_to_string("articles/_facets.html", {"facets": articles.facets()})),
    )
    return render(
        request,
        "articles/article_list.html",
        {"filter": articles, "page": _page(request, articles.qs, count=count), "facets": mark_safe(facets)},
    )


@public_page
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.for_detail(), slug=slug)
    if not article.is_public and not request.user.is_staff:
        raise Http404("No published article lives at this address.")
    related = Article.objects.published().related_to(
        article,
        tag_ids=[tag.pk for tag in article.tag_list],
        person_ids=[person.pk for person in article.people.all()],
        organisation_ids=[organisation.pk for organisation in article.organisations.all()],
    )
    return render(
        request, "articles/article_detail.html", {"article": article, "related": related.select_related("source")[:5]}
    )


@public_page
def quote_list(request: HttpRequest) -> HttpResponse:
    quotes = QuoteFilter(request.GET, queryset=_published_quotes().newest())
    return _filtered(request, "articles/quote_list.html", quotes)


@public_page
def person_list(request: HttpRequest) -> HttpResponse:
    published = Article.objects.published()
    people = published.featured_people().annotate(quote_count=_quote_count()).order_by("name").prefetch_related(
        Prefetch("organisations", queryset=published.featured_organisations())
    )
    return _filtered(request, "sources/person_list.html", PersonFilter(request.GET, queryset=people), per_page=ENTITY_PAGE_SIZE)


@public_page
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    published = Article.objects.published()
    person = get_object_or_404(
        published.featured_people().prefetch_related(
            Prefetch("organisations", queryset=published.featured_organisations()), "tags"
        ),
        slug=slug,
    )
    return render(
        request,
        "sources/person_detail.html",
        {
            "person": person,
            "quotes": _published_quotes().filter(speaker=person).by_date(),
            "articles": published.featuring_person(person).select_related("source").newest(),
        },
    )


@public_page
def organisation_list(request: HttpRequest) -> HttpResponse:
    published = Article.objects.published()
    organisations = published.featured_organisations().annotate(
        article_count=Count("mentioned_in", filter=Q(mentioned_in__in=published.values("pk")))
    ).order_by("name")
    return _filtered(
        request,
        "sources/organisation_list.html",
        OrganisationFilter(request.GET, queryset=organisations),
        per_page=ENTITY_PAGE_SIZE,
    )


@public_page
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    published = Article.objects.published()
    organisation = get_object_or_404(
        published.featured_organisations()
        .select_related("parent")
        .prefetch_related(Prefetch("people", queryset=published.featured_people()), "tags"),
        slug=slug,
    )
    return render(
        request,
        "sources/organisation_detail.html",
        {
            "organisation": organisation,
            "quotes": _published_quotes().filter(organisation=organisation).by_date(),
            "articles": published.featuring_organisation(organisation).select_related("source").newest(),
        },
    )


@public_page
def source_list(request: HttpRequest) -> HttpResponse:
    published = Article.objects.published()
    sources = Source.objects.filter(pk__in=published.values("source_id")).annotate(
        article_count=Count("articles", filter=Q(articles__in=published.values("pk")))
    ).order_by("name")
    return render(request, "sources/source_list.html", {"sources": sources})


@public_page
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    published = Article.objects.published()
    source = get_object_or_404(Source.objects.filter(pk__in=published.values("source_id")), slug=slug)
    articles = published.filter(source=source)
    return render(
        request,
        "sources/source_detail.html",
        {
            "source": source,
            "page": _page(request, articles.for_listing().newest()),
            "dates": articles.values_list("published_on", flat=True),
        },
    )


@public_page
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    published = Article.objects.published()
    return render(
        request,
        "archive/tag_detail.html",
        {
            "tag": tag,
            "page": _page(request, published.tagged(tag).for_listing().newest()),
            "people": published.featured_people().filter(tags=tag),
            "organisations": published.featured_organisations().filter(tags=tag),
            "quotes": _published_quotes().filter(tags=tag).newest()[:20],
        },
    )


def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
