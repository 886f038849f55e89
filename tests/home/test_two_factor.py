"""Two-step verification for staff (django-otp TOTP) with Wagtail 8's own sign-in page."""

import base64
import re
import time

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.core.cache import caches

from campaigns.demo.seed import DEMO_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


@pytest.fixture(autouse=True)
def fresh_counts():
    caches["sign_in"].clear()


def code_for(device, offset=0):
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + offset):06d}"


def sign_in(client, username="kampot"):
    response = client.post("/admin/login/", {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    return response


def enrol(client, username="kampot"):
    sign_in(client, username)
    page = client.get("/admin/two-factor/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html  # the QR code, drawn here, no outside service
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", html).group(1)
    device = TOTPDevice.objects.get(user__username=username, confirmed=False)

    assert base64.b32decode(secret.replace(" ", "")) == device.bin_key
    first_code = code_for(device)
    response = client.post("/admin/two-factor/", {"code": first_code})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    device.first_code = first_code
    return device


def test_staff_without_two_step_sign_in_as_before(client):
    sign_in(client, "moderator")
    assert client.get("/admin/").status_code == 200
    account = client.get("/admin/account/").content.decode()
    assert "/admin/two-factor/" in account


def test_after_turning_it_on_the_admin_asks_for_a_code_after_the_password(client):
    device = enrol(client)
    client.logout()
    sign_in(client)
    for address in ["/admin/", "/admin/outreach-events/", "/admin/reach/", "/admin/api/main/pages/"]:
        response = client.get(address)
        assert response.status_code == 302 and response["Location"].startswith("/admin/two-factor/verify/"), address
    # The public site does not care.
    assert client.get("/km/").status_code == 200

    page = client.get("/admin/two-factor/verify/?next=/admin/outreach-events/")
    assert page.status_code == 200
    assert "កម្មវិធីផ្ទៀងផ្ទាត់" in page.content.decode()  # in Khmer for a Khmer-speaking official

    wrong = client.post("/admin/two-factor/verify/", {"code": "000000", "next": "/admin/outreach-events/"})
    assert wrong.status_code == 400
    assert "លេខកូដនោះមិនត្រឹមត្រូវ" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    time.sleep(1.1)  # django-otp's throttle: one second after the first failure
    right = client.post(
        "/admin/two-factor/verify/",
        {"code": code_for(device, 1).translate(KHMER_DIGITS), "next": "/admin/outreach-events/"},
    )
    assert right.status_code == 302 and right["Location"] == "/admin/outreach-events/"
    assert client.get("/admin/outreach-events/").status_code == 200


def test_a_code_cannot_be_used_twice_and_guessing_is_slowed(client):
    device = enrol(client)
    used = device.first_code  # the code that confirmed the device
    client.logout()
    sign_in(client)
    response = client.post("/admin/two-factor/verify/", {"code": used})
    assert response.status_code == 400
    response = client.post("/admin/two-factor/verify/", {"code": "123456"})
    assert response.status_code == 400
    assert "រង់ចាំមួយនាទី" in response.content.decode()  # throttled: told to wait
    device.refresh_from_db()
    assert device.throttling_failure_count >= 1


def test_the_verify_page_never_redirects_off_site(client):
    device = enrol(client)
    client.logout()
    sign_in(client)
    response = client.post("/admin/two-factor/verify/", {"code": code_for(device, 1), "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_turning_it_off_needs_a_current_code(client):
    device = enrol(client)
    response = client.post("/admin/two-factor/", {"code": "999999"})
    assert response.status_code == 200 and TOTPDevice.objects.filter(user=device.user).exists()
    time.sleep(1.1)
    response = client.post("/admin/two-factor/", {"code": code_for(device, 1)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=device.user).exists()


def test_anonymous_visitors_cannot_open_the_two_factor_pages(client):
    for address in ["/admin/two-factor/", "/admin/two-factor/verify/"]:
        response = client.get(address)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert get_user_model().objects.count() > 0
