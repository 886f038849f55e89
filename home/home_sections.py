"""What the home page shows: the current campaign, entry points, latest campaigns, upcoming events."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def first_live(model):
    return model.objects.live().public().first()


def entry_points():
    """The four ways in: young people, teachers, outreach staff and officials, and help."""
    from campaigns.models import FactSheetIndexPage, HelpFinderPage, LessonKitIndexPage

    facts, kits, help_page = (
        first_live(FactSheetIndexPage),
        first_live(LessonKitIndexPage),
        first_live(HelpFinderPage),
    )
    return [
        {
            "key": "youth",
            "title": _("For young people"),
            "text": _("Straight facts about drugs, and how to stay safe and help a friend."),
            "page": facts,
        },
        {
            "key": "teachers",
            "title": _("For teachers"),
            "text": _("Lesson kits for every grade, ready to download and teach."),
            "page": kits,
        },
        {
            "key": "officials",
            "title": _("For outreach staff and officials"),
            "text": _("Log outreach events and report the people you reached."),
            "url": reverse("wagtailadmin_home"),
        },
        {
            "key": "help",
            "title": _("Get help"),
            "text": _("Hotlines, counselling and treatment services in your province."),
            "page": help_page,
        },
    ]


def upcoming_events(count=4):
    """The next public outreach events (not cancelled), soonest first."""
    from campaigns.event_calendar import public_events

    return list(public_events().upcoming()[:count])


def home_sections(home_page):
    from campaigns.campaign_pages import CampaignPage, campaigns_for_listing, current_campaign

    featured = current_campaign()
    latest = campaigns_for_listing(CampaignPage.objects.all())
    if featured is not None:
        latest = latest.exclude(pk=featured.pk)
    return {
        "featured_campaign": featured,
        "entry_points": entry_points(),
        "latest_campaigns": list(latest[:3]),
        "upcoming_events": upcoming_events(),
    }
