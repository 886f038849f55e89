"""Measuring search against a judgement set (tests/search/judgements.tsv): top-1, top-3 and MRR.

A judgement is a query in one language and the pages a reader wants, each named by a stable id
that survives a reseed (database ids do not): ``campaign/<English slug>``, ``facts/<slug>``,
``kit/<slug>``, ``help/<province code>`` (the help services of a province, as the help finder
lists them) or ``event/<campaign slug>`` (an event line of a campaign in the events block).
The ranked list is what the page shows: the materials, then the event lines.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.utils import translation

from search.query import MaterialSearch

JUDGEMENTS = Path(__file__).resolve().parent.parent / "tests" / "search" / "judgements.tsv"
PREFIXES = {"campaign": "campaign", "fact_sheet": "facts", "lesson_kit": "kit"}


@dataclass
class Judgement:
    language: str
    query: str
    wanted: tuple
    note: str = ""


def read_judgements(path=JUDGEMENTS):
    """The judgements of ``path``: tab-separated language, query, wanted ids (space-separated), note."""
    found = []
    with open(path, encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if not row or row[0].startswith("#") or len(row) < 3:
                continue
            found.append(Judgement(row[0].strip(), row[1].strip(), tuple(row[2].split()), (row[3:] or [""])[0]))
    return found


def stable_ids(keys):
    """``{"kind:pk": stable id}`` for index keys."""
    from wagtail.models import Page

    from campaigns.models import HelpService, OutreachEvent

    by_kind = {}
    for key in keys:
        kind, _sep, pk = key.partition(":")
        by_kind.setdefault(kind, []).append(int(pk))
    ids = {}
    pages = Page.objects.filter(pk__in=[pk for k in PREFIXES for pk in by_kind.get(k, [])])
    for page in pages.specific():
        kind = next(k for k in PREFIXES if f"{k}:{page.pk}" in keys)
        ids[f"{kind}:{page.pk}"] = f"{PREFIXES[kind]}/{page.slug_en or page.slug}"
    for service in HelpService.objects.filter(pk__in=by_kind.get("help_service", [])).select_related("province"):
        ids[f"help_service:{service.pk}"] = f"help/{service.province.code}"
    events = OutreachEvent.objects.filter(pk__in=by_kind.get("event", [])).select_related("campaign")
    for event in events:
        ids[f"event:{event.pk}"] = f"event/{event.campaign.specific.slug_en or event.campaign.slug}"
    return ids


def ranked_ids(judgement, backend=None, depth=10):
    """The stable ids of what the search page shows for ``judgement``, in order, without repeats."""
    with translation.override(judgement.language):
        results = MaterialSearch(judgement.query, language=judgement.language, backend=backend, per_page=depth).run()
    keys = [hit.key for hit in results.hits] + [line.key for line in results.events]
    names = stable_ids(keys)
    return list(dict.fromkeys(names[k] for k in keys if k in names))


def score(judgements, backend=None):
    """``{"top1", "top3", "mrr", "misses"}`` over ``judgements``: misses lists those without a wanted
    page in the top 3, with what came instead."""
    top1 = top3 = reciprocal = 0.0
    misses = []
    for judgement in judgements:
        ranked = ranked_ids(judgement, backend)
        rank = next((i for i, found in enumerate(ranked, 1) if found in judgement.wanted), None)
        if rank == 1:
            top1 += 1
        if rank and rank <= 3:
            top3 += 1
        else:
            misses.append((judgement, ranked[:3]))
        reciprocal += 1 / rank if rank else 0
    count = len(judgements) or 1
    return {"top1": top1 / count, "top3": top3 / count, "mrr": reciprocal / count, "misses": misses}
