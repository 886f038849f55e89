"""Whole public pages cached for anonymous readers, per language, and purged when what they show changes.

What is cached: the response to a GET of an address under a language prefix (``/km/...``,
``/en/...``) from a reader without a session (never logged in, so never an editor), when the
response is a 200 HTML page that sets no cookie and does not forbid caching (``never_cache``).
The key holds the scheme, host, path, the whole query string (filters, pages, searches) and
whether the reader accepts gzip (the stored copy is the compressed one). Previews, the admin,
POSTed forms and form errors (status 400), feeds, downloads and the view beacon are never cached;
the beacon is a separate request on every view, so reach keeps counting (campaigns/page_views.py).

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
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_path

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
SITE_GENERATION = "page-cache:site"
GROUP_GENERATION = "page-cache:group:"
MAX_QUERY_STRING = 512  # longer query strings are served but not stored
GROUPS = {"events", "search"}  # sections cached and purged as one, in both languages
# The generations read during the request being served (set by PageCacheMiddleware): read once, not once
# for every remembered part and fragment (each read is a round trip to Redis).
_read_this_request = contextvars.ContextVar("page_cache_generations", default=None)


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
    """Every cached page, in every language."""
    _renew([SITE_GENERATION])


def purge_groups(groups):
    _renew([GROUP_GENERATION + group for group in groups])


def page_paths(page):
    """The page's path in each language."""
    from home.languages import language_codes, page_url_in

    paths = set()
    for code in language_codes():
        try:
            url = page_url_in(page, code)
        except Exception:  # a page outside any site has no address
            logger.debug("page cache: no address for page %s", page.pk)
            continue
        if url:
            paths.add(url)
    return paths


def groups_for_page(page):
    """What to purge when ``page`` changes: itself, its ancestors (the index pages and home listing it), the
    pages that show it (they choose or link to it: Wagtail's reference index), the calendar and search."""
    from wagtail.models import Page

    page = page.specific
    pages = [page, *Page.objects.ancestor_of(page).filter(depth__gt=1), *referencing_pages(page)]
    groups = set(GROUPS)
    for each in pages:
        groups |= page_paths(each)
    return groups


def referencing_pages(page):
    """Live pages that link to or choose ``page`` (Wagtail's reference index: choosers, links, blocks)."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page, ReferenceIndex

    references = ReferenceIndex.get_references_to(page).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    return list(Page.objects.live().filter(pk__in=ids)) if ids else []


def purge_page(page):
    if getattr(page.specific_class, "linked_from_every_page", False):
        purge_all()  # the help finder: help boxes and search link to it (site_tags.help_finder_url)
    purge_groups(groups_for_page(page))


def _now_and_on_commit(function, *args):
    """Purge at once and again once the change is committed, so a reader in between cannot keep the old
    page in the cache. A failure is logged, never raised: the editor's change is saved, entries expire."""

    def purge():
        try:
            function(*args)
        except Exception:
            logger.exception("page cache: could not purge")

    purge()
    transaction.on_commit(purge)


# Signals: what purges what

# Models whose saves change no public page (or too often to purge on): counters written on every view
# and download, teachers' class reports (reach figures on pages are cached on their own for ten
# minutes, campaigns/reach.py), officials' areas.
NOT_SHOWN = {"campaigns.pageviewcount", "campaigns.downloadcount", "campaigns.classreport", "campaigns.officialarea"}
WATCHED_APPS = {"home", "campaigns"}
# not renditions: made by views; view restrictions: a page restricted or opened again (home/models.py remembers them)
WATCHED_MODELS = {"wagtailimages.image", "wagtaildocs.document", "wagtailcore.site", "wagtailcore.pageviewrestriction"}
EVENT_MODELS = {"campaigns.outreachevent", "campaigns.outreacheventphoto"}


def purge_event(event):
    """An outreach event shows on the calendar, the home page (upcoming) and its campaign (reach)."""
    from home.models import HomePage

    pages = [*HomePage.objects.all()]
    if event.campaign_id:
        pages.append(event.campaign)
    groups = {"events", "search"}
    for page in pages:
        groups |= page_paths(page)
    purge_groups(groups)


def is_child_of_a_page(model):
    """Orderables saved together with their page (lesson kit files): the page's publishing purges."""
    from modelcluster.fields import ParentalKey
    from wagtail.models import Page

    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, Page) for field in model._meta.get_fields()
    )


def on_model_changed(sender, instance, raw=False, **kwargs):
    from wagtail.models import Page

    label = sender._meta.label_lower
    watched = sender._meta.app_label in WATCHED_APPS or label in WATCHED_MODELS
    if raw or not watched or label in NOT_SHOWN or isinstance(instance, Page):
        return
    if label in EVENT_MODELS:
        event = instance if label == "campaigns.outreachevent" else instance.event
        _now_and_on_commit(purge_event, event)
    elif not is_child_of_a_page(sender):
        _now_and_on_commit(purge_all)


def on_page_published_or_unpublished(sender, instance, **kwargs):
    _now_and_on_commit(purge_page, instance)


def on_page_structure_changed(sender, instance, **kwargs):
    """Moves, slug changes and deletions change the addresses of a page and everything below it."""
    from wagtail.models import Page

    if isinstance(instance, Page):
        _now_and_on_commit(purge_all)


def address_fields():
    from home.languages import language_codes

    return [f"{name}_{code}" for name in ("slug", "url_path") for code in language_codes()]


def on_page_saving(sender, instance, raw=False, **kwargs):
    """A live page whose slug or path changes in any language (each language has its own) moves its
    old addresses, and those of the pages below it, out of reach: purge everything."""
    from wagtail.models import Page

    if raw or not isinstance(instance, Page) or not instance.pk or sender is not type(instance):
        return
    fields = address_fields()
    before = Page.objects.filter(pk=instance.pk, live=True).values(*fields).first()
    if before and any(before[field] != getattr(instance, field, before[field]) for field in fields):
        _now_and_on_commit(purge_all)


def connect():
    from django.db.models.signals import post_delete, post_save, pre_save

    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    page_published.connect(on_page_published_or_unpublished, dispatch_uid="page_cache_published")
    page_unpublished.connect(on_page_published_or_unpublished, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(on_page_structure_changed, dispatch_uid="page_cache_moved")
    page_slug_changed.connect(on_page_structure_changed, dispatch_uid="page_cache_slug")
    post_delete.connect(on_page_structure_changed, dispatch_uid="page_cache_page_deleted")
    pre_save.connect(on_page_saving, dispatch_uid="page_cache_page_saving")
    post_save.connect(on_model_changed, dispatch_uid="page_cache_saved")
    post_delete.connect(on_model_changed, dispatch_uid="page_cache_deleted")
