"""Journey 3 (steps 1, 3, 4) at phone size: a young reader opens a campaign from a shared link,
reads it in Khmer, finds help in their province, and the page is ready to share."""

import pytest

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser


def test_campaign_page_from_a_shared_link_in_khmer(live_site, only_local_requests):
    phone = only_local_requests
    phone.goto(live_site + "/km/campaigns/")
    phone.locator(".card--campaign h3 a").first.click()
    phone.wait_for_load_state()
    assert phone.locator("html").get_attribute("lang") == "km"
    heading = phone.locator("h1")
    assert heading.is_visible()
    # Stacked Khmer glyphs are not clipped: the heading's box is at least as tall as its text.
    assert phone.evaluate(
        "(() => { const h = document.querySelector('h1'); return h.scrollHeight <= h.clientHeight + 1; })()"
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    og_title = phone.locator('meta[property="og:title"]').get_attribute("content")
    assert og_title == heading.inner_text()
    assert phone.locator('meta[property="og:image"]').get_attribute("content").startswith(live_site)
    telegram = phone.get_by_role("link", name="Telegram")
    assert telegram.get_attribute("href").startswith("https://t.me/share/url?url=")
    # No script is needed to read: the deferred offline enhancement (home/offline.py) and, on a page
    # with a quiz, the quiz's one-question-at-a-time enhancement (campaigns/static/js/quiz.js).
    scripts = phone.locator("script")
    sources = [scripts.nth(n).get_attribute("src") or "" for n in range(scripts.count())]
    assert any("/static/js/offline." in src for src in sources)
    has_quiz = phone.locator("form.quiz-form").count() > 0
    assert all("/static/js/offline." in src or (has_quiz and "/static/js/quiz." in src) for src in sources), sources
    assert all(scripts.nth(n).get_attribute("defer") is not None for n in range(scripts.count()))
    screenshot(phone, "campaign-km-360")
    assert_accessible(phone, "campaign km")


def test_reader_finds_help_in_their_province(live_site, only_local_requests):
    phone = only_local_requests
    phone.goto(live_site + "/km/help/")
    phone.select_option("#province", "09")
    phone.locator("form.filters button[type=submit]").click()
    phone.wait_for_url("**/help/?province=09")
    services = phone.locator(".service")
    assert services.count() >= 1
    first_tel = services.first.locator("a.tel")
    assert first_tel.get_attribute("href").startswith("tel:")
    box = first_tel.bounding_box()
    assert box["height"] >= 44, "the number is big enough to tap (44 px)"
    assert phone.locator(".hotline--header a[href^='tel:']").is_visible()
    screenshot(phone, "help-km-360")
    assert_accessible(phone, "help km")


@pytest.mark.parametrize("language", ["km", "en"])
def test_fact_sheet_reads_well_and_passes_axe(live_site, only_local_requests, language):
    phone = only_local_requests
    phone.goto(f"{live_site}/{language}/facts/")
    phone.locator(".cards a").first.click()
    phone.wait_for_load_state()
    assert phone.locator(".names li").count() >= 2
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, f"fact-sheet-{language}-360")
    assert_accessible(phone, f"fact sheet {language}")


@pytest.mark.parametrize("path", ["/km/", "/en/", "/km/campaigns/", "/en/campaigns/", "/en/help/"])
def test_public_pages_pass_axe_at_phone_size(live_site, only_local_requests, path):
    only_local_requests.goto(live_site + path)
    assert_accessible(only_local_requests, path)
