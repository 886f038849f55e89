"""Before/after checks of lesson kits: the same questions a class answers before and after the lesson.

A kit's check is its quiz marked ``kit_check``. The teacher prints it with the kit (the kit page's print
view), or asks the kit page for a short class code (:class:`ClassCode`, valid for a day): students open
``/km/quizzes/class/``, type the code, say whether it is before or after the lesson, and answer. Their
answers are added up for that class only (:class:`ClassCheckCount`: per code, question, phase and right or
wrong); nothing about a student is stored, and the class's results page shows the counts.
"""

import datetime
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.places import Province
from campaigns.quizzes.models import Quiz, QuizQuestion
from home.http.daily_counts import increment

CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY347"  # no 0/O, 1/I/L, 2/Z, 5/S, 6/G/B, 8: easy to read aloud and type
CODE_LENGTH = 6
CODE_LIFETIME = datetime.timedelta(days=1)
MAX_ANSWERS_PER_CODE = 2 * 200  # a class of at most 200 (class reports' limit), before and after


class Phase(models.TextChoices):
    BEFORE = "before", _("Before the lesson")
    AFTER = "after", _("After the lesson")


class ClassCode(models.Model):
    code = models.CharField(_("class code"), max_length=CODE_LENGTH, unique=True)
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="class_codes", verbose_name=_("quiz"))
    kit = models.ForeignKey(
        "campaigns.LessonKitPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("lesson kit")
    )
    province = models.ForeignKey(
        Province, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    created_on = models.DateField(_("created on"), default=timezone.localdate)
    expires_at = models.DateTimeField(_("expires at"))
    answers = models.PositiveIntegerField(_("answers"), default=0)

    class Meta:
        verbose_name = _("class code")
        verbose_name_plural = _("class codes")

    def __str__(self):
        return self.code

    @property
    def expired(self):
        return timezone.now() >= self.expires_at


class ClassCheckCount(models.Model):
    """How many students of one class answered ``question`` right (or wrong) before or after the lesson."""

    class_code = models.ForeignKey(ClassCode, on_delete=models.CASCADE, related_name="counts")
    question = models.ForeignKey(QuizQuestion, on_delete=models.CASCADE, related_name="+")
    phase = models.CharField(_("phase"), max_length=6, choices=Phase.choices)
    right = models.BooleanField(_("right"))
    count = models.PositiveIntegerField(_("answers"), default=0)

    class Meta:
        verbose_name = _("class check count")
        verbose_name_plural = _("class check counts")
        constraints = [
            models.UniqueConstraint(fields=["class_code", "question", "phase", "right"], name="one_class_check_row")
        ]


def normalised(code):
    return "".join(ch for ch in (code or "").upper() if ch.isascii() and ch.isalnum())[: CODE_LENGTH + 1]


def new_code(quiz, kit, province=None, now=None):
    now = now or timezone.now()
    for _attempt in range(20):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not ClassCode.objects.filter(code=code).exists():
            return ClassCode.objects.create(
                code=code, quiz=quiz, kit=kit, province=province, expires_at=now + CODE_LIFETIME
            )
    raise RuntimeError("no free class code")  # 23**6 codes: never in practice


def kit_check(kit):
    """The kit's published before/after check, or None."""
    return Quiz.objects.filter(page_id=kit.pk, kit_check=True, live=True).first()


def count_class_answers(class_code, result, phase):
    """Add one student's answers to the class's counts; False (nothing counted) once the class is full."""
    taken = ClassCode.objects.filter(pk=class_code.pk, answers__lt=MAX_ANSWERS_PER_CODE).update(
        answers=models.F("answers") + 1
    )
    if not taken:
        return False
    for answer in result.answers:
        increment(
            ClassCheckCount,
            {"class_code_id": class_code.pk, "question_id": answer.question.pk, "phase": phase, "right": answer.right},
        )
    return True


def class_results(class_code):
    """[(question, answered before, right before, answered after, right after)] of one class."""
    totals = {}
    for row in class_code.counts.values("question_id", "phase", "right").annotate(n=models.Sum("count")).order_by():
        entry = totals.setdefault(row["question_id"], {"before": [0, 0], "after": [0, 0]})
        entry[row["phase"]][0] += row["n"]
        if row["right"]:
            entry[row["phase"]][1] += row["n"]
    rows = []
    for question in class_code.quiz.questions.order_by("sort_order"):
        entry = totals.get(question.pk, {"before": [0, 0], "after": [0, 0]})
        rows.append((question, *entry["before"], *entry["after"]))
    return rows
