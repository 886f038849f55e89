"""The demo site's content, written for this platform in Khmer and English (not machine-translated).

Each module holds one kind of content as plain data; ``campaigns/demo/seed.py`` builds pages from it.
Phone numbers are demo placeholders for NACD to confirm before launch.
"""

from campaigns.demo.content.campaigns import CAMPAIGNS
from campaigns.demo.content.events import EVENT_TEMPLATES, SCHOOLS
from campaigns.demo.content.fact_sheets import FACT_SHEETS as _FACT_SHEETS
from campaigns.demo.content.fact_sheets_more import FACT_SHEETS_MORE
from campaigns.demo.content.help_services import HELP_SERVICES
from campaigns.demo.content.lesson_kits import LESSON_KITS
from campaigns.demo.content.site import AUDIENCES, HOME_TITLE, NATIONAL_HOTLINE, SECTIONS, SITE, TOPICS

FACT_SHEETS = _FACT_SHEETS + FACT_SHEETS_MORE

__all__ = [
    "AUDIENCES",
    "CAMPAIGNS",
    "EVENT_TEMPLATES",
    "FACT_SHEETS",
    "HELP_SERVICES",
    "HOME_TITLE",
    "LESSON_KITS",
    "NATIONAL_HOTLINE",
    "SCHOOLS",
    "SECTIONS",
    "SITE",
    "TOPICS",
]
