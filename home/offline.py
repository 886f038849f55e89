"""Reading offline: the service worker, its offline page, and what tells it not to keep a response.

The worker (``home/static/js/sw.js``, registered by ``js/offline.js``) is served at ``/sw.js`` so
that its scope is the whole site. This view prepends what changes with each deployment: a version
(a hash of the worker, the offline page's template and the hashed names of the files it keeps at
install) and the list of those files. A new deployment therefore installs a new worker, which drops
the caches of the old one (docs/performance.md, "Offline").

A worker cannot see ``Set-Cookie`` (browsers hide it from scripts), so ``PrivateWhenSettingCookies``
marks every response that sets a cookie ``Cache-Control: private``; the worker never keeps a private
or ``no-store`` response.
"""

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import get_template
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.cache import patch_cache_control

from wagtail import hooks

from home.languages import language_codes

SOURCE = "js/sw.js"
# Kept at install, so that the offline page shows styled even before any page was opened. The Khmer
# font too (site.css names it): a phone without a Khmer font of its own otherwise shows saved pages'
# Khmer as boxes once the font has left the browser's cache (issue 16).
KHMER_FONTS = ["fonts/NotoSansKhmer-Regular.woff2", "fonts/NotoSansKhmer-Bold.woff2"]
PRECACHED_STATIC = ["css/site.css", "js/offline.js", "img/icon.svg", *KHMER_FONTS]


# Admin screens a feature lets the worker keep for a signed-in person (issue 18): each app registers
# regular expressions of admin paths with this hook (campaigns: the officials' event screens). Wagtail's
# own icons and script translations go with any kept screen.
REGISTER_OFFLINE_ADMIN_SCREENS = "register_offline_admin_screens"
ADMIN_ASSETS = [r"^/admin/sprite(-[0-9a-f]+)?/$", r"^/admin/jsi18n/$"]


def offline_admin_screens():
    screens = []
    for register in hooks.get_hooks(REGISTER_OFFLINE_ADMIN_SCREENS):
        screens += register()
    return screens + ADMIN_ASSETS


def offline_paths():
    return [f"/{code}/offline/" for code in language_codes()]


@lru_cache(maxsize=1)
def source():
    path = finders.find(SOURCE)
    return Path(path).read_text(encoding="utf-8")


def worker_script():
    """The worker as served: its configuration, then ``sw.js`` unchanged."""
    precache = [static(name) for name in PRECACHED_STATIC] + offline_paths()
    template = Path(get_template("home/offline.html").origin.name).read_bytes()
    screens = offline_admin_screens()
    digest = hashlib.sha256(
        source().encode() + template + json.dumps(precache).encode() + json.dumps(screens).encode()
    ).hexdigest()[:12]
    config = {
        "version": digest,
        "precache": precache,
        "offline": {code: f"/{code}/offline/" for code in language_codes()},
        "admin": offline_admin_screens(),
    }
    return f"const CONFIG = {json.dumps(config)};\n{source()}"


def service_worker(request):
    """``/sw.js``: never cached by the browser's HTTP cache, so a deployment reaches readers at once."""
    response = HttpResponse(worker_script(), content_type="application/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


def offline_page(request):
    """``/km/offline/``, ``/en/offline/``: what the worker shows for a page not kept on the phone."""
    return TemplateResponse(request, "home/offline.html", {})


KEEP_HEADER = "X-Offline-Keep"  # sent by the service worker when it keeps an admin screen (static/js/sw.js)


class PrivateWhenSettingCookies:
    """Responses that set a cookie are someone's own: ``Cache-Control: private`` (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.headers.get(KEEP_HEADER) and settings.CSRF_COOKIE_NAME in request.COOKIES:
            # A screen the worker keeps in the background sets no CSRF cookie: its answer may arrive after the
            # person signed out and opened the sign-in form, and an old cookie put back then refuses that form.
            response.cookies.pop(settings.CSRF_COOKIE_NAME, None)
        if response.cookies:
            patch_cache_control(response, private=True)
        return response
