"""The public outreach calendar: what is public, the month grid, filters in the address, event pages, feeds."""

import datetime

import icalendar
import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from campaigns.events import calendar as cal
from campaigns.events.feeds import FEED_PAST_DAYS
from campaigns.models import CampaignPage, OutreachEvent, Province
from tests.campaigns.events.outreach_fixtures import at, make_event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_only_events_of_published_campaigns_are_public():
    event = make_event("07", "ព្រឹត្តិការណ៍សាធារណៈ", days=3)
    hidden = make_event("07", "ព្រឹត្តិការណ៍លាក់", days=3)
    draft = CampaignPage.objects.live().last()
    draft.unpublish()
    OutreachEvent.objects.filter(pk=hidden.pk).update(campaign=draft)
    public = set(cal.public_events().values_list("pk", flat=True))
    assert event.pk in public and hidden.pk not in public


@pytest.mark.parametrize("language", ["km", "en"])
def test_month_view_shows_the_month_with_today_highlighted(client, language):
    event = make_event("07", "កិច្ចប្រជុំភូមិថ្ងៃនេះ", days=0, title_en="Village meeting today")
    response = client.get(f"/{language}/events/")
    assert response.status_code == 200
    page = soup(response)
    today = page.select_one("td.is-today")
    assert today is not None and today.get("aria-current") == "date"
    title = event.title_km if language == "km" else event.title_en
    assert title in page.select_one(".agenda").get_text()
    heading = page.select_one("#month-heading").get_text()
    day = timezone.localdate()
    if language == "km":
        assert heading == cal.month_label(day.year, day.month, "km") and not any(
            c.isdigit() and c.isascii() for c in heading
        )
    else:
        assert heading == day.strftime("%B %Y")


def test_month_grid_places_events_on_their_days_in_phnom_penh_time():
    zone = timezone.get_default_timezone()
    # 23:00 to 01:00 in Phnom Penh is 16:00 to 18:00 UTC on the 30th: it is on two days here.
    late = (7, datetime.datetime(2026, 11, 30, 23, 0, tzinfo=zone), datetime.datetime(2026, 12, 1, 1, 0, tzinfo=zone))
    utc_evening = (
        8,
        datetime.datetime(2026, 11, 20, 18, 0, tzinfo=datetime.UTC),
        datetime.datetime(2026, 11, 20, 19, 0, tzinfo=datetime.UTC),
    )
    weeks = cal.month_grid(2026, 11, [late, utc_evening], today=datetime.date(2026, 11, 21))
    days = {d.date: d for w in weeks for d in w}
    assert weeks[0][0].date.weekday() == 0  # Monday first
    assert days[datetime.date(2026, 11, 30)].pks == [7] and days[datetime.date(2026, 12, 1)].pks == [7]
    assert days[datetime.date(2026, 11, 21)].pks == [8]  # 01:00 on the 21st in Phnom Penh
    assert days[datetime.date(2026, 11, 21)].is_today


def test_busy_days_show_a_few_events_and_link_to_the_rest(client):
    for n in range(5):
        make_event("07", f"ព្រឹត្តិការណ៍ច្រើន {n}", days=9)
    day = timezone.localdate() + datetime.timedelta(days=9)
    page = soup(client.get(f"/km/events/?month={day:%Y-%m}&province=07"))
    heading = page.find(id=f"day-{day:%Y-%m-%d}")
    assert len(heading.find_next("ul").select(".event-item")) == cal.EVENTS_PER_DAY_IN_GRID
    link = heading.find_next("ul").find_next_sibling("p").a
    assert f"day={day:%Y-%m-%d}" in link["href"] and "province=07" in link["href"]
    listed = soup(client.get(link["href"].replace("&amp;", "&")))
    assert len([a for a in listed.select(".event-item__title a") if "ច្រើន" in a.get_text()]) == 5


def test_filters_combine_and_live_in_the_address(client):
    campaign = CampaignPage.objects.live().first()
    wanted = make_event("07", "ខ្ញុំចង់ឃើញ", days=2, kind="school_session", campaign=campaign)
    other_kind = make_event("07", "ប្រភេទផ្សេង", days=2, kind="media_broadcast", campaign=campaign)
    other_place = make_event("09", "ខេត្តផ្សេង", days=2, kind="school_session", campaign=campaign)
    month = timezone.localtime(wanted.start).strftime("%Y-%m")
    query = f"?month={month}&province=07&campaign={campaign.slug_en}&kind=school_session"
    for path in ("/km/events/", "/km/events/list/"):
        text = soup(client.get(path + query)).select_one("main").get_text()
        assert wanted.title_km in text
        assert other_kind.title_km not in text and other_place.title_km not in text
    page = soup(client.get("/km/events/" + query))
    assert page.select_one("#filter-province option[selected]")["value"] == "07"
    assert page.select_one("#filter-kind option[selected]")["value"] == "school_session"
    following = page.select_one("a[rel=next]")["href"]
    assert (
        "province=07" in following
        and "kind=school_session" in following
        and f"campaign={campaign.slug_en}" in following
    )
    assert page.select_one("form.filters")["method"] == "get"  # works without JavaScript


@pytest.mark.parametrize(
    "query", ["?month=2026-13", "?month=nonsense", "?province=99", "?kind=party", "?campaign=nope"]
)
def test_bad_filters_get_a_message_and_a_400_not_a_500(client, query):
    response = client.get("/km/events/" + query)
    assert response.status_code == 400
    notice = soup(response).select_one(".notice[role=alert]").get_text()
    assert any("\u1780" <= ch <= "\u17ff" for ch in notice)  # in Khmer on a Khmer page
    assert soup(response).select_one("table.month-grid")


def test_list_view_shows_coming_events_and_past_ones_with_people_reached(client):
    coming = make_event("07", "ព្រឹត្តិការណ៍ខាងមុខ", days=5)
    verified = make_event("07", "ព្រឹត្តិការណ៍បានផ្ទៀងផ្ទាត់", days=-5, status="verified")
    held = make_event("07", "ព្រឹត្តិការណ៍រង់ចាំ", days=-6, status="held")
    upcoming = soup(client.get("/km/events/list/?province=07")).select_one("main").get_text()
    assert coming.title_km in upcoming and verified.title_km not in upcoming
    past = client.get("/km/events/list/?province=07&when=past")
    items = {a.get_text(): a.find_parent("article") for a in soup(past).select(".event-item__title a")}
    assert "៥៥" in items[verified.title_km].get_text()  # 55 people, in Khmer digits
    assert items[held.title_km].select_one(".event-item__reach") is None  # not verified: not public reach


def test_cancelled_events_show_as_cancelled(client):
    event = make_event("07", "ព្រឹត្តិការណ៍ដែលបានលុបចោល", days=4, status="cancelled")
    page = soup(client.get(f"/en/events/{event.pk}/"))
    assert "This event has been cancelled." in page.get_text()
    month = timezone.localtime(event.start).strftime("%Y-%m")
    listed = soup(client.get(f"/km/events/?month={month}&province=07"))
    item = next(a for a in listed.select(".event-item__title a") if a.get_text() == event.title_km).find_parent(
        "article"
    )
    assert "is-cancelled" in item["class"] and item.select_one(".badge--cancelled")


@pytest.mark.parametrize("language", ["km", "en"])
def test_event_page_shows_the_place_in_the_language(client, language):
    event = make_event("07", "វគ្គអប់រំ", days=-3, status="verified", title_en="Education session")
    page = soup(client.get(f"/{language}/events/{event.pk}/"))
    facts = page.select_one(".event-facts").get_text()
    with translation.override(language):
        assert event.place in facts
    names = (event.province.name_km, event.commune.name_km) if language == "km" else (event.province.name_en,)
    assert all(name in facts for name in names)
    assert page.select_one(".reach").get_text() == ("៥៥" if language == "km" else "55")


def test_event_of_an_unpublished_campaign_is_not_found(client):
    event = make_event("07", "ព្រឹត្តិការណ៍លាក់", days=3)
    CampaignPage.objects.get(pk=event.campaign_id).unpublish()
    assert client.get(f"/km/events/{event.pk}/").status_code == 404
    assert client.get(f"/km/events/{event.pk}.ics").status_code == 404


def test_home_page_lists_upcoming_events(client):
    event = make_event("07", "ព្រឹត្តិការណ៍ជិតមកដល់", days=1)
    page = soup(client.get("/km/"))
    titles = [a.get_text() for a in page.select(".upcoming .event-item__title a")]
    assert titles and event.title_km in titles


# Feeds


def parse(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def expected_in_feed(events):
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    return {e.ical_uid: e for e in events.filter(end__gte=since)}


@pytest.mark.parametrize(
    "path, events",
    [
        ("/km/events/calendar.ics", lambda: cal.public_events()),
        ("/km/events/province/07.ics", lambda: cal.public_events().filter(province__code="07")),
        ("/en/events/province/09.ics", lambda: cal.public_events().filter(province__code="09")),
        (
            "/km/events/campaign/drug-free-schools.ics",
            lambda: cal.public_events().filter(campaign__slug_en="drug-free-schools"),
        ),
    ],
)
def test_feeds_parse_back_to_the_database(client, path, events):
    make_event("07", "ព្រឹត្តិការណ៍សម្រាប់ប្រតិទិន", days=6, status="cancelled")
    feed = parse(client.get(path))
    language = path[1:3]
    expected = expected_in_feed(events())
    components = {str(c["uid"]): c for c in feed.walk("VEVENT")}
    assert expected and set(components) == set(expected)
    zone = [str(tz["tzid"]) for tz in feed.walk("VTIMEZONE")]
    assert zone == ["Asia/Phnom_Penh"]
    with translation.override(language):
        for uid, event in expected.items():
            component = components[uid]
            start = component.decoded("dtstart")
            assert start == event.start and str(start.tzinfo) == "Asia/Phnom_Penh"
            assert component.decoded("dtend") == event.end
            assert str(component["summary"]) == event.title
            assert str(component["status"]) == ("CANCELLED" if event.status == "cancelled" else "CONFIRMED")
            assert event.province.name in str(component["location"])
            assert str(component["url"]).endswith(f"/{language}/events/{event.pk}/")


def test_an_updated_event_keeps_its_uid(client):
    event = make_event("07", "មុនពេលកែ", days=6)
    uid = event.ical_uid
    event.title_km = "ក្រោយពេលកែ"
    event.start, event.end = at(7), at(7, 11)
    event.save()
    feed = parse(client.get("/km/events/province/07.ics"))
    component = next(c for c in feed.walk("VEVENT") if str(c["uid"]) == uid)
    assert str(component["summary"]) == "ក្រោយពេលកែ" and component.decoded("dtstart") == at(7)


def test_add_to_my_calendar_gives_one_event(client):
    event = make_event("07", "បន្ថែមទៅប្រតិទិនរបស់ខ្ញុំ", days=6)
    page = soup(client.get(f"/km/events/{event.pk}/"))
    link = page.find("a", href=reverse("events:event_ics", args=(event.pk,)))
    assert link is not None
    feed = parse(client.get(link["href"]))
    (component,) = feed.walk("VEVENT")
    assert str(component["uid"]) == event.ical_uid


def test_calendar_page_links_feeds_a_phone_can_subscribe_to(client):
    page = soup(client.get("/km/events/?province=07"))
    subscribe = page.select_one(".subscribe a[href^='webcal://']")["href"]
    assert subscribe.endswith("/km/events/province/07.ics")
    assert page.select_one(".subscribe a[download]")["href"] == "/km/events/province/07.ics"


def test_unknown_feeds_are_not_found(client):
    assert client.get("/km/events/province/99.ics").status_code == 404
    assert client.get("/km/events/campaign/no-such-campaign.ics").status_code == 404


def test_month_view_and_feeds_use_a_constant_number_of_queries(client, django_assert_max_num_queries):
    province = Province.objects.get(code="07")
    for n in range(30):
        make_event(province.code, f"ព្រឹត្តិការណ៍ទី {n}", days=n % 20 - 5)
    counts = {}

    for path in ("/km/events/", "/km/events/calendar.ics", "/km/events/province/07.ics", "/km/events/list/"):
        with CaptureQueriesContext(connection) as few:
            client.get(path)
        counts[path] = len(few)
    for n in range(30, 90):
        make_event(province.code, f"ព្រឹត្តិការណ៍ទី {n}", days=n % 20 - 5)
    for path, before in counts.items():
        with CaptureQueriesContext(connection) as more:
            client.get(path)
        assert len(more) == before, path


def test_the_month_grid_breaks_khmer_lines_only_between_words(client):
    """Issue 16: "ព្រឹត្តិការ/ណ៍" and "ព្រហស្ប/តិ៍" in the grid at 360 px. Breaks come only from <wbr> at ICU word
    boundaries; the stylesheet never lets a word break anywhere."""
    from pathlib import Path

    from home.khmer_text import with_word_breaks

    make_event("07", "កិច្ចប្រជុំភូមិស្ដីពីគ្រោះថ្នាក់នៃគ្រឿងញៀន", days=1)
    grid = BeautifulSoup(client.get("/km/events/").content.decode(), "html.parser").select_one("table.month-grid")
    counts = grid.select(".month-grid__count")
    assert counts
    for count in counts:
        count.select_one(".visually-hidden").decompose()
        shown = "".join(str(part) for part in count.contents).replace("<wbr/>", "<wbr>")
        assert "<wbr>" in shown and shown == with_word_breaks(count.get_text())
    titles = grid.select(".month-grid__events a")
    assert any("<wbr" in str(title) for title in titles)
    css = (Path(__file__).resolve().parents[3] / "home" / "static" / "css" / "site.css").read_text()
    month_rules = "\n".join(line for line in css.splitlines() if ".month-grid" in line)
    assert "break-all" not in month_rules and "anywhere" not in month_rules and "break-word" not in month_rules
