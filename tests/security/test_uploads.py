"""Uploads: only NACD's types by content, sizes and pixels limited, safe names, never served inline as markup.

Each case goes through Wagtail's own admin views (add, multiple upload with its
JSON answer, chooser upload), so the path a real upload takes is the one tested.
"""

import io
import json
from pathlib import Path

import pytest

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.roles import OUTREACH_STAFF
from home.security.file_names import safe_file_name
from home.security.uploads import check_upload, detect_kind
from tests.campaigns.events.outreach_fixtures import make_user
from tests.security import upload_files as files

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def writer(client):
    """Outreach staff working in English."""
    client.force_login(make_user("writer_en", OUTREACH_STAFF, language="en"))
    return client


@pytest.fixture
def khmer_writer(client):
    client.force_login(make_user("writer_km", OUTREACH_STAFF, language="km"))
    return client


def upload(name, content):
    return SimpleUploadedFile(name, content)


def add_document(client, name, content, title="ឯកសារសាកល្បង"):
    root = Collection.get_first_root_node()
    return client.post(
        reverse("wagtaildocs:add"), {"title": title, "file": upload(name, content), "collection": root.pk}
    )


def add_image(client, name, content, title="រូបភាពសាកល្បង"):
    root = Collection.get_first_root_node()
    return client.post(
        reverse("wagtailimages:add"), {"title": title, "file": upload(name, content), "collection": root.pk}
    )


def multiple(client, kind, name, content):
    url = reverse("wagtaildocs:add_multiple" if kind == "document" else "wagtailimages:add_multiple")
    response = client.post(url, {"files[]": upload(name, content)}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    return json.loads(response.content)


def errors(response):
    assert response.status_code == 200, response.status_code  # the form again, never a 500
    form = response.context["form"]
    return " ".join(str(e) for e in form.errors.get("file", []))


# -- detection by content -----------------------------------------------------------------------


@pytest.mark.parametrize("extension", list(files.VALID_DOCUMENTS))
def test_each_document_type_is_recognised_by_content(extension):
    assert detect_kind(io.BytesIO(files.VALID_DOCUMENTS[extension]())) == extension


@pytest.mark.parametrize(("extension", "expected"), [("jpg", "jpeg"), ("png", "png"), ("webp", "webp")])
def test_each_image_type_is_recognised_by_content(extension, expected):
    assert detect_kind(io.BytesIO(files.VALID_IMAGES[extension]())) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (files.HTML, "html"),
        (files.SVG, "svg"),
        (files.EXE, "exe"),
        (files.plain_zip(), "zip"),
        (b"PK\x03\x04junk", "broken"),
    ],
)
def test_markup_programs_and_bare_zips_are_named_for_what_they_are(content, expected):
    assert detect_kind(io.BytesIO(content)) == expected


def test_a_macro_word_file_is_not_a_docx():
    macro = files.FORGED_DOCUMENTS["macro.docx"]()
    assert detect_kind(io.BytesIO(macro)) == "zip"


# -- the admin's document views -----------------------------------------------------------------


@pytest.mark.parametrize("extension", list(files.VALID_DOCUMENTS))
def test_valid_documents_are_accepted_through_the_admin(writer, extension):
    content = files.VALID_DOCUMENTS[extension]()
    response = add_document(writer, f"lesson.{extension}", content)
    assert response.status_code == 302, errors(response)
    document = Document.objects.get(title="ឯកសារសាកល្បង")
    assert document.file_extension == extension
    assert Path(document.file.path).read_bytes() == content


@pytest.mark.parametrize("name", list(files.FORGED_DOCUMENTS))
def test_forged_documents_are_refused_with_a_reason(writer, name):
    before = Document.objects.count()
    message = errors(add_document(writer, name, files.FORGED_DOCUMENTS[name]()))
    assert message
    assert Document.objects.count() == before


def test_the_refusal_names_what_the_file_really_is(writer):
    message = errors(add_document(writer, "lesson.pdf", files.HTML))
    assert "HTML" in message and ".pdf" in message
    message = errors(add_document(writer, "report.pdf", files.docx()))
    assert "Word (DOCX)" in message and "Rename" in message


def test_multiple_upload_accepts_valid_and_refuses_forged_documents_in_json(writer):
    answer = multiple(writer, "document", "ផែនការមេរៀន.docx", files.docx())
    assert answer["success"] is True
    answer = multiple(writer, "document", "ផែនការមេរៀន.docx", files.EXE)
    assert answer["success"] is False
    assert "a program" in answer["error_message"]
    assert not Document.objects.filter(file__endswith=".docx", title__startswith="ផែនការ").count() > 1


def test_chooser_upload_refuses_forged_documents(writer):
    root = Collection.get_first_root_node()
    response = writer.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "x",
            "document-chooser-upload-file": upload("x.pdf", files.HTML),
            "document-chooser-upload-collection": root.pk,
        },
    )
    assert response.status_code == 200
    assert not Document.objects.filter(title="x").exists()
    assert "HTML" in response.content.decode()


def test_replacing_a_documents_file_is_checked_too(writer):
    assert add_document(writer, "lesson.pdf", files.pdf()).status_code == 302
    document = Document.objects.get(title="ឯកសារសាកល្បង")
    root = Collection.get_first_root_node()
    response = writer.post(
        reverse("wagtaildocs:edit", args=(document.pk,)),
        {"title": document.title, "file": upload("lesson.pdf", files.HTML), "collection": root.pk},
    )
    assert "HTML" in errors(response)
    document.refresh_from_db()
    assert Path(document.file.path).read_bytes().startswith(b"%PDF")


def test_oversize_document_is_refused_with_the_limit(writer, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2000
    message = errors(add_document(writer, "big.pdf", files.pdf() + b"\n%" + b"x" * 3000))
    assert "2.0\xa0KB" in message or "2.0 KB" in message
    assert not Document.objects.filter(title="ឯកសារសាកល្បង").exists()


def test_oversize_document_is_refused_in_khmer_for_a_khmer_admin(khmer_writer, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2000
    message = errors(add_document(khmer_writer, "big.pdf", files.pdf() + b"\n%" + b"x" * 3000))
    assert "ឯកសារនេះធំពេក" in message
    answer = multiple(khmer_writer, "document", "big.pdf", files.pdf() + b"\n%" + b"x" * 3000)
    assert answer["success"] is False and "ឯកសារនេះធំពេក" in answer["error_message"]


def test_forged_document_is_refused_in_khmer_for_a_khmer_admin(khmer_writer):
    message = errors(add_document(khmer_writer, "lesson.pdf", files.HTML))
    assert "HTML" in message and "មិនអាច" in message


# -- the admin's image views --------------------------------------------------------------------


@pytest.mark.parametrize("extension", list(files.VALID_IMAGES))
def test_valid_images_are_accepted_through_the_admin(writer, extension):
    response = add_image(writer, f"photo.{extension}", files.VALID_IMAGES[extension]())
    assert response.status_code == 302, errors(response)
    assert Image.objects.filter(title="រូបភាពសាកល្បង").count() == 1


@pytest.mark.parametrize("name", list(files.FORGED_IMAGES))
def test_forged_images_are_refused(writer, name):
    before = Image.objects.count()
    assert errors(add_image(writer, name, files.FORGED_IMAGES[name]()))
    assert Image.objects.count() == before


def test_multiple_image_upload_refuses_svg_named_png_in_json(writer):
    answer = multiple(writer, "image", "logo.png", files.SVG)
    assert answer["success"] is False and answer["error_message"]
    answer = multiple(writer, "image", "ព្រឹត្តិការណ៍.webp", files.image("WEBP"))
    assert answer["success"] is True


def test_pixel_bomb_is_refused(writer):
    bomb = files.pixel_bomb()
    assert len(bomb) < 100_000  # small on the wire, 81 million pixels once decoded
    message = errors(add_image(writer, "bomb.png", bomb))
    assert "pixels" in message
    assert not Image.objects.filter(title="រូបភាពសាកល្បង").exists()


def test_pixel_bomb_is_refused_in_khmer(khmer_writer):
    message = errors(add_image(khmer_writer, "bomb.png", files.pixel_bomb()))
    assert "ភីកសែល" in message


def test_oversize_image_is_refused_in_khmer(khmer_writer, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 500
    message = errors(add_image(khmer_writer, "photo.png", files.image("PNG", size=(300, 300))))
    assert "ធំពេក" in message


def test_officials_event_photo_upload_is_checked(client):
    official = make_user("photo_official", "Provincial officials", "07")
    client.force_login(official)
    answer = multiple(client, "image", "photo.jpg", files.HTML)
    assert answer["success"] is False


# -- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("មេរៀន ទី១ (ថ្មី).pdf", "មេរៀន_ទី១_(ថ្មី).pdf"),
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\win.pdf", "win.pdf"),
        (".hidden.pdf", "hidden.pdf"),
        ("a\x00b\u200b<script>.PDF", "abscript.pdf"),
        ("x" * 300 + ".pdf", "x" * 76 + ".pdf"),
    ],
)
def test_stored_names_are_safe_and_keep_khmer(name, stored):
    assert safe_file_name(name) == stored


def test_khmer_name_with_spaces_is_stored_and_served_right(writer, client, media):
    assert add_document(writer, "មេរៀន ទី១ គ្រឿងញៀន.pdf", files.pdf(), title="មេរៀន ទី១ គ្រឿងញៀន").status_code == 302
    document = Document.objects.get(title="មេរៀន ទី១ គ្រឿងញៀន")
    assert document.filename == "មេរៀន_ទី១_គ្រឿងញៀន.pdf"
    assert Path(document.file.path).resolve().is_relative_to(media.resolve())
    listing = writer.get(reverse("wagtaildocs:index")).content.decode()
    assert "មេរៀន ទី១ គ្រឿងញៀន" in listing
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 200
    assert "filename*=UTF-8''%E1%9E%98%E1%9F%81" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def raw_multipart(field_name, filename, content, fields):
    boundary = "----nacdboundary"
    parts = []
    for key, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{field_name}"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize("name", ["../../../outside.pdf", "..\\..\\outside.pdf", "/etc/cron.d/outside.pdf"])
def test_path_tricks_in_the_uploaded_name_stay_in_the_documents_folder(writer, media, name):
    body, content_type = raw_multipart(
        "file", name, files.pdf(), {"title": "ផ្លូវ", "collection": Collection.get_first_root_node().pk}
    )
    response = writer.generic("POST", reverse("wagtaildocs:add"), body, content_type=content_type)
    assert response.status_code == 302
    document = Document.objects.get(title="ផ្លូវ")
    assert document.file.name == "documents/outside.pdf"
    assert Path(document.file.path).resolve().parent == (media / "documents").resolve()
    assert not (media.parent / "outside.pdf").exists()


# -- serving ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"), [("old.html", files.HTML), ("old.svg", files.SVG), ("old.htm", files.HTML)]
)
def test_markup_already_stored_is_never_served_inline(client, media, name, content):
    """Files stored before these checks (or by other means) are downloads, under a policy that runs nothing."""

    document = Document(title="ចាស់", collection=Collection.get_first_root_node())
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_pdf_may_open_inline_but_office_files_download(client, writer):
    assert add_document(writer, "a.pdf", files.pdf(), title="a").status_code == 302
    assert add_document(writer, "b.docx", files.docx(), title="b").status_code == 302
    client.logout()
    pdf = client.get(Document.objects.get(title="a").url)
    docx = client.get(Document.objects.get(title="b").url)
    assert pdf["Content-Type"] == "application/pdf"
    assert docx["Content-Disposition"].startswith("attachment")
    for response in (pdf, docx):
        assert response["Content-Security-Policy"] == "default-src 'none'"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_check_upload_on_its_own_measures_size_first():
    big = SimpleUploadedFile("a.pdf", files.pdf())
    with pytest.raises(Exception) as refused:
        check_upload(big, ("pdf",), 10)
    assert refused.value.code == "file_too_large"
    assert check_upload(SimpleUploadedFile("a.pdf", files.pdf()), ("pdf",), None) == "pdf"
