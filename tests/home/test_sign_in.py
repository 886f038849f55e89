"""Staff sign-in: guessing is stopped (django-axes), with a clear message in Khmer or English; weak
passwords are refused by Django's validators wherever the admin sets one."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.urls import reverse

from campaigns.demo.seed import DEMO_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def fresh_counts():
    caches["sign_in"].clear()
    yield
    caches["sign_in"].clear()


def sign_in(client, username, password, language="km"):
    return client.post(LOGIN, {"username": username, "password": password}, HTTP_ACCEPT_LANGUAGE=language)


def fail(client, username, times, language="km"):
    for _ in range(times):
        response = sign_in(client, username, "wrong-guess-1234", language)
    return response


def test_wrong_passwords_below_the_limit_only_say_the_password_is_wrong(client):
    response = fail(client, "kampot", settings.AXES_FAILURE_LIMIT - 1)
    assert response.status_code == 200
    assert "locked-out" not in response.content.decode()
    assert sign_in(client, "kampot", DEMO_PASSWORD).status_code == 302  # and a success resets the count
    client.logout()
    response = fail(client, "kampot", settings.AXES_FAILURE_LIMIT - 1)
    assert response.status_code == 200


def test_the_name_is_locked_after_the_limit_even_with_the_right_password_and_told_in_khmer(client):
    response = fail(client, "kampot", settings.AXES_FAILURE_LIMIT)
    assert response.status_code == 429
    page = response.content.decode()
    assert "ការចូលដោយប្រើឈ្មោះនេះត្រូវបានបិទរយៈពេល ៣០ នាទី" in page  # Khmer, with Khmer digits
    assert "«kampot»" in page
    assert 'name="username"' in page  # the sign-in page itself, not a bare error
    response = sign_in(client, "kampot", DEMO_PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Other staff are not affected.
    assert sign_in(client, "moderator", DEMO_PASSWORD).status_code == 302


def test_the_lockout_message_in_english(client):
    response = fail(client, "moderator", settings.AXES_FAILURE_LIMIT, language="en")
    assert response.status_code == 429
    assert "signing in with this name is blocked for 30 minutes" in response.content.decode()


def test_an_administrator_unblocks_a_name(client):
    fail(client, "kampot", settings.AXES_FAILURE_LIMIT)
    assert sign_in(client, "kampot", DEMO_PASSWORD).status_code == 429
    call_command("axes_reset_username", "kampot")
    assert sign_in(client, "kampot", DEMO_PASSWORD).status_code == 302


def test_lockout_stores_no_address_or_user_agent(client, caplog):

    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post(
            LOGIN,
            {"username": "kampot", "password": "nope"},
            REMOTE_ADDR="203.0.113.99",
            HTTP_USER_AGENT="MarkerBrowser/5.1",
        )
    assert not AccessAttempt.objects.exists() and not AccessLog.objects.exists()
    assert not AccessFailureLog.objects.exists()
    assert "203.0.113.99" not in caplog.text and "MarkerBrowser" not in caplog.text
    assert "kampot" in caplog.text  # axes does log the locked name


WEAK = ["12345678", "password", "kampot2026", "abc"]


@pytest.mark.parametrize("weak", WEAK)
def test_the_admin_refuses_a_weak_password_for_a_new_user(client, weak):
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "kampot2026",
            "email": "official@nacd.example",
            "first_name": "សុខ",
            "last_name": "ចាន់",
            "password1": weak,
            "password2": weak,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="kampot2026").exists()
    assert response.context["form"].errors.get("password2") or response.context["form"].errors.get("password1")


def test_the_admin_accepts_a_strong_password_for_a_new_user(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    strong = "ភ្នំពេញ-river-lantern-42"
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "kampot2026",
            "email": "official@nacd.example",
            "first_name": "សុខ",
            "last_name": "ចាន់",
            "password1": strong,
            "password2": strong,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert get_user_model().objects.get(username="kampot2026").check_password(strong)


def account_form_data(response):
    """What the account page posts when nothing is changed: every panel's form with its current values."""
    data = {}
    for panel in response.context["panels_by_tab"].values() if "panels_by_tab" in response.context else []:
        for item in panel:
            form = item.get_form()
            for name in form.fields:
                if name.startswith("new_password") or name in ("old_password", "avatar", "clear"):
                    continue
                value = form[name].value()
                if value is None:
                    continue
                data[form.add_prefix(name)] = [str(v) for v in value] if isinstance(value, list | tuple) else value
    return data


@pytest.mark.parametrize("language", ["km", "en"])
def test_staff_cannot_change_their_own_password_to_a_weak_one(client, language):
    user = get_user_model().objects.get(username="kampot")
    profile = user.wagtail_userprofile
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    data = account_form_data(client.get("/admin/account/"))
    assert "name_email-email" in data or "name_email-first_name" in data
    data.update(
        {
            "name_email-first_name": "សុខា",
            "name_email-last_name": "ចាន់",
            "password-old_password": DEMO_PASSWORD,
            "password-new_password1": "12345678",
            "password-new_password2": "12345678",
        }
    )
    response = client.post("/admin/account/", data)
    user.refresh_from_db()
    assert user.check_password(DEMO_PASSWORD)
    assert response.status_code == 200
    expected = {
        "km": ["ពាក្យសម្ងាត់នេះគេប្រើញឹកញាប់ពេក។ សូមជ្រើសពាក្យសម្ងាត់ផ្សេង។", "ពាក្យសម្ងាត់នេះមានតែលេខសុទ្ធ។"],
        "en": ["This password is too common.", "This password is entirely numeric."],
    }
    page = response.content.decode()
    for message in expected[language]:
        assert message in page
    assert "ចាំបាច់បំពេញ" not in page and "This field is required" not in page  # the only problem is the password
