"""Page types: where each may be created, and each renders in both languages."""

import pytest

from django.utils import translation

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    FactSheetIndexPage,
    FactSheetPage,
    HelpFinderPage,
)
from home.models import HomePage

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo site (tests/conftest.py)


@pytest.mark.django_db
class TestPageTree(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_home_page_lives_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_sections_live_under_the_home_page(self):
        for section in (CampaignIndexPage, FactSheetIndexPage, HelpFinderPage):
            self.assertAllowedParentPageTypes(section, {HomePage})

    def test_campaigns_and_fact_sheets_live_in_their_sections(self):
        self.assertAllowedParentPageTypes(CampaignPage, {CampaignIndexPage})
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})
        self.assertAllowedParentPageTypes(FactSheetPage, {FactSheetIndexPage})
        self.assertAllowedSubpageTypes(FactSheetIndexPage, {FactSheetPage})
        for leaf in (CampaignPage, FactSheetPage, HelpFinderPage):
            self.assertAllowedSubpageTypes(leaf, set())

    def test_a_campaign_can_be_created_in_the_campaign_section(self):
        index = CampaignIndexPage.objects.get()
        self.assertCanCreateAt(CampaignIndexPage, CampaignPage)
        self.assertCanNotCreateAt(HomePage, CampaignPage)
        self.assertCanCreate(
            index,
            CampaignPage,
            {
                "title_km": "យុទ្ធនាការសាកល្បង",
                "title_en": "A test campaign",
                "slug_km": "test-campaign",
                "slug_en": "test-campaign",
                "summary_km": "សេចក្តីសង្ខេបនៃយុទ្ធនាការសាកល្បង។",
                "summary_en": "Summary of a test campaign.",
                "start_date": "2026-12-01",
                "end_date": "2027-01-31",
                "body_km-count": "0",
                "body_en-count": "0",
            },
        )

    def test_every_page_renders_in_both_languages(self):
        pages = list(Page.objects.live().specific().filter(depth__gte=2))
        assert {type(p) for p in pages} >= {HomePage, CampaignIndexPage, CampaignPage, FactSheetPage, HelpFinderPage}
        for page in pages:
            self.assertPageIsRenderable(page)
            for language in ("km", "en"):
                with translation.override(language):
                    url = page.get_url()
                    title = page.title
                assert url.startswith(f"/{language}/")
                response = self.client.get(url)
                assert response.status_code == 200, (page, language)
                self.assertContains(response, f'<html lang="{language}">')
                self.assertContains(response, title)
