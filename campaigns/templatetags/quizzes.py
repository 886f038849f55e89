"""``{% page_quiz page %}``: the published quiz of a campaign, fact sheet or lesson kit page, as a form."""

from django import template

from campaigns.quizzes import class_checks
from campaigns.quizzes.answers import province_choices
from campaigns.quizzes.check_pdf import check_languages
from campaigns.quizzes.models import Quiz
from home.security import access

register = template.Library()


@register.inclusion_tag("campaigns/quizzes/form.html", takes_context=True)
def page_quiz(context, page):
    request = context.get("request")
    quiz = Quiz.objects.filter(page_id=page.pk, live=True, kit_check=False).select_related("page").first()
    if quiz is None or not access.may_see(request, quiz):
        return {"quiz": None}
    return {"quiz": quiz, "questions": quiz.question_list(), "provinces": province_choices(), "posted": {}}


@register.inclusion_tag("campaigns/quizzes/kit_check.html", takes_context=True)
def kit_check(context, page):
    """A lesson kit's before/after check: printable with the kit, and a class code for students' phones."""
    check = class_checks.kit_check(page)
    if check is None or not access.may_see(context.get("request"), check):
        return {"check": None}
    questions = check.question_list()
    return {
        "check": check,
        "check_questions": questions,
        "provinces": province_choices(),
        "page": page,
        "pdf_languages": check_languages(check, questions),  # its A4 PDF (campaigns/quizzes/check_pdf.py)
        "request": context.get("request"),  # {% routablepageurl %} asks for it
    }
