"""The campaigns app in the Wagtail admin: topics, audiences, help services and classes taught."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaigns.campaign_deletion import deletion_refusal
from campaigns.models import Audience, ClassReport, HelpService, ManualReach, Topic
from campaigns.outreach_admin import OfficialAreaViewSet, OutreachEventDeleteBulkAction, OutreachEventViewSet
from campaigns.restricted_choosers import RestrictedSnippetChooserViewSet
from home.widgets import PageChooser, bound_choice_fields


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
    ]


class ManualReachCreateView(snippet_views.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user  # one INSERT: the entry and who made it
        return super().save_instance()


class ManualReachForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_choice_fields(self)


class ManualReachViewSet(SnippetViewSet):
    """People reached through channels the platform cannot see (TV, radio, print, social media)."""

    model = ManualReach
    chooser_viewset_class = RestrictedSnippetChooserViewSet
    icon = "form"
    menu_label = _("Reach from other channels")
    list_display = ["campaign", "channel", "day", "province", "people", "source"]
    list_filter = ["channel", "campaign", "day"]
    list_export = ["campaign", "channel", "day", "province", "people", "source"]
    export_filename = "reach-other-channels"
    add_view_class = ManualReachCreateView
    edit_handler = ObjectList(
        [
            FieldPanel("campaign", widget=PageChooser(target_models=["campaigns.CampaignPage"])),
            FieldRowPanel([FieldPanel("channel"), FieldPanel("day")]),
            FieldRowPanel([FieldPanel("people"), FieldPanel("province")]),
            FieldPanel("source"),
        ],
        base_form_class=ManualReachForm,
    )


@hooks.register("before_delete_page")
def keep_pages_with_reach(request, page):
    """A campaign or lesson kit with reach behind it (or a page above one) is not deleted: the admin says why."""
    refusal = deletion_refusal([page])
    if refusal:
        messages.error(request, refusal)
        parent = page.get_parent()
        return redirect("wagtailadmin_explore", parent.pk) if parent else redirect("wagtailadmin_home")


class PageDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete of pages, refusing (with the counts) when reach is behind any selected page.

    Asked before Wagtail's own check of protected references, which would only say "no permission".
    """

    def prepare_action(self, objects, objects_without_access):
        refusal = deletion_refusal(objects)
        if refusal:
            messages.error(self.request, refusal)
            return redirect(self.next_url)
        return super().prepare_action(objects, objects_without_access)


@hooks.register("register_admin_urls")
def reach_urls():
    from campaigns.reach_views import ReachView, export

    return [
        path("reach/", ReachView.as_view(), name="reach"),
        path("reach/export.<str:fmt>", export, name="reach_export"),
        path("reach/<int:campaign_id>/", ReachView.as_view(), name="reach_campaign"),
        path("reach/<int:campaign_id>/export.<str:fmt>", export, name="reach_campaign_export"),
    ]


class ReachMenuItem(MenuItem):
    """Staff with the reach permission see every area; officials see their own."""

    def is_shown(self, request):
        from campaigns.officials import area_of

        return request.user.has_perm("campaigns.view_reach") or not area_of(request.user).nowhere


@hooks.register("register_admin_menu_item")
def reach_menu_item():
    return ReachMenuItem(_("Reach"), reverse("reach"), icon_name="time", order=250)


class CampaignSnippets(SnippetViewSetGroup):
    items = (
        TopicViewSet,
        AudienceViewSet,
        HelpServiceViewSet,
        ClassReportViewSet,
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
hooks.register("register_bulk_action", PageDeleteBulkAction, order=100)
