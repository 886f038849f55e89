"""The public outreach calendar at /km/events/ and /en/events/: month grid, list, event pages and feeds.

Plain Django views inside ``i18n_patterns`` rather than a Wagtail page: the
calendar has no text of its own to edit, and fixed addresses in both languages
are what phones subscribe to. The logic lives in ``campaigns/events/calendar.py``
and ``campaigns/events/feeds.py``.
"""

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from campaigns.events import calendar as cal
from campaigns.events.feeds import build_calendar, feed_events, feed_fingerprint
from campaigns.events.models import EventKind
from campaigns.places import Province

EVENTS_PER_PAGE = 20
FEED_CACHE_SECONDS = 6 * 60 * 60


def filter_context(request):
    provinces = list(Province.objects.ordered_by_name())
    campaigns = list(cal.public_campaigns())
    filters = cal.parse_filters(request.GET, provinces=provinces, campaigns=campaigns)
    return filters, {
        "filters": filters,
        "provinces": provinces,
        "campaigns": campaigns,
        "kinds": EventKind.choices,
        "feed_url": feed_url(filters),
        "filter_query": urlencode(filters.query()),
    }


def feed_url(filters):
    if filters.province:
        return reverse("events:province_feed", args=(filters.province.code,))
    if filters.campaign:
        return reverse("events:campaign_feed", args=(filters.campaign.slug_en,))
    return reverse("events:feed")


def with_query(path, params):
    return f"{path}?{urlencode(params)}" if params else path


def month_view(request):
    today = timezone.localdate()
    filters, context = filter_context(request)
    month = cal.parse_month(request.GET.get("month", "")[:10], today)
    if month is None:
        filters.problems.append(_("We could not read that month: showing this month."))
        month = (today.year, today.month)
    year, number = month
    weeks = cal.month_calendar(year, number, filters, today)
    previous, following = cal.shift_month(year, number, -1), cal.shift_month(year, number, 1)
    path = reverse("events:month")
    context.update(
        view="month",
        month_label=cal.month_label(year, number),
        weeks=weeks,
        agenda=cal.agenda(weeks),
        weekdays=cal.WEEKDAYS,
        today=today,
        previous_url=with_query(path, filters.query(month=f"{previous[0]}-{previous[1]:02d}")),
        next_url=with_query(path, filters.query(month=f"{following[0]}-{following[1]:02d}")),
        today_url=with_query(path, filters.query()),
        list_url=with_query(reverse("events:list"), filters.query()),
        month_value=f"{year}-{number:02d}",
    )
    return render(request, "campaigns/events/month.html", context, status=400 if filters.problems else 200)


def list_view(request):
    filters, context = filter_context(request)
    past = request.GET.get("when") == "past"
    now = timezone.now()
    events = cal.public_events(filters)
    day = cal.parse_day(request.GET.get("day", "")[:10])
    if request.GET.get("day") and day is None:
        filters.problems.append(_("We could not read that day: showing every coming event."))
    if day is not None:
        events = events.on_day(day).order_by("start", "pk")
    elif past:
        events = events.filter(end__lt=now).order_by("-start", "pk")
    else:
        events = events.filter(end__gte=now).order_by("start", "pk")
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    path = reverse("events:list")
    context.update(
        view="list",
        past=past,
        day=day,
        events=page,
        upcoming_url=with_query(path, filters.query()),
        past_url=with_query(path, filters.query(when="past")),
        month_url=with_query(reverse("events:month"), filters.query()),
    )
    return render(request, "campaigns/events/list.html", context, status=400 if filters.problems else 200)


def public_event(pk):
    return get_object_or_404(cal.public_events().select_related("campaign"), pk=pk)


def detail_view(request, pk):
    event = public_event(pk)
    return render(
        request,
        "campaigns/events/detail.html",
        {
            "event": event,
            "calendar_url": reverse("events:month")
            + "?"
            + urlencode({"month": timezone.localtime(event.start).strftime("%Y-%m")}),
            "province_feed_url": reverse("events:province_feed", args=(event.province.code,)),
        },
    )


def calendar_response(request, events, name, filename):
    """The feed of ``events``, cached until one of them changes (a phone polls it every few hours)."""

    def url_for(event):
        return request.build_absolute_uri(reverse("events:detail", args=(event.pk,)))

    key = (
        "events-feed:"
        + hashlib.sha256(
            f"{request.get_host()}|{request.path}|{name}|{feed_fingerprint(events)}|{timezone.localdate()}".encode()
        ).hexdigest()
    )
    body = cache.get(key)
    if body is None:
        body = build_calendar(events, name, url_for).to_ical()
        cache.set(key, body, FEED_CACHE_SECONDS)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def feed(request):
    events = feed_events(cal.public_events())
    return calendar_response(request, events, _("NACD outreach events"), "nacd-events")


def province_feed(request, code):
    if "\x00" in code:  # PostgreSQL cannot compare text holding NUL
        raise Http404
    province = get_object_or_404(Province, code=code[:8])
    events = feed_events(cal.public_events(cal.CalendarFilters(province=province)))
    name = _("NACD outreach events in %(province)s") % {"province": province.name}
    return calendar_response(request, events, name, f"nacd-events-{province.code}")


def campaign_feed(request, slug):
    campaign = next((c for c in cal.public_campaigns() if slug in (c.slug_en, c.slug_km)), None)
    if campaign is None:
        raise Http404
    events = feed_events(cal.public_events(cal.CalendarFilters(campaign=campaign)))
    name = _("NACD outreach events: %(campaign)s") % {"campaign": campaign.title}
    return calendar_response(request, events, name, f"nacd-events-{campaign.slug_en}")


def event_ics(request, pk):
    """One event, to add to the reader's own calendar."""
    event = public_event(pk)
    events = cal.public_events().filter(pk=event.pk)
    return calendar_response(request, events, event.title, f"nacd-event-{event.pk}")
