"""Issue 19: a reader's answers are added in one statement per table, and the dashboard's per-question days
stay in step with the detailed counts."""

import datetime

import pytest

from django.db.models import Sum

from campaigns.models import CampaignPage
from campaigns.places import Province
from campaigns.quizzes import answers
from campaigns.quizzes.models import Quiz, QuizAnswerCount, QuizQuestionDay
from home.http.daily_counts import add_up
from home.security import rate_limits

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

DAY = datetime.date(2026, 3, 14)


@pytest.fixture
def quiz():
    return Quiz.objects.get(title_en="How much do you know about yama?")


def post(quiz, wrong=(), province=""):
    questions = list(quiz.questions.order_by("sort_order"))
    data = {"province": province}
    for index, question in enumerate(questions):
        codes = [code for code, _label in question.answers()]
        data[f"q{question.pk}"] = (
            next(c for c in codes if c != question.right_answer) if index in wrong else question.right_answer
        )
    return answers.check(quiz, questions, data)


def days_as_counted(quiz):
    return sorted(
        QuizQuestionDay.objects.filter(question__quiz=quiz).values_list(
            "day", "question_id", "campaign_id", "answers", "right"
        )
    )


def test_answers_without_a_province_or_campaign_add_to_one_row_not_a_new_one_each_time(quiz):
    QuizAnswerCount.objects.filter(quiz=quiz).delete()
    result = post(quiz, wrong=(0,))
    for _reader in range(3):
        answers.count(result, "km", None, day=DAY)  # no campaign, no province: both keys NULL
    rows = QuizAnswerCount.objects.filter(quiz=quiz, day=DAY)
    assert rows.count() == len(result.answers)
    assert set(rows.values_list("count", flat=True)) == {3}
    assert not QuizQuestionDay.objects.filter(question__quiz=quiz, day=DAY).exists()  # no campaign: not shown


def test_counting_keeps_the_per_question_days_equal_to_the_detailed_counts(quiz):
    campaign_id = quiz.counted_campaign_id()
    assert CampaignPage.objects.filter(pk=campaign_id).exists()
    QuizAnswerCount.objects.filter(quiz=quiz).delete()
    QuizQuestionDay.objects.filter(question__quiz=quiz).delete()
    kampot = Province.objects.get(code="07").code
    for day, wrong, province, language in [
        (DAY, (), "", "km"),
        (DAY, (0, 2), kampot, "km"),
        (DAY, (1,), kampot, "en"),
        (DAY + datetime.timedelta(days=1), (0,), "", "en"),
    ]:
        answers.count(post(quiz, wrong=wrong, province=province), language, campaign_id, day=day)
    counted = days_as_counted(quiz)
    first = quiz.questions.order_by("sort_order").first()
    assert (DAY, first.pk, campaign_id, 3, 2) in counted  # right, wrong, right on the first day
    assert sum(row[3] for row in counted) == QuizAnswerCount.objects.filter(quiz=quiz).aggregate(n=Sum("count"))["n"]
    answers.rebuild_question_days([quiz.pk])
    assert days_as_counted(quiz) == counted


def test_add_up_inserts_adds_and_returns_the_counts_after_the_addition():
    start = datetime.datetime(2026, 3, 14, 10, tzinfo=datetime.UTC)
    row = {
        "scope": "test",
        "key": "k",
        "window_start": start,
        "expires_at": start + datetime.timedelta(hours=1),
        "count": 2,
    }
    keys = ("scope", "key", "window_start")
    assert add_up(rate_limits.RateCount, [row], keys=keys, returning="count") == [2]
    assert add_up(rate_limits.RateCount, [row, {**row, "count": 5}], keys=keys, returning="count") == [9]
    assert add_up(rate_limits.RateCount, [{**row, "key": "other"}], keys=keys, returning="count") == [2]
    assert rate_limits.RateCount.objects.filter(scope="test").count() == 2
    assert add_up(rate_limits.RateCount, [], keys=keys) == []


def test_a_rate_limit_hit_counts_from_one_and_goes_on_in_its_window():
    assert [rate_limits.hit("test-scope", "client", seconds=3600) for _ in range(3)] == [1, 2, 3]
    assert rate_limits.count("test-scope", "client", seconds=3600) == 3
    assert rate_limits.hit("test-scope", "another", seconds=3600) == 1
