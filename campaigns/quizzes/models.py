"""Quizzes: short knowledge checks written by outreach staff, attached to a campaign, fact sheet or lesson kit.

A quiz is a snippet that goes through the same moderation workflow as pages (draft, revisions,
locking, "Campaign review"). It has 3 to 10 questions, each true/false or one of up to four answers,
with the right answer and a one-paragraph explanation that links to the page that teaches it.

What readers answer is stored only as counts (:class:`QuizAnswerCount`): one row per question,
answer, language, campaign, province (when the reader chose one) and day. No cookie, no address,
no user agent, no row per person.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowContentType,
    WorkflowMixin,
)

from campaigns.places import Province
from home.khmer_format import format_number
from home.widgets import PageChooser

MIN_QUESTIONS = 3
MAX_QUESTIONS = 10
CHOICE_LETTERS = ("a", "b", "c", "d")
ATTACHABLE = ["campaigns.CampaignPage", "campaigns.FactSheetPage", "campaigns.LessonKitPage"]


class AttachablePageChooser(PageChooser):
    """The page chooser of a quiz's page, built when the form is (a class here: models load before pages do)."""

    def __init__(self, **kwargs):
        super().__init__(target_models=ATTACHABLE, **kwargs)


class CampaignChooser(PageChooser):
    def __init__(self, **kwargs):
        super().__init__(target_models=["campaigns.CampaignPage"], **kwargs)


class QuestionKind(models.TextChoices):
    TRUE_FALSE = "true_false", _("True or false")
    ONE_OF = "one_of", _("One of several answers")


class RightAnswer(models.TextChoices):
    TRUE = "true", _("True")
    FALSE = "false", _("False")
    A = "a", _("Answer A")
    B = "b", _("Answer B")
    C = "c", _("Answer C")
    D = "d", _("Answer D")


class QuizForm(WagtailAdminModelForm):
    """The quiz editor's form: 3 to 10 questions (InlinePanel's min_num and max_num only shape the buttons)."""

    def is_valid(self):
        valid = super().is_valid()
        if not valid or "questions" not in self.formsets:
            return valid
        kept = [f for f in self.formsets["questions"].forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if not MIN_QUESTIONS <= len(kept) <= MAX_QUESTIONS:
            self.add_error(
                None,
                _("A quiz has from %(min)s to %(max)s questions; this one has %(count)s.")
                % {
                    "min": format_number(MIN_QUESTIONS),
                    "max": format_number(MAX_QUESTIONS),
                    "count": format_number(len(kept)),
                },
            )
            return False
        return True


class Quiz(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    title = models.CharField(_("title"), max_length=160)
    intro = models.TextField(_("introduction"), max_length=400, blank=True)
    # A page deleted leaves its quiz (and the answers counted in the campaign's reach) unattached, not shown.
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("shown on"),
        help_text=_("The campaign, fact sheet or lesson kit page the quiz is shown on."),
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quizzes",
        verbose_name=_("campaign"),
        help_text=_("The campaign whose figures count the answers. Left empty, the page's own campaign."),
    )
    kit_check = models.BooleanField(
        _("before/after check of the lesson kit"),
        default=False,
        help_text=_("Classes answer it before and after the lesson, on paper or with a class code."),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="quiz")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="quiz",
        for_concrete_model=False,
    )

    base_form_class = QuizForm
    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("page", widget=AttachablePageChooser),
                FieldPanel("campaign", widget=CampaignChooser),
                FieldPanel("kit_check"),
            ],
            heading=_("Where it is shown and counted"),
        ),
        InlinePanel(
            "questions", label=_("question"), heading=_("Questions"), min_num=MIN_QUESTIONS, max_num=MAX_QUESTIONS
        ),
    ]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        page = self.page.specific if self.page_id else None
        if page is not None and f"{page._meta.app_label}.{page.__class__.__name__}" not in ATTACHABLE:
            raise ValidationError({"page": _("Attach the quiz to a campaign, a fact sheet or a lesson kit.")})
        if self.kit_check and page is not None and page.__class__.__name__ != "LessonKitPage":
            raise ValidationError(
                {"kit_check": _("Only a quiz attached to a lesson kit can be its before/after check.")}
            )

    def counted_campaign_id(self):
        """The campaign the answers count for: the one chosen, else the page's (a campaign, or a kit's campaign)."""
        if self.campaign_id:
            return self.campaign_id
        page = self.page.specific if self.page_id else None
        if page is None:
            return None
        if page.__class__.__name__ == "CampaignPage":
            return page.pk
        if hasattr(page, "related_campaigns"):  # a fact sheet: the first of its campaigns
            return page.related_campaigns.order_by("pk").values_list("pk", flat=True).first()
        return getattr(page, "campaign_id", None)

    def question_list(self):
        return list(self.questions.all())


class QuizQuestion(Orderable):
    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=12, choices=QuestionKind.choices, default=QuestionKind.TRUE_FALSE)
    text = models.CharField(_("question"), max_length=300)
    choice_a = models.CharField(_("answer A"), max_length=160, blank=True)
    choice_b = models.CharField(_("answer B"), max_length=160, blank=True)
    choice_c = models.CharField(_("answer C"), max_length=160, blank=True)
    choice_d = models.CharField(_("answer D"), max_length=160, blank=True)
    right_answer = models.CharField(_("right answer"), max_length=5, choices=RightAnswer.choices)
    explanation = models.TextField(_("explanation"), max_length=700, help_text=_("One paragraph: why it is so."))
    learn_more = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("learn more on"),
        help_text=_("The fact sheet or campaign page that teaches it."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("right_answer")]),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("choice_a"), FieldPanel("choice_b")]),
        FieldRowPanel([FieldPanel("choice_c"), FieldPanel("choice_d")]),
        FieldPanel("explanation"),
        FieldPanel("learn_more", widget=AttachablePageChooser),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if self.kind == QuestionKind.TRUE_FALSE:
            if self.right_answer not in (RightAnswer.TRUE, RightAnswer.FALSE):
                raise ValidationError({"right_answer": _("A true or false question is answered True or False.")})
            return
        filled = [letter for letter in CHOICE_LETTERS if (getattr(self, f"choice_{letter}_km", "") or "").strip()]
        if len(filled) < 2:
            raise ValidationError({"choice_a_km": _("Write at least two answers (A and B) in Khmer.")})
        if filled != list(CHOICE_LETTERS[: len(filled)]):
            raise ValidationError({"choice_a_km": _("Fill in the answers in order, from A, without a gap.")})
        if self.right_answer not in filled:
            raise ValidationError({"right_answer": _("The right answer must be one of the answers written.")})

    def answers(self):
        """``[(code, label), ...]`` a reader chooses from, in the active language."""
        if self.kind == QuestionKind.TRUE_FALSE:
            return [(RightAnswer.TRUE.value, _("True")), (RightAnswer.FALSE.value, _("False"))]
        return [
            (letter, getattr(self, f"choice_{letter}"))
            for letter in CHOICE_LETTERS
            if getattr(self, f"choice_{letter}")
        ]

    def answer_label(self, code):
        return dict(self.answers()).get(code, "")


class QuizAnswerCount(models.Model):
    """How many readers gave ``answer`` to ``question`` on ``day``: the only trace a reader leaves."""

    day = models.DateField(_("day"))
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="+", verbose_name=_("quiz"))
    question = models.ForeignKey(QuizQuestion, on_delete=models.CASCADE, related_name="+", verbose_name=_("question"))
    answer = models.CharField(_("answer"), max_length=5)
    right = models.BooleanField(_("right"))
    language = models.CharField(_("language"), max_length=2)
    campaign = models.ForeignKey(
        "campaigns.CampaignPage", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("campaign")
    )
    province = models.ForeignKey(
        Province, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    count = models.PositiveIntegerField(_("answers"), default=0)

    class Meta:
        verbose_name = _("quiz answer count")
        verbose_name_plural = _("quiz answer counts")
        constraints = [
            # No campaign and no province are keys too: Coalesce makes two NULLs the same row, so that
            # home.http.daily_counts.add_up can add to it in one statement (ANSWER_KEYS, in this order).
            models.UniqueConstraint(
                "day",
                "question",
                "answer",
                "right",
                "language",
                Coalesce("campaign", 0),
                Coalesce("province", 0),
                name="one_quiz_answer_row_per_day_and_place",
            )
        ]
        indexes = [
            models.Index(fields=["campaign", "day"]),
            models.Index(fields=["province", "campaign", "day"], name="quiz_answers_by_province"),
        ]

    def __str__(self):
        return f"{self.day} {self.question_id} {self.answer} {self.count}"


ANSWER_KEYS = ("day", "question", "answer", "right", "language", "campaign", "province")


class QuizQuestionDay(models.Model):
    """A campaign's answers to one question on one day, all languages and places together, and how many right.

    Kept in step with :class:`QuizAnswerCount` by the same transaction (campaigns/quizzes/answers.py) so that
    the reach dashboard adds up one row per question and day, not one per answer, language and province
    (a year of a national campaign's answers: tens of thousands of rows instead of hundreds of thousands).
    Derived data: :func:`campaigns.quizzes.answers.rebuild_question_days` makes it again from the counts.
    """

    day = models.DateField(_("day"))
    question = models.ForeignKey(QuizQuestion, on_delete=models.CASCADE, related_name="+", verbose_name=_("question"))
    campaign = models.ForeignKey(
        "campaigns.CampaignPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("campaign")
    )
    answers = models.PositiveIntegerField(_("answers"), default=0)
    right = models.PositiveIntegerField(_("right answers"), default=0)

    class Meta:
        verbose_name = _("quiz answers per question and day")
        verbose_name_plural = _("quiz answers per question and day")
        constraints = [
            models.UniqueConstraint(fields=["day", "question", "campaign"], name="one_quiz_question_row_per_day")
        ]
        indexes = [models.Index(fields=["campaign", "day", "question", "answers", "right"], name="quiz_days_covering")]

    def __str__(self):
        return f"{self.day} {self.question_id} {self.right}/{self.answers}"


def ensure_quiz_workflow(workflow):
    """Quizzes go through ``workflow`` (the "Campaign review" of campaigns/editorial.py), as campaign pages do."""
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Quiz), defaults={"workflow": workflow}
    )
