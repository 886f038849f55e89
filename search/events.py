"""Events found by a search, shown apart from the materials: one line per event repeated
across provinces or days ("in 8 provinces"), only those upcoming or ended recently."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from campaigns.models import CampaignPage, OutreachEvent
from home.security import access

MAX_EVENT_LINES = 5  # lines in the block; the link to every event gives the rest


@dataclass
class EventLine:
    key: str  # "event:<id>" of the best hit of the line
    title: str  # HTML-safe (highlighted) title of the first occurrence
    url: str  # the next occurrence (or the latest, when all are past)
    start: datetime.datetime
    end: datetime.datetime
    occurrences: int
    provinces: list = field(default_factory=list)  # province names, in the active language

    @property
    def province_count(self):
        return len(self.provinces)

    @property
    def upcoming(self):
        return self.end >= timezone.now()


def event_lines(hits, now=None, recent_days=None, limit=MAX_EVENT_LINES):
    """Group event hits (``Hit`` with ``key`` "event:<id>", best first) into ``EventLine``s.

    Events are read through the access rule: only those of public campaigns
    (``home.security.access.public_pages``); cancelled events, and events ended more than
    ``SEARCH_RECENT_EVENT_DAYS`` ago, are left out. Lines keep the order of their best hit."""
    now = now or timezone.now()
    days = settings.SEARCH_RECENT_EVENT_DAYS if recent_days is None else recent_days
    ids = [int(hit.key.split(":", 1)[1]) for hit in hits if hit.key.startswith("event:")]
    public_campaigns = access.public_pages(CampaignPage.objects.all()).values("pk")
    events = (
        OutreachEvent.objects.filter(
            pk__in=ids, campaign__in=public_campaigns, end__gte=now - datetime.timedelta(days=days)
        )
        .exclude(status="cancelled")
        .select_related("province")
        .in_bulk()
    )
    language = translation.get_language()
    groups = {}
    for hit in hits:
        event = events.get(int(hit.key.split(":", 1)[1])) if hit.key.startswith("event:") else None
        if event is None:
            continue
        title = (getattr(event, f"title_{language}", "") or event.title).strip()
        groups.setdefault((event.campaign_id, title), (hit, []))[1].append(event)
    lines = []
    for hit, occurrences in groups.values():
        occurrences.sort(key=lambda e: e.start)
        following = next((e for e in occurrences if e.end >= now), occurrences[-1])
        provinces = list(dict.fromkeys(e.province.name for e in occurrences))
        lines.append(
            EventLine(
                key=hit.key,
                title=hit.title,
                url=reverse("events:detail", args=[following.pk]),
                start=following.start,
                end=occurrences[-1].end,
                occurrences=len(occurrences),
                provinces=provinces,
            )
        )
    # Upcoming before past, then as the search ranked them.
    lines.sort(key=lambda line: not line.upcoming)
    return lines[:limit]
