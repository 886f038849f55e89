"""The forms officials fill in for outreach events, and the checks on what they type.

Each check says what is wrong in the official's language and the form comes
back with everything typed still in it. Two checks are warnings, not refusals:
a likely duplicate and an attendance far above the expected size ask the
official to confirm with a tick box. A hidden submission token makes a form
sent twice (a dropped connection, a double tap) create one event only.
"""

import datetime
import uuid
from itertools import groupby

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel

from campaigns.campaign_pages import CampaignPage
from campaigns.events.models import ATTENDANCE_BY_AGE, ATTENDANCE_BY_SEX, EventStatus, OutreachEvent
from campaigns.events.officials import area_of
from campaigns.places import Commune, District, Province
from home.khmer_format import format_number, latin_digits
from home.local_time import say_phnom_penh_time
from home.security.access import may_see, visible
from home.widgets import bound_choice_fields

# Attendance above this many times the expected size (and at least this many
# more people) asks for confirmation.
LARGE_ATTENDANCE_FACTOR = 3
LARGE_ATTENDANCE_MARGIN = 50
# Events are dated within these years: a far date would overflow the day's bounds or the database's range.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def validate_event_year(value):
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise forms.ValidationError(
            _("Choose a date between %(first)s and %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR},
            code="out_of_range",
        )


class LocalIntegerField(forms.IntegerField):
    """A count typed with Khmer or Latin digits; never negative."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
    default_error_messages = {
        "invalid": _("Enter a whole number, such as 25 or ២៥."),
        "min_value": _("Enter zero or more: a count of people cannot be negative."),
        "max_value": _("This number is too large."),
    }

    def __init__(self, **kwargs):
        kwargs.pop("max_value", None)
        kwargs.setdefault("min_value", 0)
        super().__init__(max_value=1_000_000, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = latin_digits(value).strip().replace(",", "").replace(" ", "")
        return super().to_python(value)

    def widget_attrs(self, widget):
        # A text input with a numeric keyboard: <input type=number> refuses Khmer digits.
        attrs = super().widget_attrs(widget)
        attrs.pop("min", None)
        attrs.pop("max", None)
        return attrs


class GroupedModelChoiceIterator(forms.models.ModelChoiceIterator):
    """Choices grouped under their parent place (communes under their district)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for parent, items in groupby(self.queryset, key=self.field.group_by):
            yield (str(parent), [self.choice(item) for item in items])


class GroupedModelChoiceField(forms.ModelChoiceField):
    iterator = GroupedModelChoiceIterator

    def __init__(self, *args, group_by, **kwargs):
        self.group_by = group_by
        super().__init__(*args, **kwargs)


class ConfirmationPanel(FieldPanel):
    """A tick box shown only when the form asks the official to confirm a warning.

    The box and its words sit together in one ``<label>`` (a screen reader reads them, a finger
    can tap them); the panel's heading only says that something needs checking."""

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "campaigns/admin/confirmation_panel.html"

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.heading = _("Check before saving")  # the field keeps its own label, shown beside the box

        def is_shown(self):
            return self.field_name in getattr(self.form, "confirmations_needed", ()) and super().is_shown()

        def id_for_label(self):
            return ""  # the heading is not the box's label: the label beside the box is


def likely_duplicates(start, campaign=None, commune=None, titles=(), exclude_pk=None):
    """Events on the same day (Phnom Penh time) with the same campaign and commune, or the same title."""
    if start is None:
        return OutreachEvent.objects.none()
    day = timezone.localtime(start).date()
    conditions = Q()
    if campaign is not None and commune is not None:
        conditions |= Q(campaign=campaign, commune=commune)
    titles = [t.strip() for t in titles if t and t.strip()]
    for title in titles:
        conditions |= Q(title_km__iexact=title) | Q(title_en__iexact=title)
    if not conditions:
        return OutreachEvent.objects.none()
    queryset = OutreachEvent.objects.on_day(day).filter(conditions).exclude(status=EventStatus.CANCELLED)
    if exclude_pk:
        queryset = queryset.exclude(pk=exclude_pk)
    return queryset.select_related("commune", "province")


def place_problems(province, district, commune):
    """{field: message} when the province, district and commune do not belong together."""
    problems = {}
    if district is not None and province is not None and district.province_id != province.pk:
        problems["district"] = _("This district is not in the chosen province.")
    if commune is not None:
        if district is None:
            problems["district"] = _("Choose the district of this commune.")
        elif commune.district_id != district.pk:
            problems["commune"] = _("This commune is not in the chosen district.")
    return problems


def attendance_problems(event, counts, now=None):
    """{field: message} for an attendance report that cannot be right."""
    problems = {}
    now = now or timezone.now()
    if event.start and event.start > now:
        problems["__all__"] = _("This event has not started yet: report its attendance after it is held.")
    by_sex = [counts.get(name) for name in ATTENDANCE_BY_SEX]
    by_age = [counts.get(name) for name in ATTENDANCE_BY_AGE]
    if any(v is None for v in by_sex):
        problems["female"] = _("Give the number of women, men and others (0 if none).")
    if any(v is None for v in by_age):
        problems["age_under_15"] = _("Give the number in each age band (0 if none).")
    if not problems.get("female") and not problems.get("age_under_15") and sum(by_sex) != sum(by_age):
        problems["age_under_15"] = _(
            "The age bands add up to %(by_age)s but women, men and others add up to %(by_sex)s: "
            "both totals count the same people."
        ) % {"by_age": format_number(sum(by_age)), "by_sex": format_number(sum(by_sex))}
    return problems


def is_far_above_expected(total, expected):
    return bool(expected) and total > expected * LARGE_ATTENDANCE_FACTOR and total - expected >= LARGE_ATTENDANCE_MARGIN


LANGUAGE_NAMES = {"km": _("in Khmer"), "en": _("in English")}


def label_languages(form):
    """Labels of translated fields name their language in words ("title in Khmer"), not "[km]"."""
    for name, field in form.fields.items():
        base, _sep, code = name.rpartition("_")
        if code in LANGUAGE_NAMES and base:
            model_field = OutreachEvent._meta.get_field(base)
            field.label = f"{model_field.verbose_name} {LANGUAGE_NAMES[code]}"


PHOTO_NOT_YOURS = _("This photo is not one of your area's photos: choose or upload a photo of this event.")


def refuse_unseen_photos(form):
    """Photos the user may not see (another province's) are refused on their row, and the row is emptied.

    The row's choice is cleared so the form shown again names nothing of the other photo;
    everything else typed stays in the form, and nothing is saved until the form is valid.
    """
    photos = getattr(form, "formsets", {}).get("photos")
    if photos is None:
        return
    for row in photos.forms:
        if not row.is_valid() or row.cleaned_data.get("DELETE"):
            continue
        image = row.cleaned_data.get("image")
        if image is not None and not may_see(form.for_user, image):
            row.add_error("image", PHOTO_NOT_YOURS)
            row.data = row.data.copy()
            row.data[row.add_prefix("image")] = ""


class VersionedForm(WagtailAdminModelForm):
    """Carries the version of the event the form was opened on, so a save over someone else's is refused.

    The view claims the next version when saving (campaigns.events.models.claim_version);
    a new event has no version to carry. Photos attached must be ones the user may see
    (:func:`refuse_unseen_photos`).
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["loaded_version"] = self.instance.version

    def clean(self):
        data = super().clean()
        if self.instance.pk and data.get("loaded_version") is None:
            self.add_error(None, _("This form is out of date: open the event again and make your changes there."))
        refuse_unseen_photos(self)
        return data

    def refresh_version(self, current):
        """After a refused save: the form keeps what was typed and now carries the version saved since."""
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = str(current.version)


class OutreachEventForm(VersionedForm):
    """Logging and editing an event: places limited to the official's area, and the checks above."""

    submission_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    confirm_not_duplicate = forms.BooleanField(label=_("This is a different event: save it anyway"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        self.confirmations_needed = set()
        self.duplicates = []
        label_languages(self)
        area = area_of(self.for_user)
        provinces = Province.objects.all() if area.everywhere else Province.objects.filter(pk=area.province_id)
        districts = District.objects.select_related("province").order_by("province__code", "code")
        communes = Commune.objects.select_related("district").order_by("district__code", "code")
        if not area.everywhere:
            districts = districts.filter(province_id=area.province_id)
            communes = communes.filter(district__province_id=area.province_id)
            if area.district_id:
                districts = districts.filter(pk=area.district_id)
                communes = communes.filter(district_id=area.district_id)
        if "province" in self.fields:
            self.fields["province"].queryset = provinces
            if provinces.count() == 1 and not self.instance.pk:
                self.fields["province"].initial = provinces.first().pk
        if "district" in self.fields:
            self.fields["district"] = GroupedModelChoiceField(
                queryset=districts,
                group_by=lambda d: d.province,
                required=bool(area.district_id),
                label=self.fields["district"].label,
                initial=area.district_id if area.district_id and not self.instance.pk else None,
            )
        if "commune" in self.fields:
            self.fields["commune"] = GroupedModelChoiceField(
                queryset=communes, group_by=lambda c: c.district, required=False, label=self.fields["commune"].label
            )
        if "campaign" in self.fields:
            campaigns = CampaignPage.objects.live() | CampaignPage.objects.filter(pk=self.instance.campaign_id or 0)
            self.fields["campaign"].queryset = campaigns.order_by("-first_published_at")
        for name in ("start", "end"):
            if name in self.fields:
                self.fields[name].validators.append(validate_event_year)
        say_phnom_penh_time(self, "start", "end")
        if "expected_attendance" in self.fields:
            old = self.fields["expected_attendance"]
            self.fields["expected_attendance"] = LocalIntegerField(label=old.label, required=True)
        if "status" in self.fields:
            # Logging and editing plan or cancel an event; reports and verification have their own forms.
            allowed = [EventStatus.PLANNED, EventStatus.CANCELLED]
            if self.instance.status not in allowed:
                allowed.append(self.instance.status)
            self.fields["status"].choices = [(k, v) for k, v in EventStatus.choices if k in allowed]
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("submission_token", uuid.uuid4())
        bound_choice_fields(self)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The event cannot end before it starts."))
        if start and end and end - start > datetime.timedelta(days=31):
            self.add_error("end", _("An event lasts a month at most: log a longer programme as several events."))
        for field, message in place_problems(data.get("province"), data.get("district"), data.get("commune")).items():
            self.add_error(field, message)
        area = area_of(self.for_user)
        if data.get("province") and not area.covers(data["province"].pk, getattr(data.get("district"), "pk", None)):
            self.add_error("province", _("You can log events only in your own area."))
        if not self.errors and not data.get("confirm_not_duplicate"):
            # Only events the official may see: another province's event is neither named nor counted.
            self.duplicates = list(
                visible(
                    self.for_user,
                    likely_duplicates(
                        start,
                        campaign=data.get("campaign"),
                        commune=data.get("commune"),
                        titles=(data.get("title_km"), data.get("title_en")),
                        exclude_pk=self.instance.pk,
                    ),
                )[:5]
            )
            if self.duplicates:
                self.confirmations_needed.add("confirm_not_duplicate")
                self.add_error(
                    "confirm_not_duplicate",
                    _(
                        "An event like this is already logged for the same day: %(events)s. "
                        "If it is the same event, do not save this one. If it is a different event, tick the box."
                    )
                    % {"events": "; ".join(f"{e.title} ({e.place})" for e in self.duplicates)},
                )
        return data


class AttendanceReportForm(VersionedForm):
    """Recording who came: by sex and by age band, with photos and notes."""

    confirm_large_attendance = forms.BooleanField(label=_("Yes, this many people really came"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.confirmations_needed = set()
        for name in ATTENDANCE_BY_SEX + ATTENDANCE_BY_AGE:
            if name in self.fields:
                old = self.fields[name]
                self.fields[name] = LocalIntegerField(label=old.label, required=False)

    def clean(self):
        data = super().clean()
        counts = {name: data.get(name) for name in ATTENDANCE_BY_SEX + ATTENDANCE_BY_AGE}
        typed_badly = [name for name in counts if name in self.errors]
        if typed_badly:
            return data
        for field, message in attendance_problems(self.instance, counts).items():
            self.add_error(None if field == "__all__" else field, message)
        if not self.errors and not data.get("confirm_large_attendance"):
            total = sum(counts[name] for name in ATTENDANCE_BY_SEX)
            if is_far_above_expected(total, self.instance.expected_attendance):
                self.confirmations_needed.add("confirm_large_attendance")
                self.add_error(
                    "confirm_large_attendance",
                    _(
                        "%(total)s people is far more than the %(expected)s expected at this venue. "
                        "Check the numbers; if they are right, tick the box and save again."
                    )
                    % {"total": format_number(total), "expected": format_number(self.instance.expected_attendance)},
                )
        return data
