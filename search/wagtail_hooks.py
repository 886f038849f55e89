"""The search app in the site's registries: its public pages (``home/public_pages.py``) and cache group."""

from urllib.parse import quote

from django.urls import reverse

from wagtail import hooks

from home.public_pages import REGISTER_PUBLIC_PAGES, PublicPage

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
