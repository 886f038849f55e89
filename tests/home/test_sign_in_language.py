"""The sign-in page follows the language the official chose, remembered at sign-in, not the browser's."""

import pytest
from bs4 import BeautifulSoup

from django.conf import settings
from django.urls import reverse

from home.roles import PROVINCIAL_OFFICIALS
from tests.campaigns.events.outreach_fixtures import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
KHMER_SIGN_IN = "ចូលប្រើ"  # the sign-in button
COOKIE = settings.LANGUAGE_COOKIE_NAME


def sign_in(client, username):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": "x"}, **ENGLISH_BROWSER)


def test_an_official_who_chose_khmer_gets_the_khmer_sign_in_page_on_an_english_browser(client):
    make_user("sophal", PROVINCIAL_OFFICIALS, "07", language="km")
    before = client.get(reverse("wagtailadmin_login"), **ENGLISH_BROWSER).content.decode()
    assert 'lang="en"' in before  # the browser's language, before anyone signed in here

    response = sign_in(client, "sophal")
    assert response.status_code == 302
    assert response.cookies[COOKIE].value == "km"
    assert response.cookies[COOKIE]["samesite"] == "Lax"

    client.post(reverse("wagtailadmin_logout"))
    page = client.get(reverse("wagtailadmin_login"), **ENGLISH_BROWSER).content.decode()
    assert 'lang="km"' in page
    assert KHMER_SIGN_IN in page


def test_an_official_who_chose_english_gets_english(client):
    make_user("dara", PROVINCIAL_OFFICIALS, "07", language="en")
    assert sign_in(client, "dara").cookies[COOKIE].value == "en"


def test_no_language_cookie_for_a_failed_sign_in_nor_for_the_sign_in_page(client):
    make_user("sophal", PROVINCIAL_OFFICIALS, "07", language="km")
    assert COOKIE not in client.get(reverse("wagtailadmin_login"), **ENGLISH_BROWSER).cookies
    failed = client.post(reverse("wagtailadmin_login"), {"username": "sophal", "password": "wrong"}, **ENGLISH_BROWSER)
    assert failed.status_code == 200
    assert COOKIE not in failed.cookies


def account_form(client):
    """The account page's form as the browser would send it back: every field with its current value."""
    page = BeautifulSoup(client.get(reverse("wagtailadmin_account")).content, "html.parser")
    form = page.find("form", attrs={"method": lambda method: (method or "").lower() == "post"})
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "file", "password"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", field.text if field.name == "textarea" else "")
    return data


@pytest.mark.parametrize(("before", "after"), [("km", "en"), ("en", "km")])
def test_the_cookie_follows_a_language_changed_on_the_account_page(client, before, after):
    """Issue 16: an official who switches language on the account page gets the next sign-in page in it."""
    make_user("sophal", PROVINCIAL_OFFICIALS, "07", language=before, first_name="សុផល", last_name="ចាន់")
    assert sign_in(client, "sophal").cookies[COOKIE].value == before
    data = {**account_form(client), "name_email-email": "sophal@example.org"}
    data["locale-preferred_language"] = after
    response = client.post(reverse("wagtailadmin_account"), data, **ENGLISH_BROWSER)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response.cookies[COOKIE].value == after

    client.post(reverse("wagtailadmin_logout"))
    page = client.get(reverse("wagtailadmin_login"), **ENGLISH_BROWSER).content.decode()
    assert f'lang="{after}"' in page


def test_a_refused_account_form_sets_no_cookie(client):
    make_user("sophal", PROVINCIAL_OFFICIALS, "07", language="km", first_name="សុផល", last_name="ចាន់")
    sign_in(client, "sophal")
    data = {**account_form(client), "name_email-email": "sophal@example.org"}
    data["locale-preferred_language"] = "xx"  # not a language the admin offers
    response = client.post(reverse("wagtailadmin_account"), data)
    assert response.status_code == 200
    assert COOKIE not in response.cookies
