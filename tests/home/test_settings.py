"""Configuration comes from the environment, and bad configuration stops with one clear line."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


OUTSIDE = {"DATABASE_URL", "SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "WEB_CONCURRENCY"}
OUTSIDE |= {"GUNICORN_WORKERS"}


def run_django(args, settings, **env):
    environment = {k: v for k, v in os.environ.items() if k not in OUTSIDE}
    environment.update(env, DJANGO_SETTINGS_MODULE=settings)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_broken_database_url_is_one_line_naming_the_variable():
    result = run_django(["check"], "awareness_site.settings.dev", DATABASE_URL="nosuchdb://whatever")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "DATABASE_URL" in lines[0], result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django(["check"], "awareness_site.settings.production", ALLOWED_HOSTS="nacd.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_debug():
    result = run_django(
        ["check"], "awareness_site.settings.production", SECRET_KEY="x" * 60, ALLOWED_HOSTS="nacd.example", DEBUG="1"
    )
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_deploy_check_is_clean():
    result = run_django(
        ["check", "--deploy", "--fail-level", "WARNING"],
        "awareness_site.settings.production",
        SECRET_KEY="k3y-" + "a1B2c3D4e5F6g7H8i9J0" * 3,
        ALLOWED_HOSTS="nacd.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr


def test_redis_url_selects_the_redis_cache():
    result = run_django(
        ["shell", "-c", "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"],
        "awareness_site.settings.dev",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    assert result.stdout.strip().endswith("RedisCache"), result.stderr


PRODUCTION = {"SECRET_KEY": "k3y-" + "a1B2c3D4e5F6g7H8i9J0" * 3, "ALLOWED_HOSTS": "nacd.example"}


def test_production_refuses_several_workers_on_a_per_process_cache():
    for variable in ("WEB_CONCURRENCY", "GUNICORN_WORKERS"):
        result = run_django(["check"], "awareness_site.settings.production", **PRODUCTION, **{variable: "3"})
        assert result.returncode != 0, variable
        assert "ImproperlyConfigured" in result.stderr and "Set REDIS_URL" in result.stderr, result.stderr


def test_production_starts_several_workers_with_redis_and_one_without():
    with_redis = run_django(
        ["check"], "awareness_site.settings.production", **PRODUCTION, GUNICORN_WORKERS="4", REDIS_URL="redis://x:1/0"
    )
    assert with_redis.returncode == 0, with_redis.stderr
    one = run_django(["check"], "awareness_site.settings.production", **PRODUCTION, GUNICORN_WORKERS="1")
    assert one.returncode == 0, one.stderr


def test_gunicorn_defaults_to_one_worker_without_redis_and_two_with(monkeypatch):
    from awareness_site.environment import worker_count

    for name in ("WEB_CONCURRENCY", "GUNICORN_WORKERS", "REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    assert worker_count() == 1
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    assert worker_count() == 2
    monkeypatch.setenv("WEB_CONCURRENCY", "6")
    assert worker_count() == 6
