"""The campaigns app's public page types, for home's list of every public page (``home/public_pages.py``)."""

from django.urls import reverse

from campaigns.campaign_pages import CampaignPage
from campaigns.events.models import OutreachEvent
from home.public_pages import PublicPage, first_live_url


def campaign_path(language):
    """The first live campaign with a hero image (the heaviest kind of campaign page)."""
    page = CampaignPage.objects.live().public().filter(hero_image__isnull=False).order_by("path").first()
    return page.get_url() if page is not None else None


def event_path(language):
    event = OutreachEvent.objects.public().order_by("start", "pk").first()
    return reverse("events:detail", args=(event.pk,)) if event is not None else None


def page_type(name, model_name):
    return PublicPage(name, lambda language: first_live_url(model_name))


def public_pages():
    return [
        page_type("campaign index", "campaignindexpage"),
        PublicPage("campaign", campaign_path),
        page_type("fact sheet index", "factsheetindexpage"),
        page_type("fact sheet", "factsheetpage"),
        page_type("lesson kit index", "lessonkitindexpage"),
        page_type("lesson kit", "lessonkitpage"),
        page_type("help finder", "helpfinderpage"),
        PublicPage("events month", lambda language: reverse("events:month")),
        PublicPage("event", event_path),
    ]
