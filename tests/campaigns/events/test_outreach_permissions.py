"""Every role against every admin endpoint of outreach events, including another province's event.

An event outside the user's area never shows its data (its title is a marker
looked for in every response) and is never changed; an event inside the area
allows exactly what the role may do. The expected access is written out here,
by hand, not computed by the code under test.
"""

import json
from io import BytesIO

import pytest
from openpyxl import load_workbook

from django.contrib.auth import get_user_model
from django.urls import reverse

from campaigns.models import District, OutreachEvent
from home.roles import PROVINCIAL_COORDINATORS, PROVINCIAL_OFFICIALS
from tests.campaigns.events.outreach_fixtures import at, event_form, make_event, make_user, new_event_form, report_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

KAMPOT_TITLE = "សម្ងាត់កំពត-ក១"  # markers looked for in every response
KAMPOT_HELD_TITLE = "សម្ងាត់កំពត-ក២"
KOHKONG_TITLE = "សម្ងាត់កោះកុង-ក៣"

# What each role may do with each event: v(iew), c(hange), r(eport), d(elete), f (verify).
# kampot_a: planned, Kampot, first district. kampot_b: held, Kampot, second district. kohkong: planned.
ACCESS = {
    "anonymous": {"kampot_a": "", "kampot_b": "", "kohkong": ""},
    "no_area_official": {"kampot_a": "", "kampot_b": "", "kohkong": ""},
    "kampot_official": {"kampot_a": "vcrd", "kampot_b": "vcr", "kohkong": ""},
    "kampot_district_official": {"kampot_a": "vcrd", "kampot_b": "", "kohkong": ""},
    "kampot_coordinator": {"kampot_a": "vcrd", "kampot_b": "vcrf", "kohkong": ""},
    "kohkong_official": {"kampot_a": "", "kampot_b": "", "kohkong": "vcrd"},
    "outreach_staff": {"kampot_a": "vcr", "kampot_b": "vcr", "kohkong": "vcr"},
    "moderator": {"kampot_a": "vcrd", "kampot_b": "vcrdf", "kohkong": "vcrd"},
    "superuser": {"kampot_a": "vcrd", "kampot_b": "vcrdf", "kohkong": "vcrd"},
}
TITLES = {"kampot_a": KAMPOT_TITLE, "kampot_b": KAMPOT_HELD_TITLE, "kohkong": KOHKONG_TITLE}


@pytest.fixture
def world(db):
    district_a, district_b = District.objects.filter(province__code="07").order_by("code")[:2]
    events = {
        "kampot_a": make_event("07", KAMPOT_TITLE, district=district_a, days=-1),
        "kampot_b": make_event("07", KAMPOT_HELD_TITLE, district=district_b, status="held", days=-3),
        "kohkong": make_event("09", KOHKONG_TITLE, days=-1),
    }
    User = get_user_model()
    users = {
        "anonymous": None,
        "no_area_official": make_user("lost_official", PROVINCIAL_OFFICIALS),
        "kampot_official": make_user("m_kampot", PROVINCIAL_OFFICIALS, "07"),
        "kampot_district_official": make_user("m_kampot_d", PROVINCIAL_OFFICIALS, "07", district=district_a),
        "kampot_coordinator": make_user("m_kampot_c", PROVINCIAL_COORDINATORS, "07"),
        "kohkong_official": make_user("m_kohkong", PROVINCIAL_OFFICIALS, "09"),
        "outreach_staff": User.objects.get(username="outreach"),
        "moderator": User.objects.get(username="moderator"),
        "superuser": User.objects.get(username="admin"),
    }
    return events, users


def url(name, *args):
    return reverse(f"outreach_events:{name}", args=args)


def body(response):
    if not hasattr(response, "_body"):
        if getattr(response, "streaming", False):
            response._body = b"".join(response.streaming_content).decode()
        else:
            response._body = response.content.decode()
        if response.get("Content-Type", "").startswith("application/json"):
            response._body = json.dumps(json.loads(response._body), ensure_ascii=False)
    return response._body


def shows(response, title):
    return response.status_code == 200 and title in body(response)


def refused(response):
    """Not served: the login page, the dashboard's "no permission" redirect, 403 or 404."""
    if response.status_code in (403, 404):
        return True
    if response.status_code == 302:
        return response["Location"].startswith(("/admin/login/", "/admin/", "/km/admin/"))
    return False


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


ROLES = list(ACCESS)
EVENTS = list(TITLES)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "endpoint",
    ["list", "search", "results", "export_csv", "export_xlsx", "chooser", "chooser_search"],
)
def test_listings_show_only_the_area(world, client, role, endpoint):
    events, users = world
    client = client_for(client, users[role])
    query = {
        "list": (url("list"), {"start_from": at(-4).date().isoformat(), "start_to": at(0).date().isoformat()}),
        "search": (url("list"), {"q": "សម្ងាត់"}),
        "results": (url("list_results"), {"q": "សម្ងាត់"}),
        "export_csv": (url("list"), {"export": "csv"}),
        "export_xlsx": (url("list"), {"export": "xlsx"}),
        "chooser": (reverse("wagtailsnippetchoosers_campaigns_outreachevent:choose"), {}),
        "chooser_search": (reverse("wagtailsnippetchoosers_campaigns_outreachevent:choose_results"), {"q": "សម្ងាត់"}),
    }[endpoint]
    response = client.get(*query)
    cells = None
    if endpoint == "export_xlsx" and response.status_code == 200:
        content = b"".join(response.streaming_content) if response.streaming else response.content
        cells = {str(c.value) for row in load_workbook(BytesIO(content)).active.iter_rows() for c in row}
    for key, title in TITLES.items():
        allowed = "v" in ACCESS[role][key]
        if endpoint == "export_xlsx":
            if cells is not None:
                assert (title in cells) == allowed, (role, key)
            else:
                assert not allowed and refused(response), (role, response.status_code)
            continue
        if endpoint == "chooser" and allowed and role in ("outreach_staff", "moderator", "superuser"):
            continue  # every province's events: ours may be on another page (the search case checks them)
        if allowed:
            assert shows(response, title), (role, key, response.status_code)
        else:
            assert title not in body(response) if response.status_code == 200 else refused(response), (role, key)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("event_key", EVENTS)
@pytest.mark.parametrize("endpoint", ["inspect", "edit", "report", "verify", "delete", "usage", "history", "chosen"])
def test_single_event_pages(world, client, role, event_key, endpoint):
    events, users = world
    event = events[event_key]
    client = client_for(client, users[role])
    action = {"inspect": "v", "edit": "c", "report": "r", "verify": "f", "delete": "d", "usage": "v", "history": "v"}
    if endpoint == "chosen":
        response = client.get(reverse("wagtailsnippetchoosers_campaigns_outreachevent:chosen", args=(event.pk,)))
        needed = "v"
    else:
        response = client.get(url(endpoint, event.pk))
        needed = action[endpoint]
    if needed in ACCESS[role][event_key]:
        assert shows(response, TITLES[event_key]), (role, endpoint, response.status_code)
    else:
        assert refused(response), (role, endpoint, response.status_code)
        assert TITLES[event_key] not in body(response)
        if "v" not in ACCESS[role][event_key] and response.status_code == 302:
            # Another area's event is not found at all (the admin's 404 is served under /km/).
            assert client.get(response["Location"]).status_code == 404 or response["Location"].startswith(
                "/admin/login/"
            )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("event_key", EVENTS)
def test_posting_changes_only_what_the_role_may(world, client, role, event_key):
    events, users = world
    event = events[event_key]
    client = client_for(client, users[role])
    access = ACCESS[role][event_key]

    response = client.post(url("edit", event.pk), event_form(event, venue_km="កន្លែងថ្មី"))
    event.refresh_from_db()
    assert (event.venue_km == "កន្លែងថ្មី") == ("c" in access), (role, response.status_code)

    report = report_form(female="31", age_25_plus="31", loaded_version=str(event.version))
    response = client.post(url("report", event.pk), report)
    event.refresh_from_db()
    assert (event.female == 31) == ("r" in access), (role, response.status_code)

    # Verifying needs a reported ("held") event: the report above may just have made it one.
    verifiers = {"moderator", "superuser"} | ({"kampot_coordinator"} if event_key.startswith("kampot") else set())
    may_verify = event.status == "held" and role in verifiers
    response = client.post(url("verify", event.pk), {"loaded_version": event.version})
    event.refresh_from_db()
    assert (event.status == "verified") == may_verify, (role, response.status_code)

    response = client.post(url("delete", event.pk))
    gone = not OutreachEvent.objects.filter(pk=event.pk).exists()
    if event.status in ("held", "verified") and role not in ("moderator", "superuser"):
        access = access.replace("d", "")  # reported just now: officials no longer delete the report
    assert gone == ("d" in access), (role, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_bulk_delete_never_names_or_deletes_another_area(world, client, role):
    events, users = world
    client = client_for(client, users[role])
    ids = "&".join(f"id={e.pk}" for e in events.values())
    bulk = reverse("wagtail_bulk_action", args=("campaigns", "outreachevent", "delete"))
    response = client.get(f"{bulk}?{ids}")
    for key, title in TITLES.items():
        if "v" not in ACCESS[role][key]:
            assert title not in body(response), (role, key)
    client.post(f"{bulk}?{ids}")
    for key, event in events.items():
        exists = OutreachEvent.objects.filter(pk=event.pk).exists()
        assert exists != ("d" in ACCESS[role][key]), (role, key)


@pytest.mark.parametrize("role", ROLES)
def test_creating_in_another_province_is_refused(world, client, role):

    _events, users = world
    client = client_for(client, users[role])
    before = OutreachEvent.objects.count()
    client.post(url("add"), new_event_form("09", title_km="ព្រឹត្តិការណ៍សាកល្បងនៅកោះកុង"))
    created = OutreachEvent.objects.count() - before
    may_create_in_kohkong = role in ("kohkong_official", "outreach_staff", "moderator", "superuser")
    assert created == (1 if may_create_in_kohkong else 0), role


def test_copy_view_is_not_offered(world, client):
    events, users = world
    client.force_login(users["kampot_official"])
    assert client.get(f"/admin/outreach-events/copy/{events['kampot_a'].pk}/").status_code in (302, 404)
