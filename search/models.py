"""The embedded search index, and the text extracted from uploaded documents.

``IndexEntry`` is one material in one language (see docs/search.md for why).
Its full-text columns live beside it, outside the ORM: an FTS5 table
``search_fts`` on SQLite, a ``search_vector`` tsvector column on PostgreSQL
(migration 0002). Language and facet values are indexed there too, as tag
terms, so a filtered query is one full-text lookup. Only
``search.backends.embedded`` writes them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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


class SearchQueryDay(models.Model):
    """What readers searched for, per day: the query's text and counts only (no IP, cookie or user).

    The staff report of searches that found nothing or that nobody clicked (search/curation.py).
    A query's text is written only once ``REPORT_THRESHOLD`` searches made it that day; until then
    the row holds a keyed digest of it, so one reader's own words (a name, a number) are never kept."""

    language = models.CharField(_("language"), max_length=8)
    digest = models.CharField(max_length=64, editable=False)
    query = models.CharField(_("query"), max_length=200, blank=True)
    day = models.DateField(_("day"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    no_results = models.PositiveIntegerField(_("found nothing"), default=0)
    clicks = models.PositiveIntegerField(_("results opened"), default=0)

    class Meta:
        verbose_name = _("search of the day")
        verbose_name_plural = _("searches by day")
        constraints = [
            models.UniqueConstraint(fields=["digest", "day"], name="search_query_day_unique"),
        ]
        indexes = [models.Index(fields=["day", "language"])]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.day})"


class SynonymGroup(models.Model):
    """Names that mean the same thing (slang included), in either language: a snippet staff edit.

    Both backends read them (search/synonyms.py); seeded from search/synonyms.txt."""

    names = models.TextField(
        _("names"),
        help_text=_("Comma-separated, in Khmer or English: a search for any of them finds material using any other."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("synonyms")
        verbose_name_plural = _("synonyms and slang")
        ordering = ["pk"]

    def __str__(self):
        return self.names[:80]
