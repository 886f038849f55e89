"""Counting attempts per client or per name, in a table page caching cannot touch.

Rate limits and lockouts (the teachers' class report form, page passwords, the
view beacon, staff sign-in through django-axes) used to count in caches. A
local-memory cache is emptied by anyone who requests a few hundred pages with
new query strings (the page cache fills it), and each server process counts
on its own; a shared cache still evicts under pressure. Here each count is a
row of :class:`RateCount`: one per scope, key and time window, so the table
grows with the number of clients in the current window, never with visits.

A key is never an address: :func:`client_key` is a hash of the client's address
salted with the secret key and the current hour, so it cannot be turned back into
the address, and it changes every hour. Rows of windows that are over are
deleted as new ones are written (:func:`forget_expired`, also run by
``manage.py forget_rate_counts``).
"""

import datetime
import hashlib
import random

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.http.daily_counts import add_up, retrying
from home.http.visitors import client_address

# About one write in this many also deletes the rows of windows that are over.
CLEANUP_ONE_IN = 200


class RateCount(models.Model):
    scope = models.CharField(_("scope"), max_length=40)
    key = models.CharField(_("key"), max_length=64)
    window_start = models.DateTimeField(_("window start"))
    expires_at = models.DateTimeField(_("expires at"), db_index=True)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        app_label = "home"
        verbose_name = _("rate count")
        verbose_name_plural = _("rate counts")
        constraints = [
            models.UniqueConstraint(fields=["scope", "key", "window_start"], name="one_rate_count_per_window")
        ]

    def __str__(self):
        return f"{self.scope} {self.window_start:%Y-%m-%d %H:%M} {self.count}"


def hashed(*parts):
    """A digest of ``parts`` salted with the secret key: what is stored instead of a name or an address."""
    text = ":".join(str(part) for part in parts)
    return hashlib.sha256(f"{settings.SECRET_KEY}:rate:{text}".encode("utf-8", "surrogatepass")).hexdigest()


def client_key(request, now=None):
    """The client's address hashed with the secret key and the current hour: a key, never stored as an address."""
    hour = (now or timezone.now()).strftime("%Y%m%d%H")
    return hashed("client", hour, client_address(request))


def window_start(seconds, now=None):
    now = now or timezone.now()
    epoch = int(now.timestamp())
    return datetime.datetime.fromtimestamp(epoch - epoch % seconds, tz=datetime.UTC)


def _rows(scope, key, seconds, now=None):
    return RateCount.objects.filter(scope=scope, key=hashed(scope, key), window_start=window_start(seconds, now))


def hit(scope, key, *, seconds, now=None):
    """Count one more for ``key`` in the current window of ``seconds``; the count so far, this one included."""
    start = window_start(seconds, now)
    row = {
        "scope": scope,
        "key": hashed(scope, key),
        "window_start": start,
        "expires_at": start + datetime.timedelta(seconds=seconds),
        "count": 1,
    }
    (counted,) = retrying(lambda: add_up(RateCount, [row], keys=("scope", "key", "window_start"), returning="count"))
    if random.randrange(CLEANUP_ONE_IN) == 0:
        forget_expired()
    return counted


def count(scope, key, *, seconds, now=None):
    """How many ``key`` has in the current window (0 when none)."""
    return _rows(scope, key, seconds, now).values_list("count", flat=True).first() or 0


def over(scope, key, *, limit, seconds, now=None):
    """Count one more; True when that is more than ``limit`` in the window."""
    return hit(scope, key, seconds=seconds, now=now) > limit


def clear(scope, key):
    """Forget every window's count for ``key`` (a successful sign-in, an administrator's reset)."""
    return RateCount.objects.filter(scope=scope, key=hashed(scope, key)).delete()[0]


def forget_expired(now=None):
    """Delete the rows of windows that are over; returns how many."""
    return RateCount.objects.filter(expires_at__lte=now or timezone.now()).delete()[0]
