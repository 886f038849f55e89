"""``manage.py setup_site``: a production install without the demo gets the skeleton, the roles, the
campaign workflow and the hotline, and running it again changes nothing (home/setup_site.py,
campaigns/setup_steps.py). Then journey 1's moderation: an outreach officer submits, a moderator approves."""

import datetime
from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from wagtail.models import Page, Site, WorkflowPage, WorkflowState

from campaigns.models import CampaignIndexPage, CampaignPage, FactSheetIndexPage, HelpFinderPage, LessonKitIndexPage
from home import setup_site
from home.models import HelplineSettings, HomePage
from home.roles import MODERATORS, OUTREACH_STAFF

pytestmark = pytest.mark.django_db  # the test database holds the migrations only: no demo


def setup():
    out = StringIO()
    call_command("setup_site", stdout=out)
    return out.getvalue()


def test_an_empty_database_gets_the_skeleton_in_both_languages():
    assert not HomePage.objects.exists()  # migrations only
    output = setup()
    assert "Site ready." in output
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()  # Wagtail's welcome page is gone
    sections = {
        model: model.objects.child_of(home).get()
        for model in (CampaignIndexPage, FactSheetIndexPage, LessonKitIndexPage, HelpFinderPage)
    }
    reader = Client()
    for language in ("km", "en"):
        for path in ["/", "/campaigns/", "/facts/", "/lesson-kits/", "/help/", "/events/"]:
            response = reader.get(f"/{language}{path}")
            assert response.status_code == 200, (language, path)
    assert "ការពិតអំពីគ្រឿងញៀន" in reader.get("/km/facts/").content.decode()
    assert "Facts about drugs" in reader.get("/en/facts/").content.decode()
    for page in sections.values():
        assert page.live and page.title_km and page.title_en
    assert not CampaignPage.objects.exists()  # no demo content
    assert set(Group.objects.values_list("name", flat=True)) >= {OUTREACH_STAFF, MODERATORS}
    workflow = WorkflowPage.objects.get(page=sections[CampaignIndexPage]).workflow
    assert workflow.name == "Campaign review" and workflow.active
    helpline = HelplineSettings.for_site(Site.objects.get(is_default_site=True))
    assert helpline.hotline_phone and helpline.hotline_name_km and helpline.hotline_name_en
    assert "1294" in reader.get("/km/").content.decode() or "១២៩៤" in reader.get("/km/").content.decode()


def test_running_again_changes_nothing_and_keeps_editors_changes():
    setup()
    home = HomePage.objects.get()
    home.title_en = "Edited by NACD"
    home.save_revision().publish()
    helpline = HelplineSettings.for_site(Site.objects.get(is_default_site=True))
    helpline.hotline_phone = "1280"
    helpline.save()
    before = sorted(Page.objects.values_list("pk", "path", "title_en"))
    output = setup()
    assert "section pages: already there" in output and "campaign review workflow: already there" in output
    assert sorted(Page.objects.values_list("pk", "path", "title_en")) == before
    assert HelplineSettings.for_site(Site.objects.get(is_default_site=True)).hotline_phone == "1280"
    assert WorkflowPage.objects.filter(page=CampaignIndexPage.objects.get()).count() == 1


def test_the_steps_come_from_home_and_the_features_in_order():
    names = [step.name for step in setup_site.steps()]
    assert names.index("basics") < names.index("home page") < names.index("section pages")
    assert names.index("section pages") < names.index("campaign review workflow")


def test_journey_one_moderation_submit_then_approve():
    setup()
    User = get_user_model()
    officer = User.objects.create_user("sophea", password="x")
    officer.groups.add(Group.objects.get(name=OUTREACH_STAFF))
    moderator = User.objects.create_user("dara", password="x")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    index = CampaignIndexPage.objects.get()

    campaign = CampaignPage(
        title_km="សម្អាតខ្លួនយើងជាមុនសិន",
        title_en="Cleanse ourselves first",
        slug_km="cleanse-ourselves-first",
        slug_en="cleanse-ourselves-first",
        summary_km="យុទ្ធនាការសម្រាប់មន្ត្រីរាជការ។",
        summary_en="A campaign for civil servants.",
        start_date=datetime.date(2026, 6, 1),
        end_date=datetime.date(2026, 6, 30),
        live=False,
    )
    index.add_child(instance=campaign)
    campaign.save_revision(user=officer)
    assert not campaign.permissions_for_user(officer).can_publish()  # the officer cannot publish alone

    workflow = campaign.get_workflow()
    assert workflow is not None and workflow.name == "Campaign review"
    state = workflow.start(campaign, officer)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    task = task_state.task.specific
    assert not task.get_actions(campaign, officer)  # the officer cannot approve their own submission
    assert "approve" in [name for name, *_rest in task.get_actions(campaign, moderator)]

    task.on_action(task_state, moderator, "approve", comment="ល្អណាស់")
    state.refresh_from_db()
    campaign.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert campaign.live
    assert Client().get("/en/campaigns/cleanse-ourselves-first/").status_code == 200
