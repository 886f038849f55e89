"""The Elasticsearch backend without a server: the mapping it creates and every request it sends.

The live behaviour is the contract suite (test_contract.py), run when ELASTICSEARCH_URL is set.
"""

import pytest

from search.backends import get_backend
from search.backends.elastic import (
    ElasticsearchBackend,
    complete_body,
    result_from_response,
    search_bodies,
    search_body,
    suggest_body,
    suggestion_from_response,
)
from search.documents import MaterialDocument, materials_index
from search.query import parse_query
from search.sources import IndexDocument
from search.synonyms import synonym_groups

# Queries are read with the synonyms staff keep (search/synonyms.py): in the database.
pytestmark = pytest.mark.django_db


@pytest.fixture
def mapping(db):
    return materials_index("awareness-materials-1").to_dict()


def test_khmer_fields_use_icu_segmentation_and_folding_that_spares_khmer(mapping):
    analysis = mapping["settings"]["analysis"]
    khmer = analysis["analyzer"]["khmer_index"]
    assert khmer["tokenizer"] == "icu_tokenizer"
    assert khmer["char_filter"] == ["zero_width", "khmer_digits", "nfc"]
    assert analysis["filter"]["fold_except_khmer"] == {
        "type": "icu_folding",
        "unicode_set_filter": "[^\\u1780-\\u17FF\\u19E0-\\u19FF]",
    }
    assert "\\u200B=>" in analysis["char_filter"]["zero_width"]["mappings"]
    assert "២=>2" in analysis["char_filter"]["khmer_digits"]["mappings"]
    properties = mapping["mappings"]["properties"]
    assert properties["title_km"]["analyzer"] == "khmer_index"
    assert properties["title_km"]["search_analyzer"] == "khmer_search"


def test_english_fields_stem_and_both_languages_search_with_the_one_synonym_file(mapping):
    analysis = mapping["settings"]["analysis"]
    assert analysis["analyzer"]["english_index"]["filter"][-1] == "english_stemmer"
    assert analysis["filter"]["english_stemmer"] == {"type": "stemmer", "language": "english"}
    synonyms = analysis["filter"]["search_synonyms"]
    assert synonyms["type"] == "synonym_graph"
    assert synonyms["synonyms"] == [", ".join(group) for group in synonym_groups()]
    assert any("យ៉ាម៉ា" in rule and "yama" in rule for rule in synonyms["synonyms"])
    for name in ("khmer_search", "english_search"):
        assert "search_synonyms" in analysis["analyzer"][name]["filter"]
    for name in ("khmer_index", "english_index"):
        assert "search_synonyms" not in analysis["analyzer"][name]["filter"]


def test_the_backend_s_index_reads_its_synonyms_from_an_updatable_synonyms_set():
    client = FakeClient()
    backend = ElasticsearchBackend(client, prefix="prod")
    created = {}
    client.indices.create = lambda index, **kwargs: (
        created.update(index=index, **kwargs) or client.log.append(("create", index))
    )
    backend.create_index("prod-materials-2")
    # The set is written first (an index naming a missing set cannot be created), then the index.
    assert [entry[0] for entry in client.log] == ["put_synonym", "create"]
    _, set_id, rules = client.log[0]
    assert set_id == "prod-synonyms" == backend.synonyms_set
    assert [rule["synonyms"] for rule in rules] == [", ".join(group) for group in synonym_groups()]
    assert len({rule["id"] for rule in rules}) == len(rules)
    analysis = created["body"]["settings"]["analysis"]
    assert analysis["filter"]["search_synonyms"] == {
        "type": "synonym_graph",
        "synonyms_set": "prod-synonyms",
        "updateable": True,  # search-time analyzers only: Elasticsearch reloads them when the set changes
        "lenient": True,
    }


@pytest.mark.django_db(transaction=True)
def test_a_synonym_group_saved_by_staff_is_sent_to_the_synonyms_set_without_a_reindex(settings, monkeypatch):
    from search import indexing
    from search.models import SynonymGroup

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # never reached: the backend's client is the fake
    client = FakeClient()
    backend = ElasticsearchBackend(client, prefix="prod")
    monkeypatch.setattr(indexing, "get_backend", lambda: backend)
    group = SynonymGroup.objects.create(names="ម្សៅស, white powder, heroin")
    sent = [entry for entry in client.log if entry[0] == "put_synonym"]
    assert sent and any(rule["synonyms"] == "ម្សៅស, white powder, heroin" for rule in sent[-1][2])
    group.delete()
    assert not any(rule["synonyms"] == "ម្សៅស, white powder, heroin" for rule in client.log[-1][2])
    assert not [entry for entry in client.log if entry[0] in ("create", "bulk")]  # nothing reindexed


def test_language_and_facets_are_keywords_and_there_is_a_completion_field(mapping):
    properties = mapping["mappings"]["properties"]
    for name in ("language", "kind", "key", "topic", "grade_band", "province", "campaign"):
        assert properties[name] == {"type": "keyword"}, name
    assert properties["suggest"]["type"] == "completion"
    assert properties["suggest"]["contexts"] == [{"name": "language", "type": "category", "path": "language"}]


def test_one_document_per_material_and_language():
    document = IndexDocument(
        kind="fact_sheet",
        object_id="7",
        language="km",
        title="យ៉ាម៉ា",
        url="/km/facts/yama/",
        body="យ៉ាម៉ា គឺជាថ្នាំគ្រាប់",
        names="យ៉ាម៉ា\nថ្នាំម៉ា",
        facets={"topic": ["methamphetamine"], "kind": ["fact_sheet"]},
    )
    es = MaterialDocument.from_index_document(document).to_dict(include_meta=True)
    assert es["_id"] == "fact_sheet:7:km"
    source = es["_source"]
    assert source["language"] == "km" and source["title_km"] == "យ៉ាម៉ា"
    assert "title_en" not in source and "body_en" not in source
    assert source["topic"] == ["methamphetamine"]
    assert source["suggest"] == {"input": ["យ៉ាម៉ា", "យ៉ាម៉ា", "ថ្នាំម៉ា"]}


def test_search_request_filters_on_language_and_facets_and_highlights():
    body = search_body(parse_query("yama pills", "en"), filters={"kind": "fact_sheet"}, offset=10, limit=10)
    assert body["query"]["function_score"]["query"]["bool"]["filter"] == [
        {"term": {"language": "en"}},
        {"term": {"kind": "fact_sheet"}},
    ]
    should = body["query"]["function_score"]["query"]["bool"]["must"][0]["bool"]["should"]
    exact, title_phrase, fuzzy = should
    assert exact["multi_match"] == {
        "query": "yama pills",
        "fields": ["title_en^10", "names_en^5", "summary_en^3", "body_en^1"],
        "type": "best_fields",
        "operator": "and",
    }
    assert title_phrase == {"match_phrase": {"title_en": {"query": "yama pills", "boost": 5}}}
    assert fuzzy["multi_match"]["fuzziness"] == "AUTO:4,99"
    assert fuzzy["multi_match"]["analyzer"] == "english_index"  # typos are not expanded with synonyms
    assert body["from"] == 10 and body["size"] == 10 and body["track_total_hits"] is True
    assert set(body["aggs"]) == {"kind", "topic", "grade_band", "province", "campaign"}
    assert body["highlight"]["encoder"] == "html"
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert set(body["highlight"]["fields"]) == {"title_en", "body_en", "names_en", "summary_en"}


def test_khmer_search_has_no_typo_clause_and_relaxed_search_uses_or():
    body = search_body(parse_query("យ៉ាម៉ា ខេត្ត", "km"), require_all=False)
    should = body["query"]["function_score"]["query"]["bool"]["must"][0]["bool"]["should"]
    assert not any("fuzziness" in clause.get("multi_match", {}) for clause in should)
    assert should[0]["multi_match"]["fields"] == ["title_km^10", "names_km^5", "summary_km^3", "body_km^1"]
    assert should[0]["multi_match"]["operator"] == "or"
    assert body["query"]["function_score"]["query"]["bool"]["filter"] == [{"term": {"language": "km"}}]


def test_quoted_phrases_must_match_as_phrases_and_odd_input_stays_text():
    body = search_body(parse_query('"map of safe places" village', "en"))
    must = body["query"]["function_score"]["query"]["bool"]["must"][0]["bool"]["must"]
    assert must[1] == {
        "multi_match": {
            "query": "map of safe places",
            "type": "phrase",
            "fields": ["title_en^10", "names_en^5", "summary_en^3", "body_en^1"],
        }
    }
    odd = search_body(parse_query('AND OR "unbalanced ( ) * : {', "en"))
    assert (
        odd["query"]["function_score"]["query"]["bool"]["must"][0]["bool"]["should"][0]["multi_match"]["query"]
        == 'AND OR "unbalanced ( ) * : {'
    )


def test_suggest_and_complete_requests():
    assert suggest_body(parse_query("canabis", "en"))["suggest"] == {
        "text": "canabis",
        "spelling": {"term": {"field": "spell_en", "suggest_mode": "missing", "min_word_length": 3, "max_edits": 2}},
    }
    completion = complete_body("យ៉ា", "km")["suggest"]["titles"]
    assert completion["prefix"] == "យ៉ា"
    assert completion["completion"]["field"] == "suggest"
    assert completion["completion"]["contexts"] == {"language": ["km"]}


def test_reading_a_response(db):
    response = {
        "hits": {
            "total": {"value": 1},
            "hits": [
                {
                    "_source": {
                        "kind": "fact_sheet",
                        "title": "Yama & <ice>",
                        "url": "/en/facts/yama/",
                        "language": "en",
                    },
                    "highlight": {"body_en": ["<mark>Yama</mark> are small pills &amp; more"]},
                }
            ],
        },
        "aggregations": {"kind": {"buckets": [{"key": "fact_sheet", "doc_count": 1}]}},
    }
    result = result_from_response(response, "en")
    assert result.total == 1
    assert str(result.hits[0].title) == "Yama &amp; &lt;ice&gt;"  # escaped when not highlighted
    assert str(result.hits[0].snippet) == "<mark>Yama</mark> are small pills &amp; more"
    assert result.facet_counts == {"kind": {"fact_sheet": 1}}
    suggestion = suggestion_from_response(
        "canabis pills", {"suggest": {"spelling": [{"text": "canabis", "options": [{"text": "cannabis"}]}]}}
    )
    assert suggestion == "cannabis pills"


class FakeIndices:
    def __init__(self, log):
        self.log = log

    def exists_alias(self, name):
        return True

    def get_alias(self, name):
        return {"awareness-materials-old": {}}

    def create(self, index, **kwargs):
        self.log.append(("create", index))

    def exists(self, index, **kwargs):
        return False

    def refresh(self, index):
        self.log.append(("refresh", index))

    def put_alias(self, index, name):
        self.log.append(("put_alias", index, name))

    def update_aliases(self, actions):
        self.log.append(("update_aliases", actions))

    def delete(self, index):
        self.log.append(("delete", index))


class FakeSynonyms:
    def __init__(self, log):
        self.log = log

    def put_synonym(self, id, synonyms_set):
        self.log.append(("put_synonym", id, synonyms_set))


class FakeClient:
    def __init__(self):
        self.log = []
        self.indices = FakeIndices(self.log)
        self.synonyms = FakeSynonyms(self.log)


def test_rebuild_fills_a_new_index_then_swaps_the_alias_at_once(monkeypatch):
    client = FakeClient()
    backend = ElasticsearchBackend(client, prefix="staging")
    monkeypatch.setattr(backend, "new_index_name", lambda: "staging-materials-2")
    monkeypatch.setattr(backend, "create_index", lambda name: client.log.append(("create", name)) or name)

    def bulk(index_name, documents, refresh, op_type="index"):
        sources = [MaterialDocument.from_index_document(d).to_dict(include_meta=True) for d in documents]
        client.log.append(("bulk", index_name, [s["_id"] for s in sources], op_type))
        return len(sources)

    monkeypatch.setattr(backend, "_bulk", bulk)
    client.indices.get_alias = lambda name: {"staging-materials-1": {}}
    documents = [
        IndexDocument(kind="campaign", object_id=str(i), language="en", title=f"Campaign {i}", url="/en/c/")
        for i in range(3)
    ]
    assert backend.rebuild(documents) == 3
    assert backend.alias == "staging-materials"
    names = [entry[0] for entry in client.log]
    assert names == ["create", "put_alias", "bulk", "refresh", "update_aliases", "delete"]
    # Saves made while it fills reach the new index too (through the "-next" alias) ...
    assert client.log[1] == ("put_alias", "staging-materials-2", "staging-materials-next")
    # ... and the rebuild only creates: it never overwrites what such a save wrote.
    assert client.log[2] == (
        "bulk",
        "staging-materials-2",
        ["campaign:0:en", "campaign:1:en", "campaign:2:en"],
        "create",
    )
    assert client.log[4][1] == [
        {"remove": {"index": "staging-materials-1", "alias": "staging-materials"}},
        {"add": {"index": "staging-materials-2", "alias": "staging-materials"}},
        {"remove": {"index": "staging-materials-2", "alias": "staging-materials-next"}},
    ]
    assert client.log[5] == ("delete", "staging-materials-1")


def test_index_prefix_comes_from_settings(settings):
    settings.ELASTICSEARCH_URL = "http://search.internal:9200"
    settings.SEARCH_INDEX_PREFIX = "nacd-prod"

    backend = get_backend()
    assert isinstance(backend, ElasticsearchBackend)
    assert backend.alias == "nacd-prod-materials"
    assert backend.new_index_name().startswith("nacd-prod-materials-")


def test_khmer_fields_have_a_syllable_sub_field_next_to_the_icu_words(mapping):
    analysis = mapping["settings"]["analysis"]
    tokenizer = analysis["tokenizer"]["khmer_syllable"]
    assert tokenizer["type"] == "pattern" and tokenizer["group"] == 0
    assert tokenizer["pattern"].startswith("[\u1780-\u17b3]")
    assert analysis["analyzer"]["khmer_syllables"]["tokenizer"] == "khmer_syllable"
    assert "\u17bc=>\u17bb" in analysis["char_filter"]["khmer_syllable_folding"]["mappings"]  # ូ as ុ
    properties = mapping["mappings"]["properties"]
    for name in ("title_km", "names_km", "summary_km", "body_km"):
        assert properties[name]["fields"]["syllables"]["analyzer"] == "khmer_syllables"
        assert properties[name]["analyzer"] == "khmer_index"
    assert "fields" not in properties["body_en"]
    assert properties["title_exact"]["type"] == "keyword"
    # The pattern is the one the embedded backend cuts syllables with.
    import re

    from search.text import syllables

    assert re.findall(tokenizer["pattern"], "ដោយស្ម័គ្រចិត្ត") == syllables("ដោយស្ម័គ្រចិត្ត")


def test_a_khmer_word_is_also_asked_for_as_a_phrase_of_syllables():
    body = search_body(parse_query("ស្ម័គ្រចិត្ត", "km"))
    should = body["query"]["function_score"]["query"]["bool"]["must"][0]["bool"]["should"]
    subword = [c for c in should if "syllables" in str(c)]
    assert subword == [
        {
            "multi_match": {
                "query": "ស្ម័ គ្រ ចិ ត្ត",
                "type": "phrase",
                "fields": ["title_km.syllables", "names_km.syllables", "summary_km.syllables", "body_km.syllables"],
                "boost": 0.4,
            }
        }
    ]


def test_ranking_multiplies_kind_weights_and_the_phrase_and_exact_title_bonuses(settings):
    settings.SEARCH_KIND_WEIGHTS = {"event": 0.25}
    body = search_body(parse_query("Drug-free schools", "en"), exclude_kinds=["event"])
    score = body["query"]["function_score"]
    assert score["score_mode"] == "multiply" and score["boost_mode"] == "multiply"
    functions = score["functions"]
    assert {"filter": {"term": {"kind": "event"}}, "weight": 0.25} in functions
    assert {"filter": {"term": {"kind": "campaign"}}, "weight": 1.5} in functions
    phrase = next(f for f in functions if "multi_match" in f["filter"])
    assert phrase["filter"]["multi_match"]["type"] == "phrase" and phrase["weight"] == 2.0
    assert {"filter": {"term": {"title_exact": "drug free school"}}, "weight": 5.0} in functions
    assert score["query"]["bool"]["must_not"] == [{"terms": {"kind": ["event"]}}]
    # A document carries its title in that same form.
    document = IndexDocument(kind="campaign", object_id="1", language="en", title="Drug-free schools", url="/")
    assert MaterialDocument.from_index_document(document).to_dict()["title_exact"] == "drug free school"


def test_events_come_from_a_second_body_of_the_same_request_ranked_alike_without_facets():
    parsed = parse_query("school", "en")
    materials, events = search_bodies(parsed, {"topic": "family"}, 10, 10, exclude_kinds=["event"], apart_limit=100)
    assert materials == search_body(parsed, {"topic": "family"}, 10, 10, exclude_kinds=["event"])
    assert events["from"] == 0 and events["size"] == 100 and "aggs" not in events
    assert events["query"]["bool"]["filter"] == [{"terms": {"kind": ["event"]}}]
    ranked_events = events["query"]["bool"]["must"][0]["function_score"]
    assert ranked_events["functions"] == materials["query"]["function_score"]["functions"]
    assert {"term": {"topic": "family"}} in ranked_events["query"]["bool"]["filter"]
    assert list(events["highlight"]["fields"]) == ["title_en"]
    # Without a block apart (a reader who chose a kind), one body.
    assert search_bodies(parsed, {"kind": "event"}) == [search_body(parsed, {"kind": "event"})]


def test_a_search_with_events_apart_is_one_msearch_request():
    sent = []

    class Client:
        def msearch(self, body):
            sent.append(body)
            response = {"hits": {"hits": [], "total": {"value": 0}}, "aggregations": {}}
            return {"responses": [response, response]}

    backend = ElasticsearchBackend(Client(), prefix="t")
    backend.ensure_index = lambda: None
    result = backend.search(parse_query("school", "en"), exclude_kinds=["event"], apart_limit=100)
    assert len(sent) == 1 and [line for line in sent[0][::2]] == [{"index": "t-materials"}] * 2
    assert result.total == 0 and result.apart is not None and result.apart.total == 0


class RecordingClient(FakeClient):
    """Aliases as during normal running (or a rebuild); the bulk requests recorded by ``recorded_bulk``."""

    def __init__(self, rebuilding=False):
        super().__init__()
        self.rebuilding = rebuilding
        self.indices.exists_alias = lambda name: name.endswith("-materials") or self.rebuilding


@pytest.fixture(autouse=True)
def recorded_bulk(monkeypatch):
    from search.backends import elastic

    def bulk(client, actions, **options):
        actions = list(actions)
        client.log.append(("bulk", actions, options))
        return len(actions), []

    monkeypatch.setattr(elastic, "bulk", bulk)


def sent(client):
    return [entry for entry in client.log if entry[0] == "bulk"]


def one_document():
    return [IndexDocument(kind="fact_sheet", object_id="7", language="km", title="យ៉ាម៉ា", url="/km/facts/yama/")]


def test_saves_do_not_wait_for_a_refresh_unless_told(settings):
    client = RecordingClient()
    ElasticsearchBackend(client, prefix="prod").index(one_document())
    ((_bulk, actions, options),) = sent(client)
    assert options["refresh"] is False
    assert (actions[0]["_op_type"], actions[0]["_index"], actions[0]["_id"]) == (
        "index",
        "prod-materials",
        "fact_sheet:7:km",
    )
    waiting = RecordingClient()
    ElasticsearchBackend(waiting, prefix="prod", refresh_on_save="wait_for").index(one_document())
    assert sent(waiting)[0][2]["refresh"] == "wait_for"


def test_saves_and_deletes_during_a_rebuild_reach_the_new_index_too():
    client = RecordingClient(rebuilding=True)
    backend = ElasticsearchBackend(client, prefix="prod")
    backend.index(one_document())
    targets = [entry[1][0]["_index"] for entry in sent(client)]
    assert targets == ["prod-materials", "prod-materials-next"]
    client.log.clear()
    backend.delete(["fact_sheet:7"])
    ((_bulk, actions, _options),) = sent(client)
    assert actions == [
        {"_op_type": "delete", "_index": "prod-materials", "_id": "fact_sheet:7:km"},
        {"_op_type": "delete", "_index": "prod-materials", "_id": "fact_sheet:7:en"},
        {"_op_type": "delete", "_index": "prod-materials-next", "_id": "fact_sheet:7:km"},
        {"_op_type": "delete", "_index": "prod-materials-next", "_id": "fact_sheet:7:en"},
    ]


def test_deletes_are_by_document_id_never_by_query():
    client = RecordingClient()
    client.delete_by_query = lambda **kwargs: pytest.fail("delete_by_query walks the whole index")
    ElasticsearchBackend(client, prefix="prod").delete(["campaign:3"], languages=["en"])
    ((_bulk, actions, _options),) = sent(client)
    assert actions == [{"_op_type": "delete", "_index": "prod-materials", "_id": "campaign:3:en"}]


def test_replicas_and_shards_come_from_settings(settings):
    settings.ELASTICSEARCH_REPLICAS = 2
    settings.ELASTICSEARCH_SHARDS = 3
    index_settings = materials_index("prod-materials-1").to_dict()["settings"]
    assert (index_settings["number_of_replicas"], index_settings["number_of_shards"]) == (2, 3)


def test_one_client_per_process(settings):
    from search.backends import elastic

    settings.ELASTICSEARCH_URL = "http://search-1.internal:9200"
    first, second = ElasticsearchBackend.from_settings(), ElasticsearchBackend.from_settings()
    assert first.client is second.client is elastic.shared_client("http://search-1.internal:9200")
