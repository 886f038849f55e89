"""What staff curate and learn from: promoted results, and the searches that found nothing or that
nobody opened a result of.

- **Promoted results** are Wagtail's ``wagtail.contrib.search_promotions`` (Settings → Promoted
  search results): a query string (in Khmer or English, as readers type it) and the pages or links
  to show first. A promoted page is shown only while it may be seen (``home.security.access``),
  with its title and address in the reader's language.
- **The report**: ``SearchQueryDay`` counts, per language, query text and day, the searches, those
  that found nothing and the results opened (through ``/search/go/``). Nothing about the reader is
  kept: no IP address, no cookie, no user, no time of day; and the text of a query only once
  ``REPORT_THRESHOLD`` searches made it that day (before, a keyed digest counts it), so what one
  reader alone typed (a name, a phone number) is never stored.
"""

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.core.signing import BadSignature, Signer
from django.db.models import F
from django.utils import timezone, translation

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from home.security import access
from search.models import SearchQueryDay
from search.text import normalise

MAX_PROMOTIONS = 3
MAX_REPORTED_QUERY = 200
CLICK_SALT = "search.click"
REPORT_THRESHOLD = 3  # searches of the same words on one day before the report shows them


@dataclass
class Promotion:
    title: str
    url: str
    description: str = ""


def promoted(text, language):
    """The promoted results for ``text`` (staff's order), pages the public may see only."""
    query = normalise_query_string(normalise(text or ""))[:255]
    if not query:
        return []
    picks = list(
        SearchPromotion.objects.filter(query__query_string=query).order_by("sort_order", "pk")[: MAX_PROMOTIONS * 2]
    )
    visible = set(
        access.public_pages(Page.objects.live().filter(pk__in=[p.page_id for p in picks if p.page_id])).values_list(
            "pk", flat=True
        )
    )
    pages = Page.objects.filter(pk__in=visible).specific().in_bulk()
    found = []
    with translation.override(language):
        for pick in picks:
            if pick.page_id:
                page = pages.get(pick.page_id)
                if page is None:
                    continue
                title = (getattr(page, f"title_{language}", "") or page.title).strip()
                found.append(Promotion(title=title, url=page.get_url(), description=pick.description))
            elif pick.external_link_url:
                found.append(
                    Promotion(
                        title=pick.external_link_text or pick.external_link_url,
                        url=pick.external_link_url,
                        description=pick.description,
                    )
                )
    return found[:MAX_PROMOTIONS]


def report_key(text):
    """The query as the report keeps it: normalised, lower case, spaces collapsed, 200 characters."""
    return " ".join(normalise(text or "").lower().split())[:MAX_REPORTED_QUERY]


def query_digest(language, query, day):
    """A keyed digest of the query (the site's secret, the day): what a row holds until the text may be kept."""
    key = f"search-report:{settings.SECRET_KEY}:{day.isoformat()}".encode()
    return hmac.new(key, f"{language}\n{query}".encode(), hashlib.sha256).hexdigest()


def _count(language, text, **increments):
    query = report_key(text)
    if not query:
        return
    day = timezone.localdate()
    row, _created = SearchQueryDay.objects.get_or_create(
        digest=query_digest(language, query, day), day=day, defaults={"language": language}
    )
    SearchQueryDay.objects.filter(pk=row.pk).update(**{name: F(name) + n for name, n in increments.items()})
    # The text is written once enough searches made it that day: then it is what readers look for,
    # not one reader's own words.
    SearchQueryDay.objects.filter(pk=row.pk, query="", searches__gte=REPORT_THRESHOLD).update(query=query)


def record_search(text, language, found):
    """One search of ``text``; ``found``: whether it found anything."""
    _count(language, text, searches=1, no_results=0 if found else 1)


def record_click(text, language):
    _count(language, text, clicks=1)


def signed_target(url):
    """``url`` signed for the click counter (``/search/go/?to=...``): only addresses the search page gave."""
    return Signer(salt=CLICK_SALT).sign(str(url)[:500])


def click_target(signed):
    """The address in ``signed`` if the search page signed it and it is on this site, else None:
    the click counter never sends a reader anywhere else."""
    try:
        url = Signer(salt=CLICK_SALT).unsign(str(signed or "")[:700])
    except BadSignature:
        return None
    if not url.startswith("/") or url.startswith("//") or "\\" in url:
        return None
    return url
