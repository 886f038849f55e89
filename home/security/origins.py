"""Is a form post from this site? The Origin check of forms that set no CSRF cookie.

The teachers' class report form, the page password form and the front-end sign-in
form carry no CSRF token: a token needs a cookie, and the site sets none for
anonymous readers (docs/privacy.md). Browsers send ``Origin`` with every
cross-site POST; a post whose Origin is another site, another scheme, or ``null``
(a sandboxed frame, a page opened from a file, some redirects) is refused. A post
with no Origin at all (old browsers, which also send no cross-site one) is let in.
"""

from urllib.parse import urlsplit

from django.http import HttpResponse
from django.utils.translation import gettext


def foreign_origin(request):
    """True when the browser says the post was sent from anywhere but this site (scheme and host)."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        return False
    origin = origin.strip()
    if not origin or origin.lower() == "null":
        return True
    try:
        parts = urlsplit(origin)
    except ValueError:
        return True
    return parts.scheme.lower() != request.scheme or parts.netloc.lower() != request.get_host().lower()


def refused_origin():
    return HttpResponse(
        gettext("This form can only be sent from this site. Open the page again and send it from there."),
        status=403,
        content_type="text/plain; charset=utf-8",
    )
