"""Issue 19: a reader answers a quiz without an account or JavaScript; only counts are kept."""

import re

import pytest

from django.urls import reverse
from django.utils import translation

from campaigns.fact_sheets import FactSheetPage
from campaigns.places import Province
from campaigns.quizzes import posting
from campaigns.quizzes.models import Quiz, QuizAnswerCount
from home.security.rate_limits import RateCount

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

KHMER = re.compile("[\u1780-\u17ff]")


@pytest.fixture
def quiz():
    return Quiz.objects.get(title_en="How much do you know about yama?")


def questions(quiz):
    return list(quiz.questions.order_by("sort_order"))


def answers_with(quiz, wrong=(), **extra):
    """A post answering every question right except the indexes in ``wrong``."""
    data = {}
    for index, question in enumerate(questions(quiz)):
        codes = [code for code, _label in question.answers()]
        data[f"q{question.pk}"] = (
            next(c for c in codes if c != question.right_answer) if index in wrong else question.right_answer
        )
    data.update(extra)
    return data


def answer_url(quiz, language="km"):
    with translation.override(language):
        return reverse("quizzes:answer", args=(quiz.pk,))


def total_counted():
    return sum(QuizAnswerCount.objects.values_list("count", flat=True))


def text(response):
    return response.content.decode()


def test_the_demo_has_quizzes_for_four_fact_sheets_and_two_campaigns():
    live = Quiz.objects.filter(live=True, kit_check=False)
    kinds = [quiz.page.specific.__class__.__name__ for quiz in live]
    assert kinds.count("FactSheetPage") >= 4 and kinds.count("CampaignPage") >= 2
    for quiz in live:
        assert 3 <= quiz.questions.count() <= 10
        assert KHMER.search(quiz.title_km) and not KHMER.search(quiz.title_en)
        for question in quiz.questions.all():
            assert KHMER.search(question.text_km) and KHMER.search(question.explanation_km)
            assert question.text_en and question.explanation_en


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_quiz_is_a_plain_form_on_its_fact_sheet(client, quiz, language):
    sheet = FactSheetPage.objects.get(slug_en="yama-methamphetamine-pills")
    with translation.override(language):
        response = client.get(sheet.url)
    body = text(response)
    assert response.status_code == 200
    assert f'action="{answer_url(quiz, language)}"' in body and 'method="post"' in body
    first = questions(quiz)[0]
    assert (first.text_km if language == "km" else first.text_en) in body
    assert body.count(f'name="q{first.pk}"') == 2  # true and false
    assert re.search(r"<script>(?!</script>)", body) is None  # no inline script (strict CSP)
    assert "js/quiz.js" in body and not response.cookies


def test_a_reader_gets_score_explanations_and_khmer_digits_and_only_counts_are_kept(client, quiz):
    kampot = Province.objects.get(code="07")
    before = total_counted()
    response = client.post(answer_url(quiz), answers_with(quiz, wrong=[1], province="07"))
    body = text(response)
    assert response.status_code == 200
    assert "៣" in body and "៤" in body and "You got" not in body
    for question in questions(quiz):
        assert question.explanation_km in body
    assert reverse("quizzes:score", args=(quiz.pk, 3)).replace("/en/", "/km/") in body
    assert not response.cookies and "no-store" in response["Cache-Control"]
    assert total_counted() == before + 4
    wrong = questions(quiz)[1]
    row = QuizAnswerCount.objects.get(question=wrong, province=kampot, language="km", right=False)
    assert row.count == 1 and row.campaign_id == quiz.counted_campaign_id() is not None
    # A row has no field that could hold who answered: no address, agent, cookie or session.
    names = {field.name for field in QuizAnswerCount._meta.get_fields()}
    assert names == {"id", "day", "quiz", "question", "answer", "right", "language", "campaign", "province", "count"}


def test_in_english_the_score_has_latin_digits_and_no_province_is_needed(client, quiz):
    response = client.post(answer_url(quiz, "en"), answers_with(quiz, wrong=[0, 2]))
    assert response.status_code == 200
    assert "You got 2 of 4 right." in text(response)
    assert QuizAnswerCount.objects.filter(quiz=quiz, language="en", province=None).exists()


def test_the_same_answers_sent_again_are_counted_once(client, quiz):
    data = answers_with(quiz)
    client.post(answer_url(quiz, "en"), data)
    before = total_counted()
    again = client.post(answer_url(quiz, "en"), data)
    assert again.status_code == 200 and "counted once" in text(again)
    assert total_counted() == before


def test_a_flood_is_refused_quickly_and_nothing_counted(client, quiz):
    for n in range(posting.POSTS_PER_HOUR):
        client.post(answer_url(quiz, "en"), answers_with(quiz, wrong=[n % 4], province=["", "07", "12"][n % 3]))
    before = total_counted()
    response = client.post(answer_url(quiz, "en"), answers_with(quiz, province="19"))
    assert response.status_code == 429 and "Too many answers" in text(response)
    assert total_counted() == before
    keys = RateCount.objects.filter(scope__startswith="quiz-").values_list("key", flat=True)
    assert keys and all(re.fullmatch("[0-9a-f]{64}", key) for key in keys)  # hashes, never what was sent


@pytest.mark.parametrize(
    ("change", "status", "message"),
    [
        ({"q999999": "true"}, 400, "This quiz has no such question. Open the quiz again and answer it there."),
        ({"province": "99"}, 400, "Choose a province from the list, or leave it empty."),
        ({"province": "<script>"}, 400, "Choose a province from the list, or leave it empty."),
        ({"province": "x" * 200}, 400, "These answers cannot be read. Open the quiz again and answer it there."),
    ],
)
def test_bad_posts_are_refused_in_the_readers_language_and_nothing_counted(client, quiz, change, status, message):
    before = total_counted()
    response = client.post(answer_url(quiz, "en"), answers_with(quiz, **change))
    assert response.status_code == status and message in text(response)
    with translation.override("km"):
        khmer = client.post(answer_url(quiz, "km"), answers_with(quiz, **change))
        assert khmer.status_code == status and KHMER.search(translation.gettext(message))
        assert translation.gettext(message) in text(khmer)
    assert total_counted() == before


def test_an_answer_that_is_not_one_and_a_missing_answer_are_refused(client, quiz):
    first, second = questions(quiz)[:2]
    before = total_counted()
    bad = answers_with(quiz, **{f"q{first.pk}": "z"})
    response = client.post(answer_url(quiz, "en"), bad)
    assert response.status_code == 400 and "not an answer to its question" in text(response)
    missing = answers_with(quiz)
    del missing[f"q{second.pk}"]
    response = client.post(answer_url(quiz, "en"), missing)
    body = text(response)
    assert response.status_code == 400 and "Answer every question" in body
    assert f'value="{first.right_answer}" checked' in body  # what the reader chose is kept
    assert total_counted() == before


def test_hostile_requests_get_4xx_never_500(client, quiz):
    before = total_counted()
    assert (
        client.post(answer_url(quiz, "en"), answers_with(quiz), HTTP_ORIGIN="https://evil.example").status_code == 403
    )
    big = client.post(answer_url(quiz, "en"), {"q1": "a" * 10_000})
    assert big.status_code == 413
    assert client.get(answer_url(quiz, "en")).status_code == 302
    assert client.post("/en/quizzes/99999999999999999999/answers/", {}).status_code in (400, 404)
    assert client.post("/en/quizzes/999999/answers/", {}).status_code == 404
    assert total_counted() == before


def test_an_unpublished_quiz_or_a_quiz_on_an_unpublished_page_does_not_exist_for_readers(client, quiz):
    quiz.unpublish()
    before = total_counted()
    assert client.post(answer_url(quiz, "en"), answers_with(quiz)).status_code == 404
    assert client.get(reverse("quizzes:quiz", args=(quiz.pk,))).status_code == 404
    assert "quiz-form" not in text(client.get(FactSheetPage.objects.get(pk=quiz.page_id).url))
    quiz.save_revision().publish()
    assert client.get(reverse("quizzes:quiz", args=(quiz.pk,))).status_code == 200
    quiz.page.specific.unpublish()
    assert client.post(answer_url(quiz, "en"), answers_with(quiz)).status_code == 404
    assert total_counted() == before


def test_the_shared_score_says_only_the_score_with_open_graph_tags(client, quiz):
    with translation.override("en"):
        url = reverse("quizzes:score", args=(quiz.pk, 3))
    response = client.get(url)
    body = text(response)
    assert response.status_code == 200
    assert '<meta property="og:title" content="I got 3 of 4 on the quiz “How much do you know about yama?”">' in body
    assert 'property="og:description"' in body and not response.cookies
    with translation.override("km"):
        khmer = client.get(reverse("quizzes:score", args=(quiz.pk, 3)))
    assert "៣" in text(khmer) and "៤" in text(khmer)
    assert client.get(reverse("quizzes:score", args=(quiz.pk, 5))).status_code == 404


def test_the_quiz_has_its_own_address_too(client, quiz):
    response = client.get(reverse("quizzes:quiz", args=(quiz.pk,)))
    assert response.status_code == 200 and 'class="quiz-form' in text(response)
