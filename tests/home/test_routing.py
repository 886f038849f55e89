"""Remembered routing and shared parts (home/caching/routing.py, page_cache.remembered): fewer queries for a page
built afresh, and never a stale address, page, hotline or help finder link."""

import pytest

from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Page, PageViewRestriction

from campaigns.help_services import HelpFinderPage
from campaigns.models import CampaignPage, FactSheetPage, LessonKitPage
from home.languages import page_url_in
from home.models import HelplineSettings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


@pytest.fixture(autouse=True)
def remembered_on():
    cache.clear()
    with override_settings(FRAGMENT_CACHE_SECONDS=300, PAGE_CACHE_SECONDS=0):
        yield
    cache.clear()


@pytest.fixture
def reader():
    return Client()


def campaign_with_help_box():
    for campaign in CampaignPage.objects.live().order_by("path"):
        if any(block.block_type == "help" for block in campaign.body):
            return campaign
    pytest.fail("the demo content has no campaign with a help box")


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_page_built_again_takes_fewer_queries_and_is_the_same(reader, language, django_assert_max_num_queries):
    path = page_url_in(campaign_with_help_box(), language)
    with override_settings(FRAGMENT_CACHE_SECONDS=0):
        reader.get(path)  # renditions made
        with django_assert_max_num_queries(100) as walking:
            walked = reader.get(path)
        walking_count = len(walking.captured_queries)  # read now: the next request empties the log
    reader.get(path)  # remembered
    with django_assert_max_num_queries(100) as remembering:
        remembered = reader.get(path)
    remembering_count = len(remembering.captured_queries)
    assert walked.status_code == remembered.status_code == 200
    assert remembered.content == walked.content
    # the site, the root page and its type, each level's children and types, the hotline, the help finder
    assert remembering_count <= walking_count - 7


def test_a_renamed_page_answers_at_its_new_address_only(reader):
    sheet = FactSheetPage.objects.live().first()
    old = page_url_in(sheet, "en")
    assert reader.get(old).status_code == 200
    sheet.slug_en = sheet.slug_en + "-facts"
    sheet.save_revision().publish()
    sheet.refresh_from_db()
    assert reader.get(old).status_code == 404
    assert reader.get(page_url_in(sheet, "en")).status_code == 200


def test_an_unpublished_or_deleted_page_is_gone(reader):
    campaign, sheet = CampaignPage.objects.live().first(), FactSheetPage.objects.live().first()
    campaign_path, sheet_path = page_url_in(campaign, "km"), page_url_in(sheet, "km")
    assert reader.get(campaign_path).status_code == reader.get(sheet_path).status_code == 200
    campaign.unpublish()
    Page.objects.get(pk=sheet.pk).delete()
    assert reader.get(campaign_path).status_code == 404
    assert reader.get(sheet_path).status_code == 404


def test_addresses_that_lead_nowhere_stay_404_and_a_new_page_there_is_found(reader):
    sheet = FactSheetPage.objects.live().first()
    parent = sheet.get_parent()
    path = page_url_in(parent, "en") + "new-facts/"
    assert reader.get(path).status_code == 404
    new = sheet.copy(update_attrs={"slug": "new-facts-km", "slug_km": "new-facts-km", "slug_en": "new-facts"})
    new.save_revision().publish()
    assert reader.get(path).status_code == 200


def test_a_lesson_kit_sub_address_is_routed_by_the_kit(reader):
    kit = next(kit for kit in LessonKitPage.objects.live().order_by("path") if kit.files.exists())
    base = page_url_in(kit, "en")
    for _ in range(2):
        assert reader.get(base).status_code == 200
        assert reader.get(f"{base}files/{kit.files.first().pk}/").status_code == 200
        assert reader.get(base + "no-such-thing/").status_code == 404


def test_view_restrictions_still_apply_to_a_remembered_page(reader):
    sheet = FactSheetPage.objects.live().first()
    path = page_url_in(sheet, "en")
    assert reader.get(path).status_code == 200
    PageViewRestriction.objects.create(page=sheet, restriction_type=PageViewRestriction.PASSWORD, password="x")
    content = reader.get(path).content.decode()
    assert 'name="password"' in content
    assert sheet.summary_en not in content


def test_a_changed_hotline_shows_at_once(reader):
    helpline = HelplineSettings.objects.first()
    assert helpline.hotline_phone in reader.get("/en/").content.decode()
    helpline.hotline_phone = "+855 12 345 678"
    helpline.save()
    assert "+855 12 345 678" in reader.get("/en/").content.decode()


def test_the_help_finder_link_goes_when_the_help_finder_is_unpublished(reader):
    path = page_url_in(campaign_with_help_box(), "km")
    finder = HelpFinderPage.objects.live().get()
    with translation.override("km"):
        link = f'<a href="{finder.get_url()}">{gettext("Find help services in your province")}</a>'
    assert link in reader.get(path).content.decode()
    finder.unpublish()
    assert link not in reader.get(path).content.decode()
