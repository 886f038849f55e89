"""The Elasticsearch backend (elasticsearch-dsl), for servers with ``ELASTICSEARCH_URL``.

Queries are built as dictionaries by plain functions (``search_body``,
``suggest_body``, ``complete_body``) that the unit tests check without a server.
Writes go through the alias ``<SEARCH_INDEX_PREFIX>-materials``; ``rebuild``
fills a new index and moves the alias to it in one step.

For a cluster: one client per process (its connection pool and node list shared by every request);
shards and replicas from ``ELASTICSEARCH_SHARDS`` / ``ELASTICSEARCH_REPLICAS``; saves do not wait for a
refresh (``SEARCH_REFRESH_ON_SAVE``: the index's own refresh, within a second, shows them); deletes by
document id (``<key>:<language>``), never by query; and a rebuild loses no save made while it runs:
the new index carries a second alias, ``<alias>-next``, while it fills, saves and deletes go to both,
and the rebuild only *creates* documents (``op_type=create``), so it never overwrites what a save
wrote in the meantime.
"""

import datetime
import threading

from elasticsearch import Elasticsearch
from elasticsearch.helpers import bulk

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search import ranking
from search.backends.base import BackendResult, Hit
from search.documents import MaterialDocument, exact_title, materials_index
from search.sources import FACETS, kind_labels
from search.synonyms import solr_rules
from search.text import Subword, fold, normalise, words

FIELD_BOOSTS = {"title": 10, "names": 5, "summary": 3, "body": 1}
SUBWORD_BOOST = 0.4  # a Khmer word inside a longer token: below every whole-word match (as FTS5_WEIGHTS)
SNIPPET_CHARS = 220
FUZZINESS = "AUTO:4,99"  # no typo below 4 letters, one from 4 letters on (as the embedded backend)


def text_fields(language):
    return [f"{name}_{language}^{boost}" for name, boost in FIELD_BOOSTS.items()]


def query_clause(parsed, require_all):
    """The part of the query that matches text: exact words (with synonyms) or, in English, one typo."""
    language = parsed.language
    text = parsed.text
    operator = "and" if require_all else "or"
    should = [
        {"multi_match": {"query": text, "fields": text_fields(language), "type": "best_fields", "operator": operator}},
        {"match_phrase": {f"title_{language}": {"query": text, "boost": 5}}},
    ]
    if language == "en":
        should.append(
            {
                "multi_match": {
                    "query": text,
                    "fields": text_fields(language),
                    "type": "best_fields",
                    "operator": operator,
                    "fuzziness": FUZZINESS,
                    "prefix_length": 0,
                    "analyzer": "english_index",
                    "boost": 0.5,
                }
            }
        )
    if language == "km":
        # Each Khmer word of two syllables or more, as a phrase of syllables in the sub-fields.
        for group in parsed.groups:
            if any(isinstance(a, Subword) for a in group.alternatives):
                should.append(
                    {
                        "multi_match": {
                            "query": " ".join(next(a for a in group.alternatives if isinstance(a, Subword))),
                            "type": "phrase",
                            "fields": [f"{name}_km.syllables" for name in FIELD_BOOSTS],
                            "boost": SUBWORD_BOOST,
                        }
                    }
                )
    clause = {"bool": {"should": should, "minimum_should_match": 1}}
    phrases = [group.phrase for group in parsed.groups if group.phrase]
    if phrases:
        clause = {
            "bool": {
                "must": [clause]
                + [
                    {"multi_match": {"query": phrase, "type": "phrase", "fields": text_fields(language)}}
                    for phrase in phrases
                ]
            }
        }
    return clause


def filter_clauses(language, filters):
    return [{"term": {"language": language}}] + [{"term": {name: value}} for name, value in sorted(filters.items())]


def ranked(query, parsed):
    """The ranking of search/ranking.py on Elasticsearch: BM25 with field boosts (in the clauses),
    times the kind's weight (settings ``SEARCH_KIND_WEIGHTS``), with the bonuses for the whole query
    as a phrase in the title, names or summary and for a title that is the query."""
    language = parsed.language
    functions = [
        {"filter": {"term": {"kind": kind}}, "weight": weight}
        for kind, weight in sorted(ranking.kind_weights().items())
    ]
    text = parsed.text.strip()
    if len(ranking.query_terms(parsed)) > 1:
        functions.append(
            {
                "filter": {
                    "multi_match": {
                        "query": text,
                        "type": "phrase",
                        "fields": [f"title_{language}", f"names_{language}", f"summary_{language}"],
                    }
                },
                "weight": 1 + ranking.PHRASE_BONUS,
            }
        )
    if text:
        functions.append(
            {"filter": {"term": {"title_exact": exact_title(text, language)}}, "weight": 1 + ranking.TITLE_BONUS}
        )
    return {
        "function_score": {"query": query, "functions": functions, "score_mode": "multiply", "boost_mode": "multiply"}
    }


def search_body(parsed, filters=None, offset=0, limit=10, require_all=True, exclude=(), exclude_kinds=()):
    """The request body of one search: query, filters, facets (aggregations), highlighting, page.

    ``exclude``: keys of materials that may not be found now (``search.sources.hidden_keys``);
    ``exclude_kinds``: kinds shown apart (events)."""
    language = parsed.language
    query = {"must": [query_clause(parsed, require_all)], "filter": filter_clauses(language, filters or {})}
    must_not = []
    if exclude:
        must_not.append({"terms": {"key": list(exclude)}})
    if exclude_kinds:
        must_not.append({"terms": {"kind": list(exclude_kinds)}})
    if must_not:
        query["must_not"] = must_not
    return {
        "query": ranked({"bool": query}, parsed),
        "from": offset,
        "size": limit,
        "track_total_hits": True,
        "_source": ["key", "kind", "title", "url", "language"],
        "aggs": {name: {"terms": {"field": name, "size": 200}} for name in FACETS},
        "highlight": {
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
            "fields": {
                f"title_{language}": {"number_of_fragments": 0},
                f"body_{language}": {
                    "fragment_size": SNIPPET_CHARS,
                    "number_of_fragments": 1,
                    "no_match_size": SNIPPET_CHARS,
                },
                f"names_{language}": {"number_of_fragments": 0},
                f"summary_{language}": {"fragment_size": SNIPPET_CHARS, "number_of_fragments": 1},
            },
        },
    }


def search_bodies(
    parsed, filters=None, offset=0, limit=10, require_all=True, exclude=(), exclude_kinds=(), apart_limit=0
):
    """The request bodies of one search: the materials, then (with ``apart_limit``) the kinds shown
    apart, their best ``apart_limit`` with no facets or highlighting beyond the title."""
    bodies = [search_body(parsed, filters, offset, limit, require_all, exclude, exclude_kinds)]
    if exclude_kinds and apart_limit:
        apart = search_body(parsed, filters, 0, apart_limit, require_all, exclude)
        apart["query"] = {"bool": {"must": [apart["query"]], "filter": [{"terms": {"kind": list(exclude_kinds)}}]}}
        apart.pop("aggs")
        apart["highlight"]["fields"] = {f"title_{parsed.language}": {"number_of_fragments": 0}}
        bodies.append(apart)
    return bodies


def suggest_body(parsed):
    """A term suggester over the words of the query's language (for "did you mean")."""
    return {
        "size": 0,
        "suggest": {
            "text": parsed.text,
            "spelling": {
                "term": {
                    "field": f"spell_{parsed.language}",
                    "suggest_mode": "missing",
                    "min_word_length": 3,
                    "max_edits": 2,
                }
            },
        },
    }


def complete_body(prefix, language, size=5):
    """Titles and names that start with ``prefix`` in ``language`` (search as you type)."""
    return {
        "size": 0,
        "_source": False,
        "suggest": {
            "titles": {
                "prefix": normalise(prefix)[:100],
                "completion": {
                    "field": "suggest",
                    "size": size,
                    "skip_duplicates": True,
                    "contexts": {"language": [language]},
                    "fuzzy": {"fuzziness": "AUTO"},
                },
            }
        },
    }


_clients = {}
_clients_lock = threading.Lock()


def shared_client(url):
    """One Elasticsearch client per process and address: its connections are reused by every request."""
    with _clients_lock:
        if url not in _clients:
            _clients[url] = Elasticsearch(url, request_timeout=10, retry_on_timeout=True, max_retries=2)
        return _clients[url]


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, client, prefix="awareness", refresh_on_save=False):
        self.client = client
        self.prefix = prefix
        self.refresh_on_save = refresh_on_save

    @classmethod
    def from_settings(cls):
        return cls(
            shared_client(settings.ELASTICSEARCH_URL),
            prefix=settings.SEARCH_INDEX_PREFIX,
            refresh_on_save=getattr(settings, "SEARCH_REFRESH_ON_SAVE", False),
        )

    @property
    def alias(self):
        return f"{self.prefix}-materials"

    @property
    def next_alias(self):
        """Names the index a rebuild is filling, while it runs."""
        return f"{self.alias}-next"

    def write_targets(self):
        targets = [self.alias]
        if self.client.indices.exists_alias(name=self.next_alias):
            targets.append(self.next_alias)
        return targets

    def new_index_name(self):
        return f"{self.alias}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"

    def ping(self):
        try:
            return bool(self.client.ping())
        except Exception:
            return False

    # Writing -------------------------------------------------------------------

    @property
    def synonyms_set(self):
        """The Elasticsearch synonyms set the search analyzers read (``PUT _synonyms/<id>``)."""
        return f"{self.prefix}-synonyms"

    def synonym_rules(self):
        """The synonyms set's rules: one per group staff keep (``search.synonyms``), in Solr form."""
        return [{"id": f"group-{number}", "synonyms": rule} for number, rule in enumerate(solr_rules(), 1)]

    def put_synonyms(self):
        """Replace the synonyms set with the groups staff keep: Elasticsearch reloads the search
        analyzers of every index that reads it, so searches use the change at once, with no reindex."""
        self.client.synonyms.put_synonym(id=self.synonyms_set, synonyms_set=self.synonym_rules())

    def create_index(self, name):
        self.put_synonyms()  # an index can only be created once the set its analyzers name exists
        materials_index(name, synonyms_set=self.synonyms_set).create(using=self.client)
        return name

    def ensure_index(self):
        if not self.client.indices.exists_alias(name=self.alias):
            name = self.create_index(self.new_index_name())
            self.client.indices.put_alias(index=name, name=self.alias)

    def _bulk(self, index_name, documents, refresh, op_type="index"):

        actions = (
            {
                **MaterialDocument.from_index_document(d).to_dict(include_meta=True),
                "_index": index_name,
                "_op_type": op_type,
            }
            for d in documents
        )
        # A rebuild's "create" of a document a save already wrote is a conflict (409): expected, not an error.
        ok, _errors = bulk(self.client, actions, chunk_size=500, refresh=refresh, raise_on_error=op_type != "create")
        return ok

    def index(self, documents):
        documents = list(documents)
        if documents:
            self.ensure_index()
            for target in self.write_targets():
                self._bulk(target, documents, refresh=self.refresh_on_save)

    def delete(self, keys, languages=None):
        """Delete the documents ``<key>:<language>`` by id, in every language or those given."""
        if not self.client.indices.exists_alias(name=self.alias):
            return
        codes = list(languages) if languages is not None else [code for code, _name in settings.LANGUAGES]
        ids = [f"{key}:{code}" for key in keys for code in codes]
        actions = [
            {"_op_type": "delete", "_index": target, "_id": doc_id} for target in self.write_targets() for doc_id in ids
        ]
        if actions:  # a document never indexed (404) is already gone
            bulk(self.client, actions, refresh=self.refresh_on_save, raise_on_error=False)

    def rebuild(self, documents):
        """New index (written to by saves meanwhile, through ``next_alias``), every document created in it,
        then the alias moved to it at once; old indexes deleted."""
        name = self.create_index(self.new_index_name())
        self.client.indices.put_alias(index=name, name=self.next_alias)
        count = self._bulk(name, documents, refresh=False, op_type="create")
        self.client.indices.refresh(index=name)
        old = (
            list(self.client.indices.get_alias(name=self.alias))
            if self.client.indices.exists_alias(name=self.alias)
            else []
        )
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        actions.append({"remove": {"index": name, "alias": self.next_alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index)
        return count

    def clear(self):
        if self.client.indices.exists_alias(name=self.alias):
            self.client.delete_by_query(index=self.alias, query={"match_all": {}}, refresh=True)

    def drop_all(self):
        self.client.indices.delete(index=f"{self.alias}-*", allow_no_indices=True, expand_wildcards="all")

    # Reading -------------------------------------------------------------------

    def search(
        self,
        parsed,
        filters=None,
        offset=0,
        limit=10,
        require_all=True,
        exclude=(),
        exclude_kinds=(),
        snippets=True,
        apart_limit=0,
    ):
        """As the embedded backend's: with ``apart_limit``, the kinds ``exclude_kinds`` come back as
        ``apart``, from a second search sent in the same request (``msearch``)."""
        self.ensure_index()
        bodies = search_bodies(parsed, filters, offset, limit, require_all, exclude, exclude_kinds, apart_limit)
        if len(bodies) == 1:
            return result_from_response(self.client.search(index=self.alias, body=bodies[0]), parsed.language)
        lines = [line for body in bodies for line in ({"index": self.alias}, body)]
        responses = self.client.msearch(body=lines)["responses"]
        for response in responses:
            if "error" in response:
                raise RuntimeError(f"Elasticsearch msearch: {response['error']}")
        result = result_from_response(responses[0], parsed.language)
        result.apart = result_from_response(responses[1], parsed.language)
        return result

    def suggest(self, parsed):
        self.ensure_index()
        response = self.client.search(index=self.alias, body=suggest_body(parsed))
        return suggestion_from_response(parsed.text, response)

    def complete(self, prefix, language, size=5):
        response = self.client.search(index=self.alias, body=complete_body(prefix, language, size))
        return [option["text"] for option in response["suggest"]["titles"][0]["options"]]


def result_from_response(response, language):
    """``BackendResult`` from a search response (a dict)."""
    labels = kind_labels()
    hits = []
    for hit in response["hits"]["hits"]:
        source = hit["_source"]
        highlight = hit.get("highlight", {})
        title = highlight.get(f"title_{language}", [escape(source["title"])])[0]
        snippet = (
            highlight.get(f"summary_{language}")
            or highlight.get(f"body_{language}")
            or highlight.get(f"names_{language}")
            or [""]
        )[0]
        hits.append(
            Hit(
                kind=source["kind"],
                kind_label=str(labels.get(source["kind"], source["kind"])),
                title=mark_safe(title),  # escaped by the highlighter's html encoder
                url=source["url"],
                snippet=mark_safe(snippet),
                language=language,
                key=source.get("key", ""),
            )
        )
    facet_counts = {
        name: {bucket["key"]: bucket["doc_count"] for bucket in aggregation["buckets"]}
        for name, aggregation in response.get("aggregations", {}).items()
    }
    return BackendResult(hits=hits, total=response["hits"]["total"]["value"], facet_counts=facet_counts)


def suggestion_from_response(text, response):
    """The query with each misspelt word replaced by the suggester's best option ("" when none)."""
    options = {}
    for entry in response.get("suggest", {}).get("spelling", []):
        if entry["options"]:
            options[fold(entry["text"])] = entry["options"][0]["text"]
    if not options:
        return ""
    text = normalise(text)
    result, shift = text, 0
    for word, start, end in words(text):
        replacement = options.get(fold(word))
        if replacement:
            result = result[: start + shift] + replacement + result[end + shift :]
            shift += len(replacement) - (end - start)
    return result
