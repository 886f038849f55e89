"""The synonym list (``search/synonyms.txt``), read by both backends.

Each line is a group of names for the same thing, comma-separated, in either
language: a query for any of them finds material that uses any other.
"""

import functools
from pathlib import Path

from search.text import analyse, normalise

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms.txt"


@functools.lru_cache(maxsize=4)
def synonym_groups(path=SYNONYMS_FILE):
    """The groups in the file, each a list of names (normalised), without comments and blanks."""

    groups = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        names = [normalise(name).strip().lower() for name in line.split(",")]
        names = list(dict.fromkeys(name for name in names if name))
        if len(names) > 1:
            groups.append(names)
    return groups


def solr_rules(path=SYNONYMS_FILE):
    """The groups as Solr rules (``a, b, c``), the form Elasticsearch's synonym filters take inline."""
    return [", ".join(group) for group in synonym_groups(path)]


@functools.lru_cache(maxsize=4)
def synonym_phrases(language):
    """``{term sequence: group index}``: every name analysed as the index analyses ``language``."""

    phrases = {}
    for index, group in enumerate(synonym_groups()):
        for name in group:
            terms = tuple(analyse(name, language))
            if terms:
                phrases.setdefault(terms, index)
    return phrases


def group_alternatives(index, language):
    """Every name of group ``index`` as a term sequence in ``language``."""

    seen = []
    for name in synonym_groups()[index]:
        terms = tuple(analyse(name, language))
        if terms and terms not in seen:
            seen.append(terms)
    return seen
