"""``manage.py run_scheduled_jobs`` (home/scheduled_jobs.py): every host may call it, each job runs once.

Run on SQLite (a file lock) and, in CI's second pass with ``DATABASE_URL=postgres://...``, on
PostgreSQL (``pg_try_advisory_lock``): two runners started together, in two threads with a database
connection each, run a job once between them."""

import datetime
import threading
import time
from io import StringIO

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from campaigns.models import CampaignIndexPage, CampaignPage
from home import scheduled_jobs, setup_site
from home.scheduled_jobs import JOBS, ScheduledJobRun, job_lock, run_jobs, scheduled_job

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def slow_job():
    calls = []

    @scheduled_job("test_slow", every=datetime.timedelta(hours=1))
    def work():
        calls.append(connection.vendor)
        time.sleep(1.0)

    yield calls
    JOBS.pop("test_slow")


def together(count, function):
    """``function()`` in ``count`` threads started at once; their results in a list."""
    barrier, results = threading.Barrier(count), [None] * count

    def run(index):
        try:
            barrier.wait()
            results[index] = function()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def test_two_runners_at_once_run_the_job_once(slow_job):
    results = together(2, lambda: run_jobs(["test_slow"], force=True)["test_slow"])
    assert sorted(results) == ["ran", "skipped: running elsewhere"]
    assert len(slow_job) == 1
    assert ScheduledJobRun.objects.get(name="test_slow").runs == 1


def test_a_job_run_recently_is_not_run_again_by_the_next_host(slow_job):
    assert run_jobs(["test_slow"]) == {"test_slow": "ran"}
    assert run_jobs(["test_slow"]) == {"test_slow": "skipped: not due"}  # another host's cron, a minute later
    ScheduledJobRun.objects.filter(name="test_slow").update(started_at=timezone.now() - datetime.timedelta(hours=2))
    assert run_jobs(["test_slow"]) == {"test_slow": "ran"}
    assert len(slow_job) == 2


def test_the_lock_is_held_until_the_block_ends_and_then_free():
    with job_lock("x") as first:
        assert first
        assert together(1, lambda: job_lock_taken("x")) == [True]
    assert together(1, lambda: job_lock_taken("x")) == [False]


def job_lock_taken(name):
    with job_lock(name) as held:
        return not held


def test_lock_keys_are_stable_signed_64_bit_numbers():
    key = scheduled_jobs.lock_key("publish_scheduled")
    assert key == scheduled_jobs.lock_key("publish_scheduled") and -(2**63) <= key < 2**63
    assert key != scheduled_jobs.lock_key("clearsessions")


def test_scheduled_pages_are_published_once_by_two_hosts_at_once():
    setup_site.run()
    index = CampaignIndexPage.objects.get()
    page = CampaignPage(
        title_km="ទិវាអន្តរជាតិប្រឆាំងគ្រឿងញៀន",
        title_en="International day against drugs",
        slug_km="26-june",
        slug_en="26-june",
        summary_km="ថ្ងៃទី២៦ មិថុនា",
        summary_en="26 June",
        start_date=datetime.date(2026, 6, 26),
        end_date=datetime.date(2026, 6, 26),
        live=False,
    )
    index.add_child(instance=page)
    revision = page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert not CampaignPage.objects.get(pk=page.pk).live
    results = together(2, lambda: run_jobs(["publish_scheduled"], force=True)["publish_scheduled"])
    assert "ran" in results
    page.refresh_from_db()
    assert page.live and page.live_revision_id == revision.pk
    assert page.revisions.count() == 1


def test_the_command_lists_runs_and_refuses_unknown_jobs():
    out = StringIO()
    call_command("run_scheduled_jobs", "--list", stdout=out)
    assert {"publish_scheduled", "clearsessions", "purge_revisions"} <= {
        line.split(":")[0] for line in out.getvalue().splitlines()
    }
    out = StringIO()
    call_command("run_scheduled_jobs", stdout=out)
    assert "clearsessions: ran" in out.getvalue() and "purge_revisions: ran" in out.getvalue()
    with pytest.raises(CommandError, match="No such job"):
        call_command("run_scheduled_jobs", "no_such_job")
