"""Issue 19 at phone size (360x740): a reader answers the yama quiz one question at a time (with JavaScript),
in Khmer and in English, sees the score and explanations, and opens the shareable score."""

import re

import pytest

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser

SHEET = {"km": "/km/facts/yama/", "en": "/en/facts/yama-methamphetamine-pills/"}
TEXT = {
    "km": {
        "next": "សំណួរបន្ទាប់",
        "send": "មើលពិន្ទុរបស់ខ្ញុំ",
        "progress": "សំណួរទី ១ ក្នុងចំណោម ៤",
        "score": "អ្នកឆ្លើយត្រូវ ៤ ក្នុងចំណោម ៤។",
    },
    "en": {
        "next": "Next question",
        "send": "See my score",
        "progress": "Question 1 of 4",
        "score": "You got 4 of 4 right.",
    },
}
RIGHT = ["true", "false", "b", "true"]  # the demo yama quiz (campaigns/demo/content/quizzes.py)


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_reader_answers_the_yama_quiz_on_a_phone(live_site, only_local_requests, language):
    phone = only_local_requests
    text = TEXT[language]
    phone.goto(live_site + SHEET[language])
    quiz = phone.locator("#quiz")
    quiz.scroll_into_view_if_needed()
    questions = quiz.locator("fieldset.quiz-question")
    assert questions.count() == 4
    # One question at a time: the others and the send button wait.
    assert questions.nth(0).is_visible() and not questions.nth(1).is_visible()
    assert not quiz.get_by_role("button", name=text["send"]).is_visible()
    assert text["progress"] in quiz.locator(".quiz-progress").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, f"quiz-{language}-360")
    for index, code in enumerate(RIGHT):
        questions.nth(index).locator(f"input[value='{code}']").check()
        if index < len(RIGHT) - 1:
            quiz.get_by_role("button", name=text["next"]).click()
            assert questions.nth(index + 1).is_visible() and not questions.nth(index).is_visible()
    quiz.locator("select[name=province]").select_option("07")
    assert_accessible(phone, f"quiz {language}")
    quiz.get_by_role("button", name=text["send"]).click()
    phone.wait_for_load_state()
    assert text["score"] in phone.locator(".quiz-score").inner_text()
    assert phone.locator(".quiz-answer--right").count() == 4
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, f"quiz-result-{language}-360")
    assert_accessible(phone, f"quiz result {language}")
    share = phone.locator("a.quiz-share-link").get_attribute("href")
    assert re.fullmatch(rf"/{language}/quizzes/\d+/score/4/", share)
    phone.goto(live_site + share)
    og_title = phone.locator("meta[property='og:title']").get_attribute("content")
    assert ("៤" if language == "km" else "4") in og_title
    assert not phone.context.cookies()
