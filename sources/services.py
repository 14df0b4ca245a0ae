"""Write rules for People and Organisations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models, transaction

from sources.models import NamedEntity, Organisation, Person


@dataclass(frozen=True)
class MergeResult:
    survivor: NamedEntity
    merged_names: tuple[str, ...]
    moved: dict[str, int]

    def summary(self) -> str:
        moved = ", ".join(f"{count} {label}" for label, count in sorted(self.moved.items()) if count) or "nothing"
        return f"Merged {', '.join(self.merged_names)} into {self.survivor.name} (moved {moved})."


def _move_reverse_relations(survivor: NamedEntity, duplicate: NamedEntity, moved: dict[str, int]) -> None:
    """Point every row that refers to ``duplicate`` at ``survivor``.

    Walks the model's reverse relations generically, so this module needs to know nothing of the apps
    that refer to People and Organisations (articles, quotes, bylines, mentions, tags).
    """
    for relation in type(survivor)._meta.related_objects:
        label = f"{relation.related_model._meta.verbose_name_plural} ({relation.field.name})"
        if relation.many_to_many:
            through = relation.through
            ours = relation.field.m2m_reverse_field_name()  # the through FK pointing at this model
            theirs = relation.field.m2m_field_name()  # the through FK pointing at the other side
            already = through._default_manager.filter(**{ours: survivor}).values(theirs)
            rows = through._default_manager.filter(**{ours: duplicate})
            moved[label] = rows.exclude(**{f"{theirs}__in": already}).update(**{ours: survivor})
            rows.delete()  # links the survivor already had
        elif relation.one_to_many or relation.one_to_one:
            manager = relation.related_model._base_manager
            moved[label] = manager.filter(**{relation.field.name: duplicate}).update(**{relation.field.name: survivor})


def _merge(model: type[NamedEntity], survivor: NamedEntity, duplicates: Iterable[NamedEntity]) -> MergeResult:
    duplicates = [d for d in duplicates if d.pk != survivor.pk]
    if not duplicates:
        raise ValueError("Choose at least one record other than the survivor to merge.")
    moved: dict[str, int] = {}
    with transaction.atomic():
        # Lock every row involved so a concurrent edit cannot resurrect a merged duplicate.
        locked = {obj.pk: obj for obj in model._base_manager.select_for_update().filter(
            pk__in=[survivor.pk, *(d.pk for d in duplicates)]
        )}
        survivor = locked[survivor.pk]
        for duplicate in (locked[d.pk] for d in duplicates):
            survivor.tags.add(*duplicate.tags.all())
            duplicate.tags.clear()
            _absorb_fields(survivor, duplicate)
            survivor.save()  # before moving relations: the survivor may have been the duplicate's child
            _move_reverse_relations(survivor, duplicate, moved)
            for field in model._meta.many_to_many:
                if isinstance(field, models.ManyToManyField):
                    getattr(survivor, field.name).add(*getattr(duplicate, field.name).all())
            duplicate.delete()
        survivor.full_clean()
        survivor.save()
    return MergeResult(survivor=survivor, merged_names=tuple(d.name for d in duplicates), moved=moved)


def _absorb_fields(survivor: NamedEntity, duplicate: NamedEntity) -> None:
    survivor.add_aliases(duplicate.name, *duplicate.aliases)
    if not survivor.description:
        survivor.description = duplicate.description
    if isinstance(survivor, Person) and not survivor.role:
        survivor.role = duplicate.role
    if isinstance(survivor, Organisation):
        if not survivor.acronym:
            survivor.acronym = duplicate.acronym
        elif duplicate.acronym and duplicate.acronym.casefold() != survivor.acronym.casefold():
            survivor.add_aliases(duplicate.acronym)
        if survivor.kind == Organisation.Kind.OTHER:
            survivor.kind = duplicate.kind
        if survivor.parent_id == duplicate.pk:
            survivor.parent_id = duplicate.parent_id if duplicate.parent_id != survivor.pk else None


def merge_people(*, survivor: Person, duplicates: Iterable[Person]) -> MergeResult:
    """Fold ``duplicates`` into ``survivor``: quotes, bylines, mentions, affiliations, tags and names move over.

    The duplicates' names become the survivor's aliases, so the next import resolves them to it.
    """
    return _merge(Person, survivor, duplicates)


def merge_organisations(*, survivor: Organisation, duplicates: Iterable[Organisation]) -> MergeResult:
    """Fold ``duplicates`` into ``survivor``, as :func:`merge_people` does for people."""
    return _merge(Organisation, survivor, duplicates)
