"""Issue 19: the kit's before/after check as an A4 PDF among the kit's files, for whoever may see the kit."""

import io
import time

import pytest
from pypdf import PdfReader

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation

from wagtail.models import PageViewRestriction

from campaigns.lessons.pages import LessonKitPage
from campaigns.quizzes import class_checks
from campaigns.quizzes.check_pdf import build_pdf

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

A4 = (595, 842)  # points, as PDF pages measure


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def kit():
    return LessonKitPage.objects.get(slug_en="yama-the-facts")


def pdf_url(kit, language):
    with translation.override("km"):
        return f"{kit.url}check/{language}/"


def pages(response):
    reader = PdfReader(io.BytesIO(response.content))
    return reader, " ".join(page.extract_text() for page in reader.pages)


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


def test_making_the_pdf_is_quick_and_a_made_one_is_kept(client, kit, capsys):
    check = class_checks.kit_check(kit)
    started = time.perf_counter()
    content = build_pdf(kit, check, "km")
    made = time.perf_counter() - started
    assert made < 5 and len(content) < 400_000
    client.get(pdf_url(kit, "km"))
    started = time.perf_counter()
    assert client.get(pdf_url(kit, "km")).content == client.get(pdf_url(kit, "km")).content
    kept = (time.perf_counter() - started) / 2
    with capsys.disabled():
        print(
            f"\ncheck PDF: made in {made * 1000:.0f} ms, {len(content) // 1024} KB; served kept in {kept * 1000:.0f} ms"
        )
