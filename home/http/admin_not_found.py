"""A 404 inside the admin stays in the admin, in the official's own language (issue 16).

Django's LocaleMiddleware answers a 404 of an address without a language prefix by
redirecting to the same address under ``/km/`` when that resolves, and every address
resolves there (Wagtail's page catch-all): an official who followed a stale link to
``/admin/outreach-events/edit/…`` landed on the public site's "Page not found".

- :class:`LocaleMiddleware` is Django's, except that an admin address's 404 is left alone.
- :class:`AdminNotFoundMiddleware` (after authentication) answers an admin page's 404 with
  the admin's own layout (sidebar, header), in the language the user chose in their admin
  profile (Wagtail's own 404 page is rendered before that language is known). JSON, files
  and script requests keep the 404 they had.
"""

from django.http import HttpResponseNotFound
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, override

TEMPLATE = "wagtailadmin/not_found_in_admin.html"


def admin_prefix():
    return reverse("wagtailadmin_home")


def is_admin_address(path):
    return path.startswith(admin_prefix())


def admin_language(user):
    """The language of the user's admin (their profile's choice), or None to keep the active one."""
    profile = getattr(user, "wagtail_userprofile", None)
    return profile.get_preferred_language() if profile is not None else None


def admin_not_found(request):
    """The admin's 404 page for ``request``, in the user's admin language."""
    language = admin_language(request.user) or get_language()
    with override(language):
        html = render_to_string(TEMPLATE, {"request_path": request.path}, request=request)
        response = HttpResponseNotFound(html)
        response["Content-Language"] = language
    return response


def wants_admin_page(request, response):
    user = getattr(request, "user", None)
    return (
        response.status_code == 404
        and is_admin_address(request.path_info)
        and user is not None
        and user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
        and response.get("Content-Type", "").startswith("text/html")
        and request.headers.get("x-requested-with") != "XMLHttpRequest"
        and not getattr(response, "admin_not_found", False)
    )


class AdminNotFoundMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if wants_admin_page(request, response):
            response = admin_not_found(request)
            response.admin_not_found = True
        return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 of an admin address is not redirected under a language prefix."""

    def process_response(self, request, response):
        if response.status_code == 404 and is_admin_address(request.path_info):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
