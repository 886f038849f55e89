"""The embedded backend: SQLite FTS5, or PostgreSQL full-text search, in the site's own database.

Text is analysed in Python (``search.text``: ICU word segmentation for Khmer,
Snowball stemming for English) and the database stores and matches the
resulting terms only: an FTS5 table with ``tokenize="unicode61 categories 'L* N*
Co M*'"`` on SQLite (Khmer signs are letters' parts, not separators) and a
tsvector built from the terms as they are (never re-parsed) on PostgreSQL.
Typo tolerance draws on ``IndexTerm``, the Latin words seen in the index.
"""

import string
import uuid
from collections import Counter

from django.db import connection, transaction
from django.db.models.functions import Length

from search.backends.base import BackendResult, Hit
from search.highlight import highlight, snippet
from search.models import IndexEntry, IndexState, IndexTerm
from search.sources import FACETS, kind_labels
from search.text import analyse, fold, latin_words, normalise, term, words

WEIGHTS = {"title": "A", "names": "B", "body": "D"}
FIELD_GAP = 8  # positions between fields, so a phrase never spans two of them
MAX_POSITION = 16383  # PostgreSQL's limit
MAX_TYPO_ALTERNATIVES = 5

# Facet values of every entry, read once per process and again after the index changes
# (IndexState.generation): counting facets over thousands of matches is then a lookup per match.
_facet_map = {"generation": None, "vendor": None, "entries": {}}


def tag(facet, value):
    """The full-text term standing for ``facet=value`` (hex: letters and digits only, no collisions)."""
    return "t" + f"{facet}={value}".encode().hex()


def _fts_phrase(terms):
    return '"' + " ".join(t.replace('"', '""') for t in terms) + '"'


def _pg_lexeme(term_):
    return "'" + term_.replace("\\", "\\\\").replace("'", "''") + "'"


RANK_LEAD = 40  # body terms that rank with the title and names (the lead, usually the summary)


def rank_vector_literal(fields):
    """The narrow vector PostgreSQL ranks with: title, names and the body's lead, weighted as in full."""
    return tsvector_literal(
        {
            "title": fields.get("title", []),
            "names": fields.get("names", []),
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
    for name in ("title", "names", "body"):
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
    lexemes.extend(_pg_lexeme(t) for t in fields.get("tags", []) if t not in positions)
    return " ".join(lexemes)


def fts5_match(groups, require_all, tags=()):
    """An FTS5 MATCH expression from query groups (every term quoted: no operator reaches FTS5),
    limited to the text columns, and to documents carrying every tag (language, filters)."""
    parts = []
    for alternatives in groups:
        phrases = [_fts_phrase(a) for a in alternatives if a]
        if phrases:
            parts.append("(" + " OR ".join(phrases) + ")")
    if not parts:
        return ""
    text = "{title names body} : (" + (" AND " if require_all else " OR ").join(parts) + ")"
    return " AND ".join([text, *(f"tags : {t}" for t in tags)])


def tsquery_literal(groups, require_all, tags=(), pairs=False):
    """A tsquery in its text form from query groups (lexemes quoted, phrases with <->), and every tag.

    With ``pairs`` a phrase is asked for as its neighbouring pairs (``'a b' & 'b c'``, see
    :func:`tsvector_literal`): what the GIN index answers alone. Ranking keeps ``<->``."""
    parts = []
    for alternatives in groups:
        if pairs:
            phrases = [
                " & ".join(_pg_lexeme(pair(a, b)) for a, b in zip(terms, terms[1:], strict=False))
                if len(terms) > 1
                else _pg_lexeme(terms[0])
                for terms in alternatives
                if terms
            ]
        else:
            phrases = [" <-> ".join(_pg_lexeme(t) for t in a) for a in alternatives if a]
        if phrases:
            parts.append("(" + " | ".join(f"({p})" for p in phrases) + ")")
    if not parts:
        return ""
    text = "(" + (" & " if require_all else " | ").join(parts) + ")"
    return " & ".join([text, *(_pg_lexeme(t) for t in tags)])


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
                entry.body = document.body
                entry.url = document.url
                entry.facets = "\n".join(f"{name}={value}" for name, value in facets)
                entry.save()
                fields = {name: analyse(getattr(document, name), document.language) for name in WEIGHTS}
                fields["tags"] = [tag("language", document.language), *(tag(n, v) for n, v in facets)]
                self._write_fulltext(cursor, entry.pk, fields, entry.facets)
                for word in latin_words(f"{document.title}\n{document.names}\n{document.body}"):
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
            _facet_map.update(generation=generation, vendor=self.vendor, entries=entries)
        return _facet_map["entries"]

    def _write_fulltext(self, cursor, entry_id, fields, facets):
        if self.vendor == "postgresql":
            cursor.execute(
                "UPDATE search_indexentry SET search_vector = %s::tsvector, rank_vector = %s::tsvector WHERE id = %s",
                [tsvector_literal(fields), rank_vector_literal(fields), entry_id],
            )
        else:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [entry_id])
            cursor.execute(
                "INSERT INTO search_fts (rowid, title, names, body, tags, facets) VALUES (%s, %s, %s, %s, %s, %s)",
                [entry_id, *(" ".join(fields[name]) for name in ("title", "names", "body", "tags")), facets],
            )

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

    def _query(self, groups, require_all, tags):
        if self.vendor == "postgresql":
            return tsquery_literal(groups, require_all, tags, pairs=True)
        return fts5_match(groups, require_all, tags)

    def _matching_ids(self, cursor, query):
        """SQLite: ids of all matches (for the total and the facet counts)."""
        cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [query])
        return [row[0] for row in cursor.fetchall()]

    def _ranked_ids(self, cursor, query, rank_query):
        """PostgreSQL: ids of all matches, best first: matched on the full vector through its GIN
        index, ranked on the narrow one in the row (migration 0003), so ranking thousands of
        matches reads no long column. ``rank_query`` is the words alone, any of them (tags are
        not in the narrow vector, and ts_rank of an AND ranks only where all its terms are)."""
        # The planner cannot see that a sequential scan would unpack every row's full vector to
        # test it, and takes one as soon as a query matches a third of the table: the GIN index
        # is asked for here, for this one statement.
        with transaction.atomic():
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(
                "SELECT id, ts_rank(rank_vector, CAST(%s AS tsquery)) FROM search_indexentry "
                "WHERE search_vector @@ CAST(%s AS tsquery)",
                [rank_query, query],
            )
            rows = cursor.fetchall()
            cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")
        return [entry_id for entry_id, _rank in sorted(rows, key=lambda row: (-row[1], row[0]))]

    def _page(self, cursor, query, offset, limit, excluded=()):
        """SQLite: entry ids of one page of matches, best first (FTS5's bm25, title weighted most),
        without the ``excluded`` entry ids (integers from the database, written into the statement)."""
        leave_out = f"AND rowid NOT IN ({', '.join(str(int(i)) for i in sorted(excluded))}) " if excluded else ""
        cursor.execute(
            f"SELECT rowid FROM search_fts WHERE search_fts MATCH %s {leave_out}"
            "ORDER BY bm25(search_fts, 10.0, 5.0, 1.0, 0.0, 0.0), rowid LIMIT %s OFFSET %s",
            [query, limit, offset],
        )
        return [row[0] for row in cursor.fetchall()]

    def excluded_entries(self, keys):
        """Entry ids of the materials ``keys`` ("kind:id"), in every language."""
        keys = list(keys)
        found = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            found.update(IndexEntry.objects.filter(key__in=chunk).values_list("pk", flat=True))
        return found

    def search(self, parsed, filters=None, offset=0, limit=10, require_all=True, exclude=()):
        """Matches of ``parsed``, without the materials ``exclude`` names (keys that may not be found now)."""

        groups = self.expand_typos(parsed)
        tags = [tag("language", parsed.language), *(tag(n, v) for n, v in sorted((filters or {}).items()))]
        query = self._query(groups, require_all, tags)
        if not query:
            return BackendResult(hits=[], total=0)
        excluded = self.excluded_entries(exclude) if exclude else set()
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                # One pass: every match with its rank, ordered here.
                ids = self._ranked_ids(cursor, query, tsquery_literal(groups, require_all=False))
                ids = [entry_id for entry_id in ids if entry_id not in excluded]
                page_ids = ids[offset : offset + limit]
            else:
                ids = [entry_id for entry_id in self._matching_ids(cursor, query) if entry_id not in excluded]
                page_ids = self._page(cursor, query, offset, limit, excluded) if ids else []
            if not ids:
                return BackendResult(hits=[], total=0)
        facet_map = self.facet_map()
        counter = Counter(pair for entry_id in ids for pair in facet_map.get(entry_id, ()))
        facet_counts = {}
        for (name, value), count in counter.items():
            facet_counts.setdefault(name, {})[value] = count
        total = len(ids)
        entries = IndexEntry.objects.in_bulk(page_ids)
        terms = {t for alternatives in groups for a in alternatives for t in a}
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
                    snippet=snippet(entry.body or entry.names, terms, parsed.language),
                    language=parsed.language,
                )
            )
        return BackendResult(hits=hits, total=total, facet_counts=facet_counts)

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
