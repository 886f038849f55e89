"""Filtering lesson kits by grade band, topic, duration, file language and campaign.

Filters live in the URL (``?grade=lower_secondary&topic=methamphetamine``), work without
JavaScript as links and as a GET form, and combine. Unknown values are ignored.
"""

from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

from django.db.models import Case, IntegerField, Prefetch, Value, When

from campaigns.campaign_pages import CampaignPage
from campaigns.lessons.pages import DURATIONS, FileLanguage, GradeBand, LessonKitFile
from campaigns.taxonomy import Topic
from home.http.params import text_param
from home.khmer_format import latin_digits

MAX_ID_DIGITS = 18  # a 64-bit integer has 19; any id past this is not a page


@dataclass(frozen=True)
class KitFilters:
    grade: str = ""
    topic: str = ""
    duration: str = ""
    language: str = ""
    campaign: str = ""

    @classmethod
    def from_query(cls, query):
        """Filters from request.GET, keeping only values that can match something."""
        values = {f.name: text_param(query, f.name).strip() for f in fields(cls)}
        if values["grade"] not in GradeBand.values:
            values["grade"] = ""
        if values["duration"] not in DURATIONS:
            values["duration"] = ""
        if values["language"] not in FileLanguage.values:
            values["language"] = ""
        values["campaign"] = campaign_id(values["campaign"])
        return cls(**values)

    @property
    def active(self):
        return any(getattr(self, f.name) for f in fields(self))

    def query(self, **changes):
        """The query string with ``changes`` applied (a value of "" removes that filter)."""
        changed = replace(self, **changes)
        return "?" + urlencode({f.name: getattr(changed, f.name) for f in fields(changed) if getattr(changed, f.name)})

    def options(self, name, pairs):
        """Links for one filter: each option with its label, whether chosen, and its URL."""
        current = getattr(self, name)
        return [
            {"value": value, "label": label, "selected": value == current, "url": self.query(**{name: value})}
            for value, label in pairs
        ]

    def choices(self):

        kit_topics = Topic.objects.filter(lessonkitpage__live=True).distinct().order_by("slug")
        kit_campaigns = CampaignPage.objects.live().filter(lesson_kits__live=True).distinct().order_by("-start_date")
        return {
            "grade": self.options("grade", GradeBand.choices),
            "topic": self.options("topic", [(t.slug, t.name) for t in kit_topics]),
            "duration": self.options("duration", [(k, label) for k, (label, _lo, _hi) in DURATIONS.items()]),
            "language": self.options("language", FileLanguage.choices),
            "campaign": self.options("campaign", [(str(c.pk), c.title) for c in kit_campaigns]),
        }


def campaign_id(value):
    """A page id typed with Latin or Khmer digits, or "" (never a number too large for the database)."""
    value = latin_digits(value)
    return value if value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS else ""


def filter_kits(queryset, filters):
    """Live kits matching every chosen filter, with files, documents and topics loaded."""
    queryset = queryset.live().public()
    if filters.grade:
        queryset = queryset.filter(grade_band=filters.grade)
    if filters.topic:
        queryset = queryset.filter(topics__slug=filters.topic)
    if filters.duration:
        _label, low, high = DURATIONS[filters.duration]
        queryset = queryset.filter(duration__gte=low, duration__lte=high)
    if filters.language:
        queryset = queryset.filter(files__language=filters.language)
    if filters.campaign:
        queryset = queryset.filter(campaign_id=int(filters.campaign))
    band_order = Case(
        *[When(grade_band=band, then=Value(number)) for number, band in enumerate(GradeBand.values)],
        output_field=IntegerField(),
    )
    return (
        queryset.distinct()
        .annotate(band_order=band_order)
        .order_by("band_order", "duration", "pk")
        .prefetch_related(
            "topics",
            Prefetch("files", queryset=LessonKitFile.objects.select_related("document").order_by("sort_order")),
        )
    )
