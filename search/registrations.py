"""What is searchable: campaigns, fact sheets, lesson kits (with their PDF files) and help services.

Each kind is one ``register(Source(...))``: a ``text`` function, ``facets`` (topic,
grade_band, province, campaign), ``is_searchable`` and ``documents`` (PDF files whose
text belongs to the material).
"""

from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.rich_text import expand_db_html

from campaigns.help_services import HelpFinderPage
from campaigns.models import CampaignPage, FactSheetPage, HelpService, LessonKitPage, OutreachEvent
from home.security import access
from search.sources import Source, register


def page_is_searchable(page):
    """Live, without a view restriction (here or above): the one rule, home/security/access.py."""
    return access.is_public_page(page)


def own_language_title(page):
    """The page's title in the active language, or "" when it is not translated into it."""

    return (getattr(page, f"title_{translation.get_language()}", "") or "").strip()


def plain(html):

    return strip_tags(expand_db_html(html or "")).strip()


def stream_text(stream):
    """The searchable text of a StreamField value in the active language."""
    if not stream:
        return ""
    return "\n".join(str(part) for part in stream.stream_block.get_searchable_content(stream) if part)


def stream_documents(stream):
    """Documents chosen in the "downloads" blocks of a StreamField value."""
    found = []
    for block in stream or []:
        if block.block_type == "documents":
            found.extend(item["document"] for item in block.value["documents"] if item.get("document"))
    return found


def live_pages(model):
    return lambda: model.objects.live().public().specific()


# Campaign pages --------------------------------------------------------------


def campaign_text(page):
    title = own_language_title(page)
    if not title:
        return None
    return {
        "title": title,
        "url": page.get_url(),
        "summary": page.summary or "",
        "body": stream_text(page.body),
    }


def campaign_facets(page):
    return {
        "topic": [t.slug for t in page.topics.all()],
        "province": [p.code for p in page.provinces.all()],
        "campaign": [page.pk],
    }


# Fact sheets -----------------------------------------------------------------


def fact_sheet_text(page):
    title = own_language_title(page)
    if not title:
        return None
    sections = [plain(text) for _anchor, _heading, text in page.sections]
    return {
        "title": title,
        "url": page.get_url(),
        "names": "\n".join(page.name_list),
        "summary": page.summary or "",
        "body": "\n".join(sections),
    }


def fact_sheet_facets(page):
    return {"topic": [t.slug for t in page.topics.all()]}


# Lesson kits -----------------------------------------------------------------


def lesson_kit_text(page):
    title = own_language_title(page)
    if not title:
        return None
    steps = [f"{step.value['title']}\n{plain(step.value['instructions'].source)}" for step in page.steps or []]
    return {
        "title": title,
        "url": page.get_url(),
        "summary": page.summary or "",
        "body": "\n".join([page.objectives or "", plain(page.preparation), *steps, page.assessment or ""]),
    }


def lesson_kit_facets(page):
    return {
        "topic": [t.slug for t in page.topics.all()],
        "grade_band": [page.grade_band],
        "campaign": [page.campaign_id] if page.campaign_id else [],
    }


def lesson_kit_documents(page):
    """The kit's files in the language being indexed: a phrase from a teacher guide finds its kit."""

    language = translation.get_language()
    return [f.document for f in page.kit_files() if f.language == language]  # public files only


# Outreach events -------------------------------------------------------------


def event_text(event):

    title = (getattr(event, f"title_{translation.get_language()}", "") or "").strip()
    if not title:
        return None
    return {
        "title": title,
        "url": reverse("events:detail", args=[event.pk]),
        "body": "\n".join(
            [
                event.description or "",
                str(event.get_kind_display()),
                event.venue or "",
                event.organiser or "",
                event.audience or "",
                event.province.name,
            ]
        ),
    }


def event_is_searchable(event):
    """Events the public calendar shows: of a live, public campaign (cancelled ones are shown as cancelled)."""
    return access.is_public_page(event.campaign)


def hidden_events():
    """Events of campaigns that are not public (restricted, or unpublished): never in search results."""
    public_campaigns = access.public_pages(CampaignPage.objects.all()).values("pk")
    return OutreachEvent.objects.exclude(campaign__in=public_campaigns).values_list("pk", flat=True)


# Help services (snippets) ----------------------------------------------------


def help_service_text(service):

    language = translation.get_language()
    name = (getattr(service, f"name_{language}", "") or "").strip()
    finder = HelpFinderPage.objects.live().public().first()
    if not name or finder is None:
        return None
    return {
        "title": name,
        "url": f"{finder.get_url()}?province={service.province.code}",
        "body": "\n".join(
            [
                str(service.get_kind_display()),
                service.province.name,
                service.address or "",
                service.opening_hours or "",
                service.phone,
            ]
        ),
    }


def register_all():

    register(
        Source(
            kind="campaign",
            model=CampaignPage,
            label=_("Campaign"),
            text=campaign_text,
            facets=campaign_facets,
            is_searchable=page_is_searchable,
            queryset=live_pages(CampaignPage),
            documents=lambda page: stream_documents(page.body),
            is_page=True,
        )
    )
    register(
        Source(
            kind="fact_sheet",
            model=FactSheetPage,
            label=_("Fact sheet"),
            text=fact_sheet_text,
            facets=fact_sheet_facets,
            is_searchable=page_is_searchable,
            queryset=live_pages(FactSheetPage),
            is_page=True,
        )
    )
    register(
        Source(
            kind="lesson_kit",
            model=LessonKitPage,
            label=_("Lesson kit"),
            text=lesson_kit_text,
            facets=lesson_kit_facets,
            is_searchable=page_is_searchable,
            queryset=live_pages(LessonKitPage),
            documents=lesson_kit_documents,
            is_page=True,
        )
    )
    register(
        Source(
            kind="event",
            model=OutreachEvent,
            label=_("Outreach event"),
            text=event_text,
            facets=lambda event: {"province": [event.province.code], "campaign": [event.campaign_id]},
            is_searchable=event_is_searchable,
            queryset=lambda: OutreachEvent.objects.public().select_related("province", "campaign"),
            hidden=hidden_events,
            follows_pages=lambda pages: OutreachEvent.objects.filter(campaign__in=pages).select_related(
                "province", "campaign"
            ),
        )
    )
    register(
        Source(
            kind="help_service",
            model=HelpService,
            label=_("Help service"),
            text=help_service_text,
            facets=lambda service: {"province": [service.province.code]},
            queryset=lambda: HelpService.objects.select_related("province"),
        )
    )
