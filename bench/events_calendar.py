"""Measure the public outreach calendar with 20,000 events: queries of the month view and feeds, and speed.

    .venv/bin/python bench/events_calendar.py [--events 20000] [--runs 30]

Builds a throw-away SQLite database (or uses DATABASE_URL), migrates it, loads
the demo site, adds the events spread over two years in every province, then
renders each address through Django's test client. Prints the number of
queries at 2,000 and at 20,000 events (they must be equal), and render times.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="bench-events-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.setdefault("MEDIA_ROOT", f"{tmp}/media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "awareness_site.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    call_command("migrate", verbosity=0, interactive=False)
    from campaigns.demo import seed as demo

    demo.seed()
    from campaigns.models import CampaignPage, Commune, OutreachEvent

    campaigns = list(CampaignPage.objects.live())
    communes = list(Commune.objects.select_related("district"))
    today = timezone.localdate()
    zone = timezone.get_default_timezone()

    def add_events(count, offset):
        batch = []
        for n in range(offset, offset + count):
            commune = communes[(n * 7919) % len(communes)]
            day = today + datetime.timedelta(days=(n % 730) - 365)
            start = datetime.datetime.combine(day, datetime.time(8 + n % 9), tzinfo=zone)
            batch.append(
                OutreachEvent(
                    uid=uuid.uuid4(),
                    campaign=campaigns[n % len(campaigns)],
                    title_km=f"កិច្ចប្រជុំភូមិ ស្ដីពីគ្រោះថ្នាក់នៃយ៉ាម៉ា លេខ {n}",
                    title_en=f"Village meeting on the dangers of yama no. {n}",
                    kind="community_meeting",
                    start=start,
                    end=start + datetime.timedelta(hours=2),
                    day=day,  # bulk_create skips save(), which keeps the day
                    province_id=commune.district.province_id,
                    district_id=commune.district_id,
                    commune=commune,
                    venue_km="សាលប្រជុំភូមិ",
                    organiser_km="ក្រុមប្រឹក្សាឃុំ",
                    audience_km="ប្រជាពលរដ្ឋក្នុងភូមិ",
                    expected_attendance=80,
                    status="verified" if day < today else "planned",
                    female=40 if day < today else None,
                    male=35 if day < today else None,
                    other_sex=0 if day < today else None,
                    age_under_15=10 if day < today else None,
                    age_15_24=30 if day < today else None,
                    age_25_plus=35 if day < today else None,
                )
            )
        OutreachEvent.objects.bulk_create(batch, batch_size=1000)

    client = Client(HTTP_HOST="localhost")
    campaign = campaigns[0].slug_en
    paths = {
        "month view": "/km/events/",
        "month view, filtered": f"/km/events/?province=07&campaign={campaign}&kind=community_meeting",
        "list view": "/km/events/list/",
        "feed (all)": "/km/events/calendar.ics",
        "feed (province)": "/km/events/province/07.ics",
        "feed (campaign)": f"/km/events/campaign/{campaign}.ics",
    }

    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return len(captured)

    add_events(args.events // 10, 0)
    small = {name: queries(path) for name, path in paths.items()}
    add_events(args.events - args.events // 10, args.events // 10)
    total = OutreachEvent.objects.count()
    large = {name: queries(path) for name, path in paths.items()}

    print(f"Outreach calendar with {total:,} events ({connection.vendor})")
    print(f"{'address':24} {'queries @' + format(args.events // 10, ','):>16} {'queries @' + format(total, ','):>16}")
    for name in paths:
        print(f"{name:24} {small[name]:>16} {large[name]:>16}{'' if small[name] == large[name] else '  NOT CONSTANT'}")

    from django.core.cache import cache

    print()
    print("feeds are cached until an event changes; first render after a change:")
    for name, path in paths.items():
        if name.startswith("feed"):
            cache.clear()
            began = time.perf_counter()
            client.get(path)
            print(f"  {name:22} {(time.perf_counter() - began) * 1000:>8.0f} ms")

    print()
    print(f"{'address':24} {'median ms':>10} {'p90 ms':>8} {'size KB':>8}  ({args.runs} runs)")
    for name, path in paths.items():
        runs = args.runs
        times = []
        for _ in range(runs):
            began = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - began) * 1000)
        times.sort()
        p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
        print(f"{name:24} {statistics.median(times):>10.1f} {p90:>8.1f} {len(response.content) / 1024:>8.0f}")
    month_events = OutreachEvent.objects.public().in_month(today.year, today.month).count()
    print(f"\nthis month holds {month_events:,} public events; the month view target is a median under 100 ms")


if __name__ == "__main__":
    main()
