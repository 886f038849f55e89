"""A provincial official turns on two-step verification on a phone and signs in with a code, in Khmer."""

import base64
import time

import pytest
from django_otp.oath import TOTP

from tests.browser.conftest import log_in, screenshot, site_shell

pytestmark = pytest.mark.browser


def code(secret, ahead=0):
    generator = TOTP(base64.b32decode(secret.replace(" ", "")))
    generator.time = time.time() + 30 * ahead
    return f"{generator.token():06d}"


def test_official_turns_on_two_step_and_signs_in_with_a_code(live_site, site_env, phone):
    page = phone
    log_in(page, live_site, "kampot_coordinator")
    page.goto(live_site + "/admin/two-factor/")
    screenshot(page, "two-factor-enrol-phone")
    assert page.locator("img[src^='data:image/svg+xml']").is_visible()
    secret = page.locator("code").inner_text()
    page.fill("#id_code", code(secret))
    page.click("main form button[type=submit]")
    assert "ការផ្ទៀងផ្ទាត់ពីរជំហានត្រូវបានបើក" in page.locator(".messages").inner_text()

    page.context.clear_cookies()
    page.goto(live_site + "/admin/login/")
    page.fill("#id_username", "kampot_coordinator")
    page.fill("#id_password", "nacd-demo-2026")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/two-factor/verify/**")
    screenshot(page, "two-factor-verify-phone")
    page.fill("#id_code", "000000")
    page.click("main form.login-form button[type=submit]")
    page.wait_for_load_state()
    screenshot(page, "two-factor-wrong-code-phone")
    assert "លេខកូដនោះមិនត្រឹមត្រូវ" in page.locator("#code-error").inner_text()
    time.sleep(1.2)  # the wait after a wrong code
    page.fill("#id_code", code(secret, ahead=1))
    page.click("main form.login-form button[type=submit]")
    page.wait_for_url(live_site + "/admin/")
    assert (
        site_shell(
            site_env,
            "from django_otp.plugins.otp_totp.models import TOTPDevice as D; "
            "print(D.objects.filter(user__username='kampot_coordinator', confirmed=True).count())",
        )
        == "1"
    )
    # Leave the demo account as it was for the other browser tests.
    site_shell(
        site_env,
        "from django_otp.plugins.otp_totp.models import TOTPDevice as D; "
        "D.objects.filter(user__username='kampot_coordinator').delete()",
    )
