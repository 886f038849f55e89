"""Journey 1 step 5: a month later the officer reads the campaign's reach, in Khmer and English,
and exports it to a spreadsheet for the annual report."""

import io

import pytest
from openpyxl import load_workbook

from tests.browser.conftest import log_in, screenshot, site_shell

pytestmark = pytest.mark.browser


def set_admin_language(env, username, language):
    site_shell(
        env,
        "from django.contrib.auth import get_user_model; from wagtail.users.models import UserProfile; "
        f"p = UserProfile.get_for_user(get_user_model().objects.get(username='{username}')); "
        f"p.preferred_language = '{language}'; p.save(); print('ok')",
    )


@pytest.mark.parametrize("language", ["km", "en"])
def test_officer_reads_reach_and_exports_it(live_site, site_env, desktop, language):
    set_admin_language(site_env, "outreach", language)
    campaign_id = site_shell(
        site_env,
        "from campaigns.models import CampaignPage as C; print(C.objects.get(slug_en='cleanse-ourselves-first').pk)",
    )
    page = desktop
    log_in(page, live_site, "outreach")
    page.goto(f"{live_site}/admin/reach/")
    page.locator(f"a[href^='/admin/reach/{campaign_id}/']").first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language
    totals = page.locator(".reach-totals li strong").all_inner_texts()
    people = totals[0]
    if language == "km":
        assert all(ch in "០១២៣៤៥៦៧៨៩." for ch in people), people
    assert page.locator(".reach-chart svg").count() >= 1, "a chart, with its table beside it"
    assert page.locator(".reach-table").count() >= 3
    screenshot(page, f"reach-{language}")

    with page.expect_download() as info:
        page.get_by_role("link", name="XLSX").click()
    workbook = load_workbook(io.BytesIO(open(info.value.path(), "rb").read()))
    rows = list(workbook.active.iter_rows(min_row=3, values_only=True))
    total_row = [row for row in rows if row[2] is not None and isinstance(row[2], int)]
    assert total_row, rows
    latin = people.translate(str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")).replace(".", "").replace(",", "")
    assert any(row[2] == int(latin) for row in rows), "the export holds the dashboard's total"
