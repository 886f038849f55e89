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
        if flag("DATABASE_POOL") or flag("DATABASE_PGBOUNCER"):
            raise ConfigurationError("DATABASE_POOL and DATABASE_PGBOUNCER are for PostgreSQL only.")
        return config
    return postgresql_connections(config)


def flag(name):
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def postgresql_connections(config):
    """How a process holds its PostgreSQL connections.

    - By default one persistent connection per thread, kept 60 s and checked before reuse.
    - ``DATABASE_POOL=1``: Django 5.2's psycopg pool per process (``DATABASE_POOL_MIN`` to
      ``DATABASE_POOL_MAX`` connections, shared by the process's threads); Django then needs
      ``CONN_MAX_AGE = 0`` (the pool keeps the connections, not Django).
    - ``DATABASE_PGBOUNCER=1``: behind PgBouncer in transaction pooling, where consecutive queries of a
      session may reach different server connections: no server-side cursors (``.iterator()``), no
      prepared statements, no connection kept by Django (PgBouncer keeps them).
    """
    options = config.setdefault("OPTIONS", {})
    if flag("DATABASE_POOL"):
        try:
            low = int(os.environ.get("DATABASE_POOL_MIN", "2"))
            high = int(os.environ.get("DATABASE_POOL_MAX", "10"))
        except ValueError:
            raise ConfigurationError("DATABASE_POOL_MIN and DATABASE_POOL_MAX must be whole numbers.") from None
        if not 0 <= low <= high or high < 1:
            raise ConfigurationError("DATABASE_POOL_MIN must be between 0 and DATABASE_POOL_MAX (1 or more).")
        options["pool"] = {"min_size": low, "max_size": high, "timeout": 10}
        config["CONN_MAX_AGE"] = 0
        config["CONN_HEALTH_CHECKS"] = False
    if flag("DATABASE_PGBOUNCER"):
        config["DISABLE_SERVER_SIDE_CURSORS"] = True
        options["prepare_threshold"] = None
        config["CONN_MAX_AGE"] = 0
        config["CONN_HEALTH_CHECKS"] = False
    return config


def cache_from_env():
    """The default cache (whole pages, fragments, routes): Redis when REDIS_URL is set, process memory otherwise.

    Redis goes through django-redis with ``IGNORE_EXCEPTIONS``: when Redis is down or slow, a read is a
    miss and a write is dropped, each with a log line (home/caching/redis_failures.py), so pages are built
    afresh instead of answering 500. Nothing that must not be lost lives here (see the two caches below).
    """
    url = os.environ.get("REDIS_URL", "").strip()
    if url:
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise ConfigurationError("REDIS_URL must start with redis://, rediss:// or unix://.")
        return {
            "BACKEND": "home.caching.redis_failures.RedisCache",  # django-redis, with one fix
            "LOCATION": url,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": True,
                "LOG_IGNORED_EXCEPTIONS": True,
                # A dead Redis costs each request at most this long, not the operating system's timeout.
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
            },
        }
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "awareness"}


def worker_count():
    """How many server processes gunicorn starts (gunicorn.conf.py): ``WEB_CONCURRENCY`` or
    ``GUNICORN_WORKERS``; by default 2 with a shared cache (REDIS_URL), 1 on a per-process cache."""
    for name in ("WEB_CONCURRENCY", "GUNICORN_WORKERS"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                count = int(value)
            except ValueError:
                raise ConfigurationError(f"{name} must be a whole number of worker processes.") from None
            if count < 1:
                raise ConfigurationError(f"{name} must be 1 or more.")
            return count
    return 2 if os.environ.get("REDIS_URL", "").strip() else 1


SIGN_IN_CACHE_TABLE = "sign_in_failures"


def sign_in_cache_from_env():
    """Where django-axes keeps its lockout state: shared by every server process, and never lost when
    Redis fails. Always a table of the database (created by the migration home/0005), with or without
    REDIS_URL; never process memory, where each process would count on its own."""
    return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": SIGN_IN_CACHE_TABLE}


SHARED_CACHE_TABLE = "shared_cache"


def shared_cache_from_env():
    """A cache every server process sees (what one process makes stale, none may serve: reach figures and
    their version). Always a table of the database (created by the migration home/0006): a Redis that
    fails or evicts must not bring back stale reach figures, so this one never follows REDIS_URL."""
    return {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": SHARED_CACHE_TABLE,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
