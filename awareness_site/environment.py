"""Read service addresses from the environment, with one-line errors.

A broken ``DATABASE_URL`` must stop the process with a message that names the
variable, not with a traceback (and never reach a visitor).
"""

import os

import dj_database_url


class ConfigurationError(SystemExit):
    """Stops start-up with a one-line message on standard error."""

    def __init__(self, message):
        super().__init__(f"awareness_site: {message}")


# SQLite as a small server database: write-ahead log so readers never wait for a writer,
# "normal" sync (safe in WAL mode, no fsync per commit), a wait instead of "database is
# locked" under concurrent writes, and IMMEDIATE transactions so writers queue up cleanly.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_from_env(sqlite_path):
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(sqlite_path), "OPTIONS": dict(SQLITE_OPTIONS)}
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # dj-database-url raises several types for bad URLs
        raise ConfigurationError(f"DATABASE_URL is not a database URL we can use ({exc}).") from None
    if not config.get("ENGINE") or not config.get("NAME"):
        raise ConfigurationError(
            "DATABASE_URL must name an engine and a database, e.g. postgres://user@host:5432/name."
        )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config.pop("CONN_HEALTH_CHECKS", None)
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


def cache_from_env():
    url = os.environ.get("REDIS_URL", "").strip()
    if url:
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise ConfigurationError("REDIS_URL must start with redis://, rediss:// or unix://.")
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "awareness"}


SIGN_IN_CACHE_TABLE = "sign_in_failures"


def sign_in_cache_from_env():
    """Where django-axes counts failed sign-ins: shared by every server process.

    Redis when REDIS_URL is set, else a table of the database (created by the migration
    home/0005); never process memory, where each process would count on its own.
    """
    url = os.environ.get("REDIS_URL", "").strip()
    if url:
        return {**cache_from_env(), "KEY_PREFIX": "sign-in"}
    return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": SIGN_IN_CACHE_TABLE}


SHARED_CACHE_TABLE = "shared_cache"


def shared_cache_from_env():
    """A cache every server process sees (what one process makes stale, none may serve): Redis
    when REDIS_URL is set, else a table of the database (created by the migration home/0006)."""
    url = os.environ.get("REDIS_URL", "").strip()
    if url:
        return {**cache_from_env(), "KEY_PREFIX": "shared"}
    return {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": SHARED_CACHE_TABLE,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
