"""Model building blocks shared by the apps."""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


def unique_slug(instance: models.Model, value: str, *, field: str = "slug", fallback: str = "item") -> str:
    """A slug for ``value`` that no other row of the instance's model uses.

    Slugs are assigned once and never recomputed, so URLs stay stable when a title is corrected.
    """
    max_length = instance._meta.get_field(field).max_length
    base = (slugify(value) or fallback)[: max_length - 6].strip("-") or fallback
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    if not others.filter(**{field: base}).exists():  # the usual case, answered by the unique index
        return base
    # Try the next few numbered slugs with one indexed lookup; a LIKE prefix scan only when all are taken.
    candidates = [f"{base}-{n}" for n in range(2, 52)]
    taken = set(others.filter(**{f"{field}__in": candidates}).values_list(field, flat=True))
    free = next((c for c in candidates if c not in taken), None)
    if free:
        return free
    taken = set(others.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    n = 52
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
