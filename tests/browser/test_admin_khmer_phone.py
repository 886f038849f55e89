"""A Kampot official's Khmer admin at 360×740: the image chooser, the history page and the date picker
have no English and write Khmer digits (issue 16)."""

import json
import re

import pytest

from tests.browser.conftest import log_in, screenshot, site_shell
from tests.campaigns.admin_text import english_left
from tests.campaigns.events.test_admin_khmer import PROPER_NOUNS

pytestmark = pytest.mark.browser

LATIN_DIGIT = re.compile(r"[0-9]")


def kampot_event(site_env):
    """A Kampot event held yesterday, waiting for its report, with a line in its history."""
    return site_shell(
        site_env,
        "from tests.campaigns.events.outreach_fixtures import make_event; "
        "from django.contrib.auth.models import User; from wagtail.log_actions import log; "
        "e = make_event('07', 'កិច្ចប្រជុំភូមិ ម្សិលមិញ', days=-1); "
        "log(instance=e, action='wagtail.create', user=User.objects.get(username='kampot')); print(e.pk)",
    )


def data_texts(site_env):
    """Image titles, collections, tags and user names: data, not interface."""
    out = site_shell(
        site_env,
        "import json; from wagtail.images.models import Image; from django.contrib.auth.models import User; "
        "from wagtail.models import Collection; from taggit.models import Tag; "
        "print(json.dumps([*Image.objects.values_list('title', flat=True), "
        "*Collection.objects.values_list('name', flat=True), *Tag.objects.values_list('name', flat=True), "
        "*User.objects.values_list('username', flat=True), *User.objects.values_list('first_name', flat=True), "
        "*User.objects.values_list('last_name', flat=True)]))",
    )
    return json.loads(out)


def test_image_chooser_history_and_date_picker_in_khmer(live_site, site_env, phone):
    page = phone
    log_in(page, live_site, "kampot")
    allowed = [*PROPER_NOUNS, "JPG", "JPEG", "PNG", "WEBP", *data_texts(site_env)]

    # The image chooser, from a report's photos.
    event = kampot_event(site_env)
    page.goto(f"{live_site}/admin/outreach-events/report/{event}/")
    screenshot(page, "official-report-km-360")
    page.locator("[id$='photos-ADD']").first.click()
    page.locator("[data-chooser-action-choose]").filter(visible=True).first.click()
    modal = page.locator(".modal-content").filter(visible=True).first
    modal.locator(".w-tabs, form").first.wait_for()
    page.wait_for_timeout(300)
    screenshot(page, "official-image-chooser-km-360")
    html = modal.inner_html()
    assert not english_left(html, allowed), english_left(html, allowed)
    assert not LATIN_DIGIT.search(modal.inner_text())
    page.keyboard.press("Escape")

    # The event's history.
    page.goto(f"{live_site}/admin/outreach-events/history/{event}/")
    screenshot(page, "official-history-km-360")
    main = page.locator("main")
    assert not english_left(main.inner_html(), allowed), english_left(main.inner_html(), allowed)
    assert not LATIN_DIGIT.search(main.inner_text())

    # The date picker's month and year.
    page.goto(f"{live_site}/admin/outreach-events/add/")
    page.locator("#id_start").click()
    picker = page.locator(".xdsoft_datetimepicker").filter(visible=True).first
    picker.wait_for()
    page.wait_for_timeout(200)
    screenshot(page, "official-date-picker-km-360")
    label = picker.locator(".xdsoft_year").first.inner_text()
    assert re.search("[០-៩]{4}", label), label
    assert not LATIN_DIGIT.search(picker.inner_text()), picker.inner_text()
