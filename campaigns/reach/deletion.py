"""Campaigns and lesson kits with reach behind them are never deleted: the admin says why.

Deleting a campaign page would lose what is recorded against it: its page views
(and those of its kits and fact sheets), its kits' downloads and classes taught,
the reach NACD staff entered by hand and the officials' outreach events. Some of
those are protected foreign keys (a bare error), others would silently lose their
campaign. The admin's single and bulk page deletion ask :func:`deletion_refusal`
first (hooks in ``campaigns/wagtail_hooks.py``), for the pages and everything under them.
"""

from dataclasses import dataclass

from django.db.models import Sum
from django.utils.translation import gettext as _

from wagtail.models import Page

from campaigns.campaign_pages import CampaignPage
from campaigns.events.models import OutreachEvent
from campaigns.lessons.class_reports import ClassReport
from campaigns.lessons.downloads import DownloadCount
from campaigns.lessons.pages import LessonKitPage
from campaigns.reach.figures import ManualReach, campaign_pages
from campaigns.reach.page_views import PageViewCount
from home.khmer_format import format_number


@dataclass
class ReachBehind:
    page_views: int = 0
    downloads: int = 0
    classes: int = 0
    manual: int = 0
    events: int = 0

    def __bool__(self):
        return any((self.page_views, self.downloads, self.classes, self.manual, self.events))

    def describe(self):
        """ "Page views: ១២, Outreach events: ៣" in the active language, naming only what there is."""
        labels = [
            (_("Page views"), self.page_views),
            (_("Downloads"), self.downloads),
            (_("Classes taught"), self.classes),
            (_("Reach from other channels"), self.manual),
            (_("Outreach events"), self.events),
        ]
        return ", ".join(f"{label}: {format_number(value)}" for label, value in labels if value)


def reach_behind(pages):
    """What is recorded against the campaigns and lesson kits among ``pages`` and the pages under them."""

    subtree = Page.objects.none()
    for page in pages:
        subtree |= Page.objects.descendant_of(page, inclusive=True)
    ids = subtree.values("pk")
    campaigns = list(CampaignPage.objects.filter(pk__in=ids).values_list("pk", flat=True))
    kits = set(LessonKitPage.objects.filter(pk__in=ids).values_list("pk", flat=True))
    kits |= set(LessonKitPage.objects.filter(campaign_id__in=campaigns).values_list("pk", flat=True))
    counted_pages = set(campaign_pages(campaigns)) | kits
    return ReachBehind(
        page_views=PageViewCount.objects.filter(page_id__in=counted_pages).aggregate(n=Sum("count"))["n"] or 0,
        downloads=DownloadCount.objects.filter(kit_id__in=kits).aggregate(n=Sum("count"))["n"] or 0,
        classes=ClassReport.objects.filter(kit_id__in=kits).count(),
        manual=ManualReach.objects.filter(campaign_id__in=campaigns).count(),
        events=OutreachEvent.objects.filter(campaign_id__in=campaigns).count(),
    )


def deletion_refusal(pages):
    """Why ``pages`` may not be deleted, in the active language, or None when nothing is behind them."""
    refusals = []
    for page in pages:
        behind = reach_behind([page])
        if behind:
            refusals.append(
                _(
                    "“%(page)s” cannot be deleted: reach is recorded against it or the pages under it "
                    "(%(counts)s). Unpublish it instead: it leaves the public site and its figures stay in "
                    "the reach reports."
                )
                % {"page": page.specific_deferred.title, "counts": behind.describe()}
            )
    return " ".join(refusals) or None
