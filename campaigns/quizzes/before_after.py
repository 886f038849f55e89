"""The reach dashboard's before/after figures (campaigns/reach/): share right before and after, by kit and province.

Two sources, each class counted once:

- the class codes' counts (:class:`ClassCheckCount`), by the code's kit and province, whether or not a report names
  the class;
- the results in accepted class reports (:class:`ClassReportResult`), by the report's kit and province: typed from
  the paper check, or taken from a class code when the report was received. That code's own counts are then left
  out, so the report stands for the class.

"Answered" counts answers, one per student and question, in both sources.
"""

from django.db import models

from campaigns.lessons.class_reports import ClassReport
from campaigns.quizzes.class_checks import ClassCheckCount
from campaigns.quizzes.figures import share
from campaigns.quizzes.report_results import ClassReportResult


def accepted_results():
    """Only accepted reports count, as for the students reached."""
    return ClassReportResult.objects.filter(report__status=ClassReport.Status.ACCEPTED)


def before_after_figures(kit_ids=None, province_id=None):
    """``{(kit id, province id): {"before": [answered, right], "after": [answered, right]}}``."""
    grouped = {}

    def add(key, phase, answered, right):
        entry = grouped.setdefault(key, {"before": [0, 0], "after": [0, 0]})
        entry[phase][0] += answered
        entry[phase][1] += right

    reported_codes = accepted_results().filter(class_code__isnull=False).values("class_code_id")
    counts = ClassCheckCount.objects.exclude(class_code_id__in=reported_codes)
    results = accepted_results()
    if kit_ids is not None:
        counts = counts.filter(class_code__kit_id__in=list(kit_ids))
        results = results.filter(report__kit_id__in=list(kit_ids))
    if province_id is not None:
        counts = counts.filter(class_code__province_id=province_id)
        results = results.filter(report__province_id=province_id)
    rows = counts.values("class_code__kit_id", "class_code__province_id", "phase", "right").annotate(
        n=models.Sum("count")
    )
    for row in rows.order_by():
        key = (row["class_code__kit_id"], row["class_code__province_id"])
        add(key, row["phase"], row["n"], row["n"] if row["right"] else 0)
    sums = results.values("report__kit_id", "report__province_id").annotate(
        answered_before=models.Sum("answered_before"),
        right_before=models.Sum("right_before"),
        answered_after=models.Sum("answered_after"),
        right_after=models.Sum("right_after"),
    )
    for row in sums.order_by():
        key = (row["report__kit_id"], row["report__province_id"])
        add(key, "before", row["answered_before"], row["right_before"])
        add(key, "after", row["answered_after"], row["right_after"])
    return grouped


def before_after_rows(grouped, kit_titles, province_names, labels):
    """(section, item, value) rows of the dashboard and exports: share right before and after, by kit and province."""
    rows = []
    ordered = sorted(
        grouped.items(), key=lambda item: (kit_titles.get(item[0][0], ""), province_names.get(item[0][1], ""))
    )
    for (kit_id, province_id), entry in ordered:
        item = f"{kit_titles.get(kit_id, '?')} · {province_names.get(province_id, labels['no_province'])}"
        rows.append((labels["check_before"], item, share(*entry["before"])))
        rows.append((labels["check_after"], item, share(*entry["after"])))
    return rows
