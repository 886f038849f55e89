"""Quizzes (issue 19): what counting costs the reader's result page, and the dashboard with a year of answers.

1. The median time of a quiz's result page (one POST, 4 questions) with counting, and of the counting alone
   (the answers' rows and the repeat check), over many posts. Target: counting adds under 1 ms at the median.
2. The all-campaigns reach dashboard with a year of answers: 50 campaigns x 25 provinces x 365 days of rows
   (each a question and answer of the campaign's quiz). Target: under 300 ms at the median, constant queries.

    .venv/bin/python bench/quiz_counting.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x .venv/bin/python bench/quiz_counting.py
"""

import datetime
import itertools
import statistics
import time

from _setup import django_site, percentile

django_site("quizzes")

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from campaigns.models import CampaignIndexPage, CampaignPage, Province  # noqa: E402
from campaigns.quizzes import answers, posting  # noqa: E402
from campaigns.quizzes.models import Quiz, QuizAnswerCount, QuizQuestion  # noqa: E402
from home.security import rate_limits  # noqa: E402

posting.POSTS_PER_HOUR = 10**9  # the bench is one client posting many times
RUNS = 300


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"


# 1. Counting on the result page -------------------------------------------------------------------------
quiz = Quiz.objects.filter(live=True, title_en="How much do you know about yama?").get()
questions = list(quiz.questions.order_by("sort_order"))
provinces = [p.code for p in Province.objects.order_by("code")]
combinations = itertools.cycle(itertools.product(*[[c for c, _l in q.answers()] for q in questions], provinces))
client = Client()
with translation.override("km"):
    url = reverse("quizzes:answer", args=(quiz.pk,))
page_times = []
for _run in range(RUNS):
    *given, province = next(combinations)
    data = {f"q{q.pk}": code for q, code in zip(questions, given, strict=True)} | {"province": province}
    started = time.perf_counter()
    response = client.post(url, data)
    page_times.append(time.perf_counter() - started)
    assert response.status_code == 200, response.status_code

count_times = []
result = answers.check(quiz, questions, {f"q{q.pk}": q.right_answer for q in questions} | {"province": "07"})
campaign_id = quiz.counted_campaign_id()
for run in range(RUNS):
    started = time.perf_counter()
    rate_limits.hit(posting.REPEAT_SCOPE, f"bench:{run}", seconds=3600)  # the repeat check
    answers.count(result, "km", campaign_id)
    count_times.append(time.perf_counter() - started)
print(f"## counting ({connection.vendor}, {len(questions)} questions, {RUNS} posts)")
print(
    f"result page (POST, counted): median {ms(statistics.median(page_times))}, p95 {ms(percentile(page_times, 0.95))}"
)
print(
    f"counting alone (rows + repeat check): median {ms(statistics.median(count_times))},",
    f"p95 {ms(percentile(count_times, 0.95))}",
)

# 2. The dashboard with a year of answers ----------------------------------------------------------------
today = timezone.localdate()
index = CampaignIndexPage.objects.get()
every_province = list(Province.objects.order_by("code"))[:25]
started = time.perf_counter()
with transaction.atomic():
    campaigns = []
    for n in range(50):
        campaign = index.add_child(
            instance=CampaignPage(
                title_km=f"យុទ្ធនាការ {n}",
                title_en=f"Campaign {n}",
                slug_km=f"q-{n}",
                slug_en=f"q-{n}",
                live=True,
                summary_km="សង្ខេប។",
                summary_en="Summary.",
                start_date=today - datetime.timedelta(days=364),
                end_date=today,
            )
        )
        bench_quiz = Quiz(page=campaign, title_km=f"សំណួរក្វីស {n}", title_en=f"Quiz {n}")
        bench_quiz.questions = [
            QuizQuestion(
                kind="true_false",
                right_answer="true",
                text_km=f"សំណួរ {k}",
                text_en=f"Question {k}",
                explanation_km="ការពន្យល់។",
                explanation_en="Explanation.",
                sort_order=k,
            )
            for k in range(4)
        ]
        bench_quiz.save()
        campaigns.append((campaign, bench_quiz, list(bench_quiz.questions.all())))
    batch = []
    rows = 0
    for (campaign, bench_quiz, bench_questions), province, day in itertools.product(
        campaigns, every_province, range(365)
    ):
        question = bench_questions[day % 4]
        right = (day + province.pk) % 3 != 0
        batch.append(
            QuizAnswerCount(
                day=today - datetime.timedelta(days=day),
                quiz=bench_quiz,
                question=question,
                answer="true" if right else "false",
                right=right,
                language="km" if day % 5 else "en",
                campaign=campaign,
                province=province,
                count=1 + day % 7,
            )
        )
        if len(batch) == 5000:
            QuizAnswerCount.objects.bulk_create(batch)
            rows += len(batch)
            batch = []
    QuizAnswerCount.objects.bulk_create(batch)
    rows += len(batch)
    day_rows = answers.rebuild_question_days()
print(
    f"## dashboard: {rows:,} answer rows (50 campaigns x 25 provinces x 365 days),",
    f"built in {time.perf_counter() - started:.0f} s ({day_rows:,} rows per question and day)",
)

staff = Client()
staff.force_login(get_user_model().objects.get(username="outreach"))
staff.get(reverse("reach"))  # warm
times, queries = [], []
for _run in range(7):
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = staff.get(reverse("reach"))
        times.append(time.perf_counter() - started)
    assert response.status_code == 200
    queries.append(len(captured))
print(f"all-campaigns dashboard: median {ms(statistics.median(times))}, p95 {ms(percentile(times, 0.95))}")
print(f"queries per request: {sorted(set(queries))}")
with CaptureQueriesContext(connection) as captured:
    staff.get(reverse("reach_campaign", args=(campaigns[0][0].pk,)))
print(f"one campaign's dashboard: queries {len(captured)}")
