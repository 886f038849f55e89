"""What purges what in the page cache (``home/caching/page_cache.py``): Wagtail's and Django's signals.

Publishing, unpublishing or changing a page renews the generations of the page, its ancestors, the pages
choosing or linking to it, the calendar and search; moves, slug changes, deletions and saves of watched
models renew the site-wide one. Features add their own rules (``watch_app``, ``purge_rule``).
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from modelcluster.fields import ParentalKey
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from home.caching import edge
from home.caching.page_cache import GROUPS, purge_all, purge_groups
from home.languages import language_codes, page_url_in

logger = logging.getLogger(__name__)


def page_paths(page):
    """The page's path in each language."""

    paths = set()
    for code in language_codes():
        try:
            url = page_url_in(page, code)
        except Exception:  # a page outside any site has no address
            logger.debug("page cache: no address for page %s", page.pk)
            continue
        if url:
            paths.add(url)
    return paths


def groups_for_page(page):
    """What to purge when ``page`` changes: itself, its ancestors (the index pages and home listing it), the
    pages that show it (they choose or link to it: Wagtail's reference index), the calendar and search."""

    page = page.specific
    pages = [page, *Page.objects.ancestor_of(page).filter(depth__gt=1), *referencing_pages(page)]
    groups = set(GROUPS)
    for each in pages:
        groups |= page_paths(each)
    return groups


def referencing_pages(page):
    """Live pages that link to or choose ``page`` (Wagtail's reference index: choosers, links, blocks)."""

    references = ReferenceIndex.get_references_to(page).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    return list(Page.objects.live().filter(pk__in=ids)) if ids else []


def purge_page(page):
    if getattr(page.specific_class, "linked_from_every_page", False):
        purge_all()  # the help finder: help boxes and search link to it (site_tags.help_finder_url)
    purge_groups(groups_for_page(page))


def _now_and_on_commit(function, *args):
    """Purge at once and again once the change is committed, so a reader in between cannot keep the old
    page in the cache. A failure is logged, never raised: the editor's change is saved, entries expire."""

    def purge():
        try:
            function(*args)
        except Exception:
            logger.exception("page cache: could not purge")

    def purge_after_commit():
        token = edge.after_commit.set(True)  # the front cache too, now that the change is visible
        try:
            purge()
        finally:
            edge.after_commit.reset(token)

    purge()
    transaction.on_commit(purge_after_commit)


# Signals: what purges what

# What features tell the page cache (a small registry, filled when each feature's app is ready; home
# names no feature): the apps whose saves purge every page, the models among them whose saves change no
# public page (or too often to purge on: counters), and models with a purge of their own.
WATCHED_APPS = {"home"}
NOT_SHOWN = {"home.ratecount"}  # rate counts (home/security/rate_limits.py): written by requests, shown nowhere
PURGE_RULES = {}  # model label -> function(instance) that purges what the instance shows on


def watch_app(app_label, not_shown=()):
    """Saves and deletions of ``app_label``'s models purge every cached page, except ``not_shown``'s."""
    WATCHED_APPS.add(app_label)
    NOT_SHOWN.update(label.lower() for label in not_shown)


def purge_rule(model_label, purge):
    """``purge(instance)`` is called (now and after the commit) instead of purging every page."""
    PURGE_RULES[model_label.lower()] = purge


# not renditions: made by views; view restrictions: a page restricted or opened again (home/models.py remembers
# them), a collection's documents hidden or shown again (lesson kits list only public files)
WATCHED_MODELS = {
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailcore.site",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
}


def is_child_of_a_page(model):
    """Orderables saved together with their page (lesson kit files): the page's publishing purges."""

    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, Page) for field in model._meta.get_fields()
    )


def on_model_changed(sender, instance, raw=False, **kwargs):

    label = sender._meta.label_lower
    watched = sender._meta.app_label in WATCHED_APPS or label in WATCHED_MODELS
    if raw or not watched or label in NOT_SHOWN or isinstance(instance, Page):
        return
    if label in PURGE_RULES:
        _now_and_on_commit(PURGE_RULES[label], instance)
    elif not is_child_of_a_page(sender):
        _now_and_on_commit(purge_all)


def on_page_published_or_unpublished(sender, instance, **kwargs):
    _now_and_on_commit(purge_page, instance)


def on_page_structure_changed(sender, instance, **kwargs):
    """Moves, slug changes and deletions change the addresses of a page and everything below it."""

    if isinstance(instance, Page):
        _now_and_on_commit(purge_all)


def address_fields():

    return [f"{name}_{code}" for name in ("slug", "url_path") for code in language_codes()]


def on_page_saving(sender, instance, raw=False, **kwargs):
    """A live page whose slug or path changes in any language (each language has its own) moves its
    old addresses, and those of the pages below it, out of reach: purge everything."""

    if raw or not isinstance(instance, Page) or not instance.pk or sender is not type(instance):
        return
    fields = address_fields()
    before = Page.objects.filter(pk=instance.pk, live=True).values(*fields).first()
    if before and any(before[field] != getattr(instance, field, before[field]) for field in fields):
        _now_and_on_commit(purge_all)


def connect():

    page_published.connect(on_page_published_or_unpublished, dispatch_uid="page_cache_published")
    page_unpublished.connect(on_page_published_or_unpublished, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(on_page_structure_changed, dispatch_uid="page_cache_moved")
    page_slug_changed.connect(on_page_structure_changed, dispatch_uid="page_cache_slug")
    post_delete.connect(on_page_structure_changed, dispatch_uid="page_cache_page_deleted")
    pre_save.connect(on_page_saving, dispatch_uid="page_cache_page_saving")
    post_save.connect(on_model_changed, dispatch_uid="page_cache_saved")
    post_delete.connect(on_model_changed, dispatch_uid="page_cache_deleted")
