"""Work done by separate OS processes in tests/campaigns/test_concurrent_processes.py.

Each process sets Django up on its own (spawned, not forked: nothing shared with the
test process but the database), connects to the test database and writes at the same
moment as the others. No Django import at module level: the module is imported by the
child before Django is set up.
"""

import os
import time

PHONE = "Mozilla/5.0 (Linux; Android 10) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"


def setup(database_name):
    """Pool initializer: Django on the test database the parent process created."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "awareness_site.settings.test")
    import django
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = database_name
    django.setup()


def wait_until(moment):
    """All processes start writing together, once each has set Django up."""
    time.sleep(max(0.0, moment - time.time()))


def hit_counters(campaign_id, kit_id, times, start_at):
    """Page views through the beacon (as browsers send them) and downloads, one at a time."""
    from django.db import connection
    from django.test import Client

    from campaigns.lessons.downloads import count_download
    from campaigns.lessons.pages import LessonKitPage

    kit = LessonKitPage.objects.get(pk=kit_id)
    client = Client()
    wait_until(start_at)
    failures = 0
    for number in range(times):
        # Each view from a reader of its own: the beacon counts a few views per reader, page and hour.
        reader = f"10.9.{os.getpid() % 256}.{number % 256}"
        if client.get(f"/beacon/{campaign_id}/km.gif", HTTP_USER_AGENT=PHONE, REMOTE_ADDR=reader).status_code != 200:
            failures += 1
        count_download(kit, "zip:km", "km")
    connection.close()
    return failures


def report_and_verify(event_ids, female, male, start_at):
    """Report and verify this process's own events, each save claiming the event's version."""
    from django.db import connection, transaction

    from campaigns.events.models import EventStatus, OutreachEvent, claim_version

    wait_until(start_at)
    for pk in event_ids:
        for status in (EventStatus.HELD, EventStatus.VERIFIED):
            with transaction.atomic():
                event = OutreachEvent.objects.get(pk=pk)
                claim_version(event, event.version)
                event.female, event.male, event.other_sex = female, male, 0
                event.age_under_15, event.age_15_24, event.age_25_plus = 0, female, male
                event.status = status
                event.save()
    connection.close()
    return len(event_ids)


def claim_contested(event_id, loaded_version, worker, start_at):
    """Every process saves the same event opened at the same version: only one may win."""
    from django.db import connection, transaction

    from campaigns.events.models import EditConflict, OutreachEvent, claim_version

    event = OutreachEvent.objects.get(pk=event_id)
    wait_until(start_at)
    try:
        with transaction.atomic():
            claim_version(event, loaded_version)
            event.notes = f"saved by process {worker}"
            event.save()
    except EditConflict:
        return None
    finally:
        connection.close()
    return worker


def add_manual_reach(campaign_id, entries, people, start_at):
    """Reach from other channels entered by several staff at once."""
    from django.db import connection

    from campaigns.campaign_pages import CampaignPage
    from campaigns.reach.figures import ManualReach

    day = CampaignPage.objects.get(pk=campaign_id).start_date
    wait_until(start_at)
    for _ in range(entries):
        ManualReach.objects.create(campaign_id=campaign_id, channel="print", day=day, people=people, source="ខិត្តប័ណ្ណ")
    connection.close()
    return entries
