"""Issue 18 end to end: a Kampot official's phone (Chromium, 360×740, Khmer) loses its signal in the middle
of journey 4 and nothing typed is lost.

- the event form and the attendance report, opened online, open again offline; an event and a report with
  two photos saved offline wait on the phone, survive a reload and the page being closed, and are sent by
  themselves when the connection returns: one event, one report, two photos made smaller on the phone;
- the same submission sent again (two tabs coming online together, then the item sent once more) is one row;
- what the server refuses on arrival (an event like it was logged meanwhile) shows its reason in Khmer and
  keeps every typed value for "Fix and send again";
- signing out with something unsent asks first; another official signing in on the same browser sees none
  of the first one's queue.
"""

import datetime
import io
import json
import re

import pytest

from tests.browser.conftest import PHONE, SCREENSHOTS, log_in, new_context, screenshot, site_shell

pytestmark = pytest.mark.browser

BASE = "/admin/outreach-events/"
TITLE = "កិច្ចប្រជុំភូមិគ្មានសេវាទូរស័ព្ទ នៅឃុំត្រពាំងសង្កែ"
VENUE = "សាលាឆាន់វត្តត្រពាំងសង្កែ"
NOTES = "ឪពុកម្ដាយច្រើននាក់សួរអំពីសេវាប្រឹក្សាយោបល់"
SAVED = "រក្សាទុកលើទូរស័ព្ទ"  # "Saved on this phone, waiting to send"

OPEN_QUEUE = """() => new Promise((resolve, reject) => {
  const request = indexedDB.open("nacd-offline-queue", 1);
  request.onupgradeneeded = () =>
    request.result.createObjectStore("items", { keyPath: "id" }).createIndex("user", "user");
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
})"""
ASK = "(request) => new Promise((resolve) => { request.onsuccess = () => resolve(request.result); })"

QUEUE = f"""async () => {{
  const db = await ({OPEN_QUEUE})();
  const all = await ({ASK})(db.transaction("items").objectStore("items").getAll());
  db.close();
  return all.map((item) => ({{ id: item.id, user: item.user, kind: item.kind, state: item.state,
    title: item.title, errors: item.errors, photos: item.photos.map((p) => p.size) }}));
}}"""

# The item titled so is put back to "saved", as if its answer had been lost on the way.
AS_IF_UNSENT = f"""async (title) => {{
  const db = await ({OPEN_QUEUE})();
  const items = await ({ASK})(db.transaction("items").objectStore("items").getAll());
  const item = items.find((i) => i.title === title);
  item.state = "saved";
  await ({ASK})(db.transaction("items", "readwrite").objectStore("items").put(item));
  db.close();
}}"""


def csp_violations(page):
    """What the Content Security Policy refused on this page (the console says so): must stay empty."""
    found = []
    page.on(
        "console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None
    )
    return found


def phone_context(chromium):
    return new_context(chromium, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="km-KH")


def photo(width, height, seed):
    """A camera-sized JPEG with detail (noise), as a phone takes it."""
    import random

    from PIL import Image

    rng = random.Random(seed)
    small = Image.new("RGB", (width // 8, height // 8))
    small.putdata([tuple(rng.randrange(256) for _ in "rgb") for _ in range(small.width * small.height)])
    image = small.resize((width, height), Image.Resampling.BICUBIC)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92)
    return out.getvalue()


def wait_until_kept(page):
    """The page asked the worker to keep this screen and the event form, and the worker answered."""
    page.wait_for_function("() => document.documentElement.dataset.offlineKept === '1'")


def fill_datetime(page, selector, value):
    page.fill(selector, value)
    page.locator("#id_venue_km").click()
    page.wait_for_timeout(200)


def save(page):
    page.locator("#w-editor-form footer button[type=submit]").first.click()


def queue_rows(page):
    return page.locator("#outreach-queue .outreach-queue__item")


def wait_for_state(page, title_part, state):
    page.locator(
        f"#outreach-queue .outreach-queue__item:has-text('{title_part}') .outreach-queue__state[data-state={state}]"
    ).wait_for()


def fill_event(page, site_env, title, day):
    campaign = page.locator("#id_campaign option").nth(1).get_attribute("value")
    page.select_option("#id_campaign", campaign)
    page.fill("#id_title_km", title)
    page.select_option("#id_kind", "community_meeting")
    fill_datetime(page, "#id_start", f"{day} 08:00")
    fill_datetime(page, "#id_end", f"{day} 10:30")
    district = page.locator("#id_district option[value]:not([value=''])").first.get_attribute("value")
    page.select_option("#id_district", district)
    page.select_option("#id_commune", index=1)
    page.fill("#id_venue_km", VENUE)
    page.fill("#id_organiser_km", "ក្រុមប្រឹក្សាឃុំ")
    page.fill("#id_audience_km", "យុវជន និងឪពុកម្ដាយ")
    page.fill("#id_expected_attendance", "៦០")
    return campaign


def shell_json(site_env, code):
    return json.loads(site_shell(site_env, "import json; " + code))


def held_event(site_env, title):
    """An event of Kampot that took place yesterday and has no report yet: its id."""
    return site_shell(
        site_env,
        "import datetime, uuid; from django.utils import timezone; from campaigns.models import OutreachEvent as E; "
        "e = E.objects.filter(province__code='07', reported_at__isnull=True).first(); "
        "e.pk = None; e.uid = uuid.uuid4(); e.submission_token = None; "
        f"e.title_km = '{title}'; e.start = timezone.now() - datetime.timedelta(days=1); "
        "e.end = e.start + datetime.timedelta(hours=2); e.status = 'planned'; e.save(); print(e.pk)",
    )


def upcoming_day(site_env, days):
    today = datetime.date.fromisoformat(
        site_shell(site_env, "from django.utils import timezone; print(timezone.localdate())")
    )
    return today + datetime.timedelta(days=days)


def test_an_event_and_a_report_with_photos_saved_offline_are_sent_once_when_the_signal_returns(
    live_site, site_env, chromium
):
    context = phone_context(chromium)
    page = context.new_page()
    violations = csp_violations(page)
    held = held_event(site_env, "វគ្គអប់រំយុវជន ម្សិលមិញ គ្មានសេវា")
    day = upcoming_day(site_env, 9)

    # Online, in town: the official opens the events, the event form and the report once.
    log_in(page, live_site, "kampot")
    page.goto(live_site + BASE)
    wait_until_kept(page)
    page.goto(live_site + BASE + "add/")
    wait_until_kept(page)
    page.goto(live_site + f"{BASE}report/{held}/")
    wait_until_kept(page)

    # In the village: no signal.
    context.set_offline(True)
    page.goto(live_site + BASE + "add/")
    assert page.locator("html").get_attribute("lang") == "km"
    fill_event(page, site_env, TITLE, day)
    save(page)
    wait_for_state(page, TITLE, "saved")
    assert page.url == live_site + BASE + "add/"

    page.goto(live_site + f"{BASE}report/{held}/")
    for field, value in (("female", "២២"), ("male", "18"), ("other_sex", "0")):
        page.fill(f"#id_{field}", value)
    for field, value in (("age_under_15", "5"), ("age_15_24", "20"), ("age_25_plus", "15")):
        page.fill(f"#id_{field}", value)
    page.fill("#id_notes", NOTES)
    big = [photo(4000, 3000, 1), photo(3000, 4000, 2)]
    page.set_input_files(
        "#outreach-phone-photos",
        [{"name": f"IMG_{n}.jpg", "mimeType": "image/jpeg", "buffer": data} for n, data in enumerate(big)],
    )
    save(page)
    wait_for_state(page, "វគ្គអប់រំយុវជន", "saved")

    # Reloaded, then closed, still offline: the list is there with both, each "saved on this phone".
    page.reload()
    assert queue_rows(page).count() == 2
    for row in queue_rows(page).all():
        assert SAVED in row.inner_text()
    assert page.locator("#outreach-queue button", has_text="ផ្ញើឥឡូវនេះ").is_visible()
    # "Send now" without a signal says why nothing goes, and sends nothing.
    page.locator("#outreach-queue button", has_text="ផ្ញើឥឡូវនេះ").click()
    note = page.locator("#outreach-queue .outreach-queue__note")
    assert note.is_visible() and "មិនទាន់មានការតភ្ជាប់" in note.inner_text()
    assert all(SAVED in row.inner_text() for row in queue_rows(page).all())
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "offline-queue-waiting-km-360")
    items = page.evaluate(QUEUE)
    report = next(item for item in items if item["kind"] == "report")
    assert len(report["photos"]) == 2
    assert all(size < min(len(data) for data in big) for size in report["photos"]), (report, [len(d) for d in big])
    page.close()
    count = f"from campaigns.models import OutreachEvent as E; print(E.objects.filter(title_km='{TITLE}').count())"
    assert site_shell(site_env, count) == "0"

    # Back in town: the phone is opened again and sends by itself.
    context.set_offline(False)
    page = context.new_page()
    page.goto(live_site + BASE)
    wait_for_state(page, TITLE, "sent")
    wait_for_state(page, "វគ្គអប់រំយុវជន", "sent")
    screenshot(page, "offline-queue-sent-km-360")
    found = shell_json(
        site_env,
        "from campaigns.models import OutreachEvent as E; "
        f"events = E.objects.filter(title_km='{TITLE}'); r = E.objects.get(pk={held}); "
        "print(json.dumps({'events': events.count(), 'venue': events.first().venue_km, "
        "'created_by': events.first().created_by.username, 'status': r.status, 'total': r.attendance_total, "
        "'notes': r.notes, 'photos': [max(p.image.width, p.image.height) for p in r.photos.all()]}))",
    )
    assert found["events"] == 1 and found["venue"] == VENUE and found["created_by"] == "kampot"
    assert found["status"] == "held" and found["total"] == 40 and found["notes"] == NOTES
    assert len(found["photos"]) == 2 and all(edge <= 1600 for edge in found["photos"]), found
    # The sent event's row links to it.
    page.locator(f"#outreach-queue .outreach-queue__item:has-text('{TITLE}') a").click()
    page.wait_for_url(re.compile(r".*/admin/outreach-events/inspect/\d+/$"))
    assert not violations, violations
    context.close()


def test_the_same_submission_sent_from_two_tabs_and_again_is_one_event(live_site, site_env, chromium):
    context = phone_context(chromium)
    page = context.new_page()
    title = "ទិវាអប់រំនៅសាលារៀន ផ្ញើពីរដង"
    log_in(page, live_site, "kampot")
    page.goto(live_site + BASE + "add/")
    wait_until_kept(page)
    context.set_offline(True)
    page.reload()
    fill_event(page, site_env, title, upcoming_day(site_env, 11))
    save(page)
    wait_for_state(page, title, "saved")
    other = context.new_page()
    other.goto(live_site + BASE + "add/")
    wait_for_state(other, title, "saved")

    # Both tabs see the connection return at the same moment and both send.
    context.set_offline(False)
    wait_for_state(page, title, "sent")
    other.reload()
    wait_for_state(other, title, "sent")

    # Sent once more (a retry after a dropped answer): the server answers with the first result.
    page.evaluate(AS_IF_UNSENT, title)
    page.reload()
    wait_for_state(page, title, "sent")
    count = shell_json(
        site_env,
        "from campaigns.models import OutreachEvent as E, OfflineSubmission as S; "
        f"e = E.objects.filter(title_km='{title}'); "
        "print(json.dumps([e.count(), S.objects.filter(event__in=e).count()]))",
    )
    assert count == [1, 1]
    context.close()


def test_a_submission_refused_on_arrival_says_why_in_khmer_keeps_the_values_and_is_fixed(live_site, site_env, chromium):
    context = phone_context(chromium)
    page = context.new_page()
    title = "កិច្ចប្រជុំឪពុកម្ដាយ ដែលគេបានកត់ត្រារួចហើយ"
    day = upcoming_day(site_env, 13)
    log_in(page, live_site, "kampot")
    page.goto(live_site + BASE + "add/")
    wait_until_kept(page)
    context.set_offline(True)
    page.reload()
    campaign = fill_event(page, site_env, title, day)
    save(page)
    wait_for_state(page, title, "saved")

    # Meanwhile a colleague with a signal logged the same meeting: only the server can know.
    site_shell(
        site_env,
        "import datetime, uuid; from django.utils import timezone; from campaigns.models import OutreachEvent as E; "
        "e = E.objects.filter(province__code='07').first(); e.pk = None; e.uid = uuid.uuid4(); "
        f"e.submission_token = None; e.title_km = '{title}'; e.campaign_id = {campaign}; "
        f"e.start = timezone.make_aware(datetime.datetime({day.year}, {day.month}, {day.day}, 9)); "
        "e.end = e.start + datetime.timedelta(hours=1); e.status = 'planned'; e.reported_at = None; e.save()",
    )
    context.set_offline(False)
    page.reload()
    wait_for_state(page, title, "refused")
    row = page.locator(f"#outreach-queue .outreach-queue__item:has-text('{title}')")
    reason = row.locator(".outreach-queue__reason").inner_text()
    assert "ព្រឹត្តិការណ៍" in reason and title in reason, reason  # the Khmer message names the other event
    screenshot(page, "offline-queue-refused-km-360")

    # "Fix and send again": the form with every typed value and the reason, and it is sent.
    row.get_by_role("link", name="កែ").click()
    page.locator("[role=alert]", has_text=title).wait_for()
    assert page.input_value("#id_title_km") == title
    assert page.input_value("#id_venue_km") == VENUE
    assert page.input_value("#id_start") == f"{day} 08:00"
    assert page.input_value("#id_campaign") == campaign
    screenshot(page, "offline-queue-fix-km-360")
    # It is a different meeting on the same day: the box the server asked for is there to tick.
    page.get_by_label("នេះជាព្រឹត្តិការណ៍ផ្សេង").check()
    save(page)
    wait_for_state(page, title, "sent")
    assert queue_rows(page).filter(has_text=title).count() == 1
    count = site_shell(
        site_env,
        f"from campaigns.models import OutreachEvent as E; print(E.objects.filter(title_km='{title}').count())",
    )
    assert count == "2"  # the colleague's and this one
    context.close()


def test_signing_out_with_unsent_items_warns_and_another_official_sees_nothing_of_them(live_site, site_env, chromium):
    context = phone_context(chromium)
    page = context.new_page()
    title = "វេទិកាយុវជនក្នុងឃុំ មិនទាន់ផ្ញើ"
    log_in(page, live_site, "kampot")
    page.goto(live_site + BASE + "add/")
    wait_until_kept(page)
    context.set_offline(True)
    page.reload()
    fill_event(page, site_env, title, upcoming_day(site_env, 15))
    # A mistake only the server finds (the end before the start), so it stays unsent once online.
    fill_datetime(page, "#id_end", f"{upcoming_day(site_env, 15)} 07:00")
    save(page)
    wait_for_state(page, title, "saved")
    context.set_offline(False)
    page.reload()
    wait_for_state(page, title, "refused")

    # Signing out asks first; "cancel" keeps the official signed in.
    messages = []

    def answer(dialog, accept):
        messages.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, False))
    sign_out(page)
    page.wait_for_timeout(500)
    assert messages and "មាន ១ ដែលរក្សាទុកលើទូរស័ព្ទនេះ មិនទាន់បានផ្ញើ" in messages[0], messages
    assert page.url.startswith(live_site + BASE)
    page.once("dialog", lambda dialog: answer(dialog, True))
    sign_out(page)
    page.wait_for_url(re.compile(r".*/admin/login/.*"))
    assert len(messages) == 2

    # Another official on the same browser: no list, nothing of the first one's, online or offline.
    log_in(page, live_site, "kohkong")
    page.goto(live_site + BASE + "add/")
    wait_until_kept(page)
    assert page.locator("#outreach-queue:visible").count() == 0
    assert title not in page.content()
    context.set_offline(True)
    page.reload()
    assert page.locator("#outreach-queue:visible").count() == 0
    assert title not in page.content()
    screenshot(page, "offline-queue-second-user-km-360")
    kept = page.evaluate("async () => (await caches.keys()).filter((name) => name.startsWith('nacd-admin-'))")
    assert len([name for name in kept if name != "nacd-admin-user"]) == 1, kept
    context.set_offline(False)

    # The first official's item is still theirs, waiting for them.
    page.goto(live_site + "/admin/")
    sign_out(page)  # nothing of theirs unsent: no question
    page.wait_for_url(re.compile(r".*/admin/login/.*"))
    log_in(page, live_site, "kampot")
    page.goto(live_site + BASE)
    wait_for_state(page, title, "refused")
    context.close()


def sign_out(page):
    """The sidebar's sign-out, as an official taps it on a phone."""
    page.evaluate("() => document.querySelector('form[action$=\"/logout/\"]').requestSubmit()")


SCHOOL = "សាលាបឋមសិក្សាភូមិអូរគ្មានសេវា"
NO_REPORT_WAITS = f"""async () => {{
  const db = await new Promise((resolve) => {{
    const r = indexedDB.open("nacd-class-reports", 1);
    r.onsuccess = () => resolve(r.result);
  }});
  const n = await ({ASK})(db.transaction("reports").objectStore("reports").count());
  db.close();
  return n === 0;
}}"""


def test_a_teachers_class_report_typed_offline_waits_on_the_phone_and_is_sent_once(
    live_site, site_env, chromium, page_paths
):
    """No account: the kit page's report, typed in a school without signal, is sent later, once."""
    context = phone_context(chromium)
    page = context.new_page()
    violations = csp_violations(page)
    kit = page_paths["km"]["lesson kit"]
    page.goto(live_site + kit)
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null")
    page.reload()  # kept by the worker now
    context.set_offline(True)
    page.reload()
    form = page.locator("#report form")
    page.fill("#id_school", SCHOOL)
    page.select_option("#id_province", index=1)
    page.select_option("#id_district", index=1)
    yesterday = upcoming_day(site_env, -1)
    page.fill("#id_date_taught", f"{yesterday:%d/%m/%Y}")
    page.fill("#id_girls", "១៧")
    page.fill("#id_boys", "15")
    form.locator("button[type=submit]").click()
    status = form.locator("[data-connection-status][data-queue-state=saved]")
    status.filter(has_text="រក្សាទុកនៅលើទូរស័ព្ទនេះ").wait_for()
    assert form.locator("[data-send-now]").is_visible()
    assert page.url == live_site + kit
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    form.screenshot(path=str(SCREENSHOTS / "class-report-waiting-km-360.png"))

    # Opened again offline, in a second tab too: the report is still there, waiting.
    page.reload()
    assert page.input_value("#id_school") == SCHOOL
    page.locator("#report [data-queue-state=saved]").wait_for()
    other = context.new_page()
    other.goto(live_site + kit)
    other.locator("#report [data-queue-state=saved]").wait_for()
    count = f"from campaigns.models import ClassReport as R; print(R.objects.filter(school='{SCHOOL}').count())"
    assert site_shell(site_env, count) == "0"

    # The signal returns with both tabs open: both try, one report is saved, and it is said.
    context.set_offline(False)
    page.wait_for_function(NO_REPORT_WAITS)
    found = shell_json(
        site_env,
        "from campaigns.models import ClassReport as R; "
        f"r = R.objects.filter(school='{SCHOOL}'); "
        "print(json.dumps([r.count(), r.first().girls, r.first().client_id is not None]))",
    )
    assert found == [1, 17, True]
    assert not violations, violations  # the public pages' strict policy: no inline script, none needed
    for tab in (page, other):
        tab.reload()
        assert tab.locator("#report [data-queue-state]").count() == 0  # nothing waits any more
        assert tab.input_value("#id_school") == ""  # and the copy kept for the form is gone with it
    context.close()


KEEP_AGAIN = """async (user) => {
  const registration = await navigator.serviceWorker.ready;
  return await new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data.kept);
    registration.active.postMessage(
      { type: "admin-keep", user, urls: ["/admin/outreach-events/add/", "/admin/outreach-events/"] }, [channel.port2]);
  });
}"""


def test_screens_kept_again_after_the_session_ended_follow_no_redirect_to_the_sign_in_form(live_site, chromium):
    """The worker refreshing kept screens once signed out must not fetch the sign-in page: that set a new CSRF
    cookie behind the sign-in form the official was typing into, and their sign-in was refused (403)."""
    context = phone_context(chromium)
    page = context.new_page()
    try:
        log_in(page, live_site, "kampot")
        page.goto(live_site + BASE + "add/")
        wait_until_kept(page)
        user = page.locator("script[data-user]").first.get_attribute("data-user")
        context.clear_cookies()
        page.goto(live_site + "/km/")
        assert page.evaluate(KEEP_AGAIN, user) == 0  # nothing kept: the answers were redirects
        assert [cookie["name"] for cookie in context.cookies()] == []  # no CSRF cookie from a sign-in page
        log_in(page, live_site, "kampot")  # signs in (a 403 would leave the sign-in page)
    finally:
        context.close()
