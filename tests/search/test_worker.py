"""The task worker (home/background.py, ``manage.py db_worker`` from django-tasks-db): with TASK_WORKER's
database backend, an editor's save returns without indexing or reading PDFs, and the work is done once
the worker runs; a failing task is tried again later."""

import datetime
import uuid
from unittest import mock

import pytest
from django_tasks_db.models import DBTaskResult

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings

from wagtail.documents.models import Document

from campaigns.models import FactSheetIndexPage, FactSheetPage
from home import setup_site
from search.models import DocumentText
from search.query import MaterialSearch
from search.tasks import index_material
from tests.search.conftest import pdf_bytes

pytestmark = pytest.mark.django_db(transaction=True)  # the worker closes its connection: real commits
WORKER = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def found(words, language="en"):
    titles = [str(hit.title) for hit in MaterialSearch(words, language=language).run().hits]
    return [title.replace("<mark>", "").replace("</mark>", "") for title in titles]


def work():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


@pytest.fixture
def site():
    setup_site.run()


@override_settings(TASKS=WORKER, ELASTICSEARCH_URL="")
def test_a_publish_returns_before_indexing_and_the_worker_indexes(site, django_capture_on_commit_callbacks):
    index = FactSheetIndexPage.objects.get()
    defaults = {
        f"{n}_{lang}": "<p></p>" for n in ("what_it_is", "effects", "risks", "law", "help") for lang in ("km", "en")
    }
    page = FactSheetPage(
        slug_km="kratom", slug_en="kratom", title_km="ក្រាតុម", title_en="Kratom leaves", summary_km="ក្រាតុម", **defaults
    )
    with django_capture_on_commit_callbacks(execute=True):
        index.add_child(instance=page)
        page.save_revision().publish()
    assert DBTaskResult.objects.filter(status="READY").exists()  # queued, not done
    assert "Kratom leaves" not in found("kratom")
    work()
    assert "Kratom leaves" in found("kratom")
    assert not DBTaskResult.objects.filter(status="READY").exists()


@override_settings(TASKS=WORKER, ELASTICSEARCH_URL="")
def test_a_pdf_is_read_by_the_worker_not_by_the_upload(site, django_capture_on_commit_callbacks):
    document = Document(title="Leaflet")
    document.file.save(
        f"{uuid.uuid4().hex[:8]}.pdf",
        ContentFile(pdf_bytes(["Talk with your children about methamphetamine"])),
        save=False,
    )
    document._set_document_file_metadata()
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    assert not DocumentText.objects.filter(document=document).exists()
    work()
    assert "methamphetamine" in DocumentText.objects.get(document=document).text


@override_settings(TASKS=WORKER, ELASTICSEARCH_URL="")
def test_a_failing_task_is_tried_again_later(site):
    with mock.patch("search.tasks._object", side_effect=ConnectionError("database replica down")):
        page = FactSheetIndexPage.objects.get()
        index_material.enqueue(page._meta.label, page.pk)
        work()
    retried = DBTaskResult.objects.filter(status="READY").get()
    assert retried.args_kwargs["kwargs"] == {"attempt": 2}
    assert retried.run_after > datetime.datetime.now(datetime.UTC)


def test_without_a_worker_the_work_is_done_at_once(site, django_capture_on_commit_callbacks):
    document = Document(title="Poster")
    document.file.save(f"{uuid.uuid4().hex[:8]}.pdf", ContentFile(pdf_bytes(["Drug free schools"])), save=False)
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    assert "Drug free schools" in DocumentText.objects.get(document=document).text
    assert not DBTaskResult.objects.exists()


@override_settings(TASKS=WORKER, ELASTICSEARCH_URL="")
def test_a_published_kit_gets_its_zip_from_the_worker(site, separate_media):
    from campaigns.lessons.downloads import stored_zips
    from tests.home.test_object_storage import make_kit

    kit = make_kit()  # published with the worker configured: the ZIP is queued, not built
    assert stored_zips(kit) == []
    work()
    languages = sorted(name.rsplit("/", 1)[1].split("-")[2] for name in stored_zips(kit))
    assert languages == ["all", "km"]
