"""axe-core finds no accessibility violations on any page type."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_no_axe_violations_on_any_page_type(page: Page, site):
    site.person.tags.add("energy")
    site.said.tags.add("energy")
    paths = [
        "/",
        "/articles/",
        f"/articles/?tag=energy&source={site.source.slug}&q=grid",
        "/articles/?source=nope",
        site.winter.get_absolute_url(),
        "/quotes/",
        "/people/",
        site.person.get_absolute_url(),
        "/organisations/",
        site.org.get_absolute_url(),
        "/sources/",
        site.source.get_absolute_url(),
        "/tags/energy/",
        "/no/such/page/",
    ]
    axe = Axe()
    reports = {}
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            page.goto(site.url + path)
            results = axe.run(page)
            if results.violations_count:
                reports[f"{path} at {width}px"] = results.generate_report()
    assert reports == {}


def test_no_axe_violations_on_the_staff_preview(page: Page, site, client):
    client.force_login(UserFactory(is_staff=True))
    session = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": session.value, "url": site.url}])
    page.goto(site.url + site.draft.get_absolute_url())
    assert page.get_by_text("Readers cannot see it").is_visible()
    assert Axe().run(page).violations_count == 0
