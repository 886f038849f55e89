"""Deleting a campaign with reach or events behind it is refused, with the counts, in the editor's language."""

import datetime
from urllib.parse import urlencode

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    ClassReport,
    DownloadCount,
    LessonKitPage,
    ManualReach,
    OutreachEvent,
    PageViewCount,
    Province,
)
from campaigns.reach.deletion import reach_behind
from tests.campaigns.events.outreach_fixtures import make_event, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)
DAY = datetime.date(2026, 1, 5)


def new_campaign(slug):
    index = CampaignIndexPage.objects.get()
    campaign = index.add_child(
        instance=CampaignPage(
            title_km="យុទ្ធនាការសាកល្បងការលុប",
            title_en=f"Deletion test {slug}",
            slug_km=slug,
            slug_en=slug,
            summary_km="សេចក្តីសង្ខេប។",
            summary_en="Summary.",
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2026, 3, 31),
        )
    )
    campaign.save_revision().publish()
    return campaign


def with_kit(campaign):
    """The demo kit "Yama: the facts", moved to ``campaign`` with the demo's records of it cleared."""
    kit = LessonKitPage.objects.get(slug_en="yama-the-facts")
    if kit.campaign_id == campaign.pk:
        return kit
    ClassReport.objects.filter(kit=kit).delete()
    DownloadCount.objects.filter(kit=kit).delete()
    PageViewCount.objects.filter(page=kit).delete()
    kit.campaign = campaign
    kit.save_revision().publish()
    return kit


def add_views(campaign):
    PageViewCount.objects.create(day=DAY, page_id=campaign.pk, language="km", count=12)


def add_downloads(campaign):
    DownloadCount.objects.create(day=DAY, kit=with_kit(campaign), target="zip:km", language="km", count=4)


def add_class(campaign):
    province = Province.objects.get(code="07")
    ClassReport.objects.create(
        kit=with_kit(campaign),
        school="សាលាបឋមសិក្សាកំពត",
        province=province,
        district=province.districts.first(),
        date_taught=DAY,
        girls=10,
        boys=9,
    )


def add_manual(campaign):
    ManualReach.objects.create(campaign=campaign, channel="broadcast", day=DAY, people=500, source="TV")


def add_event(campaign):
    make_event("07", "កិច្ចប្រជុំភូមិ", campaign=campaign)


@pytest.fixture
def khmer_admin(client):
    client.force_login(make_user("khmer_admin", language="km", is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def english_admin(client):
    client.force_login(make_user("english_admin", language="en", is_superuser=True, is_staff=True))
    return client


def texts(response):
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


@pytest.mark.parametrize(
    "record, field, khmer",
    [
        (add_views, "page_views", "ចំនួនអ្នកមើលទំព័រ: ១២"),
        (add_downloads, "downloads", "ចំនួនទាញយក: ៤"),
        (add_class, "classes", "ថ្នាក់ដែលបានបង្រៀន: ១"),
        (add_manual, "manual", ": ១"),
        (add_event, "events", "ព្រឹត្តិការណ៍ផ្សព្វផ្សាយ: ១"),
    ],
)
def test_each_kind_of_reach_stops_a_deletion_in_khmer(khmer_admin, record, field, khmer):
    campaign = new_campaign(f"delete-{field}")
    assert not reach_behind([campaign])
    record(campaign)
    assert getattr(reach_behind([campaign]), field) > 0

    url = reverse("wagtailadmin_pages:delete", args=(campaign.pk,))
    for response in (khmer_admin.get(url), khmer_admin.post(url)):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_explore", args=(campaign.get_parent().pk,))
        message = texts(response)
        assert "មិនអាចលុប" in message and khmer in message, message
        assert "cannot be deleted" not in message
    assert CampaignPage.objects.filter(pk=campaign.pk).exists()


def test_the_refusal_counts_everything_in_english(english_admin):
    campaign = new_campaign("delete-everything")
    for record in (add_views, add_downloads, add_class, add_manual, add_event):
        record(campaign)
    response = english_admin.post(reverse("wagtailadmin_pages:delete", args=(campaign.pk,)))
    message = texts(response)
    assert "“Deletion test delete-everything” cannot be deleted" in message
    assert (
        "(Page views: 12, Downloads: 4, Classes taught: 1, Reach from other channels: 1, Outreach events: 1)" in message
    )
    assert "Unpublish it instead" in message
    assert CampaignPage.objects.filter(pk=campaign.pk).exists() and OutreachEvent.objects.filter(campaign=campaign)


def test_a_campaign_with_nothing_behind_it_is_deleted(english_admin):
    campaign = new_campaign("delete-empty")
    url = reverse("wagtailadmin_pages:delete", args=(campaign.pk,))
    assert english_admin.get(url).status_code == 200
    assert english_admin.post(url).status_code == 302
    assert not CampaignPage.objects.filter(pk=campaign.pk).exists()


def test_a_lesson_kit_with_downloads_is_not_deleted(english_admin):
    campaign = new_campaign("delete-kit")
    add_downloads(campaign)
    kit = LessonKitPage.objects.get(slug_en="yama-the-facts")
    response = english_admin.post(reverse("wagtailadmin_pages:delete", args=(kit.pk,)))
    assert response.status_code == 302 and "Downloads: 4" in texts(response)
    assert LessonKitPage.objects.filter(pk=kit.pk).exists()


def test_deleting_the_parent_of_campaigns_with_reach_is_refused(khmer_admin):
    campaign = new_campaign("delete-parent")
    add_event(campaign)
    index = CampaignIndexPage.objects.get()
    response = khmer_admin.post(reverse("wagtailadmin_pages:delete", args=(index.pk,)))
    assert response.status_code == 302 and "មិនអាចលុប" in texts(response)
    assert CampaignPage.objects.filter(pk=campaign.pk).exists() and CampaignIndexPage.objects.exists()


def bulk_delete_url(pages, next_url):
    query = urlencode([("id", page.pk) for page in pages] + [("next", next_url)])
    return reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete")) + "?" + query


@pytest.mark.parametrize("language", ["km", "en"])
def test_bulk_delete_deletes_nothing_when_one_page_has_reach(client, language):
    client.force_login(make_user(f"bulk_{language}", language=language, is_superuser=True, is_staff=True))
    empty, busy = new_campaign(f"bulk-empty-{language}"), new_campaign(f"bulk-busy-{language}")
    # Manual reach is a protected reference (Wagtail alone would only say "no permission"); page views are not.
    {"km": add_manual, "en": add_views}[language](busy)
    next_url = reverse("wagtailadmin_explore", args=(busy.get_parent().pk,))
    response = client.post(bulk_delete_url([empty, busy], next_url))
    assert response.status_code == 302 and response["Location"] == next_url
    message = texts(response)
    expected = {"km": "មិនអាចលុប", "en": "“Deletion test bulk-busy-en” cannot be deleted"}[language]
    assert expected in message
    assert "bulk-empty" not in message  # only the page with reach is named
    assert CampaignPage.objects.filter(pk__in=[empty.pk, busy.pk]).count() == 2  # the whole action is refused


def test_bulk_delete_of_pages_without_reach_still_works(english_admin):
    pages = [new_campaign("bulk-a"), new_campaign("bulk-b")]
    next_url = reverse("wagtailadmin_explore", args=(pages[0].get_parent().pk,))
    assert english_admin.post(bulk_delete_url(pages, next_url)).status_code == 302
    assert not CampaignPage.objects.filter(pk__in=[p.pk for p in pages]).exists()
