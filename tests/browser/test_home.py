"""Journey start: the home page in Khmer at phone size, then English, then back."""

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def test_home_page_in_khmer_switch_to_english_and_back(live_site, phone):
    phone.goto(live_site + "/")
    assert phone.url == live_site + "/km/"
    assert phone.locator("html").get_attribute("lang") == "km"
    assert phone.locator("h1").is_visible()
    hotline = phone.locator(".hotline--header a[href^='tel:']")
    assert hotline.is_visible()
    assert "១២៩៤" in hotline.inner_text()
    # The page fits the phone: nothing wider than the screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "home-km-360")

    phone.get_by_role("link", name="English").click()
    phone.wait_for_url(live_site + "/en/")
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.get_by_role("link", name="Get help").first.is_visible()
    screenshot(phone, "home-en-360")

    phone.get_by_role("link", name="ខ្មែរ").click()
    phone.wait_for_url(live_site + "/km/")
    assert phone.locator("html").get_attribute("lang") == "km"


def test_skip_link_is_the_first_stop_for_the_keyboard(live_site, phone):
    phone.goto(live_site + "/km/")
    phone.keyboard.press("Tab")
    focused = phone.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main-content"
