"""Chromium enforces the Content Security Policy: nothing on the public pages or in the admin is refused.

A policy that blocked the site's own stylesheet or the admin's scripts would
break pages without failing a unit test; the browser's console says so.
"""

import pytest

from tests.browser.conftest import log_in, screenshot, site_shell

pytestmark = pytest.mark.browser

PUBLIC = [
    "/km/",
    "/km/events/",
    "/km/events/list/",
    "/km/search/?q=យ៉ាម៉ា",
    "/en/",
    "/km/no-such-page/",
]


def collect_violations(page):
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.on("pageerror", lambda error: refused.append(f"page error: {error}"))
    return refused


def test_public_pages_load_everything_they_need_under_the_strict_policy(live_site, phone):
    refused = collect_violations(phone)
    for path in PUBLIC:
        phone.goto(live_site + path)
        phone.wait_for_load_state("networkidle")
        # The stylesheet applied: the body uses the Khmer font stack, not the browser default.
        assert "Khmer" in phone.evaluate("getComputedStyle(document.body).fontFamily"), path
    for link in phone.locator("main a[href^='/km/']").all()[:3]:
        phone.goto(live_site + link.get_attribute("href"))
        phone.wait_for_load_state("networkidle")
    assert refused == []


def test_admin_works_under_its_own_policy(live_site, site_env, desktop):
    page = desktop
    refused = collect_violations(page)
    log_in(page, live_site, "admin")
    page.goto(live_site + "/admin/pages/")
    page.goto(live_site + "/admin/outreach-events/add/")
    # The date-time widget is started by an inline script: it opens its picker.
    page.locator("#id_start").click()
    page.wait_for_selector(".xdsoft_datetimepicker", state="visible")
    page.goto(live_site + "/admin/reach/")
    page.wait_for_load_state("networkidle")
    # The page editor (Draftail, StreamField, choosers) and its preview panel.
    campaign_id = site_shell(site_env, "from campaigns.models import CampaignPage as C; print(C.objects.first().pk)")
    page.goto(live_site + f"/admin/pages/{campaign_id}/edit/")
    page.wait_for_selector("[data-draftail-input], .Draftail-Editor", state="attached")
    page.wait_for_load_state("networkidle")
    screenshot(page, "admin-editor-under-csp")
    assert refused == []
