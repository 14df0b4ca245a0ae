"""The public pages' cache: whole anonymous GET responses, invalidated by one archive-wide version.

Every cached page's key includes the current *archive version*, a number kept in the cache. Any change
to something a public page shows bumps it, so every older page becomes unreachable at once and simply
expires. There is nothing to track per page, and a missed dependency cannot leave one page stale while
the others are fresh.

With Redis (``REDIS_URL``) the version lives in Redis. With the local-memory cache every process has
its own cache, so the version lives in a small file instead (``NEWSARCHIVE_VERSION_FILE``): reading it
costs one small read per request, and a publish in the admin or an import from the command line is
seen at once by every process on the machine.
"""

from __future__ import annotations

import functools
import hashlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import reverse

VERSION_KEY = "archive:version"
_SLUG = "SLUG_PLACEHOLDER"
T = TypeVar("T")


def _shared_cache() -> bool:
    return not isinstance(caches["default"], LocMemCache)


def archive_version() -> int | str:
    if not _shared_cache():
        return _file_version()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def _bump() -> None:
    if not _shared_cache():
        _write_file_version()
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache (yet, or evicted): any new number invalidates
        cache.set(VERSION_KEY, archive_version() + 1, timeout=None)


def _file_version() -> str:
    try:
        with open(settings.NEWSARCHIVE_VERSION_FILE, encoding="ascii") as f:
            return f.read().strip() or _write_file_version()
    except FileNotFoundError:
        return _write_file_version()


def _write_file_version() -> str:
    """A new random version of fixed length, written in place.

    Random, so two processes bumping at once both change it; fixed length and written in one call, so
    a reader sees the old token or the new one, and at worst some other token, which is only a miss.
    """
    path = settings.NEWSARCHIVE_VERSION_FILE
    version = secrets.token_hex(8)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    except FileNotFoundError:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        os.pwrite(fd, version.encode("ascii"), 0)
    finally:
        os.close(fd)
    return version


def bump_archive_version() -> None:
    """Make every cached public page stale.

    Bumps now and again when the surrounding transaction commits: a page rendered between the two
    would otherwise be cached with the old rows under the new version.
    """
    _bump()
    transaction.on_commit(_bump)


def versioned(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, remembered until the archive next changes: for costly parts of a page, such as counts."""
    key = f"part:{archive_version()}:{hashlib.sha256(name.encode()).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.NEWSARCHIVE_PAGE_CACHE_SECONDS)
    return value


@functools.lru_cache(maxsize=None)
def fixed_url(name: str) -> str:
    """``reverse(name)`` for a URL without arguments, resolved once."""
    return reverse(name)


@functools.lru_cache(maxsize=None)
def _slug_pattern(name: str) -> str:
    return reverse(name, kwargs={"slug": _SLUG})


def slug_url(name: str, slug: str) -> str:
    """``reverse(name, kwargs={"slug": slug})``, with the URL resolved once per name.

    A list page links every article, tag, person and source it shows; reversing each costs more than
    running the page's queries.
    """
    return _slug_pattern(name).replace(_SLUG, slug, 1)


def _page_key(request: HttpRequest) -> str:
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page:{archive_version()}:{address}"


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a reader-facing page: GET and HEAD only, a bounded query string, and the page cache.

    Only anonymous, successful, cookie-free responses are cached: staff see previews and their own
    session, which must never reach another reader.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if len(request.META.get("QUERY_STRING", "")) > settings.NEWSARCHIVE_MAX_QUERY_STRING:
            return render(request, "414.html", status=414)
        cacheable = settings.NEWSARCHIVE_PAGE_CACHE and not request.user.is_authenticated
        if not cacheable:
            return view(request, *args, **kwargs)
        key = _page_key(request)
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if response.status_code == 200 and not response.cookies and not response.streaming:
                cache.set(key, response, settings.NEWSARCHIVE_PAGE_CACHE_SECONDS)
        return response

    return wrapper
