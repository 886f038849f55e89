"""One address of every public page type, in each language.

The budget tests, the browser tests (axe, Khmer rendering, offline), ``bench/load_pages.py``
and ``bench/lighthouse.py`` all walk the same list, so a new page type is added here once.
"""

from django.utils import translation

# Page types as (name, Wagtail page model). The name is what reports and tables show.
WAGTAIL_PAGE_TYPES = [
    ("home", "homepage"),
    ("campaign index", "campaignindexpage"),
    ("campaign", "campaignpage"),
    ("fact sheet index", "factsheetindexpage"),
    ("fact sheet", "factsheetpage"),
    ("lesson kit index", "lessonkitindexpage"),
    ("lesson kit", "lessonkitpage"),
    ("help finder", "helpfinderpage"),
]
# Every public page type: the Wagtail ones, then the calendar's and search's views.
PAGE_TYPES = [name for name, _model in WAGTAIL_PAGE_TYPES] + ["events month", "event", "search results"]
# What the search results page is asked for: a slang name of methamphetamine in each language.
SEARCH_QUERIES = {"km": "យ៉ាម៉ា", "en": "yama"}


def sample_paths(language):
    """``{page type: path}`` of one live public page of each type, in ``language``.

    The campaign is the first live campaign with a hero image, the event the first public one.
    """
    from urllib.parse import quote

    from django.urls import reverse

    from wagtail.models import Page

    from campaigns.campaign_pages import CampaignPage
    from campaigns.outreach import OutreachEvent

    paths = {}
    with translation.override(language):
        for name, model in WAGTAIL_PAGE_TYPES:
            pages = Page.objects.live().public().filter(content_type__model=model).order_by("path")
            if model == "campaignpage":
                page = CampaignPage.objects.live().public().filter(hero_image__isnull=False).order_by("path").first()
            else:
                page = pages.first()
            if page is not None:
                paths[name] = page.get_url()
        paths["events month"] = reverse("events:month")
        event = OutreachEvent.objects.public().order_by("start", "pk").first()
        if event is not None:
            paths["event"] = reverse("events:detail", args=(event.pk,))
        paths["search results"] = reverse("search:search") + "?q=" + quote(SEARCH_QUERIES[language])
    return paths


def all_sample_paths(languages=("km", "en")):
    """``[(page type, language, path)]`` for every page type in every language."""
    return [(name, language, path) for language in languages for name, path in sample_paths(language).items()]


# Pages that are not page types of their own but that every reader may meet: checked for accessibility
# (tests/browser/test_accessibility.py) but not held to the page budgets.
MORE_PAGES = ["search no results", "not found", "offline"]
SEARCH_NOTHING = "zzqxv"


def more_paths(language):
    """``{name: path}`` of ``MORE_PAGES`` in ``language``."""
    from django.urls import reverse

    with translation.override(language):
        return {
            "search no results": reverse("search:search") + "?q=" + SEARCH_NOTHING,
            "not found": f"/{language}/no-such-page-here/",
            "offline": reverse("offline"),
        }
