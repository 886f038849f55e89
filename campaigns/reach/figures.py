"""Reach of a campaign: every figure comes from records one can list, by channel, place and day.

Channels are kept apart. Impressions: views of the campaign's pages (the campaign, its
fact sheets and lesson kits) and downloads of its kits' files. People reached: accepted
classes taught with its kits (by sex), manual entries by NACD staff for channels the
platform cannot see (each with its source), and verified outreach events once they
are recorded. Each channel is one grouped query, so a dashboard costs the same number
of queries however many records there are.
"""

import copy
import datetime
import hashlib
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache, caches
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.events.models import EventStatus, OutreachEvent
from campaigns.events.officials import EVERYWHERE
from campaigns.fact_sheets import FactSheetPage
from campaigns.lessons.class_reports import ClassReport
from campaigns.lessons.downloads import DownloadCount
from campaigns.lessons.pages import LessonKitPage
from campaigns.reach.page_views import PageViewCount


class ManualReach(models.Model):
    """People reached through a channel the platform cannot see, entered by NACD staff."""

    class Channel(models.TextChoices):
        BROADCAST = "broadcast", _("TV or radio audience")
        PRINT = "print", _("printed copies handed out")
        SOCIAL = "social", _("social media reach")
        OTHER = "other", _("other")

    campaign = models.ForeignKey(
        "campaigns.CampaignPage", on_delete=models.PROTECT, related_name="manual_reach", verbose_name=_("campaign")
    )
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    day = models.DateField(_("date"))
    province = models.ForeignKey(
        "campaigns.Province",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("province"),
        help_text=_("Leave empty for a national channel."),
    )
    people = models.PositiveIntegerField(_("people reached"))
    source = models.CharField(
        _("source"), max_length=300, help_text=_("Where the figure comes from, e.g. the broadcaster's audience report.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        ordering = ["-day", "-pk"]
        verbose_name = _("reach from another channel")
        verbose_name_plural = _("reach from other channels")
        permissions = [("view_reach", "Can view reach figures")]

    def __str__(self):
        return f"{self.get_channel_display()} {self.day}: {self.people}"

    def clean(self):
        errors = {}
        if self.people is not None and self.people <= 0:
            errors["people"] = _("Enter the number of people reached: more than zero.")
        if not (self.source or "").strip():
            errors["source"] = _("Say where this figure comes from.")
        campaign = self.campaign if self.campaign_id else None
        if campaign and self.day and not (campaign.start_date <= self.day <= campaign.end_date):
            errors["day"] = _("The date must be within the campaign period (%(start)s to %(end)s).") % {
                "start": campaign.start_date.isoformat(),
                "end": campaign.end_date.isoformat(),
            }
        if errors:
            raise ValidationError(errors)


@dataclass
class ReachFigures:
    """Everything a reach page, an export or the public summary shows."""

    start: datetime.date
    end: datetime.date
    page_views: int = 0
    downloads: int = 0
    classes: int = 0
    events: int = 0
    manual: int = 0
    by_sex: dict = field(default_factory=lambda: {"female": 0, "male": 0, "other": 0})
    by_age: dict = field(default_factory=lambda: {"under_15": 0, "15_24": 0, "25_plus": 0, "not_known": 0})
    manual_by_channel: dict = field(default_factory=dict)
    by_province: dict = field(default_factory=dict)  # province id -> {"classes", "events", "manual"}
    weekly: dict = field(default_factory=dict)  # Monday -> {"page_views", "downloads", "people"}
    per_campaign: dict = field(default_factory=dict)  # campaign id -> {"page_views", "downloads", "people"}

    @property
    def impressions(self):
        return self.page_views + self.downloads

    @property
    def people(self):
        return self.classes + self.events + self.manual

    @property
    def provinces_reached(self):
        return sum(1 for row in self.by_province.values() if sum(row.values()) > 0)


def monday(day):
    return day - datetime.timedelta(days=day.weekday())


def as_date(value):
    """A date from a date or datetime value (databases differ in what a date expression returns)."""
    return value.date() if isinstance(value, datetime.datetime) else value


def campaign_pages(campaign_ids):
    """page id -> campaign ids: each campaign page, its lesson kits and its fact sheets."""

    pages = defaultdict(set)
    for campaign_id in campaign_ids:
        pages[campaign_id].add(campaign_id)
    for kit_id, campaign_id in LessonKitPage.objects.filter(campaign_id__in=campaign_ids).values_list(
        "pk", "campaign_id"
    ):
        pages[kit_id].add(campaign_id)
    through = FactSheetPage.related_campaigns.through
    for sheet_id, campaign_id in through.objects.filter(campaignpage_id__in=campaign_ids).values_list(
        "factsheetpage_id", "campaignpage_id"
    ):
        pages[sheet_id].add(campaign_id)
    return pages


def add(bucket, key, name, value):
    row = bucket.setdefault(key, {})
    row[name] = row.get(name, 0) + (value or 0)


def tally(figures, queryset, people, *, channel, campaign_field, day_field, province_field=None, sums=None):
    """Add one channel's records to ``figures`` with one small grouped query per dimension.

    Grouping by campaign, by province and by day separately (rather than by all three at
    once) keeps every query's result to a few hundred rows however many records there are.
    Each record has one campaign, so the channel's total (and each of ``sums``, extra sums
    such as people by sex, computed in the same query) is the sum over campaigns.
    """
    key = "people" if channel not in ("page_views", "downloads") else channel
    sums = sums or {}
    totals = dict.fromkeys(sums, 0)
    total = 0
    for row in queryset.values(campaign_field).annotate(value=people, **sums).order_by():
        total += row["value"] or 0
        add(figures.per_campaign, row[campaign_field], key, row["value"])
        for name in sums:
            totals[name] += row[name] or 0
    setattr(figures, channel, getattr(figures, channel) + total)
    if province_field:
        for row in queryset.values(province_field).annotate(value=people).order_by():
            if row[province_field]:
                add(figures.by_province, row[province_field], channel, row["value"])
    # By day in the database (a plain date column), by week here.
    days = queryset.values(day_field).annotate(value=people).order_by()
    for row in days:
        add(figures.weekly, monday(as_date(row[day_field])), key, row["value"])
    return totals


def reach_figures(campaign_ids, start, end, area=None):
    """Reach of the campaigns ``campaign_ids`` between ``start`` and ``end`` (inclusive).

    ``area`` (campaigns.events.officials.Area) cuts the figures to an official's province or district:
    page views and downloads have no place (nothing about readers is kept), so they are
    left out, and other channels keep only the records of that area.

    With ``REACH_CACHE_SECONDS`` set, everything but today's page views and downloads (the
    only records that change without a save: the counters) is kept in the cache under a
    version that every save or delete of a reach record, event or kit changes
    (:func:`forget_reach`); today's counters are always read afresh and added.
    """

    area = area or EVERYWHERE
    campaign_ids = sorted(set(campaign_ids))
    seconds = getattr(settings, "REACH_CACHE_SECONDS", 0)
    today = timezone.localdate()
    if not seconds or area.nowhere:
        return compute_reach(campaign_ids, start, end, area)
    key = "reach:{version}:{ids}:{start}:{end}:{today}:{area}".format(
        version=reach_version(),
        ids=hashlib.sha256(",".join(map(str, campaign_ids)).encode()).hexdigest()[:32],
        start=start.isoformat(),
        end=end.isoformat(),
        today=today.isoformat(),
        area=f"{int(area.everywhere)}-{area.province_id}-{area.district_id}",
    )
    shared = caches["shared"]
    settled = shared.get(key)
    if settled is None:
        settled = compute_reach(campaign_ids, start, end, area, counters_until=today - datetime.timedelta(days=1))
        shared.set(key, settled, seconds)
    figures = copy.deepcopy(settled)
    if area.everywhere and start <= today <= end:
        add_counters(figures, campaign_ids, today, today)
    return figures


def compute_reach(campaign_ids, start, end, area, counters_until=None):
    """The figures from the records, every channel, no cache (``counters_until``: page views and
    downloads only up to that day)."""
    figures = ReachFigures(start=start, end=end)
    for campaign_id in campaign_ids:
        figures.per_campaign[campaign_id] = {"page_views": 0, "downloads": 0, "people": 0}
    if area.nowhere:
        return figures
    if area.everywhere:
        last = end if counters_until is None else min(end, counters_until)
        if start <= last:
            add_counters(figures, campaign_ids, start, last)
    add_people(figures, campaign_ids, start, end, area)
    return figures


def add_counters(figures, campaign_ids, start, end):
    """Page views and downloads (impressions) of the campaigns between ``start`` and ``end``."""

    # Page views: one query by page (pages map to campaigns in Python) and one by week.
    pages = campaign_pages(campaign_ids)
    views = PageViewCount.objects.filter(page_id__in=list(pages), day__range=(start, end))
    for row in views.values("page_id").annotate(value=Sum("count")).order_by():
        figures.page_views += row["value"]
        for campaign_id in pages[row["page_id"]]:
            add(figures.per_campaign, campaign_id, "page_views", row["value"])
    for row in views.values("day").annotate(value=Sum("count")).order_by():
        add(figures.weekly, monday(row["day"]), "page_views", row["value"])
    downloads = DownloadCount.objects.filter(kit__campaign_id__in=campaign_ids, day__range=(start, end))
    tally(figures, downloads, Sum("count"), channel="downloads", campaign_field="kit__campaign_id", day_field="day")


def add_people(figures, campaign_ids, start, end, area):
    """People reached: accepted classes, manual entries and verified events, in ``area``."""

    classes = area.filter(
        ClassReport.objects.filter(
            status=ClassReport.Status.ACCEPTED, kit__campaign_id__in=campaign_ids, date_taught__range=(start, end)
        )
    )
    sexes = tally(
        figures,
        classes,
        Sum(F("girls") + F("boys") + F("other")),
        channel="classes",
        campaign_field="kit__campaign_id",
        day_field="date_taught",
        province_field="province_id",
        sums={"girls": Sum("girls"), "boys": Sum("boys"), "other": Sum("other")},
    )
    figures.by_sex["female"] += sexes["girls"] or 0
    figures.by_sex["male"] += sexes["boys"] or 0
    figures.by_sex["other"] += sexes["other"] or 0
    figures.by_age["not_known"] += figures.classes

    manual = ManualReach.objects.filter(campaign_id__in=campaign_ids, day__range=(start, end))
    if not area.everywhere:  # entered by province at most: an official sees their province's entries
        manual = manual.filter(province_id=area.province_id) if area.is_province else manual.none()
    tally(
        figures,
        manual,
        Sum("people"),
        channel="manual",
        campaign_field="campaign_id",
        day_field="day",
        province_field="province_id",
    )
    for row in manual.values("channel").annotate(value=Sum("people")).order_by():
        figures.manual_by_channel[row["channel"]] = row["value"]

    # ``day`` is the start's date in Phnom Penh (OutreachEvent.save keeps it).
    events = area.filter(OutreachEvent.objects.verified().filter(campaign_id__in=campaign_ids, day__range=(start, end)))
    attended = Coalesce("female", 0) + Coalesce("male", 0) + Coalesce("other_sex", 0)
    sums = tally(
        figures,
        events,
        Sum(attended),
        channel="events",
        campaign_field="campaign_id",
        day_field="day",
        province_field="province_id",
        sums={
            "female": Sum("female"),
            "male": Sum("male"),
            "other": Sum("other_sex"),
            "under_15": Sum("age_under_15"),
            "age_15_24": Sum("age_15_24"),
            "age_25_plus": Sum("age_25_plus"),
        },
    )
    figures.by_sex["female"] += sums["female"] or 0
    figures.by_sex["male"] += sums["male"] or 0
    figures.by_sex["other"] += sums["other"] or 0
    banded = {"under_15": sums["under_15"] or 0, "15_24": sums["age_15_24"] or 0, "25_plus": sums["age_25_plus"] or 0}
    for band, value in banded.items():
        figures.by_age[band] += value
    figures.by_age["not_known"] += max(0, figures.events - sum(banded.values()))
    return figures


VERSION_KEY = "reach:version"


def reach_version():
    """The current version of the cached reach figures (see :func:`forget_reach`)."""
    shared = caches["shared"]
    version = shared.get(VERSION_KEY)
    if version is None:
        shared.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = shared.get(VERSION_KEY)
    return version


def counted_status(model):
    """The status at which reach counts a record of ``model``; None where every record counts."""

    return {OutreachEvent: EventStatus.VERIFIED, ClassReport: ClassReport.Status.ACCEPTED}.get(model)


def note_counted_before(sender, instance, **_kwargs):
    """pre_save: whether reach counted the record as it is stored, before this save (read only
    while reach figures are cached, and only when a record is saved, never when one is loaded)."""
    if getattr(settings, "REACH_CACHE_SECONDS", 0):
        stored = sender.objects.filter(pk=instance.pk, status=counted_status(sender))
        instance._reach_counted = not instance._state.adding and stored.exists()


def forget_reach(sender=None, instance=None, **_kwargs):
    """Make every cached reach figure stale: called on each save or delete of what reach counts.

    Saving a record reach neither counts nor counted (a planned event, a class report waiting
    for review: most of what officials and teachers send) changes nothing. The new version is
    set once the change is committed, so figures computed meanwhile (from the data before it)
    stay under the old version and are never served again.
    """
    if not getattr(settings, "REACH_CACHE_SECONDS", 0):
        return
    wanted = counted_status(sender)
    if wanted is not None and instance is not None:
        counted_now = instance.__dict__.get("status", wanted) == wanted  # a status not loaded: counted
        if not (getattr(instance, "_reach_counted", True) or counted_now):
            return
    transaction.on_commit(lambda: caches["shared"].set(VERSION_KEY, uuid.uuid4().hex, None))


def default_period(campaigns):
    """From the first campaign's start to today, or to the last campaign's end if that is later.

    Classes keep being taught with a campaign's kits after the campaign ends, so
    reach runs until today; the public summary and the dashboard use this same period.
    """
    today = timezone.localdate()
    starts = [c.start_date for c in campaigns] or [today]
    ends = [c.end_date for c in campaigns] + [today]
    return min(starts), max(ends)


def figure_rows(figures, province_names, campaign_titles, channel_names, labels):
    """The figures as (section, item, value) rows: the one source of the dashboard tables and every export."""
    rows = [
        (labels["impressions"], labels["page_views"], figures.page_views),
        (labels["impressions"], labels["downloads"], figures.downloads),
        (labels["people"], labels["events"], figures.events),
        (labels["people"], labels["classes"], figures.classes),
    ]
    for channel, people in sorted(figures.manual_by_channel.items()):
        rows.append((labels["people"], str(channel_names.get(channel, channel)), people))
    rows.append((labels["people"], labels["total"], figures.people))
    for key in ("female", "male", "other"):
        rows.append((labels["by_sex"], labels[key], figures.by_sex[key]))
    for key in ("under_15", "15_24", "25_plus", "not_known"):
        rows.append((labels["by_age"], labels[key], figures.by_age[key]))
    for province_id, row in sorted(figures.by_province.items(), key=lambda item: -sum(item[1].values())):
        rows.append((labels["by_province"], province_names.get(province_id, "?"), sum(row.values())))
    for week in sorted(figures.weekly):
        week_row = figures.weekly[week]
        rows.append((labels["weekly_views"], week.isoformat(), week_row.get("page_views", 0)))
        rows.append((labels["weekly_downloads"], week.isoformat(), week_row.get("downloads", 0)))
        rows.append((labels["weekly_people"], week.isoformat(), week_row.get("people", 0)))
    if len(figures.per_campaign) > 1:
        for campaign_id, row in figures.per_campaign.items():
            title = campaign_titles.get(campaign_id, "?")
            rows.append((labels["by_campaign_people"], title, row["people"]))
            rows.append((labels["by_campaign_impressions"], title, row["page_views"] + row["downloads"]))
    return rows


def public_summary(campaign):
    """People reached and provinces, for the campaign's public page; cached for ten minutes."""

    key = f"reach-summary:{campaign.pk}"
    summary = cache.get(key)
    if summary is None:
        figures = reach_figures([campaign.pk], *default_period([campaign]))
        summary = {"people": figures.people, "provinces": figures.provinces_reached}
        cache.set(key, summary, 600)
    return summary
