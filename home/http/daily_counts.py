"""One row per thing and day, incremented safely by concurrent requests.

Counts roll up as they happen: the table grows with things x days, never with
visits, and nothing about the visitor is stored.
"""

import logging
import time

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import F

logger = logging.getLogger(__name__)
ATTEMPTS = 5


def increment(model, keys, defaults=None):
    """Add one, retrying briefly when the database is busy (SQLite under concurrent writers)."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _increment(model, keys, defaults)
        except OperationalError:
            if attempt == ATTEMPTS:
                logger.exception("count lost after %s attempts: %s %s", ATTEMPTS, model.__name__, keys)
                raise
            time.sleep(0.01 * 2**attempt)


def _increment(model, keys, defaults=None):
    """Add one to ``model``'s ``count`` in the row matching ``keys``, creating the row when it is the first.

    An UPDATE first (the common case is a row that exists); when two requests
    both find no row, the unique constraint lets one insert win and the other
    falls back to the UPDATE, so no count is lost.
    """
    rows = model.objects.filter(**keys)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **(defaults or {}), count=1)
    except IntegrityError:
        rows.update(count=F("count") + 1)
