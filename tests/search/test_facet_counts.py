"""Facet counts of the embedded backend: bit masks of the entries carrying each value, intersected with the
matches, give what counting every match's facets one by one gives."""

import random
from collections import Counter

import pytest

from search.backends.embedded import EmbeddedBackend
from search.models import IndexEntry

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


def counted_one_by_one(facet_map, ids):
    counts = {}
    for (name, value), n in Counter(pair for entry_id in ids for pair in facet_map.get(entry_id, ())).items():
        counts.setdefault(name, {})[value] = n
    return counts


def test_masks_count_as_counting_each_match_does():
    backend = EmbeddedBackend()
    facet_map = backend.facet_map()
    every = list(facet_map)
    assert len(every) > 50
    rng = random.Random(15)
    for ids in [every, every[:1], [], rng.sample(every, len(every) // 3), [*rng.sample(every, 20), 10**9]]:
        assert backend.count_facets(ids) == counted_one_by_one(facet_map, ids)


def test_the_masks_are_made_again_when_the_index_changes():
    backend = EmbeddedBackend()
    every = list(backend.facet_map())
    before = backend.count_facets(every)["kind"]
    entry = IndexEntry.objects.filter(kind="fact_sheet").first()
    IndexEntry.objects.filter(pk=entry.pk).update(facets=entry.facets.replace("kind=fact_sheet", "kind=help_service"))
    backend._changed()  # a new generation, as every write to the index makes
    backend.facet_map()
    after = backend.count_facets(every)["kind"]
    assert after["fact_sheet"] == before["fact_sheet"] - 1
    assert after["help_service"] == before["help_service"] + 1
