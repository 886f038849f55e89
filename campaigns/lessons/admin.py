"""Lesson kits in the Wagtail admin: the classes teachers reported, accepted or rejected by staff."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.choosers import RestrictedSnippetChooserViewSet
from campaigns.lessons.class_reports import ClassReport


def stamp_review(report, user):
    """Record who accepted or rejected a report, and when (pending reports have no reviewer)."""
    if report.status != ClassReport.Status.PENDING:
        report.reviewed_by = user
        report.reviewed_at = timezone.now()


class ClassReportEditView(snippet_views.EditView):
    def save_instance(self):
        # In the transaction of the save (form_valid): the decision and who made it are written together.
        stamp_review(self.form.instance, self.request.user)
        return super().save_instance()


class ClassReportViewSet(SnippetViewSet):
    """The moderation list of classes taught that teachers reported: accept or reject each."""

    model = ClassReport
    chooser_viewset_class = RestrictedSnippetChooserViewSet  # schools and counts: reviewers only
    icon = "clipboard-list"
    menu_label = _("Classes taught")
    list_display = ["school", "kit", "province", "date_taught", "students", "status", "submitted_on"]
    list_filter = ["status", "province", "date_taught"]
    search_fields = ["school"]
    list_export = ["kit", "school", "province", "district", "date_taught", "girls", "boys", "other", "status"]
    export_filename = "classes-taught"
    edit_view_class = ClassReportEditView
    ordering = ["status", "-submitted_on"]
    panels = [
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("kit", read_only=True),
                FieldPanel("school"),
                FieldRowPanel([FieldPanel("province"), FieldPanel("district")]),
                FieldPanel("date_taught"),
                FieldRowPanel([FieldPanel("girls"), FieldPanel("boys"), FieldPanel("other")]),
            ],
            heading=_("What the teacher reported"),
        ),
        # Read only: the class's before/after results (campaigns/quizzes/report_results.py), typed or from a code.
        HelpPanel(template="campaigns/admin/report_results_panel.html", heading=_("Results of the check")),
    ]
