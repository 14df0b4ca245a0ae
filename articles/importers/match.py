"""Which article in the archive a document already is, if any.

In this order: the same content (the SHA-256 of the file), the same file name, the same story. The
first two are exact; the third is what lets one story saved twice, as select-all text and as the HTML
page, be one article instead of an article and its "-2" copy.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.db.models import Q
from django.utils.text import slugify

from articles.models import Article


def by_content_or_filename(*, content_hash: str, filename: str) -> list[dict]:
    """Articles imported from this content or under this file name, newest first."""
    return list(
        Article.objects.filter(Q(content_hash=content_hash) | Q(import_filename=filename))
        .order_by("-created_at")
        .values("pk", "title", "slug", "import_filename", "content_hash")
    )


def same_story(*, title: str, source: str | None, url: str) -> Article | None:
    """The article that tells the story a new document tells, or None.

    The same story: the same headline once case, punctuation, accents and spacing are set aside; the
    same publication (one name may contain the other: "The New York Times Company"), or either one
    unknown; the same address, or either one unknown. Two stories with
    one headline from one publication (a recurring "Letters" page) are told apart only by their
    addresses, so pages keep them apart and text scrapes without one do not.

    The lookup is by the article's slug, which is its headline as it was first saved, normalised the same
    way and never changed afterwards (the admin makes it read-only), so it is one indexed query; an
    article whose headline an editor has since rewritten is not matched.
    """
    base = _slug_base(title)
    if not base:
        return None
    key = _title_key(title)
    candidates = (
        Article.objects.filter(slug__in=[base, *(f"{base}-{n}" for n in range(2, 10))])
        .order_by("created_at")
        .values_list("pk", "title", "original_url", "source__name")
    )
    for pk, other_title, other_url, other_source in candidates:
        if _title_key(other_title) != key:
            continue
        if source and other_source and not _same_publication(source, other_source):
            continue
        if url and other_url and _url_key(url) != _url_key(other_url):
            continue
        return Article.objects.only("title", "slug", "import_filename", "original_url").get(pk=pk)
    return None


def record_address(article: Article, url: str) -> bool:
    """Give an article that has no address the one another copy of its story carries; True if it did.

    The article's extraction snapshot is left as it was, so to a later ``--update`` of the article's own
    file the address looks like an editor's addition, and it stays.
    """
    if not url or article.original_url:
        return False
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.original_url:
        return False
    locked.original_url = url
    locked.save(update_fields=["original_url", "updated_at"])  # a save, so the public pages' cache hears of it
    article.original_url = url
    return True


def _slug_base(title: str) -> str:
    """The slug a new article with this headline is given before any "-2" (``newsarchive.db.unique_slug``)."""
    max_length = Article._meta.get_field("slug").max_length
    return slugify(title)[: max_length - 6].strip("-")


def _title_key(title: str) -> str:
    # Letters of every script count here, where the slug keeps only ASCII ones.
    return slugify(title, allow_unicode=True)


def _same_publication(one: str, other: str) -> bool:
    """"The St. Kitts-Nevis Observer" is "St Kitts Nevis Observer"; "The New York Times" is "The New York
    Times Company", as a copyright line names it."""
    keys = sorted((_name_key(one), _name_key(other)), key=len)
    return keys[0] == keys[1] or (len(keys[0]) >= 5 and keys[0] in keys[1])


def _name_key(name: str) -> str:
    return re.sub(r"^the-", "", slugify(name)).replace("-", "")


def _url_key(url: str) -> str:
    """An address without what does not change the page: scheme, "www.", query, fragment, final slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.casefold().removeprefix("www.")
    return host + parts.path.rstrip("/")
