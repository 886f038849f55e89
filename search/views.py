"""The search page: /km/search/ and /en/search/. Thin: the work is in ``search.query``."""

from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from campaigns.fact_sheets import FactSheetPage
from search.query import MaterialSearch
from search.sources import FACETS


def search_page(request):

    language = translation.get_language()
    query = request.GET.get("q", "")[:1000].strip()
    filters = {name: request.GET.get(name, "") for name in FACETS}
    results = (
        MaterialSearch(query, language=language, filters=filters, page=request.GET.get("page")).run() if query else None
    )
    context = {
        "query": query,
        "results": results,
        "facet_titles": facet_titles(),
        "fact_sheets": FactSheetPage.objects.live().public().order_by("path")[:6]
        if results and not results.total
        else [],
    }
    return TemplateResponse(request, "search/search_page.html", context)


def facet_titles():
    return {
        "kind": _("Kind"),
        "topic": _("Topic"),
        "grade_band": _("Grade band"),
        "province": _("Province"),
        "campaign": _("Campaign"),
    }
