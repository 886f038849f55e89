"""Reach in the Wagtail admin: the dashboard and its exports, reach entered from other channels, and
deletions refused while reach is behind a page."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.campaign_pages import CAMPAIGN_PAGE_CONTEXT
from campaigns.choosers import RestrictedSnippetChooserViewSet
from campaigns.events.officials import area_of
from campaigns.reach.deletion import deletion_refusal
from campaigns.reach.figures import ManualReach, public_summary
from campaigns.reach.views import ReachView, export
from home.widgets import PageChooser, bound_choice_fields


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

    return [
        path("reach/", ReachView.as_view(), name="reach"),
        path("reach/export.<str:fmt>", export, name="reach_export"),
        path("reach/<int:campaign_id>/", ReachView.as_view(), name="reach_campaign"),
        path("reach/<int:campaign_id>/export.<str:fmt>", export, name="reach_campaign_export"),
    ]


class ReachMenuItem(MenuItem):
    """Staff with the reach permission see every area; officials see their own."""

    def is_shown(self, request):

        return request.user.has_perm("campaigns.view_reach") or not area_of(request.user).nowhere


@hooks.register("register_admin_menu_item")
def reach_menu_item():
    return ReachMenuItem(_("Reach"), reverse("reach"), icon_name="time", order=250)


@hooks.register(CAMPAIGN_PAGE_CONTEXT)
def campaign_reach(page, request):
    """The public reach sentence on a campaign's page."""
    return {"reach": public_summary(page)}


# Registered after Wagtail's own delete action (a later registration replaces an earlier one).
hooks.register("register_bulk_action", PageDeleteBulkAction, order=100)
