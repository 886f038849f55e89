"""Journey 1 steps 1-4 in the Wagtail admin: an outreach officer writes a campaign in Khmer, adds
English, previews both, tags it and submits it; a moderator comments, schedules and approves."""

import datetime
import re

import pytest

from tests.browser.conftest import log_in, new_context, screenshot, site_shell

pytestmark = pytest.mark.browser


def insert_text_block(page, field, text):
    panel = page.locator(f"#panel-child-content-{field}-content")
    panel.locator("button[title='Insert a block']").first.click()
    page.get_by_role("option", name="text").first.click()
    editor = panel.locator("[contenteditable=true]").first
    editor.click()
    page.keyboard.type(text)
    # Draftail writes its hidden input when the editor loses focus, as it does for a person moving on.
    page.locator(f"#panel-child-content-{field}-content").click(position={"x": 5, "y": 5})
    page.wait_for_timeout(300)


def page_facts(env, page_id, expression):
    """Evaluate ``expression`` about page ``p`` (specific) in the served site and return what it prints."""
    return site_shell(
        env,
        "import zoneinfo; from wagtail.models import Page, TaskState; "
        f"p = Page.objects.get(pk={page_id}).specific; print({expression})",
    )


def show_language(page, code):
    page.locator(".locale-toggle:visible", has_text=code.upper()).first.click()


def test_officer_writes_submits_and_moderator_schedules(live_site, site_env, desktop, chromium):
    index_id = site_shell(site_env, "from campaigns.models import CampaignIndexPage as I; print(I.objects.get().pk)")
    page = desktop
    log_in(page, live_site, "outreach")
    page.goto(f"{live_site}/admin/pages/add/campaigns/campaignpage/{index_id}/")

    # Step 1: Khmer first.
    page.fill("#id_title_km", "សម្អាតខ្លួនឯងជាមុនសិន នៅក្រសួង")
    page.fill("#id_summary_km", "មន្ត្រីរាជការចូលរួមធ្វើតេស្តទឹកនោមដោយស្ម័គ្រចិត្ត ដើម្បីជាគំរូល្អដល់សហគមន៍។")
    insert_text_block(page, "body_km", "ការប្រើប្រាស់គ្រឿងញៀនបង្កគ្រោះថ្នាក់ដល់សុខភាព។")
    # Step 3: campaign period, topics, audiences, provinces.
    page.locator("#id_start_date").fill("2026-12-01")
    page.locator("#id_end_date").fill("2027-02-28")
    page.keyboard.press("Escape")
    for label in ("Methamphetamine", "Workplace", "Civil servants", "Young people", "Kampot", "Stung Treng"):
        page.get_by_label(label, exact=True).check()
    # Step 2: the English translation of every field, in the same editor.
    assert not page.locator("#id_title_en").is_visible()
    show_language(page, "en")
    assert page.locator("#id_title_en").is_visible()
    page.fill("#id_title_en", "Cleanse ourselves first at the ministry")
    page.fill("#id_summary_en", "Civil servants take a voluntary urine test to set a good example for the community.")
    insert_text_block(page, "body_en", "Drug use harms health.")
    assert "Drug use harms health." in page.locator("#panel-child-content-body_en-content").inner_text()
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"))
    page_id = re.search(r"/pages/(\d+)/edit/", page.url).group(1)
    draft = "p.get_latest_revision_as_object()"
    assert page_facts(site_env, page_id, f"{draft}.title_en") == "Cleanse ourselves first at the ministry"
    slugs = page_facts(site_env, page_id, "p.slug_km, p.slug_en")
    assert slugs == "cleanse-ourselves-first-at-the-ministry cleanse-ourselves-first-at-the-ministry"

    # Previews in both languages: the editor sends the form to the preview as the preview panel does.
    valid = page.evaluate(
        """async (url) => {
            const form = document.querySelector('form[data-edit-form], form#page-edit-form');
            const response = await fetch(url, {method: 'POST', body: new FormData(form)});
            return (await response.json()).is_valid;
        }""",
        f"{live_site}/admin/pages/{page_id}/edit/preview/",
    )
    assert valid
    for code, title in (("km", "សម្អាតខ្លួនឯងជាមុនសិន នៅក្រសួង"), ("en", "Cleanse ourselves first at the ministry")):
        preview = page.context.new_page()
        preview.goto(f"{live_site}/admin/pages/{page_id}/edit/preview/?mode={code}")
        assert preview.locator("html").get_attribute("lang") == code
        assert preview.locator("h1").inner_text() == title
        preview.close()

    # Step 4: submit for moderation.
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name=re.compile("Submit to Campaign review")).click()
    page.wait_for_load_state()
    screenshot(page, "admin-submitted")
    errors = [e.strip() for e in page.locator(".error-message, .w-field__errors, .help-critical").all_inner_texts()]
    assert not any(errors), page.evaluate(
        "Array.from(document.querySelectorAll('.w-field--error')).map(e => (e.querySelector('[name]') || {}).name)"
    )
    state = page_facts(site_env, page_id, "p.current_workflow_state.workflow.name, p.current_workflow_state.status")
    assert state == "Campaign review in_progress"

    # The moderator gets it, schedules Monday 08:00 Phnom Penh time, comments and approves.
    moderator_context = new_context(chromium, viewport={"width": 1280, "height": 900})
    moderator = moderator_context.new_page()
    log_in(moderator, live_site, "moderator")
    assert (
        moderator.get_by_text("Cleanse ourselves first at the ministry").first.is_visible()
        or moderator.get_by_text("សម្អាតខ្លួនឯងជាមុនសិន នៅក្រសួង").first.is_visible()
    )
    today = datetime.date.today()
    monday = today + datetime.timedelta(days=(7 - today.weekday()) % 7 or 7)
    go_live = f"{monday.isoformat()} 08:00"
    moderator.goto(f"{live_site}/admin/pages/{page_id}/edit/")
    moderator.wait_for_load_state("networkidle")
    moderator.locator("[data-side-panel-toggle='status']").click()
    moderator.wait_for_timeout(500)
    moderator.get_by_role("button", name=re.compile("Set schedule|Edit schedule")).first.click()
    moderator.locator("#id_go_live_at").fill(go_live)
    moderator.locator("#id_go_live_at").press("Tab")  # leaves the date picker
    with moderator.expect_navigation():
        moderator.get_by_role("button", name="Save schedule").evaluate("button => button.click()")
    moderator.wait_for_load_state("networkidle")
    moderator.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    moderator.get_by_role("button", name=re.compile("Approve with comment")).click()
    moderator.locator("textarea[name=comment]").fill("Clear and accurate. Approved for Monday.")
    moderator.get_by_role("button", name=re.compile("^Approve")).last.click()
    moderator.wait_for_load_state()
    screenshot(moderator, "admin-approved")
    result = page_facts(
        site_env,
        page_id,
        "p.live, "
        "p.scheduled_revision.approved_go_live_at.astimezone(zoneinfo.ZoneInfo('Asia/Phnom_Penh'))"
        ".strftime('%Y-%m-%d %H:%M'), "
        "TaskState.objects.filter(workflow_state__object_id=str(p.pk)).latest('pk').status, "
        "TaskState.objects.filter(workflow_state__object_id=str(p.pk)).latest('pk').comment",
    )
    assert result == f"False {go_live} approved Clear and accurate. Approved for Monday."
    moderator_context.close()
