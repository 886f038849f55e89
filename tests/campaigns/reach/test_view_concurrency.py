"""No page view is lost when many readers hit the beacon at once (threads, each with its own connection)."""

import random
import threading

from django.db import connection
from django.test import Client
from django.utils import timezone

from campaigns.models import CampaignPage
from campaigns.reach.page_views import BEACON_VIEWS_PER_HOUR, PageViewCount, count_view
from tests.campaigns.reach.test_reach import PHONE, beacon_url, views_today


def test_no_view_is_lost_under_concurrency(committed_demo):
    campaign = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
    url = beacon_url(campaign)
    # Eight readers (addresses of this run's own), each within the beacon's budget of views per page and hour.
    network = f"10.{random.randrange(256)}.{random.randrange(256)}"
    threads, per_thread, errors = 8, BEACON_VIEWS_PER_HOUR, []
    before = views_today(campaign)

    def hit(reader):
        client = Client()
        try:
            for _ in range(per_thread):
                response = client.get(url, HTTP_USER_AGENT=PHONE, REMOTE_ADDR=f"{network}.{reader}")
                assert response.status_code == 200
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    workers = [threading.Thread(target=hit, args=(reader,)) for reader in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors, errors
    assert views_today(campaign) - before == threads * per_thread
    count_view(campaign.pk, "km")
    rows = PageViewCount.objects.filter(page_id=campaign.pk, day=timezone.localdate(), language="km")
    assert rows.count() == 1, "one row per page, language and day"
