from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from newsarchive.cache import slug_url
from newsarchive.db import TimeStampedModel, unique_slug


def validate_aliases(value) -> None:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ValidationError("Aliases must be a list of non-empty names.")


class NamedQuerySet(models.QuerySet):
    def named(self, name: str):
        """Rows whose canonical name matches ``name``, ignoring case."""
        return self.filter(name__iexact=name.strip())


class NamedEntity(TimeStampedModel):
    """What People and Organisations share: a canonical name, a stable slug and the other spellings seen."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True, blank=True)
    aliases = models.JSONField(
        default=list,
        blank=True,
        validators=[validate_aliases],
        help_text="Other spellings of the name seen in documents; the importer resolves them to this record.",
    )
    description = models.TextField(blank=True)

    objects = NamedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    def add_aliases(self, *names: str) -> bool:
        """Record other spellings, skipping the canonical name and ones already known. Returns whether any was new."""
        seen = {self.name.casefold(), *(alias.casefold() for alias in self.aliases)}
        added = False
        for name in names:
            name = " ".join(name.split())
            if name and name.casefold() not in seen:
                self.aliases = [*self.aliases, name]
                seen.add(name.casefold())
                added = True
        return added


class Source(TimeStampedModel):
    """A publication: the outlet an article appeared in."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=220, unique=True, blank=True)
    url = models.URLField(blank=True)
    description = models.TextField(blank=True)

    objects = NamedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.CheckConstraint(condition=~models.Q(name=""), name="source_name_not_empty")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name, fallback="source")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return slug_url("archive:source", self.slug)



class TaggedOrganisation(TaggedItemBase):
    content_object = models.ForeignKey("Organisation", on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="taggedorganisation_unique")]


class Organisation(NamedEntity):
    class Kind(models.TextChoices):
        ALLIANCE = "alliance", "Alliance"
        GOVERNMENT = "government", "Government body"
        MEDIA = "media", "Media outlet"
        COMPANY = "company", "Company"
        UNION = "union", "Trade union"
        NGO = "ngo", "NGO"
        UNIVERSITY = "university", "University"
        PARTY = "party", "Political party"
        COURT = "court", "Court"
        OTHER = "other", "Other"

    acronym = models.CharField(max_length=30, blank=True, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    tags = TaggableManager(through=TaggedOrganisation, blank=True)

    class Meta(NamedEntity.Meta):
        permissions = [("merge_organisation", "Can merge duplicate organisations")]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="organisation_name_unique_ci"),
            models.CheckConstraint(condition=~models.Q(name=""), name="organisation_name_not_empty"),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="organisation_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


    def clean(self) -> None:
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": "An organisation cannot be its own parent or ancestor."})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    def get_absolute_url(self) -> str:
        return slug_url("archive:organisation", self.slug)


class TaggedPerson(TaggedItemBase):
    content_object = models.ForeignKey("Person", on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="taggedperson_unique")]


class Person(NamedEntity):
    role = models.CharField(max_length=200, blank=True, help_text='For example "CSTO Secretary-General".')
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="people")
    tags = TaggableManager(through=TaggedPerson, blank=True)

    class Meta(NamedEntity.Meta):
        verbose_name_plural = "people"
        permissions = [("merge_person", "Can merge duplicate people")]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="person_name_unique_ci"),
            models.CheckConstraint(condition=~models.Q(name=""), name="person_name_not_empty"),
        ]

    def get_absolute_url(self) -> str:
        return slug_url("archive:person", self.slug)
