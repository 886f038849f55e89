"""The search work the worker does (home/background.py): a material's index entry, a document's PDF text."""

from django_tasks import task

from django.apps import apps

from home.background import retrying


def _object(label, pk):
    model = apps.get_model(label)
    obj = model._default_manager.filter(pk=pk).first()
    return obj.specific if obj is not None and hasattr(obj, "specific_class") else obj


@task()
def index_material(label, pk, attempt=1):
    """Write the index entry of one material (a page or a snippet), as it is now."""
    from search import indexing
    from search.sources import source_for

    with retrying(index_material, (label, pk), attempt):
        obj = _object(label, pk)
        if obj is None or source_for(obj) is None:
            return "gone"
        if getattr(obj, "live", True):
            indexing.update_object(obj)
        else:
            indexing.remove_object(obj)
        return "indexed"


@task()
def read_document(pk, attempt=1):
    """Extract a saved document's PDF text, then index again the materials that offer it."""
    from wagtail.documents import get_document_model

    from search import signals
    from search.files import refresh_document_text

    with retrying(read_document, (pk,), attempt):
        document = get_document_model().objects.filter(pk=pk).first()
        if document is None:
            return "gone"
        refresh_document_text(document)
        signals._reindex_users_of(document)
        return "read"
