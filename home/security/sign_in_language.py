"""The sign-in page in the language the official chose, not the browser's.

The sign-in page is shown before Wagtail knows who is signing in, so it follows
Django's language cookie, then the browser's ``Accept-Language``: an official
who chose Khmer on an English phone met an English sign-in page (issue 16).
At a successful sign-in, the response sets Django's language cookie
(``LANGUAGE_COOKIE_NAME``) to the admin language of the account; the next
sign-in page on that browser is in that language. The cookie follows the
official when they change their language on the account page too (a saved
account form), so signing out and in again is never needed for it. Anonymous readers never get it
(tests/security/test_privacy.py).
"""

from django.conf import settings
from django.urls import reverse

from wagtail.users.models import UserProfile


def admin_language(user):
    """The admin language ``user`` chose (their Wagtail profile), or the site's default."""
    return UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE


def remember_language(response, language):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def sets_language(request):
    """Does this request, if it succeeds, choose the admin language: a sign-in or a saved account page?"""
    return request.method == "POST" and request.path in (reverse("wagtailadmin_login"), reverse("wagtailadmin_account"))


class SignInLanguageMiddleware:
    """Sets the language cookie on a successful sign-in or saved account form (a POST answered by a redirect)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if sets_language(request):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and response.status_code in (301, 302, 303):
                remember_language(response, admin_language(user))
        return response
