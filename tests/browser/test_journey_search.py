"""Journey 3, step 2, at phone size: a young reader searches in Khmer for a slang name of
methamphetamine and finds the yama fact sheet; searching in English finds the same material."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser


def opened(href, language):
    """The address a result link opens: through the click counter (search/curation.py), /search/go/
    with the signed address of the material."""
    assert href.startswith(f"/{language}/search/go/?"), href
    return parse_qs(urlsplit(href).query)["to"][0].rsplit(":", 1)[0]


def test_khmer_slang_then_english_find_the_yama_fact_sheet(live_site, only_local_requests):
    phone = only_local_requests
    phone.goto(live_site + "/km/campaigns/")
    # The search box in the header of every page.
    box = phone.get_by_role("searchbox", name="ស្វែងរក")
    box.fill("ថ្នាំម៉ា")
    box.press("Enter")
    phone.wait_for_url("**/km/search/?q=*")
    assert phone.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    assert phone.locator("#search-page-q").input_value() == "ថ្នាំម៉ា"
    first = phone.locator(".result").first
    # Through the click counter (search/curation.py): /search/go/ with the signed address of the sheet.
    assert opened(first.locator("a").get_attribute("href"), "km") == "/km/facts/yama/"
    assert first.locator("mark").count() >= 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "search-km-360")
    assert_accessible(phone, "search km")
    first.locator("a").click()
    phone.wait_for_url("**/km/facts/yama/")
    yama_km = phone.locator("h1").inner_text()
    assert "យ៉ាម៉ា" in yama_km

    # The same material in English, from the English search page.
    phone.goto(live_site + "/en/search/")
    phone.fill("#search-page-q", "yama")
    phone.locator("form.search-form--page button[type=submit]").click()
    phone.wait_for_url("**/en/search/?q=yama")
    first = phone.locator(".result").first
    assert opened(first.locator("a").get_attribute("href"), "en") == "/en/facts/yama-methamphetamine-pills/"
    # Facets are plain links: narrowing to fact sheets works without JavaScript.
    phone.locator("details.facets summary").click()
    phone.locator("details.facets a", has_text="Fact sheet").first.click()
    phone.wait_for_url("**kind=fact_sheet**")
    assert all(k == "Fact sheet" for k in phone.locator(".result__kind").all_inner_texts())
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "search-en-360")
    assert_accessible(phone, "search en")


def test_nothing_found_offers_a_suggestion_fact_sheets_and_the_hotline(live_site, only_local_requests):
    phone = only_local_requests
    phone.goto(live_site + "/en/search/?q=cannnabiis")
    assert phone.locator("#nothing-found").is_visible()
    suggestion = phone.locator(".suggestion a")
    assert suggestion.inner_text() == "cannabis"
    assert phone.locator(".nothing-found a[href^='tel:']").is_visible()
    assert phone.locator(".fact-sheet-links a").count() >= 1
    screenshot(phone, "search-nothing-found-en-360")
    assert_accessible(phone, "search nothing found")
    suggestion.click()
    phone.wait_for_url("**q=cannabis")
    assert phone.locator(".result").count() >= 1
