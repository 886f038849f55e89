"""The admin screens district officials use, on a 360×740 phone, in Khmer and in English (issue 16).

Measured with bounding boxes: nothing wider than the screen, the report button's words whole, titles
not broken one word per line, no outline over a field, the menu button over no label; the date picker
inside the screen and closed once the official leaves the field. Screenshots in tests/screenshots/."""

import pytest

from tests.browser.conftest import PHONE, log_in, new_context, screenshot, site_shell

pytestmark = pytest.mark.browser

ENGLISH_OFFICIAL = "kampot_en_phone"
PASSWORD = "nacd-demo-2026"
REPORT_WORDS = {"km": "រាយការណ៍ចំនួនអ្នកចូលរួម", "en": "Report attendance"}


@pytest.fixture(scope="module")
def english_official(site_env, live_site):
    """A Kampot official who works in the English admin (the demo's officials work in Khmer)."""
    site_shell(
        site_env,
        "from django.contrib.auth import get_user_model; from django.contrib.auth.models import Group; "
        "from wagtail.users.models import UserProfile; from campaigns.models import OfficialArea, Province; "
        "from home.roles import PROVINCIAL_OFFICIALS; "
        f"u, _ = get_user_model().objects.get_or_create(username='{ENGLISH_OFFICIAL}'); "
        f"u.set_password('{PASSWORD}'); u.save(); u.groups.add(Group.objects.get(name=PROVINCIAL_OFFICIALS)); "
        "OfficialArea.objects.update_or_create(user=u, defaults={'province': Province.objects.get(code='07')}); "
        "p = UserProfile.get_for_user(u); p.preferred_language = 'en'; p.save(); print(u.pk)",
    )
    return ENGLISH_OFFICIAL


@pytest.fixture(params=["km", "en"])
def official_phone(request, chromium, live_site, english_official):
    language = request.param
    context = new_context(
        chromium, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="km-KH"
    )
    page = context.new_page()
    log_in(page, live_site, "kampot" if language == "km" else english_official)
    assert page.locator("html").get_attribute("lang") == language
    yield page, language
    context.close()


def too_wide(page):
    """Visible elements of the main content that reach past the screen's right edge (or its left)."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const out = [];
          for (const el of document.querySelectorAll('main *')) {
            const box = el.getBoundingClientRect();
            if (!box.width || !box.height) continue;
            const style = getComputedStyle(el);
            if (style.visibility === 'hidden' || style.position === 'fixed') continue;
            if (el.closest('[hidden], .w-sr-only, .visuallyhidden, [aria-hidden="true"]')) continue;
            // What an ancestor that scrolls or clips (the breadcrumb bar) hides is not past the screen.
            let right = box.right, left = box.left;
            for (let p = el.parentElement; p; p = p.parentElement) {
              if (getComputedStyle(p).overflowX !== 'visible') {
                const clip = p.getBoundingClientRect();
                right = Math.min(right, clip.right); left = Math.max(left, clip.left);
              }
            }
            if (right <= left) continue;
            if (right > width + 1 || left < -1) out.push(el.tagName + '.' + el.className + ' '
              + Math.round(left) + '-' + Math.round(right));
          }
          return out.slice(0, 10);
        }"""
    )


def labels_under_buttons(page):
    """Field labels that a fixed or floating button (the menu, the minimap, the side panel) lies over."""
    return page.evaluate(
        """() => {
          const floating = [...document.querySelectorAll('button')].filter((b) => {
            const box = b.getBoundingClientRect();
            if (!box.width || !box.height || b.closest('[hidden]')) return false;
            for (let p = b; p; p = p.parentElement) {
              const position = getComputedStyle(p).position;
              if (['fixed', 'sticky', 'absolute'].includes(position)) return !b.closest('main label');
            }
            return false;
          });
          const hits = [];
          for (const label of document.querySelectorAll('main label')) {
            const l = label.getBoundingClientRect();
            if (!l.width || !l.height) continue;
            for (const b of floating) {
              const r = b.getBoundingClientRect();
              if (r.left < l.right && l.left < r.right && r.top < l.bottom && l.top < r.bottom) {
                hits.push(label.textContent.trim() + ' under ' + (b.getAttribute('aria-label') || b.className));
              }
            }
          }
          return hits;
        }"""
    )


def assert_fits(page, name):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
    assert too_wide(page) == [], name


@pytest.fixture(scope="module")
def events(site_env, live_site):
    """A Kampot meeting that began an hour ago (not reported yet) and one next week: {started: pk}."""
    made = site_shell(
        site_env,
        "import datetime; from django.utils import timezone; from campaigns.models import OutreachEvent as E; "
        "from campaigns.models import CampaignPage, Province; "
        "p = Province.objects.get(code='07'); d = p.districts.order_by('code').first(); now = timezone.now(); "
        "ids = []\n"
        "for title, start in [('វគ្គអប់រំទូរស័ព្ទ បានចាប់ផ្ដើម', now - datetime.timedelta(hours=1)), "
        "('វគ្គអប់រំទូរស័ព្ទ សប្ដាហ៍ក្រោយ', now + datetime.timedelta(days=7))]:\n"
        "    e, _ = E.objects.update_or_create(title_km=title, defaults=dict("
        "campaign=CampaignPage.objects.live().first(), "
        "kind='community_meeting', start=start, end=start + datetime.timedelta(hours=3), province=p, district=d, "
        "commune=d.communes.order_by('code').first(), venue_km='សាលាបឋមសិក្សាភូមិ', organiser_km='ក្រុមប្រឹក្សាឃុំ', "
        "audience_km='សិស្ស និងមាតាបិតា', expected_attendance=50, status='planned'))\n"
        "    ids.append(e.pk)\n"
        "print(ids[0], ids[1])",
    )
    started, future = made.split()
    return {True: started, False: future}


def test_the_events_list_is_a_card_list_on_a_phone(live_site, events, official_phone):
    page, language = official_phone
    page.goto(live_site + "/admin/outreach-events/")
    screenshot(page, f"phone-admin-events-{language}-360")
    assert_fits(page, "events list")
    titles = page.locator("table.listing tbody td.title a").first
    box = titles.bounding_box()
    assert box["width"] >= 200, "a title is squeezed into a narrow column"
    # The report button of a started event: its words whole, inside the screen.
    started = events[True]
    button = page.locator(f"a[href$='/outreach-events/report/{started}/']").first
    if not button.is_visible():
        row = page.locator("table.listing tbody tr", has=button)
        row.locator("[data-w-dropdown-target='toggle']").first.click()
    button.wait_for(state="visible")
    assert REPORT_WORDS[language] in button.inner_text()
    metrics = button.evaluate(
        "el => ({sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight, ch: el.clientHeight,"
        " r: el.getBoundingClientRect().right})"
    )
    assert metrics["sw"] <= metrics["cw"] + 1 and metrics["sh"] <= metrics["ch"] + 1, metrics
    assert metrics["r"] <= PHONE["width"], metrics
    screenshot(page, f"phone-admin-events-menu-{language}-360")


def test_the_event_form_fits_and_the_date_picker_behaves(live_site, official_phone):
    page, language = official_phone
    page.goto(live_site + "/admin/outreach-events/add/")
    screenshot(page, f"phone-admin-event-form-{language}-360")
    assert_fits(page, "event form")
    # No label under the menu button, the minimap's or the side panel's toggle (all fixed or floating).
    assert labels_under_buttons(page) == []
    field = page.locator("#id_title_km").bounding_box()
    assert field["x"] + field["width"] <= PHONE["width"]
    # The date-time picker: inside the screen, closed when the official moves on.
    page.locator("#id_start").click()
    picker = page.locator(".xdsoft_datetimepicker:visible").first
    picker.wait_for(state="visible")
    box = picker.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    screenshot(page, f"phone-admin-picker-{language}-360")
    page.keyboard.press("Tab")  # to the end's field, which opens its own picker
    page.wait_for_timeout(300)
    start_picker_open = "() => window.jQuery('#id_start').data('xdsoft_datetimepicker').is(':visible')"
    assert page.evaluate(start_picker_open) is False, "the picker stayed open after the field"
    page.keyboard.press("Escape")  # the end's picker: Escape closes it too
    page.wait_for_timeout(300)
    assert page.locator(".xdsoft_datetimepicker:visible").count() == 0
    # A tap on another field closes an open picker (it no longer waits for a tap on the page itself).
    page.locator("#id_start").click()
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for(state="visible")
    page.evaluate("() => document.getElementById('id_title_km').focus()")
    page.wait_for_timeout(300)
    assert page.locator(".xdsoft_datetimepicker:visible").count() == 0


@pytest.mark.parametrize("screen", ["edit", "inspect", "report"])
def test_the_event_screens_fit_a_phone(live_site, events, official_phone, screen):
    page, language = official_phone
    page.goto(live_site + f"/admin/outreach-events/{screen}/{events[True]}/")
    screenshot(page, f"phone-admin-{screen}-{language}-360")
    assert_fits(page, screen)


def test_the_report_of_an_event_not_started_is_neither_offered_nor_opened(live_site, events, official_phone):
    page, language = official_phone
    future = events[False]
    page.goto(live_site + f"/admin/outreach-events/inspect/{future}/")
    assert page.locator(f"a[href$='/outreach-events/report/{future}/']").count() == 0
    page.goto(live_site + f"/admin/outreach-events/report/{future}/")
    assert page.url.endswith(f"/admin/outreach-events/inspect/{future}/")
    message = {"km": "ព្រឹត្តិការណ៍នេះមិនទាន់ចាប់ផ្ដើមនៅឡើយទេ", "en": "This event has not started yet"}[language]
    assert message in page.locator(".messages").inner_text()
    assert_fits(page, "refused report")


def test_a_404_in_the_admin_stays_in_the_admin(live_site, official_phone):
    page, language = official_phone
    response = page.goto(live_site + "/admin/outreach-events/edit/987654321/")
    assert response.status == 404
    assert page.url == live_site + "/admin/outreach-events/edit/987654321/"
    assert page.locator("#wagtail-sidebar").count() == 1
    assert page.locator("h1").first.inner_text().strip() == {"km": "រកមិនឃើញ", "en": "Not found"}[language]
    assert_fits(page, "admin 404")
    screenshot(page, f"phone-admin-404-{language}-360")


ENGLISH_COORDINATOR = "kampot_coordinator_en_phone"


@pytest.fixture(scope="module")
def reported(site_env, live_site):
    """A Kampot meeting held yesterday and reported, waiting for the coordinator; and an English coordinator."""
    return site_shell(
        site_env,
        "import datetime; from django.utils import timezone; from django.contrib.auth import get_user_model; "
        "from django.contrib.auth.models import Group; from wagtail.users.models import UserProfile; "
        "from campaigns.models import OutreachEvent as E, CampaignPage, OfficialArea, Province; "
        "from home.roles import PROVINCIAL_COORDINATORS; "
        "p = Province.objects.get(code='07'); d = p.districts.order_by('code').first(); "
        "start = timezone.now() - datetime.timedelta(days=1); "
        "e, _ = E.objects.update_or_create(title_km='វគ្គអប់រំទូរស័ព្ទ បានរាយការណ៍', defaults=dict("
        "campaign=CampaignPage.objects.live().first(), kind='community_meeting', start=start, "
        "end=start + datetime.timedelta(hours=3), province=p, district=d, commune=d.communes.order_by('code').first(), "
        "venue_km='សាលាបឋមសិក្សាភូមិ', organiser_km='ក្រុមប្រឹក្សាឃុំ', audience_km='សិស្ស និងមាតាបិតា', "
        "expected_attendance=50, status='held', female=20, male=18, other_sex=0, age_under_15=10, age_15_24=20, "
        "age_25_plus=8)); "
        f"u, _ = get_user_model().objects.get_or_create(username='{ENGLISH_COORDINATOR}'); "
        f"u.set_password('{PASSWORD}'); u.save(); u.groups.add(Group.objects.get(name=PROVINCIAL_COORDINATORS)); "
        "OfficialArea.objects.update_or_create(user=u, defaults={'province': p}); "
        "pr = UserProfile.get_for_user(u); pr.preferred_language = 'en'; pr.save(); print(e.pk)",
    )


def header_title(page):
    """The title Wagtail's slim header bar shows (its last breadcrumb): text and box."""
    title = page.locator(".w-slim-header [data-w-breadcrumbs] li").last
    return title.inner_text().strip(), title.bounding_box()


def test_the_header_bars_title_is_readable_beside_its_button(live_site, official_phone):
    """Issue 16: "Add outreach event" squeezed the list's title in the header bar to one letter."""
    page, language = official_phone
    page.goto(live_site + "/admin/outreach-events/")
    text, box = header_title(page)
    assert text == {"km": "ព្រឹត្តិការណ៍ផ្សព្វផ្សាយ", "en": "Outreach events"}[language]
    assert box["width"] >= 120, box  # the whole title, not a letter
    assert box["x"] + box["width"] <= PHONE["width"], box
    title = page.locator(".w-slim-header [data-w-breadcrumbs] li").last
    metrics = title.evaluate("el => ({sw: el.scrollWidth, cw: el.clientWidth})")
    assert metrics["sw"] <= metrics["cw"] + 1, f"the title is cut: {metrics}"
    button = page.locator("#w-slim-header-buttons a[href$='/outreach-events/add/']")
    button_box = button.bounding_box()
    overlap = not (
        button_box["x"] >= box["x"] + box["width"]
        or button_box["y"] >= box["y"] + box["height"]
        or box["y"] >= button_box["y"] + button_box["height"]
    )
    assert not overlap or button_box["x"] + button_box["width"] <= box["x"], "the button lies over the title"
    assert button_box["x"] >= 0 and button_box["x"] + button_box["width"] <= PHONE["width"]
    assert_fits(page, "events list header")
    screenshot(page, f"phone-admin-events-header-{language}-360")


def test_the_images_page_search_and_sort_fit_the_phone(live_site, official_phone):
    page, language = official_phone
    page.goto(live_site + "/admin/images/")
    for selector in (
        ".w-slim-header__search-form input[name=q]",
        ".w-slim-header__search-form select[name=ordering]",  # the sort (the collection filter may be hidden)
        ".w-slim-header__search-form .w-layout-switch-control",
    ):
        control = page.locator(selector).first
        control.wait_for(state="visible")  # the header's controls are laid out by Wagtail's scripts
        box = control.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (selector, box)
    screenshot(page, f"phone-admin-images-{language}-360")


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_verify_pages_header_bar_shows_its_own_title(live_site, chromium, reported, language):
    context = new_context(
        chromium, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="km-KH"
    )
    page = context.new_page()
    try:
        log_in(page, live_site, "kampot_coordinator" if language == "km" else ENGLISH_COORDINATOR)
        page.goto(live_site + f"/admin/outreach-events/verify/{reported}/")
        text, box = header_title(page)
        assert text == {"km": "ផ្ទៀងផ្ទាត់របាយការណ៍", "en": "Verify report"}[language]
        assert box["width"] >= 100 and box["x"] + box["width"] <= PHONE["width"], box
        assert_fits(page, "verify")
        screenshot(page, f"phone-admin-verify-{language}-360")
    finally:
        context.close()
