"""A page's body kept between requests (home/caching/fragments.py): never stale after a publish in either language
or a change to what it shows, never used for previews, and the page built afresh takes one query."""

import re

import pytest

from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from wagtail.models import PageViewRestriction

from campaigns.models import CampaignPage
from home.languages import page_url_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

KM_TEXT = "សារថ្មី៖ យុវជនទាំងអស់អាចជួយភូមិរបស់ខ្លួនបាន"
EN_TEXT = "New message: every young person can help their village"


@pytest.fixture(autouse=True)
def fragments_on():
    cache.clear()
    with override_settings(FRAGMENT_CACHE_SECONDS=300, PAGE_CACHE_SECONDS=0):
        yield
    cache.clear()


@pytest.fixture
def campaign():
    return CampaignPage.objects.live().filter(topics__isnull=False, hero_image__isnull=False).first()


def text_block(text):
    return ("text", f"<p>{text}</p>")


@pytest.mark.parametrize("language", ["km", "en"])
def test_publishing_shows_the_new_body_at_once_in_each_language(client, campaign, language):
    path = page_url_in(campaign, language)
    first = client.get(path).content.decode()
    assert client.get(path).content.decode() == first  # kept, and the same
    new_text = KM_TEXT if language == "km" else EN_TEXT
    assert new_text not in first
    page = CampaignPage.objects.get(pk=campaign.pk)
    field = f"body_{language}"
    getattr(page, field).append(text_block(new_text))
    page.save_revision().publish()
    after = client.get(path).content.decode()
    assert new_text in after
    assert after.count(new_text) == 1
    # the other language shows its own body, never this one
    other = "en" if language == "km" else "km"
    assert new_text not in client.get(page_url_in(campaign, other)).content.decode()


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_renamed_topic_and_a_new_hero_text_show_at_once(client, campaign, language):
    path = page_url_in(campaign, language)
    client.get(path)
    topic = campaign.topics.first()
    setattr(topic, f"name_{language}", "ប្រធានបទថ្មី" if language == "km" else "A renamed topic")
    topic.save()
    assert ("ប្រធានបទថ្មី" if language == "km" else "A renamed topic") in client.get(path).content.decode()
    page = CampaignPage.objects.get(pk=campaign.pk)
    alt = "រូបភាពថ្មីនៃក្រុមយុវជន" if language == "km" else "A new picture of the youth group"
    setattr(page, f"hero_alt_{language}", alt)
    page.save_revision().publish()
    assert f'alt="{alt}"' in client.get(path).content.decode()


def test_a_draft_is_not_shown_to_readers_and_a_preview_is_not_kept(admin_client, campaign):
    path = page_url_in(campaign, "km")
    reader = Client()
    reader.get(path)
    page = CampaignPage.objects.get(pk=campaign.pk)
    page.body_km.append(text_block(KM_TEXT))
    page.save_revision()  # a draft, not published
    assert KM_TEXT not in reader.get(path).content.decode()
    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[campaign.pk]))
    assert preview.status_code == 200
    assert KM_TEXT in preview.content.decode()  # the draft, not the kept body of the live page
    assert KM_TEXT not in reader.get(path).content.decode()  # and the draft was not kept for readers


def test_the_view_beacon_is_there_when_the_body_is_kept(client, campaign):
    for language in ("km", "en"):
        path = page_url_in(campaign, language)
        client.get(path)
        assert f"/beacon/{campaign.pk}/{language}.gif" in client.get(path).content.decode()


def test_a_page_built_afresh_takes_one_query_once_its_body_is_kept(client, campaign, django_assert_max_num_queries):
    for language in ("km", "en"):
        path = page_url_in(campaign, language)
        client.get(path)
        client.get(path)
        with django_assert_max_num_queries(1):
            assert client.get(path).status_code == 200


def test_restricting_a_page_applies_at_once_and_lifting_it_too(client, campaign):
    path = page_url_in(campaign, "km")
    assert client.get(path).status_code == 200
    restriction = PageViewRestriction.objects.create(page=campaign, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(path).status_code == 302
    restriction.delete()
    assert client.get(path).status_code == 200


def test_a_restriction_on_a_parent_applies_at_once(client, campaign):
    path = page_url_in(campaign, "en")
    assert client.get(path).status_code == 200
    PageViewRestriction.objects.create(page=campaign.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    assert client.get(path).status_code == 302


def test_topics_are_shown_when_nothing_is_kept(client, campaign):
    with override_settings(FRAGMENT_CACHE_SECONDS=0):
        html = client.get(page_url_in(campaign, "en")).content.decode()
    assert campaign.topics.first().name_en in html


def switcher_links(html):
    """The other language's address in the switcher and in the head's hreflang links (absolute there)."""

    switcher = re.findall(r'<a href="([^"]+)" lang="en" hreflang="en">', html)
    head = re.findall(r'<link rel="alternate" hreflang="en" href="https?://[^/]+([^"]+)">', html)
    return switcher, head


def test_the_language_switcher_of_each_page_leads_to_that_page(client):
    first, second = CampaignPage.objects.live().order_by("path")[:2]
    for page in (first, second, first, second):
        html = client.get(page_url_in(page, "km")).content.decode()
        assert switcher_links(html) == ([page_url_in(page, "en")], [page_url_in(page, "en")])


def test_a_new_english_slug_shows_at_once_in_the_khmer_page_frame(client, campaign):
    km_path = page_url_in(campaign, "km")
    client.get(km_path)
    page = CampaignPage.objects.get(pk=campaign.pk)
    page.slug_en = "a-new-english-address"
    page.save_revision().publish()
    html = client.get(km_path).content.decode()
    switcher, head = switcher_links(html)
    assert switcher == head == ["/en/campaigns/a-new-english-address/"]
    assert page_url_in(campaign, "en") not in html


def test_a_quiz_kept_with_its_page_goes_at_once_when_it_is_unpublished_or_its_page_deleted(client):
    from campaigns.quizzes.models import Quiz

    quiz = Quiz.objects.filter(live=True, kit_check=False).select_related("page").first()
    path = page_url_in(quiz.page.specific, "km")
    client.get(path)
    assert f'id="quiz-province-{quiz.pk}"' in client.get(path).content.decode()  # kept with the page's body
    quiz.unpublish()
    assert f'id="quiz-province-{quiz.pk}"' not in client.get(path).content.decode()
    quiz.refresh_from_db()
    quiz.save_revision().publish()
    assert f'id="quiz-province-{quiz.pk}"' in client.get(path).content.decode()
    quiz.page.delete()
    quiz.refresh_from_db()
    assert quiz.page_id is None and client.get(path).status_code == 404  # the quiz stays, its answers counted
