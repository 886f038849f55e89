"""Where NACD staff read reach (Wagtail admin): one page for all campaigns, one per campaign,
with the same figures exported to CSV, XLSX and JSON."""

import csv
import datetime
import io

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from campaigns.campaign_pages import CampaignPage
from campaigns.events.officials import EVERYWHERE, area_of
from campaigns.lessons.pages import LessonKitPage
from campaigns.places import Province
from campaigns.quizzes.before_after import before_after_figures, before_after_rows
from campaigns.quizzes.figures import knowledge_figures, knowledge_rows
from campaigns.reach import charts as reach_charts
from campaigns.reach.figures import ManualReach, default_period, figure_rows, reach_figures
from home.local_time import say_phnom_penh_time
from home.security.access import public_pages
from home.security.spreadsheets import neutralise_row

PERMISSION = "campaigns.view_reach"
FIRST_YEAR, LAST_YEAR = 2000, 2100


class PeriodDateField(forms.DateField):
    """A date of the reach period: years 2000 to 2100 (far dates would overflow the weekly buckets)."""

    widget = forms.DateInput(attrs={"type": "date"})

    def validate(self, value):
        super().validate(value)
        if value and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise forms.ValidationError(
                gettext_lazy("Choose a date between %(first)s and %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )


class PeriodForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR)
    start = PeriodDateField(label=gettext_lazy("From"), required=False)
    end = PeriodDateField(label=gettext_lazy("To"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_phnom_penh_time(self, "start", "end")  # a day here is a day in Phnom Penh (issue 16)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            raise forms.ValidationError(gettext_lazy("The end of the period is before its start."))
        if start and end and (end - start).days > 3660:
            raise forms.ValidationError(gettext_lazy("Choose a period of ten years or less."))
        return cleaned

    def period(self, campaigns):
        """(start, end) chosen, or the year, or the campaigns' whole span."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("start") or data.get("end"):
            start = data.get("start") or datetime.date(FIRST_YEAR, 1, 1)
            return start, data.get("end") or timezone.localdate()
        if data.get("year"):
            return datetime.date(data["year"], 1, 1), datetime.date(data["year"], 12, 31)
        return default_period(campaigns)


def labels():
    return {
        "impressions": _("Impressions"),
        "page_views": _("Page views"),
        "downloads": _("Downloads"),
        "people": _("People reached"),
        "events": _("Outreach events (verified)"),
        "classes": _("Classes taught with lesson kits (accepted reports only)"),
        "total": _("Total people reached"),
        "by_sex": _("By sex"),
        "female": _("Female"),
        "male": _("Male"),
        "other": _("Other or not given"),
        "by_age": _("By age band"),
        "under_15": _("Under 15"),
        "15_24": _("15 to 24"),
        "25_plus": _("25 and over"),
        "not_known": _("Age not known"),
        "by_province": _("People reached by province"),
        "weekly_views": _("Page views by week"),
        "weekly_downloads": _("Downloads by week"),
        "weekly_people": _("People reached by week"),
        "by_campaign_people": _("People reached by campaign"),
        "by_campaign_impressions": _("Impressions by campaign"),
        "quiz_totals": _("Quiz answers"),
        "quiz_answers": _("Answers to quiz questions"),
        "quiz_share_right": _("Share of answers right (%)"),
        "quiz_by_question": _("Quiz answers by question"),
        "quiz_share_by_question": _("Share right by question (%)"),
        "quiz_myths": _("Questions most often answered wrong: share right (%)"),
        "check_before": _("Classes' checks before the lesson: share right (%), by kit and province"),
        "check_after": _("Classes' checks after the lesson: share right (%), by kit and province"),
        "check_title": _("Classes' checks: share right (%) before and after the lesson"),
        "no_province": _("province not given"),
    }


def reach_area(user):
    """Everywhere for NACD staff with the reach permission; an official's own area; else refused."""

    if user.has_perm(PERMISSION):
        return EVERYWHERE
    area = area_of(user)
    if area.nowhere:
        raise PermissionDenied
    return area


def reach_campaigns(request):
    """The campaigns whose reach the user may read: all for NACD staff with the reach permission; for
    officials the live, public ones only (drafts, unpublished and pending campaigns' titles never)."""
    campaigns = CampaignPage.objects.all()
    if request.user.has_perm(PERMISSION):
        return campaigns
    return public_pages(campaigns)


def reach_report(request, campaign_id=None):
    """Everything a reach view or export needs, from the request's period, campaign and the user's area."""
    area = reach_area(request.user)
    if campaign_id is not None:
        campaigns = [get_object_or_404(reach_campaigns(request), pk=campaign_id)]
    else:
        campaigns = list(reach_campaigns(request).order_by("-start_date"))
    form = PeriodForm(request.GET or None)
    start, end = form.period(campaigns)
    figures = reach_figures([c.pk for c in campaigns], start, end, area=area)
    names = {p.pk: p.name for p in Province.objects.filter(pk__in=list(figures.by_province))}
    titles = {c.pk: c.title for c in campaigns}
    knowledge = knowledge_figures([c.pk for c in campaigns], start, end, area=area)
    rows = figure_rows(figures, names, titles, dict(ManualReach.Channel.choices), labels())
    rows += knowledge_rows(knowledge, labels())
    kits = {kit.pk: kit.title for kit in LessonKitPage.objects.filter(campaign_id__in=[c.pk for c in campaigns])}
    if area.everywhere:
        checks = before_after_figures(kit_ids=kits)
    else:
        checks = before_after_figures(kit_ids=kits, province_id=area.province_id) if area.is_province else {}
    check_provinces = {p.pk: p.name for p in Province.objects.filter(pk__in={p for _k, p in checks})}
    rows += before_after_rows(checks, kits, check_provinces, labels())
    return {
        "campaigns": campaigns,
        "form": form,
        "figures": figures,
        "knowledge": knowledge,
        "rows": rows,
        "province_names": names,
        "start": start,
        "end": end,
        "campaign": campaigns[0] if campaign_id is not None else None,
        "area": area,
    }


def before_after_chart(rows, lab):
    """The classes' before/after shares of ``rows`` (the table's and the exports' rows) as one chart, or ""."""
    before = {item: value for section, item, value in rows if section == lab["check_before"]}
    after = {item: value for section, item, value in rows if section == lab["check_after"]}
    paired = [(item[:60], before[item], after.get(item, 0)) for item in before]
    if not paired:
        return ""
    return reach_charts.before_after_bars(
        paired, lab["check_title"], str(_("Before the lesson")), str(_("After the lesson"))
    )


class ReachView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "campaigns/admin/reach.html"
    header_icon = "time"

    def get_page_title(self):
        return _("Reach")

    def get_page_subtitle(self):
        campaign = self.report["campaign"]
        return campaign.title if campaign else _("All campaigns")

    def get(self, request, campaign_id=None):
        self.report = reach_report(request, campaign_id)
        response = super().get(request)
        if self.report["form"].errors:
            response.status_code = 400  # the figures of the default period, with the form's errors shown
        return response

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items, {"url": reverse("reach"), "label": _("Reach")}]
        if self.report["campaign"]:
            items.append({"url": "", "label": self.report["campaign"].title})
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.report
        figures = report["figures"]
        context.update(report)
        lab = labels()
        sections = {}
        for section, item, value in report["rows"]:
            sections.setdefault(section, []).append((item, value))
        context["sections"] = sections
        province_rows = [(item, value) for section, item, value in report["rows"] if section == lab["by_province"]]
        context["province_chart"] = (
            reach_charts.province_bars(province_rows, lab["by_province"]) if province_rows else ""
        )
        weeks = reach_charts.every_week(figures.weekly)
        if weeks:
            series = [
                (lab[name], [figures.weekly.get(w, {}).get(key, 0) for w in weeks])
                for name, key in (
                    ("weekly_views", "page_views"),
                    ("weekly_downloads", "downloads"),
                    ("weekly_people", "people"),
                )
            ]
            context["weekly_chart"] = reach_charts.weekly_lines(weeks, series, lab["people"])
        else:
            context["weekly_chart"] = ""
        knowledge = report["knowledge"]
        context["knowledge_chart"] = (
            reach_charts.province_bars(
                [(q.label[:60], q.share_right) for q in knowledge.questions], lab["quiz_share_by_question"]
            )
            if knowledge.questions
            else ""
        )
        context["before_after_chart"] = before_after_chart(report["rows"], lab)
        context["query"] = self.request.GET.urlencode()
        return context


def export(request, fmt, campaign_id=None):
    """The dashboard's figures as CSV, XLSX or JSON (staff only)."""
    report = reach_report(request, campaign_id)
    if report["form"].errors:
        problems = [str(error) for errors in report["form"].errors.values() for error in errors]
        return HttpResponse("\n".join(problems), status=400, content_type="text/plain; charset=utf-8")
    name = (
        f"reach-{report['campaign'].slug if report['campaign'] else 'all-campaigns'}-{report['start']}-{report['end']}"
    )
    header = [_("Section"), _("Item"), _("Value")]
    if fmt == "json":
        figures = report["figures"]
        return JsonResponse(
            {
                "campaign": report["campaign"].title if report["campaign"] else None,
                "start": report["start"].isoformat(),
                "end": report["end"].isoformat(),
                "impressions": {"page_views": figures.page_views, "downloads": figures.downloads},
                "people": {
                    "events": figures.events,
                    "classes": figures.classes,
                    "other_channels": figures.manual,
                    "total": figures.people,
                },
                "by_sex": figures.by_sex,
                "by_age": figures.by_age,
                "quizzes": {
                    "answers": report["knowledge"].answers,
                    "right": report["knowledge"].right,
                    "share_right": report["knowledge"].share_right,
                    "questions": [
                        {
                            "question": q.label,
                            "answers": q.answers,
                            "right": q.right,
                            "share_right": q.share_right,
                        }
                        for q in report["knowledge"].questions
                    ],
                    "most_often_wrong": [q.label for q in report["knowledge"].myths],
                },
                "rows": [{"section": s, "item": i, "value": v} for s, i, v in report["rows"]],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        response.write("\ufeff")  # so spreadsheet programs read the Khmer as UTF-8
        writer = csv.writer(response)
        writer.writerow(header)
        writer.writerows(neutralise_row(row) for row in report["rows"])
        return response
    if fmt == "xlsx":
        from openpyxl import Workbook  # imported here, not at the top: only this path needs it (start-up time)

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = _("Reach")[:31]
        sheet.append([_("Period"), report["start"].isoformat(), report["end"].isoformat()])
        sheet.append(header)
        for row in report["rows"]:
            sheet.append(neutralise_row(row))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    raise Http404("unknown format")
