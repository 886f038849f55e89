"""Media on object storage (home/object_storage.py) against a real S3 server on 127.0.0.1: moto's server mode,
started by the fixture (``moto[server]``, requirements-dev.txt). Uploads, renditions and kit ZIPs land in the
bucket; readers get them from the site's own addresses; private photos and documents only through their
checks; the health check sees the bucket."""

import io
import json
import shutil
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import boto3
import pytest

from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.test import Client, RequestFactory, override_settings

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from campaigns.events.photos import ProvincePhotoCollection
from campaigns.lessons.downloads import build_zip, forget_zips, stored_zips
from campaigns.lessons.index_page import LessonKitIndexPage
from campaigns.lessons.pages import LessonKitFile, LessonKitPage
from campaigns.models import Province
from home import setup_site
from home.object_storage import serve_public
from home.security import private_files
from home.security.file_names import is_private_name, make_file_private
from tests.photo_like import photo_like_jpeg
from tests.services import closed_port, need

pytestmark = pytest.mark.django_db
MOTO = Path(sys.executable).parent / "moto_server"
BUCKET = "nacd-media"


@pytest.fixture(scope="module")
def s3_server():
    need(MOTO.exists() or shutil.which("moto_server"), "moto_server (pip install 'moto[server]')")
    port = closed_port()
    process = subprocess.Popen(
        [str(MOTO if MOTO.exists() else shutil.which("moto_server")), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(endpoint + "/moto-api/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield endpoint
    process.terminate()
    process.wait(10)


def storage_settings(endpoint, bucket=BUCKET):
    return {
        "default": {
            "BACKEND": "home.object_storage.SafeNameS3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "access_key": "test",
                "secret_key": "test",
                "location": "media",
                "default_acl": None,
                "querystring_auth": False,
                "file_overwrite": False,
                "addressing_style": "path",
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def bucket(s3_server):
    client = boto3.client(
        "s3", endpoint_url=s3_server, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test"
    )
    client.create_bucket(Bucket=BUCKET)
    setup_site.run()  # the root collection and page tree (a transactional test before may have emptied them)
    with override_settings(STORAGES=storage_settings(s3_server)):
        Image.get_rendition_model().cache_backend.clear()
        yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client):
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def request_as(user=None):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    request.user.is_verified = lambda: False  # as django_otp's middleware sets it (no second factor here)
    return request


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_images_and_renditions_live_in_the_bucket_and_are_served_from_the_site(bucket):
    data = photo_like_jpeg(400, 300)
    image = Image(title="ទិវា ២៦ មិថុនា")
    image.file.save("poster.jpg", ImageFile(io.BytesIO(data), name="poster.jpg"))
    assert f"media/{image.file.name}" in keys(bucket)
    assert image.file.url == f"/media/{image.file.name}"  # the site's own origin, never the bucket's
    served = serve_public(request_as(), image.file.name)
    assert served.status_code == 200 and body(served) == data
    assert "public" in served["Cache-Control"]
    rendition = image.get_rendition("width-200")
    assert rendition.url.startswith("/media/images/")
    assert f"media/{rendition.file.name}" in keys(bucket)
    assert body(serve_public(request_as(), rendition.file.name))[:2] == b"\xff\xd8"


def test_two_uploads_of_one_name_get_two_keys_and_khmer_names_are_kept(bucket):
    first = default_storage.save("documents/មេរៀន ទី១.pdf", ContentFile(b"%PDF-1.4 one"))
    second = default_storage.save("documents/មេរៀន ទី១.pdf", ContentFile(b"%PDF-1.4 two"))
    assert first != second and "មេរៀន" in first
    with default_storage.open(first) as one, default_storage.open(second) as two:
        assert (one.read(), two.read()) == (b"%PDF-1.4 one", b"%PDF-1.4 two")


def test_documents_and_private_photos_are_never_served_under_media(bucket, django_user_model):
    document = default_storage.save("documents/leaflet.pdf", ContentFile(b"%PDF-1.4 leaflet"))
    with pytest.raises(Http404):
        serve_public(request_as(), document)  # documents only through Wagtail's checked serve view
    root = Collection.get_first_root_node()
    province = root.add_child(instance=Collection(name="Kampot event photos"))
    ProvincePhotoCollection.objects.create(province=Province.objects.get(code="07"), collection=province)
    photo = Image(title="Event photo", collection=province)
    photo.file.save("event.jpg", ImageFile(io.BytesIO(photo_like_jpeg(400, 300)), name="event.jpg"))
    make_file_private(photo.file)  # the province collection already made it private on upload (campaigns/events)
    photo.save()
    assert is_private_name(photo.file.name)
    assert f"media/{photo.file.name}" in keys(bucket)  # in the bucket, under an unguessable private name
    assert photo.file.url.startswith("/admin/private-files/")
    with pytest.raises(Http404):
        serve_public(request_as(), photo.file.name)
    with pytest.raises(Http404):
        private_files.serve(request_as(), photo.file.name)  # anonymous: the access check refuses
    admin = django_user_model.objects.create_superuser("nacd-admin", password="x")
    allowed = private_files.serve(request_as(admin), photo.file.name)
    assert allowed.status_code == 200 and body(allowed)[:2] == b"\xff\xd8"
    assert allowed["Cache-Control"].startswith("private")


def make_kit():
    setup_site.run()
    index = LessonKitIndexPage.objects.get()
    kit = LessonKitPage(
        title_km="យ៉ាម៉ា៖ ការពិត",
        title_en="Yama: the facts",
        slug_km="yama",
        slug_en="yama",
        summary_km="មេរៀនមួយ",
        summary_en="One lesson",
        grade_band="lower_secondary",
        duration=45,
        objectives_km="យល់ពីហានិភ័យ",
        objectives_en="Know the risks",
        preparation_km="<p>ក្រដាស</p>",
        assessment_km="តើយ៉ាម៉ាជាអ្វី?",
        assessment_en="What is yama?",
        steps_km=[{"type": "step", "value": {"title": "ពិភាក្សា", "minutes": 10, "instructions": "<p>និយាយ</p>"}}],
    )
    index.add_child(instance=kit)
    for role, text in (("teacher_guide", b"%PDF-1.4 guide"), ("worksheet", b"%PDF-1.4 worksheet")):
        document = Document(title=f"{role} km")
        document.file.save(f"{role}.pdf", ContentFile(text), save=False)
        document._set_document_file_metadata()
        document.save()
        LessonKitFile.objects.create(kit=kit, document=document, role=role, language="km")
    kit.save_revision().publish()
    return LessonKitPage.objects.get(pk=kit.pk)


def test_kit_zips_are_built_into_the_bucket_once_and_downloaded_through_the_site(bucket):
    kit = make_kit()
    name = build_zip(kit, "km")
    assert name.startswith("kit-zips/") and f"media/{name}" in keys(bucket)
    assert build_zip(kit, "km") == name and stored_zips(kit) == [name]
    response = Client().get(kit.url + "zip/km/", HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 10)")
    # a public kit's ZIP: no-cache, so every download still reaches the site and is counted
    assert response.status_code == 200 and response["Cache-Control"] == "no-cache"
    archive = zipfile.ZipFile(io.BytesIO(body(response)))
    assert sorted(archive.namelist()) == ["km/teacher_guide km.pdf", "km/worksheet km.pdf"]
    forget_zips(kit)
    assert stored_zips(kit) == [] and not any(key.startswith("media/kit-zips/") for key in keys(bucket))


def test_health_check_sees_the_bucket(bucket, s3_server):
    response = Client().get("/healthz")
    assert response.status_code == 200 and json.loads(response.content)["checks"]["storage"] == "ok"
    with override_settings(STORAGES=storage_settings(f"http://127.0.0.1:{closed_port()}")):
        response = Client().get("/healthz")
    assert response.status_code == 503 and json.loads(response.content)["checks"]["storage"] == "failing"
    assert "127.0.0.1" not in response.content.decode()


def test_settings_choose_the_bucket_from_the_environment():
    env = {
        "DJANGO_SETTINGS_MODULE": "awareness_site.settings.dev",
        "AWS_STORAGE_BUCKET_NAME": "nacd-media",
        "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
        "PATH": "/usr/bin:/bin",
    }
    code = "from django.conf import settings; import json; print(json.dumps(settings.STORAGES['default']))"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    chosen = json.loads(result.stdout.strip().splitlines()[-1])
    assert chosen["BACKEND"] == "home.object_storage.SafeNameS3Storage"
    assert (
        chosen["OPTIONS"]["endpoint_url"] == "http://127.0.0.1:9000"
        and chosen["OPTIONS"]["bucket_name"] == "nacd-media"
    )
