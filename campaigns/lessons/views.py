"""Views of the campaigns app that are not pages. Thin: the logic lives in the modules they call."""

from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from campaigns.lessons.class_reports import receive_report
from campaigns.lessons.pages import LessonKitPage


@csrf_exempt  # no cookie for readers of kit pages; see class_reports.foreign_origin
@require_http_methods(["GET", "POST"])
def report_class(request, kit_id):
    kit = get_object_or_404(LessonKitPage.objects.live().public(), pk=kit_id)
    return receive_report(request, kit)
