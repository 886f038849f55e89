"""The search page: /km/search/ and /en/search/. Thin: the work is in ``search.query`` and ``search.curation``."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from campaigns.fact_sheets import FactSheetPage
from search import curation
from search.query import MaterialSearch
from search.sources import FACETS


def search_page(request):

    language = translation.get_language()
    query = request.GET.get("q", "")[:1000].strip()
    filters = {name: request.GET.get(name, "") for name in FACETS}
    results = (
        MaterialSearch(query, language=language, filters=filters, page=request.GET.get("page")).run() if query else None
    )
    promotions = curation.promoted(query, language) if results and results.page == 1 and not results.filters else []
    if results and results.page == 1 and not results.filters:
        curation.record_search(query, language, found=bool(results.found or promotions))
    context = {
        "query": query,
        "results": results,
        "promotions": promotions,
        "facet_titles": facet_titles(),
        "fact_sheets": FactSheetPage.objects.live().public().order_by("path")[:6]
        if results and not results.found
        else [],
    }
    return TemplateResponse(request, "search/search_page.html", context)


def open_result(request):
    """A result opened from the search page: counted for the query (text and day only), then followed."""
    language = translation.get_language()
    target = curation.click_target(request.GET.get("to", ""))
    if target is None:
        response = TemplateResponse(request, "search/bad_link.html", {}, status=400)
        return response
    curation.record_click(request.GET.get("q", "")[:1000], language)
    return HttpResponseRedirect(target)


def facet_titles():
    return {
        "kind": _("Kind"),
        "topic": _("Topic"),
        "grade_band": _("Grade band"),
        "province": _("Province"),
        "campaign": _("Campaign"),
    }
