"""The page editor (issue 16, journey 1): its preview panel can frame the preview, autosave stays quiet."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse

from campaigns.models import CampaignPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("mode", ["km", "en"])
def test_a_preview_may_be_framed_by_the_admin_and_keeps_the_strict_script_policy(mode):
    page = CampaignPage.objects.live().first()
    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(username="admin")
    response = page.make_preview_request(request, mode)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]


def test_the_public_page_itself_is_still_never_framed(client):
    page = CampaignPage.objects.live().first()
    response = client.get(page.get_url())
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]


def test_the_editor_does_not_autosave(client):
    client.force_login(get_user_model().objects.get(username="outreach"))
    page = CampaignPage.objects.live().first()
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    form = BeautifulSoup(html, "html.parser").select_one("form[data-edit-form]")
    assert "w-autosave" not in form["data-controller"].split()
    assert "w-autosave" not in form.get("data-action", "")
    assert form.get("data-w-autosave-interval-value") is None


@pytest.mark.parametrize(("language", "zone"), [("en", "Phnom Penh time (UTC+7)"), ("km", "ម៉ោងភ្នំពេញ (UTC+៧)")])
def test_the_scheduling_dialog_says_phnom_penh_time_and_names_the_moderators_button(client, language, zone):
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.get(username="moderator")
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language=language)
    client.force_login(user)
    page = CampaignPage.objects.live().first()
    html = BeautifulSoup(client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content, "html.parser")
    dialog = html.find(id="schedule-publishing-dialog")  # inside a <template>: find, not select
    for name in ("go_live_at", "expire_at"):
        field = dialog.find(id=f"id_{name}")
        help_text = dialog.find(id=field["aria-describedby"])
        assert zone in str(help_text), name  # (get_text is empty inside a <template>)
    if language == "en":
        assert "Approve and publish" in str(dialog)


@pytest.mark.parametrize("view", ["add", "edit"])
def test_the_editor_loads_the_guard_of_the_translation_copy_buttons_with_its_messages(client, view):
    from campaigns.models import CampaignIndexPage

    client.force_login(get_user_model().objects.get(username="outreach"))
    if view == "add":
        url = reverse("wagtailadmin_pages:add", args=("campaigns", "campaignpage", CampaignIndexPage.objects.get().pk))
    else:
        url = reverse("wagtailadmin_pages:edit", args=(CampaignPage.objects.live().first().pk,))
    html = BeautifulSoup(client.get(url).content, "html.parser")
    script = html.select_one("script[src*='admin-translation-copy']")
    assert script is not None
    assert "ខ្លឹមសារ" in script["data-confirm"] and "ខ្លឹមសារ" in script["data-unsaved"]  # the admin's default: Khmer
