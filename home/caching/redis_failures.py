"""One short log line when Redis fails, instead of a traceback for every cache call.

With ``REDIS_URL`` set the default cache is django-redis with ``IGNORE_EXCEPTIONS``
(awareness_site/environment.py): a failed read is a miss, a failed write is dropped,
and the page is built afresh. django-redis then logs "Exception ignored" with a
traceback for each call, dozens a page while Redis is down. :class:`OneLinePerInterval`
turns that into one warning line naming the error, at most once every ``INTERVAL``
seconds per process, so the log says Redis is down without filling the disk.
"""

import logging
import threading
import time

from django_redis.cache import RedisCache as DjangoRedisCache

LOGGER = "home.caching.redis_failures"
INTERVAL = 10.0


class OneLinePerInterval(logging.Filter):
    def __init__(self, name=""):
        super().__init__(name)
        self._lock = threading.Lock()
        self._last = 0.0
        self._dropped = 0

    def filter(self, record):
        with self._lock:
            now = time.monotonic()
            if self._last and now - self._last < INTERVAL:
                self._dropped += 1
                return False
            dropped, self._dropped, self._last = self._dropped, 0, now
        error = record.exc_info[1] if record.exc_info else None
        cause = getattr(error, "__cause__", None) or error
        record.msg = "Redis cache unavailable, pages built without it: %s (%d more failures since the last line)"
        record.args = (f"{type(cause).__name__}: {cause}" if cause else "unknown error", dropped)
        record.exc_info = None
        record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


class RedisCache(DjangoRedisCache):
    """django-redis's cache, whose ``get_many`` returns a fresh dict when Redis fails.

    django-redis 7 answers a failed ``get_many`` with the one ``{}`` given to its decorator, the same
    object every time: a caller that adds to the answer (the page cache adds the generations it makes,
    home/caching/page_cache.py) fills that shared dict, and every later failed ``get_many`` returns
    those entries, e.g. generation strings where Wagtail expects renditions (a 500 on every page).
    """

    def get_many(self, *args, **kwargs):
        return dict(super().get_many(*args, **kwargs))
