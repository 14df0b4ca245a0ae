import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from articles.models import Article, Quote
from sources.models import Organisation, Person, Source


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"The Daily Record {n}")
    url = factory.LazyAttribute(lambda o: f"https://example.org/{o.name.split()[-1]}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Baltic Power Authority {n}")
    acronym = factory.Sequence(lambda n: f"BPA{n}")
    kind = Organisation.Kind.GOVERNMENT


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Anna Lee {n}")
    role = "economist"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Grid operators warn of a cold winter, part {n}")
    dek = "Storage is full, but demand is rising."
    body = "The grid is ready.\n\n## Outlook\n\nDemand will rise."
    source = factory.SubFactory(SourceFactory)
    published_on = factory.Sequence(lambda n: dt.date(2024, 1, 1) + dt.timedelta(days=n % 365))
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    article = factory.SubFactory(ArticleFactory)
    text = factory.Sequence(lambda n: f"We are ready for winter, number {n}")
    speaker = factory.SubFactory(PersonFactory)
    attribution = "said"
    position = factory.Sequence(lambda n: n * 10)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))
