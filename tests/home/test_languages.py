"""Both languages on one page tree: redirects, switcher, alternates, fallbacks, 404s."""

import re

import pytest
from bs4 import BeautifulSoup

from django.utils import translation

from campaigns.models import CampaignPage, FactSheetPage
from home.languages import missing_translation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_root_redirects_to_khmer_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/km/"


def test_root_redirects_to_english_when_the_browser_prefers_it(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("language", ["km", "en"])
def test_home_page_serves_each_language_with_html_lang(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert soup(response).html["lang"] == language


def test_switcher_names_languages_in_themselves_and_leads_to_the_same_page(client):
    page = soup(client.get("/km/campaigns/"))
    switcher = page.select_one("nav.language-switcher")
    assert switcher.select_one("[aria-current]").get_text() == "ខ្មែរ"
    english = switcher.find("a", string="English")
    assert english["href"] == "/en/campaigns/"
    back = soup(client.get(english["href"])).select_one("nav.language-switcher").find("a", string="ខ្មែរ")
    assert back["href"] == "/km/campaigns/"


def test_switcher_uses_each_languages_own_slug(client):

    campaign = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
    assert campaign.slug_km != campaign.slug_en
    km_url = f"/km/campaigns/{campaign.slug_km}/"
    en_url = f"/en/campaigns/{campaign.slug_en}/"
    assert client.get(km_url).status_code == 200
    assert client.get(en_url).status_code == 200
    english = soup(client.get(km_url)).select_one("nav.language-switcher").find("a", string="English")
    assert english["href"] == en_url


def test_every_page_has_hreflang_alternates_and_a_canonical_url(client):
    page = soup(client.get("/en/facts/"))
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"]')}
    assert alternates["km"] == "http://testserver/km/facts/"
    assert alternates["en"] == "http://testserver/en/facts/"
    assert alternates["x-default"] == "http://testserver/km/facts/"
    assert page.select_one('link[rel="canonical"]')["href"] == "http://testserver/en/facts/"


def test_untranslated_page_shows_khmer_text_with_a_translated_note(client, home_page):

    sheet = FactSheetPage.objects.live().first()
    sheet.title_en = ""
    sheet.summary_en = ""
    sheet.save_revision().publish()
    assert missing_translation(sheet, "en")

    with translation.override("en"):
        english_url = sheet.get_url()
    response = client.get(english_url)
    assert response.status_code == 200
    page = soup(response)
    note = page.select_one(".notice--translation")
    assert note is not None
    assert "not yet available" in note.get_text()
    assert page.h1.get_text() == sheet.title_km

    # The Khmer page itself carries no note.
    with translation.override("km"):
        khmer_url = sheet.get_url()
    assert soup(client.get(khmer_url)).select_one(".notice--translation") is None


def test_unknown_language_prefix_is_a_translated_404(client):
    response = client.get("/fr/", follow=True)
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "km"
    assert "រកមិនឃើញ" in page.h1.get_text()


def test_unknown_page_is_a_404_in_the_pages_language(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert soup(response).h1.get_text() == "Page not found"
    response = client.get("/km/no-such-page/")
    assert response.status_code == 404
    assert re.search("[\u1780-\u17ff]", soup(response).h1.get_text())


def test_wrong_language_slug_is_a_404(client):

    campaign = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
    assert client.get(f"/km/campaigns/{campaign.slug_en}/").status_code == 404


def test_home_page_entry_points_lead_to_their_sections(client):
    page = soup(client.get("/en/"))
    links = {card.h3.get_text(): card.a["href"] for card in page.select(".card--entry")}
    assert links["For young people"] == "/en/facts/"
    assert links["For teachers"] == "/en/lesson-kits/"
    assert links["Get help"] == "/en/help/"
    assert links["For outreach staff and officials"] == "/admin/"
