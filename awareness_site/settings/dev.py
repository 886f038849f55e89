"""Settings for a developer's machine and `make run`."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "1") == "1"
# A fixed key for local development only; production refuses to start without its own.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-key-not-for-production-8f2c1e"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
# Serve static files from the apps directly, without collectstatic.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Template and code changes show at once; PAGE_CACHE_SECONDS=300 tries the page cache locally.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "0"))
EDGE_CACHE_SECONDS = int(os.environ.get("EDGE_CACHE_SECONDS", "0"))  # no front cache on a developer's machine
