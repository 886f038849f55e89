"""Demo quizzes (content/quizzes.py), published through a revision as an editor's would be, and demo answers
spread over provinces and weeks so the reach dashboard's knowledge figures show something."""

import datetime
import random

from django.utils import timezone

from wagtail.models import Page, Workflow

from campaigns.campaign_pages import CampaignPage
from campaigns.demo.content.quizzes import KIT_CHECKS, QUIZZES
from campaigns.editorial import CAMPAIGN_WORKFLOW
from campaigns.fact_sheets import FactSheetPage
from campaigns.lessons.class_reports import ClassReport
from campaigns.lessons.pages import LessonKitPage
from campaigns.places import Province
from campaigns.quizzes.answers import rebuild_question_days
from campaigns.quizzes.class_checks import ClassCheckCount, ClassCode, Phase, class_results
from campaigns.quizzes.models import Quiz, QuizAnswerCount, QuizQuestion, ensure_quiz_workflow
from campaigns.quizzes.report_results import ClassReportResult, result_rows

PAGE_MODELS = {"campaign": CampaignPage, "fact_sheet": FactSheetPage, "kit": LessonKitPage}
DEMO_WEEKS = 12
SEED = 19


def page_by_slug(kind, slug):
    return PAGE_MODELS[kind].objects.filter(slug_en=slug).first()


def question_of(spec, order):
    kind, right, text, answers, explanation, learn_more = spec
    values = {
        "kind": kind,
        "right_answer": right,
        "text_km": text[0],
        "text_en": text[1],
        "explanation_km": explanation[0],
        "explanation_en": explanation[1],
        "sort_order": order,
        "learn_more": Page.objects.filter(slug_en=learn_more).first() if learn_more else None,
    }
    for letter, (km, en) in zip("abcd", answers, strict=False):
        values[f"choice_{letter}_km"] = km
        values[f"choice_{letter}_en"] = en
    return QuizQuestion(**values)


def seed_quiz(spec):
    page = page_by_slug(*spec["page"])
    if page is None:
        return None
    quiz = Quiz.objects.filter(page=page, title_en=spec["title"][1]).first() or Quiz(page=page)
    quiz.title_km, quiz.title_en = spec["title"]
    quiz.intro_km, quiz.intro_en = spec["intro"]
    quiz.campaign = CampaignPage.objects.filter(slug_en=spec["campaign"]).first()
    quiz.kit_check = spec.get("kit_check", False)
    quiz.questions = [question_of(question, order) for order, question in enumerate(spec["questions"])]
    quiz.save()
    quiz.save_revision().publish()
    return quiz


def seed_quizzes(specs=QUIZZES + KIT_CHECKS):
    workflow = Workflow.objects.filter(name=CAMPAIGN_WORKFLOW).first()
    if workflow is not None:
        ensure_quiz_workflow(workflow)
    return [quiz for quiz in (seed_quiz(spec) for spec in specs) if quiz is not None]


def seed_quiz_answers(quizzes, weeks=DEMO_WEEKS, today=None):  # noqa: C901 (plain nested loops)
    """Counts as readers would leave them: each quiz answered on a few days a week in several provinces, the
    first question of each quiz more often wrong (a myth that persists). Replaces the demo's earlier counts."""
    today = today or timezone.localdate()
    rng = random.Random(SEED)
    quizzes = [quiz for quiz in quizzes if not quiz.kit_check]
    provinces = list(Province.objects.order_by("code")[:25]) + [None]
    QuizAnswerCount.objects.filter(quiz__in=quizzes).delete()
    rows = {}
    for quiz in quizzes:
        questions = list(quiz.questions.all())
        campaign_id = quiz.counted_campaign_id()
        for week in range(weeks):
            for _day in range(3):
                day = today - datetime.timedelta(days=week * 7 + rng.randrange(7))
                province = rng.choice(provinces)
                language = "km" if rng.random() < 0.8 else "en"
                readers = rng.randrange(3, 25)
                for index, question in enumerate(questions):
                    codes = [code for code, _label in question.answers()]
                    share_right = 0.45 if index == 0 else 0.8
                    for _reader in range(readers):
                        right = rng.random() < share_right
                        given = (
                            question.right_answer
                            if right
                            else rng.choice([c for c in codes if c != question.right_answer])
                        )
                        key = (day, quiz.pk, question.pk, given, right, language, campaign_id, province)
                        rows[key] = rows.get(key, 0) + 1
    QuizAnswerCount.objects.bulk_create(
        [
            QuizAnswerCount(
                day=day,
                quiz_id=quiz_id,
                question_id=question_id,
                answer=answer,
                right=right,
                language=language,
                campaign_id=campaign_id,
                province=province,
                count=count,
            )
            for (day, quiz_id, question_id, answer, right, language, campaign_id, province), count in rows.items()
        ],
        batch_size=500,
    )
    rebuild_question_days([quiz.pk for quiz in quizzes])
    return sum(rows.values())


def seed_class_checks(quizzes, today=None):
    """A few classes per kit check, in several provinces, answering before and after (more right after)."""
    today = today or timezone.localdate()
    rng = random.Random(SEED + 1)
    checks = [quiz for quiz in quizzes if quiz.kit_check]
    ClassCode.objects.filter(quiz__in=checks).delete()
    provinces = list(Province.objects.order_by("code")[:25])
    for quiz in checks:
        for n in range(4):
            created = today - datetime.timedelta(days=7 * n + 2)
            class_code = ClassCode.objects.create(
                code=f"D{quiz.pk % 10}{n}{rng.choice('ACDEFH')}{rng.choice('JKMNPQ')}{rng.choice('RTUVWX')}",
                quiz=quiz,
                kit_id=quiz.page_id,
                province=rng.choice(provinces),
                created_on=created,
                expires_at=timezone.now() - datetime.timedelta(days=7 * n + 1),
            )
            students = rng.randrange(20, 41)
            for question in quiz.questions.all():
                for phase, share_right in ((Phase.BEFORE, 0.45), (Phase.AFTER, 0.85)):
                    right = sum(1 for _ in range(students) if rng.random() < share_right)
                    for is_right, count in ((True, right), (False, students - right)):
                        if count:
                            ClassCheckCount.objects.create(
                                class_code=class_code, question=question, phase=phase, right=is_right, count=count
                            )
            class_code.answers = 2 * students
            class_code.save(update_fields=["answers"])


def seed_report_results(quizzes):
    """The demo's classes taught carry their before/after results, as teachers send them: typed from the paper
    check (fewer right before the lesson than after), and for each kit one accepted report filled from one of its
    class codes (so the dashboard counts that class once, from the report)."""
    rng = random.Random(SEED + 2)
    checks = {quiz.page_id: quiz for quiz in quizzes if quiz.kit_check}
    reports = ClassReport.objects.filter(kit_id__in=list(checks)).order_by("date_taught", "pk")
    ClassReportResult.objects.filter(report__in=reports).delete()
    codes = {
        kit_id: ClassCode.objects.filter(kit_id=kit_id, quiz=check).order_by("code").first()
        for kit_id, check in checks.items()
    }
    filled_from_code = set()  # kits one of whose accepted reports was filled from a class code
    for report in reports:
        code = codes[report.kit_id]
        if code is not None and report.status == ClassReport.Status.ACCEPTED and report.kit_id not in filled_from_code:
            filled_from_code.add(report.kit_id)
            ClassReportResult.objects.bulk_create(result_rows(report, class_results(code), code))
            continue
        students = report.girls + report.boys
        before, after = students - rng.randrange(0, 3), students - rng.randrange(0, 3)  # a few absent
        typed = [
            (question, before, round(before * rng.uniform(0.3, 0.6)), after, round(after * rng.uniform(0.7, 0.95)))
            for question in checks[report.kit_id].question_list()
        ]
        ClassReportResult.objects.bulk_create(result_rows(report, typed))
