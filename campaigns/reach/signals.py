"""Cached reach figures go stale whenever what they count is saved or deleted."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from campaigns.events.models import OutreachEvent
from campaigns.fact_sheets import FactSheetPage
from campaigns.lessons.class_reports import ClassReport
from campaigns.lessons.pages import LessonKitPage
from campaigns.reach.figures import ManualReach, forget_reach, note_counted_before


def connect():
    """Cached reach figures go stale whenever what they count is saved or deleted."""
    for model in (OutreachEvent, ClassReport, ManualReach, LessonKitPage, FactSheetPage):
        post_save.connect(forget_reach, sender=model, dispatch_uid=f"reach_saved_{model.__name__}")
        post_delete.connect(forget_reach, sender=model, dispatch_uid=f"reach_deleted_{model.__name__}")
    for model in (OutreachEvent, ClassReport):  # records reach counts only in one status
        pre_save.connect(note_counted_before, sender=model, dispatch_uid=f"reach_before_{model.__name__}")
    m2m_changed.connect(
        forget_reach, sender=FactSheetPage.related_campaigns.through, dispatch_uid="reach_fact_sheet_campaigns"
    )
