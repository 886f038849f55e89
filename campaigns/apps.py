from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from campaigns.outreach import OutreachEvent
        from campaigns.outreach_permissions import outreach_event_permission_policy

        register_permission_policy(OutreachEvent, outreach_event_permission_policy)
        connect_reach_signals()


def connect_reach_signals():
    """Cached reach figures go stale whenever what they count is saved or deleted."""
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

    from campaigns.class_reports import ClassReport
    from campaigns.fact_sheets import FactSheetPage
    from campaigns.lesson_kits import LessonKitPage
    from campaigns.outreach import OutreachEvent
    from campaigns.reach import ManualReach, forget_reach, note_counted_before

    for model in (OutreachEvent, ClassReport, ManualReach, LessonKitPage, FactSheetPage):
        post_save.connect(forget_reach, sender=model, dispatch_uid=f"reach_saved_{model.__name__}")
        post_delete.connect(forget_reach, sender=model, dispatch_uid=f"reach_deleted_{model.__name__}")
    for model in (OutreachEvent, ClassReport):  # records reach counts only in one status
        pre_save.connect(note_counted_before, sender=model, dispatch_uid=f"reach_before_{model.__name__}")
    m2m_changed.connect(
        forget_reach, sender=FactSheetPage.related_campaigns.through, dispatch_uid="reach_fact_sheet_campaigns"
    )
