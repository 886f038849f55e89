"""The demo site's content, written for this platform in Khmer and English (not machine-translated).

Each module holds one kind of content as plain data; ``home/demo.py`` builds pages from it.
Phone numbers are demo placeholders for NACD to confirm before launch.
"""

from home.demo_content.campaigns import CAMPAIGNS
from home.demo_content.fact_sheets import FACT_SHEETS
from home.demo_content.help_services import HELP_SERVICES
from home.demo_content.site import AUDIENCES, NATIONAL_HOTLINE, SITE, TOPICS

__all__ = ["AUDIENCES", "CAMPAIGNS", "FACT_SHEETS", "HELP_SERVICES", "NATIONAL_HOTLINE", "SITE", "TOPICS"]
