"""The reader's one POST: checks in the order that refuses a flood or a hostile post before any work.

1. the Origin (no CSRF cookie for readers: home/security/origins.py), 403;
2. the declared body size, 413;
3. the client's hashed, hourly-salted key (home/security/rate_limits.py, as the teachers' class report form):
   past ``POSTS_PER_HOUR`` posts an hour, 429 and nothing counted;
4. the answers themselves (campaigns/quizzes/answers.py), 400 with the quiz and its message;
5. the same answers to the same quiz from the same client key within the hour (a reload, a resend):
   the result again with a note, counted once.
"""

from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, gettext

from campaigns.places import Province
from campaigns.quizzes import answers, class_checks
from home.security import origins, rate_limits

POSTS_PER_HOUR = 30
MAX_BODY_BYTES = 4 * 1024
FLOOD_SCOPE = "quiz-answers"
REPEAT_SCOPE = "quiz-repeat"


def _plain(message, status):
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    add_never_cache_headers(response)
    return response


def body_size(request):
    declared = (request.META.get("CONTENT_LENGTH") or "0").strip()
    if not declared.isdigit() or len(declared) > 12:
        return MAX_BODY_BYTES + 1
    return int(declared)


def flooding(request):
    return rate_limits.over(FLOOD_SCOPE, rate_limits.client_key(request), limit=POSTS_PER_HOUR, seconds=3600)


def repeated(request, result):
    """True when this client key sent these very answers to this quiz already this hour."""
    given = ",".join(f"{a.question.pk}={a.given}" for a in result.answers)
    province = result.province.code if result.province else ""
    key = f"{result.quiz.pk}:{given}:{province}:{rate_limits.client_key(request)}"
    return rate_limits.hit(REPEAT_SCOPE, key, seconds=3600) > 1


def quiz_context(quiz, questions, **extra):
    return {"quiz": quiz, "questions": questions, "provinces": answers.province_choices(), **extra}


def render_quiz(request, quiz, questions, status=200, posted=None, **extra):
    """The quiz's own page; after a refused post, with the reader's answers still chosen and the messages."""
    for question in questions:
        question.chosen = (posted or {}).get(answers.field_name(question), "")
    response = TemplateResponse(
        request,
        "campaigns/quizzes/quiz_page.html",
        quiz_context(quiz, questions, posted=posted or {}, **extra),
        status=status,
    )
    if status != 200:
        add_never_cache_headers(response)
    return response


def receive_answers(request, quiz):
    """POST handler of a quiz's form: the result page, or the refusal."""
    if request.method != "POST":
        return HttpResponseRedirect(reverse("quizzes:quiz", args=(quiz.pk,)))
    if origins.foreign_origin(request):
        return origins.refused_origin()
    if body_size(request) > MAX_BODY_BYTES:
        return _plain(gettext("These answers are too large to be read."), 413)
    if flooding(request):
        return _plain(gettext("Too many answers from this connection. Please try again in an hour."), 429)
    questions = quiz.question_list()
    try:
        result = answers.check(quiz, questions, request.POST)
    except answers.InvalidAnswers as invalid:
        posted = {key: request.POST.get(key, "") for key in request.POST if key.startswith("q") or key == "province"}
        return render_quiz(
            request, quiz, questions, status=400, errors=invalid.messages, missing=invalid.missing, posted=posted
        )
    already = repeated(request, result)
    if not already:
        answers.count(result, get_language(), quiz.counted_campaign_id())
    context = {
        "quiz": quiz,
        "result": result,
        "already_counted": already,
        "share_path": reverse("quizzes:score", args=(quiz.pk, result.score)),
        "share_title": answers.share_title(quiz, result.score, result.total),
    }
    response = TemplateResponse(request, "campaigns/quizzes/result.html", context)
    add_never_cache_headers(response)
    return response


CLASS_POSTS_PER_HOUR = 300  # a whole class may answer from one school connection
CLASS_FLOOD_SCOPE = "quiz-class-answers"
CODES_PER_HOUR = 10
CODE_SCOPE = "quiz-class-code"


def render_class_quiz(request, class_code, status=200, posted=None, **extra):
    questions = class_code.quiz.question_list()
    extra.update(class_code=class_code, phases=class_checks.Phase.choices)
    return render_quiz(request, class_code.quiz, questions, status=status, posted=posted, **extra)


def expired_code(request):
    response = TemplateResponse(
        request,
        "campaigns/quizzes/class_entry.html",
        {"errors": [gettext("This class code has expired: codes last one day. Ask your teacher for a new one.")]},
        status=410,
    )
    add_never_cache_headers(response)
    return response


def receive_class_answers(request, class_code):
    """A student's answers under a class code: counted for that class only, before or after the lesson."""
    if request.method != "POST":
        return HttpResponseRedirect(reverse("quizzes:class_quiz", args=(class_code.code,)))
    if origins.foreign_origin(request):
        return origins.refused_origin()
    if body_size(request) > MAX_BODY_BYTES:
        return _plain(gettext("These answers are too large to be read."), 413)
    if class_code.expired:
        return expired_code(request)
    client = rate_limits.client_key(request)
    if rate_limits.over(CLASS_FLOOD_SCOPE, client, limit=CLASS_POSTS_PER_HOUR, seconds=3600):
        return _plain(gettext("Too many answers from this connection. Please try again in an hour."), 429)
    posted = {key: request.POST.get(key, "") for key in request.POST if key.startswith("q") or key == "phase"}
    phase = request.POST.get("phase", "")
    data = request.POST.copy()
    data.pop("phase", None)
    data.pop("province", None)
    try:
        result = answers.check(class_code.quiz, class_code.quiz.question_list(), data)
        if phase not in class_checks.Phase.values:
            raise answers.InvalidAnswers([gettext("Say whether you answer before or after the lesson.")])
    except answers.InvalidAnswers as invalid:
        return render_class_quiz(
            request, class_code, status=400, posted=posted, errors=invalid.messages, missing=invalid.missing
        )
    if not class_checks.count_class_answers(class_code, result, phase):
        return _plain(
            gettext("This class has already sent as many answers as a class can. Nothing more was counted."), 429
        )
    context = {"quiz": class_code.quiz, "result": result, "class_code": class_code}
    response = TemplateResponse(request, "campaigns/quizzes/result.html", context)
    add_never_cache_headers(response)
    return response


def give_class_code(request, kit):
    """The kit page's "Get a class code" form: a new code for the kit's check, valid for a day."""
    if request.method != "POST":
        return HttpResponseRedirect(kit.get_url(request) + "#check")
    if origins.foreign_origin(request):
        return origins.refused_origin()
    if body_size(request) > MAX_BODY_BYTES:
        return _plain(gettext("This request is too large."), 413)
    quiz = class_checks.kit_check(kit)
    if quiz is None:
        return _plain(gettext("This lesson kit has no before/after check yet."), 404)
    province_code = (request.POST.get("province") or "").strip()
    province = None
    if province_code:
        province = Province.objects.filter(code=province_code[:8]).first()
        if province is None:
            return _plain(gettext("Choose a province from the list, or leave it empty."), 400)
    if rate_limits.over(CODE_SCOPE, rate_limits.client_key(request), limit=CODES_PER_HOUR, seconds=3600):
        return _plain(gettext("Too many class codes from this connection. Please try again in an hour."), 429)
    class_code = class_checks.new_code(quiz, kit, province)
    response = TemplateResponse(request, "campaigns/quizzes/class_code.html", {"class_code": class_code, "kit": kit})
    add_never_cache_headers(response)
    return response
