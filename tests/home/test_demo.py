"""The demo content: real bilingual text, and seeding twice changes nothing."""

import re

import pytest

from django.contrib.auth import get_user_model

from wagtail.images.models import Image
from wagtail.models import Page

from campaigns.demo import seed as demo
from campaigns.models import CampaignPage, FactSheetPage, HelpService
from home.models import HelplineSettings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)
KHMER = re.compile("[\u1780-\u17ff]")


def counts():
    return (
        Page.objects.count(),
        Image.objects.count(),
        HelpService.objects.count(),
        get_user_model().objects.count(),
    )


def test_seeding_again_duplicates_nothing():
    before = counts()
    demo.seed()
    assert counts() == before


def test_demo_has_bilingual_campaigns_fact_sheets_and_help():
    campaigns = CampaignPage.objects.live()
    assert campaigns.count() >= 3
    for campaign in campaigns:
        assert KHMER.search(campaign.title_km) and campaign.title_en
        assert KHMER.search(campaign.summary_km) and campaign.summary_en
        assert len(campaign.body_km) == len(campaign.body_en) > 3
        assert campaign.hero_image and KHMER.search(campaign.hero_alt_km)
    names = " ".join(FactSheetPage.objects.values_list("other_names_en", flat=True)).lower()
    for drug in ("yama", "ice", "cannabis", "ecstasy", "ketamine", "heroin"):
        assert drug in names
    assert FactSheetPage.objects.live().count() >= 7
    assert HelpService.objects.values("province").distinct().count() >= 6


def test_hotline_is_configured():
    helpline = HelplineSettings.objects.get()
    assert helpline.hotline_phone and KHMER.search(helpline.hotline_name_km)


def test_demo_users_can_log_in(client):
    for username, *_ in demo.DEMO_USERS:
        assert client.login(username=username, password=demo.DEMO_PASSWORD), username
