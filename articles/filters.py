"""The readers' filters: every choice lives in the query string, so a filtered list is a link."""

from __future__ import annotations

import copy
from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Count, Q
from django.http import QueryDict
from taggit.models import Tag

from articles.models import Article, Quote, TaggedArticle, TaggedQuote
from sources.models import Organisation, Person, Source

MAX_QUERY_LENGTH = 200


class _DateInput(forms.DateInput):
    input_type = "date"


def _every(model):
    """A filter's choices, given as a function: django-filter deep-copies every filter for every request,
    and deep-copying a queryset (a function is copied by reference) was a measurable share of a list page."""
    return lambda request: model.objects.all()


def _words(value: str) -> list[str]:
    return value.split()


def query_string(
    data: QueryDict, *, drop: tuple[str, str] | None = None, add: tuple[str, str] | None = None, multiple: bool = True
) -> str:
    """The current filters as a link, without the page number, with one value taken out or put in.

    ``multiple=False`` makes the added value replace any other of the same name.
    """
    params = QueryDict(mutable=True)
    for key, values in data.lists():
        if key == "page":
            continue
        kept = [value for value in values if value.strip() and (key, value) != drop]
        if kept:
            params.setlist(key, kept)
    if add and not multiple:
        params.setlist(add[0], [add[1]])
    elif add and add[1] not in params.getlist(add[0]):
        params.appendlist(*add)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@dataclass(frozen=True)
class Choice:
    label: str
    url: str
    count: int | None = None
    active: bool = False


@dataclass(frozen=True)
class Facet:
    title: str
    choices: list[Choice]


class _ShallowCopied(dict):
    """Filters or form fields that deep-copy as shallow copies of each.

    django-filter deep-copies every filter for every request, and a Django form every field: their
    querysets, widgets and labels, though a request only sets a filter's ``model`` and ``parent`` and
    a form only reads its fields. That copying was a tenth of a list page's time.
    """

    def __deepcopy__(self, memo):
        copies = {}
        for name, item in self.items():
            copies[name] = copy.copy(item)
            if getattr(item, "method", None):  # a filter calling a FilterSet method: bind it to the copy
                copies[name].method = item.method
        return copies


class _Form(forms.Form):
    def __init__(self, *args, **kwargs):
        self.base_fields = _ShallowCopied(type(self).base_fields)
        super().__init__(*args, **kwargs)


class LinkedFilterSet(django_filters.FilterSet):
    """A FilterSet that can say which filters are on, each with a link that takes it off."""

    def __init__(self, *args, **kwargs):
        self.base_filters = _ShallowCopied(type(self).base_filters)
        super().__init__(*args, **kwargs)

    def get_form_class(self):
        # The form class depends only on the FilterSet class; django-filter builds a new one (fields
        # and all) for every request, which was a measurable share of a list page's time.
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            cls._form_class = super().get_form_class()
        return cls._form_class

    def active_filters(self) -> list[Choice]:
        if not self.is_bound or not self.is_valid():
            return []
        chips = []
        for name, value in self.form.cleaned_data.items():
            if name == "sort" or value in (None, "", [], ()):
                continue
            label = self.filters[name].label or name.title()
            for raw, shown in self._values(name, value):
                chips.append(Choice(f"{label}: {shown}", query_string(self.data, drop=(name, raw))))
        return chips

    def _values(self, name, value):
        if isinstance(value, str):
            return [(self.data.get(name), f"“{value}”")]
        if hasattr(value, "slug"):
            return [(value.slug, str(value.name))]
        if hasattr(value, "__iter__"):
            return [(item.slug, str(item.name)) for item in value]
        return [(self.data.get(name), value.strftime("%-d %B %Y"))]


class ArticleFilter(LinkedFilterSet):
    SORTS = [("newest", "Newest first"), ("oldest", "Oldest first"), ("relevance", "Most relevant")]

    q = django_filters.CharFilter(label="Search", method="filter_q", max_length=MAX_QUERY_LENGTH)
    source = django_filters.ModelChoiceFilter(queryset=_every(Source), to_field_name="slug")
    tag = django_filters.ModelMultipleChoiceFilter(
        queryset=_every(Tag), to_field_name="slug", method="filter_tags", label="Tags"
    )
    person = django_filters.ModelChoiceFilter(
        queryset=_every(Person), to_field_name="slug", method="filter_person"
    )
    organisation = django_filters.ModelChoiceFilter(
        queryset=_every(Organisation), to_field_name="slug", method="filter_organisation"
    )
    since = django_filters.DateFilter(field_name="published_on", lookup_expr="gte", label="From", widget=_DateInput)
    until = django_filters.DateFilter(field_name="published_on", lookup_expr="lte", label="To", widget=_DateInput)
    sort = django_filters.ChoiceFilter(choices=SORTS, method="keep_for_ordering", empty_label=None)

    class Meta:
        model = Article
        fields: list[str] = []
        form = _Form

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_tags(self, queryset, name, tags):
        # Several tags narrow the list: an article must carry every one.
        for tag in tags:
            queryset = queryset.tagged(tag)
        return queryset

    def filter_person(self, queryset, name, person):
        return queryset.featuring_person(person)

    def filter_organisation(self, queryset, name, organisation):
        return queryset.featuring_organisation(organisation)

    def facets(self, limit: int = 10) -> list[Facet]:
        """Ways to narrow the current results, each with how many articles it would leave.

        Four queries, whatever the number of results.
        """
        ids = self.qs.order_by().values("pk")
        counted = {
            "source": Source.objects.filter(articles__in=ids).annotate(n=Count("articles")),
            "tag": Tag.objects.filter(articles_taggedarticle_items__content_object__in=ids).annotate(
                n=Count("articles_taggedarticle_items")
            ),
            "person": Person.objects.filter(mentioned_in__in=ids).annotate(n=Count("mentioned_in")),
            "organisation": Organisation.objects.filter(mentioned_in__in=ids).annotate(n=Count("mentioned_in")),
        }
        titles = {"source": "Sources", "tag": "Tags", "person": "People", "organisation": "Organisations"}
        facets = []
        for name, rows in counted.items():
            chosen = set(self.data.getlist(name))
            choices = [
                Choice(
                    row["name"],
                    query_string(self.data, drop=(name, row["slug"]))
                    if row["slug"] in chosen
                    else query_string(self.data, add=(name, row["slug"]), multiple=name == "tag"),
                    row["n"],
                    row["slug"] in chosen,
                )
                for row in rows.order_by("-n", "name").values("name", "slug", "n")[:limit]
            ]
            if choices:
                facets.append(Facet(titles[name], choices))
        return facets

    def keep_for_ordering(self, queryset, name, value):
        return queryset  # applied last, in filter_queryset, once the search has ranked the rows

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        sort = data.get("sort") or ("relevance" if data.get("q") else "newest")
        if sort == "relevance":
            return queryset.by_relevance()
        return queryset.oldest() if sort == "oldest" else queryset.newest()


class QuoteFilter(LinkedFilterSet):
    q = django_filters.CharFilter(label="Words in the quote", method="filter_q", max_length=MAX_QUERY_LENGTH)
    speaker = django_filters.ModelChoiceFilter(queryset=_every(Person), to_field_name="slug")
    organisation = django_filters.ModelChoiceFilter(queryset=_every(Organisation), to_field_name="slug")
    tag = django_filters.ModelChoiceFilter(queryset=_every(Tag), to_field_name="slug", method="filter_tag")
    since = django_filters.DateFilter(
        field_name="article__published_on", lookup_expr="gte", label="From", widget=_DateInput
    )
    until = django_filters.DateFilter(
        field_name="article__published_on", lookup_expr="lte", label="To", widget=_DateInput
    )

    class Meta:
        model = Quote
        fields: list[str] = []
        form = _Form

    def filter_q(self, queryset, name, value):
        for word in _words(value):
            queryset = queryset.filter(text__icontains=word)
        return queryset

    def filter_tag(self, queryset, name, tag):
        # The quote's own tags, or the article's it appears in.
        return queryset.filter(
            Q(pk__in=TaggedQuote.objects.filter(tag=tag).values("content_object_id"))
            | Q(article__in=TaggedArticle.objects.filter(tag=tag).values("content_object_id"))
        )


class NameFilter(LinkedFilterSet):
    """People, organisations and sources by part of their name (or alias or acronym)."""

    q = django_filters.CharFilter(label="Name", method="filter_q", max_length=MAX_QUERY_LENGTH)

    def filter_q(self, queryset, name, value):
        model = queryset.model
        for word in _words(value):
            match = Q(name__icontains=word)
            if model is not Source:
                match |= Q(aliases__icontains=word)
            if model is Organisation:
                match |= Q(acronym__icontains=word)
            queryset = queryset.filter(match)
        return queryset


class PersonFilter(NameFilter):
    organisation = django_filters.ModelChoiceFilter(
        queryset=_every(Organisation), to_field_name="slug", field_name="organisations"
    )

    class Meta:
        model = Person
        fields: list[str] = []
        form = _Form


class OrganisationFilter(NameFilter):
    kind = django_filters.ChoiceFilter(choices=Organisation.Kind.choices)

    class Meta:
        model = Organisation
        fields: list[str] = []
        form = _Form
