"""Settings shared by every environment.

Secrets and service addresses come only from the environment (see README.md,
"Configuration"). Environment-specific modules (dev, test, production) import
everything from here and change as little as they can.
"""

import datetime
import os
from pathlib import Path

from awareness_site.environment import (
    cache_from_env,
    database_from_env,
    shared_cache_from_env,
    sign_in_cache_from_env,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]

# modeltranslation must come before the apps whose models it translates, and
# wagtail_modeltranslation's three apps before modeltranslation itself
# (see ../shared/stack-notes.md).
INSTALLED_APPS = [
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "home",
    "campaigns",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",  # staff's promoted results for a query (search/curation.py)
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "home.http.health.HealthMiddleware",  # /healthz for load balancers, before the host check (home/http/health.py)
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.caching.edge.EdgeCacheHeadersMiddleware",  # Cache-Control for a front cache (home/caching/edge.py)
    "home.caching.page_cache.PageCacheMiddleware",  # whole pages for anonymous readers (home/caching/page_cache.py)
    "home.http.compression.TextCompressionMiddleware",  # gzip for pages and feeds, not files (home/http/compression.py)
    "home.security.content_security.ContentSecurityPolicyMiddleware",
    "home.offline.PrivateWhenSettingCookies",  # the service worker cannot see Set-Cookie (home/offline.py)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.http.admin_not_found.LocaleMiddleware",  # Django's, but an admin 404 stays in the admin
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "home.http.admin_user.CurrentRequestMiddleware",  # for admin hooks called without it (home/http/admin_user.py)
    "home.security.two_factor.SecondFactorMiddleware",
    "home.security.sign_in_language.SignInLanguageMiddleware",  # the next sign-in page in the official's language
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.http.admin_digits.KhmerAdminDigitsMiddleware",  # Khmer digits in Wagtail's text on Khmer admin screens
    "home.http.admin_not_found.AdminNotFoundMiddleware",  # the admin's own 404 page (home/http/admin_not_found.py)
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.http.bad_input.BadInputMiddleware",  # ids too large for the database: 404/400 (home/http/bad_input.py)
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into home.security.sign_in.locked_out
]

ROOT_URLCONF = "awareness_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "awareness_site.wsgi.application"

# Database: DATABASE_URL, or an SQLite file in the project folder.
DATABASES = {"default": database_from_env(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches. "default" (pages, fragments, routes): Redis when REDIS_URL is set (a Redis that fails means
# misses and a log line, never a 500), local memory otherwise. "sign_in" (lockouts) and "shared" (reach
# figures and their version): always database tables, so a failing Redis loses nothing that matters.
CACHES = {"default": cache_from_env(), "sign_in": sign_in_cache_from_env(), "shared": shared_cache_from_env()}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "home.caching.redis_failures"  # one line every few seconds, not a traceback a call

# Proxies in front of the site that append to X-Forwarded-For (nginx, a load balancer): the client's address,
# hashed into rate-limit keys only, is read this many entries from the right (home/http/visitors.py).
# 0: no proxy, REMOTE_ADDR is the client. Never more than there really are: clients can write the header.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0") or 0)

# Teachers' class reports accepted from one client (its hashed address) in an hour (campaigns/lessons/class_reports.py).
# Behind a carrier's shared address (CGNAT) or a school's one connection many teachers are one client: raise it there.
CLASS_REPORTS_PER_HOUR = int(os.environ.get("CLASS_REPORTS_PER_HOUR", "10") or 10)

# Sign-in guessing is stopped by django-axes (home/security/sign_in.py): failures counted per user name in
# a database table, never by address; the name is locked after AXES_FAILURE_LIMIT failures.
AUTHENTICATION_BACKENDS = [
    "home.security.sign_in.SignInGuardBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "home.security.sign_in.SignInHandler"  # counts in a database table (home/security/rate_limits.py)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "home.security.sign_in.locked_out"
AXES_CLIENT_IP_CALLABLE = "home.security.sign_in.no_client_address"
AXES_CLIENT_STR_CALLABLE = "home.security.sign_in.client_description"
AXES_ENABLE_ADMIN = False  # there is no Django admin; Wagtail's admin is the only sign-in
AXES_VERBOSE = False
# axes.W006 warns that without the address in the lockout parameters, rotating user agents or cookies
# gets round the limit. Here the limit is per user name alone: neither changes anything.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Two-step verification for staff who turn it on (home/security/two_factor.py).
OTP_TOTP_ISSUER = "NACD awareness"
# Public pages kept whole for anonymous readers this many seconds at most (0: off); see home/caching/page_cache.py.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# A front cache (Varnish, ops/varnish/default.vcl) may keep anonymous readers' public pages this many seconds
# (s-maxage; 0: no header). With FRONTEND_CACHE_URL (the front cache's own address, e.g. http://127.0.0.1:6081)
# every purge of the page cache also PURGEs it there, through Wagtail's frontend_cache HTTP backend.
EDGE_CACHE_SECONDS = int(os.environ.get("EDGE_CACHE_SECONDS", "300"))
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "").strip()
# The public address the pages are cached under (the Host of the purges); WAGTAILADMIN_BASE_URL by default.
FRONTEND_CACHE_SITE_URL = os.environ.get("FRONTEND_CACHE_SITE_URL", "").strip()
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "front": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": FRONTEND_CACHE_URL}
    }
    WAGTAILFRONTENDCACHE_LANGUAGES = []  # home/caching/edge.py names each language's address itself
# Parts shown on many pages (home/caching/page_cache.py ``remembered``), purged with every page; 0: off.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "300"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Khmer first (the default), English second. The names are the
# languages' own names, as the switcher shows them.
LANGUAGE_CODE = "km"
LANGUAGES = [
    ("km", "ខ្មែរ"),
    ("en", "English"),
]
# The project's own strings (managed by `make messages`), then Khmer for the Wagtail admin
# strings officials meet, which Wagtail itself does not ship (docs/translation.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail_admin"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Phnom_Penh"

MODELTRANSLATION_DEFAULT_LANGUAGE = "km"
MODELTRANSLATION_LANGUAGES = ("km", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("km", "en")}
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True

# Static files, served by whitenoise in every setting.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Private files (officials' event photos): outside MEDIA_ROOT, never served by the web server's /media/;
# the admin serves them after the access check (home/security/private_files.py), itself or, when
# PRIVATE_MEDIA_ACCEL_REDIRECT names an nginx "internal" location for this folder, with X-Accel-Redirect.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
PRIVATE_MEDIA_ACCEL_REDIRECT = os.environ.get("PRIVATE_MEDIA_ACCEL_REDIRECT", "")
# Serve /media/ through Django (development, browser tests). Off in production.
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "0") == "1"
STORAGES = {
    "default": {"BACKEND": "home.security.file_names.SafeNameStorage"},  # Khmer kept, no path tricks
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media on object storage (S3 API) when AWS_STORAGE_BUCKET_NAME is set, shared by every host; the bucket stays
# private and every file is served from the site's own address (home/object_storage.py).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "home.object_storage.SafeNameS3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None,  # MinIO, Ceph, moto
            "region_name": os.environ.get("AWS_S3_REGION_NAME", "").strip() or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID", "").strip() or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY", "").strip() or None,
            "location": os.environ.get("AWS_LOCATION", "media").strip(),
            "default_acl": None,  # the bucket's own policy: private
            "querystring_auth": False,
            "file_overwrite": False,  # a second upload of "poster.jpg" gets a name of its own
            "addressing_style": "path",
        },
    }

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "NACD awareness"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False  # one page tree; translations live in _km/_en fields
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("km", "ខ្មែរ"),
    ("en", "English"),
]
WAGTAILADMIN_USER_LOGIN_FORM = "home.security.admin_login.AdminLoginForm"  # its password label is translated
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Wagtail 8's autosave is off. Its only setting is the interval (0: off); it cannot be told to wait until
# the form is valid, so on a page still being written it posted every half second, kept "Autosave is
# paused - There are validation errors" on screen, and saved a stray draft while the scheduling dialog
# was open (issue 16). Editors save with "Save draft"; the unsaved-changes warning stays.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# Uploads (home/security/uploads.py, docs/security.md): only the types NACD needs, checked by content as well
# as by name; sizes and pixels limited; documents served through Django as attachments (PDF may
# open inline), with nosniff and Wagtail's "default-src 'none'" policy, never from /media/.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "odt"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.security.uploads.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.security.uploads.ImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # decompression bombs: refused before they are decoded
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# WebP at 70 looks like JPEG at about 80 and keeps a photo hero at 720 px wide near 50 KB
# (docs/performance.md); the JPEG fallbacks (old browsers, link previews) at 80.
WAGTAILIMAGES_WEBP_QUALITY = 70
WAGTAILIMAGES_JPEG_QUALITY = 80

# Background work (home/background.py). TASK_WORKER=1: Django's tasks (Wagtail's search, reference index and
# front-cache purges; PDF text, the search index, kit ZIPs) go to a database table and `manage.py db_worker`
# runs them, so editors' saves do not wait. Without it they run at once, in the request (one machine, `make run`).
TASK_WORKER = os.environ.get("TASK_WORKER", "0") == "1"
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASK_WORKER
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "awareness")
# Search ranking: a match's score is multiplied by the weight of its kind (search/ranking.py).
SEARCH_KIND_WEIGHTS = {"campaign": 1.5, "fact_sheet": 1.5, "lesson_kit": 1.3, "help_service": 1.0, "event": 0.5}
# Events found by a search, shown apart: those that end at most this many days ago, and every upcoming one.
SEARCH_RECENT_EVENT_DAYS = 30
# An Elasticsearch cluster: shards and replicas of the index (search/documents.py), and whether saves wait for
# a refresh ("wait_for") or not (False: shown within the index's refresh interval, about a second).
ELASTICSEARCH_SHARDS = int(os.environ.get("ELASTICSEARCH_SHARDS", "1"))
ELASTICSEARCH_REPLICAS = int(os.environ.get("ELASTICSEARCH_REPLICAS", "0"))
SEARCH_REFRESH_ON_SAVE = os.environ.get("SEARCH_REFRESH_ON_SAVE", "") or False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redis_failures": {"()": "home.caching.redis_failures.OneLinePerInterval"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"home.caching.redis_failures": {"filters": ["redis_failures"], "level": "WARNING"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatar requests to a third party
WAGTAIL_ENABLE_UPDATE_CHECK = False  # nor to releases.wagtail.org from the admin's dashboard
# Wagtail's "What's new" banner links to its English release notes: not for officials on Khmer screens.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # Khmer slugs lose their vowel signs when slugified: keep slugs ASCII
# Reach figures (all but today's counters) kept this long in the cache; any save of what they
# count makes them stale at once (campaigns/reach/figures.py). 0 turns it off.
REACH_CACHE_SECONDS = int(os.environ.get("REACH_CACHE_SECONDS", "600"))
REACH_COUNT_VIEWS = (
    os.environ.get("REACH_COUNT_VIEWS", "1") == "1"
)  # the page view beacon (campaigns/reach/page_views.py)

# Security headers (docs/privacy.md, tests/home/test_security_headers.py). HSTS and secure
# cookies are switched on in production settings, which serve only over HTTPS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"  # set only when staff sign in (home/security/sign_in_language.py)
CSRF_COOKIE_SAMESITE = "Lax"

# Content Security Policy (django-csp 4). Public pages: everything from our own origin, no inline
# script or style, no frames, never framed. The Wagtail admin (ADMIN_URL_PREFIX) gets its own
# looser policy, swapped in by home.security.content_security.ContentSecurityPolicyMiddleware: its
# widgets still write inline <script> and style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_URL_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "frame-src": ["'self'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # The page preview is an iframe of the admin inside the admin.
        "frame-ancestors": ["'self'"],
    }
}
