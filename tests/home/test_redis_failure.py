"""A Redis that fails costs cache hits, never pages: /km/ and /en/ answer 200 and one log line says why.

What must not be lost or shared wrongly (lockouts, reach figures and their version) never lives in
Redis: those caches are database tables whatever REDIS_URL says (awareness_site/environment.py).
"""

import logging

import pytest

from django.core.cache import cache, caches
from django.test import Client, override_settings

from awareness_site import environment
from tests.services import closed_port, need, port_answers

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def caches_with_redis(monkeypatch, url):
    monkeypatch.setenv("REDIS_URL", url)
    return {
        "default": environment.cache_from_env(),
        "sign_in": environment.sign_in_cache_from_env(),
        "shared": environment.shared_cache_from_env(),
    }


def test_a_dead_redis_means_pages_built_afresh_and_a_log_line(monkeypatch, caplog):
    dead = caches_with_redis(monkeypatch, f"redis://127.0.0.1:{closed_port()}/0")
    with override_settings(CACHES=dead, PAGE_CACHE_SECONDS=300, FRAGMENT_CACHE_SECONDS=300):
        assert cache.get("anything") is None  # a miss, not ConnectionError
        with caplog.at_level(logging.WARNING, logger="home.caching.redis_failures"):
            for path in ("/km/", "/en/", "/km/", "/en/campaigns/"):
                response = Client().get(path)
                assert response.status_code == 200, path
                assert response["X-Page-Cache"] == "miss"  # nothing could be kept
    lines = [r.getMessage() for r in caplog.records if r.name == "home.caching.redis_failures"]
    assert lines and lines[0].startswith("Redis cache unavailable"), lines
    assert "ConnectionError" in lines[0]
    assert len(lines) < 3  # one line per interval, not one per cache call
    assert not any(r.exc_info for r in caplog.records if r.name == "home.caching.redis_failures")


def test_a_failed_get_many_is_a_new_empty_dict_each_time(monkeypatch):
    dead = caches_with_redis(monkeypatch, f"redis://127.0.0.1:{closed_port()}/0")
    with override_settings(CACHES=dead):
        first = cache.get_many(["a", "b"])
        first["a"] = "generation"  # as the page cache does with what it found
        assert cache.get_many(["a", "b"]) == {}


def test_lockouts_and_reach_versions_never_follow_redis(monkeypatch):
    configured = caches_with_redis(monkeypatch, f"redis://127.0.0.1:{closed_port()}/0")
    assert configured["default"]["BACKEND"] == "home.caching.redis_failures.RedisCache"
    assert configured["default"]["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    for alias in ("sign_in", "shared"):
        assert configured[alias]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache", alias
    with override_settings(CACHES=configured):
        caches["shared"].set("reach-version", "v1", None)
        assert caches["shared"].get("reach-version") == "v1"  # kept although Redis is down


def test_a_live_redis_keeps_pages_between_requests(monkeypatch):
    need(port_answers("127.0.0.1", 6379), "Redis on 127.0.0.1:6379")
    live = caches_with_redis(monkeypatch, "redis://127.0.0.1:6379/13")
    with override_settings(CACHES=live, PAGE_CACHE_SECONDS=300):
        cache.clear()
        try:
            assert Client().get("/en/")["X-Page-Cache"] == "miss"
            assert Client().get("/en/")["X-Page-Cache"] == "hit"
        finally:
            cache.clear()
