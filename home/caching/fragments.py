"""Parts of a page's HTML kept in the cache between requests, so a page built afresh (the page cache
off, a miss, a query string never seen, an editor) does not render its StreamField blocks, pictures
and tag lists again.

A fragment is kept under a key made of the page's id, its latest revision and publication time,
the language, the address (scheme, host, path: link previews and share links hold it), today's date
in Phnom Penh (a campaign "running now") and the two page cache generations of the address: the
site-wide one and the page's own group (home/caching/page_cache.py). So every change that purges the page
from the page cache (publishing or unpublishing it or a page it shows, in either language; moves,
slug changes, snippets, images, settings) makes a fresh fragment too, and publishing changes the
key by itself. Fragments live ``FRAGMENT_CACHE_SECONDS`` at most (0: never kept, as in tests) and
are never used for previews (a draft has the live page's id). Nothing per request goes in one:
the view beacon, the reach figures (cached on their own, campaigns/reach/figures.py) and the frame stay outside.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from home.caching.page_cache import generations, group_of, seconds_until_midnight


def fragment_seconds():
    return int(getattr(settings, "FRAGMENT_CACHE_SECONDS", 0) or 0)


def fragment_key(page, request):
    """The cache key of the fragments of ``page`` for ``request``, or None when they must be rendered."""
    if not fragment_seconds() or request is None or page is None or not getattr(page, "pk", None):
        return None
    if getattr(request, "is_preview", False) or not getattr(page, "live", False):
        return None
    site, group = generations(group_of(request.path))
    version = "|".join(
        str(part)
        for part in (
            page.pk,
            page.latest_revision_id,
            page.last_published_at.isoformat() if page.last_published_at else "",
            request.scheme,
            request.get_host(),
            request.path,
            timezone.localdate().isoformat(),
        )
    )
    digest = hashlib.sha256(version.encode()).hexdigest()[:32]
    return f"fragments:{get_language()}:{site}:{group}:{digest}"


def cached_fragment(name, page, request, render):
    """``render()``'s HTML, kept as described above. The fragments of one page are kept together, in one
    entry read once a request (one round trip to the cache, not one a fragment)."""
    key = fragment_key(page, request)
    if key is None:
        return render()
    kept = getattr(request, "_page_fragments", None)
    if kept is None or kept[0] != key:
        kept = (key, cache.get(key) or {})
        request._page_fragments = kept
    parts = kept[1]
    html = parts.get(name)
    if html is None:
        html = parts[name] = render()
        cache.set(key, parts, min(fragment_seconds(), seconds_until_midnight()))
    return html
