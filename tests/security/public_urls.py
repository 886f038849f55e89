"""Every kind of public address a visitor may open, built from the demo content.

Shared by the header, privacy, access and fuzz tests, so a new kind of public
page added here is checked by all of them.
"""

from django.urls import reverse
from django.utils import translation

from wagtail.documents import get_document_model

from campaigns.campaign_pages import CampaignIndexPage, CampaignPage
from campaigns.events.models import OutreachEvent
from campaigns.fact_sheets import FactSheetIndexPage, FactSheetPage
from campaigns.help_services import HelpFinderPage
from campaigns.lessons.index_page import LessonKitIndexPage
from campaigns.lessons.pages import LessonKitPage
from campaigns.places import Province
from campaigns.quizzes.models import Quiz
from home.models import HomePage

PHONE = "Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"


def page_of(model):
    return model.objects.live().public().order_by("path").first()


def public_urls(language="km"):
    """{kind: url} for every public page type and endpoint, in ``language``."""

    with translation.override(language):
        kit = LessonKitPage.objects.live().public().filter(files__isnull=False).order_by("path").first()
        kit_file = kit.files.order_by("sort_order").first()
        campaign = page_of(CampaignPage)
        event = OutreachEvent.objects.public().order_by("start").first()
        province = Province.objects.order_by("code").first()
        document = get_document_model().objects.order_by("pk").first()
        quiz = Quiz.objects.filter(live=True).order_by("pk").first()
        urls = {
            "home": page_of(HomePage).url,
            "campaign_index": page_of(CampaignIndexPage).url,
            "campaign_index_filtered": page_of(CampaignIndexPage).url + "?topic=methamphetamine",
            "campaign": campaign.url,
            "fact_sheet_index": page_of(FactSheetIndexPage).url,
            "fact_sheet": page_of(FactSheetPage).url,
            "lesson_kit_index": page_of(LessonKitIndexPage).url,
            "lesson_kit_index_filtered": page_of(LessonKitIndexPage).url + "?grade=lower_secondary",
            "lesson_kit": kit.url,
            "kit_file": kit.url + f"files/{kit_file.pk}/",
            "kit_zip": kit.url + f"zip/{kit_file.language}/",
            "help_finder": page_of(HelpFinderPage).url,
            "help_finder_province": page_of(HelpFinderPage).url + f"?province={province.code}",
            "events_month": reverse("events:month"),
            "events_list": reverse("events:list"),
            "event": reverse("events:detail", args=(event.pk,)),
            "event_ics": reverse("events:event_ics", args=(event.pk,)),
            "events_feed": reverse("events:feed"),
            "events_province_feed": reverse("events:province_feed", args=(province.code,)),
            "events_campaign_feed": reverse("events:campaign_feed", args=(campaign.slug_en,)),
            "search": reverse("search:search") + "?q=យ៉ាម៉ា",
            "search_empty": reverse("search:search"),
            "beacon": reverse("beacon", args=(campaign.pk, language)),
            "document": document.url,
            "not_found": f"/{language}/no-such-page-here/",
            "quiz": reverse("quizzes:quiz", args=(quiz.pk,)),
            "quiz_score": reverse("quizzes:score", args=(quiz.pk, 2)),
            "quiz_class_entry": reverse("quizzes:class_entry"),
        }
    return urls


HTML_KINDS = {
    "home",
    "campaign_index",
    "campaign_index_filtered",
    "campaign",
    "fact_sheet_index",
    "fact_sheet",
    "lesson_kit_index",
    "lesson_kit_index_filtered",
    "lesson_kit",
    "help_finder",
    "help_finder_province",
    "events_month",
    "events_list",
    "event",
    "search",
    "search_empty",
    "not_found",
    "quiz",
    "quiz_score",
    "quiz_class_entry",
}


def read(response):
    """The whole body, streamed or not (the client closes a streamed response after the last byte)."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content
