"""The demo site's content, written for this platform in Khmer and English (not machine-translated).

Each module holds one kind of content as plain data; ``home/demo.py`` builds pages from it.
Phone numbers are demo placeholders for NACD to confirm before launch.
"""

from home.demo_content.campaigns import CAMPAIGNS
from home.demo_content.events import EVENT_TEMPLATES, SCHOOLS
from home.demo_content.fact_sheets import FACT_SHEETS as _FACT_SHEETS
from home.demo_content.fact_sheets_more import FACT_SHEETS_MORE
from home.demo_content.help_services import HELP_SERVICES
from home.demo_content.lesson_kits import LESSON_KITS
from home.demo_content.site import AUDIENCES, HOME_TITLE, NATIONAL_HOTLINE, SECTIONS, SITE, TOPICS

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
