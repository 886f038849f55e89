"""A reader's answers to a quiz: checked against the questions, scored, and added to the day's counts.

Plain functions the views call and tests call directly. A post names each question ``q<id>`` and
its answer code (``true``, ``false``, ``a``-``d``); ``province`` is a province's code or empty.
Anything else (a question of another quiz, an answer that is not one, a province that does not
exist, a missing answer) makes the whole post invalid and nothing is counted.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.places import Province
from campaigns.quizzes.models import ANSWER_KEYS, QuizAnswerCount, QuizQuestionDay
from home.http.daily_counts import add_up_together, retrying
from home.khmer_format import format_number

MAX_VALUE_LENGTH = 16  # the longest field value a real post has is a province code or "false"


@dataclass
class Answer:
    question: object
    given: str
    given_label: str
    right_label: str

    @property
    def right(self):
        return self.given == self.question.right_answer


@dataclass
class Result:
    quiz: object
    answers: list
    province: object = None

    @property
    def score(self):
        return sum(1 for answer in self.answers if answer.right)

    @property
    def total(self):
        return len(self.answers)


class InvalidAnswers(Exception):
    """The post cannot be counted; ``messages`` say why, in the reader's language."""

    def __init__(self, messages, missing=()):
        super().__init__(messages)
        self.messages = messages
        self.missing = set(missing)


def field_name(question):
    return f"q{question.pk}"


def province_choices():
    return [(p.code, p.name) for p in Province.objects.ordered_by_name()]


def _province(code):
    code = (code or "").strip()
    if not code:
        return None
    province = Province.objects.filter(code=code).first() if code.isascii() and code.isalnum() else None
    if province is None:
        raise InvalidAnswers([_("Choose a province from the list, or leave it empty.")])
    return province


def check(quiz, questions, data):
    """The :class:`Result` of the post ``data`` (a QueryDict or dict), or :class:`InvalidAnswers`."""
    known = {field_name(q) for q in questions}
    allowed = known | {"province", "phase", "code"}
    for key in data:
        if key not in allowed:
            raise InvalidAnswers([_("This quiz has no such question. Open the quiz again and answer it there.")])
    for key in data:
        values = data.getlist(key) if hasattr(data, "getlist") else [data[key]]
        if len(values) > 1 or any(len(str(value)) > MAX_VALUE_LENGTH for value in values):
            raise InvalidAnswers([_("These answers cannot be read. Open the quiz again and answer it there.")])
    answers, missing, wrong_codes = [], [], False
    for question in questions:
        given = (data.get(field_name(question)) or "").strip()
        choices = dict(question.answers())
        if not given:
            missing.append(question.pk)
            continue
        if given not in choices:
            wrong_codes = True
            continue
        answers.append(Answer(question, given, choices[given], choices.get(question.right_answer, "")))
    if wrong_codes:
        raise InvalidAnswers(
            [_("One of these answers is not an answer to its question. Choose from the answers shown.")]
        )
    if missing:
        raise InvalidAnswers([_("Answer every question, then send your answers.")], missing=missing)
    return Result(quiz, answers, _province(data.get("province")))


def count(result, language, campaign_id, day=None):
    """Add the result's answers to the day's counts, all or none (one statement on PostgreSQL):

    - one row per question, answer, language, campaign and province (:class:`QuizAnswerCount`);
    - one row per question, campaign and day, answered and right (:class:`QuizQuestionDay`, the dashboard's).
    """
    day = day or timezone.localdate()
    province_id = result.province.pk if result.province else None
    answer_rows = [
        {
            "day": day,
            "quiz_id": result.quiz.pk,
            "question_id": answer.question.pk,
            "answer": answer.given,
            "right": answer.right,
            "language": language,
            "campaign_id": campaign_id,
            "province_id": province_id,
            "count": 1,
        }
        for answer in result.answers
    ]
    parts = [(QuizAnswerCount, answer_rows, ANSWER_KEYS, ("count",))]
    if campaign_id:  # the dashboard shows campaigns' answers only
        day_rows = [
            {
                "day": day,
                "question_id": answer.question.pk,
                "campaign_id": campaign_id,
                "answers": 1,
                "right": int(answer.right),
            }
            for answer in result.answers
        ]
        parts.append((QuizQuestionDay, day_rows, ("day", "question", "campaign"), ("answers", "right")))
    retrying(lambda: add_up_together(*parts))


def rebuild_question_days(quiz_ids=None):
    """Make :class:`QuizQuestionDay` again from :class:`QuizAnswerCount` (all quizzes, or those of ``quiz_ids``).

    For counts written in bulk (the demo's, a bench's, an import); counting through :func:`count` keeps both
    in step by itself. Returns how many rows it wrote.
    """
    counts = QuizAnswerCount.objects.exclude(campaign=None)
    days = QuizQuestionDay.objects.all()
    if quiz_ids is not None:
        counts = counts.filter(quiz_id__in=list(quiz_ids))
        days = days.filter(question__quiz_id__in=list(quiz_ids))
    totals = counts.values("day", "question_id", "campaign_id").annotate(
        answers=Sum("count"), right_answers=Sum("count", filter=Q(right=True), default=0)
    )
    with transaction.atomic():
        days.delete()
        made = QuizQuestionDay.objects.bulk_create(
            [
                QuizQuestionDay(
                    day=row["day"],
                    question_id=row["question_id"],
                    campaign_id=row["campaign_id"],
                    answers=row["answers"],
                    right=row["right_answers"],
                )
                for row in totals.order_by()
            ],
            batch_size=1000,
        )
    return len(made)


def share_title(quiz, score, total):
    """ "I got 7 of 8 on the quiz “…”", in the active language and its digits: all a shared score says."""
    return _("I got %(score)s of %(total)s on the quiz “%(title)s”") % {
        "score": format_number(score),
        "total": format_number(total),
        "title": quiz.title,
    }
