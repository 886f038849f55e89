"""One address of every public page type, in each language, as the apps register them.

The budget tests, the browser tests (axe, Khmer rendering, offline), ``bench/load_pages.py``
and ``bench/lighthouse.py`` all walk the same list, so a new page type is added once, by the app
that owns it, with the ``register_public_pages`` Wagtail hook (home names no feature)::

    @hooks.register(REGISTER_PUBLIC_PAGES)
    def public_pages():
        return [PublicPage("campaign", campaign_path)]
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation

from wagtail import hooks
from wagtail.models import Page

REGISTER_PUBLIC_PAGES = "register_public_pages"


@dataclass(frozen=True)
class PublicPage:
    name: str  # what reports and tables show
    path: Callable[[str], str | None]  # its address in the active language, None while there is none
    page_type: bool = True  # a page type of its own (held to the budgets); False: a page around them


def registered():
    return [page for hook in hooks.get_hooks(REGISTER_PUBLIC_PAGES) for page in hook()]


def page_types():
    """Every public page type's name."""
    return [page.name for page in registered() if page.page_type]


def more_pages():
    """Pages that are not page types of their own but that every reader may meet (a search that finds
    nothing, the 404 page, the offline page): checked for accessibility but not held to the budgets."""
    return [page.name for page in registered() if not page.page_type]


def _paths(language, page_type):
    paths = {}
    with translation.override(language):
        for page in registered():
            if page.page_type == page_type:
                path = page.path(language)
                if path:
                    paths[page.name] = path
    return paths


def sample_paths(language):
    """``{page type: path}`` of one live public page of each type, in ``language``."""
    return _paths(language, True)


def more_paths(language):
    """``{name: path}`` of ``more_pages()`` in ``language``."""
    return _paths(language, False)


def all_sample_paths(languages=("km", "en")):
    """``[(page type, language, path)]`` for every page type in every language."""
    return [(name, language, path) for language in languages for name, path in sample_paths(language).items()]


def first_live_url(model_name, **filters):
    """The address of the first live public page of a Wagtail page model (by its model name), or None."""
    page = Page.objects.live().public().filter(content_type__model=model_name, **filters).order_by("path").first()
    return page.get_url() if page is not None else None


def site_pages():
    """The home app's own: the home page, the 404 page and the offline page."""
    return [
        PublicPage("home", lambda language: first_live_url("homepage")),
        PublicPage("not found", lambda language: f"/{language}/no-such-page-here/", page_type=False),
        PublicPage("offline", lambda language: reverse("offline"), page_type=False),
    ]
