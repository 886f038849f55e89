"""Issue 19: the kit's before/after check as an A4 PDF among the kit's files and in its ZIPs, for whoever may see
the kit, and counted in the kit's reach as its files are."""

import io
import zipfile

import pytest
from pypdf import PdfReader

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.utils import timezone, translation

from wagtail.models import PageViewRestriction

from campaigns.lessons.downloads import DownloadCount, build_zip
from campaigns.lessons.pages import LessonKitPage
from campaigns.quizzes import check_pdf, class_checks

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

A4 = (595, 842)  # points, as PDF pages measure
PHONE = "Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def kit():
    return LessonKitPage.objects.get(slug_en="yama-the-facts")


def pdf_url(kit, language):
    with translation.override("km"):
        return f"{kit.url}check/{language}/"


def pages_of(content):
    reader = PdfReader(io.BytesIO(content))
    return reader, " ".join(page.extract_text() for page in reader.pages)


def pages(response):
    return pages_of(response.content)


def test_the_kit_page_lists_the_checks_pdf_among_its_files(client, kit):
    with translation.override("km"):
        page = client.get(kit.url).content.decode()
    files = page[page.index('class="check-files"') : page.index("</section>", page.index('class="kit-files"'))]
    assert f'href="{pdf_url(kit, "km")}" download' in files and "PDF, A4" in files
    assert "ការត្រួតពិនិត្យមុន និងក្រោយមេរៀន សម្រាប់បោះពុម្ពឱ្យថ្នាក់" in files
    check = page[page.index('id="check"') :]
    assert f'href="{pdf_url(kit, "km")}" download>ទាញយកការត្រួតពិនិត្យសម្រាប់បោះពុម្ព (PDF, A4)' in check


def test_a_public_kits_check_is_an_a4_pdf_in_khmer_with_its_questions(client, kit):
    response = client.get(pdf_url(kit, "km"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-cache" and not response.cookies
    reader, text = pages(response)
    assert all(tuple(round(v) for v in page.mediabox[2:]) == A4 for page in reader.pages)
    assert b"NotoSansKhmer" in response.content  # the Khmer font embedded (a subset), the text shaped by HarfBuzz
    # Khmer text comes back out of the PDF (shaped clusters, such as a stacked subscript, come back as glyphs
    # with no letters of their own: they show the text was shaped, not laid out letter by letter).
    assert "ពិនិត្យ" in text and "ចំនួនអ្នក" in text and "ទី ១" in text
    assert any(ord(ch) < 32 and ch not in "\n " for ch in text)


def test_the_english_check_and_a_language_the_check_is_not_written_in(client, kit):
    english = client.get(pdf_url(kit, "en"))
    assert english.status_code == 200
    _reader, text = pages(english)
    check = class_checks.kit_check(kit)
    assert "Before and after check" in text and check.questions.order_by("sort_order").first().text_en[:20] in text
    assert client.get(pdf_url(kit, "fr")).status_code == 404


def test_a_restricted_kits_check_asks_for_sign_in_and_is_kept_by_nothing(client, kit):
    PageViewRestriction.objects.create(page=kit, restriction_type=PageViewRestriction.LOGIN)
    refused = client.get(pdf_url(kit, "km"))
    assert refused.status_code == 302 and "/login/" in refused["Location"]
    client.force_login(get_user_model().objects.get(username="outreach"))
    allowed = client.get(pdf_url(kit, "km"))
    assert allowed.status_code == 200 and {"private", "no-store"} <= set(allowed["Cache-Control"].split(", "))


def test_a_kit_without_a_published_check_has_no_pdf(client, kit):
    check = class_checks.kit_check(kit)
    check.live = False
    check.save()
    assert client.get(pdf_url(kit, "km")).status_code == 404
    with translation.override("km"):
        assert f"{kit.url}check/km/" not in client.get(kit.url).content.decode()


def test_a_made_pdf_is_kept_and_made_again_only_for_a_new_version(client, kit, monkeypatch):
    made = []
    real = check_pdf.build_pdf
    monkeypatch.setattr(check_pdf, "build_pdf", lambda *args: made.append(args) or real(*args))
    first = client.get(pdf_url(kit, "km")).content
    assert client.get(pdf_url(kit, "km")).content == first and len(made) == 1
    assert len(first) < 400_000  # a phone's download: the fonts are subset
    check = class_checks.kit_check(kit)
    check.save_revision().publish()
    client.get(pdf_url(kit, "km"))
    assert len(made) == 2


def zip_of(client, kit, language):
    with translation.override("en"):
        response = client.get(f"{kit.url}zip/{language}/", HTTP_USER_AGENT=PHONE)
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_kits_zips_hold_the_check_pdf_in_their_language(client, kit):
    everything = zip_of(client, kit, "all")
    checks = sorted(name for name in everything.namelist() if "check" in name or "ការត្រួតពិនិត្យ" in name)
    assert checks == ["en/Before-and-after check.pdf", "km/ការត្រួតពិនិត្យមុន-ក្រោយមេរៀន.pdf"]
    assert everything.read(checks[1]) == client.get(pdf_url(kit, "km")).content
    _reader, text = pages_of(everything.read(checks[1]))
    assert "ពិនិត្យ" in text
    khmer = zip_of(client, kit, "km").namelist()
    assert "km/ការត្រួតពិនិត្យមុន-ក្រោយមេរៀន.pdf" in khmer and all(name.startswith("km/") for name in khmer)


def test_a_zip_is_built_again_when_the_check_changes_and_leaves_out_an_unpublished_one(kit):
    first = build_zip(kit, "km")
    check = class_checks.kit_check(kit)
    check.save_revision().publish()
    second = build_zip(kit, "km")
    assert second != first and not default_storage.exists(first)
    check.unpublish()
    third = build_zip(kit, "km")
    with default_storage.open(third, "rb") as handle:
        names = zipfile.ZipFile(io.BytesIO(handle.read())).namelist()
    assert names and not [name for name in names if "ការត្រួតពិនិត្យ" in name]


def test_a_restricted_kits_zip_does_not_carry_its_check(kit):
    PageViewRestriction.objects.create(page=kit, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert check_pdf.zip_entries(kit, "all") == []


def test_check_pdf_downloads_count_in_the_kits_reach_and_robots_do_not(client, kit):
    def counted():
        row = DownloadCount.objects.filter(kit=kit, target="check:km", day=timezone.localdate()).first()
        return row.count if row else 0

    before = counted()  # the test client closes each answer, as a server does once it is sent
    client.get(pdf_url(kit, "km"), HTTP_USER_AGENT=PHONE)
    client.get(pdf_url(kit, "km"), HTTP_USER_AGENT=PHONE)
    client.get(pdf_url(kit, "km"), HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    client.head(pdf_url(kit, "km"), HTTP_USER_AGENT=PHONE)
    assert counted() == before + 2
    row = DownloadCount.objects.get(kit=kit, target="check:km", day=timezone.localdate())
    assert row.language == "km" and row.document_id is None
    client.get(pdf_url(kit, "fr"), HTTP_USER_AGENT=PHONE)
    assert not DownloadCount.objects.filter(kit=kit, target="check:fr").exists()
