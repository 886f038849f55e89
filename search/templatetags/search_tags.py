"""Links of the search page: the same search with one filter or the page changed."""

from urllib.parse import urlencode

from django import template

register = template.Library()


@register.simple_tag
def search_url(results, facet="", value="", page=None):
    """``?q=...&topic=...`` for ``results`` with ``facet`` set to ``value`` ("" removes it) or another page."""
    params = {"q": results.query, **results.filters}
    if facet:
        params[facet] = value
    if page and page != 1:
        params["page"] = page
    return "?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})


@register.simple_tag
def search_for(text):
    return "?" + urlencode({"q": text})


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "")


@register.simple_tag
def result_link(results, url):
    """The address of a result through the click counter (``/search/go/``): query text and target only."""
    from django.urls import reverse

    from search.curation import signed_target

    return reverse("search:open") + "?" + urlencode({"q": results.query, "to": signed_target(url)})
