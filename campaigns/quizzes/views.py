"""The quiz's own address, its answers (one POST) and the shareable score. Thin: see posting.py and answers.py."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from campaigns.quizzes.answers import share_title
from campaigns.quizzes.models import Quiz
from campaigns.quizzes.posting import receive_answers, render_quiz
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
