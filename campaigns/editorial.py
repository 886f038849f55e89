"""The editorial workflow of the campaign section: outreach staff write, moderators approve."""

from django.contrib.auth.models import Group

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from home.roles import MODERATORS

CAMPAIGN_WORKFLOW = "Campaign review"
MODERATION_TASK = "Moderator approval"


def ensure_campaign_workflow(index_page):
    """Assign the "Campaign review" workflow (one moderators' approval task) to the campaign section."""
    task = GroupApprovalTask.objects.filter(name=MODERATION_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_TASK)
    task.groups.set([Group.objects.get(name=MODERATORS)])
    workflow, _created = Workflow.objects.get_or_create(name=CAMPAIGN_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
    return workflow
