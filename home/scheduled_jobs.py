"""Jobs run on a schedule, each by exactly one host at a time: ``manage.py run_scheduled_jobs``.

Every application host may run ``manage.py run_scheduled_jobs`` from cron (every five minutes, say):
each job is guarded by a lock every host sees, a PostgreSQL advisory lock
(``pg_try_advisory_lock``; on SQLite, where one machine holds the database, an ``flock`` on a file
beside it), and by its last run, kept in :class:`ScheduledJobRun`: a host that finds the lock taken,
or the job run less than ``every`` ago, skips it. So two hosts never run one job at once, and a job
due every hour runs about once an hour however many hosts call the runner.

The advisory lock belongs to the database session: the runner needs a direct connection to
PostgreSQL (not through PgBouncer in transaction pooling, where the session changes between queries).

Home registers the site's own jobs below; features add theirs with :func:`scheduled_job`.
"""

import contextlib
import datetime
import fcntl
import hashlib
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class ScheduledJobRun(models.Model):
    name = models.CharField(_("job"), max_length=80, unique=True)
    started_at = models.DateTimeField(_("last started"))
    finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    succeeded = models.BooleanField(_("last run succeeded"), default=False)
    runs = models.PositiveIntegerField(_("runs"), default=0)

    class Meta:
        app_label = "home"
        verbose_name = _("scheduled job run")


@dataclass(frozen=True)
class Job:
    name: str
    every: datetime.timedelta
    run: object


JOBS = {}
# A job called a little before ``every`` has passed still runs: cron's minutes are not exact.
SLACK = datetime.timedelta(seconds=30)


def scheduled_job(name, every):
    """Register ``function()`` to run at most once every ``every`` (a timedelta) across all hosts."""

    def register(function):
        JOBS[name] = Job(name, every, function)
        return function

    return register


def lock_key(name):
    """A signed 64-bit number for ``pg_try_advisory_lock``, the same on every host."""
    return int.from_bytes(hashlib.blake2b(f"awareness:{name}".encode(), digest_size=8).digest(), "big", signed=True)


def lock_folder():
    name = settings.DATABASES["default"].get("NAME")
    folder = Path(name).parent if name and name != ":memory:" else Path(tempfile.gettempdir())
    return folder if folder.is_dir() else Path(tempfile.gettempdir())


@contextlib.contextmanager
def job_lock(name):
    """Yields True if this process holds the job's lock until the block ends, False if another has it."""
    if connection.vendor == "postgresql":
        key = lock_key(name)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            held = cursor.fetchone()[0]
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    path = lock_folder() / f".job-{hashlib.sha1(name.encode()).hexdigest()[:16]}.lock"
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def due(job, now):
    last = ScheduledJobRun.objects.filter(name=job.name).first()
    return last is None or last.started_at <= now - job.every + SLACK


def run_job(job, force=False):
    """ "ran", "skipped: running elsewhere", "skipped: not due" or "failed"."""
    with job_lock(job.name) as held:
        if not held:
            return "skipped: running elsewhere"
        now = timezone.now()
        if not force and not due(job, now):
            return "skipped: not due"
        record, _created = ScheduledJobRun.objects.get_or_create(name=job.name, defaults={"started_at": now})
        ScheduledJobRun.objects.filter(pk=record.pk).update(started_at=now, finished_at=None, runs=models.F("runs") + 1)
        try:
            job.run()
        except Exception:
            logger.exception("scheduled job %s failed", job.name)
            ScheduledJobRun.objects.filter(pk=record.pk).update(finished_at=timezone.now(), succeeded=False)
            return "failed"
        ScheduledJobRun.objects.filter(pk=record.pk).update(finished_at=timezone.now(), succeeded=True)
        return "ran"


def run_jobs(names=None, force=False):
    """Run every registered job (or those named) that is due; returns {name: outcome}."""
    jobs = [JOBS[name] for name in names] if names else list(JOBS.values())
    return {job.name: run_job(job, force=force) for job in jobs}


def quietly(*args, **options):
    call_command(*args, verbosity=0, **options)


# Home's jobs. Revisions kept REVISIONS_KEPT_DAYS (purge_revisions keeps the live, latest and scheduled ones).
REVISIONS_KEPT_DAYS = 90

scheduled_job("publish_scheduled", every=datetime.timedelta(minutes=1))(lambda: quietly("publish_scheduled"))
scheduled_job("clearsessions", every=datetime.timedelta(hours=6))(lambda: quietly("clearsessions"))
scheduled_job("purge_revisions", every=datetime.timedelta(days=1))(
    lambda: quietly("purge_revisions", days=REVISIONS_KEPT_DAYS)
)
scheduled_job("forget_rate_counts", every=datetime.timedelta(hours=1))(lambda: quietly("forget_rate_counts"))
