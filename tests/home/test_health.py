"""``/healthz`` for load balancers (home/http/health.py), and the database connection options for a pool
and PgBouncer (awareness_site/environment.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.db import OperationalError
from django.test import Client, override_settings

from awareness_site import environment
from home.http import health
from tests.services import closed_port, need, port_answers

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def probe(**headers):
    response = Client().get("/healthz", **headers)
    return response, json.loads(response.content)


def test_healthy_answers_200_naming_each_check_and_nothing_else(settings):
    response, body = probe()
    assert response.status_code == 200
    assert body == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "storage": "ok"}}
    text = response.content.decode()
    for secret in (settings.SECRET_KEY, str(settings.MEDIA_ROOT), settings.DATABASES["default"]["NAME"]):
        assert secret not in text
    assert "no-store" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    assert not response.cookies


def test_a_load_balancer_probing_by_address_over_http_gets_an_answer(settings):
    settings.SECURE_SSL_REDIRECT = True
    response, body = probe(HTTP_HOST="10.0.3.17")  # not in ALLOWED_HOSTS, plain HTTP
    assert response.status_code == 200 and body["status"] == "ok"
    assert Client().head("/healthz").status_code == 200


def test_a_failing_database_is_503(monkeypatch, caplog):
    def refuse():
        raise OperationalError("connection to server at 10.0.0.9 failed: password authentication failed")

    monkeypatch.setitem(health.CHECKS, "database", refuse)
    response, body = probe()
    assert response.status_code == 503
    assert body == {"status": "failing", "checks": {"database": "failing", "cache": "ok", "storage": "ok"}}
    assert "10.0.0.9" not in response.content.decode() and "password" not in response.content.decode()
    assert "health check database failed" in caplog.text  # the detail is in the log only


def test_missing_media_storage_is_503(settings, tmp_path):
    (tmp_path / "not-a-folder").write_text("a file where the media folder's parent should be")
    settings.MEDIA_ROOT = tmp_path / "not-a-folder" / "media"
    response, body = probe()
    assert response.status_code == 503 and body["checks"]["storage"] == "failing"


def test_a_dead_redis_is_reported_but_keeps_the_host_in(monkeypatch, settings):
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{closed_port()}/0")
    dead = {**settings.CACHES, "default": environment.cache_from_env()}
    with override_settings(CACHES=dead):
        response, body = probe()
    assert response.status_code == 200
    assert body["checks"] == {"database": "ok", "cache": "failing", "storage": "ok"}


def database(monkeypatch, **env):
    monkeypatch.setenv("DATABASE_URL", "postgres://nacd@db.internal:5432/nacd")
    for name in ("DATABASE_POOL", "DATABASE_PGBOUNCER", "DATABASE_POOL_MIN", "DATABASE_POOL_MAX"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return environment.database_from_env("unused.sqlite3")


def test_database_pool_and_pgbouncer_settings(monkeypatch):
    plain = database(monkeypatch)
    assert plain["CONN_MAX_AGE"] == 60 and "pool" not in plain["OPTIONS"]
    pooled = database(monkeypatch, DATABASE_POOL="1", DATABASE_POOL_MAX="20")
    assert pooled["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 20, "timeout": 10}
    assert pooled["CONN_MAX_AGE"] == 0 and not pooled["CONN_HEALTH_CHECKS"]
    bouncer = database(monkeypatch, DATABASE_PGBOUNCER="1")
    assert bouncer["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert bouncer["OPTIONS"]["prepare_threshold"] is None and bouncer["CONN_MAX_AGE"] == 0
    with pytest.raises(environment.ConfigurationError, match="DATABASE_POOL_MIN"):
        database(monkeypatch, DATABASE_POOL="1", DATABASE_POOL_MIN="9", DATABASE_POOL_MAX="3")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///x.sqlite3")
    with pytest.raises(environment.ConfigurationError, match="PostgreSQL only"):
        environment.database_from_env("x")


def test_the_pool_serves_queries_on_postgresql():
    need(port_answers("127.0.0.1", 5432), "PostgreSQL on 127.0.0.1:5432")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="awareness_site.settings.dev",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres",
        DATABASE_POOL="1",
        DATABASE_PGBOUNCER="1",
    )
    code = (
        "from django.db import connection\n"
        "with connection.cursor() as c: c.execute('select 41 + 1'); print(c.fetchone()[0])\n"
        "print(type(connection.pool).__name__)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["42", "ConnectionPool"]
