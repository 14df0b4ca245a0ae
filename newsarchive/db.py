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
    manager = type(instance)._default_manager
    taken = set(
        manager.filter(**{f"{field}__startswith": base}).exclude(pk=instance.pk).values_list(field, flat=True)
    )
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate
