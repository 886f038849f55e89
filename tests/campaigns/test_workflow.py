"""Journey 1 steps 1-4 in the admin: staff submits, a moderator comments and approves, and the
page goes live on Monday at 08:00 Phnom Penh time through `publish_scheduled`."""

import datetime
import zoneinfo

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry

from campaigns.models import CampaignIndexPage, CampaignPage
from tests.campaigns.admin_forms import campaign_form
from tests.campaigns.admin_forms import campaign_form as form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)
PHNOM_PENH = zoneinfo.ZoneInfo("Asia/Phnom_Penh")


def next_monday_at_eight():
    today = timezone.localdate()
    monday = today + datetime.timedelta(days=(7 - today.weekday()) % 7 or 7)
    return datetime.datetime.combine(monday, datetime.time(8, 0), tzinfo=PHNOM_PENH)


def client_for(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_staff_submits_moderator_approves_and_the_page_goes_live_on_schedule(monkeypatch):
    go_live = next_monday_at_eight()
    staff = client_for("outreach")
    index = CampaignIndexPage.objects.get()
    response = staff.post(
        reverse("wagtailadmin_pages:add", args=("campaigns", "campaignpage", index.pk)),
        campaign_form(go_live_at=go_live.strftime("%Y-%m-%d %H:%M"), **{"action-submit": "Submit"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CampaignPage.objects.get(slug_en="protecting-young-people")
    assert not page.live
    workflow_state = page.current_workflow_state
    assert workflow_state is not None and workflow_state.workflow.name == "Campaign review"
    task_state = page.current_workflow_task_state

    # Outreach staff cannot approve their own page.
    denied = staff.post(reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)))
    assert denied.status_code in (302, 403)
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"

    moderator = client_for("moderator")
    response = moderator.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        {"comment": "Clear and accurate. Approved for Monday."},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    task_state.refresh_from_db()
    assert task_state.status == "approved"
    assert task_state.comment == "Clear and accurate. Approved for Monday."
    assert not page.live, "scheduled, not yet live"
    revision = page.scheduled_revision
    assert revision is not None
    assert revision.approved_go_live_at == go_live
    assert revision.approved_go_live_at.astimezone(datetime.UTC).hour == 1  # 08:00 in Phnom Penh is 01:00 UTC
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").exists()

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: go_live - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live

    monkeypatch.setattr(timezone, "now", lambda: go_live + datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    monkeypatch.setattr(timezone, "now", real_now)
    page.refresh_from_db()
    assert page.live
    assert page.first_published_at == go_live + datetime.timedelta(minutes=1)


def test_revisions_keep_both_languages_and_preview_renders_each():
    staff = client_for("outreach")
    page = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
    revision = page.save_revision(user=get_user_model().objects.get(username="outreach"))
    assert revision.as_object().title_km == page.title_km
    assert revision.as_object().title_en == page.title_en
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))

    data = form(
        title_km=page.title_km,
        title_en=page.title_en,
        slug_km=page.slug_km,
        slug_en=page.slug_en,
        start_date=page.start_date.isoformat(),
        end_date=page.end_date.isoformat(),
    )
    assert staff.post(preview_url, data).json()["is_valid"]
    for language, title in (("km", page.title_km), ("en", page.title_en)):
        response = staff.get(preview_url, {"mode": language})
        assert response.status_code == 200
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        assert title in html
