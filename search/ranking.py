"""What puts the right material first, the same on every backend (docs/search.md, "Ranking").

The database scores each match (FTS5 ``bm25()`` on SQLite, ``ts_rank_cd`` on PostgreSQL, BM25 in
Elasticsearch), with the fields weighted title > names > summary > body and a Khmer sub-word match
below any whole-word match. That score is then multiplied by:

- the weight of the material's kind (``settings.SEARCH_KIND_WEIGHTS``, staff tune it: campaigns,
  fact sheets, lesson kits and help above events);
- ``1 + PHRASE_BONUS`` when the whole query stands as one phrase in the title, names or summary;
- ``1 + TITLE_BONUS`` when the title is the query (what was typed, folded and stemmed as indexed).
"""

import functools

from django.conf import settings

from search.text import analyse

DEFAULT_KIND_WEIGHTS = {
    "campaign": 1.5,
    "fact_sheet": 1.5,
    "lesson_kit": 1.3,
    "help_service": 1.0,
    "event": 0.5,
}
PHRASE_BONUS = 1.0
TITLE_BONUS = 4.0
SCORE_FLOOR = 1e-4  # a match the rank function gives nothing (a sub-word match on PostgreSQL) still counts


def kind_weights():
    return {**DEFAULT_KIND_WEIGHTS, **getattr(settings, "SEARCH_KIND_WEIGHTS", {})}


def kind_weight(kind):
    return float(kind_weights().get(kind, 1.0))


def query_terms(parsed):
    """The query's terms in order, as typed (question words included)."""
    if parsed.typed:
        return parsed.typed
    return tuple(t for group in parsed.groups for t in (group.alternatives[0] if group.alternatives else ()))


@functools.lru_cache(maxsize=20_000)
def title_terms(title, language):
    return tuple(analyse(title, language))


def bonus(parsed, phrase, title_terms):
    """The factor of one candidate: the phrase bonus, and the bonus of a title that is the query
    (``title_terms``: the title's terms as indexed, see :func:`title_terms`)."""
    factor = 1.0
    if phrase:
        factor *= 1 + PHRASE_BONUS
    terms = query_terms(parsed)
    if terms and title_terms and tuple(title_terms) == terms:
        factor *= 1 + TITLE_BONUS
    return factor
