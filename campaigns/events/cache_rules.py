"""What an outreach event's save purges from the page cache: the calendar, search, the home page
(upcoming events) and its campaign's page (reach), not every page of the site."""

from home.caching.page_cache import purge_groups
from home.caching.purges import page_paths, purge_rule
from home.models import HomePage


def purge_event(event):
    pages = [*HomePage.objects.all()]
    if event.campaign_id:
        pages.append(event.campaign)
    groups = {"events", "search"}
    for page in pages:
        groups |= page_paths(page)
    purge_groups(groups)


def register():
    purge_rule("campaigns.outreachevent", purge_event)
    purge_rule("campaigns.outreacheventphoto", lambda photo: purge_event(photo.event))
