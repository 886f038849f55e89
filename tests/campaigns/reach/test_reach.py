"""Reach (journey 1 step 5): every figure traceable to records, the same on the dashboard, in the
exports and on the public page; page views counted without tracking."""

import csv
import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.users.models import UserProfile

from campaigns.events.models import OutreachEvent
from campaigns.events.officials import OfficialArea
from campaigns.lessons.class_reports import ClassReport
from campaigns.lessons.downloads import DownloadCount, count_download
from campaigns.models import CampaignIndexPage, CampaignPage, FactSheetPage, LessonKitPage, ManualReach, Province
from campaigns.reach import charts as reach_charts
from campaigns.reach.figures import VERSION_KEY, reach_figures, reach_version
from campaigns.reach.page_views import PageViewCount, count_view

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo site (tests/conftest.py)

PHONE = "Mozilla/5.0 (Linux; Android 10) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"
START, END = datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)


@pytest.fixture
def known(db):
    """A campaign with a known set of records, and records that must not count."""
    cache.clear()
    index = CampaignIndexPage.objects.get()
    campaign = index.add_child(
        instance=CampaignPage(
            title_km="យុទ្ធនាការសាកល្បង",
            title_en="Known campaign",
            slug_km="known",
            slug_en="known",
            summary_km="សេចក្តីសង្ខេប។",
            summary_en="Summary.",
            start_date=START,
            end_date=END,
        )
    )
    campaign.save_revision().publish()
    kit = LessonKitPage.objects.get(slug_en="yama-the-facts")
    kit.campaign = campaign
    kit.save_revision().publish()
    sheet = FactSheetPage.objects.get(slug_en="heroin")
    sheet.related_campaigns.add(campaign)
    sheet.save()
    other = CampaignPage.objects.get(slug_en="drug-free-schools")
    day = datetime.date(2026, 1, 5)
    for page_id, language, views, when in [
        (campaign.pk, "km", 10, day),
        (campaign.pk, "en", 5, day + datetime.timedelta(days=1)),
        (kit.pk, "km", 3, day),
        (sheet.pk, "en", 2, day + datetime.timedelta(days=8)),
        (other.pk, "km", 100, day),  # another campaign
        (campaign.pk, "km", 7, datetime.date(2025, 12, 31)),  # before the period
    ]:
        PageViewCount.objects.create(day=when, page_id=page_id, language=language, count=views)
    DownloadCount.objects.create(day=day, kit=kit, target="zip:km", language="km", count=4)
    stung_treng, kampot = Province.objects.get(code="19"), Province.objects.get(code="07")
    district = stung_treng.districts.first()
    ClassReport.objects.filter(kit=kit).delete()
    for status, girls, boys, taught in [
        ("accepted", 20, 18, day + datetime.timedelta(days=2)),
        ("pending", 15, 15, day),
        ("rejected", 40, 40, day),
        ("accepted", 9, 9, datetime.date(2026, 5, 1)),  # after the period
    ]:
        ClassReport.objects.create(
            kit=kit,
            school="សាលា",
            province=stung_treng,
            district=district,
            date_taught=taught,
            girls=girls,
            boys=boys,
            status=status,
        )
    ManualReach.objects.create(
        campaign=campaign, channel="broadcast", day=day, people=1000, source="TV audience report"
    )
    ManualReach.objects.create(
        campaign=campaign, channel="print", day=day, province=kampot, people=50, source="Leaflets"
    )
    return campaign


def test_a_chosen_period_limits_every_channel(known):
    client = staff_client()
    data = json.loads(
        client.get(reverse("reach_campaign_export", args=[known.pk, "json"]) + f"?start={START}&end={END}").content
    )
    assert data["people"]["total"] == 1088 and data["start"] == "2026-01-01"
    year = json.loads(client.get(reverse("reach_campaign_export", args=[known.pk, "json"]) + "?year=2025").content)
    assert year["impressions"]["page_views"] == 7 and year["people"]["total"] == 0
    bad = client.get(reverse("reach_campaign", args=[known.pk]) + "?start=2026-03-01&end=2026-01-01")
    assert bad.status_code == 400 and "help-critical" in bad.content.decode()  # the form says why, a 4xx


def test_figures_come_from_the_records(known):
    figures = reach_figures([known.pk], START, END)
    assert (figures.page_views, figures.downloads, figures.impressions) == (20, 4, 24)
    assert (figures.classes, figures.manual, figures.events, figures.people) == (38, 1050, 0, 1088)
    assert figures.by_sex == {"female": 20, "male": 18, "other": 0}
    assert figures.manual_by_channel == {"broadcast": 1000, "print": 50}
    provinces = {Province.objects.get(pk=k).code: sum(v.values()) for k, v in figures.by_province.items()}
    assert provinces == {"19": 38, "07": 50}
    assert figures.provinces_reached == 2
    weeks = {week.isoformat(): row for week, row in figures.weekly.items()}
    assert weeks["2026-01-05"] == {"page_views": 18, "downloads": 4, "people": 38 + 1050}
    assert weeks["2026-01-12"] == {"page_views": 2}


def staff_client():
    client = Client()
    client.force_login(get_user_model().objects.get(username="outreach"))
    return client


def test_dashboard_exports_and_public_page_agree(known):
    """By default reach runs from the campaign's start to today: the class taught in May counts too."""
    client = staff_client()
    query = ""
    page = BeautifulSoup(client.get(reverse("reach_campaign", args=[known.pk]) + query).content, "html.parser")
    totals = [li.select_one("strong").get_text() for li in page.select(".reach-totals li")]
    assert totals[:2] in (["១.១០៦", "២៤"], ["1,106", "24"])

    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("reach_campaign_export", args=[known.pk, "csv"]) + query).content.decode("utf-8-sig")
            )
        )
    )[1:]
    data = json.loads(client.get(reverse("reach_campaign_export", args=[known.pk, "json"]) + query).content)
    assert data["people"] == {"events": 0, "classes": 56, "other_channels": 1050, "total": 1106}
    assert data["impressions"] == {"page_views": 20, "downloads": 4}
    assert [[r["section"], r["item"], str(r["value"])] for r in data["rows"]] == rows

    from openpyxl import load_workbook  # imported here, not at the top: only this path needs it (start-up time)

    workbook = load_workbook(
        io.BytesIO(client.get(reverse("reach_campaign_export", args=[known.pk, "xlsx"]) + query).content)
    )
    sheet_rows = [[str(c) for c in row] for row in workbook.active.iter_rows(min_row=3, values_only=True)]
    assert sheet_rows == rows

    html_values = {}
    for table in page.select(".reach-table"):
        for tr in table.select("tr"):
            html_values[(table.caption.get_text(strip=True), tr.th.get_text())] = tr.td.get_text()
    assert len(html_values) == len(rows)

    cache.clear()
    with translation.override("en"):
        public = client.get(known.get_url()).content.decode()
    assert "This campaign has reached 1,106 people in 2 provinces." in public
    with translation.override("km"):
        khmer = Client().get(known.get_url()).content.decode()
    assert "១.១០៦" in khmer


def test_unverified_or_moved_records_leave_reach(known):
    report = ClassReport.objects.get(kit__campaign=known, status="accepted", girls=20)
    report.status = ClassReport.Status.REJECTED
    report.save()
    assert reach_figures([known.pk], START, END).classes == 0


def test_editing_a_campaign_keeps_its_reach(known):
    known.title_en = "Renamed"
    known.body_en = [{"type": "text", "value": "<p>New body</p>"}]
    known.save_revision().publish()
    assert reach_figures([known.pk], START, END).people == 1088


def test_manual_entries_are_checked(known):

    for changes, field in [
        ({"people": 0}, "people"),
        ({"source": "  "}, "source"),
        ({"day": datetime.date(2027, 6, 1)}, "day"),
    ]:
        entry = ManualReach(campaign=known, channel="social", day=START, people=10, source="Facebook insights")
        for name, value in changes.items():
            setattr(entry, name, value)
        with pytest.raises(ValidationError) as error:
            entry.full_clean()
        assert field in error.value.message_dict
    client = staff_client()
    response = client.post(
        reverse("wagtailsnippets_campaigns_manualreach:add"),
        {"campaign": known.pk, "channel": "social", "day": "2026-02-01", "people": "-5", "source": "", "province": ""},
    )
    assert response.status_code == 200
    assert ManualReach.objects.filter(campaign=known).count() == 2


def test_only_staff_with_the_permission_read_reach(known, client):
    url = reverse("reach_campaign", args=[known.pk])
    assert client.get(url).status_code == 302  # to the login
    official = get_user_model().objects.create_user("official-kampot", password="x")
    official.groups.add(Group.objects.get(name="Provincial officials"))
    client.force_login(official)
    assert client.get(url).status_code in (302, 403)
    assert client.get(reverse("reach_export", args=["json"])).status_code in (302, 403)
    assert staff_client().get(reverse("reach")).status_code == 200


def test_all_campaigns_dashboard_query_count_is_constant(known, django_assert_max_num_queries):
    client = staff_client()
    client.get(reverse("reach"))
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("reach"))
    for n in range(50):
        PageViewCount.objects.create(
            day=START + datetime.timedelta(days=30 + n), page_id=known.pk, language="km", count=n
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("reach"))


# Page views ---------------------------------------------------------------


def beacon_url(page, language="km"):
    return reverse("beacon", args=[page.pk, language])


def views_today(page):
    return sum(PageViewCount.objects.filter(page_id=page.pk, day=timezone.localdate()).values_list("count", flat=True))


@pytest.mark.django_db
def test_pages_carry_a_beacon_and_it_counts_a_view(client):
    campaign = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
    with translation.override("en"):
        html = client.get(campaign.get_url()).content.decode()
    assert f'src="/beacon/{campaign.pk}/en.gif"' in html
    before = views_today(campaign)
    response = client.get(beacon_url(campaign, "en"), HTTP_USER_AGENT=PHONE)
    assert response.status_code == 200 and response["Content-Type"] == "image/gif"
    assert response["Cache-Control"].startswith("no-store")
    assert not response.cookies
    assert views_today(campaign) == before + 1
    assert PageViewCount.objects.get(page_id=campaign.pk, day=timezone.localdate(), language="en").count >= 1


@pytest.mark.django_db
def test_robots_head_and_junk_are_not_counted(client):
    campaign = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
    rows = PageViewCount.objects.count()
    before = views_today(campaign)
    client.get(beacon_url(campaign), HTTP_USER_AGENT="Mozilla/5.0 (compatible; bingbot/2.0)")
    client.get(beacon_url(campaign), HTTP_USER_AGENT="")
    assert client.head(beacon_url(campaign), HTTP_USER_AGENT=PHONE).status_code == 405
    assert views_today(campaign) == before
    for junk in ["/beacon/999999/km.gif", f"/beacon/{campaign.pk}/fr.gif", f"/beacon/{campaign.pk}/{'x' * 500}.gif"]:
        assert client.get(junk, HTTP_USER_AGENT=PHONE).status_code == 404
    draft = CampaignPage.objects.get(slug_en="talk-with-your-children")
    draft.unpublish()
    assert client.get(beacon_url(draft), HTTP_USER_AGENT=PHONE).status_code == 404
    assert PageViewCount.objects.count() == rows


@pytest.mark.django_db
def test_previews_carry_no_beacon(client):
    client.force_login(get_user_model().objects.get(username="outreach"))
    campaign = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[campaign.pk]))
    assert response.status_code == 200
    assert "/beacon/" not in response.content.decode()


def test_view_counts_store_nothing_about_the_visitor():
    assert {f.name for f in PageViewCount._meta.get_fields()} == {"id", "day", "page", "language", "count"}


def make_verified_event(
    campaign, province_code, when, female, male, under_15, age_15_24, age_25_plus, status="verified"
):

    start = timezone.make_aware(datetime.datetime.combine(when, datetime.time(9, 0)))
    return OutreachEvent.objects.create(
        campaign=campaign,
        title_km="កិច្ចប្រជុំភូមិ",
        title_en="Village meeting",
        kind="community_meeting",
        start=start,
        end=start + datetime.timedelta(hours=2),
        province=Province.objects.get(code=province_code),
        venue_km="សាលាឆាន់",
        organiser_km="គណៈកម្មាធិការខេត្ត",
        audience_km="អ្នកភូមិ",
        expected_attendance=80,
        female=female,
        male=male,
        other_sex=0,
        age_under_15=under_15,
        age_15_24=age_15_24,
        age_25_plus=age_25_plus,
        status=status,
    )


def test_verified_events_count_and_unverifying_removes_them(known):
    event = make_verified_event(known, "19", datetime.date(2026, 1, 20), 30, 25, 10, 20, 25)
    make_verified_event(known, "07", datetime.date(2026, 1, 21), 100, 100, 0, 0, 200, status="held")  # not verified
    figures = reach_figures([known.pk], START, END)
    assert figures.events == 55
    assert figures.people == 1088 + 55
    assert figures.by_sex == {"female": 50, "male": 43, "other": 0}
    assert figures.by_age == {"under_15": 10, "15_24": 20, "25_plus": 25, "not_known": 38}
    event.status = "cancelled"
    event.save()
    assert reach_figures([known.pk], START, END).events == 0


def test_an_event_counts_on_its_day_in_phnom_penh_and_moves_with_its_start(known):
    """Reach groups events by their date in Phnom Penh (UTC+7), kept by save() in ``day``."""
    event = make_verified_event(known, "19", datetime.date(2026, 2, 10), 30, 25, 10, 20, 25)
    # 31 March 20:00 UTC is 1 April 03:00 in Phnom Penh: after the period.
    event.start = datetime.datetime(2026, 3, 31, 20, 0, tzinfo=datetime.UTC)
    event.end = event.start + datetime.timedelta(hours=2)
    event.save(update_fields=["start", "end"])
    event.refresh_from_db()
    assert event.day == datetime.date(2026, 4, 1)
    assert reach_figures([known.pk], START, END).events == 0
    assert reach_figures([known.pk], START, datetime.date(2026, 4, 1)).events == 55
    # 31 March 16:00 UTC is 23:00 the same day in Phnom Penh: inside, in the week of Monday 30 March.
    event.start = datetime.datetime(2026, 3, 31, 16, 0, tzinfo=datetime.UTC)
    event.end = event.start + datetime.timedelta(hours=2)
    event.save()
    figures = reach_figures([known.pk], START, END)
    assert figures.events == 55
    assert figures.weekly[datetime.date(2026, 3, 30)]["people"] >= 55


def test_an_official_sees_reach_only_for_their_own_area(known):

    make_verified_event(known, "19", datetime.date(2026, 1, 20), 30, 25, 10, 20, 25)
    make_verified_event(known, "07", datetime.date(2026, 1, 22), 5, 5, 0, 10, 0)
    official = get_user_model().objects.create_user("stung-treng-official", password="x")
    official.groups.add(Group.objects.get(name="Provincial officials"))
    OfficialArea.objects.create(user=official, province=Province.objects.get(code="19"))
    client = Client()
    client.force_login(official)
    data = json.loads(
        client.get(reverse("reach_campaign_export", args=[known.pk, "json"]) + f"?start={START}&end={END}").content
    )
    assert data["people"] == {"events": 55, "classes": 38, "other_channels": 0, "total": 93}
    assert data["impressions"] == {"page_views": 0, "downloads": 0}
    html = client.get(reverse("reach_campaign", args=[known.pk])).content.decode()
    assert "help-info" in html


@pytest.fixture
def reach_cache(settings):
    """Reach figures cached as in production (off in the other tests: data rolls back, caches do not)."""

    settings.REACH_CACHE_SECONDS = 600
    caches["shared"].clear()
    yield caches["shared"]
    caches["shared"].clear()


def test_cached_reach_is_the_same_and_costs_fewer_queries(known, reach_cache):

    with CaptureQueriesContext(connection) as first:
        figures = reach_figures([known.pk], START, END)
    with CaptureQueriesContext(connection) as second:
        again = reach_figures([known.pk], START, END)
    assert again == figures
    assert (again.page_views, again.downloads, again.people) == (20, 4, 1088)
    assert len(second) < 4 < len(first), (len(first), len(second))
    # A cached copy is never changed by what a caller does with the figures it got.
    again.by_sex["female"] = 0
    assert reach_figures([known.pk], START, END).by_sex["female"] == 20


def test_cached_reach_shows_each_saved_change_at_once(known, reach_cache, django_capture_on_commit_callbacks):

    assert reach_figures([known.pk], START, END).people == 1088
    with django_capture_on_commit_callbacks(execute=True):
        event = make_verified_event(known, "19", datetime.date(2026, 1, 20), 30, 25, 10, 20, 25)
    assert reach_figures([known.pk], START, END).people == 1088 + 55
    with django_capture_on_commit_callbacks(execute=True):
        event.status = "cancelled"
        event.save()
    assert reach_figures([known.pk], START, END).people == 1088
    with django_capture_on_commit_callbacks(execute=True):
        report = ClassReport.objects.get(kit__campaign=known, status="pending")
        report.status = "accepted"
        report.save()
    assert reach_figures([known.pk], START, END).classes == 38 + 30
    with django_capture_on_commit_callbacks(execute=True):
        ManualReach.objects.filter(campaign=known, channel="print").delete()
    assert reach_figures([known.pk], START, END).manual == 1000
    with django_capture_on_commit_callbacks(execute=True):
        OutreachEvent.objects.filter(pk=event.pk).delete()
    assert reach_figures([known.pk], START, END).events == 0


def test_cached_reach_counts_todays_views_and_downloads_live(known, reach_cache):
    """Today's counters change with every reader and send no signal: they are never cached."""

    today = timezone.localdate()
    start = today - datetime.timedelta(days=30)
    before = reach_figures([known.pk], start, today)
    count_view(known.pk, "km")
    count_view(known.pk, "en")
    kit = LessonKitPage.objects.get(campaign=known)
    count_download(kit, "zip:km", "km")
    after = reach_figures([known.pk], start, today)
    assert after.page_views == before.page_views + 2
    assert after.downloads == before.downloads + 1
    assert after.per_campaign[known.pk]["page_views"] == before.per_campaign[known.pk]["page_views"] + 2
    monday = today - datetime.timedelta(days=today.weekday())
    assert after.weekly[monday]["page_views"] == before.weekly.get(monday, {}).get("page_views", 0) + 2
    # The dashboard and the export read the same figures.
    data = json.loads(
        staff_client()
        .get(reverse("reach_campaign_export", args=[known.pk, "json"]) + f"?start={start}&end={today}")
        .content
    )
    assert data["impressions"]["page_views"] == after.page_views


def test_a_chart_is_drawn_once_per_data_and_language(monkeypatch):

    cache.clear()
    drawn = []
    real_svg = reach_charts.svg
    monkeypatch.setattr(reach_charts, "svg", lambda chart: drawn.append(chart) or real_svg(chart))
    rows = [("ស្ទឹងត្រែង", 1250), ("កំពត", 50)]
    with translation.override("km"):
        first = reach_charts.province_bars(rows, "មនុស្សតាមខេត្ត")
        assert reach_charts.province_bars(rows, "មនុស្សតាមខេត្ត") == first
        assert "១.២៥០" in first or "១,២៥០" in first  # Khmer digits in the Khmer chart
        assert len(drawn) == 1
        reach_charts.province_bars([("ស្ទឹងត្រែង", 1251)], "មនុស្សតាមខេត្ត")
        assert len(drawn) == 2, "other data, another chart"
    with translation.override("en"):
        english = reach_charts.province_bars(rows, "មនុស្សតាមខេត្ត")
    assert len(drawn) == 3 and "1,250" in english


def test_what_reach_does_not_count_leaves_the_cached_figures(known, reach_cache, django_capture_on_commit_callbacks):
    """Officials log planned events and teachers send classes all day: none of it counts yet, so the
    cached figures stay; verifying, accepting or un-verifying does make them stale."""

    version = reach_version()
    with django_capture_on_commit_callbacks(execute=True):
        planned = make_verified_event(known, "07", datetime.date(2026, 2, 2), 10, 10, 0, 0, 20, status="planned")
        planned.title_km = "កិច្ចប្រជុំភូមិ (កែ)"
        planned.save()
        report = ClassReport.objects.get(kit__campaign=known, status="pending")
        report.school = "សាលាបឋមសិក្សាកំពត"
        report.save()
    assert reach_cache.get(VERSION_KEY) == version
    with django_capture_on_commit_callbacks(execute=True):
        planned.status = "verified"
        planned.save()
    assert reach_cache.get(VERSION_KEY) != version
    assert reach_figures([known.pk], START, END).events == 20
    version = reach_version()
    with django_capture_on_commit_callbacks(execute=True):
        again = type(planned).objects.get(pk=planned.pk)  # loaded verified, saved held: counted before
        again.status = "held"
        again.save()
    assert reach_cache.get(VERSION_KEY) != version
    assert reach_figures([known.pk], START, END).events == 0


@pytest.mark.parametrize(("language", "zone"), [("en", "Phnom Penh time (UTC+7)"), ("km", "ម៉ោងភ្នំពេញ (UTC+៧)")])
def test_the_period_dates_say_they_are_phnom_penh_days(known, language, zone):
    """Issue 16: the dashboard's date-only fields carry the same time-zone note as every date staff type."""
    client = staff_client()
    user = get_user_model().objects.get(username="outreach")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    page = BeautifulSoup(client.get(reverse("reach_campaign", args=[known.pk])).content, "html.parser")
    for name in ("start", "end"):
        field = page.find("input", id=f"id_{name}")
        note = page.find(id=field["aria-describedby"])
        assert note is not None and zone in note.get_text(), name
