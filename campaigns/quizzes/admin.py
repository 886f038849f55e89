"""Quizzes in the Wagtail admin: a snippet with drafts, revisions, locking and the "Campaign review" workflow."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.choosers import RestrictedSnippetChooserViewSet
from campaigns.quizzes.models import Quiz


class QuizViewSet(SnippetViewSet):
    model = Quiz
    chooser_viewset_class = RestrictedSnippetChooserViewSet  # drafts' titles only for those who may see quizzes
    icon = "help"
    menu_label = _("Quizzes")
    list_display = ["title", "page", "campaign", "live"]
    list_filter = ["live", "kit_check"]
    search_fields = ["title_km", "title_en"]
    search_backend_name = None
    copy_view_enabled = False
