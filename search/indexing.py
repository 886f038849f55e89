"""Keep the index in step with the site: index, remove, rebuild (used by signals and the command)."""

import logging

from django.conf import settings

from search.backends import get_backend
from search.sources import source_for, sources

logger = logging.getLogger(__name__)


def material_key(obj):
    source = source_for(obj)
    return f"{source.kind}:{obj.pk}" if source else None


def update_object(obj, backend=None):
    """Index ``obj`` in every language it is written in, and remove it where it may no longer be found."""
    source = source_for(obj)
    if source is None or obj.pk is None:
        return
    backend = backend or get_backend()
    documents = source.index_documents(obj)
    languages = {d.language for d in documents}
    gone = [code for code, _name in settings.LANGUAGES if code not in languages]
    if gone:
        backend.delete([f"{source.kind}:{obj.pk}"], languages=gone)
    backend.index(documents)


def remove_object(obj, backend=None):
    key = material_key(obj)
    if key:
        (backend or get_backend()).delete([key])


def all_documents():
    """Every searchable material of every registered kind, as IndexDocuments."""
    for source in sources():
        for obj in source.all_objects().iterator(chunk_size=200):
            yield from source.index_documents(obj)


def rebuild(backend=None):
    """Index everything again from the database; returns the number of documents."""
    return (backend or get_backend()).rebuild(all_documents())
