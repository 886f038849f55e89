"""Rebuild the search index from the database.

Embedded backend: empties the index tables and fills them again, in one transaction.
Elasticsearch: creates a new index with the current mapping, bulk-indexes every
material into it, then moves the alias to it in one step (no downtime) and
deletes the old index.
"""

import time

from django.core.management.base import BaseCommand

from search.backends import get_backend
from search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index (all materials, both languages) from the database."

    def handle(self, *args, **options):
        backend = get_backend()
        started = time.monotonic()
        count = rebuild(backend)
        self.stdout.write(
            f"Indexed {count} documents with the {backend.name} backend in {time.monotonic() - started:.1f} s."
        )
