"""The embedded backend: SQLite FTS5, or PostgreSQL full-text search, in the site's own database.

Text is analysed in Python (``search.text``: ICU word segmentation for Khmer,
Snowball stemming for English) and the database stores and matches the
resulting terms only: an FTS5 table with ``tokenize="unicode61 categories 'L* N*
Co M*'"`` on SQLite (Khmer signs are letters' parts, not separators) and a
tsvector built from the terms as they are (never re-parsed) on PostgreSQL.
Typo tolerance draws on ``IndexTerm``, the Latin words seen in the index.
"""

import heapq
import string
import uuid

from django.db import connection, transaction
from django.db.models.functions import Length

from search import ranking
from search.backends.base import BackendResult, Hit
from search.highlight import highlight, snippet
from search.models import IndexEntry, IndexState, IndexTerm
from search.sources import FACETS, kind_labels
from search.text import Subword, analyse, fold, latin_words, normalise, syllable_terms, term, words

WEIGHTS = {"title": "A", "names": "B", "summary": "C", "body": "D"}
TEXT_FIELDS = tuple(WEIGHTS)
# bm25 weights of the FTS5 columns (title, names, summary, body, sub, tags, facets): a match in the title
# counts most; a sub-word match (a Khmer word inside a longer ICU token) least, below any whole-word match.
FTS5_WEIGHTS = (10.0, 5.0, 3.0, 1.0, 0.4, 0.0, 0.0)
# ts_rank_cd weights {D, C, B, A} (body, summary, names, title) and its normalisation: 1 divides the
# rank by 1 + log(document length), 4 by the mean harmonic distance between extents (a phrase counts more).
PG_RANK_WEIGHTS = "{0.1, 0.3, 0.5, 1.0}"
PG_RANK_NORMALISATION = 1
SUBWORD_PREFIX = "~"  # sub-word (Khmer syllable) lexemes on PostgreSQL: never a word's own form
SUBWORD_GAP = "zzgap"  # between fields in the FTS5 sub column: a syllable phrase never spans two fields
CANDIDATES = 100  # matches, best by the first ranking, that the bonuses (phrase, exact title) are computed for
FIELD_GAP = 8  # positions between fields, so a phrase never spans two of them
MAX_POSITION = 16383  # PostgreSQL's limit
MAX_TYPO_ALTERNATIVES = 5

# Facet values of every entry, read once per process and again after the index changes
# (IndexState.generation), with a bit mask per facet value: counting facets over thousands of matches is
# then one mask of the matches and a shared-bits count per value (count_facets).
_facet_map = {"generation": None, "vendor": None, "entries": {}, "kinds": {}, "positions": {}, "masks": {}}


def bit_mask(positions, size):
    """An int of ``size`` bits with the bits at ``positions`` set (set in a bytearray, then made one int)."""
    flags = bytearray((size + 7) // 8)
    for position in positions:
        flags[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(flags, "little")


def tag(facet, value):
    """The full-text term standing for ``facet=value`` (hex: letters and digits only, no collisions)."""
    return "t" + f"{facet}={value}".encode().hex()


def subword_fields(fields_text):
    """Syllable keys of each text field (``{field: text}``), in order."""
    return [syllable_terms(fields_text.get(name, "")) for name in TEXT_FIELDS]


def _fts_phrase(terms):
    return '"' + " ".join(t.replace('"', '""') for t in terms) + '"'


def _pg_lexeme(term_):
    return "'" + term_.replace("\\", "\\\\").replace("'", "''") + "'"


RANK_LEAD = 40  # body terms that rank with the title, names and summary (the lead)
RANK_SUMMARY = 80  # summary terms in the narrow vector


def rank_vector_literal(fields):
    """The narrow vector PostgreSQL ranks with: title, names, summary and the body's lead, weighted as in full."""
    return tsvector_literal(
        {
            "title": fields.get("title", []),
            "names": fields.get("names", []),
            "summary": fields.get("summary", [])[:RANK_SUMMARY],
            "body": fields.get("body", [])[:RANK_LEAD],
        },
        pairs=False,
    )


def pair(first, second):
    """The lexeme standing for two terms side by side (terms never hold a space)."""
    return f"{first} {second}"


def tsvector_literal(fields, pairs=True):
    """A tsvector in its text form from ``{field: [terms]}``: lexemes taken as they are, weighted by field.

    With ``pairs``, each two neighbouring terms of a field are a lexeme too (without position), so a
    phrase is matched by the GIN index alone: a phrase (``<->``) needs positions, which the index
    does not hold, and every candidate row's full vector would be unpacked to check them.
    """
    positions = {}
    neighbours = set()
    position = 1
    for name in TEXT_FIELDS:
        previous = None
        for t in fields.get(name, []):
            if position > MAX_POSITION:
                break
            lexeme = positions.setdefault(t, [])
            if len(lexeme) < 256:
                lexeme.append(f"{position}{WEIGHTS[name]}")
            if pairs and previous is not None:
                neighbours.add(pair(previous, t))
            previous = t
            position += 1
        position += FIELD_GAP
    lexemes = [f"{_pg_lexeme(t)}:{','.join(p)}" for t, p in positions.items()]
    lexemes.extend(_pg_lexeme(p) for p in sorted(neighbours))
    if pairs:
        # Khmer syllables, for words inside longer ICU tokens: their neighbouring pairs only (a query
        # word of two syllables or more is asked for as its pairs), apart from the words by a prefix.
        syllable_pairs = set()
        for keys in fields.get("sub", []):
            syllable_pairs.update(SUBWORD_PREFIX + pair(a, b) for a, b in zip(keys, keys[1:], strict=False))
        lexemes.extend(_pg_lexeme(p) for p in sorted(syllable_pairs))
    lexemes.extend(_pg_lexeme(t) for t in fields.get("tags", []) if t not in positions)
    return " ".join(lexemes)


def fts5_match(groups, require_all, tags=(), whole=()):
    """An FTS5 MATCH expression from query groups (every term quoted: no operator reaches FTS5),
    limited to the text columns, and to documents carrying every tag (language, filters).
    ``whole``: the groups of the query's other reading (Khmer runs whole), either reading matching."""
    text = _fts5_text(groups, require_all)
    if text and whole and require_all:
        text = f"({text} OR {_fts5_text(whole, True)})"
    if not text:
        return ""
    return " AND ".join([text, *(f"tags : {t}" for t in tags)])


def _fts5_text(groups, require_all):
    parts = []
    for alternatives in groups:
        phrases = [_fts_phrase(a) for a in alternatives if a and not isinstance(a, Subword)]
        subwords = [_fts_phrase(a) for a in alternatives if a and isinstance(a, Subword)]
        clauses = []
        if phrases:
            clauses.append("{title names summary body} : (" + " OR ".join(phrases) + ")")
        if subwords:
            clauses.append("sub : (" + " OR ".join(subwords) + ")")
        if clauses:
            parts.append("(" + " OR ".join(clauses) + ")")
    if not parts:
        return ""
    return "(" + (" AND " if require_all else " OR ").join(parts) + ")"


def fts5_lead(groups, whole=(), tags=()):
    """FTS5: any word (or phrase) of the query in the title, names or summary, in documents carrying every tag
    (language, filters): the matches ranked in full."""
    phrases = [
        _fts_phrase(a) for alternatives in [*groups, *whole] for a in alternatives if a and not isinstance(a, Subword)
    ]
    if not phrases:
        return ""
    return " AND ".join(
        ["{title names summary} : (" + " OR ".join(dict.fromkeys(phrases)) + ")", *(f"tags : {t}" for t in tags)]
    )


def tsquery_literal(groups, require_all, tags=(), pairs=False, whole=()):
    """A tsquery in its text form from query groups (lexemes quoted, phrases with <->), and every tag.

    With ``pairs`` a phrase is asked for as its neighbouring pairs (``'a b' & 'b c'``, see
    :func:`tsvector_literal`): what the GIN index answers alone. Ranking keeps ``<->``.
    ``whole``: the groups of the query's other reading (Khmer runs whole), either reading matching."""
    text = _tsquery_text(groups, require_all, pairs)
    if text and whole and require_all:
        text = f"({text} | {_tsquery_text(whole, True, pairs)})"
    if not text:
        return ""
    return " & ".join([text, *(_pg_lexeme(t) for t in tags)])


def _tsquery_text(groups, require_all, pairs):
    parts = []
    for alternatives in groups:
        if pairs:
            phrases = [
                " & ".join(
                    _pg_lexeme((SUBWORD_PREFIX if isinstance(terms, Subword) else "") + pair(a, b))
                    for a, b in zip(terms, terms[1:], strict=False)
                )
                if len(terms) > 1
                else _pg_lexeme(terms[0])
                for terms in alternatives
                if terms and (len(terms) > 1 or not isinstance(terms, Subword))
            ]
        else:
            # Ranking: the words alone (sub-word matches rank on the floor, below every word match).
            phrases = [" <-> ".join(_pg_lexeme(t) for t in a) for a in alternatives if a and not isinstance(a, Subword)]
        if phrases:
            parts.append("(" + " | ".join(f"({p})" for p in phrases) + ")")
    if not parts:
        return ""
    return "(" + (" & " if require_all else " | ").join(parts) + ")"


def fulltext_fields(entry):
    """``{field: terms}`` of an entry (``IndexEntry``, or its historical model in a migration):
    its words per text field, its Khmer syllables per field (``sub``) and its tags."""
    fields = {name: analyse(getattr(entry, name, "") or "", entry.language) for name in TEXT_FIELDS}
    fields["sub"] = subword_fields({name: getattr(entry, name, "") or "" for name in TEXT_FIELDS})
    facets = [tuple(line.split("=", 1)) for line in (entry.facets or "").splitlines() if "=" in line]
    fields["tags"] = [tag("language", entry.language), *(tag(n, v) for n, v in facets)]
    return fields


def write_fulltext(cursor, vendor, entry):
    """Write the full-text row (FTS5) or vectors (PostgreSQL) of one saved entry."""
    fields = fulltext_fields(entry)
    if vendor == "postgresql":
        cursor.execute(
            "UPDATE search_indexentry SET search_vector = %s::tsvector, rank_vector = %s::tsvector WHERE id = %s",
            [tsvector_literal(fields), rank_vector_literal(fields), entry.pk],
        )
        return
    sub = f" {SUBWORD_GAP} ".join(" ".join(keys) for keys in fields["sub"] if keys)
    cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [entry.pk])
    cursor.execute(
        "INSERT INTO search_fts (rowid, title, names, summary, body, sub, tags, facets) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
        [entry.pk, *(" ".join(fields[name]) for name in TEXT_FIELDS), sub, " ".join(fields["tags"]), entry.facets],
    )


def edits1(word):
    """Every string one edit (delete, swap, replace, insert of a-z) away from ``word``."""
    letters = string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in letters]
    inserts = [a + c + b for a, b in splits for c in letters]
    return set(deletes + swaps + replaces + inserts) - {word}


def edit_distance(a, b):
    """Optimal string alignment distance (a swap of two neighbours is one edit)."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


class EmbeddedBackend:
    name = "embedded"

    @property
    def vendor(self):
        return connection.vendor

    # Writing -------------------------------------------------------------------

    @transaction.atomic
    def index(self, documents):
        """Add or replace these documents (``IndexDocument``) in the index."""

        documents = list(documents)
        if not documents:
            return
        keys = {d.key for d in documents}
        existing = {(e.key, e.language): e for e in IndexEntry.objects.filter(key__in=keys)}
        vocabulary = {}
        with connection.cursor() as cursor:
            for document in documents:
                entry = existing.get((document.key, document.language)) or IndexEntry(
                    key=document.key, language=document.language
                )
                facets = [
                    (name, str(value)[:100])
                    for name, values in sorted(document.facets.items())
                    if name in FACETS
                    for value in dict.fromkeys(values)
                ]
                entry.kind = document.kind
                entry.title = document.title
                entry.names = document.names
                entry.summary = document.summary
                entry.body = document.body
                entry.url = document.url
                entry.facets = "\n".join(f"{name}={value}" for name, value in facets)
                entry.save()
                write_fulltext(cursor, self.vendor, entry)
                for word in latin_words(f"{document.title}\n{document.names}\n{document.summary}\n{document.body}"):
                    vocabulary[(document.language, word)] = term(word, document.language)
        IndexTerm.objects.bulk_create(
            [IndexTerm(language=lang, word=word[:60], stem=stem[:60]) for (lang, word), stem in vocabulary.items()],
            batch_size=1000,
            ignore_conflicts=True,
        )
        self._changed()

    def _changed(self):

        token = uuid.uuid4().hex
        if not IndexState.objects.filter(pk=1).update(generation=token):
            IndexState.objects.create(pk=1, generation=token)

    def facet_map(self):
        """``{entry id: ((facet, value), ...)}`` for the whole index, cached per generation."""

        generation = IndexState.objects.filter(pk=1).values_list("generation", flat=True).first() or ""
        if _facet_map["generation"] != generation or _facet_map["vendor"] != self.vendor:
            entries = {}
            for entry_id, facets in IndexEntry.objects.values_list("pk", "facets").iterator(chunk_size=5000):
                entries[entry_id] = tuple(tuple(line.split("=", 1)) for line in facets.splitlines() if "=" in line)
            kinds = {
                entry_id: next((value for name, value in pairs if name == "kind"), "")
                for entry_id, pairs in entries.items()
            }
            positions = {entry_id: position for position, entry_id in enumerate(entries)}
            carriers = {}  # (facet, value) -> positions of the entries that carry it
            for position, pairs in enumerate(entries.values()):
                for pair in pairs:
                    carriers.setdefault(pair, []).append(position)
            masks = {pair: bit_mask(found, len(positions)) for pair, found in carriers.items()}
            _facet_map.update(
                generation=generation,
                vendor=self.vendor,
                entries=entries,
                kinds=kinds,
                positions=positions,
                masks=masks,
            )
        return _facet_map["entries"]

    def count_facets(self, ids):
        """``{facet: {value: matches}}`` over ``ids``, from the facet map (read it first: :meth:`facet_map`).

        Each facet value is a bit mask of the entries that carry it, and ``ids`` one more: a count is the
        bits two masks share, so thousands of matches cost one pass to set their bits, not one per value."""
        positions = _facet_map["positions"]
        matched = bit_mask((positions[i] for i in ids if i in positions), len(positions))
        counts = {}
        for (name, value), mask in _facet_map["masks"].items():
            found = (matched & mask).bit_count()
            if found:
                counts.setdefault(name, {})[value] = found
        return counts

    def kind_map(self):
        """``{entry id: kind}``, from the facet map (read it first: :meth:`facet_map`)."""
        return _facet_map["kinds"]

    @transaction.atomic
    def delete(self, keys, languages=None):
        """Remove materials (``"kind:id"`` keys) from the index, in every language or only ``languages``."""

        entries = IndexEntry.objects.filter(key__in=list(keys))
        if languages is not None:
            entries = entries.filter(language__in=list(languages))
        ids = list(entries.values_list("pk", flat=True))
        if not ids:
            return
        if self.vendor != "postgresql":
            with connection.cursor() as cursor:
                for start in range(0, len(ids), 500):
                    chunk = ids[start : start + 500]
                    cursor.execute(
                        f"DELETE FROM search_fts WHERE rowid IN ({', '.join(['%s'] * len(chunk))})",
                        chunk,
                    )
        IndexEntry.objects.filter(pk__in=ids).delete()
        self._changed()

    @transaction.atomic
    def clear(self):

        if self.vendor != "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM search_fts")
        IndexEntry.objects.all().delete()
        IndexTerm.objects.all().delete()
        self._changed()

    def rebuild(self, documents):
        """Empty the index and fill it again from ``documents`` (an iterable of IndexDocument)."""
        self.clear()
        batch = []
        count = 0
        for document in documents:
            batch.append(document)
            if len(batch) >= 200:
                self.index(batch)
                count += len(batch)
                batch = []
        self.index(batch)
        return count + len(batch)

    # Reading -------------------------------------------------------------------

    def expand_typos(self, parsed):
        """Groups as term alternatives, with English words missing from the index widened to
        words of the index one typo away (the corrected words' stems)."""

        groups = [list(g.alternatives) for g in parsed.groups]
        unknown = {g.word for g in parsed.groups if g.fuzzy}
        if unknown:
            known = set(
                IndexTerm.objects.filter(language=parsed.language, word__in=unknown).values_list("word", flat=True)
            )
            for index, group in enumerate(parsed.groups):
                if not group.fuzzy or group.word in known:
                    continue
                candidates = sorted(
                    IndexTerm.objects.filter(language=parsed.language, word__in=edits1(group.word)).values_list(
                        "stem", flat=True
                    )
                )
                for stem in list(dict.fromkeys(candidates))[:MAX_TYPO_ALTERNATIVES]:
                    if (stem,) not in groups[index]:
                        groups[index].append((stem,))
        return groups

    def _query(self, groups, require_all, tags, without=(), whole=()):
        if self.vendor == "postgresql":
            query = tsquery_literal(groups, require_all, tags, pairs=True, whole=whole)
            return query and " & ".join([query, *(f"!{_pg_lexeme(t)}" for t in without)])
        query = fts5_match(groups, require_all, tags, whole=whole)
        return query and " NOT ".join([query, *(f"tags : {t}" for t in without)])

    def _scored_matches(self, cursor, query, lead, needed):
        """SQLite: ``(id, score)`` of every match: FTS5's bm25 with the column weights (``FTS5_WEIGHTS``),
        as a positive score (bm25() is lower for better matches).

        bm25 costs FTS5 a read of every match's positions: over the thousands of matches of a common
        word it is most of a search. So, as PostgreSQL ranks on the lead of each material (its narrow
        vector): the ids of every match are read alone, bm25 is computed for the matches whose title,
        names or summary hold a word of the query (``lead``, an FTS5 expression), and, only when those
        are fewer than ``needed``, for the best ``needed`` of the others. The rest (matches in the body
        alone, beyond what any page shows first) count with no score."""
        weights = ", ".join(str(w) for w in FTS5_WEIGHTS)
        cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [query])
        every = [row[0] for row in cursor.fetchall()]
        if not every:
            return []
        score = f"-bm25(search_fts, {weights})"
        scores = {}
        if lead:
            # The lead alone (with the query's tags), not the whole query and the lead: bm25 reads the positions
            # of every phrase of its expression for each match, and the whole query's phrases (sub-word
            # syllables, every word in the body) cost most of it. Matches of the lead the query does not
            # match are dropped below (only the ids of ``every`` are kept).
            cursor.execute(f"SELECT rowid, {score} FROM search_fts WHERE search_fts MATCH %s", [lead])
            scores.update(cursor.fetchall())
        if len(scores) < needed and len(every) > len(scores):
            others = f"({query}) NOT ({lead})" if lead else query
            cursor.execute(
                f"SELECT rowid, {score} FROM search_fts WHERE search_fts MATCH %s "
                f"ORDER BY bm25(search_fts, {weights}) LIMIT %s",
                [others, needed],
            )
            scores.update(cursor.fetchall())
        return [(entry_id, scores.get(entry_id, 0.0)) for entry_id in every]

    def _ranked_ids(self, cursor, query, rank_query):
        """PostgreSQL: ``(id, score)`` of every match: matched on the full vector through its GIN
        index, ranked (``ts_rank_cd``, cover density with length normalisation) on the narrow one in
        the row (migration 0003), so ranking thousands of matches reads no long column. ``rank_query``
        is the words alone, any of them (tags are not in the narrow vector, and a rank of an AND
        ranks only where all its terms are)."""
        # The planner cannot see that a sequential scan would unpack every row's full vector to
        # test it, and takes one as soon as a query matches a third of the table: the GIN index
        # is asked for here, for this one statement.
        with transaction.atomic():
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(
                f"SELECT id, ts_rank_cd('{PG_RANK_WEIGHTS}', rank_vector, CAST(%s AS tsquery), "
                f"{PG_RANK_NORMALISATION}) FROM search_indexentry WHERE search_vector @@ CAST(%s AS tsquery)",
                [rank_query or "''", query],
            )
            rows = cursor.fetchall()
            cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")
        return rows

    def _candidate_terms(self, cursor, candidates):
        """``{id: (title terms, [title, names and summary as indexed])}`` of ``candidates`` (ids): the
        analysed text the bonuses are read from (FTS5's stored columns, or the entry's own text
        analysed as it was indexed on PostgreSQL)."""
        ids = ", ".join(str(int(i)) for i in candidates)
        if self.vendor == "postgresql":
            rows = IndexEntry.objects.filter(pk__in=candidates).values_list("pk", "title", "language")
            return {pk: (ranking.title_terms(title, language), None) for pk, title, language in rows}
        cursor.execute(f"SELECT rowid, title, names, summary FROM search_fts WHERE rowid IN ({ids})")
        return {row[0]: (tuple(row[1].split()), row[1:]) for row in cursor.fetchall()}

    def _phrase_matches(self, cursor, terms, candidates, texts):
        """Of ``candidates`` (ids), those whose title, names or summary hold ``terms`` as one phrase.

        SQLite: read in the candidates' stored columns (terms as indexed, one space apart): a phrase
        MATCH limited to a list of rowids costs FTS5 one phrase lookup over the index per rowid.
        PostgreSQL: the narrow vector of each candidate, found by id."""
        if len(terms) < 2 or not candidates:
            return set()
        if self.vendor == "postgresql":
            ids = ", ".join(str(int(i)) for i in candidates)
            phrase = " <-> ".join(_pg_lexeme(t) for t in terms)
            cursor.execute(
                f"SELECT id FROM search_indexentry WHERE id IN ({ids}) AND rank_vector @@ CAST(%s AS tsquery)",
                [phrase],
            )
            return {row[0] for row in cursor.fetchall()}
        needle = f" {' '.join(terms)} "
        return {
            entry_id
            for entry_id, (_title, columns) in texts.items()
            if any(needle in f" {column} " for column in columns if column)
        }

    def _ordered(self, cursor, parsed, rows, needed):
        """Every match best first: the database's score (``rows``: ``(id, score)``) times the weight of
        the material's kind (settings ``SEARCH_KIND_WEIGHTS``), then, for the best ``CANDIDATES`` only,
        the bonuses for the whole query as a phrase and for a title that is the query. Only the first
        ``needed`` ids are in order: the others follow in any order (they count for totals and facets)."""
        kinds = self.kind_map()
        weights = {kind: float(weight) for kind, weight in ranking.kind_weights().items()}
        floor = ranking.SCORE_FLOOR
        scores = {}
        unscored = []  # matches the rank function gave nothing: the floor, times their kind's weight
        for entry_id, score in rows:
            if score and score > 0:
                scores[entry_id] = (score + floor) * weights.get(kinds.get(entry_id), 1.0)
            else:
                unscored.append(entry_id)
        if len(scores) < max(CANDIDATES, needed):
            for entry_id in unscored:
                scores[entry_id] = floor * weights.get(kinds.get(entry_id), 1.0)
            unscored = []

        def order(entry_id):
            return (-scores[entry_id], entry_id)

        candidates = heapq.nsmallest(CANDIDATES, scores, key=order)
        if candidates:
            texts = self._candidate_terms(cursor, candidates)
            phrased = self._phrase_matches(cursor, ranking.query_terms(parsed), candidates, texts)
            for entry_id in candidates:
                title = texts.get(entry_id, ((), None))[0]
                scores[entry_id] *= ranking.bonus(parsed, phrase=entry_id in phrased, title_terms=title)
        # A bonus only raises a candidate, and every other match scores at most the last candidate's
        # first score: the candidates, sorted again, come first; the rest is sorted only when a page
        # reaches past them.
        head = sorted(candidates, key=order)
        if needed <= len(head):
            chosen = set(head)
            return head + [i for i in scores if i not in chosen] + unscored
        return sorted(scores, key=order) + unscored

    def excluded_entries(self, keys):
        """Entry ids of the materials ``keys`` ("kind:id"), in every language."""
        keys = list(keys)
        found = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            found.update(IndexEntry.objects.filter(key__in=chunk).values_list("pk", flat=True))
        return found

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
        """Matches of ``parsed``, best first, without the materials ``exclude`` names (keys that may
        not be found now) and without the kinds ``exclude_kinds`` (events, shown apart).

        With ``apart_limit``, the matches of ``exclude_kinds`` come back too, as the result's ``apart``
        (the best ``apart_limit`` of them, without snippets or facets, and their total), from the same
        full-text pass: one evaluation of the query for the materials and the events block."""

        groups = self.expand_typos(parsed)
        tags = [tag("language", parsed.language), *(tag(n, v) for n, v in sorted((filters or {}).items()))]
        whole = [list(g.alternatives) for g in parsed.whole]
        split = bool(exclude_kinds and apart_limit)
        without = [] if split else [tag("kind", k) for k in exclude_kinds]
        query = self._query(groups, require_all, tags, without=without, whole=whole)
        empty = BackendResult(hits=[], total=0, apart=BackendResult(hits=[], total=0) if split else None)
        if not query:
            return empty
        excluded = self.excluded_entries(exclude) if exclude else set()
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                rows = self._ranked_ids(cursor, query, tsquery_literal(groups, require_all=False))
            else:
                needed = max(CANDIDATES, offset + limit) + (apart_limit if split else 0) + len(excluded)
                rows = self._scored_matches(cursor, query, fts5_lead(groups, whole, tags), needed)
            rows = [row for row in rows if row[0] not in excluded]
            apart_rows = []
            facet_map = self.facet_map()
            if split:
                kinds, apart = self.kind_map(), set(exclude_kinds)
                apart_rows = [row for row in rows if kinds.get(row[0]) in apart]
                if apart_rows:
                    rows = [row for row in rows if kinds.get(row[0]) not in apart]
            ids = self._ordered(cursor, parsed, rows, offset + limit) if rows else []
            apart_ids = self._ordered(cursor, parsed, apart_rows, apart_limit) if apart_rows else []
        result = self._result(parsed, groups, ids, ids[offset : offset + limit], snippets, facet_map)
        if split:
            result.apart = self._result(parsed, groups, apart_ids, apart_ids[:apart_limit], False, None)
        return result

    def _result(self, parsed, groups, ids, page_ids, snippets, facet_map):
        """``BackendResult`` of ordered ``ids``: the hits of ``page_ids``, the total and (with
        ``facet_map``) the facet counts over every id."""
        facet_counts = self.count_facets(ids) if facet_map is not None else {}
        entries = IndexEntry.objects.in_bulk(page_ids) if page_ids else {}
        terms = {t for alternatives in groups for a in alternatives if not isinstance(a, Subword) for t in a}
        labels = kind_labels()
        hits = []
        for entry_id in page_ids:
            entry = entries.get(entry_id)
            if entry is None:  # removed by hand from the entries table: rebuild repairs it
                continue
            hits.append(
                Hit(
                    kind=entry.kind,
                    kind_label=str(labels.get(entry.kind, entry.kind)),
                    title=highlight(entry.title, terms, parsed.language),
                    url=entry.url,
                    snippet=snippet(
                        "\n".join(t for t in (entry.summary, entry.body) if t) or entry.names, terms, parsed.language
                    )
                    if snippets
                    else "",
                    language=parsed.language,
                    key=entry.key,
                )
            )
        return BackendResult(hits=hits, total=len(ids), facet_counts=facet_counts)

    def suggest(self, parsed):
        """The query with each word the index does not know replaced by the nearest word it knows."""

        text = normalise(parsed.text)
        changed = False
        result = text
        for group in parsed.groups:
            word = group.word
            if not word or len(word) < 3:
                continue
            if IndexTerm.objects.filter(language=parsed.language, word=word).exists():
                continue
            candidates = (
                IndexTerm.objects.filter(language=parsed.language, word__startswith=word[0])
                .annotate(length=Length("word"))
                .filter(length__gte=max(1, len(word) - 2), length__lte=len(word) + 2)
                .values_list("word", flat=True)
            )
            near = set(
                IndexTerm.objects.filter(language=parsed.language, word__in=edits1(word)).values_list("word", flat=True)
            )
            scored = sorted((edit_distance(word, c), c) for c in set(candidates) | near)
            if scored and scored[0][0] <= 2:
                best = scored[0][1]
                result = _replace_word(result, word, best)
                changed = True
        return result if changed else ""


def _replace_word(text, word, replacement):
    """``text`` with the first word that folds to ``word`` replaced."""

    for surface, start, end in words(text):
        if fold(surface) == word:
            return text[:start] + replacement + text[end:]
    return text
