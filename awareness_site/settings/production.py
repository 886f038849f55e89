"""Production settings: everything secret or site-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from awareness_site.environment import worker_count

from .base import *  # noqa: F403

DEBUG = False
if os.environ.get("DEBUG", "0") not in ("", "0"):
    raise ImproperlyConfigured("DEBUG must be off in production: unset DEBUG or set DEBUG=0.")
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production (comma-separated).")

if worker_count() > 1 and CACHES["default"]["BACKEND"].endswith("LocMemCache"):  # noqa: F405
    raise ImproperlyConfigured(
        f"{worker_count()} workers (WEB_CONCURRENCY / GUNICORN_WORKERS) on a per-process cache: each would "
        "keep and purge its own copy of every page. Set REDIS_URL, or run one worker."
    )

CSRF_TRUSTED_ORIGINS = [f"https://{h.lstrip('.')}" for h in ALLOWED_HOSTS]  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}")  # noqa: F405
