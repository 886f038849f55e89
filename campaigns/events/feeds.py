"""iCalendar feeds of the public outreach events, made with the ``icalendar`` library.

Each event keeps one UID for life (``<uuid>@events.nacd.gov.kh``), so a phone
that subscribed to a feed updates the event in place when it changes, and marks
it cancelled (``STATUS:CANCELLED``) when it is. Times are written in
Asia/Phnom_Penh with its VTIMEZONE. The text is in the language of the address
(``/km/events/calendar.ics`` or ``/en/events/calendar.ics``).
"""

import datetime
import zoneinfo

import icalendar

from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.events.models import EventStatus

PHNOM_PENH = zoneinfo.ZoneInfo("Asia/Phnom_Penh")
# Feeds carry the events of the last month and the next six: what a phone's calendar needs.
FEED_PAST_DAYS = 31
FEED_FUTURE_DAYS = 183
ICAL_STATUS = {
    EventStatus.PLANNED: "CONFIRMED",
    EventStatus.HELD: "CONFIRMED",
    EventStatus.VERIFIED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
}


def feed_events(events, now=None):
    """The events a feed carries (from :data:`FEED_PAST_DAYS` ago to :data:`FEED_FUTURE_DAYS` ahead), by start."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=FEED_PAST_DAYS)
    until = now + datetime.timedelta(days=FEED_FUTURE_DAYS)
    return events.filter(end__gte=since, start__lte=until).order_by("start", "pk")


def feed_fingerprint(events):
    """Changes whenever an event of ``events`` is added, changed or removed (one query): the feed's cache key."""

    summary = events.order_by().aggregate(count=Count("pk"), changed=Max("updated_at"))
    changed = summary["changed"].isoformat() if summary["changed"] else "-"
    return f"{summary['count']}:{changed}"


def event_component(event, url):
    component = icalendar.Event()
    component.add("uid", event.ical_uid)
    component.add("dtstamp", event.updated_at or timezone.now())
    component.add("last-modified", event.updated_at or timezone.now())
    component.add("dtstart", event.start.astimezone(PHNOM_PENH))
    component.add("dtend", event.end.astimezone(PHNOM_PENH))
    component.add("summary", event.title)
    description = [event.description, _("Organiser: %(organiser)s") % {"organiser": event.organiser}]
    description.append(_("For: %(audience)s") % {"audience": event.audience})
    component.add("description", "\n\n".join(part for part in description if part))
    component.add("location", ", ".join(part for part in (event.venue, event.place) if part))
    component.add("status", ICAL_STATUS[event.status])
    component.add("categories", [event.get_kind_display()])
    component.add("url", url)
    return component


def build_calendar(events, name, url_for):
    """An ``icalendar.Calendar`` named ``name`` holding ``events``; ``url_for(event)`` gives each one's address."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//NACD Cambodia//Outreach events//KM")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    for event in events:
        cal.add_component(event_component(event, url_for(event)))
    cal.add_missing_timezones()
    return cal
