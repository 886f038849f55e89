"""The campaigns app in the Wagtail admin: topics, audiences and help services as snippets."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaigns.models import Audience, HelpService, Topic
from campaigns.outreach_admin import OfficialAreaViewSet, OutreachEventDeleteBulkAction, OutreachEventViewSet


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
    items = (TopicViewSet, AudienceViewSet, HelpServiceViewSet, OfficialAreaViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Campaign content")
    menu_name = "campaign-content"


register_snippet(CampaignSnippets)
register_snippet(OutreachEventViewSet)
# Registered after Wagtail's own delete action (a later registration replaces an earlier one).
hooks.register("register_bulk_action", OutreachEventDeleteBulkAction, order=100)
