"""The search backend in use: Elasticsearch when ``ELASTICSEARCH_URL`` is set, else the embedded one.

Every backend offers the same methods: ``index(documents)``, ``delete(keys)``,
``search(parsed, filters, offset, limit, require_all)``, ``suggest(parsed)``,
``rebuild(documents)`` and ``clear()``.
"""

from django.conf import settings

from search.backends.elastic import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend


def get_backend():
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        return ElasticsearchBackend.from_settings()

    return EmbeddedBackend()
