"""Issue 19: the teacher's class report carries the class's before/after results, typed or from a class code,
and the reach dashboard counts each class once."""

import datetime
import uuid

import pytest

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.users.models import UserProfile

from campaigns.lessons.class_reports import ClassReport
from campaigns.lessons.pages import LessonKitPage
from campaigns.places import Province
from campaigns.quizzes import class_checks
from campaigns.quizzes.before_after import before_after_figures
from campaigns.quizzes.class_checks import ClassCheckCount, Phase
from campaigns.quizzes.figures import share
from campaigns.quizzes.report_results import ClassReportResult

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

SCHOOL = "អនុវិទ្យាល័យសៀមប៉ាង"  # a lower secondary school in Stung Treng


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.fixture
def kit():
    return LessonKitPage.objects.get(slug_en="yama-the-facts")


@pytest.fixture
def questions(kit):
    return class_checks.kit_check(kit).question_list()


def report_url(kit, language="km"):
    with translation.override(language):
        return reverse("report_class", args=[kit.pk])


def stung_treng():
    province = Province.objects.get(code="19")
    return province, province.districts.order_by("code").first()


def report(questions=(), took=None, rights=None, **changes):
    """The form as the teacher sends it: 20 girls and 18 boys; ``rights`` per question as (before, after)."""
    province, district = stung_treng()
    data = {
        "school": SCHOOL,
        "province": province.pk,
        "district": district.pk,
        "date_taught": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "girls": "20",
        "boys": "18",
        "other": "",
        "website": "",
        "check_code": "",
        "check_took_before": took[0] if took else "",
        "check_took_after": took[1] if took else "",
    }
    for question, (before, after) in zip(questions, rights or [], strict=False):
        data[f"check_right_before_{question.pk}"] = before
        data[f"check_right_after_{question.pk}"] = after
    data.update(changes)
    return data


def results_of(saved):
    return [
        (r.question_id, r.answered_before, r.right_before, r.answered_after, r.right_after)
        for r in ClassReportResult.objects.filter(report=saved).order_by("question__sort_order")
    ]


def counted_code(kit, province=None, before=(10, 4), after=(10, 9), questions=()):
    """A class code whose students answered every question: ``(answered, right)`` before and after."""
    class_code = class_checks.new_code(class_checks.kit_check(kit), kit, province)
    for question in questions:
        for phase, (answered, right) in ((Phase.BEFORE, before), (Phase.AFTER, after)):
            ClassCheckCount.objects.create(
                class_code=class_code, question=question, phase=phase, right=True, count=right
            )
            ClassCheckCount.objects.create(
                class_code=class_code, question=question, phase=phase, right=False, count=answered - right
            )
    return class_code


def test_the_report_form_asks_for_each_question_of_the_kits_check(client, kit, questions):
    with translation.override("km"):
        page = client.get(kit.url).content.decode()
    assert 'name="check_code"' in page and 'name="check_took_before"' in page and 'name="check_took_after"' in page
    for question in questions:
        assert f'name="check_right_before_{question.pk}"' in page and f'name="check_right_after_{question.pk}"' in page
        assert question.text_km in page
    assert "លទ្ធផលនៃការត្រួតពិនិត្យមុន និងក្រោយមេរៀន" in page  # the fieldset's legend, in Khmer


def test_typed_results_in_khmer_digits_are_saved_and_staff_see_them(client, kit, questions):
    rights = [("១២", "៣០"), ("៨", "៣៥")] + [("២០", "៣៨")] * (len(questions) - 2)
    response = client.post(report_url(kit), report(questions, took=("៣៨", "៣៨"), rights=rights))
    assert response.status_code == 303, response.content.decode()[-3000:]
    saved = ClassReport.objects.latest("pk")
    assert saved.students == 38
    expected = [(questions[0].pk, 38, 12, 38, 30), (questions[1].pk, 38, 8, 38, 35)]
    expected += [(q.pk, 38, 20, 38, 38) for q in questions[2:]]
    assert results_of(saved) == expected
    assert all(r.class_code_id is None for r in saved.check_result_list())
    staff = get_user_model().objects.get(username="outreach")
    UserProfile.get_for_user(staff)
    UserProfile.objects.filter(user=staff).update(preferred_language="en")
    client.force_login(staff)
    screen = client.get(reverse("wagtailsnippets_campaigns_classreport:edit", args=[saved.pk])).content.decode()
    assert "Results of the check" in screen and "Typed by the teacher from the paper check." in screen
    assert questions[0].text_en in screen and "12 of 38 (31.6%)" in screen and "30 of 38 (78.9%)" in screen


def test_a_report_without_results_is_a_report_as_before(client, kit):
    assert client.post(report_url(kit), report()).status_code == 303
    assert ClassReport.objects.latest("pk").check_result_list() == []


def test_results_are_filled_from_a_class_code(client, kit, questions):
    class_code = counted_code(kit, questions=questions, before=(30, 11), after=(29, 25))
    response = client.post(report_url(kit), report(check_code=class_code.code.lower()))
    assert response.status_code == 303
    saved = ClassReport.objects.latest("pk")
    assert results_of(saved) == [(q.pk, 30, 11, 29, 25) for q in questions]
    assert {r.class_code_id for r in saved.check_result_list()} == {class_code.pk}
    # Students who answer later change nothing of the report: it keeps what the code held when it was received.
    ClassCheckCount.objects.filter(class_code=class_code, right=True).update(count=1)
    assert results_of(saved) == [(q.pk, 30, 11, 29, 25) for q in questions]


def test_an_expired_code_still_fills_the_report(client, kit, questions):
    """Codes last a day for the students' answers; the teacher often reports days later."""
    class_code = counted_code(kit, questions=questions)
    class_code.expires_at = timezone.now() - datetime.timedelta(days=3)
    class_code.save()
    assert client.post(report_url(kit), report(check_code=class_code.code)).status_code == 303
    assert len(results_of(ClassReport.objects.latest("pk"))) == len(questions)


def other_kit_code(kit, questions):
    other = LessonKitPage.objects.exclude(pk=kit.pk).first()
    class_code = counted_code(kit, questions=questions)
    class_code.kit = other
    class_code.save()
    return class_code


@pytest.mark.parametrize(
    ("code", "message_en"),
    [
        (lambda kit, qs: "ZZZZZZ", "No class has this code. Check the code the kit page gave you."),
        (other_kit_code, "This class code is for another lesson kit."),
        (
            lambda kit, qs: class_checks.new_code(class_checks.kit_check(kit), kit).code,
            "No student has answered with this class code yet.",
        ),
        (
            lambda kit, qs: counted_code(kit, questions=qs, before=(45, 20), after=(45, 30)).code,
            None,  # "45 students answered with this class code, more than the 38 students of the class."
        ),
    ],
    ids=["unknown", "another-kit", "no-answers", "more-than-the-class"],
)
def test_a_wrong_code_says_so_in_khmer_on_its_field_and_keeps_what_was_typed(client, kit, questions, code, message_en):
    typed = code(kit, questions)
    before = ClassReport.objects.count()
    response = client.post(report_url(kit), report(check_code=typed))
    assert response.status_code == 400
    page = response.content.decode()
    with translation.override("km"):
        message = translation.gettext(message_en) if message_en else None
    if message is not None:
        assert message in page and message != message_en, message
    else:
        assert "៤៥" in page and "៣៨" in page  # the class's numbers, in Khmer digits
    assert 'class="field field--error"><label for="id_check_code"' in page
    assert f'value="{typed}"' in page and SCHOOL in page  # nothing lost of what was typed
    assert "សូមមើលសារពណ៌ក្រហមខាងក្រោម" in page  # at the top of the form: the message is further down
    assert ClassReport.objects.count() == before


def test_a_code_fills_one_report_only_and_is_not_given_with_typed_numbers(client, kit, questions):
    class_code = counted_code(kit, questions=questions)
    assert client.post(report_url(kit), report(check_code=class_code.code)).status_code == 303
    again = client.post(report_url(kit), report(check_code=class_code.code), HTTP_ACCEPT="application/json")
    assert again.status_code == 400
    with translation.override("km"):
        used = translation.gettext("The results of this class code are already in another report.")
    assert any(used in error for error in again.json()["errors"]), again.json()
    fresh = counted_code(kit, questions=questions)
    both = client.post(report_url(kit), report(questions, took=("38", ""), rights=[("10", "")], check_code=fresh.code))
    assert both.status_code == 400 and not ClassReportResult.objects.filter(class_code=fresh).exists()


def test_more_right_than_answered_is_refused_with_the_khmer_message(client, kit, questions):
    rights = [("៤០", "៣០")] + [("១០", "២០")] * (len(questions) - 1)
    before = ClassReport.objects.count()
    page = client.post(report_url(kit), report(questions, took=("៣៥", "៣៥"), rights=rights))
    assert page.status_code == 400
    with translation.override("km"):
        expected = translation.gettext(
            "%(right)s answered right, more than the %(took)s students who took the check."
        ) % {"right": "៤០", "took": "៣៥"}
    assert expected.startswith("៤០ នាក់ឆ្លើយត្រូវ") and expected in page.content.decode()
    # The phone's queue gets the same refusal as JSON: 400, the reason in Khmer, nothing saved.
    queued = client.post(
        report_url(kit),
        report(questions, took=("៣៥", "៣៥"), rights=rights, offline_id=str(uuid.uuid4())),
        HTTP_ACCEPT="application/json",
    )
    assert queued.status_code == 400 and queued.json()["status"] == "refused"
    assert any(expected in error for error in queued.json()["errors"])
    assert ClassReport.objects.count() == before


@pytest.mark.parametrize(
    ("took", "rights", "field", "message_en"),
    [
        (
            ("40", ""),
            [("10", "")],
            "check_took_before",
            "students took the check, more than the 38 students of the class.",
        ),
        (("", ""), [("10", "20")], "check_took_before", "Write how many students took the check."),
        (("30", "30"), [("10", "")], "check_right_after_", "Write how many answered this question right (0 if none)."),
        (("-2", "30"), [("0", "20")], "check_took_before", "A number of students cannot be below 0."),
        (("ដប់", "30"), [("0", "20")], "check_took_before", "Write a number of students, in Khmer or Latin digits."),
    ],
    ids=["more-than-the-class", "no-number-who-took", "missing-right", "negative", "not-a-number"],
)
def test_impossible_numbers_are_refused_never_a_500(client, kit, questions, took, rights, field, message_en):
    rights = rights + [("0", "0")] * (len(questions) - len(rights))
    response = client.post(report_url(kit, "en"), report(questions, took=took, rights=rights))
    assert response.status_code == 400
    page = response.content.decode()
    assert message_en in page
    assert f'field field--error"><label for="id_{field}' in page
    queued = client.post(
        report_url(kit, "km"), report(questions, took=took, rights=rights), HTTP_ACCEPT="application/json"
    )
    assert queued.status_code == 400 and queued.json()["errors"]


def test_the_dashboard_counts_reports_and_codes_without_counting_a_class_twice(client, kit, questions):
    kampot = Province.objects.get(code="07")
    stung_treng_province, _district = stung_treng()
    n = len(questions)

    def totals():
        grouped = before_after_figures(kit_ids=[kit.pk])
        return {
            phase: [sum(entry[phase][i] for entry in grouped.values()) for i in (0, 1)] for phase in ("before", "after")
        }

    def kampot_answers():
        entry = before_after_figures(kit_ids=[kit.pk], province_id=kampot.pk).get((kit.pk, kampot.pk))
        return entry["before"][0] if entry else 0

    def stung_treng_answers():
        key = (kit.pk, stung_treng_province.pk)
        entry = before_after_figures(kit_ids=[kit.pk], province_id=stung_treng_province.pk).get(key)
        entry = entry or {"before": [0, 0], "after": [0, 0]}
        return [*entry["before"], *entry["after"]]

    start = totals()
    st_start = dict(zip(("before", "after"), (stung_treng_answers()[:2], stung_treng_answers()[2:]), strict=True))
    # A class answers with a code given in Kampot: counted by the code while no accepted report names it.
    class_code = counted_code(kit, kampot, before=(30, 12), after=(30, 27), questions=questions)
    with_code = totals()
    kampot_with_code = kampot_answers()
    assert with_code["before"] == [start["before"][0] + 30 * n, start["before"][1] + 12 * n]
    # The teacher reports it from the code, and another class typed from paper; a third report waits for review.
    assert client.post(report_url(kit), report(check_code=class_code.code)).status_code == 303
    from_code = ClassReport.objects.latest("pk")
    typed = [("10", "30")] * n
    assert client.post(report_url(kit), report(questions, took=("36", "35"), rights=typed)).status_code == 303
    from_paper = ClassReport.objects.latest("pk")
    pending = [("30", "30")] * n
    assert client.post(report_url(kit), report(questions, took=("38", "38"), rights=pending)).status_code == 303
    assert totals() == with_code  # pending reports count nothing
    ClassReport.objects.filter(pk__in=[from_code.pk, from_paper.pk]).update(status=ClassReport.Status.ACCEPTED)
    accepted = totals()
    assert accepted["before"] == [with_code["before"][0] + 36 * n, with_code["before"][1] + 10 * n]
    assert accepted["after"] == [with_code["after"][0] + 35 * n, with_code["after"][1] + 30 * n]
    # The coded class now counts under the report's province (Stung Treng), no longer under the code's (Kampot).
    assert stung_treng_answers() == [
        st_start["before"][0] + (30 + 36) * n,
        st_start["before"][1] + (12 + 10) * n,
        st_start["after"][0] + (30 + 35) * n,
        st_start["after"][1] + (27 + 30) * n,
    ]
    assert kampot_answers() == kampot_with_code - 30 * n
    # The dashboard's export says the same share, for the kit in Stung Treng.
    staff = get_user_model().objects.get(username="outreach")
    UserProfile.get_for_user(staff)
    UserProfile.objects.filter(user=staff).update(preferred_language="en")
    client.force_login(staff)
    rows = client.get(reverse("reach_export", args=("json",)), {"start": "2000-01-01"}).json()["rows"]
    item = f"{kit.title_en} · {stung_treng_province.name_en}"
    shown = {r["section"][:29]: r["value"] for r in rows if r["item"] == item}
    figures = stung_treng_answers()
    assert shown == {
        "Classes' checks before the le": share(figures[0], figures[1]),
        "Classes' checks after the les": share(figures[2], figures[3]),
    }, shown
    client.logout()
    # A rejected report no longer counts; its code's counts come back.
    ClassReport.objects.filter(pk=from_code.pk).update(status=ClassReport.Status.REJECTED)
    assert totals()["before"] == [with_code["before"][0] + 36 * n, with_code["before"][1] + 10 * n]


def test_two_reports_sent_at_the_same_instant_with_one_code_save_it_once(client, kit, questions, monkeypatch):
    """The second report passed the form's check before the first was saved: its save finds the code taken and
    nothing of it is kept; the teacher is told why (409), as the phone's queue is."""
    from campaigns.quizzes import report_results

    class_code = counted_code(kit, questions=questions)
    assert client.post(report_url(kit), report(check_code=class_code.code)).status_code == 303
    before = ClassReport.objects.count()
    checks = iter([False])  # the form's check sees the code free; the save sees it taken
    real = report_results.code_reported
    monkeypatch.setattr(report_results, "code_reported", lambda code: next(checks, real(code)))
    queued = client.post(
        report_url(kit),
        report(check_code=class_code.code, offline_id=str(uuid.uuid4())),
        HTTP_ACCEPT="application/json",
    )
    assert queued.status_code == 409 and queued.json()["status"] == "refused"
    with translation.override("km"):
        used = translation.gettext("The results of this class code are already in another report.")
    assert any(used in error for error in queued.json()["errors"])
    assert ClassReport.objects.count() == before
    assert ClassReportResult.objects.filter(class_code=class_code).values("report").distinct().count() == 1


def test_the_demos_classes_taught_carry_results_and_the_class_from_a_code_counts_once(kit):
    reports = ClassReport.objects.filter(kit=kit)
    assert reports.count() >= 3 and all(report.check_results.exists() for report in reports)
    typed = ClassReportResult.objects.filter(report__in=reports, class_code=None)
    assert sum(r.right_after for r in typed) > sum(r.right_before for r in typed)  # the lesson taught something
    assert all(r.right_before <= r.answered_before <= r.report.girls + r.report.boys for r in typed)
    from_code = ClassReportResult.objects.filter(report__in=reports).exclude(class_code=None)
    (report,) = {r.report for r in from_code}
    code = from_code.first().class_code
    assert code.kit_id == kit.pk and report.status == ClassReport.Status.ACCEPTED
    # The code's own counts are left out: its class counts once, from the report.
    grouped = before_after_figures(kit_ids=[kit.pk])
    accepted = ClassReportResult.objects.filter(report__kit=kit, report__status=ClassReport.Status.ACCEPTED)
    left_out = ClassCheckCount.objects.filter(class_code=code, phase=Phase.BEFORE)
    assert left_out.exists()
    counts = ClassCheckCount.objects.filter(class_code__kit=kit, phase=Phase.BEFORE).exclude(class_code=code)
    expected = sum(r.answered_before for r in accepted) + sum(c.count for c in counts)
    assert sum(entry["before"][0] for entry in grouped.values()) == expected
