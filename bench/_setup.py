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


# Serving the demo site as production does: gunicorn, production settings, collected static files.

GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_demo_site(name, serve_media=False):
    """A fresh SQLite demo site (migrated, seeded, static files collected) under production settings.

    Returns the environment to serve it with. Plain HTTP on 127.0.0.1, so no redirect to HTTPS.
    """
    tmp = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "awareness_site.settings.production",
        "SECRET_KEY": "bench-only-" + os.urandom(8).hex(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{tmp / 'site.sqlite3'}",
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_ROOT": str(tmp / "static"),
        "SERVE_MEDIA": "1" if serve_media else "0",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
    }
    env.pop("DEBUG", None)
    run = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["seed_demo"], ["collectstatic", "--noinput"]):
        subprocess.run([*run, *command], cwd=ROOT, env=env, check=True, capture_output=True)
    env["BENCH_TMP"] = str(tmp)
    return env


class Gunicorn:
    """``with Gunicorn(app, cwd, env) as base_url:`` serves ``app`` with gunicorn on 127.0.0.1 until the block ends.

    The site's own gunicorn.conf.py (4 threads a worker; 2 workers with REDIS_URL, 1 without, unless
    ``workers`` says) is used for every app served, so the demo site and the yardstick are served the same
    way; access logs are off.
    """

    def __init__(self, app, cwd, env, workers=None, ready_path="/", log_name="gunicorn"):
        self.app, self.cwd, self.env, self.ready_path = app, Path(cwd), dict(env), ready_path
        self.port = free_port()
        self.env["GUNICORN_BIND"] = f"127.0.0.1:{self.port}"
        if workers:
            self.env["GUNICORN_WORKERS"] = str(workers)
        self.log_path = Path(tempfile.gettempdir()) / f"bench-{log_name}-{self.port}.log"

    def __enter__(self):
        import time
        import urllib.error
        import urllib.request

        self.log = open(self.log_path, "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(GUNICORN), "--config", str(ROOT / "gunicorn.conf.py"), "--access-logfile", "/dev/null", self.app],
            cwd=self.cwd,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        base_url = f"http://127.0.0.1:{self.port}"
        for _ in range(300):
            if self.process.poll() is not None:
                break
            try:
                urllib.request.urlopen(base_url + self.ready_path, timeout=5)
                return base_url
            except urllib.error.HTTPError:
                return base_url  # it answers
            except OSError:
                time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError(f"gunicorn serving {self.app} did not start; see {self.log_path}")

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
