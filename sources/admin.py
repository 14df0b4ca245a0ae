from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages
from django.db import IntegrityError, models
from django.db.models import Count
from django.template.response import TemplateResponse

from sources.models import Organisation, Person, Source
from sources.services import MergeResult, merge_organisations, merge_people


@admin.display(description="aliases")
def alias_list(obj) -> str:
    return ", ".join(obj.aliases)


@admin.display(description="tags")
def tag_list(obj) -> str:
    # Reads the prefetched tags: the changelist's get_queryset prefetches them.
    return ", ".join(sorted(tag.name for tag in obj.tags.all()))


def merge_action(
    modeladmin: admin.ModelAdmin, request, queryset, merge: Callable[..., MergeResult]
) -> TemplateResponse | None:
    """Ask which record survives, then merge the others into it.

    The first POST (from the changelist) shows a confirmation page; it posts back to the same action
    with ``survivor`` set, and the merge runs in one transaction.
    """
    records = list(queryset)
    if len(records) < 2:
        modeladmin.message_user(request, "Select at least two records to merge.", messages.WARNING)
        return None
    chosen = request.POST.get("survivor")
    if chosen:
        survivor = next((record for record in records if str(record.pk) == chosen), None)
        if survivor is None:
            modeladmin.message_user(request, "The survivor must be one of the selected records.", messages.ERROR)
            return None
        try:
            result = merge(survivor=survivor, duplicates=[r for r in records if r.pk != survivor.pk])
        except IntegrityError as exc:
            modeladmin.message_user(request, f"The merge was not made: {exc}", messages.ERROR)
            return None
        modeladmin.log_change(request, result.survivor, [{"changed": {"fields": ["merged: " + ", ".join(result.merged_names)]}}])
        modeladmin.message_user(request, result.summary(), messages.SUCCESS)
        return None
    opts = modeladmin.model._meta
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"Merge {opts.verbose_name_plural}",
        "opts": opts,
        "records": records,
        "action": request.POST.get("action", ""),
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/sources/merge_confirmation.html", context)


class NamedEntityAdmin(admin.ModelAdmin):
    search_fields = ["name", "aliases", "description"]
    readonly_fields = ["created_at", "updated_at"]
    prepopulated_fields = {}
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "article_count", "created_at"]
    search_fields = ["name", "url"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "created_at"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        # An aggregate drops Meta.ordering (GROUP BY), so order again for autocomplete's pagination.
        return super().get_queryset(request).annotate(article_count=Count("articles")).order_by("name")

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj) -> int:
        return obj.article_count


@admin.register(Organisation)
class OrganisationAdmin(NamedEntityAdmin):
    list_display = ["name", "acronym", "kind", "parent", alias_list, tag_list, "person_count"]
    list_filter = ["kind", "tags"]
    list_select_related = ["parent"]
    search_fields = ["name", "acronym", "aliases", "description"]
    autocomplete_fields = ["parent"]
    actions = ["merge_selected"]
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["name", "acronym", "kind", "parent", "aliases", "description", "tags"]}),
        ("Record", {"fields": ["slug", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "slug"] if obj else self.readonly_fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(person_count=Count("people")).order_by("name")

    @admin.display(description="people", ordering="person_count")
    def person_count(self, obj) -> int:
        return obj.person_count

    def has_merge_permission(self, request) -> bool:
        return request.user.has_perm("sources.merge_organisation")

    @admin.action(description="Merge selected organisations…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        return merge_action(self, request, queryset, merge_organisations)


@admin.register(Person)
class PersonAdmin(NamedEntityAdmin):
    list_display = ["name", "role", alias_list, tag_list, "quote_count", "byline_count"]
    list_filter = ["tags", "organisations__kind"]
    search_fields = ["name", "aliases", "role", "description"]
    autocomplete_fields = ["organisations"]
    actions = ["merge_selected"]
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["name", "role", "organisations", "aliases", "description", "tags"]}),
        ("Record", {"fields": ["slug", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "slug"] if obj else self.readonly_fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(quote_count=Count("quotes", distinct=True), byline_count=Count("bylines", distinct=True))
            .order_by("name")
        )

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, obj) -> int:
        return obj.quote_count

    @admin.display(description="bylines", ordering="byline_count")
    def byline_count(self, obj) -> int:
        return obj.byline_count

    def has_merge_permission(self, request) -> bool:
        return request.user.has_perm("sources.merge_person")

    @admin.action(description="Merge selected people…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        return merge_action(self, request, queryset, merge_people)
