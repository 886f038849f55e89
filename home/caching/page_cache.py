"""Whole public pages cached for anonymous readers, per language, and purged when what they show changes.

What is cached: the response to a GET of an address under a language prefix (``/km/...``,
``/en/...``) from a reader without a session (never logged in, so never an editor), when the
response is a 200 HTML page that sets no cookie and does not forbid caching (``never_cache``).
The key holds the scheme, host, path, the whole query string (filters, pages, searches) and
whether the reader accepts gzip (the stored copy is the compressed one). Previews, the admin,
POSTed forms and form errors (status 400), feeds, downloads and the view beacon are never cached;
the beacon is a separate request on every view, so reach keeps counting (campaigns/reach/page_views.py).

Purging: each key also holds a site-wide generation and the generation of its address's group
(a Wagtail page's path, or the whole calendar, or all searches). Publishing, unpublishing or
changing a page renews the generations of the page, its ancestors (the index pages listing it),
the pages choosing or linking to it (Wagtail's reference index: a lesson kit shows its campaign),
the calendar and search, in both languages; moves,
slug changes, deletions and saves of snippets, places, settings, images and documents renew the
site-wide one. Entries live ``PAGE_CACHE_SECONDS`` (5 minutes) at most and never past midnight in
Phnom Penh, so what depends on the date (a campaign "running now", upcoming events) stays true.

With the local-memory cache each process has its own cache and its own purges; a site served by
several processes needs ``REDIS_URL`` for purges to reach them all (docs/performance.md).
"""

import contextvars
import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_path

from home.caching import edge

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
SITE_GENERATION = "page-cache:site"
GROUP_GENERATION = "page-cache:group:"
MAX_QUERY_STRING = 512  # longer query strings are served but not stored
# Sections cached and purged as one, in both languages (``/km/events/...``): named by the apps that own
# them, when they are ready (``cache_group``).
GROUPS = set()
# The generations read during the request being served (set by PageCacheMiddleware): read once, not once
# for every remembered part and fragment (each read is a round trip to Redis).
_read_this_request = contextvars.ContextVar("page_cache_generations", default=None)


def cache_group(section):
    """Every address under ``/<language>/<section>/`` is cached and purged as one group."""
    GROUPS.add(section)


def cache_seconds():
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


def seconds_until_midnight(now=None):
    now = timezone.localtime(now)
    midnight = (now + timezone.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, int((midnight - now).total_seconds()))


def group_of(path):
    """``/km/events/list/`` → ``events``; ``/en/search/`` → ``search``; a page's path stays itself."""
    section = path.strip("/").split("/")[1:2]
    if section and section[0] in GROUPS:
        return section[0]
    return path


def page_language(request):
    """The language of a cacheable request, or None when this request must not use the cache."""
    if request.method != "GET" or not cache_seconds():
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return None  # someone who has logged in (an editor, an official): always fresh, never stored
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return None
    return get_language_from_path(request.path_info)


def generations(group):
    """The site-wide generation and the group's, made afresh when missing (never purged yet, or evicted)."""
    keys = [SITE_GENERATION, GROUP_GENERATION + group]
    read = _read_this_request.get()
    if read is not None and all(key in read for key in keys):
        return read[SITE_GENERATION], read[GROUP_GENERATION + group]
    found = cache.get_many(keys)
    missing = {key: uuid.uuid4().hex[:12] for key in keys if key not in found}
    if missing:
        cache.set_many(missing, None)
        found.update(missing)
    if read is not None:
        read.update(found)
    return found[SITE_GENERATION], found[GROUP_GENERATION + group]


def remembered(name, compute):
    """``compute()``'s value, kept in the cache until the site-wide generation is renewed (any purge of
    every page) or ``FRAGMENT_CACHE_SECONDS`` pass: for parts shown on many pages (a link to the help
    finder), so that a page built afresh (a miss, a reader with a query string, an editor) does not work
    them out again. Computed every time when ``FRAGMENT_CACHE_SECONDS`` is 0 (tests)."""
    seconds = int(getattr(settings, "FRAGMENT_CACHE_SECONDS", 0) or 0)
    if not seconds:
        return compute()
    key = f"page-cache:remembered:{site_generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, min(seconds, seconds_until_midnight()))
    return value


def site_generation():
    read = _read_this_request.get()
    if read is not None and SITE_GENERATION in read:
        return read[SITE_GENERATION]
    generation = cache.get(SITE_GENERATION)
    if generation is None:
        generation = uuid.uuid4().hex[:12]
        cache.add(SITE_GENERATION, generation, None)
        generation = cache.get(SITE_GENERATION, generation)
    if read is not None:
        read[SITE_GENERATION] = generation
    return generation


def cache_key(request, language):
    gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    site, group = generations(group_of(request.path))
    address = "|".join(
        [request.scheme, request.get_host(), request.path, request.META.get("QUERY_STRING", ""), "gz" if gzip else ""]
    )
    return f"page-cache:{language}:{site}:{group}:{hashlib.sha256(address.encode()).hexdigest()[:32]}"


def storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if getattr(request, "is_preview", False):
        return False
    directives = {d.strip().split("=")[0].lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    return not directives & {"private", "no-cache", "no-store"}


class PageCacheMiddleware:
    """Serves a stored copy when there is one; stores what may be stored. Sits outside the compression."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _read_this_request.set({})
        try:
            return self.serve(request)
        finally:
            _read_this_request.reset(token)

    def serve(self, request):
        language = page_language(request)
        if not language:
            return self.get_response(request)
        key = cache_key(request, language)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if storable(request, response):
            headers = [(name, value) for name, value in response.items() if name != HEADER]
            cache.set(key, (response.content, headers), min(cache_seconds(), seconds_until_midnight()))
            response[HEADER] = "miss"
        return response


# Purging


def _renew(keys):
    renewed = {key: uuid.uuid4().hex[:12] for key in keys}
    cache.set_many(renewed, None)
    read = _read_this_request.get()
    if read is not None:
        read.update(renewed)  # the rest of this request sees the purge too


def purge_all():
    """Every cached page, in every language (and in the front cache, home/caching/edge.py)."""
    _renew([SITE_GENERATION])
    edge.purge(everything=True)


def purge_groups(groups):
    groups = list(groups)
    _renew([GROUP_GENERATION + group for group in groups])
    edge.purge(groups)
