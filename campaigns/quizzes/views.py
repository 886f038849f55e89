"""The quiz's own address, its answers (one POST) and the shareable score. Thin: see posting.py and answers.py."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from campaigns.lessons.pages import LessonKitPage
from campaigns.quizzes import class_checks
from campaigns.quizzes.answers import share_title
from campaigns.quizzes.models import Quiz
from campaigns.quizzes.posting import (
    expired_code,
    give_class_code,
    receive_answers,
    receive_class_answers,
    render_class_quiz,
    render_quiz,
)
from home.security import access


def visible_quiz(request, quiz_id):
    """The quiz if the reader may see it (home/security/access.py), else 404: drafts do not exist for readers."""
    quiz = Quiz.objects.select_related("page").filter(pk=quiz_id).first() if quiz_id < 2**63 else None
    if quiz is None or not access.may_see(request, quiz):
        raise Http404("no such quiz")
    return quiz


@require_GET
def quiz_page(request, quiz_id):
    quiz = visible_quiz(request, quiz_id)
    return render_quiz(request, quiz, quiz.question_list())


@csrf_exempt  # readers get no cookie; the Origin check stands in (campaigns/quizzes/posting.py)
@require_http_methods(["GET", "POST"])
def answer(request, quiz_id):
    return receive_answers(request, visible_quiz(request, quiz_id))


@require_GET
def score(request, quiz_id, score):
    """ "I got 7 of 8": only the quiz and the score, in the address and on the page; nothing about the reader."""
    quiz = visible_quiz(request, quiz_id)
    total = quiz.questions.count()
    if score > total:
        raise Http404("no such score")
    return TemplateResponse(
        request,
        "campaigns/quizzes/score.html",
        {"quiz": quiz, "score": score, "total": total, "share_title": share_title(quiz, score, total)},
    )


def class_code_or_404(request, code):
    """The class code, if it exists and its kit and check may be seen (home/security/access.py)."""
    class_code = (
        class_checks.ClassCode.objects.select_related("quiz__page", "kit")
        .filter(code=class_checks.normalised(code))
        .first()
    )
    if (
        class_code is None
        or not access.may_see(request, class_code.quiz)
        or not access.may_see(request, class_code.kit)
    ):
        raise Http404("no such class")
    return class_code


@csrf_exempt  # teachers get no cookie either; the Origin check stands in (posting.py)
@require_http_methods(["GET", "POST"])
def class_code_for_kit(request, kit_id):
    kit = get_object_or_404(LessonKitPage.objects.live().public(), pk=kit_id)
    return give_class_code(request, kit)


@require_GET
def class_entry(request):
    """Students type the code their teacher gives them."""
    code = class_checks.normalised(request.GET.get("code"))
    if code:
        if class_checks.ClassCode.objects.filter(code=code).exists():
            return HttpResponseRedirect(reverse("quizzes:class_quiz", args=(code,)))
        response = TemplateResponse(
            request,
            "campaigns/quizzes/class_entry.html",
            {"errors": [gettext("No class has this code. Check it with your teacher.")], "code": code},
            status=404,
        )
        add_never_cache_headers(response)
        return response
    return TemplateResponse(request, "campaigns/quizzes/class_entry.html", {})


@require_GET
def class_quiz(request, code):
    class_code = class_code_or_404(request, code)
    if class_code.expired:
        return expired_code(request)
    response = render_class_quiz(request, class_code)
    add_never_cache_headers(response)
    return response


@csrf_exempt  # students get no cookie; the Origin check stands in (posting.py)
@require_http_methods(["GET", "POST"])
def class_answer(request, code):
    return receive_class_answers(request, class_code_or_404(request, code))


@require_GET
def class_results(request, code):
    """The class's counts: how many answered each question right before and after. Nothing about a student."""
    class_code = class_code_or_404(request, code)
    response = TemplateResponse(
        request,
        "campaigns/quizzes/class_results.html",
        {"class_code": class_code, "quiz": class_code.quiz, "rows": class_checks.class_results(class_code)},
    )
    add_never_cache_headers(response)
    return response
