"""The search backend in use: Elasticsearch when ``ELASTICSEARCH_URL`` is set, else the embedded one.

Every backend offers the same methods: ``index(documents)``, ``delete(keys)``,
``search(parsed, filters, offset, limit, require_all)``, ``suggest(parsed)``,
``rebuild(documents)`` and ``clear()``.
"""

from django.conf import settings


def get_backend():
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        from search.backends.elastic import ElasticsearchBackend

        return ElasticsearchBackend.from_settings()
    from search.backends.embedded import EmbeddedBackend

    return EmbeddedBackend()
