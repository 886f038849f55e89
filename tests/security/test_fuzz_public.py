"""Bad input everywhere a visitor can type or edit an address: never a 500, never a changed record.

Every public query parameter (search, campaign and lesson kit filters, the
events calendar and its feeds, the help finder), the counters (view beacon,
downloads with their Range header) and the teachers' class report get
hostile values from ``tests/security/fuzz.py``. Each must answer with a page
or a 4xx; forms come back with the error shown; nothing already saved changes.
"""

import datetime
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from django.urls import reverse
from django.utils import timezone, translation

from campaigns.lessons.class_reports import ClassReport
from campaigns.lessons.downloads import DownloadCount
from campaigns.lessons.pages import LessonKitPage
from campaigns.places import Province
from tests.security.fuzz import (
    SNAPSHOT_MODELS,
    answered,
    as_bytes,
    encode,
    fresh,
    hostile_value,
    params_strategy,
    snapshot,
    unchanged,
)
from tests.security.public_urls import PHONE, public_urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

LANGUAGES = st.sampled_from(["km", "en"])


def path_of(kind, language):
    return public_urls(language)[kind].split("?")[0]


def get(client, path, params):
    before = snapshot()
    fresh()
    response = answered(client.get(f"{path}?{encode(params)}"))
    unchanged(before, snapshot())
    return response


SEARCH_PARAMS = ["q", "kind", "topic", "grade_band", "province", "campaign", "page"]


@given(language=LANGUAGES, params=params_strategy(SEARCH_PARAMS))
@example(language="km", params=[("q", "យ៉ាម៉ា\x00"), ("topic", "\x00")])
@example(language="en", params=[("q", "drugs"), ("province", "07\x00"), ("campaign", "9" * 30)])
@example(language="km", params=[("q", "យ៉ាម៉ា"), ("page", "៩៩៩៩៩៩៩៩៩៩៩៩")])
@example(language="en", params=[("q", b"\xed\xa0\x80drugs"), ("kind", b"\xff")])
def test_search(client, language, params):
    get(client, reverse("search:search").replace("/km/", f"/{language}/"), params)


@given(language=LANGUAGES, params=params_strategy(["topic", "audience", "page"]))
@example(language="km", params=[("topic", "\x00"), ("audience", "a\x00b")])
@example(language="en", params=[("page", str(2**63)), ("topic", "' OR 1=1 --")])
def test_campaign_index_filters(client, language, params):
    get(client, path_of("campaign_index", language), params)


KIT_PARAMS = ["grade", "topic", "duration", "language", "campaign", "page", "reported"]


@given(language=LANGUAGES, params=params_strategy(KIT_PARAMS))
@example(language="km", params=[("topic", "\x00"), ("grade", "lower_secondary")])
@example(language="en", params=[("campaign", "9" * 30)])
@example(language="km", params=[("campaign", "១២៣")])
def test_lesson_kit_filters(client, language, params):
    get(client, path_of("lesson_kit_index", language), params)


CALENDAR_PARAMS = ["month", "province", "campaign", "kind", "day", "when", "page"]


@given(
    language=LANGUAGES, view=st.sampled_from(["events_month", "events_list"]), params=params_strategy(CALENDAR_PARAMS)
)
@example(language="km", view="events_month", params=[("month", "២០២៦-1-៣")])
@example(language="km", view="events_month", params=[("month", "២០២៦-០៥"), ("province", "07\x00")])
@example(language="en", view="events_month", params=[("month", "9999-12")])
@example(language="en", view="events_month", params=[("month", "2100-12")])
@example(language="en", view="events_month", params=[("month", "2000-01")])
@example(language="en", view="events_list", params=[("day", "9999-12-31"), ("campaign", "\x00")])
@example(language="km", view="events_list", params=[("day", "2100-12-31")])
@example(language="km", view="events_list", params=[("day", "២០២៦-០៥-០១"), ("page", "9" * 30)])
def test_events_calendar(client, language, view, params):
    response = get(client, path_of(view, language), params)
    if response.status_code == 400:
        assert b'role="alert"' in response.content or b"role=alert" in response.content, "no message shown"


@given(
    language=LANGUAGES,
    kind=st.sampled_from(["province", "campaign", "event", "all"]),
    value=hostile_value,
    params=params_strategy(CALENDAR_PARAMS),
)
@example(language="km", kind="province", value="07\x00", params=[("x", "")])
@example(language="en", kind="event", value="9" * 30, params=[("x", "")])
def test_calendar_feeds(client, language, kind, value, params):

    segment = quote_from_bytes(as_bytes(value), safe="") or "x"
    path = {
        "province": f"/{language}/events/province/{segment}.ics",
        "campaign": f"/{language}/events/campaign/{segment}.ics",
        "event": f"/{language}/events/{segment}.ics",
        "all": reverse("events:feed").replace("/km/", f"/{language}/"),
    }[kind]
    get(client, path, params)


@given(language=LANGUAGES, params=params_strategy(["province", "page"]))
@example(language="km", params=[("province", "07\x00")])
@example(language="en", params=[("province", b"\xed\xa0\x80")])
def test_help_finder(client, language, params):
    response = get(client, path_of("help_finder", language), params)
    assert response.status_code == 200


@given(value=hostile_value, page=st.one_of(st.just(None), hostile_value), params=params_strategy(["x", "v", "t"]))
@example(value="km\x00", page=None, params=[("x", "")])
@example(value="km", page="9" * 30, params=[("x", "")])
def test_view_beacon(client, value, page, params):
    """Junk in the beacon's address counts nothing and answers 404, 400 for a number too large for an id
    (home/http/bad_input.py), or the pixel for a real page."""

    page_id = public_urls("km")["beacon"].split("/")[2]
    language = quote_from_bytes(as_bytes(value), safe="") or "x"
    page_part = page_id if page is None else (quote_from_bytes(as_bytes(page), safe="") or "x")
    response = get(client, f"/beacon/{page_part}/{language}.gif", params)
    assert response.status_code in (200, 400, 404)


RANGES = st.one_of(
    st.sampled_from(
        ["bytes=0-", "bytes=-0", "bytes=99999999999999999999999-", "bytes=5-1", "bytes=0-0,5-9", "bytes=-", "bytes=x-y"]
    ),
    hostile_value.map(lambda v: v if isinstance(v, str) else v.decode("latin-1")),
)


@given(
    target=st.sampled_from(["kit_file", "kit_zip"]),
    segment=st.one_of(st.just(None), hostile_value),
    byte_range=st.one_of(st.just(None), RANGES),
)
@example(target="kit_zip", segment="km\x00", byte_range=None)
@example(target="kit_file", segment="9" * 30, byte_range=None)
@example(target="kit_file", segment=None, byte_range="bytes=99999999999999999999999-")
@example(target="kit_file", segment=None, byte_range="bytes=-99999999999999999999999")
def test_downloads(client, target, segment, byte_range):
    """A download with a hostile file id, language or Range: 200, 206, 404 or 416; counted only when it is one."""

    url = public_urls("km")[target]
    if segment is not None:
        url = url.rstrip("/").rsplit("/", 1)[0] + "/" + (quote_from_bytes(as_bytes(segment), safe="") or "x") + "/"
    headers = {}
    if byte_range is not None:
        headers["HTTP_RANGE"] = byte_range.replace("\x00", "")  # a header cannot carry NUL (the server refuses it)
    others = [label for label in SNAPSHOT_MODELS if label != "campaigns.DownloadCount"]
    before = snapshot(others)
    counted = sum(DownloadCount.objects.values_list("count", flat=True))
    fresh()
    response = answered(client.get(url, HTTP_USER_AGENT=PHONE, **headers), allowed=(200, 206, 301, 302, 404, 416))
    unchanged(before, snapshot(others))
    now = sum(DownloadCount.objects.values_list("count", flat=True))
    whole = response.status_code == 200 or (
        response.status_code == 206 and response["Content-Range"].startswith("bytes 0-")
    )
    assert now - counted == (1 if whole else 0)


def report_fields(kit):
    province = Province.objects.get(code="07")
    return {
        "school": "សាលាបឋមសិក្សាកំពត",
        "province": str(province.pk),
        "district": str(province.districts.order_by("code").first().pk),
        "date_taught": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "girls": "១២",
        "boys": "10",
        "other": "",
        "website": "",
    }


REPORT_FIELDS = ["school", "province", "district", "date_taught", "girls", "boys", "other"]


@given(
    language=LANGUAGES,
    changes=st.lists(st.tuples(st.sampled_from(REPORT_FIELDS), hostile_value), min_size=1, max_size=3),
)
@example(language="km", changes=[("school", "សាលា\x00")])
@example(language="km", changes=[("date_taught", "0001-01-01")])
@example(language="en", changes=[("date_taught", "9999-12-31")])
@example(language="km", changes=[("date_taught", "២០២៦-1-៣")])
@example(language="en", changes=[("girls", "9" * 30), ("province", "9" * 30)])
@example(language="km", changes=[("district", "\x00"), ("boys", "1e309")])
@example(language="en", changes=[("school", "x" * 5000)])
def test_class_report_form(client, language, changes):
    """Hostile fields: the kit page again with the form's error shown (400), or the report saved (303)."""
    kit = LessonKitPage.objects.live().public().order_by("path").first()
    fields = report_fields(kit)
    for name, value in changes:
        fields[name] = value
    body = encode(fields.items())
    before = snapshot()
    fresh()
    with translation.override(language):
        url = reverse("report_class", args=[kit.pk])
    response = answered(
        client.post(url, body, content_type="application/x-www-form-urlencoded"), allowed=(303, 400, 413)
    )
    unchanged(before, snapshot(), added={"campaigns.ClassReport": 1 if response.status_code == 303 else 0})
    if response.status_code == 400:
        html = response.content.decode()
        assert 'class="error"' in html or 'class="form-errors"' in html, "the form came back without its error"
        assert f'lang="{language}"' in html
    if response.status_code == 303:
        assert ClassReport.objects.count() == len(before["campaigns.ClassReport"]) + 1


@pytest.mark.parametrize(
    "kind",
    [
        "home",
        "campaign",
        "fact_sheet_index",
        "fact_sheet",
        "lesson_kit",
        "event",
        "not_found",
    ],
)
@settings(max_examples=12)
@given(params=params_strategy(["page", "q", "reported", "utm_source", "lang", "\x00", "a" * 300]))
def test_junk_parameters_on_every_page_kind(client, kind, params):
    """Parameters a page does not read are ignored, whatever they hold."""
    url = public_urls("km")[kind]
    response = get(client, url.split("?")[0], params)
    assert response.status_code == (404 if kind == "not_found" else 200)


def send_huge_numbers(client, *, post=False):
    """Every parameter of every URL pattern a number too large for the database, with such numbers in the
    headers too: [(address, status)] of every answer that is a server error."""
    from django.test import override_settings

    from tests.security.fuzz import HUGE_NUMBERS, huge_headers, huge_number_addresses

    errors = []
    with override_settings(TRUSTED_PROXY_COUNT=1):
        for index, (_route, address) in enumerate(huge_number_addresses()):
            number = HUGE_NUMBERS[index % len(HUGE_NUMBERS)]
            headers = huge_headers(number)
            if post:
                headers["CONTENT_LENGTH"] = number
                response = client.post(address, {"id": number, "password": number}, **headers)
            else:
                response = client.get(address, {"id": number, "page": number}, **headers)
            if response.status_code >= 500:
                errors.append((address[:120], response.status_code))
            elif getattr(response, "streaming", False):
                b"".join(response.streaming_content)
    return errors


def test_huge_numbers_in_every_address_and_header():
    """Generated from the URL configuration, so a new pattern joins this test by itself."""
    from django.test import Client

    client = Client(raise_request_exception=False)
    fresh()
    assert send_huge_numbers(client) == []
    assert send_huge_numbers(client, post=True) == []
