"""Outreach events in the Wagtail admin: a SnippetViewSet whose every view is cut to the user's area.

- list, search, filters and spreadsheet export read :func:`visible_events`;
- inspect, edit, report, verify, delete, usage and history look the event up
  through the same queryset (another area's event is a 404, never its data) and
  then ask :data:`outreach_event_permission_policy` for the action (403);
- the chooser and the bulk delete action are cut the same way.
"""

import uuid

import django_filters

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html, json_script
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton
from wagtail.admin.widgets.button import Button
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.choosers import RestrictedSnippetChooserViewSet
from campaigns.events import offline
from campaigns.events.forms import AttendanceReportForm, ConfirmationPanel, OutreachEventForm
from campaigns.events.models import EditConflict, EventKind, EventStatus, OutreachEvent, claim_version
from campaigns.events.officials import OfficialArea, area_of
from campaigns.events.permissions import may_report_now, visible_events
from campaigns.events.permissions import outreach_event_permission_policy as policy
from campaigns.places import Province
from home.http.admin_user import current_user, offline_user_key
from home.khmer_format import format_datetime, format_number
from home.offline import REGISTER_OFFLINE_ADMIN_SCREENS

CONFLICT_BY = _(
    "%(who)s saved this event at %(when)s, after you opened it. Nothing of yours was saved, so their "
    "changes are kept. What you typed is still in the form: check it against the event as it is now "
    "(open it again in another tab), then save again to replace their changes with yours."
)
CONFLICT = _(
    "Someone else saved this event at %(when)s, after you opened it. Nothing of yours was saved, so their "
    "changes are kept. What you typed is still in the form: check it against the event as it is now "
    "(open it again in another tab), then save again to replace their changes with yours."
)

EVENT_PANELS = [
    FieldPanel("campaign", widget=forms.Select),
    FieldPanel("title_km"),
    FieldPanel("title_en"),
    FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
    FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
    MultiFieldPanel(
        [
            FieldPanel("province"),
            FieldPanel("district"),
            FieldPanel("commune"),
            FieldPanel("venue_km"),
            FieldPanel("venue_en"),
        ],
        heading=_("Where"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("organiser_km"),
            FieldPanel("organiser_en"),
            FieldPanel("audience_km"),
            FieldPanel("audience_en"),
            FieldPanel("expected_attendance"),
        ],
        heading=_("Who"),
    ),
    FieldPanel("description_km"),
    FieldPanel("description_en"),
    ConfirmationPanel("confirm_not_duplicate"),
]

REPORT_PANELS = [
    MultiFieldPanel(
        [FieldRowPanel([FieldPanel("female"), FieldPanel("male"), FieldPanel("other_sex")])],
        heading=_("People who came, by sex"),
    ),
    MultiFieldPanel(
        [FieldRowPanel([FieldPanel("age_under_15"), FieldPanel("age_15_24"), FieldPanel("age_25_plus")])],
        heading=_("The same people, by age"),
    ),
    ConfirmationPanel("confirm_large_attendance"),
    InlinePanel("photos", heading=_("Photos"), label=_("photo"), max_num=10),
    FieldPanel("notes"),
]


def attendance_text(event):
    total = event.attendance_total
    return "" if total is None else format_number(total)


class OutreachEventFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("status"), choices=EventStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("kind of event"), choices=EventKind.choices)
    province = django_filters.ModelChoiceFilter(
        label=_("province"), queryset=lambda request: provinces_for(request.user if request else None)
    )
    start = django_filters.DateFromToRangeFilter(label=_("starts"), widget=DateRangePickerWidget)

    class Meta:
        model = OutreachEvent
        fields = ["status", "kind", "province", "start"]


def provinces_for(user):

    area = area_of(user)
    return Province.objects.all() if area.everywhere else Province.objects.filter(pk=area.province_id or 0)


class InAreaObjectMixin:
    """Single-event views: another area's event is not found; a forbidden action is refused."""

    object_action = "view"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        user = self.request.user
        if not policy.user_has_any_permission_for_instance(user, ["view", "change", "delete"], obj):
            raise Http404
        if self.object_action != "view" and not policy.user_has_permission_for_instance(user, self.object_action, obj):
            raise PermissionDenied
        return obj


class IndexView(snippet_views.IndexView):
    def get_base_queryset(self):
        return visible_events(self.request.user).select_related("province", "district", "commune", "campaign")

    def get_edit_url(self, instance):
        if policy.user_has_permission_for_instance(self.request.user, "change", instance):
            return reverse(self.edit_url_name, args=(quote(instance.pk),))

    def get_delete_url(self, instance):
        if policy.user_has_permission_for_instance(self.request.user, "delete", instance):
            return reverse(self.delete_url_name, args=(quote(instance.pk),))

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        user = self.request.user
        if may_report_now(user, instance):
            buttons.append(
                ListingButton(
                    _("Report attendance"),
                    url=reverse(instance.snippet_viewset.get_url_name("report"), args=(quote(instance.pk),)),
                    icon_name="group",
                    priority=15,
                )
            )
        if policy.user_has_permission_for_instance(user, "verify", instance):
            buttons.append(
                ListingButton(
                    _("Verify report"),
                    url=reverse(instance.snippet_viewset.get_url_name("verify"), args=(quote(instance.pk),)),
                    icon_name="check",
                    priority=16,
                )
            )
        return buttons


def submission_token(value):
    """The form's token as a UUID, or None when it is not one (the form then says so)."""
    try:
        return uuid.UUID(str(value)[:64])
    except ValueError:
        return None


class CreateView(snippet_views.CreateView):
    def post(self, request, *args, **kwargs):
        # The same form sent again (a retry after a dropped connection) opens the event it already made.
        token = submission_token(request.POST.get("submission_token", ""))
        existing = visible_events(request.user).filter(submission_token=token).first() if token else None
        if token and existing is None and OutreachEvent.objects.filter(submission_token=token).exists():
            raise PermissionDenied
        if existing is not None:
            messages.success(request, _("This event was already saved; nothing was added twice."))
            return redirect(self.edit_url_name, quote(existing.pk))
        return super().post(request, *args, **kwargs)

    def save_instance(self):
        self.form.instance.created_by = self.request.user
        self.form.instance.submission_token = self.form.cleaned_data.get("submission_token")
        try:
            with transaction.atomic():
                return super().save_instance()
        except IntegrityError:
            existing = OutreachEvent.objects.filter(submission_token=self.form.instance.submission_token).first()
            if existing is None:
                raise
            return existing


def event_buttons(user, event):
    """The header buttons of one event: report (once it has started) and verify, each when allowed."""
    buttons = []
    viewset = event.snippet_viewset
    if may_report_now(user, event):
        url = reverse(viewset.get_url_name("report"), args=(quote(event.pk),))
        buttons.append(Button(_("Report attendance"), url=url, icon_name="group", priority=15))
    if policy.user_has_permission_for_instance(user, "verify", event):
        url = reverse(viewset.get_url_name("verify"), args=(quote(event.pk),))
        buttons.append(Button(_("Verify report"), url=url, icon_name="check", priority=16))
    return buttons


def photos_html(event):
    """Thumbnails of the event's photos, each linking to the photo (private files: the checked route)."""
    photos = event.photos.select_related("image").order_by("sort_order")
    return render_to_string("campaigns/admin/event_photos.html", {"photos": photos})


def user_name(user):
    return (user.get_full_name() or user.get_username()) if user else ""


def conflict_message(current):
    """Who saved the event meanwhile, and when, in the reader's language."""
    when = format_datetime(current.updated_at)
    if current.changed_by_id:
        return CONFLICT_BY % {"who": user_name(current.changed_by), "when": when}
    return CONFLICT % {"when": when}


def conflict_summary(current):
    when = format_datetime(current.updated_at)
    if current.changed_by_id:
        return f"{user_name(current.changed_by)}, {when}"
    return when


def fields_that_differ(form, current):
    """Labels of the form's fields whose saved value now differs from what was typed."""
    names = {f.name for f in OutreachEvent._meta.concrete_fields}
    return [
        str(form.fields[name].label)
        for name, value in form.cleaned_data.items()
        if name in names and name in form.fields and getattr(current, name) != value
    ]


class VersionCheckedMixin:
    """Saves refused when the event changed since the form was opened (optimistic locking).

    ``form_valid`` runs ``save_instance`` in a transaction; the save first claims the
    next version of the event, and a lost claim rolls everything back and shows the
    form again with what was typed, who saved meanwhile and when.
    """

    def claim(self):
        claim_version(self.form.instance, self.form.cleaned_data["loaded_version"], self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except EditConflict as conflict:
            return self.refuse_stale_save(form, conflict.current)

    def refuse_stale_save(self, form, current):
        self.produced_error_message = conflict_message(current)
        differ = fields_that_differ(form, current)
        if differ:
            message = _("Saved differently from what you typed: %(fields)s.") % {"fields": ", ".join(differ)}
            form.add_error(None, message)
        else:
            form.add_error(None, _("Your form is out of date."))
        form.refresh_version(current)
        return self.form_invalid(form)


class EditView(VersionCheckedMixin, InAreaObjectMixin, snippet_views.EditView):
    object_action = "change"

    def save_instance(self):
        self.claim()
        return super().save_instance()

    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *self.event_buttons()]

    def event_buttons(self):
        return event_buttons(self.request.user, self.object)


class ReportView(EditView):
    """The attendance report: its own short form (counts, photos, notes), saved as "held"."""

    object_action = "report"
    view_name = "report"

    def get_panel(self):
        return ObjectList(REPORT_PANELS, base_form_class=AttendanceReportForm).bind_to_model(OutreachEvent)

    def get_form_class(self):
        return self.panel.get_form_class()

    def get_edit_url(self):
        return reverse(self.object.snippet_viewset.get_url_name("report"), args=(quote(self.object.pk),))

    def get_page_title(self):
        return _("Report attendance")

    def get(self, request, *args, **kwargs):
        """An event that has not started has nothing to report yet: back to the event, saying so."""
        if not self.object.has_started:
            messages.error(request, _("This event has not started yet: report its attendance after it is held."))
            return redirect(self.object.snippet_viewset.get_url_name("inspect"), quote(self.object.pk))
        return super().get(request, *args, **kwargs)

    @cached_property
    def header_more_buttons(self):
        return []

    def get_editing_sessions(self):
        """No "who else is editing" pings: the report opens and is saved without a signal (issue 18), where a
        failed ping would stop Save with a dialog; another official's change meanwhile is the version check's."""
        return None

    def get_success_message(self, instance=None):
        return _("Attendance of '%(event)s' reported. A provincial coordinator will verify it.") % {
            "event": self.object
        }

    def get_success_url(self):
        return reverse(self.index_url_name)

    def save_instance(self):
        self.claim()
        event = self.form.instance
        event.status = EventStatus.HELD
        event.reported_by = self.request.user
        event.reported_at = timezone.now()
        return self.form.save()


class VerifyView(InAreaObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """A provincial coordinator confirms a report; from then on it counts as reach."""

    object_action = "verify"
    template_name = "campaigns/admin/verify_event.html"
    header_icon = "check"
    model = OutreachEvent
    index_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pk = kwargs["pk"]

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        obj = get_object_or_404(OutreachEvent.objects.select_related("province", "district", "commune"), pk=self.pk)
        user = self.request.user
        if not policy.user_has_any_permission_for_instance(user, ["view", "change", "delete"], obj):
            raise Http404
        if not policy.user_has_permission_for_instance(user, "verify", obj):
            raise PermissionDenied
        return obj

    def get_page_title(self):
        return _("Verify report")

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        """Home, the events, this one, "Verify report": the header bar shows the last, not "Home" (issue 16)."""
        viewset = self.object.snippet_viewset
        return [
            *self.breadcrumbs_items,
            {"url": reverse(viewset.get_url_name("list")), "label": capfirst(OutreachEvent._meta.verbose_name_plural)},
            {"url": reverse(viewset.get_url_name("inspect"), args=[quote(self.object.pk)]), "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.object
        context["photos"] = self.object.photos.select_related("image").order_by("sort_order")
        context["index_url"] = reverse(self.object.snippet_viewset.get_url_name("list"))
        return context

    def post(self, request, *args, **kwargs):
        """Verifies the numbers the coordinator saw: a report changed since is shown again first."""
        event = self.object
        loaded = request.POST.get("loaded_version", "")
        try:
            with transaction.atomic():
                claim_version(event, int(loaded) if loaded.isdigit() else 0, request.user)
                event.status = EventStatus.VERIFIED
                event.verified_by = request.user
                event.verified_at = timezone.now()
                event.save(update_fields=["status", "verified_by", "verified_at", "updated_at"])
        except EditConflict as conflict:
            messages.error(
                request,
                _("The report changed since you opened it (%(change)s). Check the numbers below again.")
                % {"change": conflict_summary(conflict.current)},
            )
            return redirect(event.snippet_viewset.get_url_name("verify"), quote(event.pk))
        messages.success(request, _("The report of '%(event)s' is verified.") % {"event": event})
        return redirect(event.snippet_viewset.get_url_name("list"))


class DeleteView(InAreaObjectMixin, snippet_views.DeleteView):
    object_action = "delete"


class InspectView(InAreaObjectMixin, snippet_views.InspectView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *event_buttons(self.request.user, self.object)]

    def get_field_label(self, field_name, field):
        if field_name == "photos":
            return _("Photos")
        return super().get_field_label(field_name, field)

    def get_photos_display_value(self):
        return photos_html(self.object)

    def get_field_display_value(self, field_name, field):
        if field_name in ("start", "end", "reported_at", "verified_at"):
            return format_datetime(getattr(self.object, field_name))
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value

    def get_object(self, queryset=None):
        obj = get_object_or_404(OutreachEvent, pk=self.pk)
        if not policy.user_has_any_permission_for_instance(self.request.user, ["view", "change", "delete"], obj):
            raise Http404
        return obj


class UsageView(InAreaObjectMixin, snippet_views.UsageView):
    pass


class HistoryView(InAreaObjectMixin, snippet_views.HistoryView):
    pass


class InAreaChooserMixin:
    """The chooser lists the area's events only, searched by title (``?q=``)."""

    def get_object_list(self):
        return visible_events(self.request.user).select_related("province")

    def filter_object_list(self, objects):
        objects = super().filter_object_list(objects)
        query = self.request.GET.get("q", "").strip()[:100]
        if query:
            objects = objects.filter(Q(title_km__icontains=query) | Q(title_en__icontains=query))
        return objects


class ChooseView(InAreaChooserMixin, snippet_chooser.ChooseView):
    pass


class ChooseResultsView(InAreaChooserMixin, snippet_chooser.ChooseResultsView):
    pass


class ChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return visible_events(self.request.user).get(pk=pk)


class ChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return visible_events(self.request.user).filter(pk__in=pks)


class OutreachEventChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


class OutreachEventDeleteBulkAction(DeleteBulkAction):
    """Bulk delete that never even names another area's events."""

    models = [OutreachEvent]

    def get_actionable_objects(self):
        ids = self.request.GET.getlist("id")
        events = visible_events(self.request.user)
        if "all" not in ids:
            events = events.filter(pk__in=[i for i in ids if i.isdigit()])
        objects, refused = [], []
        for event in events:
            (objects if self.check_perm(event) else refused).append(event)
        if not objects and not refused:
            raise Http404
        return objects, {"items_with_no_access": refused}


class OutreachEventViewSet(SnippetViewSet):
    model = OutreachEvent
    icon = "date"
    menu_label = _("Outreach events")
    menu_name = "outreach-events"
    menu_order = 150
    add_to_admin_menu = True
    url_prefix = "outreach-events"
    admin_url_namespace = "outreach_events"
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_handler = ObjectList(EVENT_PANELS, base_form_class=OutreachEventForm)
    filterset_class = OutreachEventFilterSet
    search_fields = ["title_km", "title_en", "venue_km", "venue_en", "organiser_km"]
    search_backend_name = None
    list_per_page = 25
    ordering = ["-start"]
    list_display = [
        "title",
        Column("when", label=_("starts"), accessor=lambda e: format_datetime(e.start), sort_key="start"),
        Column("place", label=_("place"), accessor="place"),
        Column("status", label=_("status"), accessor="get_status_display", sort_key="status"),
        Column("attendance", label=_("people reached"), accessor=attendance_text),
    ]
    list_export = [
        "title_km",
        "title_en",
        "campaign",
        "get_kind_display",
        "get_status_display",
        "start_local",
        "end_local",
        "province",
        "district",
        "commune",
        "venue_km",
        "organiser_km",
        "audience_km",
        "expected_attendance",
        "female",
        "male",
        "other_sex",
        "age_under_15",
        "age_15_24",
        "age_25_plus",
        "created_by",
        "reported_at",
        "verified_by",
        "verified_at",
    ]
    export_filename = "outreach-events"
    export_headings = {
        "get_kind_display": _("kind of event"),
        "get_status_display": _("status"),
        "start_local": _("starts"),
        "end_local": _("ends"),
    }
    inspect_view_fields = [
        "campaign",
        "kind",
        "status",
        "start",
        "end",
        "province",
        "district",
        "commune",
        "venue",
        "organiser",
        "audience",
        "expected_attendance",
        "female",
        "male",
        "other_sex",
        "age_under_15",
        "age_15_24",
        "age_25_plus",
        "notes",
        "photos",
        "created_by",
        "reported_by",
        "reported_at",
        "verified_by",
        "verified_at",
    ]

    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    inspect_view_class = InspectView
    usage_view_class = UsageView
    history_view_class = HistoryView
    chooser_viewset_class = OutreachEventChooserViewSet

    @property
    def permission_policy(self):
        return policy

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("report/<str:pk>/", self.report_view, name="report"),
            path("verify/<str:pk>/", self.verify_view, name="verify"),
            path("offline/submit/", offline.submit_view, name="offline_submit"),
        ]

    @property
    def report_view(self):
        return self.construct_view(ReportView, **self.get_edit_view_kwargs())

    @property
    def verify_view(self):
        return self.construct_view(VerifyView, header_icon="check")


class OfficialAreaViewSet(SnippetViewSet):
    """Where each official works; managed by administrators."""

    model = OfficialArea
    chooser_viewset_class = RestrictedSnippetChooserViewSet  # who works where: administrators only
    icon = "site"
    menu_label = _("Officials' areas")
    list_display = ["user", "province", "district"]
    list_filter = ["province"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    search_backend_name = None
    panels = [FieldPanel("user"), FieldPanel("province"), FieldPanel("district")]


def offline_texts():
    """What the phone queue's list and form say (campaigns/static/js/outreach-offline.js), in the admin's language."""
    return {
        "heading": _("Waiting to send"),
        "all_sent": _("Sent from this phone"),
        "saved": _("Saved on this phone, waiting to send"),
        "sending": _("Sending…"),
        "sent": _("Sent"),
        "refused": _("Refused:"),
        "fix": _("Fix and send again"),
        "open": _("See what was saved"),
        "send_now": _("Send now"),
        "no_signal": _("No connection yet. It is sent by itself when the signal returns."),
        "event": _("Outreach event"),
        "report": _("Attendance report"),
        "photos": _("Photos from this phone"),
        "photos_help": _("Made smaller on the phone before sending. They are sent with the report, even later."),
        "sign_out_warning": _(
            "%(count)s saved on this phone are not sent yet. They stay on this phone for you and are sent "
            "the next time you sign in with a connection. Sign out anyway?"
        ),
    }


@hooks.register("insert_global_admin_js")
def offline_queue_script():
    """The officials' phone queue on their admin screens (issue 18), for those who may log events."""
    user = current_user()
    if user is None or not policy.user_has_permission(user, "add"):
        return ""
    return format_html(
        '{}<script src="{}" data-user="{}" data-submit="{}" data-add="{}" data-base="{}" defer></script>',
        json_script({key: str(value) for key, value in offline_texts().items()}, "outreach-offline-text"),
        static("js/outreach-offline.js"),
        offline_user_key(),
        reverse("outreach_events:offline_submit"),
        reverse("outreach_events:add"),
        reverse("outreach_events:list"),
    )


@hooks.register("insert_global_admin_css")
def offline_queue_style():
    """How the phone queue's list looks (campaigns/static/css/outreach-offline.css)."""
    user = current_user()
    if user is None or not policy.user_has_permission(user, "add"):
        return ""
    return format_html('<link rel="stylesheet" href="{}">', static("css/outreach-offline.css"))


@hooks.register(REGISTER_OFFLINE_ADMIN_SCREENS)
def offline_event_screens():
    """What the service worker keeps for officials: the events list, the event form, attendance reports."""
    base = reverse("outreach_events:list")
    return [f"^{base}$", f"^{base}add/$", f"^{base}report/[0-9]+/$"]
