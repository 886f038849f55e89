"""What the site may know about a request without tracking anyone: is it a robot, is it a fresh read.

Nothing here stores an address, a user agent or any identifier; :func:`client_address` returns the
address only for hashing into a rate-limit key.
"""

import ipaddress
import re

from django.conf import settings

BOT_PATTERN = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|facebot|embedly|preview|"
    r"headlesschrome|lighthouse|pingdom|uptime|monitor|python-requests|python-urllib|go-http-client|"
    r"curl/|wget/|httpclient|scrapy|feedfetcher",
    re.IGNORECASE,
)


def is_bot(request):
    """True for obvious robots by user agent (and for requests with no user agent at all)."""
    agent = request.META.get("HTTP_USER_AGENT", "")
    return not agent.strip() or bool(BOT_PATTERN.search(agent))


def client_address(request):
    """The address of the client, read through ``TRUSTED_PROXY_COUNT`` proxies (0: ``REMOTE_ADDR``).

    Each proxy in front of the site appends the address it received the request
    from to ``X-Forwarded-For``; with ``n`` trusted proxies, the client is the
    ``n``-th address from the right. Addresses further left were written by the
    client itself and are ignored. Used only to make a hashed key
    (home/security/rate_limits.py), never stored or logged.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if not forwarded:
        return remote
    candidate = forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0]
    try:
        return str(ipaddress.ip_address(candidate[:64]))
    except ValueError:
        return remote
