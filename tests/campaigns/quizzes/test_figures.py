"""Issue 19: staff see what readers know on the reach dashboard; every figure checked against known answers."""

import csv
import datetime
import io
import json

import pytest
from openpyxl import load_workbook

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.users.models import UserProfile

from campaigns.models import CampaignIndexPage, CampaignPage, Province
from campaigns.quizzes.answers import rebuild_question_days
from campaigns.quizzes.figures import MYTH_MIN_ANSWERS, knowledge_figures
from campaigns.quizzes.models import Quiz, QuizAnswerCount, QuizQuestion

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

START, END = datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)
DAY = datetime.date(2026, 1, 5)


def tf(order, text_en, right):
    return QuizQuestion(
        kind="true_false",
        right_answer=right,
        text_km=f"សំណួរទី{order}",
        text_en=text_en,
        explanation_km="ការពន្យល់។",
        explanation_en="Explanation.",
        sort_order=order,
    )


@pytest.fixture
def known():
    """A campaign whose quiz has known answers; answers elsewhere or outside the period that must not count."""
    cache.clear()
    index = CampaignIndexPage.objects.get()
    campaign = index.add_child(
        instance=CampaignPage(
            title_km="យុទ្ធនាការសាកល្បង",
            title_en="Known campaign",
            slug_km="known-quiz",
            slug_en="known-quiz",
            summary_km="សេចក្តីសង្ខេប។",
            summary_en="Summary.",
            start_date=START,
            end_date=END,
        )
    )
    campaign.save_revision().publish()
    quiz = Quiz(page=campaign, title_km="សំណួរក្វីសសាកល្បង", title_en="Known quiz")
    quiz.questions = [tf(0, "Q one", "true"), tf(1, "Q two", "false"), tf(2, "Q three", "true")]
    quiz.save()
    quiz.save_revision().publish()
    q1, q2, q3 = quiz.questions.order_by("sort_order")
    kampot, kohkong = Province.objects.get(code="07"), Province.objects.get(code="09")
    rows = [
        # question, answer, right, language, province, day, count
        (q1, "true", True, "km", kampot, DAY, 30),
        (q1, "false", False, "en", None, DAY, 10),
        (q2, "true", False, "km", kampot, DAY, 24),  # the myth: most answer "true"
        (q2, "false", True, "km", kohkong, DAY + datetime.timedelta(days=9), 6),
        (q3, "true", True, "km", None, DAY, 8),
        (q3, "false", False, "km", None, DAY, 2),  # 10 answers: just enough to be called a myth
        (q1, "true", True, "km", kampot, datetime.date(2025, 12, 31), 500),  # before the period
    ]
    for question, answer, right, language, province, day, count in rows:
        QuizAnswerCount.objects.create(
            day=day,
            quiz=quiz,
            question=question,
            answer=answer,
            right=right,
            language=language,
            campaign=campaign,
            province=province,
            count=count,
        )
    rebuild_question_days()  # rows written directly, as an import would: the dashboard's days made from them
    return campaign, quiz, (q1, q2, q3)


def test_every_figure_agrees_with_the_known_answers(known):
    campaign, _quiz, (q1, q2, q3) = known
    with translation.override("en"):
        figures = knowledge_figures([campaign.pk], START, END)
    by_id = {q.question_id: q for q in figures.questions}
    assert [q.question_id for q in figures.questions] == [q1.pk, q2.pk, q3.pk]
    assert (by_id[q1.pk].answers, by_id[q1.pk].right, by_id[q1.pk].share_right) == (40, 30, 75.0)
    assert (by_id[q2.pk].answers, by_id[q2.pk].right, by_id[q2.pk].share_right) == (30, 6, 20.0)
    assert (by_id[q3.pk].answers, by_id[q3.pk].right, by_id[q3.pk].share_right) == (10, 8, 80.0)
    assert (figures.answers, figures.right, figures.share_right) == (80, 44, 55.0)
    assert [q.question_id for q in figures.myths] == [q2.pk, q1.pk, q3.pk]
    assert by_id[q2.pk].label == "Known quiz: Q two"
    assert MYTH_MIN_ANSWERS == 10


def test_an_officials_area_sees_only_answers_given_for_their_province(known):
    campaign, _quiz, (q1, q2, _q3) = known

    class Kampot:
        everywhere, is_province, province_id = False, True, Province.objects.get(code="07").pk

    figures = knowledge_figures([campaign.pk], START, END, area=Kampot())
    assert {(q.question_id, q.answers, q.right) for q in figures.questions} == {(q1.pk, 30, 30), (q2.pk, 24, 0)}


def staff_client(client, language="en"):
    user = get_user_model().objects.get(username="outreach")
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language=language)
    client.force_login(user)
    return client


def test_dashboard_and_exports_show_the_same_knowledge_figures(known, client):
    campaign, _quiz, (q1, q2, _q3) = known
    staff_client(client)
    period = {"start": START.isoformat(), "end": END.isoformat()}
    with translation.override("en"):
        page = client.get(reverse("reach_campaign", args=(campaign.pk,)), {**period})
    body = page.content.decode()
    assert page.status_code == 200
    assert "80 answers to quiz questions, 55% of them right." in body
    assert "Known quiz: Q two: 20% right" in body and "<svg" in body
    export = client.get(reverse("reach_campaign_export", args=(campaign.pk, "json")), period)
    data = json.loads(export.content)
    assert data["quizzes"]["answers"] == 80 and data["quizzes"]["share_right"] == 55.0
    assert data["quizzes"]["most_often_wrong"][0].endswith("Q two")
    questions = {q["question"]: q for q in data["quizzes"]["questions"]}
    assert questions["Known quiz: Q one"] == {
        "question": "Known quiz: Q one",
        "answers": 40,
        "right": 30,
        "share_right": 75.0,
    }
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("reach_campaign_export", args=(campaign.pk, "csv")), period).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    # a whole share is written without ".0", as a spreadsheet shows it
    assert ["Share right by question (%)", "Known quiz: Q two", "20"] in rows
    assert ["Quiz answers by question", "Known quiz: Q one", "40"] in rows
    xlsx = client.get(reverse("reach_campaign_export", args=(campaign.pk, "xlsx")), period)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cells = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert ("Questions most often answered wrong: share right (%)", "Known quiz: Q two", 20) in cells


def test_the_dashboard_in_khmer_writes_khmer_digits(known, client):
    campaign, _quiz, _questions = known
    staff_client(client, language="km")
    page = client.get(
        reverse("reach_campaign", args=(campaign.pk,)), {"start": START.isoformat(), "end": END.isoformat()}
    )
    body = page.content.decode()
    assert "៨០" in body and "៥៥" in body
    assert "សំណួរទី1" in body or "សំណួរទី១" in body


def test_the_all_campaigns_dashboard_counts_the_demo_answers_with_a_constant_number_of_queries(
    known, client, django_assert_max_num_queries
):
    staff_client(client)
    client.get(reverse("reach"))  # warm: sessions, permissions, charts
    with django_assert_max_num_queries(60):
        response = client.get(reverse("reach"))
    assert response.status_code == 200
    QuizAnswerCount.objects.bulk_create(
        QuizAnswerCount(
            day=DAY + datetime.timedelta(days=n % 85),
            quiz_id=known[1].pk,
            question=known[2][n % 3],
            answer="true",
            right=n % 3 != 1,
            language="km",
            campaign=known[0],
            province=Province.objects.order_by("code")[n % 20],
            count=1,
        )
        for n in range(600)
    )
    rebuild_question_days()
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("reach_campaign", args=(known[0].pk,)))
    QuizAnswerCount.objects.filter(quiz=known[1]).update(count=2)
    rebuild_question_days([known[1].pk])
    with CaptureQueriesContext(connection) as after:
        client.get(reverse("reach_campaign", args=(known[0].pk,)))
    assert len(after) == len(before)
