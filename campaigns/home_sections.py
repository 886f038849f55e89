"""What the campaigns feature shows on the home page: the current campaign, entry points, latest campaigns,
upcoming events (registered with home's ``home_page_sections`` hook in ``campaigns/wagtail_hooks.py``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaigns.campaign_pages import CampaignPage, campaigns_for_listing, current_campaign
from campaigns.events.calendar import public_events
from campaigns.fact_sheets import FactSheetIndexPage
from campaigns.help_services import HelpFinderPage
from campaigns.lessons.index_page import LessonKitIndexPage


def first_live(model):
    return model.objects.live().public().first()


def entry_points():
    """The four ways in: young people, teachers, outreach staff and officials, and help."""

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

    return list(public_events().upcoming()[:count])


def home_sections(home_page, request=None):

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
