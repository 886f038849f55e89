"""What the Elasticsearch index holds: one document per material and language.

Each document fills only its own language's text fields (``title_km``,
``body_km``... or ``title_en``...), which are analysed for that language:

- Khmer: ``icu_tokenizer`` (ICU's dictionary word breaks, as the embedded
  backend uses), ``icu_folding`` limited to non-Khmer letters (folding would
  strip Khmer vowel signs), zero-width spaces removed, Khmer digits read as
  Latin digits;
- English: the same tokenizer and folding, then the English stemmer;
- at search time both add the synonyms of ``search/synonyms.txt`` (synonym_graph).

``language`` is a keyword every query filters on; the facets are keywords; the
``suggest`` completion field (with a language context) serves search-as-you-type.
Needs the ``analysis-icu`` plugin on the server (docs/search.md).
"""

from elasticsearch.dsl import Completion, Document, Index, Keyword, Text, analyzer, char_filter, token_filter, tokenizer

from django.conf import settings

from search.synonyms import solr_rules
from search.text import KHMER_BASE, KHMER_SIGN, analyse

KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"
KHMER_BLOCKS = "[^\\u1780-\\u17FF\\u19E0-\\u19FF]"  # fold everything except Khmer letters and signs

zero_width = char_filter("zero_width", "mapping", mappings=["\\u200B=>", "\\uFEFF=>", "\\u00AD=>"])
khmer_digits = char_filter("khmer_digits", "mapping", mappings=[f"{k}=>{n}" for n, k in enumerate(KHMER_DIGITS)])
nfc = char_filter("nfc", "icu_normalizer", name="nfc")
folding = token_filter("fold_except_khmer", "icu_folding", unicode_set_filter=KHMER_BLOCKS)
english_stemmer = token_filter("english_stemmer", "stemmer", language="english")
english_possessive = token_filter("english_possessive", "stemmer", language="possessive_english")


def synonyms_filter(synonyms_set=None):
    """The synonyms at search time: from the Elasticsearch synonyms set ``synonyms_set`` (updatable:
    a change to the set applies to searches at once, with no reindex), or written into the index."""
    if synonyms_set:
        return token_filter(
            "search_synonyms", "synonym_graph", synonyms_set=synonyms_set, updateable=True, lenient=True
        )
    return token_filter("search_synonyms", "synonym_graph", synonyms=solr_rules(), lenient=True)


CHAR_FILTERS = [zero_width, khmer_digits, nfc]

khmer_index = analyzer("khmer_index", tokenizer="icu_tokenizer", char_filter=CHAR_FILTERS, filter=[folding])


def khmer_search(synonyms_set=None):
    """Built when an index is created, with the synonyms staff keep (search/synonyms.py)."""
    return analyzer(
        "khmer_search",
        tokenizer="icu_tokenizer",
        char_filter=CHAR_FILTERS,
        filter=[folding, synonyms_filter(synonyms_set)],
    )


english_index = analyzer(
    "english_index",
    tokenizer="icu_tokenizer",
    char_filter=CHAR_FILTERS,
    filter=[english_possessive, folding, english_stemmer],
)


def english_search(synonyms_set=None):
    return analyzer(
        "english_search",
        tokenizer="icu_tokenizer",
        char_filter=CHAR_FILTERS,
        filter=[english_possessive, folding, synonyms_filter(synonyms_set), english_stemmer],
    )


words_only = analyzer("words_only", tokenizer="icu_tokenizer", char_filter=CHAR_FILTERS, filter=[folding])

# Khmer orthographic syllables (search/text.py ``SYLLABLE``): a pattern tokenizer that emits each
# syllable (group 0 of the pattern), after the same folding of look-alike vowels and subscripts.
syllable_tokenizer = tokenizer(
    "khmer_syllable",
    "pattern",
    pattern=f"[{KHMER_BASE}](?:\u17d2[{KHMER_BASE}]|\u17d2|[{KHMER_SIGN}])*",
    group=0,
)
syllable_folding = char_filter(
    "khmer_syllable_folding", "mapping", mappings=["\u17bc=>\u17bb", "\u17b8=>\u17b7", "\u17d2\u178a=>\u17d2\u178f"]
)
khmer_syllables = analyzer(
    "khmer_syllables", tokenizer=syllable_tokenizer, char_filter=[zero_width, nfc, syllable_folding]
)

# Search analyzers by name: their definitions (with the synonyms) are added by materials_index().
ANALYZERS = {"km": (khmer_index, "khmer_search"), "en": (english_index, "english_search")}


def _fields(language):
    """Sub-fields: Khmer text is also indexed as syllables, next to ICU's words."""
    return {"syllables": Text(analyzer=khmer_syllables)} if language == "km" else {}


def _text(language, spell=True, **kwargs):
    index_analyzer, search_analyzer = ANALYZERS[language]
    if spell:
        kwargs["copy_to"] = f"spell_{language}"
    return Text(analyzer=index_analyzer, search_analyzer=search_analyzer, fields=_fields(language), **kwargs)


def exact_title(text, language):
    """A title (or a query) as the ``title_exact`` keyword holds it: its terms as indexed, spaced."""
    return " ".join(analyse(text, language))[:500]


class MaterialDocument(Document):
    key = Keyword()  # "<kind>:<object id>"
    kind = Keyword()
    language = Keyword()
    url = Keyword(index=False)
    title = Keyword(index=False)  # as written, for the results page
    title_exact = Keyword()  # search/ranking.py: the bonus of a title that is the query
    title_km = _text("km")
    names_km = _text("km")
    summary_km = _text("km", spell=False)
    body_km = _text("km", spell=False)
    title_en = _text("en")
    names_en = _text("en")
    summary_en = _text("en", spell=False)
    body_en = _text("en", spell=False)
    spell_km = Text(analyzer=words_only)  # words as written: what "did you mean" draws on
    spell_en = Text(analyzer=words_only)
    topic = Keyword()
    grade_band = Keyword()
    province = Keyword()
    campaign = Keyword()
    suggest = Completion(analyzer=words_only, contexts=[{"name": "language", "type": "category", "path": "language"}])

    @classmethod
    def from_index_document(cls, document):
        """The Elasticsearch document of an ``IndexDocument``."""
        language = document.language
        fields = {
            "key": document.key,
            "kind": document.kind,
            "language": language,
            "url": document.url,
            "title": document.title,
            f"title_{language}": document.title,
            f"names_{language}": document.names,
            f"summary_{language}": document.summary,
            "title_exact": exact_title(document.title, language),
            f"body_{language}": document.body,
            "suggest": {"input": [document.title, *[n for n in document.names.splitlines() if n.strip()]]},
        }
        for facet in ("topic", "grade_band", "province", "campaign"):
            fields[facet] = list(document.facets.get(facet, []))
        return cls(meta={"id": document.doc_id}, **fields)


def materials_index(name, synonyms_set=None):
    """The index ``name`` with the settings, analyzers and mapping of ``MaterialDocument``; its search
    analyzers read the synonyms from the synonyms set ``synonyms_set`` when given (the backend's)."""
    index = Index(name)
    index.settings(
        number_of_shards=int(getattr(settings, "ELASTICSEARCH_SHARDS", 1)),
        number_of_replicas=int(getattr(settings, "ELASTICSEARCH_REPLICAS", 0)),  # 1 or more on a cluster
        max_result_window=10_000,
    )
    index.document(MaterialDocument)
    index.analyzer(khmer_search(synonyms_set))
    index.analyzer(english_search(synonyms_set))
    return index
