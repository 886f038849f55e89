"""Teachers report the classes they taught with a lesson kit: a short form, no account needed.

A report stores only what the form asks for (school, place, date, numbers of
students). It waits in the admin's moderation list until NACD staff accept or
reject it; accepted reports count as people reached for the kit's campaign.
Spam and floods are kept out without a third-party service: a honeypot field,
a size limit, and a per-client rate limit counted in the database under a hash
of the client's address salted with the secret key and the hour (never the address).
"""

import datetime
import re
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from campaigns.places import District, Province
from campaigns.quizzes.report_results import CODE_FIELD, CODE_REPORTED, CheckResultsFormMixin, CodeAlreadyReported
from home.khmer_format import format_digits, latin_digits
from home.number_inputs import LocalisedIntegerField
from home.security import origins, rate_limits

MAX_CLASS_SIZE = 200
REPORTS_PER_HOUR = settings.CLASS_REPORTS_PER_HOUR  # per client (hashed address) and hour
RATE_SCOPE = "class-report"
MAX_BODY_BYTES = 8 * 1024


class ClassReport(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    kit = models.ForeignKey(
        "campaigns.LessonKitPage", on_delete=models.PROTECT, related_name="class_reports", verbose_name=_("lesson kit")
    )
    school = models.CharField(_("school"), max_length=200)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+", verbose_name=_("province"))
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+", verbose_name=_("district"))
    date_taught = models.DateField(_("date taught"))
    girls = models.PositiveSmallIntegerField(_("girls"), default=0)
    boys = models.PositiveSmallIntegerField(_("boys"), default=0)
    other = models.PositiveSmallIntegerField(_("other or not given"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    submitted_on = models.DateField(_("submitted on"), default=timezone.localdate)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Made on the teacher's phone for a report kept there without a signal (issue 18): the same report
    # sent twice is one report. A random number, nothing about the teacher or the phone.
    client_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-submitted_on", "-pk"]
        verbose_name = _("class taught")
        verbose_name_plural = _("classes taught")

    def __str__(self):
        return f"{self.school} ({self.date_taught})"

    @property
    def students(self):
        return self.girls + self.boys + self.other

    def check_result_list(self):
        """The class's before/after results (campaigns/quizzes/report_results.py), question by question."""
        if self.pk is None:
            return []
        return list(self.check_results.select_related("question", "class_code").order_by("question__sort_order"))


class DistrictSelect(forms.Select):
    """Each district names its province (``data-province``): js/class-report.js narrows the list to the
    province chosen. Without JavaScript every district is listed and the server checks the pair."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex=subindex, attrs=attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-province"] = str(instance.province_id)
            option["attrs"]["data-name"] = instance.name
        return option


DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y"]


class LocalisedDateField(forms.DateField):
    """A date typed as day/month/year, in Khmer or Latin digits, whatever the phone's locale.

    A ``type="date"`` input follows the phone's language (mm/dd/yyyy on an English phone) and
    refuses Khmer digits; a text input with the format shown in the page's language does neither.
    """

    widget = forms.TextInput(attrs={"inputmode": "text", "autocomplete": "off", "size": "10"})

    def __init__(self, **kwargs):
        super().__init__(input_formats=DATE_FORMATS, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"\s+", "", latin_digits(value))
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return format_digits(value.strftime("%d/%m/%Y"))
        return value


def date_format_help():
    """ "Day/month/year, for example ២៥/១១/២០២៦" in the page's language and digits."""
    today = timezone.localdate()
    # A day after the 12th, so that day and month cannot be mistaken for each other.
    day = today if today.day > 12 else (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=25)
    example = format_digits(day.strftime("%d/%m/%Y"))
    return gettext("Day/month/year, for example %(example)s") % {"example": example}


class ClassReportForm(CheckResultsFormMixin, forms.ModelForm):
    """The report, with the class's before/after results when the kit has a check (quizzes/report_results.py)."""

    # A field people never see: robots fill it in.
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    girls = LocalisedIntegerField(label=_("Girls"), min_value=0, max_value=MAX_CLASS_SIZE, initial=0)
    boys = LocalisedIntegerField(label=_("Boys"), min_value=0, max_value=MAX_CLASS_SIZE, initial=0)
    other = LocalisedIntegerField(
        label=_("Another gender, or not given"), min_value=0, max_value=MAX_CLASS_SIZE, initial=0, required=False
    )

    class Meta:
        model = ClassReport
        fields = ["school", "province", "district", "date_taught", "girls", "boys", "other"]
        labels = {"school": _("School name"), "province": _("Province"), "district": _("District")}
        field_classes = {"date_taught": LocalisedDateField}
        widgets = {"district": DistrictSelect}

    def __init__(self, *args, kit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kit = kit
        self.fields["province"].queryset = Province.objects.ordered_by_name()
        self.fields["district"].queryset = District.objects.select_related("province").ordered_by_name()
        self.fields["district"].label_from_instance = lambda d: f"{d.name} ({d.province.name})"
        self.fields["date_taught"].label = _("Date taught")
        self.fields["date_taught"].help_text = date_format_help()
        self.fields["date_taught"].widget.attrs["aria-describedby"] = "id_date_taught-help"
        self.fields["date_taught"].error_messages["invalid"] = _(
            "Write the date as day/month/year, for example 25/11/2026."
        )
        self.fields["school"].widget.attrs.update(maxlength=200, autocomplete="organization")
        self.add_check_fields(kit)

    def clean_date_taught(self):
        day = self.cleaned_data["date_taught"]
        if day > timezone.localdate():
            raise ValidationError(_("The date taught cannot be in the future."))
        if day < timezone.localdate() - datetime.timedelta(days=366):
            raise ValidationError(_("Report classes taught in the last twelve months."))
        return day

    def clean(self):
        cleaned = super().clean()
        province, district = cleaned.get("province"), cleaned.get("district")
        if province and district and district.province_id != province.pk:
            self.add_error("district", _("This district is not in the province you chose."))
        counts = [cleaned.get(name) for name in ("girls", "boys", "other")]
        class_size = None
        if all(c is not None for c in counts[:2]):
            class_size = sum(c or 0 for c in counts)
        self.clean_check_results(cleaned, class_size)
        if class_size is not None:
            if class_size == 0:
                raise ValidationError(_("Enter how many students were in the class."))
            if class_size > MAX_CLASS_SIZE:
                raise ValidationError(
                    _("A class of %(total)s students is more than we can count as one class (at most %(max)s).")
                    % {"total": class_size, "max": MAX_CLASS_SIZE}
                )
        cleaned["other"] = cleaned.get("other") or 0
        return cleaned

    def save(self, commit=True):
        """The report, and with ``commit`` its check results; without, the caller saves them after the report."""
        report = super().save(commit=False)
        report.kit = self.kit
        if commit:
            with transaction.atomic():
                report.save()
                self.save_check_results(report)
        return report


def over_rate_limit(request):
    """One more report from this client this hour; True past ``REPORTS_PER_HOUR``.

    Counted in the database under the hashed, hourly-salted client key
    (home/security/rate_limits.py): the page cache cannot flush it, and behind
    ``TRUSTED_PROXY_COUNT`` proxies each teacher is a client of their own.
    """
    return rate_limits.over(RATE_SCOPE, rate_limits.client_key(request), limit=REPORTS_PER_HOUR, seconds=3600)


def foreign_origin(request):
    """The form carries no CSRF token (that would set a cookie on every reader of a kit page); it changes no
    account, and the Origin check (home/security/origins.py) stops other sites from posting through a browser."""
    return origins.foreign_origin(request)


def body_size(request):
    """The declared size of the request body; an unreadable ``Content-Length`` counts as too large."""
    declared = (request.META.get("CONTENT_LENGTH") or "0").strip()
    if not declared.isdigit() or len(declared) > 12:
        return MAX_BODY_BYTES + 1
    return int(declared)


def client_id_of(request):
    """The identifier the phone's queue made for this report (``offline_id``), or None."""
    try:
        return uuid.UUID(str(request.POST.get("offline_id", ""))[:64])
    except ValueError:
        return None


def wants_json(request):
    """The phone's queue (home/static/js/class-report.js) asks for an answer it can read, not a page."""
    return "application/json" in request.headers.get("Accept", "")


def answered(request, kit, form=None, status=303):
    """The answer to a post: the kit page thanking or showing the form's errors, or JSON for the queue."""
    if wants_json(request):
        if form is None:
            return JsonResponse({"status": "sent"}, status=200)
        errors = [str(e) for e in form.non_field_errors()]
        errors += [
            f"{form.fields[name].label}: {e}" for name, es in form.errors.items() if name != "__all__" for e in es
        ]
        return JsonResponse({"status": "refused", "errors": errors}, status=status)
    if form is None:
        return HttpResponseRedirect(kit.get_url(request) + "?reported=1#report", status=status)
    response = kit.render(request, context_overrides={"report_form": form})
    response.status_code = status
    return response


def save_once(form, client_id):
    """Saves the report; a report already saved under the phone's identifier is not saved again."""
    if client_id is None:
        form.save()
        return
    try:
        with transaction.atomic():
            report = form.save(commit=False)
            report.client_id = client_id
            report.save()
            form.save_check_results(report)
    except IntegrityError:
        if not ClassReport.objects.filter(client_id=client_id).exists():
            raise


def receive_report(request, kit):
    """POST handler of the form on the kit page: 303 to the kit on success, the page with errors otherwise.

    A report from the phone's queue carries ``offline_id``: sent again (a lost answer, two tabs), it gets
    the same thanks and nothing more is saved."""
    if request.method != "POST":
        return HttpResponseRedirect(kit.get_url(request) + "#report")
    if foreign_origin(request):
        return HttpResponse(
            gettext("Reports can only be sent from this site."), status=403, content_type="text/plain; charset=utf-8"
        )
    if body_size(request) > MAX_BODY_BYTES:
        return HttpResponse(gettext("The report is too large."), status=413, content_type="text/plain; charset=utf-8")
    form = ClassReportForm(request.POST, kit=kit)
    if request.POST.get("website"):
        # A robot filled the hidden field: answer as if it worked, keep nothing.
        return answered(request, kit)
    client_id = client_id_of(request)
    if client_id is not None and ClassReport.objects.filter(client_id=client_id).exists():
        return answered(request, kit)  # a repeat: already counted, not counted against the limit either
    if over_rate_limit(request):
        form.add_error(None, _("Too many reports from this connection. Please try again in an hour."))
        return answered(request, kit, form, status=429)
    if form.is_valid():
        try:
            save_once(form, client_id)
        except CodeAlreadyReported:  # another report took the class code's results meanwhile: nothing saved
            form.add_error(CODE_FIELD, CODE_REPORTED)
            return answered(request, kit, form, status=409)
        return answered(request, kit)
    return answered(request, kit, form, status=400)
