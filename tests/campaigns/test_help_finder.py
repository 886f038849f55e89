"""Journey 3 step 3: help services in the reader's province, with a phone number to tap."""

import pytest
from bs4 import BeautifulSoup

from django.core.exceptions import ValidationError

from campaigns.help_services import normalise_phone, services_in, validate_phone
from campaigns.models import HelpService

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_filter_by_province_keeps_nationwide_hotlines():
    koh_kong = services_in("09")
    assert koh_kong.filter(province__code="09").exists()
    assert set(koh_kong.values_list("province__code", flat=True)) <= {"09"} | set(
        HelpService.objects.filter(kind="hotline").values_list("province__code", flat=True)
    )


def test_help_page_filters_by_province_with_tappable_numbers(client):
    response = client.get("/en/help/?province=09")
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("#province option[selected]")["value"] == "09"
    services = page.select(".service")
    assert services
    for service in services:
        tel = service.select_one("a.tel")
        assert tel["href"].startswith("tel:") and tel["href"][4:].isdigit()
    assert all("Koh Kong" in s.get_text() or "hotline" in s.get_text().lower() for s in services)


def test_help_page_in_khmer_writes_phone_numbers_in_khmer_digits(client):
    page = soup(client.get("/km/help/?province=09"))
    tel = page.select_one(".service a.tel")
    assert not any(ch.isascii() and ch.isdigit() for ch in tel.get_text())
    assert tel["href"][4:].isdigit()


def test_unknown_province_shows_everything_with_a_message(client):
    response = client.get("/en/help/?province=99%27%20OR%201=1")
    assert response.status_code == 200
    assert "We do not know that province." in response.content.decode()
    assert len(soup(response).select(".service")) == HelpService.objects.count()


@pytest.mark.parametrize("number", ["023 123 456", "012-345-678", "+855 12 345 678", "1294", "០១២ ៣៤៥ ៦៧៨"])
def test_phone_numbers_people_write_are_accepted(number):
    validate_phone(number)
    assert normalise_phone(number).lstrip("+").isdigit()


@pytest.mark.parametrize("number", ["", "call us", "12", "0000000000000000", "023 123 456 ext 4"])
def test_things_that_are_not_phone_numbers_are_refused(number):

    with pytest.raises(ValidationError):
        validate_phone(number)


@pytest.mark.parametrize("language", ["km", "en"])
def test_help_cards_name_the_languages_spoken_instead_of_printing_codes(client, language):
    HelpService.objects.filter(pk=HelpService.objects.first().pk).update(languages="km,en")
    text = soup(client.get(f"/{language}/help/")).select_one(".services").get_text()
    assert "km,en" not in text and ": km" not in text
    assert "ខ្មែរ, English" in text


def test_language_names_keep_what_is_not_a_code():
    from home.languages import language_names

    assert language_names("km, en") == "ខ្មែរ, English"
    assert language_names("fr") == "français"
    assert language_names("Khmer, sign language") == "Khmer, sign language"
