"""``/healthz``: may a load balancer send readers to this process? (docs/deployment.md)

Three checks: the database answers a query, the default cache answers a write and a read back, the
media storage answers a lookup (a HEAD on object storage; the folder is there and writable on local
disk). The answer is JSON naming each check ``ok`` or ``failing``, and never an error's text, an
address or a setting: a failure's detail goes to the log only.

200 while the database and the storage answer; 503 when either fails. A failing cache is reported
(``"cache": "failing"``) but keeps the 200: pages are then built afresh (home/caching/redis_failures.py),
and a Redis outage must not make the load balancer take every host out at once.

Answered by :class:`HealthMiddleware`, first in the list, before the host check (load balancers probe
with an address, not the site's name), the HTTPS redirect (they probe over HTTP), sessions and caches;
``never_cache`` and no cookie, so no front cache keeps it.
"""

import logging
import os
from pathlib import Path

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import get_random_string

logger = logging.getLogger(__name__)
PATH = "/healthz"
PROBE_NAME = "healthz-probe"


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def cache_answers():
    key, value = "healthz:" + get_random_string(8), get_random_string(8)
    cache.set(key, value, 10)  # a Redis that fails ignores this and reads None back
    answered = cache.get(key) == value
    cache.delete(key)
    return answered


def storage_answers():
    storage = default_storage
    if isinstance(storage, FileSystemStorage):
        folder = Path(storage.location)
        target = folder if folder.exists() else folder.parent
        return target.is_dir() and os.access(target, os.W_OK)
    storage.exists(PROBE_NAME)  # raises when the bucket cannot be reached
    return True


CHECKS = {"database": database_answers, "cache": cache_answers, "storage": storage_answers}
REQUIRED = ("database", "storage")


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "failing"
        except Exception:
            logger.exception("health check %s failed", name)
            results[name] = "failing"
    return results


def healthz(request):
    results = run_checks()
    healthy = all(results[name] == "ok" for name in REQUIRED)
    response = JsonResponse(
        {"status": "ok" if healthy else "failing", "checks": results}, status=200 if healthy else 503
    )
    add_never_cache_headers(response)
    return response


class HealthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") == PATH and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
