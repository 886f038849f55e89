"""Bad input in the campaign editor: the form says what is wrong and keeps what was typed."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from wagtail.images.models import Image
from wagtail.test.utils.form_data import streamfield
from wagtail.users.models import UserProfile

from campaigns.models import CampaignIndexPage, CampaignPage, HelpService, Province
from tests.campaigns.admin_forms import campaign_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


@pytest.fixture
def staff_client(client):
    """Outreach staff working in the English admin (Khmer is the admin's default)."""
    user = get_user_model().objects.get(username="outreach")
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language="en")
    client.force_login(user)
    return client


def add_campaign(client, **overrides):
    index = CampaignIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=("campaigns", "campaignpage", index.pk))
    return client.post(url, campaign_form(**overrides))


def errors_and_values(response):
    page = BeautifulSoup(response.content, "html.parser")
    return page, response.content.decode()


def test_a_valid_campaign_is_saved_as_a_draft(staff_client):
    response = add_campaign(staff_client)
    assert response.status_code == 302
    page = CampaignPage.objects.get(slug_en="protecting-young-people")
    assert not page.live and page.title_km.startswith("យុទ្ធនាការ")


def test_end_before_start_is_refused_and_the_typed_text_kept(staff_client):
    response = add_campaign(staff_client, start_date="2027-03-01", end_date="2027-01-31")
    assert response.status_code == 200
    _, html = errors_and_values(response)
    assert "The campaign cannot end before it starts." in html
    assert "យុទ្ធនាការការពារយុវជនពីគ្រឿងញៀន" in html  # what was typed is still there
    assert not CampaignPage.objects.filter(slug_en="protecting-young-people").exists()


def test_end_before_start_message_is_in_khmer_for_a_khmer_editor(staff_client):
    user = get_user_model().objects.get(username="outreach")
    UserProfile.objects.filter(user=user).update(preferred_language="km")
    response = add_campaign(staff_client, start_date="2027-03-01", end_date="2027-01-31")
    assert response.status_code == 200
    with translation.override("km"):
        expected = translation.gettext("The campaign cannot end before it starts.")
    assert expected != "The campaign cannot end before it starts."
    assert expected in response.content.decode()


def test_video_from_an_unknown_provider_is_refused(staff_client):
    body = streamfield([("video", {"url": "https://videos.example.com/watch/1", "title": "A film", "duration": ""})])
    response = add_campaign(staff_client, body_en=body)
    assert response.status_code == 200
    assert "Use a video address from YouTube, Facebook, Vimeo or TikTok." in response.content.decode()
    assert "videos.example.com/watch/1" in response.content.decode()


def test_a_youtube_video_is_accepted(staff_client):
    body = streamfield([("video", {"url": "https://www.youtube.com/watch?v=abc", "title": "A film", "duration": ""})])
    assert add_campaign(staff_client, body_en=body).status_code == 302


def test_image_without_alt_text_is_refused(staff_client):
    image = Image.objects.first()
    body = streamfield([("image", {"image": image.pk, "alt_text": "", "caption": "A caption we typed"})])
    response = add_campaign(staff_client, body_km=body)
    assert response.status_code == 200
    assert "A caption we typed" in response.content.decode()
    hero = add_campaign(staff_client, hero_image=image.pk, hero_alt_km="", hero_alt_en="")
    assert hero.status_code == 200
    assert "Describe the hero image for people who cannot see it." in hero.content.decode()


def test_help_service_phone_must_be_a_phone_number(staff_client):

    url = reverse("wagtailsnippets_campaigns_helpservice:add")
    data = {
        "name_km": "សេវាប្រឹក្សាសាកល្បង",
        "name_en": "Test counselling",
        "kind": "counselling",
        "province": Province.objects.get(code="07").pk,
        "address_km": "",
        "address_en": "",
        "phone": "call us maybe",
        "opening_hours_km": "",
        "opening_hours_en": "",
        "languages": "",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "Enter a phone number such as 023 123 456" in response.content.decode()
    assert "សេវាប្រឹក្សាសាកល្បង" in response.content.decode()
    data["phone"] = "០១២ ៣៤៥ ៦៧៨"  # Khmer digits are a phone number too
    assert staff_client.post(url, data).status_code == 302
    assert HelpService.objects.get(name_en="Test counselling").tel_href == "tel:012345678"


@pytest.mark.parametrize("typed", ["", "-", "--"])
def test_a_khmer_only_slug_falls_back_to_the_english_one(staff_client, typed):
    assert add_campaign(staff_client, slug_km=typed).status_code == 302
    assert CampaignPage.objects.get(slug_en="protecting-young-people").slug_km == "protecting-young-people"


def test_a_khmer_only_draft_saves_with_an_address_made_from_its_khmer_title(staff_client):
    response = add_campaign(staff_client, slug_km="", slug_en="", title_en="")
    assert response.status_code == 302
    page = CampaignPage.objects.get(title_km="យុទ្ធនាការការពារយុវជនពីគ្រឿងញៀន")
    assert page.slug_km == "yotthnakar-karpar-yovchn-pi-kroeangnhien"
    assert not page.slug_en
    # A second page with the same Khmer title gets an address of its own.
    assert add_campaign(staff_client, slug_km="", slug_en="", title_en="").status_code == 302
    assert CampaignPage.objects.filter(slug_km="yotthnakar-karpar-yovchn-pi-kroeangnhien-2").exists()


def test_the_english_title_sets_the_english_address_later(staff_client):
    assert add_campaign(staff_client, slug_km="", slug_en="", title_en="").status_code == 302
    page = CampaignPage.objects.get(title_km="យុទ្ធនាការការពារយុវជនពីគ្រឿងញៀន")
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = staff_client.post(
        url, campaign_form(slug_km=page.slug_km, slug_en="", title_en="Young people and drugs")
    )
    assert response.status_code == 302
    page.refresh_from_db()
    draft = page.get_latest_revision().content
    assert draft["slug_en"] == "young-people-and-drugs"
    assert draft["slug_km"] == "yotthnakar-karpar-yovchn-pi-kroeangnhien"  # the Khmer address does not move
