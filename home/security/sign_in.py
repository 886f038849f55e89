"""Guessing staff passwords is stopped: django-axes counts failed sign-ins per user name and locks the name.

- Failures are counted per user name only (axes' cache handler, its counts kept in
  the database table of home/security/rate_limits.py: every server process sees
  them and no cache eviction or page cache can empty them). No client address or
  user agent is read, stored or logged (docs/privacy.md).
- After ``AXES_FAILURE_LIMIT`` failures the name is locked for ``AXES_COOLOFF_TIME``,
  even with the right password; the sign-in page says so in the reader's language
  (HTTP 429). An administrator unlocks it early with
  ``manage.py axes_reset_username <name>``.
"""

import datetime

from axes.backends import AxesStandaloneBackend
from axes.handlers.cache import AxesCacheHandler
from axes.helpers import get_client_username

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from home.khmer_format import format_number
from home.security.admin_login import AdminLoginForm
from home.security.rate_limits import RateCount, hashed


class SignInGuardBackend(AxesStandaloneBackend):
    """Axes' lockout check for every sign-in that comes with a request.

    Axes refuses ``authenticate()`` calls without a request; Django's test client
    (``Client.login``) and management code make such calls. They are not guesses
    from the web, so they pass through to the next backend unchecked.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def no_client_address(request):
    """Axes never learns the client's address (``AXES_CLIENT_IP_CALLABLE``)."""
    return None


def client_description(username, ip_address, user_agent, path_info, request):
    """What axes writes in its log lines (``AXES_CLIENT_STR_CALLABLE``): the user name and the path only."""
    return f'{{username: "{username}", path_info: "{path_info}"}}'


def cool_off_minutes():
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def locked_out(request, original_response=None, credentials=None):
    """The sign-in page again, with the reason and how long to wait, in the reader's language."""

    message = _(
        "Too many failed attempts to sign in as “%(username)s”. For the account's safety, signing in "
        "with this name is blocked for %(minutes)s minutes. Try again later, or ask an NACD "
        "administrator to unblock it."
    ) % {
        "username": get_client_username(request, credentials) or "",
        "minutes": format_number(cool_off_minutes()),
    }
    context = {"form": AdminLoginForm(request), "locked_out_message": message, "show_password_reset": False}
    return render(request, "wagtailadmin/login_locked_out.html", context, status=429)


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class SignInCounts:
    """The few cache calls django-axes' cache handler makes, kept in :class:`RateCount` rows.

    One row per axes key (a hash of the user name), its ``expires_at`` moved on by
    each failure as axes' cache timeout would be. No cache eviction, culling or
    page cache can empty it (home/security/rate_limits.py).
    """

    scope = "sign-in"

    def _rows(self, key):
        return RateCount.objects.filter(scope=self.scope, key=hashed(self.scope, key), window_start=EPOCH)

    def _live(self, key):
        return self._rows(key).filter(expires_at__gt=timezone.now())

    def get(self, key, default=None):
        found = self._live(key).values_list("count", flat=True).first()
        return default if found is None else found

    def add(self, key, value, timeout=None):
        if self._live(key).exists():
            return False
        self._rows(key).delete()
        try:
            with transaction.atomic():
                RateCount.objects.create(
                    scope=self.scope,
                    key=hashed(self.scope, key),
                    window_start=EPOCH,
                    expires_at=self._expiry(timeout),
                    count=value,
                )
        except IntegrityError:
            return False
        return True

    def incr(self, key, delta=1):
        self._live(key).update(count=F("count") + delta)
        return self.get(key, 0)

    def touch(self, key, timeout=None):
        return bool(self._rows(key).update(expires_at=self._expiry(timeout)))

    def delete(self, key):
        return bool(self._rows(key).delete()[0])

    @staticmethod
    def _expiry(timeout):
        seconds = timeout if timeout is not None else 10 * 365 * 24 * 3600
        return timezone.now() + datetime.timedelta(seconds=seconds)


class SignInHandler(AxesCacheHandler):
    """Axes' cache handler, counting in the database table of rate counts (``AXES_HANDLER``)."""

    def __init__(self):
        self.cache = SignInCounts()
