from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db import models
from django.db.models import Count

from articles import services
from articles.models import Article, Quote
from sources.admin import tag_list


class ArticleActionForm(ActionForm):
    """The changelist's action bar, with a tag name for the bulk tagging actions."""

    tag = forms.CharField(required=False, max_length=100, label="Tag", help_text="For the tag actions.")


class QuoteInline(admin.TabularInline):
    model = Quote
    extra = 0
    fields = ["text", "speaker", "organisation", "attribution", "status", "position"]
    autocomplete_fields = ["speaker", "organisation"]
    show_change_link = True
    formfield_overrides = {
        Quote._meta.get_field("text"): {"widget": forms.Textarea(attrs={"rows": 3, "cols": 60})},
    }

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "organisation")


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "status", "published_on", "quote_count", tag_list, "updated_at"]
    list_filter = ["status", "source", "tags", "published_on"]
    list_select_related = ["source"]
    search_fields = ["title", "dek", "slug", "import_filename"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["source", "authors", "people", "organisations"]
    readonly_fields = ["published_at", "import_filename", "content_hash", "created_at", "updated_at"]
    inlines = [QuoteInline]
    action_form = ArticleActionForm
    actions = ["publish", "unpublish", "archive", "add_tag", "remove_tag"]
    list_per_page = 50
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["title", "dek", "body"]}),
        ("Publication", {"fields": ["status", "source", "authors", "published_on", "original_url", "published_at"]}),
        ("Indexing", {"fields": ["tags", "people", "organisations"]}),
        ("Provenance", {"fields": ["slug", "import_filename", "content_hash", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(quote_count=Count("quotes"))
            .prefetch_related("tags")
            .order_by(*Article._meta.ordering)
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(self.readonly_fields)
        if obj is not None:
            fields.append("slug")  # URLs stay stable once an article exists
        return fields

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, obj) -> int:
        return obj.quote_count

    # Contributors edit drafts: they may move an article between draft and review, never publish it,
    # and published or archived articles are read-only to them.

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm("articles.publish_article")

    def has_change_permission(self, request, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or self.has_publish_permission(request):
            return True
        return obj.status in (Article.Status.DRAFT, Article.Status.IN_REVIEW)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.has_publish_permission(request):
            kwargs["choices"] = [
                (value, label)
                for value, label in Article.Status.choices
                if value in (Article.Status.DRAFT, Article.Status.IN_REVIEW)
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    @admin.action(description="Publish selected articles", permissions=["publish"])
    def publish(self, request, queryset):
        count = services.publish_articles(queryset)
        self.message_user(request, f"Published {count} article(s).", messages.SUCCESS)

    @admin.action(description="Unpublish selected articles (back to review)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = services.unpublish_articles(queryset)
        self.message_user(request, f"Unpublished {count} article(s).", messages.SUCCESS)

    @admin.action(description="Archive selected articles", permissions=["publish"])
    def archive(self, request, queryset):
        count = services.archive_articles(queryset)
        self.message_user(request, f"Archived {count} article(s).", messages.SUCCESS)

    def _tag_name(self, request) -> str:
        return " ".join(request.POST.get("tag", "").split())

    @admin.action(description="Add the tag to selected articles", permissions=["change"])
    def add_tag(self, request, queryset):
        name = self._tag_name(request)
        if not name:
            self.message_user(request, "Type the tag's name in the Tag box first.", messages.WARNING)
            return
        count = services.add_tag(queryset, name)
        self.message_user(request, f"Tagged {count} article(s) “{name}”.", messages.SUCCESS)

    @admin.action(description="Remove the tag from selected articles", permissions=["change"])
    def remove_tag(self, request, queryset):
        name = self._tag_name(request)
        if not name:
            self.message_user(request, "Type the tag's name in the Tag box first.", messages.WARNING)
            return
        count = services.remove_tag(queryset, name)
        self.message_user(request, f"Removed “{name}” from {count} article(s).", messages.SUCCESS)


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "speaker", "organisation", "article", "status", "attribution"]
    list_filter = ["status", "article__status", "tags"]
    list_select_related = ["speaker", "organisation", "article"]
    search_fields = ["text", "attribution", "speaker__name", "organisation__name", "article__title"]
    autocomplete_fields = ["article", "speaker", "organisation"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "created_at"
    actions = ["confirm", "reject"]
    list_per_page = 50

    def has_review_permission(self, request) -> bool:
        return request.user.has_perm("articles.review_quote")

    @admin.action(description="Confirm selected quotes", permissions=["review"])
    def confirm(self, request, queryset):
        count = services.review_quotes(queryset, status=Quote.Status.CONFIRMED)
        self.message_user(request, f"Confirmed {count} quote(s).", messages.SUCCESS)

    @admin.action(description="Reject selected quotes", permissions=["review"])
    def reject(self, request, queryset):
        count = services.review_quotes(queryset, status=Quote.Status.REJECTED)
        self.message_user(request, f"Rejected {count} quote(s).", messages.SUCCESS)
