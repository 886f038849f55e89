"""Page view counting: a campaign page's render time with the beacon on and off, in one run,
and the beacon endpoint's own cost.

    .venv/bin/python bench/page_views.py
"""

import statistics
import time

from _setup import django_site, percentile

django_site("views")

from django.test import Client, override_settings  # noqa: E402
from django.utils import translation  # noqa: E402

from campaigns.models import CampaignPage  # noqa: E402

PHONE = "Mozilla/5.0 (Linux; Android 10) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"
client = Client()
campaign = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
with translation.override("km"):
    url = campaign.get_url()


def render_times(runs=300):
    client.get(url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url, HTTP_USER_AGENT=PHONE)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return times


# Interleave on/off rounds so drift on the machine affects both alike.
on, off = [], []
for _ in range(5):
    with override_settings(REACH_COUNT_VIEWS=True):
        on += render_times(60)
    with override_settings(REACH_COUNT_VIEWS=False):
        off += render_times(60)
print(f"campaign page render, counting on:  median {statistics.median(on):.2f} ms, p95 {percentile(on, 0.95):.2f} ms")
print(f"campaign page render, counting off: median {statistics.median(off):.2f} ms, p95 {percentile(off, 0.95):.2f} ms")
print(f"difference at the median: {statistics.median(on) - statistics.median(off):+.2f} ms")

beacon = f"/beacon/{campaign.pk}/km.gif"
times = []
for _ in range(500):
    start = time.perf_counter()
    client.get(beacon, HTTP_USER_AGENT=PHONE)
    times.append((time.perf_counter() - start) * 1000)
print(f"beacon request (counted): median {statistics.median(times):.2f} ms, p95 {percentile(times, 0.95):.2f} ms")
