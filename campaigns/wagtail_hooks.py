"""The campaigns app in the Wagtail admin and in home's registries. Each feature keeps its own admin
(``campaigns/lessons/admin.py``, ``campaigns/events/admin.py``, ``campaigns/reach/admin.py``); this module
imports them (Wagtail reads only each app's ``wagtail_hooks``) and groups their snippets in one menu."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaigns import home_sections, public_pages
from campaigns.events.admin import OfficialAreaViewSet, OutreachEventDeleteBulkAction, OutreachEventViewSet
from campaigns.help_services import HelpFinderPage, HelpService
from campaigns.lessons.admin import ClassReportViewSet
from campaigns.quizzes.admin import QuizViewSet
from campaigns.reach.admin import ManualReachViewSet
from campaigns.taxonomy import Audience, Topic
from home.home_sections import HOME_PAGE_SECTIONS
from home.public_pages import REGISTER_PUBLIC_PAGES
from home.templatetags.site_tags import HELP_PAGE


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    search_fields = ["name_km", "name_en", "slug"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Audiences")
    list_display = ["name", "slug"]
    search_fields = ["name_km", "name_en", "slug"]


class HelpServiceViewSet(SnippetViewSet):
    model = HelpService
    icon = "help"
    menu_label = _("Help services")
    list_display = ["name", "kind", "province", "phone"]
    list_filter = ["kind", "province"]
    search_fields = ["name_km", "name_en", "phone"]
    list_export = ["name_km", "name_en", "kind", "province", "address_km", "phone", "opening_hours_km", "languages"]
    export_filename = "help-services"


class CampaignSnippets(SnippetViewSetGroup):
    items = (
        TopicViewSet,
        AudienceViewSet,
        HelpServiceViewSet,
        ClassReportViewSet,
        QuizViewSet,
        ManualReachViewSet,
        OfficialAreaViewSet,
    )
    menu_icon = "folder-open-inverse"
    menu_label = _("Campaign content")
    menu_name = "campaign-content"


register_snippet(CampaignSnippets)
register_snippet(OutreachEventViewSet)
# Registered after Wagtail's own delete action (a later registration replaces an earlier one).
hooks.register("register_bulk_action", OutreachEventDeleteBulkAction, order=100)
hooks.register(HOME_PAGE_SECTIONS, home_sections.home_sections)
hooks.register(REGISTER_PUBLIC_PAGES, public_pages.public_pages)
hooks.register(HELP_PAGE, lambda: HelpFinderPage.objects.live().public().first())
