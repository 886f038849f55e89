"""Issue 19: outreach staff write quizzes in the admin; they go through the campaigns' moderation workflow."""

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from campaigns.fact_sheets import FactSheetPage
from campaigns.help_services import HelpFinderPage
from campaigns.quizzes.models import Quiz, QuizQuestion

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


def staff(client, username="outreach", language="en"):
    user = get_user_model().objects.get(username=username)
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language=language)
    client.force_login(user)
    return client


def question(**changes):
    data = {
        "kind": "true_false",
        "right_answer": "false",
        "text_km": "គ្រឿងញៀនជួយឱ្យរៀនពូកែ។",
        "text_en": "Drugs help you study.",
        "choice_a_km": "",
        "choice_a_en": "",
        "choice_b_km": "",
        "choice_b_en": "",
        "choice_c_km": "",
        "choice_c_en": "",
        "choice_d_km": "",
        "choice_d_en": "",
        "explanation_km": "គ្រឿងញៀនបំផ្លាញការចងចាំ និងការគេង។",
        "explanation_en": "Drugs ruin memory and sleep.",
        "learn_more": "",
    }
    data.update(changes)
    return data


def quiz_form(questions=None, **changes):
    sheet = FactSheetPage.objects.get(slug_en="cannabis")
    data = {
        "title_km": "សំណួរថ្មីអំពីកញ្ឆា",
        "title_en": "A new cannabis quiz",
        "intro_km": "",
        "intro_en": "",
        "page": str(sheet.pk),
        "campaign": "",
        "questions": inline_formset(questions if questions is not None else [question() for _ in range(3)], min=3),
    }
    data.update(changes)
    return nested_form_data(data)


def add_url():
    return reverse("wagtailsnippets_campaigns_quiz:add")


def test_staff_write_a_quiz_and_submit_it_for_moderation(client):
    staff(client)
    before = Quiz.objects.count()
    response = client.post(add_url(), {**quiz_form(), "action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    quiz = Quiz.objects.latest("pk")
    assert Quiz.objects.count() == before + 1
    assert not quiz.live and quiz.questions.count() == 3 and quiz.title_km == "សំណួរថ្មីអំពីកញ្ឆា"
    state = WorkflowState.objects.get(base_content_type__model="quiz", object_id=str(quiz.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Campaign review"
    # Outreach staff cannot publish it themselves.
    assert not get_user_model().objects.get(username="outreach").has_perm("campaigns.publish_quiz")
    assert get_user_model().objects.get(username="moderator").has_perm("campaigns.publish_quiz")


def test_two_questions_are_too_few(client):
    staff(client)
    staff(client, language="km")
    response = client.post(add_url(), quiz_form(questions=[question(), question()]))
    assert response.status_code == 200
    assert "សំណួរក្វីសមួយមានពី ៣ ដល់ ១០ សំណួរ" in response.content.decode()
    assert not Quiz.objects.filter(title_en="A new cannabis quiz").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"right_answer": "a"}, "A true or false question is answered True or False."),
        (
            {"kind": "one_of", "right_answer": "a", "choice_a_km": "មួយ"},
            "Write at least two answers (A and B) in Khmer.",
        ),
        (
            {"kind": "one_of", "right_answer": "a", "choice_a_km": "មួយ", "choice_c_km": "បី"},
            "Fill in the answers in order, from A, without a gap.",
        ),
        (
            {"kind": "one_of", "right_answer": "c", "choice_a_km": "មួយ", "choice_b_km": "ពីរ"},
            "The right answer must be one of the answers written.",
        ),
    ],
)
def test_a_wrong_question_is_refused_in_the_editors_language(client, changes, message):
    staff(client, language="km")
    response = client.post(add_url(), quiz_form(questions=[question(**changes), question(), question()]))
    assert response.status_code == 200
    with translation.override("km"):
        khmer = translation.gettext(message)
    assert khmer != message and khmer in response.content.decode()
    assert not Quiz.objects.filter(title_en="A new cannabis quiz").exists()


def test_a_quiz_can_only_be_attached_to_a_campaign_fact_sheet_or_kit(client):
    staff(client)
    response = client.post(add_url(), quiz_form(page=str(HelpFinderPage.objects.get().pk)))
    assert response.status_code == 200
    assert "Attach the quiz to a campaign, a fact sheet or a lesson kit." in response.content.decode()


def test_one_of_several_answers_in_order_is_saved(client):
    staff(client)
    good = question(kind="one_of", right_answer="b", choice_a_km="មួយ", choice_b_km="ពីរ", choice_c_km="បី")
    response = client.post(add_url(), quiz_form(questions=[good, question(), question()]))
    assert response.status_code == 302
    saved = QuizQuestion.objects.filter(quiz__title_en="A new cannabis quiz", kind="one_of").get()
    with translation.override("km"):
        assert [code for code, _ in saved.answers()] == ["a", "b", "c"]
