"""Kit downloads (journey 2 step 3): byte for byte, resumable, zipped, and counted without tracking."""

import io
import zipfile
from urllib.parse import unquote

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone, translation

from campaigns.lessons.downloads import DownloadCount, build_zip
from campaigns.lessons.pages import LessonKitPage

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo site (tests/conftest.py)

PHONE = "Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"


@pytest.fixture
def kit(db):
    return LessonKitPage.objects.get(slug_en="yama-the-facts")


def file_url(kit, kit_file, language="en"):
    with translation.override(language):
        return kit.url + f"files/{kit_file.pk}/"


def zip_url(kit, language):
    with translation.override("en"):
        return kit.url + f"zip/{language}/"


def body(response):
    """Read the whole download; the test client then closes it, as a server does after the last byte."""
    return b"".join(response.streaming_content)


def fetch(client, url, **headers):
    response = client.get(url, **headers)
    if response.streaming:
        body(response)
    return response


def counted(kit, target):
    row = DownloadCount.objects.filter(kit=kit, target=target, day=timezone.localdate()).first()
    return row.count if row else 0


def test_a_file_downloads_byte_for_byte_with_a_readable_name(client, kit):
    kit_file = kit.files.get(role="teacher_guide", language="km")
    response = client.get(file_url(kit, kit_file), HTTP_USER_AGENT=PHONE)
    assert response.status_code == 200
    with kit_file.document.file.open("rb") as source:
        assert body(response) == source.read()
    assert response["Content-Type"] == "application/pdf"
    assert response["Accept-Ranges"] == "bytes"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="yama-the-facts-teacher-guide-km')
    khmer_name = unquote(disposition.split("filename*=UTF-8''")[1])
    assert khmer_name == kit_file.document.title + ".pdf"
    assert "\u1798" in khmer_name  # Khmer letters kept
    assert not response.cookies


def test_an_interrupted_download_resumes_with_a_range(client, kit):
    kit_file = kit.files.get(role="worksheet", language="km")
    with kit_file.document.file.open("rb") as source:
        whole = source.read()
    first = client.get(file_url(kit, kit_file), HTTP_RANGE="bytes=0-999", HTTP_USER_AGENT=PHONE)
    assert first.status_code == 206
    assert first["Content-Range"] == f"bytes 0-999/{len(whole)}"
    rest = client.get(
        file_url(kit, kit_file), HTTP_RANGE="bytes=1000-", HTTP_USER_AGENT=PHONE, HTTP_IF_RANGE=first["ETag"]
    )
    assert rest.status_code == 206
    assert body(first) + body(rest) == whole
    tail = client.get(file_url(kit, kit_file), HTTP_RANGE="bytes=-10", HTTP_USER_AGENT=PHONE)
    assert body(tail) == whole[-10:]


def test_bad_or_stale_ranges(client, kit):
    kit_file = kit.files.get(role="worksheet", language="km")
    size = kit_file.document.file.size
    past_end = client.get(file_url(kit, kit_file), HTTP_RANGE=f"bytes={size + 10}-", HTTP_USER_AGENT=PHONE)
    assert past_end.status_code == 416
    assert past_end["Content-Range"] == f"bytes */{size}"
    garbage = client.get(file_url(kit, kit_file), HTTP_RANGE="bytes=abc", HTTP_USER_AGENT=PHONE)
    assert garbage.status_code == 200 and len(body(garbage)) == size
    changed = client.get(file_url(kit, kit_file), HTTP_RANGE="bytes=10-", HTTP_IF_RANGE='"old"', HTTP_USER_AGENT=PHONE)
    assert changed.status_code == 200, "the file changed since the first part: send it whole"
    assert client.get(kit.url + "files/999999/").status_code == 404


def test_whole_kit_zip_holds_every_file_byte_for_byte(client, kit):
    response = client.get(zip_url(kit, "all"), HTTP_USER_AGENT=PHONE)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(body(response)))
    files = list(kit.files.select_related("document"))
    assert len(archive.namelist()) == len(files) + 2 == 6  # and the before/after check, in both languages
    for kit_file in files:
        name = f"{kit_file.language}/{kit_file.document.title}.pdf"
        with kit_file.document.file.open("rb") as source:
            assert archive.read(name) == source.read()
    khmer_only = zipfile.ZipFile(io.BytesIO(body(client.get(zip_url(kit, "km"), HTTP_USER_AGENT=PHONE))))
    assert all(name.startswith("km/") for name in khmer_only.namelist()) and len(khmer_only.namelist()) == 3
    assert client.get(zip_url(kit, "fr")).status_code == 404


def test_zip_is_built_once_and_rebuilt_when_a_file_changes(kit):
    first = build_zip(kit, "km")
    modified = default_storage.get_modified_time(first)
    assert build_zip(kit, "km") == first and default_storage.get_modified_time(first) == modified
    document = kit.files.get(role="worksheet", language="km").document

    document.file.save("replaced-worksheet.pdf", ContentFile(b"%PDF-1.4 a new worksheet"), save=False)
    document._set_document_file_metadata()
    document.save()
    second = build_zip(kit, "km")
    assert second != first and not default_storage.exists(first)
    with default_storage.open(second, "rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    assert b"a new worksheet" in archive.read([n for n in archive.namelist() if "សន្លឹក" in n][0])


@pytest.mark.django_db
def test_downloads_are_counted_per_kit_file_language_and_day(client, kit):
    kit_file = kit.files.get(role="teacher_guide", language="en")
    target = f"file:{kit_file.document_id}"
    before = counted(kit, target)
    fetch(client, file_url(kit, kit_file), HTTP_USER_AGENT=PHONE)
    fetch(client, file_url(kit, kit_file), HTTP_USER_AGENT=PHONE)
    assert counted(kit, target) == before + 2
    row = DownloadCount.objects.get(kit=kit, target=target, day=timezone.localdate())
    assert row.language == "en" and row.document_id == kit_file.document_id
    # Not counted: robots, HEAD, the later parts of a resumed download.
    fetch(client, file_url(kit, kit_file), HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    fetch(client, file_url(kit, kit_file), HTTP_USER_AGENT="TelegramBot (like TwitterBot)")
    fetch(client, file_url(kit, kit_file), HTTP_USER_AGENT=PHONE, REQUEST_METHOD="HEAD")
    fetch(client, file_url(kit, kit_file), HTTP_USER_AGENT=PHONE, HTTP_RANGE="bytes=500-")
    assert counted(kit, target) == before + 2
    fetch(client, zip_url(kit, "en"), HTTP_USER_AGENT=PHONE)
    assert counted(kit, "zip:en") >= 1


def test_counting_stores_nothing_about_the_visitor():
    columns = {field.name for field in DownloadCount._meta.get_fields()}
    assert columns == {"id", "day", "kit", "document", "target", "language", "count"}


def test_public_downloads_may_be_kept_by_the_phone_but_always_reach_the_site(client, kit):
    """A teacher's phone keeps a kit saved for offline (home/static/js/sw.js keeps no private or no-store
    answer); no cache may answer a download without asking the site, where it is counted."""
    kit_file = kit.files.get(role="teacher_guide", language="km")
    for url in (file_url(kit, kit_file), zip_url(kit, "all")):
        control = {d.strip() for d in fetch(client, url, HTTP_USER_AGENT=PHONE)["Cache-Control"].split(",")}
        assert "no-cache" in control and not control & {"private", "no-store", "public"}, url


def test_a_restricted_kit_file_is_kept_by_no_cache_not_even_the_phone(client, kit):
    from wagtail.models import Collection, CollectionViewRestriction

    kit_file = kit.files.get(role="teacher_guide", language="km")
    collection = Collection.get_first_root_node().add_child(name="ឯកសារគ្រូ")
    document = kit_file.document
    document.collection = collection
    document.save()
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="គ្រូ១២៣"
    )
    client.post(
        f"/documents/authenticate_with_password/{collection.get_view_restrictions().get().pk}/",
        {"password": "គ្រូ១២៣", "return_url": file_url(kit, kit_file)},
    )
    response = fetch(client, file_url(kit, kit_file), HTTP_USER_AGENT=PHONE)
    assert response.status_code == 200
    control = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= control
