"""Khmer words found wherever they stand: the sub-word (syllable) index, run on every backend."""

import random

import pytest

from django.utils.html import strip_tags

from search.models import IndexEntry
from search.query import MaterialSearch
from search.sources import hidden_keys
from search.text import normalise, syllables, words

pytestmark = pytest.mark.usefixtures("demo")

MATERIALS = ("campaign", "fact_sheet", "lesson_kit")
SCHOOLS = "សាលារៀនគ្មានគ្រឿងញៀន"  # the Drug-free schools campaign, which says ស្ម័គ្រចិត្ត seven times


def search(backend, text, language="km", **kwargs):
    return MaterialSearch(text, language=language, backend=backend, **kwargs).run()


def titles(results):
    return [strip_tags(str(hit.title)) for hit in results.hits]


def test_a_word_inside_a_longer_icu_token_is_found(search_backend):
    assert "ដោយស្ម័គ្រចិត្ត" in words("ចូលរួមដោយស្ម័គ្រចិត្ត")[1][0]  # ICU keeps the longer token whole
    assert SCHOOLS in titles(search(search_backend, "ស្ម័គ្រចិត្ត"))


@pytest.mark.parametrize(
    "typo",
    [
        "សម័គ្រចិត្ត",  # a subscript left out (ស្ម typed សម)
        "ស្ម័គ្រចិត្ដ",  # the look-alike subscript ្ដ for ្ត
        "ស្ម័គ្រចិត្ត",  # control: the word as written
    ],
)
def test_khmer_typos_in_subscripts_still_find(search_backend, typo):
    assert search(search_backend, typo).total > 0, typo


def test_khmer_vowel_typos_still_find(search_backend, make_fact_sheet):
    make_fact_sheet("kumar", "កុមារនិងគ្រួសារ", summary_km="ការការពារកុមារពីគ្រឿងញៀនចាប់ផ្ដើមនៅផ្ទះ។")
    for typo in ("កូមារ", "គ្រួសារ", "ការពារកុមារ"):  # ុ typed ូ; the word itself; inside a token
        assert "កុមារនិងគ្រួសារ" in titles(search(search_backend, typo, filters={"kind": "fact_sheet"})), typo
    make_fact_sheet("vinai", "វិន័យក្នុងគ្រួសារ", summary_km="វិន័យល្អជួយកូនៗឱ្យជៀសវាងគ្រឿងញៀន។")
    assert "វិន័យក្នុងគ្រួសារ" in titles(search(search_backend, "វីន័យ", filters={"kind": "fact_sheet"}))  # ិ as ី


def test_an_exact_word_ranks_above_the_same_syllables_inside_a_longer_word(search_backend, make_fact_sheet):
    make_fact_sheet("inside", "ក្រដាសទី១", summary_km="ពួកគេបានចូលរួមដោយស្ម័គ្រចិត្តទាំងអស់គ្នា។")
    make_fact_sheet("exact", "ក្រដាសទី២", summary_km="ស្ម័គ្រចិត្ត គឺជាការសម្រេចចិត្តរបស់ខ្លួនឯង។")
    found = titles(search(search_backend, "ស្ម័គ្រចិត្ត", filters={"kind": "fact_sheet"}))
    assert found.index("ក្រដាសទី២") < found.index("ក្រដាសទី១")


def sample_words(count=250, seed=15):
    """Khmer words of two syllables or more from the demo's materials, each with the key of its
    page: the ICU words of every body, and the dictionary words standing inside longer ICU tokens
    (a run of syllables ICU takes as one word on its own). All of the latter, then a seeded sample."""
    hidden = set(hidden_keys())
    inside, whole = {}, {}
    for entry in IndexEntry.objects.filter(language="km", kind__in=MATERIALS).order_by("key"):
        if entry.key in hidden:
            continue
        text = normalise(f"{entry.summary}\n{entry.body}")
        for token, _s, _e in words(text):
            parts = syllables(token)
            if len(parts) < 2 or "".join(parts) != token:
                continue
            whole.setdefault(token, entry.key)
            for i in range(len(parts)):
                for j in range(i + 2, min(len(parts), i + 5) + 1):
                    piece = "".join(parts[i:j])
                    if piece != token and [w for w, _a, _b in words(piece)] == [piece]:
                        inside.setdefault(piece, entry.key)
    rng = random.Random(seed)
    chosen = sorted(inside.items())
    chosen = rng.sample(chosen, min(len(chosen), count // 2))
    rest = sorted(w for w in whole.items() if w[0] not in inside)
    chosen += rng.sample(rest, min(len(rest), count - len(chosen)))
    return chosen


def test_every_sampled_khmer_word_finds_its_page(search_backend):
    sample = sample_words()
    assert len(sample) >= 200
    missed = []
    for word, key in sample:
        results = search(search_backend, word, per_page=500)
        if key not in {hit.key for hit in results.hits}:
            missed.append((word, key))
    assert not missed, f"{len(missed)} of {len(sample)} words did not find their page: {missed[:20]}"
