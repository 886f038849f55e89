"""Models of the campaigns app, each defined in the module named for what it holds."""

from campaigns.campaign_pages import CampaignIndexPage, CampaignPage
from campaigns.fact_sheets import FactSheetIndexPage, FactSheetPage
from campaigns.help_services import HelpFinderPage, HelpService
from campaigns.officials import OfficialArea
from campaigns.outreach import OutreachEvent, OutreachEventPhoto
from campaigns.places import Commune, District, Province
from campaigns.taxonomy import Audience, Topic

__all__ = [
    "Audience",
    "CampaignIndexPage",
    "CampaignPage",
    "Commune",
    "District",
    "FactSheetIndexPage",
    "FactSheetPage",
    "HelpFinderPage",
    "HelpService",
    "OfficialArea",
    "OutreachEvent",
    "OutreachEventPhoto",
    "Province",
    "Topic",
]
