"""Guessing staff passwords is stopped: django-axes counts failed sign-ins per user name and locks the name.

- Failures are counted in the cache (``axes.handlers.cache.AxesCacheHandler``), per
  user name only: no client address or user agent is read, stored or logged
  (docs/privacy.md). Use a shared cache (``REDIS_URL``) when several server
  processes run, so they share the count.
- After ``AXES_FAILURE_LIMIT`` failures the name is locked for ``AXES_COOLOFF_TIME``,
  even with the right password; the sign-in page says so in the reader's language
  (HTTP 429). An administrator unlocks it early with
  ``manage.py axes_reset_username <name>``.
"""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_client_username

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from home.khmer_format import format_number
from home.security.admin_login import AdminLoginForm


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
