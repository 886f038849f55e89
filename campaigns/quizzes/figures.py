"""What readers' quiz answers say, for the reach dashboard (campaigns/reach/): answers and share right per
question, and the questions most often answered wrong (the myths that persist).

One grouped query over the per-question days (QuizQuestionDay; for an official's province, over that
province's day counts, QuizAnswerCount) and one for the questions' texts, however many answers there are.
Answers carry a province only when the reader chose one, so an official's area sees only the answers given
for their province.
"""

from dataclasses import dataclass, field

from django.db.models import Q, Sum

from campaigns.quizzes.models import QuizAnswerCount, QuizQuestion, QuizQuestionDay

MYTHS_SHOWN = 5
MYTH_MIN_ANSWERS = 10  # a question answered fewer times says too little to be called a persistent myth


def share(answered, right):
    """Per cent right, to one decimal; a whole number as an int (85, not 85.0: the CSV and a spreadsheet agree)."""
    if not answered:
        return 0
    value = round(100 * right / answered, 1)
    return int(value) if value.is_integer() else value


@dataclass
class QuestionFigures:
    question_id: int
    quiz_title: str
    text: str
    answers: int = 0
    right: int = 0

    @property
    def wrong(self):
        return self.answers - self.right

    @property
    def share_right(self):
        """Per cent of answers that were right, to one decimal (0 when none)."""
        return share(self.answers, self.right)

    @property
    def label(self):
        return f"{self.quiz_title}: {self.text}"


@dataclass
class KnowledgeFigures:
    questions: list = field(default_factory=list)  # QuestionFigures, by quiz then question order

    @property
    def answers(self):
        return sum(q.answers for q in self.questions)

    @property
    def right(self):
        return sum(q.right for q in self.questions)

    @property
    def share_right(self):
        return share(self.answers, self.right)

    @property
    def myths(self):
        """The questions most often answered wrong (lowest share right first), among those answered enough."""
        answered = [q for q in self.questions if q.answers >= MYTH_MIN_ANSWERS and q.wrong]
        return sorted(answered, key=lambda q: (q.share_right, -q.answers, q.question_id))[:MYTHS_SHOWN]


def counts_in(campaign_ids, start, end, area=None):
    counts = QuizAnswerCount.objects.filter(campaign_id__in=list(campaign_ids), day__range=(start, end))
    if area is not None and not area.everywhere:
        counts = counts.filter(province_id=area.province_id) if area.is_province else counts.none()
    return counts


def totals_per_question(campaign_ids, start, end, area=None):
    """{question id: (answers, right)}: for everywhere from the per-question days, for a province from its counts."""
    if area is None or area.everywhere:
        days = QuizQuestionDay.objects.filter(campaign_id__in=list(campaign_ids), day__range=(start, end))
        return {
            row["question_id"]: (row["n"], row["r"])
            for row in days.values("question_id").annotate(n=Sum("answers"), r=Sum("right")).order_by()
        }
    counts = counts_in(campaign_ids, start, end, area).values("question_id")
    return {
        row["question_id"]: (row["n"], row["r"])
        for row in counts.annotate(n=Sum("count"), r=Sum("count", filter=Q(right=True), default=0)).order_by()
    }


def knowledge_figures(campaign_ids, start, end, area=None):
    """Quiz answers of the campaigns between ``start`` and ``end`` (inclusive), per question."""
    totals = totals_per_question(campaign_ids, start, end, area)
    figures = KnowledgeFigures()
    questions = (
        QuizQuestion.objects.filter(pk__in=list(totals)).select_related("quiz").order_by("quiz_id", "sort_order")
    )
    for question in questions:
        answers, right = totals[question.pk]
        figures.questions.append(QuestionFigures(question.pk, question.quiz.title, question.text, answers, right))
    return figures


def knowledge_rows(knowledge, labels):
    """(section, item, value) rows, as the reach dashboard's tables and exports take them."""
    if not knowledge.questions:
        return []
    rows = [
        (labels["quiz_totals"], labels["quiz_answers"], knowledge.answers),
        (labels["quiz_totals"], labels["quiz_share_right"], knowledge.share_right),
    ]
    rows += [(labels["quiz_by_question"], q.label, q.answers) for q in knowledge.questions]
    rows += [(labels["quiz_share_by_question"], q.label, q.share_right) for q in knowledge.questions]
    rows += [(labels["quiz_myths"], q.label, q.share_right) for q in knowledge.myths]
    return rows
