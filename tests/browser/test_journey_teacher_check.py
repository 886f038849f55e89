"""Journey 2, before and after (issue 19), at phone size in Khmer: the teacher downloads the check to print, then
types the class's results into the class report, first with a mistake the form explains in Khmer."""

import pytest

from tests.browser.conftest import assert_accessible, screenshot, site_shell

pytestmark = pytest.mark.browser


def test_teacher_prints_the_check_and_types_the_results_into_the_report(live_site, site_env, only_local_requests):
    phone = only_local_requests
    kit_path = site_shell(
        site_env,
        "from django.utils import translation; from campaigns.lessons.pages import LessonKitPage as K; "
        "translation.activate('km'); print(K.objects.get(slug_en='yama-the-facts').url)",
    )
    phone.goto(live_site + kit_path)

    # The check to print is among the kit's files: an A4 PDF.
    check_link = phone.locator(".kit-files .check-files a", has_text="ការត្រួតពិនិត្យមុន និងក្រោយមេរៀន").first
    with phone.expect_download() as info:
        check_link.click()
    assert open(info.value.path(), "rb").read().startswith(b"%PDF")

    # The report, with the results of the paper check: 38 students before and after, Khmer digits.
    province_id = site_shell(
        site_env, "from campaigns.places import Province; print(Province.objects.get(code='19').pk)"
    )
    district_id = site_shell(
        site_env, "from campaigns.places import Province; print(Province.objects.get(code='19').districts.first().pk)"
    )
    phone.fill("#id_school", "អនុវិទ្យាល័យសៀមប៉ាង")
    phone.select_option("#id_province", province_id)
    phone.select_option("#id_district", district_id)
    phone.fill(
        "#id_date_taught",
        site_shell(site_env, "import datetime; print(datetime.date.today() - datetime.timedelta(days=1))"),
    )
    phone.fill("#id_girls", "២០")
    phone.fill("#id_boys", "១៨")
    check = phone.locator(".report-check")
    check.scroll_into_view_if_needed()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360, "the results fit a phone's width"
    phone.fill("#id_check_took_before", "៣៨")
    phone.fill("#id_check_took_after", "៣៨")
    before = check.locator("input[name^=check_right_before_]")
    after = check.locator("input[name^=check_right_after_]")
    assert before.count() == after.count() >= 3
    typed = [("១២", "៤០"), ("៨", "៣៥"), ("២០", "៣៦")]  # ៤០ after: more than the 38 who took the check
    for i in range(before.count()):
        b, a = typed[i] if i < len(typed) else ("០", "០")
        before.nth(i).fill(b)
        after.nth(i).fill(a)
    screenshot(phone, "kit-report-check-km-360")
    with phone.expect_navigation():
        phone.get_by_role("button", name="ផ្ញើរបាយការណ៍").click()
    report = phone.locator("#report")
    assert "៤០ នាក់ឆ្លើយត្រូវ ច្រើនជាងសិស្ស ៣៨ នាក់ដែលបានធ្វើការត្រួតពិនិត្យ។" in report.inner_text()
    first_after = phone.locator(".report-check input[name^=check_right_after_]").first
    assert first_after.input_value() == "៤០", "what was typed is kept"
    first_after.scroll_into_view_if_needed()
    screenshot(phone, "kit-report-check-error-km-360")
    assert_accessible(phone, "kit report check km")
    first_after.fill("៣០")
    phone.get_by_role("button", name="ផ្ញើរបាយការណ៍").click()
    phone.wait_for_url("**?reported=1#report")
    stored = site_shell(
        site_env,
        "from campaigns.lessons.class_reports import ClassReport as R; r = R.objects.latest('pk'); "
        "print(r.students, [(x.answered_before, x.right_before, x.answered_after, x.right_after) "
        "for x in r.check_result_list()][:3])",
    )
    assert stored == "38 [(38, 12, 38, 30), (38, 8, 38, 35), (38, 20, 38, 36)]"
    assert phone.context.cookies() == []
