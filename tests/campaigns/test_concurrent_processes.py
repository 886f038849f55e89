"""Counters, attendance and edits stay exact when several OS processes write at once.

Separate processes (as gunicorn's workers are), each with its own database
connection, write to the same rows at the same moment. On PostgreSQL this is the
production case; on SQLite (WAL, IMMEDIATE transactions, busy timeout, retries in
``home/http/daily_counts.py``) it runs the same way.
"""

import multiprocessing
import time

import pytest

from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from campaigns.events.models import claim_version
from campaigns.models import CampaignPage, DownloadCount, LessonKitPage, ManualReach, OutreachEvent, PageViewCount
from tests.campaigns import concurrency_workers as workers
from tests.campaigns.events.outreach_fixtures import make_event

PROCESSES = 4
HITS = 30  # page views and downloads per process
EVENTS = 3  # events reported and verified per process
FEMALE, MALE = 17, 12
ENTRIES, PEOPLE = 5, 40  # manual reach entries per process


def together(pool, function, arguments):
    """Run ``function`` once per process, all starting at the same moment."""
    start_at = time.time() + 1.0
    return pool.starmap(function, [(*args, start_at) for args in arguments])


def test_counts_attendance_and_edits_stay_exact_across_processes(committed_demo):
    campaign = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
    kit = LessonKitPage.objects.get(slug_en="yama-the-facts")
    today = timezone.localdate()
    own_events = [
        [make_event("07", f"វគ្គអប់រំ {worker}-{n}", campaign=campaign, days=-1).pk for n in range(EVENTS)]
        for worker in range(PROCESSES)
    ]
    contested = make_event("07", "ព្រឹត្តិការណ៍ដែលមនុស្សច្រើននាក់កែ", campaign=campaign)

    def views():
        return PageViewCount.objects.filter(page_id=campaign.pk, day=today).aggregate(n=Sum("count"))["n"] or 0

    def downloads():
        rows = DownloadCount.objects.filter(kit=kit, day=today, target="zip:km")
        return rows.aggregate(n=Sum("count"))["n"] or 0

    def manual():
        return ManualReach.objects.filter(campaign=campaign).aggregate(n=Sum("people"))["n"] or 0

    before = views(), downloads(), manual(), OutreachEvent.objects.filter(campaign=campaign).reach()
    database = connection.settings_dict["NAME"]

    context = multiprocessing.get_context("spawn")  # nothing inherited: each process connects on its own
    with context.Pool(PROCESSES, initializer=workers.setup, initargs=(database,)) as pool:
        pool.map(time.sleep, [0.5] * PROCESSES)  # every process has set Django up
        failures = together(pool, workers.hit_counters, [(campaign.pk, kit.pk, HITS)] * PROCESSES)
        reported = together(pool, workers.report_and_verify, [(ids, FEMALE, MALE) for ids in own_events])
        winners = together(pool, workers.claim_contested, [(contested.pk, 1, w) for w in range(PROCESSES)])
        entered = together(pool, workers.add_manual_reach, [(campaign.pk, ENTRIES, PEOPLE)] * PROCESSES)

    assert failures == [0] * PROCESSES
    assert views() == before[0] + PROCESSES * HITS
    assert downloads() == before[1] + PROCESSES * HITS
    assert PageViewCount.objects.filter(page_id=campaign.pk, day=today, language="km").count() == 1
    assert DownloadCount.objects.filter(kit=kit, day=today, target="zip:km").count() == 1

    assert reported == [EVENTS] * PROCESSES
    reach = OutreachEvent.objects.filter(campaign=campaign).reach()
    people = PROCESSES * EVENTS * (FEMALE + MALE)
    assert reach["total"] == before[3]["total"] + people
    assert reach["female"] == before[3]["female"] + PROCESSES * EVENTS * FEMALE
    assert reach["age_15_24"] + reach["age_25_plus"] - before[3]["age_15_24"] - before[3]["age_25_plus"] == people
    assert set(OutreachEvent.objects.filter(pk__in=sum(own_events, [])).values_list("version", flat=True)) == {3}

    won = [w for w in winners if w is not None]
    assert len(won) == 1, winners  # one save wins; every other process was refused, none overwrote it
    contested.refresh_from_db()
    assert contested.version == 2 and contested.notes == f"saved by process {won[0]}"

    assert entered == [ENTRIES] * PROCESSES
    assert manual() == before[2] + PROCESSES * ENTRIES * PEOPLE

    with pytest.raises(RuntimeError):
        claim_version(contested, 2)  # outside a transaction the claim and the save could come apart
