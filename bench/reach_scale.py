"""Reach at scale: 2 years x 50 campaigns x 25 provinces of daily rows and 50,000 verified events.

Prints the median time and query count of the all-campaigns dashboard and of one campaign's
export (XLSX and CSV). Target: under 300 ms at the median, in a constant number of queries.

    .venv/bin/python bench/reach_scale.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x .venv/bin/python bench/reach_scale.py
"""

import datetime
import random
import statistics
import sys
import time

from _setup import django_site, percentile

django_site("reach")

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from campaigns.events.models import OutreachEvent  # noqa: E402
from campaigns.lessons.class_reports import ClassReport  # noqa: E402
from campaigns.lessons.downloads import DownloadCount  # noqa: E402
from campaigns.models import CampaignIndexPage, CampaignPage, LessonKitIndexPage, LessonKitPage, Province  # noqa: E402
from campaigns.reach.figures import ManualReach  # noqa: E402
from campaigns.reach.page_views import PageViewCount  # noqa: E402

random.seed(7)
START = datetime.date(2025, 1, 1)
DAYS = 730
days = [START + datetime.timedelta(days=n) for n in range(DAYS)]
provinces = list(Province.objects.order_by("code"))
districts = {p.pk: p.districts.order_by("code").first() for p in provinces}
campaign_index, kit_index = CampaignIndexPage.objects.get(), LessonKitIndexPage.objects.get()

t0 = time.perf_counter()
with transaction.atomic():
    campaigns, kits = [], []
    for n in range(50):
        campaigns.append(
            campaign_index.add_child(
                instance=CampaignPage(
                    title_km=f"យុទ្ធនាការ {n}",
                    title_en=f"Campaign {n}",
                    slug_km=f"c-{n}",
                    slug_en=f"c-{n}",
                    live=True,
                    summary_km="សង្ខេប។",
                    summary_en="Summary.",
                    start_date=START,
                    end_date=days[-1],
                )
            )
        )
        kits.append(
            kit_index.add_child(
                instance=LessonKitPage(
                    title_km=f"កញ្ចប់ {n}",
                    title_en=f"Kit {n}",
                    slug_km=f"k-{n}",
                    slug_en=f"k-{n}",
                    live=True,
                    summary_km="សង្ខេប។",
                    summary_en="Summary.",
                    grade_band="lower_secondary",
                    duration=45,
                    campaign=campaigns[-1],
                    objectives_km="x",
                    assessment_km="x",
                    preparation_km="<p>x</p>",
                )
            )
        )
    PageViewCount.objects.bulk_create(
        [
            PageViewCount(day=d, page_id=c.pk, language=lang, count=random.randint(0, 400))
            for c in campaigns
            for d in days
            for lang in ("km", "en")
        ],
        batch_size=5000,
    )
    DownloadCount.objects.bulk_create(
        [
            DownloadCount(day=d, kit=k, target="zip:km", language="km", count=random.randint(0, 40))
            for k in kits
            for d in days
        ],
        batch_size=5000,
    )
    months = [START + datetime.timedelta(days=30 * m + 10) for m in range(24)]
    ClassReport.objects.bulk_create(
        [
            ClassReport(
                kit=k,
                school="សាលា",
                province=p,
                district=districts[p.pk],
                date_taught=m,
                girls=random.randint(5, 25),
                boys=random.randint(5, 25),
                status="accepted",
            )
            for k in kits
            for p in provinces
            for m in months
        ],
        batch_size=5000,
    )
    ManualReach.objects.bulk_create(
        [
            ManualReach(
                campaign=c, channel="broadcast", day=m, province=p, people=random.randint(10, 5000), source="bench"
            )
            for c in campaigns
            for p in provinces
            for m in months
        ],
        batch_size=5000,
    )
    zone = timezone.get_default_timezone()
    events = []
    for _ in range(50_000):
        start = datetime.datetime.combine(random.choice(days), datetime.time(9), tzinfo=zone)
        p = random.choice(provinces)
        f, m = random.randint(5, 60), random.randint(5, 60)
        events.append(
            OutreachEvent(
                campaign=random.choice(campaigns),
                title_km="កិច្ចប្រជុំ",
                title_en="Meeting",
                kind="community_meeting",
                start=start,
                end=start + datetime.timedelta(hours=2),
                day=start.date(),  # bulk_create skips save(), which keeps the day
                province=p,
                venue_km="សាលា",
                organiser_km="គណៈកម្មាធិការ",
                audience_km="អ្នកភូមិ",
                expected_attendance=100,
                status="verified",
                female=f,
                male=m,
                other_sex=0,
                age_under_15=f,
                age_15_24=m,
                age_25_plus=0,
            )
        )
    OutreachEvent.objects.bulk_create(events, batch_size=5000)
with connection.cursor() as cursor:  # fresh planner statistics, as autovacuum would gather
    cursor.execute("ANALYZE")
print(
    f"# Reach at scale ({connection.vendor}): data made in {time.perf_counter() - t0:.0f} s: "
    f"{PageViewCount.objects.count()} page-view rows, {DownloadCount.objects.count()} download rows, "
    f"{ClassReport.objects.count()} classes, {ManualReach.objects.count()} manual entries, "
    f"{OutreachEvent.objects.count()} events"
)

client = Client()
client.force_login(get_user_model().objects.get(username="outreach"))


def measure(url, runs=10):
    client.get(url)
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, params, many, context: queries.append(sql) or execute(sql, params, many, context)
    ):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), percentile(times, 0.95), len(queries)


pages = [
    ("all-campaigns dashboard", reverse("reach")),
    ("all-campaigns export (CSV)", reverse("reach_export", args=["csv"])),
    ("one campaign's dashboard", reverse("reach_campaign", args=[campaigns[0].pk])),
    ("one campaign's export (XLSX)", reverse("reach_campaign_export", args=[campaigns[0].pk, "xlsx"])),
    ("one campaign's export (CSV)", reverse("reach_campaign_export", args=[campaigns[0].pk, "csv"])),
]
# Uncached: every figure from the records (as on the first view after a change). Cached: the
# settled figures from the shared cache (a database table here, Redis with REDIS_URL), today's
# page views and downloads read afresh.
for cached in (False, True):
    settings.REACH_CACHE_SECONDS = 600 if cached else 0
    caches["shared"].clear()
    print(f"## reach cache {'on' if cached else 'off'}")
    for label, url in pages:
        median, p95, queries = measure(url)
        print(f"{label}: median {median:.0f} ms, p95 {p95:.0f} ms, {queries} queries")
settings.REACH_CACHE_SECONDS = 0

if "--profile" in sys.argv:  # where the all-campaigns dashboard spends its time (cache as --profile-cached)
    import cProfile
    import pstats

    settings.REACH_CACHE_SECONDS = 600 if "--profile-cached" in sys.argv else 0
    client.get(reverse("reach"))
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(reverse("reach"))
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    timed = []

    def timing(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timed.append(((time.perf_counter() - started) * 1000, sql))

    with connection.execute_wrapper(timing):
        client.get(reverse("reach"))
    for elapsed, sql in sorted(timed, reverse=True)[:12]:
        print(f"{elapsed:7.1f} ms  {sql[:300]}")
