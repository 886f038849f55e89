"""Input the site must not trust (issue 14): rate limits that cannot be flushed or shared, exports that
cannot carry formulas, numbers too large for the database, page passwords that cannot be guessed
without end, beacon counts that cannot be inflated, and no cookie for anonymous readers."""

import datetime
import io
import re

import pytest
from openpyxl import load_workbook

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import PageViewRestriction

from campaigns.demo.seed import DEMO_PASSWORD
from campaigns.lessons.class_reports import REPORTS_PER_HOUR, ClassReport
from campaigns.lessons.pages import LessonKitPage
from campaigns.models import CampaignPage, OutreachEvent
from campaigns.places import Province
from campaigns.reach.page_views import PageViewCount
from tests.campaigns.events.outreach_fixtures import make_event
from tests.security.public_urls import PHONE, public_urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

HUGE = "9" * 30


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def kit():
    return LessonKitPage.objects.get(slug_en="yama-the-facts")


def report_url(kit):
    with translation.override("km"):
        return reverse("report_class", args=[kit.pk])


def report_form(**changes):
    province = Province.objects.get(code="19")
    fields = {
        "school": "វិទ្យាល័យស្ទឹងត្រែង",
        "province": province.pk,
        "district": province.districts.order_by("code").first().pk,
        "date_taught": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "girls": "១២",
        "boys": "9",
        "other": "",
        "website": "",
    }
    fields.update(changes)
    return fields


def admin_client():
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


# 1. The teachers' form rate limit -------------------------------------------------------------------------


def test_the_class_report_limit_survives_a_flushed_cache(client, kit):
    for _ in range(REPORTS_PER_HOUR):
        assert client.post(report_url(kit), report_form()).status_code == 303
    cache.clear()  # what a few hundred page requests with new query strings do to a local-memory cache
    assert client.post(report_url(kit), report_form()).status_code == 429


def test_behind_a_proxy_each_teacher_has_a_limit_of_their_own(client, kit, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(REPORTS_PER_HOUR):
        response = client.post(report_url(kit), report_form(), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
        assert response.status_code == 303
    assert client.post(report_url(kit), report_form(), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 429
    # What the client writes in front of the proxy's entry changes nothing.
    spoofed = "198.51.100.7, 203.0.113.5"
    assert client.post(report_url(kit), report_form(), HTTP_X_FORWARDED_FOR=spoofed, **proxy).status_code == 429
    assert client.post(report_url(kit), report_form(), HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code == 303


def test_the_counts_keep_no_address(client, kit, settings):
    from home.security.rate_limits import RateCount

    settings.TRUSTED_PROXY_COUNT = 1
    client.post(report_url(kit), report_form(), HTTP_X_FORWARDED_FOR="203.0.113.5", REMOTE_ADDR="10.0.0.2")
    rows = list(RateCount.objects.values_list("scope", "key"))
    assert rows and all(re.fullmatch(r"[0-9a-f]{64}", key) for _, key in rows)
    assert "203.0.113.5" not in str(list(RateCount.objects.values()))


def test_null_and_other_scheme_origins_are_refused(client, kit):
    assert client.post(report_url(kit), report_form(), HTTP_ORIGIN="null").status_code == 403
    assert client.post(report_url(kit), report_form(), HTTP_ORIGIN="https://testserver").status_code == 403
    assert client.post(report_url(kit), report_form(), HTTP_ORIGIN="http://testserver.evil.example").status_code == 403
    assert client.post(report_url(kit), report_form(), HTTP_ORIGIN="http://testserver").status_code == 303


def test_old_windows_are_forgotten(monkeypatch):
    from home.security import rate_limits

    monkeypatch.setattr(rate_limits, "CLEANUP_ONE_IN", 10**12)  # no cleanup by chance during the test

    rate_limits.hit("test", "ក", seconds=60, now=timezone.now() - datetime.timedelta(hours=2))
    rate_limits.hit("test", "ក", seconds=60)
    assert rate_limits.forget_expired() == 1
    assert rate_limits.count("test", "ក", seconds=60) == 1
    rate_limits.hit("test", "ខ", seconds=60, now=timezone.now() - datetime.timedelta(hours=2))
    out = io.StringIO()
    call_command("forget_rate_counts", stdout=out)
    assert out.getvalue().strip() == "1 rate counts deleted."


# 2. Formulas in exports ------------------------------------------------------------------------------------


def test_neutralise_text_but_not_numbers():
    from home.security.spreadsheets import neutralise

    assert neutralise('=HYPERLINK("http://evil.example")') == '\'=HYPERLINK("http://evil.example")'
    for prefix in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(prefix + "1") == "'" + prefix + "1"
    assert neutralise("សាលា") == "សាលា"
    assert neutralise(-5) == -5
    assert neutralise(2.5) == 2.5
    assert neutralise(None) is None


def csv_export(client, url):
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig") if response.streaming else response.content.decode()


def test_the_class_reports_export_carries_no_formula(kit):
    ClassReport.objects.create(
        kit=kit,
        school='=HYPERLINK("http://evil.example","សាលា")',
        province=Province.objects.get(code="19"),
        district=Province.objects.get(code="19").districts.first(),
        date_taught=timezone.localdate(),
        girls=-0,
        boys=3,
    )
    client = admin_client()
    url = reverse("wagtailsnippets_campaigns_classreport:list")
    text = csv_export(client, url)
    assert "'=HYPERLINK" in text
    assert not re.search(r'(^|,)"?=HYPERLINK', text, re.MULTILINE)
    response = client.get(url, {"export": "xlsx"})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert '\'=HYPERLINK("http://evil.example","សាលា")' in values
    assert 3 in values  # numbers stay numbers


def test_the_events_export_carries_no_formula():
    event = make_event("07", "=1+2 ពិធីរំលឹក", title_en="@SUM(A1)")
    client = admin_client()
    text = csv_export(client, reverse("outreach_events:list"))
    assert "'=1+2 ពិធីរំលឹក" in text or "'@SUM(A1)" in text
    assert not re.search(r"(^|,)\"?[=@]", text, re.MULTILINE)
    assert OutreachEvent.objects.filter(pk=event.pk).exists()


def test_the_site_history_export_carries_no_formula():
    page = CampaignPage.objects.live().first()
    page.title_km = "=cmd|' /C calc'!A0"
    page.title = page.title_km
    page.save_revision(log_action=True)
    text = csv_export(admin_client(), reverse("wagtailadmin_reports:site_history"))
    assert "=cmd" in text
    assert not re.search(r"(^|,)\"?=cmd", text, re.MULTILINE)


def test_the_reach_export_carries_no_formula():
    campaign = CampaignPage.objects.live().first()
    CampaignPage.objects.filter(pk=campaign.pk).update(title="=1+1", title_km="=1+1", title_en="=1+1")
    client = admin_client()
    response = client.get(reverse("reach_export", kwargs={"fmt": "xlsx"}))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert "'=1+1" in [cell.value for cell in cells]
    assert not [cell.value for cell in cells if cell.data_type == "f"]
    assert not [cell.value for cell in cells if isinstance(cell.value, str) and cell.value.startswith("=")]
    text = client.get(reverse("reach_export", kwargs={"fmt": "csv"}))
    text = text.content.decode("utf-8-sig")
    assert "'=1+1" in text
    assert not re.search(r"(^|,)\"?=1\+1", text, re.MULTILINE)


# 3. Numbers and ids the database cannot hold --------------------------------------------------------------


def test_a_range_with_thousands_of_digits_is_answered():
    client = Client(raise_request_exception=False)
    url = public_urls("km")["kit_file"]
    for header in ("bytes=" + "9" * 5000 + "-", "bytes=0-" + "9" * 5000, "bytes=-" + "9" * 5000):
        response = client.get(url, HTTP_RANGE=header, HTTP_USER_AGENT=PHONE)
        assert response.status_code in (200, 206, 416), header[:12]


@pytest.mark.parametrize("number", [HUGE, str(2**63), str(2**64)])
def test_ids_too_large_for_the_database_are_bad_requests(number, kit):
    client = Client(raise_request_exception=False)
    response = client.post(f"/km/lesson-kits/report/{number}/", report_form())
    assert response.status_code == 400
    with translation.override("km"):
        assert response.content.decode() == gettext("The number in this address is too large to name anything.")
    admin = admin_client()
    assert admin.get(f"/admin/reach/{number}/").status_code == 400
    assert admin.get(f"/admin/bulk/wagtailcore/page/delete/?id={number}").status_code == 400
    assert admin.get(f"/admin/bulk/campaigns/outreachevent/delete/?id={number}").status_code == 400


def test_chosen_multiple_with_junk_ids_is_a_bad_request():
    response = admin_client().get("/admin/snippets/choose/campaigns/outreachevent/chosen-multiple/?id=abc")
    assert response.status_code == 400
    assert "abc" not in response.content.decode()


@pytest.mark.parametrize("model", ["topic", "outreachevent", "classreport"])
def test_posting_to_a_chooser_without_a_creation_form_is_refused(model):
    response = admin_client().post(f"/admin/snippets/choose/campaigns/{model}/create/", {"name": "ក"})
    assert response.status_code == 405


# 4. Page passwords, beacons, cookies ----------------------------------------------------------------------


@pytest.fixture
def protected_page():
    page = CampaignPage.objects.live().public().first()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="ពាក្យសម្ងាត់"
    )
    return page, restriction


def password_url(page, restriction):
    with translation.override("km"):
        return reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


def test_a_password_page_and_its_form_set_no_cookie_and_work_without_one(protected_page):
    page, restriction = protected_page
    client = Client(enforce_csrf_checks=True)
    with translation.override("km"):
        response = client.get(page.url)
    assert response.status_code == 200
    assert not response.cookies, response.cookies.output()
    assert b"csrfmiddlewaretoken" not in response.content
    wrong = client.post(password_url(page, restriction), {"password": "ខុស", "return_url": page.url})
    assert wrong.status_code == 200
    assert not wrong.cookies
    right = client.post(password_url(page, restriction), {"password": "ពាក្យសម្ងាត់", "return_url": page.url})
    assert right.status_code == 302


def test_page_passwords_cannot_be_guessed_without_end(protected_page, settings):
    page, restriction = protected_page
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        assert client.post(password_url(page, restriction), {"password": "ខុស", "return_url": "/"}).status_code == 200
    locked = client.post(password_url(page, restriction), {"password": "ពាក្យសម្ងាត់", "return_url": "/"})
    assert locked.status_code == 429
    with translation.override("km"):
        assert "ព្យាយាម" in locked.content.decode()
    # Another reader is not locked out by one guesser.
    other = client.post(
        password_url(page, restriction), {"password": "ពាក្យសម្ងាត់", "return_url": "/"}, REMOTE_ADDR="10.9.9.9"
    )
    assert other.status_code == 302


def test_a_password_post_from_another_site_is_refused(protected_page):
    page, restriction = protected_page
    response = Client().post(
        password_url(page, restriction), {"password": "ពាក្យសម្ងាត់", "return_url": "/"}, HTTP_ORIGIN="null"
    )
    assert response.status_code == 403


def test_the_front_end_sign_in_sets_no_cookie_until_someone_signs_in():
    get_user_model().objects.create_user("sokha", password="ពាក្យ-សម្ងាត់-១២៣")
    client = Client(enforce_csrf_checks=True)
    with translation.override("km"):
        url = reverse("wagtailcore_login")
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies, response.cookies.output()
    assert client.post(url, {"username": "sokha", "password": "ពាក្យ-សម្ងាត់-១២៣"}).status_code == 302
    assert Client().post(url, {"username": "sokha", "password": "x"}, HTTP_ORIGIN="null").status_code == 403


def test_beacon_views_from_one_client_are_counted_within_a_budget(settings):
    from campaigns.reach.page_views import BEACON_VIEWS_PER_HOUR

    url = public_urls("km")["beacon"]
    page_id = int(url.split("/")[2])
    client = Client()
    for _ in range(BEACON_VIEWS_PER_HOUR + 5):
        assert client.get(url, HTTP_USER_AGENT=PHONE).status_code == 200
    counted = sum(PageViewCount.objects.filter(page_id=page_id).values_list("count", flat=True))
    assert counted == BEACON_VIEWS_PER_HOUR
    client.get(url, HTTP_USER_AGENT=PHONE, REMOTE_ADDR="10.4.4.4")
    assert sum(PageViewCount.objects.filter(page_id=page_id).values_list("count", flat=True)) == counted + 1


def test_the_staff_sign_in_lockout_survives_flushed_caches(client, settings):
    from django.core.cache import caches

    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "kampot", "password": "wrong-guess-1234"})
    for alias in settings.CACHES:
        caches[alias].clear()
    assert client.post("/admin/login/", {"username": "kampot", "password": DEMO_PASSWORD}).status_code == 429
