"""The embedded search index, and the text extracted from uploaded documents.

``IndexEntry`` is one material in one language (see docs/search.md for why).
Its full-text columns live beside it, outside the ORM: an FTS5 table
``search_fts`` on SQLite, a ``search_vector`` tsvector column on PostgreSQL
(migration 0002). Language and facet values are indexed there too, as tag
terms, so a filtered query is one full-text lookup. Only
``search.backends.embedded`` writes them.
"""

from django.db import models


class IndexEntry(models.Model):
    key = models.CharField(max_length=120)  # "<kind>:<object id>"
    language = models.CharField(max_length=8)
    kind = models.CharField(max_length=40)
    title = models.TextField()
    names = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    facets = models.TextField(blank=True)  # "facet=value" lines, counted for the facet links
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "language"], name="search_entry_key_language")]
        indexes = [models.Index(fields=["language", "kind"])]

    def __str__(self):
        return f"{self.key} ({self.language})"


class IndexState(models.Model):
    """One row: a new random token at every change to the index (processes cache what they read by it;
    a token, not a counter, so a rolled-back change can never be mistaken for a later one)."""

    generation = models.CharField(max_length=32, blank=True)


class IndexTerm(models.Model):
    """Latin-script words seen in the index, per language: what typos are corrected to."""

    language = models.CharField(max_length=8)
    word = models.CharField(max_length=60)
    stem = models.CharField(max_length=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "word"], name="search_term_language_word")]


class DocumentText(models.Model):
    """The text of an uploaded document (PDF), extracted once per file version."""

    document = models.OneToOneField("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    file_hash = models.CharField(max_length=40, blank=True)
    text = models.TextField(blank=True)
    extracted_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"text of document {self.document_id}"
