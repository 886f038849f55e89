"""The page cache (home/caching/page_cache.py): what it stores, what it never stores, and what purges what."""

import datetime
import gzip
import re

import pytest

from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone

from wagtail.images.models import Rendition
from wagtail.models import Page

from campaigns.models import CampaignPage, FactSheetPage, LessonKitPage, OutreachEvent
from campaigns.reach.page_views import PageViewCount
from home.caching import page_cache
from home.languages import page_url_in
from home.models import HelplineSettings
from home.public_pages import page_types, sample_paths

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)
HEADER = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache_on():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


@pytest.fixture
def reader():
    """An anonymous reader's browser: no cookie."""
    return Client()


def state(client, path, **headers):
    response = client.get(path, **headers)
    return response.status_code, response.get(HEADER)


@pytest.mark.parametrize("name", page_types())
@pytest.mark.parametrize("language", ["km", "en"])
def test_the_second_view_of_every_page_type_comes_from_the_cache(reader, name, language):
    Rendition.objects.all().delete()  # the first view makes renditions: that must not purge anything
    path = sample_paths(language)[name]
    first = reader.get(path)
    second = reader.get(path)
    assert (first.status_code, first[HEADER]) == (200, "miss")
    assert (second.status_code, second[HEADER]) == (200, "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == language
    assert f'<html lang="{language}">' in second.content.decode()


def test_one_language_is_never_served_for_the_other(reader):
    campaign = CampaignPage.objects.live().first()
    km, en = page_url_in(campaign, "km"), page_url_in(campaign, "en")
    assert reader.get(km)[HEADER] == "miss"
    response = reader.get(en, HTTP_ACCEPT_LANGUAGE="km")
    assert response[HEADER] == "miss"
    assert '<html lang="en">' in response.content.decode() and campaign.title_en in response.content.decode()
    assert '<html lang="km">' in reader.get(km, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_query_string_is_part_of_the_key(reader):
    yama, cannabis = reader.get("/en/search/?q=yama"), reader.get("/en/search/?q=cannabis")
    assert yama[HEADER] == cannabis[HEADER] == "miss"
    assert yama.content != cannabis.content
    assert reader.get("/en/search/?q=yama").content == yama.content
    assert reader.get("/en/search/?q=cannabis")[HEADER] == "hit"


def test_compressed_and_plain_copies_are_kept_apart(reader):
    zipped = reader.get("/km/", HTTP_ACCEPT_ENCODING="gzip")
    plain = reader.get("/km/")
    assert zipped[HEADER] == plain[HEADER] == "miss"
    again = reader.get("/km/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert again[HEADER] == "hit" and again["Content-Encoding"] == "gzip"
    assert gzip.decompress(again.content).decode().startswith("<!DOCTYPE html>")
    assert reader.get("/km/").content.decode().startswith("<!DOCTYPE html>")


def test_logged_in_people_are_never_served_or_stored(reader, admin_user):
    reader.get("/en/")  # stored for readers
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get("/en/")
    assert response.status_code == 200 and HEADER not in response
    assert reader.get("/en/")[HEADER] == "hit"
    cache.clear()
    editor.get("/en/")
    assert reader.get("/en/")[HEADER] == "miss", "a logged-in person's page was stored"


def test_admin_preview_posts_errors_feeds_and_downloads_are_never_cached(reader, admin_user):
    editor = Client()
    editor.force_login(admin_user)
    campaign = CampaignPage.objects.live().first()
    assert HEADER not in editor.get(f"/admin/pages/{campaign.pk}/edit/")
    preview = editor.get(f"/admin/pages/{campaign.pk}/edit/preview/?mode=en")
    assert HEADER not in preview
    assert HEADER not in reader.get("/admin/login/")

    # A month the calendar cannot read: 400 with a message, never stored.
    assert state(reader, "/en/events/?month=2026-99") == (400, None)
    assert state(reader, "/en/events/?month=2026-99") == (400, None)
    # The class report form with errors (POST), then the kit page is still served fresh from the view.
    kit = LessonKitPage.objects.live().first()
    posted = reader.post(f"/en/lesson-kits/report/{kit.pk}/", {"school": ""}, HTTP_ORIGIN="http://testserver")
    assert posted.status_code == 400 and HEADER not in posted
    assert reader.get(page_url_in(kit, "en"))[HEADER] == "miss"
    # Feeds and files are not pages.
    assert HEADER not in reader.get("/en/events/calendar.ics")
    kit_file = kit.kit_files()[0]
    download = reader.get(page_url_in(kit, "en") + kit.reverse_subpage("download_file", args=(kit_file.pk,)))
    assert download.status_code == 200 and HEADER not in download


def test_what_may_be_stored():
    request = RequestFactory().get("/en/")
    assert page_cache.storable(request, HttpResponse("<p>page</p>"))
    with_cookie = HttpResponse("<p>page</p>")
    with_cookie.set_cookie("csrftoken", "x")
    assert not page_cache.storable(request, with_cookie)
    never = HttpResponse("<p>page</p>")
    never["Cache-Control"] = "max-age=0, no-cache, no-store, must-revalidate, private"
    assert not page_cache.storable(request, never)
    assert not page_cache.storable(request, HttpResponse("x", content_type="text/calendar"))
    assert not page_cache.storable(request, HttpResponse("<p>error</p>", status=400))
    request.is_preview = True
    assert not page_cache.storable(request, HttpResponse("<p>page</p>"))


def test_which_requests_use_the_cache():
    factory = RequestFactory()
    assert page_cache.page_language(factory.get("/km/campaigns/")) == "km"
    assert page_cache.page_language(factory.get("/en/search/?q=yama")) == "en"
    assert page_cache.page_language(factory.get("/beacon/3/km.gif")) is None
    assert page_cache.page_language(factory.get("/admin/")) is None
    assert page_cache.page_language(factory.get("/")) is None, "/ answers by the browser's language"
    assert page_cache.page_language(factory.post("/km/")) is None
    assert page_cache.page_language(factory.head("/km/")) is None
    with_session = factory.get("/km/")
    with_session.COOKIES["sessionid"] = "abc"
    assert page_cache.page_language(with_session) is None
    assert page_cache.page_language(factory.get("/km/search/?q=" + "ក" * 600)) is None
    with override_settings(PAGE_CACHE_SECONDS=0):
        assert page_cache.page_language(factory.get("/km/")) is None


def test_the_view_beacon_is_never_cached_and_counts_every_view(reader):
    campaign = CampaignPage.objects.live().first()
    path = page_url_in(campaign, "km")
    first, second = reader.get(path), reader.get(path)
    assert second[HEADER] == "hit"
    beacon = re.search(r'<img class="beacon" src="([^"]+)"', second.content.decode()).group(1)
    assert beacon == f"/beacon/{campaign.pk}/km.gif"
    before = sum(PageViewCount.objects.filter(page=campaign, language="km").values_list("count", flat=True))
    for _view in (first, second):
        response = reader.get(beacon, HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 9)")
        assert response.status_code == 200 and HEADER not in response
        assert "no-store" in response["Cache-Control"]
    after = sum(PageViewCount.objects.filter(page=campaign, language="km").values_list("count", flat=True))
    assert after == before + 2
    assert reader.get(path)[HEADER] == "hit", "counting a view does not purge the page"


def warm(client, paths):
    for path in paths:
        client.get(path)
        assert client.get(path)[HEADER] == "hit", path


def test_publishing_a_campaign_purges_it_its_parents_and_the_pages_showing_it(reader):
    kit = LessonKitPage.objects.live().filter(campaign__isnull=False).first()
    campaign = kit.campaign
    unrelated = FactSheetPage.objects.live().first()  # fact sheets do not show campaigns
    other_kit = LessonKitPage.objects.live().exclude(campaign=campaign).first()
    purged = [
        page_url_in(campaign, "km"),
        page_url_in(campaign, "en"),
        page_url_in(campaign.get_parent(), "km"),
        page_url_in(campaign.get_parent(), "en"),
        "/km/",
        "/en/",
        page_url_in(kit, "en"),
        page_url_in(kit, "km"),
        "/en/events/",
        "/km/events/list/",
        "/en/search/?q=yama",
    ]
    kept = [page_url_in(unrelated, "en"), page_url_in(unrelated.get_parent(), "km"), page_url_in(other_kit, "en")]
    warm(reader, purged + kept)

    campaign.title_en = "Cleanse ourselves first, together"
    campaign.save_revision().publish()

    for path in purged:
        assert reader.get(path)[HEADER] == "miss", path
    assert "Cleanse ourselves first, together" in reader.get(page_url_in(campaign, "en")).content.decode()
    assert "Cleanse ourselves first, together" in reader.get(page_url_in(kit, "en")).content.decode()
    for path in kept:
        assert reader.get(path)[HEADER] == "hit", f"{path} was purged though it does not show the campaign"


def test_unpublishing_purges_and_the_page_is_gone(reader):
    campaign = CampaignPage.objects.live().first()
    index = campaign.get_parent()
    warm(reader, [page_url_in(campaign, "en"), page_url_in(index, "en")])
    campaign.unpublish()
    assert reader.get(page_url_in(campaign, "en")).status_code == 404
    listing = reader.get(page_url_in(index, "en"))
    assert listing[HEADER] == "miss" and campaign.title_en not in listing.content.decode()


def test_purges_wait_for_the_commit_too(reader, django_capture_on_commit_callbacks):
    campaign = CampaignPage.objects.live().first()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        campaign.save_revision().publish()
    warm(reader, [page_url_in(campaign, "en")])  # a reader in between the change and its commit
    for callback in callbacks:
        callback()
    assert reader.get(page_url_in(campaign, "en"))[HEADER] == "miss"


def test_saving_an_outreach_event_purges_the_calendar_the_home_page_and_its_campaign(reader):
    event = OutreachEvent.objects.public().order_by("start").first()
    campaign = event.campaign
    unrelated = FactSheetPage.objects.live().first()
    paths = ["/km/events/", "/en/events/list/", f"/en/events/{event.pk}/", "/en/", page_url_in(campaign, "km")]
    warm(reader, paths + [page_url_in(unrelated, "en")])
    event.title_en = "Village meeting in Sre Ambel"
    event.save()
    for path in paths:
        assert reader.get(path)[HEADER] == "miss", path
    assert "Village meeting in Sre Ambel" in reader.get(f"/en/events/{event.pk}/").content.decode()
    assert reader.get(page_url_in(unrelated, "en"))[HEADER] == "hit"


def test_changing_the_hotline_purges_every_page(reader):
    paths = [sample_paths(language)[name] for language in ("km", "en") for name in ("home", "fact sheet", "event")]
    warm(reader, paths)
    helpline = HelplineSettings.objects.get()
    helpline.hotline_phone = "1295"
    helpline.save()
    for path in paths:
        response = reader.get(path)
        assert response[HEADER] == "miss", path
    assert "tel:1295" in reader.get("/en/").content.decode()


def test_moving_or_renaming_a_page_purges_every_page(reader):
    sheet = FactSheetPage.objects.live().first()
    warm(reader, ["/en/", page_url_in(sheet, "en")])
    old = page_url_in(sheet, "en")
    sheet.slug_en = sheet.slug_en + "-facts"
    sheet.save_revision().publish()
    sheet.refresh_from_db()
    assert reader.get("/en/")[HEADER] == "miss"
    assert reader.get(old).status_code == 404
    assert reader.get(page_url_in(sheet, "en")).status_code == 200


def test_deleting_a_page_purges_every_page(reader):
    sheet = FactSheetPage.objects.live().first()
    path = page_url_in(sheet, "en")
    warm(reader, ["/en/", path])
    Page.objects.get(pk=sheet.pk).delete()
    assert reader.get(path).status_code == 404
    assert reader.get("/en/")[HEADER] == "miss"


def test_entries_never_outlive_the_day():
    zone = timezone.get_default_timezone()
    assert page_cache.seconds_until_midnight(datetime.datetime(2026, 11, 9, 23, 59, 30, tzinfo=zone)) == 30
    assert page_cache.seconds_until_midnight(datetime.datetime(2026, 11, 9, 12, 0, tzinfo=zone)) == 12 * 3600


def test_group_of_an_address():
    assert page_cache.group_of("/km/events/list/") == "events"
    assert page_cache.group_of("/en/events/12/") == "events"
    assert page_cache.group_of("/en/search/") == "search"
    assert page_cache.group_of("/en/campaigns/cleanse-ourselves-first/") == "/en/campaigns/cleanse-ourselves-first/"
    assert page_cache.group_of("/km/") == "/km/"
