"""Models of the campaigns app, each defined in the module named for what it holds."""

from campaigns.campaign_pages import CampaignIndexPage, CampaignPage
from campaigns.class_reports import ClassReport
from campaigns.downloads import DownloadCount
from campaigns.fact_sheets import FactSheetIndexPage, FactSheetPage
from campaigns.help_services import HelpFinderPage, HelpService
from campaigns.lesson_kits import LessonKitFile, LessonKitIndexPage, LessonKitPage
from campaigns.officials import OfficialArea
from campaigns.outreach import OutreachEvent, OutreachEventPhoto
from campaigns.page_views import PageViewCount
from campaigns.places import Commune, District, Province
from campaigns.reach import ManualReach
from campaigns.taxonomy import Audience, Topic

__all__ = [
    "Audience",
    "CampaignIndexPage",
    "CampaignPage",
    "ClassReport",
    "Commune",
    "District",
    "DownloadCount",
    "FactSheetIndexPage",
    "FactSheetPage",
    "HelpFinderPage",
    "HelpService",
    "LessonKitFile",
    "LessonKitIndexPage",
    "LessonKitPage",
    "ManualReach",
    "PageViewCount",
    "OfficialArea",
    "OutreachEvent",
    "OutreachEventPhoto",
    "Province",
    "Topic",
]
