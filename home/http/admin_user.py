"""Who the admin page being made is for, for Wagtail hooks that are called without the request
(``insert_global_admin_js``), and the key that names that person's things kept on a phone.

The key (:func:`offline_user_key`) is a keyed hash of the account's id: scripts use it to keep each
official's queue and kept screens apart on a shared phone (issue 18) without writing a name or
an id into the phone's storage.
"""

from contextvars import ContextVar

from django.utils.crypto import salted_hmac

_request = ContextVar("admin_request", default=None)


class CurrentRequestMiddleware:
    """Remembers the request while its response is made (templates included)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def offline_user_key():
    """The signed-in person's key for the phone's storage, or "" outside a signed-in request."""
    user = current_user()
    if user is None:
        return ""
    return salted_hmac("home.offline-user", str(user.pk)).hexdigest()[:24]


def current_user():
    """The signed-in person the page being made is for, or None."""
    user = getattr(_request.get(), "user", None)
    return user if user is not None and user.is_authenticated else None
