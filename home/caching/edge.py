"""A cache in front of the site (Varnish, ops/varnish/default.vcl): what it may keep, and its purges.

What it may keep is what the page cache keeps (home/caching/page_cache.py ``storable``): a 200 HTML page
under a language prefix, for a reader with no session, setting no cookie. Those responses get
``Cache-Control: public, max-age=0, s-maxage=N``: browsers ask again each time, the front cache keeps
the page ``EDGE_CACHE_SECONDS`` (never past midnight in Phnom Penh, as the page cache). The language
is in the address (``/km/``, ``/en/``), so in the front cache's key; ``Vary: Accept-Encoding`` keeps
the gzip copy apart. A request from someone signed in (a session cookie) gets ``private`` on
whatever it is answered; downloads, the view beacon and documents are marked ``private`` or
``no-store`` where they are served, and the VCL passes them whatever they say, so every view and
download reaches Django and is counted.

Purges go through Wagtail's ``frontend_cache`` (its HTTP backend sends ``PURGE``) when
``FRONTEND_CACHE_URL`` is set, from the page cache's own purges, after the change is committed:
a page's group is its address (the VCL bans it with any query string), a named group (``events``)
is ``/<language>/events/*``, and a purge of everything is ``/*``.
"""

import contextvars
import logging

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_path

logger = logging.getLogger(__name__)

# True while the purges run after the commit (home/caching/purges.py): only then is the front cache
# purged. A purge before the commit could be refilled with the old page by a reader in between.
after_commit = contextvars.ContextVar("edge_purge_after_commit", default=False)


def edge_seconds():
    return int(getattr(settings, "EDGE_CACHE_SECONDS", 0) or 0)


def signed_in(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META


class EdgeCacheHeadersMiddleware:
    """Outside the page cache, so stored copies and fresh pages get the same, current header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        mark(request, response)
        return response


def mark(request, response):
    from home.caching.page_cache import seconds_until_midnight, storable

    if signed_in(request):
        patch_cache_control(response, private=True)
        return
    seconds = edge_seconds()
    if not seconds or request.method not in ("GET", "HEAD") or not get_language_from_path(request.path_info):
        return
    if not storable(request, response):
        return
    patch_cache_control(response, public=True, max_age=0, s_maxage=min(seconds, seconds_until_midnight()))
    patch_vary_headers(response, ["Accept-Encoding"])


def site_url():
    return (getattr(settings, "FRONTEND_CACHE_SITE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def urls_for(groups=(), everything=False):
    """The URLs to PURGE for the page cache's groups: paths as they are, named groups as prefixes."""
    from home.caching.page_cache import GROUPS
    from home.languages import language_codes

    base = site_url()
    if everything:
        return [f"{base}/*"]
    urls = []
    for group in sorted(groups):
        if group in GROUPS:
            urls.extend(f"{base}/{code}/{group}/*" for code in language_codes())
        elif group.startswith("/"):
            urls.append(base + group)
    return urls


def purge(groups=(), everything=False):
    """PURGE from the front cache, if one is configured and the change is committed."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or not after_commit.get():
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = urls_for(groups, everything)
    if urls:
        purge_urls_from_cache(urls)
