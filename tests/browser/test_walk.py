"""Issue 16, walked again in Chromium: the editor's preview, addresses, autosave and scheduling (journey 1), the
teachers' form, share images, language names and numbers (journeys 2-3). Readers' and teachers' pages at
360×740 in Khmer and English; the editor on a laptop screen, as outreach staff use it."""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, SCREENSHOTS, log_in, new_context, screenshot, site_shell

pytestmark = pytest.mark.browser

CAMPAIGN = "from campaigns.models import CampaignPage as C; c = C.objects.get(slug_en='cleanse-ourselves-first'); "


def set_admin_language(env, username, language):
    site_shell(
        env,
        "from django.contrib.auth import get_user_model; from wagtail.users.models import UserProfile; "
        f"u = get_user_model().objects.get(username='{username}'); UserProfile.get_for_user(u); "
        f"UserProfile.objects.filter(user=u).update(preferred_language='{language}'); print('ok')",
    )


@pytest.fixture
def laptop(chromium):
    context = new_context(chromium, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def csp_refusals(page):
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    return refused


@pytest.mark.parametrize("admin_language", ["km", "en"])
def test_the_preview_panel_shows_the_page_in_khmer_and_in_english(live_site, site_env, laptop, admin_language):
    page = laptop
    set_admin_language(site_env, "outreach", admin_language)
    refused = csp_refusals(page)
    campaign_id = site_shell(site_env, CAMPAIGN + "print(c.pk)")
    title_km, title_en = site_shell(site_env, CAMPAIGN + "print(c.title_km + '|' + c.title_en)").split("|")
    log_in(page, live_site, "outreach")
    page.goto(f"{live_site}/admin/pages/{campaign_id}/edit/")
    page.wait_for_load_state("networkidle")
    page.locator("[data-side-panel-toggle='preview']").click()
    for mode, title in (("km", title_km), ("en", title_en)):
        page.locator("#id_preview_mode").select_option(mode)
        frame = page.frame_locator("iframe.w-preview__iframe").last
        # The panel reloads its frame in the new mode: wait for the page in that language.
        expect(frame.locator(f"html[lang='{mode}'] h1").first).to_have_text(title.strip())
        screenshot(page, f"walk-editor-preview-{mode}-admin-{admin_language}")
    assert not [r for r in refused if "frame-ancestors" in r], refused


def test_a_khmer_only_draft_saves_quietly_and_says_it_was_created(live_site, site_env, laptop):
    page = laptop
    set_admin_language(site_env, "outreach", "en")
    index_id = site_shell(site_env, "from campaigns.models import CampaignIndexPage as I; print(I.objects.get().pk)")
    posts = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    log_in(page, live_site, "outreach")
    add_url = f"{live_site}/admin/pages/add/campaigns/campaignpage/{index_id}/"
    page.goto(add_url)
    page.fill("#id_title_km", "យុទ្ធនាការសាកល្បងសម្រាប់ភូមិ")
    page.fill("#id_summary_km", "យុទ្ធនាការនេះសរសេរជាភាសាខ្មែរតែប៉ុណ្ណោះ។")
    page.wait_for_timeout(3000)  # autosave would have posted several times by now
    assert not [url for url in posts if "/admin/pages/" in url and "preview" not in url], posts
    assert not page.get_by_text("Autosave is paused").filter(visible=True).count()
    page.locator("#id_start_date").fill("2026-12-01")
    page.locator("#id_end_date").fill("2027-01-31")
    page.keyboard.press("Escape")
    page.locator("#id_summary_km").click()  # leaves the date field: its picker closes
    page.wait_for_timeout(300)
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"))
    page_id = re.search(r"/pages/(\d+)/edit/", page.url).group(1)
    message = page.locator(".messages").inner_text()
    assert "created" in message and "has been updated" not in message, message
    slug = site_shell(site_env, f"from wagtail.models import Page; print(Page.objects.get(pk={page_id}).slug_km)")
    assert slug == "yotthnakar-saklbng-smrab-phoume"
    screenshot(page, "walk-editor-khmer-only-draft-saved")


def open_picker(page, dialog, name):
    """Focus the field until its date picker shows: on a loaded machine the first click can land
    before the admin's scripts have bound the picker (seen once in a full PostgreSQL run)."""
    picker = dialog.locator(".xdsoft_datetimepicker").filter(visible=True).first
    for _attempt in range(3):
        page.locator(f"#id_{name}").click()
        try:
            picker.wait_for(timeout=10_000)
            return
        except PlaywrightTimeoutError:
            page.locator(f"#id_{name}").evaluate("field => field.blur()")
    picker.wait_for()


@pytest.mark.parametrize(("admin_language", "zone"), [("km", "ម៉ោងភ្នំពេញ (UTC+៧)"), ("en", "Phnom Penh time (UTC+7)")])
def test_the_scheduling_dialog_shows_the_time_zone_and_the_picker_leaves_save_visible(
    live_site, site_env, laptop, admin_language, zone
):
    page = laptop
    set_admin_language(site_env, "moderator", admin_language)
    campaign_id = site_shell(site_env, CAMPAIGN + "print(c.pk)")
    log_in(page, live_site, "moderator")
    page.goto(f"{live_site}/admin/pages/{campaign_id}/edit/")
    page.wait_for_load_state("networkidle")
    page.locator("[data-side-panel-toggle='status']").click()
    page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    for name in ("go_live_at", "expire_at"):
        open_picker(page, dialog, name)
        assert zone in dialog.locator(f"[id$='{name}-helptext']").inner_text()
        save = dialog.locator("button.action-save")
        box = save.bounding_box()
        on_top = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('button.action-save') !== null",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert on_top, f"the date picker of {name} covers Save schedule"
        screenshot(page, f"walk-schedule-dialog-{name}-{admin_language}")
        page.keyboard.press("Tab")
    if admin_language == "en":
        assert "Approve and publish" in dialog.inner_text()


@pytest.fixture
def phone_in(chromium):
    contexts = []

    def make(language):
        context = new_context(
            chromium,
            viewport=PHONE,
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            locale="km-KH" if language == "km" else "en-US",
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_teachers_form_lists_only_the_provinces_districts_and_takes_a_khmer_date(
    live_site, page_paths, phone_in, language
):
    page = phone_in(language)
    page.goto(live_site + page_paths[language]["lesson kit"] + "#report")
    district = page.locator("#id_district")
    all_count = district.locator("option[value]:not([value=''])").count()
    assert all_count > 150  # every district before a province is chosen
    page.locator("#id_province").select_option(label="ស្ទឹងត្រែង" if language == "km" else "Stung Treng")
    chosen = page.locator("#id_province").input_value()
    provinces = district.locator("option[value]:not([value=''])").evaluate_all(
        "options => options.map(o => o.dataset.province)"
    )
    assert provinces and set(provinces) == {chosen} and len(provinces) < 10
    help_text = page.locator("#id_date_taught-help").inner_text()
    assert ("ថ្ងៃ/ខែ/ឆ្នាំ" in help_text) if language == "km" else ("Day/month/year" in help_text)
    page.fill("#id_school", "វិទ្យាល័យស្ទឹងត្រែង")
    district.select_option(index=1)
    page.fill("#id_date_taught", "០១/១១/២០២៦" if language == "km" else "01/11/2026")
    page.fill("#id_girls", "២០")
    page.fill("#id_boys", "១៨")
    screenshot(page, f"walk-teacher-form-{language}")
    page.locator("#report").screenshot(path=str(SCREENSHOTS / f"walk-teacher-form-{language}-form.png"))
    page.get_by_role("button", name="ផ្ញើរបាយការណ៍" if language == "km" else "Send report").click()
    page.wait_for_url(re.compile(r".*reported=1.*"))
    assert page.locator(".report-form .notice").is_visible()


@pytest.mark.parametrize("language", ["km", "en"])
def test_readers_pages_share_an_image_name_languages_and_write_numbers_one_way(
    live_site, page_paths, phone_in, language
):
    page = phone_in(language)
    paths = page_paths[language]
    page.goto(live_site + paths["fact sheet"])
    assert page.locator('meta[property="og:image"]').get_attribute("content").startswith(live_site)
    page.goto(live_site + paths["help finder"])
    cards = page.locator(".services").inner_text()
    assert "km,en" not in cards and ": km" not in cards and "ខ្មែរ" in cards
    screenshot(page, f"walk-help-cards-{language}")
    page.goto(live_site + paths["campaign"])
    if language == "km":
        text = page.locator("main").evaluate(
            "main => { const copy = main.cloneNode(true); copy.querySelectorAll('[lang=en]').forEach(e => e.remove());"
            " return copy.innerText; }"
        )
        assert not re.search(r"[0-9]", text), re.findall(r".{0,15}[0-9]+.{0,5}", text)
        assert not re.search(r"[០-៩],[០-៩]{3}", text)
    screenshot(page, f"walk-campaign-{language}")


def test_copy_from_the_other_language_is_explained_on_a_new_page_and_asks_before_overwriting(
    live_site, site_env, laptop
):
    page = laptop
    set_admin_language(site_env, "outreach", "en")
    index_id = site_shell(site_env, "from campaigns.models import CampaignIndexPage as I; print(I.objects.get().pk)")
    campaign_id = site_shell(site_env, CAMPAIGN + "print(c.pk)")
    log_in(page, live_site, "outreach")
    # A new page: the buttons cannot work there (no saved page to copy from); a line says so.
    page.goto(f"{live_site}/admin/pages/add/campaigns/campaignpage/{index_id}/")
    page.wait_for_load_state("networkidle")
    note = page.locator(".translation-field-copy-note").first
    assert "Save the page as a draft first" in note.inner_text()
    page.wait_for_timeout(500)  # a button drawn late must be explained too
    assert page.locator(".translation-field-copy:visible").count() == 0
    screenshot(page, "walk-editor-copy-on-new-page")
    # A saved page: copying Khmer over English already written asks first; "Cancel" keeps the English.
    page.goto(f"{live_site}/admin/pages/{campaign_id}/edit/")
    page.wait_for_load_state("networkidle")
    page.locator(".locale-toggle:visible", has_text="EN").first.click()
    english = page.locator("#panel-child-content-body_en-content")
    before = english.inner_text()
    asked = []

    def answer(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", answer)
    page.locator("#panel-child-content-body_en-section .translation-field-copy", has_text="km").first.click()
    page.wait_for_timeout(1000)
    assert asked and "already has content" in asked[0]
    assert english.inner_text() == before
