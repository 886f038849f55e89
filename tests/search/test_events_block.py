"""Events found by a search, shown apart: one line per repeated event, upcoming or recent only,
counts in Khmer digits on Khmer pages."""

import datetime

import pytest

from django.urls import reverse
from django.utils import translation

from campaigns.models import OutreachEvent
from search.backends.base import Hit
from search.events import event_lines

pytestmark = pytest.mark.usefixtures("demo")


def hits_for(events):
    return [Hit("event", "", e.title, f"/en/events/{e.pk}/", "", "en", key=f"event:{e.pk}") for e in events]


def test_one_line_per_event_repeated_across_provinces_and_only_upcoming_or_recent():
    title = OutreachEvent.objects.values_list("title", flat=True).order_by("pk").first()
    repeated = list(OutreachEvent.objects.filter(title=title).exclude(status="cancelled").order_by("start"))
    assert len(repeated) > 1
    now = repeated[0].start - datetime.timedelta(days=1)
    with translation.override("en"):
        lines = event_lines(hits_for(repeated), now=now)
    assert len(lines) == 1
    line = lines[0]
    assert line.occurrences == len(repeated) and line.upcoming
    assert line.province_count == len({e.province_id for e in repeated})
    assert line.url == f"/en/events/{repeated[0].pk}/"  # the next one
    # Long past: not shown; ended within the recent days: shown.
    later = max(e.end for e in repeated)
    assert event_lines(hits_for(repeated), now=later + datetime.timedelta(days=31), recent_days=30) == []
    assert len(event_lines(hits_for(repeated), now=later + datetime.timedelta(days=10), recent_days=30)) == 1


def test_events_of_a_campaign_the_public_may_not_see_are_left_out():
    event = OutreachEvent.objects.order_by("pk").first()
    campaign = event.campaign
    campaign.unpublish()
    try:
        assert event_lines(hits_for([event]), now=event.start - datetime.timedelta(days=1)) == []
    finally:
        campaign.get_latest_revision().publish()


def test_the_events_block_on_a_khmer_page_counts_in_khmer_digits(client):
    with translation.override("km"):
        response = client.get(reverse("search:search"), {"q": "សាលារៀន"})
    html = response.content.decode()
    assert 'class="search-events"' in html
    block = html[html.index('class="search-events"') :]
    assert "ខេត្ត" in block and any(d in block for d in "២៣៤៥៦៧៨៩")
    assert not any(f"នៅ {d} ខេត្ត" in block for d in "23456789")
    # The materials come first: the events block is after the list of results.
    assert html.index('class="results"') < html.index('class="search-events"')
