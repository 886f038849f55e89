"""Bad input in every form and address officials use in the admin: a page or a 4xx, never a 500.

A provincial official of Kampot logs, edits and reports outreach events; NACD
staff enter reach from other channels and read the reach dashboard and its
exports. Each field gets hostile values from ``tests/security/fuzz.py`` with
the rest of the form valid: the form comes back with the error shown in the
user's language, or (when the value happens to be acceptable) is saved; no
other record changes either way.
"""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from django.contrib.auth import get_user_model
from django.urls import reverse

from campaigns.models import CampaignPage, OutreachEvent
from tests.campaigns.events.outreach_fixtures import event_form, make_event, new_event_form
from tests.security.fuzz import answered, encode, fresh, hostile_value, params_strategy, snapshot, unchanged

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

FORM_ANSWERS = (200, 302, 400, 403, 404)
# An admin form page takes about a second to render on the shared CI machine: fewer examples keep the module bounded.
ADMIN_FORM = settings(max_examples=20)


def official(client):
    client.force_login(get_user_model().objects.get(username="kampot"))
    return client


def nacd_admin(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def post_form(client, url, fields):
    return answered(
        client.post(url, encode(fields.items()), content_type="application/x-www-form-urlencoded"),
        allowed=FORM_ANSWERS,
    )


def shows_errors(response):
    """The admin form came back with a message saying what is wrong."""
    html = response.content.decode()
    return "error-message" in html or "help-critical" in html or "w-field--error" in html or "errorlist" in html


def changes(names):
    return st.lists(st.tuples(st.sampled_from(names), hostile_value), min_size=1, max_size=3)


EVENT_FIELDS = [
    "campaign",
    "title_km",
    "title_en",
    "description_km",
    "kind",
    "status",
    "start",
    "end",
    "province",
    "district",
    "commune",
    "venue_km",
    "organiser_km",
    "audience_km",
    "expected_attendance",
    "submission_token",
    "confirm_not_duplicate",
]


def check_form_answer(response, before, *, saved_model=None, may_change=()):
    """After a form post: errors shown (nothing changed), or saved (one row added or the edited row changed)."""
    after = snapshot()
    if response.status_code == 302:
        if saved_model:
            unchanged(before, after, added={saved_model: 1})
        else:
            for label, pk in may_change:
                before[label].pop(pk, None)
                after[label].pop(pk, None)
            unchanged(before, after)
        return
    unchanged(before, after)
    if response.status_code in (200, 400):
        assert shows_errors(response), "the form came back without saying what is wrong"


@ADMIN_FORM
@given(fields=changes(EVENT_FIELDS))
@example(fields=[("title_km", "កិច្ចប្រជុំ\x00")])
@example(fields=[("start", "0001-01-01 00:00"), ("end", "0001-01-01 02:00")])
@example(fields=[("start", "9999-12-31 20:00"), ("end", "9999-12-31 23:59")])
@example(fields=[("start", "២០២៦-1-៣ 08:00")])
@example(fields=[("expected_attendance", "9" * 30)])
@example(fields=[("expected_attendance", "៨០")])
@example(fields=[("province", "9" * 30), ("commune", "\x00")])
@example(fields=[("submission_token", "\x00")])
@example(fields=[("campaign", "9" * 30)])
@example(fields=[("venue_km", "x" * 5000)])
def test_logging_an_event(client, fields):
    official(client)
    data = new_event_form("07")
    data.update(fields)
    before = snapshot()
    fresh()
    response = post_form(client, reverse("outreach_events:add"), data)
    check_form_answer(response, before, saved_model="campaigns.OutreachEvent")


@ADMIN_FORM
@given(fields=changes(EVENT_FIELDS))
@example(fields=[("start", "9999-12-31 20:00"), ("end", "9999-12-31 23:59")])
@example(fields=[("end", "0001-01-01 00:00")])
@example(fields=[("organiser_km", "\x00")])
def test_editing_an_event(client, fields):
    official(client)
    event = OutreachEvent.objects.filter(province__code="07", status="planned").order_by("pk").first()
    if event is None:
        event = make_event("07", "កិច្ចប្រជុំភូមិសម្រាប់សាកល្បង", days=3)
    data = event_form(event)
    data.update(fields)
    before = snapshot()
    fresh()
    response = post_form(client, reverse("outreach_events:edit", args=[event.pk]), data)
    check_form_answer(response, before, may_change=[("campaigns.OutreachEvent", event.pk)])


REPORT_FIELDS = [
    "female",
    "male",
    "other_sex",
    "age_under_15",
    "age_15_24",
    "age_25_plus",
    "notes",
    "confirm_large_attendance",
    "photos-TOTAL_FORMS",
    "photos-INITIAL_FORMS",
    "photos-MAX_NUM_FORMS",
]


@ADMIN_FORM
@given(fields=changes(REPORT_FIELDS))
@example(fields=[("female", "១២"), ("male", "9" * 30)])
@example(fields=[("notes", "\x00")])
@example(fields=[("photos-TOTAL_FORMS", "9" * 30)])
@example(fields=[("photos-TOTAL_FORMS", "\x00")])
def test_reporting_attendance(client, fields):
    official(client)
    event = OutreachEvent.objects.filter(title_km="វគ្គអប់រំដែលបានធ្វើរួច").first() or make_event(
        "07", "វគ្គអប់រំដែលបានធ្វើរួច", days=-3
    )
    data = {
        "female": "20",
        "male": "15",
        "other_sex": "0",
        "age_under_15": "5",
        "age_15_24": "10",
        "age_25_plus": "20",
        "notes": "",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "10",
    }
    data.update(fields)
    before = snapshot()
    fresh()
    response = post_form(client, reverse("outreach_events:report", args=[event.pk]), data)
    check_form_answer(response, before, may_change=[("campaigns.OutreachEvent", event.pk)])


MANUAL_FIELDS = ["campaign", "channel", "day", "people", "province", "source"]


@ADMIN_FORM
@given(fields=changes(MANUAL_FIELDS))
@example(fields=[("source", "\x00")])
@example(fields=[("day", "9999-12-31")])
@example(fields=[("day", "0001-01-01")])
@example(fields=[("people", "9" * 30)])
@example(fields=[("campaign", "9" * 30), ("province", "\x00")])
def test_entering_reach_from_another_channel(client, fields):
    nacd_admin(client)
    campaign = CampaignPage.objects.live().order_by("path").first()
    data = {
        "campaign": str(campaign.pk),
        "channel": "broadcast",
        "day": campaign.start_date.isoformat(),
        "people": "12000",
        "province": "",
        "source": "របាយការណ៍ទស្សនិកជនរបស់ទូរទស្សន៍ជាតិ",
    }
    data.update(fields)
    before = snapshot()
    fresh()
    response = post_form(client, reverse("wagtailsnippets_campaigns_manualreach:add"), data)
    check_form_answer(response, before, saved_model="campaigns.ManualReach")


EVENT_LIST_PARAMS = ["status", "kind", "province", "start_from", "start_to", "q", "p", "ordering", "export"]


@given(params=params_strategy(EVENT_LIST_PARAMS))
@example(params=[("province", "\x00")])
@example(params=[("start_from", "9999-12-31"), ("start_to", "0001-01-01")])
@example(params=[("p", "9" * 30), ("ordering", "' OR 1=1 --")])
@example(params=[("q", "\x00")])
def test_outreach_event_list_filters(client, params):
    official(client)
    before = snapshot()
    fresh()
    answered(client.get(f"{reverse('outreach_events:list')}?{encode(params)}"))
    unchanged(before, snapshot())


REACH_PARAMS = ["year", "start", "end"]
REACH_VIEWS = ["reach", "campaign", "csv", "xlsx", "json", "campaign_csv"]


def reach_url(view):
    campaign = CampaignPage.objects.order_by("path").first()
    return {
        "reach": reverse("reach"),
        "campaign": reverse("reach_campaign", args=[campaign.pk]),
        "csv": reverse("reach_export", args=["csv"]),
        "xlsx": reverse("reach_export", args=["xlsx"]),
        "json": reverse("reach_export", args=["json"]),
        "campaign_csv": reverse("reach_campaign_export", args=[campaign.pk, "csv"]),
    }[view]


@given(
    user=st.sampled_from(["admin", "kampot"]),
    view=st.sampled_from(REACH_VIEWS),
    params=params_strategy(REACH_PARAMS),
)
@example(user="admin", view="reach", params=[("start", "0001-01-01")])
@example(user="admin", view="json", params=[("end", "9999-12-31")])
@example(user="admin", view="csv", params=[("start", "0001-01-01"), ("end", "9999-12-31")])
@example(user="kampot", view="reach", params=[("year", "9" * 30)])
@example(user="admin", view="xlsx", params=[("start", "២០២៦-០១-០១"), ("end", "2026-1-៣")])
@example(user="admin", view="reach", params=[("start", "2026-02-30")])
def test_reach_dashboard_period(client, user, view, params):
    client.force_login(get_user_model().objects.get(username=user))
    before = snapshot()
    fresh()
    response = answered(client.get(f"{reach_url(view)}?{encode(params)}"))
    unchanged(before, snapshot())
    if response.status_code == 400 and view in ("reach", "campaign"):
        assert shows_errors(response), "the period form came back without saying what is wrong"


def test_huge_numbers_in_every_address_and_header_as_an_official():
    """What a provincial official can send: every URL pattern, its parameters and headers with huge numbers."""
    from django.test import Client

    from tests.security.test_fuzz_public import send_huge_numbers

    client = official(Client(raise_request_exception=False))
    fresh()
    assert send_huge_numbers(client) == []
    assert send_huge_numbers(client, post=True) == []
