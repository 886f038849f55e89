"""The search app in the site's registries: its public pages (``home/public_pages.py``) and cache group."""

from urllib.parse import quote

import django_filters

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaigns.choosers import RestrictedSnippetChooserViewSet
from home.public_pages import REGISTER_PUBLIC_PAGES, PublicPage
from search.models import SearchQueryDay, SynonymGroup

# What the search results page is asked for: a slang name of methamphetamine in each language.
SEARCH_QUERIES = {"km": "យ៉ាម៉ា", "en": "yama"}
SEARCH_NOTHING = "zzqxv"


@hooks.register(REGISTER_PUBLIC_PAGES)
def public_pages():
    def search_for(words):
        return lambda language: reverse("search:search") + "?q=" + quote(words(language))

    return [
        PublicPage("search results", search_for(SEARCH_QUERIES.get)),
        PublicPage("search no results", search_for(lambda language: SEARCH_NOTHING), page_type=False),
    ]


# Staff curation in the admin (search/curation.py, search/synonyms.py) ----------------------------


class SynonymGroupViewSet(SnippetViewSet):
    """Synonyms and slang: a change takes effect at the next search on the embedded backend."""

    model = SynonymGroup
    chooser_viewset_class = RestrictedSnippetChooserViewSet  # editors of synonyms only
    icon = "list-ul"
    menu_label = _("Search synonyms")
    add_to_admin_menu = False
    list_display = ["names", "note"]
    search_fields = ["names", "note"]


class SearchQueryDayFilters(WagtailFilterSet):
    nobody_clicked = django_filters.BooleanFilter(
        label=_("Nothing found or nothing opened"), method="filter_unanswered"
    )

    def filter_unanswered(self, queryset, name, value):
        if value:
            return queryset.filter(Q(no_results__gt=0) | Q(clicks=0))
        return queryset

    class Meta:
        model = SearchQueryDay
        fields = ["language", "day"]


class SearchQueryDayViewSet(SnippetViewSet):
    """The report of what readers searched for, per day: text and counts only, nothing about readers."""

    model = SearchQueryDay
    chooser_viewset_class = RestrictedSnippetChooserViewSet  # what readers searched for: staff with the permission
    icon = "search"
    menu_label = _("Searches that found nothing")
    add_to_admin_menu = False
    list_display = ["query", "language", "day", "searches", "no_results", "clicks"]
    filterset_class = SearchQueryDayFilters
    list_export = ["day", "language", "query", "searches", "no_results", "clicks"]
    export_filename = "searches-by-day"
    ordering = ["-day", "-no_results", "clicks", "-searches"]
    search_fields = ["query"]

    def get_queryset(self, request):
        # Rows without text yet (fewer searches than search.curation.REPORT_THRESHOLD) are not shown.
        return SearchQueryDay.objects.exclude(query="")


class SearchCurationGroup(SnippetViewSetGroup):
    items = (SynonymGroupViewSet, SearchQueryDayViewSet)
    menu_icon = "search"
    menu_label = _("Search")
    menu_name = "search-curation"


register_snippet(SearchCurationGroup)
