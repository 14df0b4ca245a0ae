import pytest
from django.db import connections

from tests.factories import UserFactory


@pytest.fixture(scope="session", autouse=True)
def _close_connection_pools(django_db_setup):
    """PostgreSQL's pool keeps connections open; close it so the test database can be dropped."""
    yield
    connections.close_all()  # hands checked-out connections back, so closing the pool closes them
    for connection in connections.all(initialized_only=True):
        if getattr(connection, "pool", None) is not None:
            connection.close_pool()


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", groups=["Editor"])


@pytest.fixture
def contributor(db):
    return UserFactory(username="contributor", groups=["Contributor"])


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def contributor_client(client, contributor):
    client.force_login(contributor)
    return client


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test starts with an empty cache, so cached public pages never leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def archive(db):
    """A small published archive: two articles from one source, a person quoted in both, a draft."""
    import datetime as dt
    from types import SimpleNamespace

    from tests.factories import ArticleFactory, OrganisationFactory, PersonFactory, QuoteFactory, SourceFactory

    source = SourceFactory(name="The Baltic Times", url="https://example.org/baltic")
    other_source = SourceFactory(name="Nordic Wire")
    org = OrganisationFactory(name="Baltic Power Authority", acronym="BPA")
    person = PersonFactory(name="Anna Lee", role="Chief economist", aliases=["A. Lee"])
    person.organisations.add(org)
    author = PersonFactory(name="Mark Jones", role="correspondent")
    body = (
        "Grid operators say storage is full.\n\n"
        "## Outlook\n\n"
        "Anna Lee said: “We are ready for winter, whatever comes.” Others disagree."
    )
    winter = ArticleFactory(
        title="Grid operators ready for winter",
        dek="Storage is full, but demand is rising.",
        body=body,
        source=source,
        published_on=dt.date(2024, 11, 3),
        tags=["energy", "winter"],
    )
    winter.authors.add(author)
    winter.people.add(person)
    winter.organisations.add(org)
    said = QuoteFactory(
        article=winter, text="We are ready for winter, whatever comes.", speaker=person, position=body.index("We are")
    )
    rejected = QuoteFactory(article=winter, text="Nobody listens to us.", speaker=person, position=1, status="rejected")
    prices = ArticleFactory(
        title="Electricity prices fall in the north",
        dek="Wind power pushes prices down.",
        source=other_source,
        published_on=dt.date(2024, 12, 1),
        tags=["energy", "prices"],
    )
    prices.people.add(person)
    QuoteFactory(article=prices, text="Prices will keep falling.", speaker=person, position=0)
    draft = ArticleFactory(title="Secret draft about the grid", status="draft", published_at=None, source=source)
    draft_person = PersonFactory(name="Hidden Person")
    draft.people.add(draft_person)
    return SimpleNamespace(
        source=source,
        other_source=other_source,
        org=org,
        person=person,
        author=author,
        winter=winter,
        prices=prices,
        draft=draft,
        draft_person=draft_person,
        said=said,
        rejected=rejected,
    )
