import pytest

from django.apps import apps
from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission, Page

from campaigns.editorial import CAMPAIGN_WORKFLOW
from campaigns.models import CampaignIndexPage, CampaignPage
from home.roles import MODERATORS, OUTREACH_STAFF, PROVINCIAL_OFFICIALS, ensure_roles

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


def page_codenames(group):
    return set(
        GroupPagePermission.objects.filter(group=group, page__depth=1).values_list("permission__codename", flat=True)
    )


def test_roles_exist_with_their_permissions():
    staff, moderators, officials = (
        Group.objects.get(name=n) for n in (OUTREACH_STAFF, MODERATORS, PROVINCIAL_OFFICIALS)
    )
    assert {"add_page", "change_page"} <= page_codenames(staff)
    assert "publish_page" not in page_codenames(staff)
    assert {"add_page", "change_page", "publish_page"} <= page_codenames(moderators)
    for group in (staff, moderators, officials):
        assert group.permissions.filter(codename="access_admin").exists()


def test_ensuring_roles_again_adds_nothing():

    before = GroupPagePermission.objects.count(), Group.objects.count()
    ensure_roles(apps)
    assert (GroupPagePermission.objects.count(), Group.objects.count()) == before


def test_campaign_section_has_the_moderation_workflow():
    index = CampaignIndexPage.objects.get()
    workflow = index.get_workflow()
    assert workflow.name == CAMPAIGN_WORKFLOW
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]
    assert CampaignPage.objects.first().get_workflow() == workflow
    assert Page.objects.get(depth=1).get_workflow() != workflow
