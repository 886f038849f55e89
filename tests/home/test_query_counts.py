"""Every page type renders in both languages in a bounded number of queries that does not grow with content."""

import pytest

from django.utils import translation

from wagtail.models import Page

from campaigns.models import CampaignPage, FactSheetPage, LessonKitPage, Province, Topic

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)
PAGE_TYPES = [
    "homepage",
    "campaignindexpage",
    "campaignpage",
    "factsheetindexpage",
    "factsheetpage",
    "helpfinderpage",
    "lessonkitindexpage",
    "lessonkitpage",
]


def url_of(page, language):
    with translation.override(language):
        return page.get_url()


def queries_for(client, url, django_assert_max_num_queries, ceiling=30):
    client.get(url)  # renditions and caches are made on the first view
    with django_assert_max_num_queries(ceiling) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("model", PAGE_TYPES)
@pytest.mark.parametrize("language", ["km", "en"])
def test_each_page_type_has_a_query_ceiling(client, django_assert_max_num_queries, model, language):
    page = Page.objects.live().filter(content_type__model=model).first().specific
    queries_for(client, url_of(page, language), django_assert_max_num_queries)


def test_more_tags_provinces_and_campaigns_cost_no_more_queries(client, django_assert_max_num_queries):
    campaign = CampaignPage.objects.get(slug_en="safe-villages-border-provinces")
    sheet = FactSheetPage.objects.get(slug_en="cannabis")
    kit = LessonKitPage.objects.get(slug_en="friends-pressure-and-choices")
    before = {p.pk: queries_for(client, url_of(p, "en"), django_assert_max_num_queries) for p in (campaign, sheet, kit)}
    campaign.topics.set(Topic.objects.all())
    campaign.provinces.set(Province.objects.all())
    campaign.save_revision().publish()
    sheet.related_campaigns.set(CampaignPage.objects.all())
    sheet.topics.set(Topic.objects.all())
    sheet.save_revision().publish()
    kit.topics.set(Topic.objects.all())
    kit.save_revision().publish()
    for page in (campaign, sheet, kit):
        assert queries_for(client, url_of(page, "en"), django_assert_max_num_queries) <= before[page.pk], page
