"""Shared set-up for the bench scripts: a throw-away database with the demo content.

Usage inside a script:  from _setup import django_site;  env = django_site("name")
DATABASE_URL may point at PostgreSQL (a database named for the bench is created and dropped).
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bench_database_url(name, tmp):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp / (name + '.sqlite3')}"
    import psycopg

    base, _, _db = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "bench_{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "bench_{name}"')
    return f"{base}/bench_{name}"


def django_site(name, seed=True):
    """Point Django at a fresh migrated (and seeded) database and set it up; returns the environment used."""
    tmp = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "awareness_site.settings.test",
        "DATABASE_URL": bench_database_url(name, tmp),
        "MEDIA_ROOT": str(tmp / "media"),
        "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
    }
    run = [sys.executable, "manage.py"]
    subprocess.run([*run, "migrate", "--noinput"], cwd=ROOT, env=env, check=True, capture_output=True)
    if seed:
        subprocess.run([*run, "seed_demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    return env


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]
