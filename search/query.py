"""The one interface views and templates use: ``MaterialSearch(...).run()``.

A query is read into groups (``parse_query``): each word of the query, or each
quoted phrase, or each name from the synonym list, becomes a group of
alternatives (term sequences); a material matches when every group matches
(or, when nothing has every word, at least one: ``relaxed``). Backends turn the
groups into their own query language, so no text a visitor types ever reaches
a query parser: unbalanced quotes and operators are just characters.
"""

import math
import re
from dataclasses import dataclass, field

from django.conf import settings

from search.backends import get_backend
from search.backends.base import BackendResult, Hit  # noqa: F401 (results carry them)
from search.events import event_lines
from search.facets import facet_labels
from search.sources import FACETS, SINGLE_VALUED_FACETS, hidden_keys
from search.synonyms import group_alternatives, synonym_phrases
from search.text import Subword, analyse, fold, is_khmer, normalise, subword_alternatives, term, words

MAX_QUERY_CHARS = 200  # the rest of a longer query is ignored
MAX_GROUPS = 12
PER_PAGE = 10
MIN_FUZZY_LENGTH = 4  # English words this long or longer tolerate a one-letter typo
APART_KINDS = ("event",)  # kinds shown in a block of their own, not among the materials
MAX_EVENT_HITS = 100  # events read to make the event lines of one search
PHRASE = re.compile(r"[\"“”«»]([^\"“”«»]+)[\"“”«»]")
MAX_SYNONYM_TERMS = 6


@dataclass
class Group:
    """One word, phrase or synonym name of the query: matches when any alternative does."""

    alternatives: list  # term tuples; the first is what was typed
    word: str = ""  # the folded word as typed, when the group is one Latin word (typo tolerance)
    phrase: str = ""  # the text of a quoted phrase, as typed
    run: bool = False  # a Khmer run of several ICU words, taken as one (``parse_query(split_runs=False)``)

    @property
    def fuzzy(self):
        return bool(self.word) and len(self.word) >= MIN_FUZZY_LENGTH

    def terms(self):
        return {t for alternative in self.alternatives if not isinstance(alternative, Subword) for t in alternative}


@dataclass
class ParsedQuery:
    text: str
    language: str
    groups: list
    whole: list = field(default_factory=list)  # the groups of the other reading, Khmer runs whole (or [])
    typed: tuple = ()  # every term of the query in order, question words included (ranking bonuses)

    def terms(self):
        return {t for group in self.groups for t in group.terms()}

    @property
    def has_runs(self):
        return bool(self.whole)


KHMER_RUN = re.compile("[\u1780-\u17d3\u17dd]+")  # Khmer letters and signs, without punctuation and digits


def _groups_for_text(text, language, split_runs):
    """Groups for free text. A run of Khmer written without a space that ICU cuts into several
    words is one group (unless ``split_runs``): those words side by side, or its syllables as a
    phrase anywhere (inside longer tokens, with a typo that made ICU cut it otherwise)."""
    if split_runs:
        return _groups_for_run(text, language)
    groups, position = [], 0
    phrases = synonym_phrases(language)
    for match in KHMER_RUN.finditer(text):
        run_terms = tuple(analyse(match.group(), language))
        subwords = subword_alternatives(match.group())
        if len(run_terms) < 2 or not subwords or run_terms in phrases:
            continue
        groups.extend(_groups_for_run(text[position : match.start()], language))
        groups.append(Group(alternatives=[run_terms, *subwords], run=True))
        position = match.end()
    groups.extend(_groups_for_run(text[position:], language))
    return groups


def _groups_for_run(text, language):
    """Groups for free text: synonym names (longest first) or one group per word."""
    found = words(text)
    surfaces = [fold(w) for w, _s, _e in found]
    terms = [term(w, language) for w, _s, _e in found]
    phrases = synonym_phrases(language)
    groups, i = [], 0
    while i < len(terms):
        for j in range(min(len(terms), i + MAX_SYNONYM_TERMS), i, -1):
            index = phrases.get(tuple(terms[i:j]))
            if index is not None:
                typed = tuple(terms[i:j])
                alternatives = [typed] + [a for a in group_alternatives(index, language) if a != typed]
                alternatives += subword_alternatives(" ".join(w for w, _s, _e in found[i:j]))
                groups.append(Group(alternatives=alternatives))
                i = j
                break
        else:
            surface = surfaces[i]
            latin = surface if surface.isascii() and surface.isalpha() else ""
            if len(terms[i]) <= 60:
                alternatives = [(terms[i],)]
                if is_khmer(surface):  # also inside a longer ICU token, and with a typo
                    alternatives += subword_alternatives(found[i][0])
                groups.append(Group(alternatives=alternatives, word=latin))
            i += 1
    return groups


def parse_query(text, language):
    """Read what a visitor typed into groups. Never raises, whatever the text.

    ``groups`` has one group per word (or phrase, or synonym name). When the query holds a Khmer run
    that ICU cuts into several words, ``whole`` reads it again with each such run as one group
    (``_groups_for_text``): a material matches either reading."""
    parsed = _parse(text, language, split_runs=True)
    if any(_parse_has_runs(parsed.text, language)):
        whole = _parse(text, language, split_runs=False)
        if any(group.run for group in whole.groups):
            parsed.whole = whole.groups
    return parsed


def _parse_has_runs(text, language):
    for match in KHMER_RUN.finditer(text):
        yield len(analyse(match.group(), language)) > 1


def _parse(text, language, split_runs):
    text = normalise(text or "")[:MAX_QUERY_CHARS]
    groups = []
    position = 0
    for match in PHRASE.finditer(text):
        groups.extend(_groups_for_text(text[position : match.start()], language, split_runs))
        phrase = tuple(analyse(match.group(1), language))
        if len(phrase) == 1:
            groups.extend(_groups_for_run(match.group(1), language))
        elif phrase:
            subwords = subword_alternatives(match.group(1)) if is_khmer(match.group(1)) else []
            groups.append(Group(alternatives=[phrase, *subwords[:1]], phrase=match.group(1).strip()))
        position = match.end()
    groups.extend(_groups_for_text(text[position:], language, split_runs))
    # The words of a question ("how", "to", តើ) need not be in the material, when other words are.
    meaningful = [group for group in groups if not is_question_word(group)]
    groups = meaningful or groups
    # The same group twice adds nothing.
    unique = []
    for group in groups:
        if all(group.alternatives != other.alternatives for other in unique):
            unique.append(group)
    return ParsedQuery(text=text, language=language, groups=unique[:MAX_GROUPS], typed=tuple(analyse(text, language)))


# Words of questions and small function words, as folded and stemmed (term()): left out of the
# query when it has other words. Only what no material is found by alone.
QUESTION_WORDS = {
    "en": set(
        "a an the is are was be do doe does did what how who where when why which can could should i my me you "
        "your we our it to of for in at on about with and or from my by this that there".split()
    ),
    "km": {"តើ", "ដូចម្ដេច", "ដូចម្តេច", "យ៉ាងដូចម្ដេច", "យ៉ាងម៉េច", "ម៉េច", "អ្វី", "ខ្ញុំ", "ឬ", "ទេ?", "ណា", "នៅឯណា"},
}


def is_question_word(group):
    words_ = [a for a in group.alternatives if not isinstance(a, Subword)]
    if group.phrase or group.run or len(words_) != 1:
        return False
    alternative = words_[0]
    return len(alternative) == 1 and alternative[0] in QUESTION_WORDS["en"] | QUESTION_WORDS["km"]


# Results ---------------------------------------------------------------------


@dataclass
class FacetValue:
    value: str  # "" is "not set"
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    query: str
    language: str
    hits: list
    total: int
    facets: dict  # facet -> list of FacetValue
    page: int
    num_pages: int
    filters: dict
    relaxed: bool = False  # no material had every word: these have some of them
    suggestion: str = ""
    events: list = field(default_factory=list)  # search.events.EventLine: events shown apart
    events_total: int = 0  # events that matched (the link to all of them says how many)

    @property
    def found(self):
        return bool(self.total or self.events)

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.num_pages


def clean_filters(filters):
    """Only known facets, one short value each."""
    cleaned = {}
    for name in FACETS:
        value = (filters or {}).get(name)
        if isinstance(value, list | tuple):
            value = value[0] if value else None
        if value:
            cleaned[name] = str(value)[:100]
    return cleaned


def clean_page(page):
    try:
        number = int(str(page)[:6])
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


class MaterialSearch:
    """Search every material in one language.

    ``MaterialSearch("យ៉ាម៉ា", language="km", filters={"kind": "fact_sheet"}, page=1).run()``
    returns ``SearchResults``: hits with highlighted title and snippet, the total,
    facet counts for each filter, and a suggestion when nothing matches.
    """

    def __init__(self, text, language=None, filters=None, page=1, per_page=PER_PAGE, backend=None):
        codes = [code for code, _name in settings.LANGUAGES]
        self.language = language if language in codes else settings.LANGUAGE_CODE
        self.text = (text or "")[:1000]
        self.filters = clean_filters(filters)
        self.page = clean_page(page)
        self.per_page = per_page
        self._backend = backend

    @property
    def backend(self):
        if self._backend is None:
            self._backend = get_backend()
        return self._backend

    def run(self):
        parsed = parse_query(self.text, self.language)
        # What may not be found now (a restricted page, its campaign's events), whatever the index
        # holds: a restriction the signals missed, or an index written before it (home/security/access.py).
        self.hidden = hidden_keys() if parsed.groups else []
        # Events are shown apart (search.events), unless the reader asked for one kind.
        self.apart = () if self.filters.get("kind") else APART_KINDS
        relaxed = False
        if not parsed.groups:
            result = BackendResult(hits=[], total=0)
        else:
            result = self._search(parsed, require_all=True)
            if result.total == 0 and len(parsed.groups) > 1:
                first = result
                result = self._search(parsed, require_all=False)
                relaxed = result.total > 0
                if not relaxed:
                    result = first  # the events block stays that of all the words
        num_pages = max(1, math.ceil(result.total / self.per_page))
        if self.page > num_pages and result.total:
            self.page = num_pages
            result = self._search(parsed, require_all=not relaxed)
        events, events_total = self._events(result)
        suggestion = ""
        if result.total == 0 and not events and parsed.groups:
            suggestion = self._suggestion(parsed)
        return SearchResults(
            query=self.text,
            language=self.language,
            hits=result.hits,
            total=result.total,
            facets=self._facets(result),
            page=self.page,
            num_pages=num_pages,
            filters=self.filters,
            relaxed=relaxed,
            suggestion=suggestion,
            events=events,
            events_total=events_total,
        )

    def _events(self, result):
        """Events apart from the materials, found by the same search (``result.apart``): lines of
        ``search.events.EventLine`` and how many events matched (none when the reader chose a
        kind: then the list is of that kind alone)."""
        if not self.apart or result.apart is None:
            return [], 0
        return event_lines(result.apart.hits), result.apart.total

    def _suggestion(self, parsed):
        """A spelling the index knows, offered only when it finds something this search may show:
        the index's vocabulary still holds the words of pages restricted since, which must not leak."""
        suggestion = self.backend.suggest(parsed)
        if suggestion and self._search(parse_query(suggestion, self.language), require_all=False).total:
            return suggestion
        return ""

    def _search(self, parsed, require_all):
        return self.backend.search(
            parsed,
            filters=self.filters,
            offset=(self.page - 1) * self.per_page,
            limit=self.per_page,
            require_all=require_all,
            exclude=self.hidden,
            exclude_kinds=self.apart,
            apart_limit=MAX_EVENT_HITS if self.apart else 0,  # a line is a title, a date and its provinces
        )

    def _facets(self, result):

        facets = {}
        for name in FACETS:
            counts = dict(result.facet_counts.get(name, {}))
            if name in SINGLE_VALUED_FACETS:
                missing = result.total - sum(c for v, c in counts.items() if v)
                counts.pop("", None)
                if missing > 0:
                    counts[""] = missing
            labels = facet_labels(name, [v for v in counts if v], self.language)
            values = [
                FacetValue(value=v, label=labels.get(v, v), count=c, selected=self.filters.get(name) == v)
                for v, c in counts.items()
                if c > 0
            ]
            values.sort(key=lambda fv: (fv.value == "", -fv.count, fv.label))
            facets[name] = values
        return facets
