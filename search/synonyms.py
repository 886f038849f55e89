"""Synonyms and slang, read by both backends: the ``SynonymGroup`` snippet staff edit in the admin,
seeded from ``search/synonyms.txt`` (migration 0006).

Each group is names for the same thing, in either language: a query for any of them finds
material that uses any other. The embedded backend expands a query with them when it is read
(``search.query.parse_query``), so a change takes effect at the next search, with no reindex:
each process keeps the groups it read and reads them again when the snippets' version changes
(a cheap aggregate per search). Elasticsearch puts them in its search analyzers when an index is
built (``manage.py search_index``).
"""

import functools
import threading
from pathlib import Path

from django.db import DatabaseError
from django.db.models import Count, Max

from search.text import analyse, normalise

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms.txt"

_state = threading.local()


def parse_line(line):
    """The names of one comma-separated line, normalised (``[]`` for comments and blanks)."""
    line = line.strip()
    if not line or line.startswith("#"):
        return []
    names = [normalise(name).strip().lower() for name in line.split(",")]
    return list(dict.fromkeys(name for name in names if name))


@functools.lru_cache(maxsize=4)
def file_groups(path=SYNONYMS_FILE):
    """The groups of the seed file."""
    if not Path(path).exists():
        return []
    groups = [parse_line(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    return [g for g in groups if len(g) > 1]


def _version():
    from search.models import SynonymGroup

    found = SynonymGroup.objects.aggregate(count=Count("pk"), changed=Max("updated_at"), last=Max("pk"))
    return (found["count"], found["changed"], found["last"])


def synonym_groups():
    """The groups staff keep (``SynonymGroup``), each a list of names; re-read when they change."""
    from search.models import SynonymGroup

    try:
        version = _version()
    except DatabaseError:  # before the migrations (a management command at start-up)
        return file_groups()
    if getattr(_state, "version", None) != version:
        groups = [parse_line(names) for names in SynonymGroup.objects.order_by("pk").values_list("names", flat=True)]
        _state.groups = [g for g in groups if len(g) > 1]
        _state.version = version
        _state.phrases = {}
    return _state.groups


def solr_rules():
    """The groups as Solr rules (``a, b, c``), the form Elasticsearch's synonym filters take inline."""
    return [", ".join(group) for group in synonym_groups()]


def synonym_phrases(language):
    """``{term sequence: group index}``: every name analysed as the index analyses ``language``."""
    groups = synonym_groups()
    cache = _state.__dict__.setdefault("phrases", {})
    if language not in cache:
        phrases = {}
        for index, group in enumerate(groups):
            for name in group:
                terms = tuple(analyse(name, language))
                if terms:
                    phrases.setdefault(terms, index)
        cache[language] = phrases
    return cache[language]


def group_alternatives(index, language):
    """Every name of group ``index`` as a term sequence in ``language``."""
    seen = []
    for name in synonym_groups()[index]:
        terms = tuple(analyse(name, language))
        if terms and terms not in seen:
            seen.append(terms)
    return seen
