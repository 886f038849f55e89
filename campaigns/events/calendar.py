"""The public outreach calendar: which events the public sees, the filters in the address, and the month grid.

Plain functions the views and tests call. Every query here is one query
whatever the number of events, so the month view and the feeds stay fast.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.campaign_pages import CampaignPage
from campaigns.events.models import EventKind, OutreachEvent
from campaigns.places import Province
from home.khmer_format import KHMER_MONTHS, is_khmer, khmer_digits

EVENTS_PER_DAY_IN_GRID = 3
WEEKDAYS = [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]
ENGLISH_MONTHS = list(calendar.month_name)[1:]
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass
class CalendarFilters:
    """The filters of a calendar address (``?province=07&campaign=<slug>&kind=school_session``)."""

    province: Province | None = None
    campaign: CampaignPage | None = None
    kind: str = ""
    problems: list = field(default_factory=list)

    def query(self, **extra):
        """The filters as URL parameters, to carry them into other links."""
        params = {}
        if self.province:
            params["province"] = self.province.code
        if self.campaign:
            params["campaign"] = self.campaign.slug_en
        if self.kind:
            params["kind"] = self.kind
        params.update({k: v for k, v in extra.items() if v})
        return params

    @property
    def active(self):
        return bool(self.province or self.campaign or self.kind)


def public_campaigns():
    return CampaignPage.objects.live().public().order_by("-start_date")


def parse_filters(params, provinces=None, campaigns=None):
    """Read the filters from a query dict; an unknown value is dropped and named in ``problems``."""
    filters = CalendarFilters()
    code = params.get("province", "")[:8]
    if code:
        provinces = provinces if provinces is not None else Province.objects.all()
        filters.province = next((p for p in provinces if p.code == code), None)
        if filters.province is None:
            filters.problems.append(_("We do not know that province: showing every province."))
    slug = params.get("campaign", "")[:255]
    if slug:
        campaigns = campaigns if campaigns is not None else public_campaigns()
        filters.campaign = next((c for c in campaigns if slug in (c.slug_en, c.slug_km)), None)
        if filters.campaign is None:
            filters.problems.append(_("We do not know that campaign: showing every campaign."))
    kind = params.get("kind", "")[:40]
    if kind:
        if kind in EventKind.values:
            filters.kind = kind
        else:
            filters.problems.append(_("We do not know that kind of event: showing every kind."))
    return filters


def public_events(filters=None):
    """Events the public may see, filtered, with their places (one query)."""
    events = OutreachEvent.objects.public().select_related("province", "district", "commune")
    if filters is not None:
        if filters.province:
            events = events.filter(province=filters.province)
        if filters.campaign:
            events = events.filter(campaign=filters.campaign)
        if filters.kind:
            events = events.filter(kind=filters.kind)
    return events


def parse_month(value, today=None):
    """``(year, month)`` from ``2026-11``; today's month when empty. ``None`` when it cannot be read."""
    today = today or timezone.localdate()
    if not value:
        return today.year, today.month
    try:
        year_text, month_text = value.split("-", 1)
        year, month = int(year_text), int(month_text)
    except ValueError:
        return None
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    return year, month


def parse_day(value):
    """A date from ``2026-11-21``, or ``None``."""
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


def shift_month(year, month, by):
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def month_label(year, month, language=None):
    """``វិច្ឆិកា ២០២៦`` on Khmer pages, ``November 2026`` on English ones."""
    if is_khmer(language):
        return khmer_digits(f"{KHMER_MONTHS[month - 1]} {year}")
    return f"{ENGLISH_MONTHS[month - 1]} {year}"


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    pks: list = field(default_factory=list)  # every event on the day, in start order
    shown: list = field(default_factory=list)  # the first few, loaded in full

    @property
    def count(self):
        return len(self.pks)

    @property
    def more(self):
        return max(0, self.count - len(self.shown))


def month_grid(year, month, spans, today=None):
    """Weeks (Monday first) of :class:`Day`, each with the ``(pk, start, end)`` spans on that day.

    Days are counted in Phnom Penh time; an event over several days is on each of them.
    """
    today = today or timezone.localdate()
    weeks = [
        [Day(date=d, in_month=d.month == month, is_today=d == today) for d in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    days = {day.date: day for week in weeks for day in week}
    for pk, start, end in spans:
        current, last = timezone.localtime(start).date(), timezone.localtime(end).date()
        while current <= last:
            if current in days:
                days[current].pks.append(pk)
            current += datetime.timedelta(days=1)
    return weeks


def month_calendar(year, month, filters, today=None):
    """The month's grid with the first events of each day loaded: two queries whatever the number of events.

    The first reads only (pk, start, end) of the month's events; the second loads,
    with their places, the few shown on each day.
    """
    events = public_events(filters)
    spans = events.in_month(year, month).order_by("start", "pk").values_list("pk", "start", "end")
    weeks = month_grid(year, month, spans, today)
    wanted = {pk for week in weeks for day in week if day.in_month for pk in day.pks[:EVENTS_PER_DAY_IN_GRID]}
    loaded = {event.pk: event for event in events.filter(pk__in=wanted)} if wanted else {}
    for week in weeks:
        for day in week:
            if day.in_month:
                day.shown = [loaded[pk] for pk in day.pks[:EVENTS_PER_DAY_IN_GRID] if pk in loaded]
    return weeks


def agenda(weeks):
    """The month's days that have events, in order (the list under the grid on a phone)."""
    return [day for week in weeks for day in week if day.in_month and day.pks]
