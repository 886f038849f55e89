"""Journey 2 at phone size in Khmer: a grade-8 teacher finds a kit, downloads it, reports the class."""

import io
import zipfile

import pytest

from tests.browser.conftest import assert_accessible, screenshot, site_shell

pytestmark = pytest.mark.browser


def test_teacher_finds_downloads_and_reports_a_kit(live_site, site_env, only_local_requests):
    phone = only_local_requests
    phone.goto(live_site + "/km/lesson-kits/")
    # Step 1: lower secondary and methamphetamine, with the form (no JavaScript needed).
    phone.select_option("#grade", "lower_secondary")
    phone.select_option("#topic", "methamphetamine")
    phone.get_by_role("button", name="បង្ហាញកញ្ចប់មេរៀន").click()
    phone.wait_for_url("**/lesson-kits/?grade=lower_secondary&topic=methamphetamine**")
    assert phone.locator("#grade").input_value() == "lower_secondary"
    cards = phone.locator(".kit-card")
    assert cards.count() >= 1
    screenshot(phone, "kit-index-km-360")
    assert_accessible(phone, "kit index km")

    # Step 2: the 45-minute kit.
    phone.locator(".kit-card h2 a", has_text="យ៉ាម៉ា").first.click()
    phone.wait_for_load_state()
    assert "៤៥" in phone.locator(".meta").first.inner_text()
    assert phone.locator("#objectives-heading + ul li").count() >= 3
    assert phone.locator(".steps h3").count() >= 4
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "kit-km-360")
    assert_accessible(phone, "kit km")

    # Step 3: one worksheet, then the whole kit as a ZIP; sizes are shown beside each file.
    files = phone.locator(".kit-files .downloads li")
    assert files.count() == 4
    assert "PDF" in files.first.inner_text()
    worksheet = phone.locator(".kit-files .downloads a", has_text="សន្លឹកកិច្ចការ").first
    with phone.expect_download() as info:
        worksheet.click()
    download = info.value
    data = open(download.path(), "rb").read()
    assert data.startswith(b"%PDF")
    document_size = site_shell(
        site_env,
        "from wagtail.documents.models import Document as D; "
        f"print(D.objects.get(title={download.suggested_filename.rsplit('.', 1)[0]!r}).file.size)",
    )
    assert len(data) == int(document_size)
    with phone.expect_download() as info:
        phone.locator(".zip-links a").first.click()
    archive = zipfile.ZipFile(io.BytesIO(open(info.value.path(), "rb").read()))
    names = archive.namelist()  # the kit's two Khmer files and its before/after check, to print
    assert len(names) == 3 and all(n.startswith("km/") for n in names)
    assert "km/ការត្រួតពិនិត្យមុន-ក្រោយមេរៀន.pdf" in names

    # Step 4: report 38 students (20 girls, 18 boys), first with a mistake.
    province_id = site_shell(
        site_env, "from campaigns.places import Province; print(Province.objects.get(code='19').pk)"
    )
    district_id = site_shell(
        site_env, "from campaigns.places import Province; print(Province.objects.get(code='19').districts.first().pk)"
    )
    phone.fill("#id_school", "អនុវិទ្យាល័យស្ទឹងត្រែង")
    phone.select_option("#id_province", province_id)
    phone.select_option("#id_district", district_id)
    phone.fill("#id_date_taught", "2099-01-01")
    phone.fill("#id_girls", "២០")
    phone.fill("#id_boys", "18")
    # The form is sent once the page has checked that the site answers (home/static/js/offline.js).
    with phone.expect_navigation():
        phone.get_by_role("button", name="ផ្ញើរបាយការណ៍").click()
    assert "កាលបរិច្ឆេទបង្រៀនមិនអាចជាថ្ងៃអនាគតបានទេ។" in phone.locator("#report").inner_text()
    assert phone.input_value("#id_school") == "អនុវិទ្យាល័យស្ទឹងត្រែង", "what was typed is kept"
    screenshot(phone, "kit-report-error-km-360")
    phone.fill(
        "#id_date_taught",
        site_shell(site_env, "import datetime; print(datetime.date.today() - datetime.timedelta(days=2))"),
    )
    phone.get_by_role("button", name="ផ្ញើរបាយការណ៍").click()
    phone.wait_for_url("**?reported=1#report")
    assert phone.locator("#report .notice").is_visible()
    stored = site_shell(
        site_env,
        "from campaigns.lessons.class_reports import ClassReport as R; r = R.objects.latest('pk'); "
        "print(r.school, r.girls, r.boys, r.students, r.status)",
    )
    assert stored == "អនុវិទ្យាល័យស្ទឹងត្រែង 20 18 38 pending"
    assert phone.context.cookies() == [], "no cookie for a teacher who reads, downloads and reports"


def test_lesson_plan_prints_cleanly(live_site, phone):
    phone.goto(live_site + "/en/lesson-kits/yama-the-facts/")
    phone.emulate_media(media="print")
    assert not phone.locator(".site-header").is_visible()
    assert not phone.locator(".report-form").is_visible()
    assert not phone.locator(".kit-files").is_visible()
    assert phone.locator(".steps").is_visible()
    pdf = phone.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
