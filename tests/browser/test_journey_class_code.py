"""Journey 2, before and after by class code (issue 19), at phone size in English: the teacher gets a class code
on the kit page, two students answer the check on their own phones (one before the lesson, one after), the teacher
reads the class's results, then sends the class report giving only the code, and the report takes its results."""

import json
import re

import pytest

from tests.browser.conftest import PHONE, assert_accessible, note_outside_requests, phone_page, screenshot, site_shell

pytestmark = pytest.mark.browser

KIT_SLUG = "yama-the-facts"


def no_horizontal_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a {PHONE['width']}px phone"


def drawn_in(page, selector):
    """The fonts Chromium draws an element's text in (not the ones asked for: those it really used)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = [font["familyName"] for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
    cdp.detach()
    return fonts


def student_phone(chromium, live_site, outside):
    """A student's own phone: a new browser context set as the ``phone`` fixture's, asking only the site."""
    page = phone_page(chromium)
    note_outside_requests(page, live_site, outside)
    return page


def answer_the_check(page, live_site, code, phase, choices, name):
    """A student types the code, says when they answer, answers one question at a time and sends."""
    page.goto(live_site + "/en/quizzes/class/")
    assert page.locator("h1").inner_text() == "Answer your class's check"
    page.get_by_label("The class code your teacher gives you").fill(code.lower())  # typed as it comes
    if name == "student-before":
        no_horizontal_scroll(page)
        screenshot(page, "class-code-student-entry-en-360")
    page.get_by_role("button", name="Open the check").click()
    page.wait_for_url(f"{live_site}/en/quizzes/class/{code}/")
    assert page.locator("h1").inner_text() == "Yama: before and after check", "the check's title heads its page"
    quiz = page.locator("#quiz")
    assert quiz.locator("legend", has_text="When are you answering?").is_visible()
    page.get_by_role("radio", name=phase).check()
    questions = quiz.locator("fieldset.quiz-question")
    assert questions.count() == len(choices)
    assert questions.nth(0).is_visible() and not questions.nth(1).is_visible(), "one question at a time"
    assert "Question 1 of 3" in quiz.locator(".quiz-progress").inner_text()
    no_horizontal_scroll(page)
    screenshot(page, f"class-code-{name}-quiz-en-360")
    assert_accessible(page, f"{name}: class check en")
    for index, choice in enumerate(choices):
        questions.nth(index).locator(f"input[value='{choice}']").check()
        if index < len(choices) - 1:
            quiz.get_by_role("button", name="Next question").click()
            assert questions.nth(index + 1).is_visible()
    assert not quiz.locator("select[name=province]").count(), "a class's students are not asked their province"
    with page.expect_navigation():
        quiz.get_by_role("button", name="See my score").click()
    assert page.url == f"{live_site}/en/quizzes/class/{code}/answers/"
    return page


def test_a_class_answers_the_check_by_code_and_the_report_takes_its_results(
    live_site, site_env, chromium, only_local_requests
):
    teacher = only_local_requests
    kit = json.loads(
        site_shell(
            site_env,
            "import json; from django.utils import translation; from campaigns.lessons.pages import LessonKitPage "
            "as K; from campaigns.quizzes.class_checks import kit_check; translation.activate('en'); "
            f"k = K.objects.get(slug_en={KIT_SLUG!r}); "
            "print(json.dumps({'url': k.url, 'questions': [[q.pk, q.right_answer, [c for c, _ in q.answers()]] "
            "for q in kit_check(k).question_list()]}))",
        )
    )
    questions = kit["questions"]
    assert len(questions) == 3
    right = [answer for _pk, answer, _codes in questions]
    # Before the lesson the student gets the first question wrong; after it, all right.
    wrong_first = [next(code for code in questions[0][2] if code != right[0]), *right[1:]]

    # Step 1: the teacher opens the kit in English, scrolls to the check and asks for a class code.
    teacher.goto(live_site + kit["url"])
    assert teacher.locator("html").get_attribute("lang") == "en"
    check = teacher.locator("#check")
    check.scroll_into_view_if_needed()
    assert check.locator("h2").inner_text() == "Before and after check"
    assert check.locator(".kit-check__questions > li").count() == len(questions)
    teacher.get_by_label("Province of the class (if you wish)").select_option("19")
    no_horizontal_scroll(teacher)
    screenshot(teacher, "class-code-kit-check-en-360")
    with teacher.expect_navigation():
        check.get_by_role("button", name="Get a class code").click()
    assert teacher.locator("h1").inner_text() == "Your class code"
    code = teacher.locator(".quiz-class-code").inner_text().strip()
    assert re.fullmatch(r"[ACDEFGHJKMNPQRTUVWXY347]{6}", code), code
    host = live_site.removeprefix("http://")
    assert f"Students open {host}/en/quizzes/class/ on their phones" in teacher.locator("article").inner_text()
    stored_code = site_shell(
        site_env,
        "from campaigns.quizzes.class_checks import ClassCode as C; "
        f"c = C.objects.get(code={code!r}); print(c.kit.slug_en, c.province.code, c.answers, c.expired)",
    )
    assert stored_code == f"{KIT_SLUG} 19 0 False"
    no_horizontal_scroll(teacher)
    # The switcher's "ខ្មែរ" is drawn in a Khmer font on an English page, not as boxes (site.css).
    fonts = drawn_in(teacher, ".language-switcher a[lang=km]")
    assert fonts and all("Khmer" in font for font in fonts), fonts
    screenshot(teacher, "class-code-en-360")

    # Step 2: two students, each on their own phone, one before the lesson and one after it.
    outside = []
    before = answer_the_check(
        student_phone(chromium, live_site, outside), live_site, code, "Before the lesson", wrong_first, "student-before"
    )
    assert before.locator(".quiz-score").inner_text() == "You got 2 of 3 right."
    assert before.locator(".quiz-answer--wrong").count() == 1
    assert "your answers were added to your class's, without your name" in before.locator(".notice").inner_text()
    assert not before.locator(".share").count(), "a class's score is not for sharing"
    no_horizontal_scroll(before)
    screenshot(before, "class-code-student-before-result-en-360")
    after = answer_the_check(
        student_phone(chromium, live_site, outside), live_site, code, "After the lesson", right, "student-after"
    )
    assert after.locator(".quiz-score").inner_text() == "You got 3 of 3 right."
    assert after.locator(".quiz-answer--right").count() == 3
    no_horizontal_scroll(after)
    screenshot(after, "class-code-student-after-result-en-360")
    for student in (before, after):
        assert student.context.cookies() == [], "no cookie for a student"
        student.context.close()
    assert not outside, outside

    # Step 3: the teacher reads the class's counts: one student answered before, one after.
    with teacher.expect_navigation():
        teacher.get_by_role("link", name="See the class's results").click()
    assert teacher.url == f"{live_site}/en/quizzes/class/{code}/results/"
    assert f"Class code {code}" in teacher.locator("article").inner_text()
    rows = teacher.locator(".quiz-class-results tbody tr")
    assert rows.count() == len(questions)
    expected = [["1 of 1" if wrong_first[i] == right[i] else "0 of 1", "1 of 1"] for i in range(len(questions))]
    assert [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())] == expected
    assert expected[0] == ["0 of 1", "1 of 1"]
    assert (
        site_shell(
            site_env,
            f"from campaigns.quizzes.class_checks import ClassCode as C; print(C.objects.get(code={code!r}).answers)",
        )
        == "2"
    ), "two students' answers counted for the class"
    no_horizontal_scroll(teacher)
    screenshot(teacher, "class-code-results-en-360")
    assert_accessible(teacher, "class results en")

    # Step 4: the class report on the kit page, with only the class code for the check's results.
    province_id, district_id = site_shell(
        site_env,
        "from campaigns.places import Province; p = Province.objects.get(code='19'); "
        "print(p.pk, p.districts.first().pk)",
    ).split()
    teacher.goto(live_site + kit["url"] + "#report")
    teacher.get_by_label("School name").fill("Siem Pang Lower Secondary School")
    teacher.select_option("#id_province", province_id)
    teacher.select_option("#id_district", district_id)
    teacher.fill(
        "#id_date_taught",
        site_shell(  # day/month/year, as the field's help says
            site_env,
            "import datetime; print((datetime.date.today() - datetime.timedelta(days=1)).strftime('%d/%m/%Y'))",
        ),
    )
    teacher.fill("#id_girls", "20")
    teacher.fill("#id_boys", "18")
    report_check = teacher.locator(".report-check")
    report_check.get_by_label("Class code (if the students answered on their phones)").fill(code)
    assert teacher.locator("#id_check_code").input_value() == code
    assert all(
        not value
        for value in report_check.locator("input[name^=check_took_], input[name^=check_right_]").evaluate_all(
            "inputs => inputs.map(i => i.value)"
        )
    ), "the numbers are left empty: the code gives them"
    report_check.scroll_into_view_if_needed()
    no_horizontal_scroll(teacher)
    screenshot(teacher, "class-code-report-en-360")
    teacher.get_by_role("button", name="Send report").click()
    teacher.wait_for_url("**?reported=1#report")
    assert "Thank you. Your report was received" in teacher.locator("#report .notice").inner_text()
    screenshot(teacher, "class-code-reported-en-360")
    stored = site_shell(
        site_env,
        "from campaigns.lessons.class_reports import ClassReport as R; "
        f"r = R.objects.filter(check_results__class_code__code={code!r}).distinct().get(); "
        "print(r.kit.slug_en, r.school, r.students, r.status, "
        "[(x.question_id, x.class_code.code, x.answered_before, x.right_before, x.answered_after, x.right_after) "
        "for x in r.check_result_list()])",
    )
    results = [
        (pk, code, 1, int(wrong_first[i] == right[i]), 1, 1) for i, (pk, _answer, _codes) in enumerate(questions)
    ]
    assert stored == f"{KIT_SLUG} Siem Pang Lower Secondary School 38 pending {results}"
    assert teacher.context.cookies() == [], "no cookie for the teacher either"
