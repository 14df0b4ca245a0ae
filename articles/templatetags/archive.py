"""Template helpers for the public pages: the article body with its quotes, JSON-LD, the coverage chart."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter
from collections.abc import Iterable

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from articles.filters import query_string
from newsarchive.cache import fixed_url, slug_url

register = template.Library()

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _paragraphs(body: str) -> Iterable[tuple[int, str]]:
    """Each paragraph with the offset in ``body`` where it starts."""
    start = 0
    for separator in _BLANK_LINE.finditer(body):
        yield start, body[start : separator.start()]
        start = separator.end()
    yield start, body[start:]


def _placed_quotes(body: str, quotes) -> list:
    """Quotes whose text is still where ``position`` says, in order and not overlapping.

    Editing a body can leave a quote's position stale; such quotes are listed with the article but not
    marked in the text.
    """
    placed, end = [], 0
    for quote in sorted(quotes, key=lambda q: q.position):
        if quote.position >= end and quote.text and body[quote.position : quote.position + len(quote.text)] == quote.text:
            placed.append(quote)
            end = quote.position + len(quote.text)
    return placed


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>")


def _mark(quote) -> str:
    speaker = quote.speaker_entity
    if speaker is None:
        return format_html('<mark class="quote" id="quote-{}">{}</mark>', quote.pk, mark_safe(_text(quote.text)))
    return format_html(
        '<mark class="quote" id="quote-{}"><a href="{}">{}<span class="visually-hidden"> ({})</span></a></mark>',
        quote.pk,
        speaker.get_absolute_url(),
        mark_safe(_text(quote.text)),
        speaker.name,
    )


@register.simple_tag
def article_body(article) -> SafeString:
    """The body as paragraphs and ``<h2>`` subheadings, each public quote marked and linked to its speaker.

    Everything from the body is escaped; quotes that do not fit in one paragraph are left unmarked.
    """
    body = article.body.replace("\r\n", "\n")
    quotes = _placed_quotes(body, getattr(article, "public_quotes", []))
    blocks = []
    for start, paragraph in _paragraphs(body):
        stripped = paragraph.strip()
        if not stripped:
            continue
        if stripped.startswith("## "):
            blocks.append(format_html("<h2>{}</h2>", stripped[3:].strip()))
            continue
        end, cursor, parts = start + len(paragraph), start, []
        for quote in quotes:
            if quote.position >= start and quote.position + len(quote.text) <= end:
                parts.append(_text(body[cursor : quote.position]))
                parts.append(_mark(quote))
                cursor = quote.position + len(quote.text)
        parts.append(_text(body[cursor:end]))
        blocks.append("<p>" + "".join(parts).strip() + "</p>")
    return mark_safe("\n".join(blocks))


# Article summaries and bylines are built here rather than in template partials: a list page shows
# twenty of them, and resolving the partials' variables one by one cost more than the page's queries.


def _e(value) -> str:
    """``escape`` without its lazy-string machinery: these run hundreds of times per list page."""
    return html.escape(str(value), quote=True)


def _date(day: dt.date) -> str:
    return f'<time datetime="{day.isoformat()}">{day.day} {_MONTHS[day.month - 1]} {day.year}</time>'


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


@register.simple_tag
def article_meta(article) -> SafeString:
    """Date, source and byline, from what ``for_listing`` or ``for_detail`` fetched."""
    parts = [_date(article.published_on) if article.published_on else "<span>Undated</span>"]
    if article.source:
        parts.append(f'<a href="{_e(article.source.get_absolute_url())}">{_e(article.source.name)}</a>')
    if article.author_list:
        parts.append("By " + ", ".join(
            f'<a href="{_e(author.get_absolute_url())}">{_e(author.name)}</a>' for author in article.author_list
        ))
    return mark_safe(" · ".join(parts))


@register.simple_tag
def article_summary(article, level: int = 2) -> SafeString:
    """One article in a list: headline, date, source, byline, standfirst and tags."""
    parts = [
        f'<article class="summary"><h{level} class="summary-title"><a href="{_e(article.get_absolute_url())}">'
        f"{_e(article.title)}</a></h{level}>",
        f'<p class="meta">{article_meta(article)}</p>',
    ]
    if article.dek:
        parts.append(f'<p class="dek">{_e(article.dek)}</p>')
    if article.tag_list:
        links = "".join(
            f'<li><a href="{_e(slug_url("archive:tag", tag.slug))}">{_e(tag.name)}</a></li>' for tag in article.tag_list
        )
        parts.append(f'<ul class="tags" aria-label="Tags">{links}</ul>')
    parts.append("</article>")
    return mark_safe("".join(parts))


@register.simple_tag
def article_summaries(articles, level: int = 2) -> SafeString:
    """``article_summary`` for each of ``articles``, in one tag."""
    return mark_safe("\n".join(article_summary(article, level) for article in articles))


def _json_ld(data: dict) -> SafeString:
    encoded = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{encoded}</script>')


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    request = context.get("request")  # absent on the 400 and 500 pages, rendered without one
    return request.build_absolute_uri(path) if request else path


def _person(person, request) -> dict:
    return {"@type": "Person", "name": person.name, "url": request.build_absolute_uri(person.get_absolute_url())}


@register.simple_tag(takes_context=True)
def article_json_ld(context, article) -> SafeString:
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.dek,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "datePublished": (article.published_on or article.published_at),
        "dateModified": article.updated_at,
        "author": [_person(author, request) for author in article.author_list]
        or ([{"@type": "Organization", "name": article.source.name}] if article.source else []),
        "publisher": {
            "@type": "Organization",
            "name": article.source.name if article.source else "newsarchive",
            **({"url": article.source.url} if article.source and article.source.url else {}),
        },
        "keywords": [tag.name for tag in article.tag_list],
    }
    if article.source:
        data["isPartOf"] = {"@type": "Periodical", "name": article.source.name}
    return _json_ld({key: value for key, value in data.items() if value not in ("", [], None)})


@register.simple_tag(takes_context=True)
def person_json_ld(context, person) -> SafeString:
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": request.build_absolute_uri(person.get_absolute_url()),
        "jobTitle": person.role,
        "alternateName": person.aliases,
        "description": person.description,
        "affiliation": [{"@type": "Organization", "name": org.name} for org in person.organisations.all()],
    }
    return _json_ld({key: value for key, value in data.items() if value not in ("", [], None)})


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    """A link to another page of the current list, keeping its filters."""
    base = query_string(context["request"].GET)
    return f"{base}&page={number}" if base != "?" else f"?page={number}"


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


@register.simple_tag
def coverage_timeline(articles, *, label: str = "Articles per month") -> SafeString:
    """Articles (or their dates) per month as a small bar chart in SVG, drawn on the server, with a text
    equivalent."""
    dates = [day for day in (getattr(item, "published_on", item) for item in articles) if day]
    if not dates:
        return mark_safe("")
    per_month = Counter(date.replace(day=1) for date in dates)
    months = _months(min(dates), max(dates))
    if len(months) < 3:  # a lone bar says little: show a little context either side
        months = _months(months[0] - dt.timedelta(days=31), months[-1] + dt.timedelta(days=31))
    most = max(per_month.values())
    width, height, axis, gap = 640, 110, 18, 3
    slot = width / len(months)
    bar = max(1.0, min(slot - gap, 40.0))
    bars = []
    for i, month in enumerate(months):
        count = per_month.get(month, 0)
        tall = 0 if not count else max(3, round((height - axis - 16) * count / most))
        x = i * slot + (slot - bar) / 2
        bars.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>',
                f"{x:.1f}", height - axis - tall, f"{bar:.1f}", tall, month.strftime("%B %Y"), count,
            )
        )
        if count and len(months) <= 24:
            bars.append(
                format_html('<text class="n" x="{}" y="{}" text-anchor="middle">{}</text>', f"{x + bar / 2:.1f}", height - axis - tall - 4, count)
            )
    described = "; ".join(f"{month.strftime('%B %Y')}: {count}" for month, count in sorted(per_month.items()))
    return format_html(
        '<figure class="timeline"><svg viewBox="0 0 {w} {h}" role="img" aria-label="{label}: {described}">'
        '{bars}<line x1="0" x2="{w}" y1="{base}" y2="{base}"></line>'
        '<text x="0" y="{ty}">{first}</text><text x="{w}" y="{ty}" text-anchor="end">{last}</text></svg>'
        "<figcaption>{label}, {first} to {last}</figcaption></figure>",
        w=width, h=height, base=height - axis, ty=height - 3, label=label, described=described,
        bars=mark_safe("".join(bars)), first=months[0].strftime("%b %Y"), last=months[-1].strftime("%b %Y"),
    )


@register.simple_tag
def link(name: str) -> str:
    """``{% url name %}`` for the site's fixed addresses (navigation, footer), resolved once."""
    return fixed_url(name)


@register.filter
def tag_url(tag) -> str:
    return slug_url("archive:tag", tag.slug)


@register.filter
def getlist(data, key: str) -> list[str]:
    """Every value of ``key`` in a query dict (``{% for tag in request.GET|getlist:"tag" %}``)."""
    return data.getlist(key)
