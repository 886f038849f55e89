"""Issue 19: before/after checks of lesson kits, printed with the kit or answered with a class code."""

import datetime
import re

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.users.models import UserProfile

from campaigns.lessons.pages import LessonKitPage
from campaigns.places import Province
from campaigns.quizzes import class_checks
from campaigns.quizzes.before_after import before_after_figures
from campaigns.quizzes.class_checks import ClassCheckCount, ClassCode
from campaigns.quizzes.figures import share

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


@pytest.fixture
def kit():
    return LessonKitPage.objects.get(slug_en="yama-the-facts")


@pytest.fixture
def check(kit):
    return class_checks.kit_check(kit)


def answers(check, right=True, **extra):
    data = {}
    for question in check.questions.order_by("sort_order"):
        codes = [code for code, _label in question.answers()]
        data[f"q{question.pk}"] = (
            question.right_answer if right else next(c for c in codes if c != question.right_answer)
        )
    data.update(extra)
    return data


def counted():
    return sum(ClassCheckCount.objects.values_list("count", flat=True))


def test_the_kit_page_carries_its_printable_check_and_a_class_code_form(client, kit, check):
    with translation.override("en"):
        body = client.get(kit.url).content.decode()
    assert 'id="check"' in body and check.questions.first().text_en in body
    assert f'action="{reverse("quizzes:class_code", args=(kit.pk,))}"'.replace("/km/", "/en/") in body
    assert "quiz-form" not in body  # the check is not the page's reader quiz


def test_a_class_answers_before_and_after_with_a_code_and_the_teacher_reads_the_counts(client, kit, check):
    kampot = Province.objects.get(code="07")
    response = client.post(reverse("quizzes:class_code", args=(kit.pk,)), {"province": "07"})
    assert response.status_code == 200 and not response.cookies
    class_code = ClassCode.objects.latest("pk")
    assert class_code.code in response.content.decode() and class_code.province == kampot
    assert abs((class_code.expires_at - timezone.now()) - datetime.timedelta(days=1)) < datetime.timedelta(minutes=1)
    assert re.fullmatch(f"[{class_checks.CODE_ALPHABET}]{{6}}", class_code.code)
    entry = client.get(reverse("quizzes:class_entry"), {"code": class_code.code.lower()})
    assert entry.status_code == 302 and entry["Location"].endswith(f"/class/{class_code.code}/")
    form = client.get(entry["Location"]).content.decode()
    assert 'name="phase"' in form and reverse("quizzes:class_answer", args=(class_code.code,)) in form
    url = reverse("quizzes:class_answer", args=(class_code.code,))
    assert client.post(url, answers(check, right=False, phase="before")).status_code == 200
    assert client.post(url, answers(check, right=True, phase="before")).status_code == 200
    assert client.post(url, answers(check, right=True, phase="after")).status_code == 200
    questions = check.questions.count()
    assert (
        counted() - sum(ClassCheckCount.objects.exclude(class_code=class_code).values_list("count", flat=True))
        == 3 * questions
    )
    with translation.override("km"):
        results = client.get(reverse("quizzes:class_results", args=(class_code.code,))).content.decode()
    assert "១ ក្នុងចំណោម ២" in results and "១ ក្នុងចំណោម ១" in results
    rows = class_checks.class_results(class_code)
    assert all(row[1:] == (2, 1, 1, 1) for row in rows)
    grouped = before_after_figures(kit_ids=[kit.pk], province_id=kampot.pk)
    mine = grouped[(kit.pk, kampot.pk)]
    assert mine["after"][0] >= questions and mine["before"][0] >= 2 * questions


def test_bad_class_posts_count_nothing(client, kit, check):
    class_code = class_checks.new_code(check, kit)
    url = reverse("quizzes:class_answer", args=(class_code.code,))
    before = counted()
    missing_phase = client.post(url, answers(check))
    with translation.override("km"):
        message = translation.gettext("Say whether you answer before or after the lesson.")
    assert missing_phase.status_code == 400 and message.startswith("សូម") and message in missing_phase.content.decode()
    assert client.post(url, answers(check, phase="during")).status_code == 400
    assert client.post(url, answers(check, phase="after"), HTTP_ORIGIN="https://evil.example").status_code == 403
    ClassCode.objects.filter(pk=class_code.pk).update(answers=class_checks.MAX_ANSWERS_PER_CODE)
    assert client.post(url, answers(check, phase="after")).status_code == 429
    ClassCode.objects.filter(pk=class_code.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    expired = client.post(url, answers(check, phase="after"))
    with translation.override("km"):
        gone = translation.gettext("This class code has expired: codes last one day. Ask your teacher for a new one.")
    assert expired.status_code == 410 and gone in expired.content.decode() and gone.startswith("លេខកូដ")
    assert client.get(reverse("quizzes:class_quiz", args=(class_code.code,))).status_code == 410
    assert counted() == before
    with translation.override("en"):
        unknown = client.get(reverse("quizzes:class_entry"), {"code": "ZZZZZZ"})
    assert unknown.status_code == 404 and "No class has this code" in unknown.content.decode()
    assert client.get("/en/quizzes/class/<script>/").status_code == 404
    assert client.post(reverse("quizzes:class_code", args=(kit.pk,)), {"province": "99"}).status_code == 400


def test_the_reach_dashboard_shows_before_and_after_by_kit_and_province(client, kit):
    user = get_user_model().objects.get(username="outreach")
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language="en")
    client.force_login(user)
    grouped = before_after_figures(kit_ids=[kit.pk])
    (kit_id, province_id), entry = sorted(grouped.items(), key=lambda item: item[0][1] or 0)[0]
    province = Province.objects.get(pk=province_id)
    response = client.get(reverse("reach_export", args=("json",)), {"start": "2000-01-01"})
    rows = response.json()["rows"]
    item = f"{kit.title_en} · {province.name_en}"
    before = [r for r in rows if r["item"] == item and r["section"].startswith("Classes' checks before")]
    after = [r for r in rows if r["item"] == item and r["section"].startswith("Classes' checks after")]
    assert before[0]["value"] == share(*entry["before"])
    assert after[0]["value"] == share(*entry["after"])
    assert after[0]["value"] > before[0]["value"]  # the demo classes learned something


def test_the_dashboard_draws_before_and_after_side_by_side_for_each_kit_and_province():
    from campaigns.reach.views import before_after_chart, labels

    with translation.override("km"):
        lab = labels()
        rows = [
            (lab["check_before"], "យ៉ាម៉ា៖ ការពិតនៅពីក្រោយគ្រាប់ថ្នាំ · កំពត", 42.5),
            (lab["check_after"], "យ៉ាម៉ា៖ ការពិតនៅពីក្រោយគ្រាប់ថ្នាំ · កំពត", 85),
            (lab["by_province"], "កំពត", 120),  # other sections are not drawn here
        ]
        chart = before_after_chart(rows, lab)
        assert chart.startswith("<svg") and "<script" not in chart
        assert "មុនមេរៀន" in chart and "ក្រោយមេរៀន" in chart  # the two series, named in Khmer
        assert "៤២,៥" in chart or "៤២.៥" in chart  # values in Khmer digits
        assert "៨៥" in chart and "១២០" not in chart
        assert before_after_chart(rows[2:], lab) == ""
