"""A reader browses the archive in a real Chromium: home, filters, an article, a speaker, a search."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reader_filters_reads_follows_a_quote_and_searches(page: Page, site):
    page.goto(site.url + "/")
    expect(page).to_have_title(re.compile("newsarchive"))
    page.get_by_role("link", name="All articles →").click()
    expect(page.get_by_role("heading", name="2 articles")).to_be_visible()

    refine = page.get_by_role("complementary", name="Refine")
    refine.get_by_role("link", name="winter", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?tag=winter$"))
    refine.get_by_role("link", name="The Baltic Times").click()
    expect(page).to_have_url(re.compile(rf"\?tag=winter&source={site.source.slug}$"))
    expect(page.get_by_role("heading", name="1 article", exact=True)).to_be_visible()

    # take one filter off again, then open the article
    page.get_by_role("link", name=re.compile("^Tags: winter")).click()
    expect(page).to_have_url(re.compile(rf"\?source={site.source.slug}$"))
    page.get_by_role("link", name="Grid operators ready for winter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Grid operators ready for winter")

    page.locator("mark.quote a").first.click()
    expect(page).to_have_url(re.compile(rf"/people/{site.person.slug}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Anna Lee")
    expect(page.get_by_text("Prices will keep falling.")).to_be_visible()

    page.get_by_role("searchbox", name="Search the articles").fill("electricity")
    page.get_by_role("searchbox", name="Search the articles").press("Enter")
    expect(page.get_by_role("heading", name="1 article matching “electricity”")).to_be_visible()
    expect(page.get_by_role("link", name="Electricity prices fall in the north")).to_be_visible()


def test_filters_work_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "/articles/")
    page.get_by_label("From").fill("2024-11-15")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_role("heading", name="1 article", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Electricity prices fall in the north")).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_pages_fit_the_screen(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for path in ("/", "/articles/", site.winter.get_absolute_url(), site.person.get_absolute_url(), "/quotes/"):
        page.goto(site.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
    context.close()
