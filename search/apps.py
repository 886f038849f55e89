from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # Imported here, not at the top: these modules import models, which exist only once apps are loaded.
        from home.caching.page_cache import cache_group
        from search import facets, registrations, signals  # noqa: F401

        cache_group("search")  # every search is purged with the rest when anything searchable changes
        registrations.register_all()
        signals.connect()
