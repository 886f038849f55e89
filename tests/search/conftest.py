"""Fixtures of the search tests: a backend to run the contract suite against, and material to find.

``search_backend`` is the embedded backend (on the database the suite runs on:
SQLite, or PostgreSQL with ``DATABASE_URL``) and, when ``ELASTICSEARCH_URL`` is
set, a live Elasticsearch with an index of its own. Without ``ELASTICSEARCH_URL``
the Elasticsearch run is skipped with that reason; in CI a set but unreachable
server fails the run.
"""

import datetime
import os
import uuid
from contextlib import contextmanager

import pytest

from django.core.files.base import ContentFile

from wagtail.documents.models import Document

from campaigns.models import CampaignIndexPage, CampaignPage, FactSheetIndexPage, FactSheetPage
from search.backends.elastic import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.indexing import rebuild


@pytest.fixture(params=["embedded", "elasticsearch"])
def search_backend(request, settings, db, django_capture_on_commit_callbacks):
    if request.param == "embedded":
        settings.ELASTICSEARCH_URL = ""
        backend = EmbeddedBackend()
        rebuild(backend)
        yield backend
        return
    url = os.environ.get("ELASTICSEARCH_URL", "")
    if not url:
        pytest.skip("ELASTICSEARCH_URL is not set: the live Elasticsearch contract tests were not run")

    settings.ELASTICSEARCH_URL = url
    settings.SEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:8]}"
    settings.SEARCH_REFRESH_ON_SAVE = "wait_for"  # the contract tests search right after each save
    backend = ElasticsearchBackend.from_settings()
    if not backend.ping():
        message = f"Elasticsearch at ELASTICSEARCH_URL ({url}) is unreachable"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    rebuild(backend)
    yield backend
    backend.drop_all()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run index updates queued for after the commit (Elasticsearch) now, as a real commit would."""

    @contextmanager
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return run


def publish(page, committed):
    with committed():
        page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def make_fact_sheet(committed):
    """A published fact sheet with the given texts (``summary_km``, ``summary_en``, ``other_names_en``...)."""

    def make(slug, title_km, title_en="", live=True, **fields):
        index = FactSheetIndexPage.objects.get()
        defaults = {
            f"{name}_{lang}": "<p></p>"
            for name in ("what_it_is", "effects", "risks", "law", "help")
            for lang in ("km", "en")
        }
        page = FactSheetPage(
            slug_km=slug, slug_en=slug, title_km=title_km, title_en=title_en, live=live, **{**defaults, **fields}
        )
        if not fields.get("summary_km"):
            page.summary_km = title_km
        with committed():
            index.add_child(instance=page)
            revision = page.save_revision()
            if live:
                revision.publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def make_campaign(committed):

    def make(slug, title_km, title_en="", **fields):
        index = CampaignIndexPage.objects.get()
        page = CampaignPage(
            slug_km=slug,
            slug_en=slug,
            title_km=title_km,
            title_en=title_en,
            summary_km=fields.pop("summary_km", title_km),
            summary_en=fields.pop("summary_en", title_en),
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2026, 12, 31),
            **fields,
        )
        with committed():
            index.add_child(instance=page)
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


def pdf_bytes(lines):
    """A small PDF with these lines of (Latin) text, drawn with fpdf2."""
    from fpdf import FPDF  # imported here, not at the top: only this path needs it (start-up time)

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for line in lines:
        pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.fixture
def make_pdf(committed):

    def make(title, lines):
        document = Document(title=title)
        document.file.save(f"{uuid.uuid4().hex[:8]}.pdf", ContentFile(pdf_bytes(lines)), save=False)
        with committed():
            document.save()
        return document

    return make
