"""Settings for the test suite: fast, and no outside services."""

import os
from pathlib import Path

from awareness_site.environment import shared_cache_from_env, sign_in_cache_from_env

from .base import *  # noqa: F403

# Playwright's sync API runs an event loop in the test thread; Django's
# guard against database access from async code would stop the browser tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "sign_in": sign_in_cache_from_env(),  # a database table: each test's failures roll back with it
    "shared": shared_cache_from_env(),  # likewise
}
# Off: each test's data is rolled back but the cache is not. tests/home/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
REACH_CACHE_SECONDS = 0  # likewise; tests/campaigns/reach/test_reach.py turns it on
FRAGMENT_CACHE_SECONDS = 0
EDGE_CACHE_SECONDS = 0  # tests/home/test_edge_cache.py turns it on
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The browser tests serve static files as production does: collected, compressed, with hashed names
# (tests/browser/conftest.py runs collectstatic into STATIC_ROOT).
if os.environ.get("STATIC_ROOT"):
    STATIC_ROOT = Path(os.environ["STATIC_ROOT"])
    STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}  # noqa: F405
    WHITENOISE_USE_FINDERS = False
    WHITENOISE_AUTOREFRESH = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / ".test-media"))  # noqa: F405
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", MEDIA_ROOT.parent / ".test-private-media"))
WAGTAILADMIN_BASE_URL = "http://testserver"

# SQLite tests use a file, as the embedded site does, so concurrency tests meet real
# SQLite locking (WAL, busy timeout) rather than the shared in-memory cache's.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # One file per checkout; TEST_SQLITE_NAME gives a second test session in the same checkout its own
    # (two sessions on one file delete each other's database).
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_SQLITE_NAME") or str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405
