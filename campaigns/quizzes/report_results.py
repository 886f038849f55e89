"""A class's before/after results in the teacher's class report (issue 19).

For a kit with a published before/after check (campaigns/quizzes/class_checks.py), the class report form asks,
for each question, how many students answered it right before and after the lesson, and how many students took
the check before and after: typed from the paper check, or taken from a class code's counts
(:class:`ClassCheckCount`) when the report is received. All of it is optional: a report without results is a
report as before. Only numbers are kept: nothing about a student.

A report filled from a class code remembers the code (:attr:`ClassReportResult.class_code`); once the report is
accepted, the reach figures count the report and leave that code's own counts out
(campaigns/quizzes/before_after.py), so a class is never counted twice. A code fills one report only.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from campaigns.quizzes.class_checks import ClassCode, class_results, kit_check, normalised
from campaigns.quizzes.figures import share
from campaigns.quizzes.models import QuizQuestion
from home.khmer_format import format_number
from home.number_inputs import LocalisedIntegerField

PREFIX = "check_"
CODE_FIELD = "check_code"
PHASES = ("before", "after")
CODE_REPORTED = _("The results of this class code are already in another report.")


class ClassReportResult(models.Model):
    """How many students of a reported class answered ``question``, and how many right, before and after."""

    report = models.ForeignKey(
        "campaigns.ClassReport", on_delete=models.CASCADE, related_name="check_results", verbose_name=_("class taught")
    )
    question = models.ForeignKey(QuizQuestion, on_delete=models.CASCADE, related_name="+", verbose_name=_("question"))
    class_code = models.ForeignKey(
        ClassCode,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("class code"),
        help_text=_("The class code the results were taken from; empty when typed from the paper check."),
    )
    answered_before = models.PositiveSmallIntegerField(_("answered before"), default=0)
    right_before = models.PositiveSmallIntegerField(_("right before"), default=0)
    answered_after = models.PositiveSmallIntegerField(_("answered after"), default=0)
    right_after = models.PositiveSmallIntegerField(_("right after"), default=0)

    class Meta:
        verbose_name = _("class result of the check")
        verbose_name_plural = _("class results of the check")
        constraints = [models.UniqueConstraint(fields=["report", "question"], name="one_result_per_report_question")]

    def __str__(self):
        return f"{self.report_id} {self.question_id}"

    @property
    def share_before(self):
        return share(self.answered_before, self.right_before)

    @property
    def share_after(self):
        return share(self.answered_after, self.right_after)


def result_rows(report, rows, class_code=None):
    """Unsaved :class:`ClassReportResult` of ``report`` from ``rows`` of ``(question, answered before, right
    before, answered after, right after)``, as the form checks them or as ``class_results(code)`` gives them."""
    return [
        ClassReportResult(
            report=report,
            question=question,
            class_code=class_code,
            answered_before=answered_before,
            right_before=right_before,
            answered_after=answered_after,
            right_after=right_after,
        )
        for question, answered_before, right_before, answered_after, right_after in rows
    ]


class CodeAlreadyReported(Exception):
    """Another report took the class code's results between this form's check and its save."""


def code_reported(class_code):
    return ClassReportResult.objects.filter(class_code=class_code).exists()


def took_field(phase):
    return f"{PREFIX}took_{phase}"


def right_field(phase, question):
    return f"{PREFIX}right_{phase}_{question.pk}"


def number_field(label, described_by="check-took"):
    return LocalisedIntegerField(
        label=label,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": "4", "aria-describedby": described_by}),
        required=False,
        min_value=0,
        error_messages={
            "invalid": _("Write a number of students, in Khmer or Latin digits."),
            "min_value": _("A number of students cannot be below 0."),
        },
    )


class CheckResultsFormMixin:
    """The check's fields of :class:`ClassReportForm` (campaigns/lessons/class_reports.py): ``check_*`` fields,
    added only when the kit has a published check, and the result rows made from them when the form is clean."""

    def add_check_fields(self, kit):
        self.check = kit_check(kit) if kit is not None and kit.pk else None
        self.check_questions = self.check.question_list() if self.check else []
        self.check_rows = []
        self.check_code = None
        if self.check is None:
            return
        self.fields[CODE_FIELD] = forms.CharField(
            label=_("Class code (if the students answered on their phones)"),
            required=False,
            max_length=16,
            widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "size": "8"}),
        )
        self.fields[took_field("before")] = number_field(_("Students who took the check before the lesson"))
        self.fields[took_field("after")] = number_field(_("Students who took the check after the lesson"))
        for number, question in enumerate(self.check_questions, start=1):
            n = format_number(number)
            self.fields[right_field("before", question)] = number_field(
                gettext("Question %(number)s: answered right before the lesson") % {"number": n},
                described_by=f"check-q{question.pk}",
            )
            self.fields[right_field("after", question)] = number_field(
                gettext("Question %(number)s: answered right after the lesson") % {"number": n},
                described_by=f"check-q{question.pk}",
            )

    def report_fields(self):
        """The visible fields of the report itself (the check's fields are shown apart, in a table)."""
        return [field for field in self.visible_fields() if not field.name.startswith(PREFIX)]

    def check_table(self):
        """``{"code", "took": (before, after), "rows": [(number, question, (before, after))]}``: bound fields."""
        if self.check is None:
            return None
        rows = [
            (number, question, (self[right_field("before", question)], self[right_field("after", question)]))
            for number, question in enumerate(self.check_questions, start=1)
        ]
        return {
            "code": self[CODE_FIELD],
            "took": (self[took_field("before")], self[took_field("after")]),
            "rows": rows,
        }

    def clean_check_results(self, cleaned, class_size):
        """Result rows from the typed numbers or the class code; errors on the fields concerned."""
        if self.check is None:
            return
        typed = [name for name in self.fields if name.startswith(PREFIX) and name != CODE_FIELD]
        typed = [name for name in typed if cleaned.get(name) is not None]
        code = normalised(cleaned.get(CODE_FIELD))
        if code and typed:
            self.add_error(
                CODE_FIELD,
                _("Give either the class code or the numbers from the paper check, not both: clear one of them."),
            )
        elif code:
            self.rows_from_code(code, class_size)
        elif typed:
            self.rows_from_typed(cleaned, class_size)

    def rows_from_code(self, code, class_size):
        class_code = ClassCode.objects.select_related("quiz").filter(code=code).first()
        if class_code is None:
            self.add_error(CODE_FIELD, _("No class has this code. Check the code the kit page gave you."))
            return
        if class_code.kit_id != self.kit.pk:
            self.add_error(CODE_FIELD, _("This class code is for another lesson kit."))
            return
        if code_reported(class_code):
            self.add_error(CODE_FIELD, CODE_REPORTED)
            return
        rows = class_results(class_code)
        if not any(sum(row[1:]) for row in rows):
            self.add_error(CODE_FIELD, _("No student has answered with this class code yet."))
            return
        most = max(max(row[1], row[3]) for row in rows)
        if class_size is not None and most > class_size:
            self.add_error(
                CODE_FIELD,
                _("%(answered)s students answered with this class code, more than the %(size)s students of the class.")
                % {"answered": format_number(most), "size": format_number(class_size)},
            )
            return
        self.check_code = class_code
        self.check_rows = rows

    def rows_from_typed(self, cleaned, class_size):
        took = {phase: cleaned.get(took_field(phase)) for phase in PHASES}
        valid = True
        for phase in PHASES:
            rights = [(q, cleaned.get(right_field(phase, q))) for q in self.check_questions]
            if took[phase] is None:
                if any(value is not None for _q, value in rights):
                    valid = False
                    self.add_error(took_field(phase), _("Write how many students took the check."))
                continue
            if class_size is not None and took[phase] > class_size:
                valid = False
                self.add_error(
                    took_field(phase),
                    _("%(took)s students took the check, more than the %(size)s students of the class.")
                    % {"took": format_number(took[phase]), "size": format_number(class_size)},
                )
            for question, value in rights:
                if value is None:
                    valid = False
                    self.add_error(
                        right_field(phase, question), _("Write how many answered this question right (0 if none).")
                    )
                elif value > took[phase]:
                    valid = False
                    self.add_error(
                        right_field(phase, question),
                        _("%(right)s answered right, more than the %(took)s students who took the check.")
                        % {"right": format_number(value), "took": format_number(took[phase])},
                    )
        if not valid:
            return
        self.check_rows = [
            (
                question,
                took["before"] or 0,
                cleaned.get(right_field("before", question)) or 0,
                took["after"] or 0,
                cleaned.get(right_field("after", question)) or 0,
            )
            for question in self.check_questions
        ]

    def save_check_results(self, report):
        """In the report's transaction. A code fills one report, even for two sent at the same instant: the
        code's row is locked until the report is saved (PostgreSQL; SQLite writes one at a time)."""
        if self.check_code is not None:
            list(ClassCode.objects.select_for_update().filter(pk=self.check_code.pk).values_list("pk", flat=True))
            if code_reported(self.check_code):
                raise CodeAlreadyReported(self.check_code.code)
        ClassReportResult.objects.bulk_create(result_rows(report, self.check_rows, self.check_code))
