"""Finding the site and the page for an address without walking the page tree on every request.

Wagtail finds the site by a query on every request, then the page by asking each page on the way,
from the site's root, for its child with the next slug; with wagtail-modeltranslation that loads
every child of each page on the way (slugs are compared in the active language) and then the child's
specific type: two queries a level, growing with the number of campaigns. Here both are remembered
with ``page_cache.remembered`` (renewed whenever any page moves, changes its slug in any language or
is deleted, and when a site is saved): the site for each host, and where each address led (the
page's id, type and how much of the address it took). The page is then loaded with one query and
still decides for itself: its own ``route`` runs on what is left of the address (live or not, a
lesson kit's sub-addresses), and Wagtail's view restrictions are checked after routing as before.
Addresses that lead nowhere are not kept.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language

from wagtail.models import Page, Site

from home.caching.page_cache import remembered


def site_for_request(request):
    """Wagtail's ``Site.find_for_request``, remembered per host (sets what Wagtail reads afterwards)."""

    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = remembered(f"site:{request._get_raw_host()}", lambda: Site._find_for_request(request))
    return request._wagtail_site


def install():
    """Put ``route_for_request`` in Wagtail's place. Run once every app is ready."""

    walk = Page.route_for_request

    def remembered_route_for_request(request, path):
        if not hasattr(request, "_wagtail_route_for_request"):
            site_for_request(request)
            request._wagtail_route_for_request = route_for_request(request, path, walk)
        return request._wagtail_route_for_request

    Page.route_for_request = staticmethod(remembered_route_for_request)


def route_for_request(request, path, walk):
    """``walk(request, path)`` (Wagtail's ``Page.route_for_request``), with where ``path`` leads remembered."""
    components = [component for component in path.split("/") if component]
    site = request._wagtail_site
    if not components or site is None:
        return walk(request, path)
    walked = {}

    def find():
        walked["result"] = result = walk(request, path)
        if result is None:
            return None
        page = result[0]
        return page.pk, page.content_type_id, page.depth - site.root_page.depth

    key = f"route:{get_language()}:{site.pk}:{'/'.join(components)}"
    found = remembered(key, find)
    if "result" in walked or found is None:
        return walked.get("result")
    page_id, content_type_id, taken = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    # no ORDER BY (as .first() would add): building the ordering of a page's query costs more than running it
    page = next(iter(model.objects.filter(pk=page_id).order_by()[:1]), None) if model else None
    if page is None:
        return walk(request, path)
    try:
        return page.route(request, components[taken:])
    except Http404:
        return None
