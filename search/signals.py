"""Signals that keep the index in step: pages published, unpublished, moved and deleted;
snippets and other registered models saved and deleted; documents (PDFs) saved and deleted;
view restrictions of pages and of documents' collections saved and deleted (what may be found
changes: the page and everything below it, their campaigns' events, the materials using the files).

With the embedded backend the index is written in the same transaction as the
change. With Elasticsearch it is written once the transaction commits.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.background import later
from search import indexing
from search.files import refresh_document_text
from search.sources import source_for, sources

logger = logging.getLogger(__name__)


def _run(function, *args):
    """Now (embedded: same transaction) or after commit (Elasticsearch); a failure is logged, never raised
    to the editor, whose change is already saved: ``manage.py search_index`` repairs the index."""

    def call():
        try:
            function(*args)
        except Exception:
            logger.exception("search: could not update the index")

    if getattr(settings, "ELASTICSEARCH_URL", ""):
        transaction.on_commit(call)
    else:
        function(*args)


def _index(obj):
    """Index ``obj`` as it is now: by the worker when there is one (home/background.py), else as before."""
    from search.tasks import index_material  # imported here: tasks import this module

    if later(index_material, obj._meta.label, obj.pk):
        return
    _run(indexing.update_object, obj)


def _specific(page):
    return page.specific if hasattr(page, "specific_class") else page


def on_published(sender, instance, **kwargs):
    page = _specific(instance)
    if source_for(page):
        _index(page)


def on_unpublished(sender, instance, **kwargs):
    page = _specific(instance)
    if source_for(page):
        _run(indexing.remove_object, page)


def on_moved(sender, instance, **kwargs):
    # Addresses of the page and everything below it changed.

    pages = [instance, *Page.objects.descendant_of(instance).live()]
    for page in pages:
        page = _specific(page)
        if source_for(page):
            _index(page)


def on_deleted(sender, instance, **kwargs):
    if source_for(instance):
        key = indexing.material_key(instance)
        _run(lambda: indexing.get_backend().delete([key]))


def on_saved(sender, instance, **kwargs):
    """Registered models that are not pages (snippets) are indexed on every save."""
    source = source_for(instance)
    if source and not source.is_page:
        _index(instance)


def on_document_saved(sender, instance, **kwargs):
    """The PDF's text is read, and the materials offering it indexed again: by the worker when there is one."""
    from search.tasks import read_document  # imported here: tasks import this module

    if later(read_document, instance.pk):
        return
    refresh_document_text(instance)
    _reindex_users_of(instance)


def on_document_deleted(sender, instance, **kwargs):
    _reindex_users_of(instance, exclude_document=True)


def _reindex_users_of(document, exclude_document=False):
    """Materials whose files include ``document`` (found through Wagtail's reference index)."""

    for obj, _references in ReferenceIndex.get_references_to(document).group_by_source_object():
        obj = _specific(obj)
        if source_for(obj) is not None:
            _index(obj)


def deleted_along(sender, kwargs):
    """True when a restriction goes because what it guards is deleted (its page): nothing opens then."""
    origin = kwargs.get("origin")
    if origin is None:
        return False
    model = getattr(origin, "model", type(origin))
    return not issubclass(model, sender)


def on_page_restriction_changed(sender, instance, raw=False, **kwargs):
    """A page restricted or opened again: it and its descendants, and what follows them (events)."""
    if raw or deleted_along(sender, kwargs):
        return
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:  # deleted with its page: the page's own deletion removes it
        return
    _run(reindex_below, page)


def reindex_below(page):
    pages = Page.objects.descendant_of(page, inclusive=True)
    for each in pages.specific().iterator(chunk_size=200):
        if source_for(each) is not None:
            indexing.update_object(each)
    for source in sources():
        if source.follows_pages is not None:
            for obj in source.follows_pages(pages):
                indexing.update_object(obj)


def on_collection_restriction_changed(sender, instance, raw=False, **kwargs):
    """A collection restricted or opened again: the materials using its documents (or those below it)."""
    if raw or deleted_along(sender, kwargs):
        return
    try:
        collection = Collection.objects.get(pk=instance.collection_id)
    except Collection.DoesNotExist:
        return
    documents = get_document_model().objects.filter(collection__path__startswith=collection.path)
    for document in documents.iterator(chunk_size=200):
        _reindex_users_of(document)


def connect():

    connect_curation()
    page_published.connect(on_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search_page_moved")
    for source in sources():
        pre_delete.connect(on_deleted, sender=source.model, dispatch_uid=f"search_deleted_{source.kind}")
        if not source.is_page:
            post_save.connect(on_saved, sender=source.model, dispatch_uid=f"search_saved_{source.kind}")
    document_model = get_document_model()
    post_save.connect(on_document_saved, sender=document_model, dispatch_uid="search_document_saved")
    post_delete.connect(on_document_deleted, sender=document_model, dispatch_uid="search_document_deleted")
    for signal in (post_save, post_delete):
        name = "saved" if signal is post_save else "deleted"
        signal.connect(
            on_page_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"search_page_restriction_{name}"
        )
        signal.connect(
            on_collection_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"search_collection_restriction_{name}",
        )


def on_curation_changed(sender, **kwargs):
    """Synonyms or promoted results changed: cached search pages are stale (read again at the next
    search); on Elasticsearch, a synonyms change is sent to its synonyms set."""
    from home.caching.page_cache import purge_groups

    transaction.on_commit(lambda: purge_groups(["search"]))
    if sender._meta.label == "search.SynonymGroup":
        backend = indexing.get_backend()
        if hasattr(backend, "put_synonyms"):
            _run(backend.put_synonyms)


def connect_curation():
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from search.models import SynonymGroup

    for model in (SynonymGroup, SearchPromotion):
        for signal in (post_save, post_delete):
            signal.connect(
                on_curation_changed, sender=model, dispatch_uid=f"search_curation_{model.__name__}_{id(signal)}"
            )
