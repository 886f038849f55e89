"""Work done off the editor's request, by ``manage.py db_worker`` (django-tasks with its database backend).

With ``TASK_WORKER=1`` (awareness_site/settings/base.py) Django's tasks go to a table of the database and a
worker process runs them: Wagtail 8's own (search, reference index, front-cache purges) and the features'
(PDF text, the search index, kit ZIPs). :func:`later` queues a task once the transaction commits and says
so; without a worker it says no, and the caller does the work at once, as a site on one machine does.

A task that fails is tried again (:func:`retrying`): up to ``ATTEMPTS`` times, after 10, 40, 90 s.
"""

import contextlib
import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)
ATTEMPTS = 4
WORKER_BACKENDS = ("django_tasks_db.DatabaseBackend",)


def worker_configured():
    tasks = getattr(settings, "TASKS", None) or {}
    return tasks.get("default", {}).get("BACKEND") in WORKER_BACKENDS


def later(task, *args):
    """Queue ``task(*args)`` for the worker once the change is committed. False when there is no worker."""
    if not worker_configured():
        return False
    transaction.on_commit(lambda: task.enqueue(*args))
    return True


@contextlib.contextmanager
def retrying(task, args, attempt):
    """Inside a task: a failure queues the task again with ``attempt + 1`` (later each time), and the last
    failure is logged and raised, so the worker records it as failed."""
    try:
        yield
    except Exception:
        if attempt >= ATTEMPTS:
            logger.exception("background task %s failed %d times, giving up", task.name, attempt)
            raise
        delay = datetime.timedelta(seconds=10 * attempt * attempt)
        logger.warning("background task %s failed (attempt %d), tried again in %s", task.name, attempt, delay)
        task.using(run_after=timezone.now() + delay).enqueue(*args, attempt=attempt + 1)
