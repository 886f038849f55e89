"""What the site may know about a request without tracking anyone: is it a robot, is it a fresh read.

Nothing here stores or returns an address, a user agent or any identifier.
"""

import re

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
