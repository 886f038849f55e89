"""Page views counted on the server, without tracking anyone.

Every public page carries a tiny beacon image (``/beacon/<page id>/<language>.gif``);
the image request adds one to the day's row for that page and language. An image
needs no script, and it is requested even when the page itself comes from a cache
in front of Django, so views keep counting once pages are cached. Robots (by user
agent), HEAD requests, previews and the admin are not counted. One client counts at
most ``BEACON_VIEWS_PER_HOUR`` views of a page an hour (a reload loop cannot inflate
the figures); the budget is kept under the client's hashed, hourly-salted key
(home/security/rate_limits.py), the only thing stored about the reader, and the
beacon sets no cookie.
"""

import base64

from django.conf import settings
from django.db import models
from django.http import HttpResponse, HttpResponseNotFound
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from wagtail.models import Page

from home.http.daily_counts import increment
from home.http.sent import after_sending
from home.http.visitors import is_bot
from home.security import rate_limits

# The smallest transparent GIF (43 bytes).
BEACON_VIEWS_PER_HOUR = 20
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


class PageViewCount(models.Model):
    day = models.DateField(_("day"))
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("page")
    )
    language = models.CharField(_("language"), max_length=2)
    count = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page view count")
        verbose_name_plural = _("page view counts")
        constraints = [models.UniqueConstraint(fields=["day", "page", "language"], name="one_view_row_per_day")]
        indexes = [models.Index(fields=["page", "day"])]

    def __str__(self):
        return f"{self.day} {self.page_id} {self.language} {self.count}"


def count_view(page_id, language, day=None):
    increment(PageViewCount, {"day": day or timezone.localdate(), "page_id": page_id, "language": language})


def within_budget(request, page_id):
    """One more view of the page from this client this hour; False past ``BEACON_VIEWS_PER_HOUR``."""
    key = f"{page_id}:{rate_limits.client_key(request)}"
    return not rate_limits.over("beacon", key, limit=BEACON_VIEWS_PER_HOUR, seconds=3600)


@require_GET
def beacon(request, page_id, language):
    """The beacon image: counts one view of a live public page, answers 404 to anything else."""
    if language not in dict(settings.LANGUAGES) or not Page.objects.live().public().filter(pk=page_id).exists():
        return HttpResponseNotFound(b"", content_type="text/plain")
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store, max-age=0"
    if not is_bot(request) and within_budget(request, page_id):
        after_sending(response, lambda: count_view(page_id, language))  # counted once sent (home/http/sent.py)
    return response
