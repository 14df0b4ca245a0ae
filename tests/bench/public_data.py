"""A realistic archive for measuring the public pages, written to the database DATABASE_URL names.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python tests/bench/public_data.py [--articles 2000]
    DATABASE_URL=... .venv/bin/python tests/bench/public_data.py --queries   # queries per page type

Migrates, then fills an empty database with published articles (a tenth left as drafts), each with
3–6 tags, a byline, 3–8 people and 2–5 organisations mentioned and 2–6 quotes marked in a body of
about 700 words. Random but seeded, so every run builds the same archive.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsarchive.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key")

FIRST = ["Anna", "Marek", "Leila", "Tomas", "Chiara", "Ivan", "Grace", "Omar", "Sofia", "Pieter", "Nadia", "Jonas"]
SURNAMES = ["Petrova", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kovalenko", "Haddad", "Silva", "Novak",
            "Brennan", "Ferreira", "Nowak", "Costa", "Berg", "Keller", "Romano", "Sato", "Ivanova"]
ROLES = ["economist", "minister", "spokesperson", "analyst", "mayor", "researcher", "correspondent", "director"]
TOPICS = ["energy", "security", "elections", "climate", "trade", "health", "migration", "transport", "housing",
          "technology", "agriculture", "courts", "defence", "education", "finance", "media", "labour", "water"]
WORDS = ("the government said on monday that the plan would reduce costs for households while critics argued "
         "that the measures came too late and would not address the shortage of skilled workers in the region "
         "officials expect the first results by the end of the year and a review in parliament next spring").split()


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _body(rng: random.Random, quotes: list[str]) -> tuple[str, list[int]]:
    paragraphs, positions, offset = [], [], 0
    for i in range(10):
        if i in (4, 8):
            paragraphs.append(f"## {_sentence(rng, 4)[:-1]}")
        else:
            text = " ".join(_sentence(rng, rng.randint(10, 20)) for _ in range(3))
            if quotes and i % 2:
                quote = quotes.pop()
                text = f"{text} “{quote}”, the {rng.choice(ROLES)} said."
                positions.append(offset + text.index(quote))
            paragraphs.append(text)
        offset += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs), positions


def build(n_articles: int) -> None:
    from django.utils import timezone
    from django.utils.text import slugify
    from taggit.models import Tag

    from articles.models import Article, Quote, TaggedArticle
    from newsarchive.cache import bump_archive_version
    from sources.models import Organisation, Person, Source

    if Article.objects.exists():
        print("The database already has articles; leaving it as it is.")
        return
    rng = random.Random(20240101)
    sources = Source.objects.bulk_create(
        [Source(name=f"The {place} {kind}", slug=slugify(f"the {place} {kind}"), url=f"https://{place.lower()}.example.org/")
         for place in ("Baltic", "Nordic", "Danube", "Alpine", "Atlantic", "Adriatic")
         for kind in ("Times", "Wire")]
    )
    tags = Tag.objects.bulk_create(
        [Tag(name=f"{topic} {suffix}".strip(), slug=slugify(f"{topic} {suffix}"))
         for topic in TOPICS for suffix in ("", "policy", "markets", "europe", "local", "reform")]
    )
    names = sorted({f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}-{i}" for i in range(1500)})
    people = Person.objects.bulk_create(
        [Person(name=name, slug=slugify(name), role=rng.choice(ROLES)) for name in names]
    )
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=f"{topic.title()} Council {i}", slug=f"{topic}-council-{i}", acronym=f"{topic[:2].upper()}C{i}")
         for i in range(25) for topic in TOPICS[:16]]
    )
    Person.organisations.through.objects.bulk_create(
        [Person.organisations.through(person_id=p.pk, organisation_id=rng.choice(organisations).pk) for p in people]
    )
    now = timezone.now()
    articles, quotes_for = [], []
    for i in range(n_articles):
        texts = [_sentence(rng, rng.randint(6, 14))[:-1] for _ in range(rng.randint(2, 6))]
        body, positions = _body(rng, list(texts))
        published = i % 10 != 9
        title = f"{_sentence(rng, rng.randint(5, 9))[:-1]} ({i})"
        articles.append(
            Article(
                title=title,
                slug=slugify(title)[:200],
                dek=_sentence(rng, 18),
                body=body,
                source=rng.choice(sources),
                published_on=dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 2500)),
                status=Article.Status.PUBLISHED if published else Article.Status.DRAFT,
                published_at=now if published else None,
            )
        )
        quotes_for.append([(text, position) for text, position in zip(reversed(texts), positions)])
    articles = Article.objects.bulk_create(articles, batch_size=500)
    tagged, bylines, mentions, named, quotes = [], [], [], [], []
    for article, article_quotes in zip(articles, quotes_for):
        for tag in rng.sample(tags, rng.randint(3, 6)):
            tagged.append(TaggedArticle(content_object_id=article.pk, tag_id=tag.pk))
        bylines.append(Article.authors.through(article_id=article.pk, person_id=rng.choice(people).pk))
        cast = rng.sample(people, rng.randint(3, 8))
        mentions += [Article.people.through(article_id=article.pk, person_id=p.pk) for p in cast]
        named += [Article.organisations.through(article_id=article.pk, organisation_id=o.pk)
                  for o in rng.sample(organisations, rng.randint(2, 5))]
        for text, position in article_quotes:
            quotes.append(Quote(article_id=article.pk, text=text, speaker=rng.choice(cast), position=position,
                                status=rng.choice([Quote.Status.EXTRACTED, Quote.Status.CONFIRMED])))
    for rows in (tagged, bylines, mentions, named, quotes):
        type(rows[0]).objects.bulk_create(rows, batch_size=1000)
    bump_archive_version()
    print(f"{len(articles)} articles, {len(quotes)} quotes, {len(people)} people, {len(organisations)} organisations, "
          f"{len(tags)} tags, {len(sources)} sources.")


def report_queries() -> None:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from articles.models import Article
    from sources.models import Organisation, Person

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.NEWSARCHIVE_PAGE_CACHE = False
    published = Article.objects.published()
    article = published.first()
    person = published.featured_people().first()
    organisation = published.featured_organisations().first()
    pages = ["/", "/articles/", "/articles/?q=government&tag=energy", article.get_absolute_url(), "/quotes/",
             "/people/", person.get_absolute_url(), "/organisations/", organisation.get_absolute_url(), "/sources/",
             article.source.get_absolute_url(), "/tags/energy/", "/feeds/articles.rss", "/sitemap.xml"]
    client = Client()
    print("first  again  page (first: nothing cached; again: counts kept from the first request)")
    for url in pages:
        counts = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                status = client.get(url).status_code
            counts.append(len(queries))
        print(f"{counts[0]:5} {counts[1]:6}  {url}  ({status})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--queries", action="store_true", help="print the queries each page type costs")
    args = parser.parse_args()
    import django
    from django.core.management import call_command

    django.setup()
    if args.queries:
        report_queries()
        return
    call_command("migrate", verbosity=0, interactive=False)
    build(args.articles)


if __name__ == "__main__":
    main()
