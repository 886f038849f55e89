"""Journey 4 at phone size: a Kampot official logs an event, sees it on the public calendar and in the
province's feed, reports attendance, and a coordinator verifies it; nonsense gets a Khmer message."""

import datetime
import re
import urllib.request

import icalendar
import pytest

from tests.browser.conftest import assert_accessible, log_in, new_context, screenshot, site_shell

pytestmark = pytest.mark.browser

TITLE = "កិច្ចប្រជុំភូមិ ស្ដីពីការការពារយុវជនពីយ៉ាម៉ា នៅឃុំកំពង់ក្រែង"
VENUE = "សាលាឆាន់វត្តឃុំ"


def fill_datetime(page, selector, value):
    """Type a date and time as an official does, then leave the field (which closes the date picker)."""
    page.fill(selector, value)
    page.locator("#id_venue_km").click()
    page.wait_for_timeout(200)


def test_official_logs_reports_and_coordinator_verifies(live_site, site_env, phone, chromium, request):
    page = phone
    log_in(page, live_site, "kampot")
    assert page.locator("html").get_attribute("lang") == "km"

    # Step 1: only Kampot's events.
    page.goto(live_site + "/admin/outreach-events/")
    rows = page.locator("table.listing tbody tr")
    kampot_count = site_shell(
        site_env,
        "from campaigns.models import OutreachEvent as E; print(E.objects.filter(province__code='07').count())",
    )
    assert rows.count() == int(kampot_count)
    places = " ".join(rows.all_inner_texts())
    assert "កំពត" in places and "កោះកុង" not in places
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    screenshot(page, "official-events-km-360")

    # Step 1: log an upcoming village meeting.
    day = datetime.date.fromisoformat(
        site_shell(site_env, "from django.utils import timezone; print(timezone.localdate())")
    )
    day += datetime.timedelta(days=6)
    page.goto(live_site + "/admin/outreach-events/add/")
    campaign = page.locator("#id_campaign option").nth(1).get_attribute("value")
    page.select_option("#id_campaign", campaign)
    page.fill("#id_title_km", TITLE)
    page.select_option("#id_kind", "community_meeting")
    # Step 5 first: nonsense (the end before the start) gets a Khmer message and keeps what was typed.
    fill_datetime(page, "#id_start", f"{day} 14:00")
    fill_datetime(page, "#id_end", f"{day} 09:00")
    district = page.locator("#id_district option[value]:not([value=''])").first.get_attribute("value")
    page.select_option("#id_district", district)
    commune = site_shell(
        site_env,
        f"from campaigns.models import Commune; print(Commune.objects.filter(district_id={district}).first().pk)",
    )
    page.select_option("#id_commune", commune)
    page.fill("#id_venue_km", VENUE)
    page.fill("#id_organiser_km", "ក្រុមប្រឹក្សាឃុំ")
    page.fill("#id_audience_km", "យុវជន និងឪពុកម្ដាយ")
    page.fill("#id_expected_attendance", "៨០")
    page.locator("#w-editor-form footer button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.get_by_text("ព្រឹត្តិការណ៍មិនអាចបញ្ចប់មុនពេលចាប់ផ្ដើមបានទេ។").first.is_visible()
    assert page.input_value("#id_title_km") == TITLE and page.input_value("#id_venue_km") == VENUE
    screenshot(page, "official-add-error-km-360")
    fill_datetime(page, "#id_end", f"{day} 16:30")
    page.locator("#w-editor-form footer button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/admin/outreach-events/$"))
    event_id = site_shell(
        site_env, f"from campaigns.models import OutreachEvent as E; print(E.objects.get(title_km='{TITLE}').pk)"
    )

    # Step 2: on the public calendar (month and list), filtered by province and campaign, and in the feed.
    public_context = new_context(chromium, viewport={"width": 360, "height": 740}, locale="km-KH")
    request.addfinalizer(public_context.close)
    public = public_context.new_page()
    slug = site_shell(
        site_env, f"from campaigns.models import CampaignPage as C; print(C.objects.get(pk={campaign}).slug_en)"
    )
    public.goto(f"{live_site}/km/events/?month={day:%Y-%m}&province=07&campaign={slug}")
    assert public.get_by_role("link", name=TITLE).first.is_visible()
    assert public.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(public, "events-month-km-360")
    assert_accessible(public, "events month km")
    public.goto(f"{live_site}/km/events/list/?province=07")
    public.get_by_role("link", name=TITLE).first.click()
    public.wait_for_url(f"**/km/events/{event_id}/")
    assert VENUE in public.locator(".event-facts").inner_text()
    screenshot(public, "event-detail-km-360")
    feed = icalendar.Calendar.from_ical(urllib.request.urlopen(f"{live_site}/km/events/province/07.ics").read())
    assert TITLE in [str(e["summary"]) for e in feed.walk("VEVENT")]

    # Step 3: after an event the official records attendance by sex and age band.
    held = site_shell(
        site_env,
        "import datetime; from django.utils import timezone; from campaigns.models import OutreachEvent as E; "
        f"e = E.objects.get(pk={event_id}); e.pk = None; e.uid = __import__('uuid').uuid4(); "
        "e.submission_token = None; "
        "e.title_km = 'វគ្គអប់រំដែលបានប្រារព្ធម្សិលមិញ'; e.start = timezone.now() - datetime.timedelta(days=1); "
        "e.end = e.start + datetime.timedelta(hours=2); e.save(); print(e.pk)",
    )
    page.goto(f"{live_site}/admin/outreach-events/report/{held}/")
    for field, value in (("female", "-4"), ("male", "18"), ("other_sex", "0")):
        page.fill(f"#id_{field}", value)
    for field, value in (("age_under_15", "10"), ("age_15_24", "20"), ("age_25_plus", "8")):
        page.fill(f"#id_{field}", value)
    page.locator("#w-editor-form footer button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.get_by_text("ចំនួនមនុស្សមិនអាចជាលេខអវិជ្ជមានបានទេ").first.is_visible()
    assert page.input_value("#id_male") == "18"
    screenshot(page, "official-report-error-km-360")
    page.fill("#id_female", "២០")
    page.locator("#w-editor-form footer button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/admin/outreach-events/$"))
    status = site_shell(
        site_env,
        "from campaigns.models import OutreachEvent as E; "
        f"e = E.objects.get(pk={held}); print(e.status, e.attendance_total)",
    )
    assert status == "held 38"

    # Step 3: the provincial coordinator verifies; then the people reached are public.
    coordinator_context = new_context(chromium, viewport={"width": 360, "height": 740}, locale="km-KH")
    request.addfinalizer(coordinator_context.close)
    coordinator = coordinator_context.new_page()
    log_in(coordinator, live_site, "kampot_coordinator")
    coordinator.goto(f"{live_site}/admin/outreach-events/verify/{held}/")
    screenshot(coordinator, "coordinator-verify-km-360")
    coordinator.get_by_role("button", name="ផ្ទៀងផ្ទាត់របាយការណ៍នេះ").click()
    coordinator.wait_for_url(re.compile(r".*/admin/outreach-events/$"))
    public.goto(f"{live_site}/km/events/{held}/")
    assert public.locator(".reach").inner_text() == "៣៨"

    # Step 4: another province's event, however the address is written.
    other = site_shell(
        site_env,
        "from campaigns.models import OutreachEvent as E; print(E.objects.filter(province__code='09').first().pk)",
    )
    for path in (f"edit/{other}/", f"inspect/{other}/", f"report/{other}/", f"delete/{other}/"):
        response = page.goto(f"{live_site}/admin/outreach-events/{path}")
        assert response.status == 404, path
