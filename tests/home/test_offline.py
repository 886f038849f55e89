"""The service worker's address and headers, its configuration, the offline page, and the marking of
responses that set a cookie (a worker cannot see Set-Cookie, so it relies on ``Cache-Control: private``)."""

import json
import re

import pytest

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.templatetags.static import static
from django.test import override_settings

from home import offline
from tests.home.page_audit import PageAudit

pytestmark = pytest.mark.django_db


def config_of(body):
    first, _, rest = body.partition("\n")
    match = re.fullmatch(r"const CONFIG = (\{.*\});", first)
    assert match, first
    return json.loads(match.group(1)), rest


def test_the_worker_is_served_at_the_root_as_javascript_never_cached_with_the_root_scope(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"
    assert "X-Page-Cache" not in response
    config, source = config_of(response.content.decode())
    assert source == offline.source()
    assert 'addEventListener("fetch"' in source
    assert config["offline"] == {"km": "/km/offline/", "en": "/en/offline/"}
    assert set(config["precache"]) == {static("css/site.css"), static("js/offline.js"), static("img/icon.svg")} | {
        static("fonts/NotoSansKhmer-Regular.woff2"),
        static("fonts/NotoSansKhmer-Bold.woff2"),
        "/km/offline/",
        "/en/offline/",
    }
    assert re.fullmatch(r"[0-9a-f]{12}", config["version"])


def test_the_worker_keeps_every_khmer_font_the_site_stylesheet_names(client):
    """Saved pages keep their Khmer letters on a phone with no Khmer font of its own (issue 16)."""
    from django.contrib.staticfiles import finders

    stylesheet = open(finders.find("css/site.css"), encoding="utf-8").read()
    named = set(re.findall(r"url\(\"?\.\./(fonts/[^\")]+\.woff2)", stylesheet))
    assert named, "site.css names no font"
    precache = config_of(client.get("/sw.js").content.decode())[0]["precache"]
    assert {static(name) for name in named} <= set(precache)


def test_the_worker_has_the_strict_content_security_policy(client):
    policy = client.get("/sw.js")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy and "unsafe" not in policy


def test_a_new_deployment_makes_a_new_version(client, monkeypatch):
    """Another stylesheet (hashed name) or another worker source: another version, so old caches go."""
    before = config_of(client.get("/sw.js").content.decode())[0]["version"]
    monkeypatch.setattr(offline, "static", lambda name: "/static/" + name.replace(".", ".0123456789ab."))
    after_static = config_of(client.get("/sw.js").content.decode())[0]["version"]
    monkeypatch.setattr(offline, "source", lambda: "/* changed */")
    after_source = config_of(client.get("/sw.js").content.decode())[0]["version"]
    assert len({before, after_static, after_source}) == 3


@pytest.mark.parametrize(("language", "title"), [("km", "អ្នកមិនមានអ៊ីនធឺណិតទេ"), ("en", "You are offline")])
def test_the_offline_page_is_in_the_language_of_its_address(client, language, title):
    response = client.get(f"/{language}/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert not response.cookies and "private" not in response.get("Cache-Control", "")


def test_every_public_page_loads_the_registration_script_deferred(client):
    html = client.get("/en/offline/").content.decode()
    scripts = PageAudit(html).scripts
    assert [s.url for s in scripts] == [static("js/offline.js")]
    assert "defer" in scripts[0].attrs


def test_a_response_setting_a_cookie_is_marked_private(rf):
    def sets_a_cookie(request):
        response = HttpResponse("<p>yours</p>")
        response["Cache-Control"] = "public, max-age=60"
        response.set_cookie("sessionid", "abc")
        return response

    response = offline.PrivateWhenSettingCookies(sets_a_cookie)(rf.get("/km/"))
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert "private" in directives and "public" not in directives


def test_a_response_without_a_cookie_is_left_alone(rf):
    response = offline.PrivateWhenSettingCookies(lambda request: HttpResponse("<p>all</p>"))(rf.get("/km/"))
    assert not response.has_header("Cache-Control")


def test_a_screen_the_worker_keeps_puts_back_no_csrf_cookie(client):
    """Its answer may come after the person signed out and opened the sign-in form: an old CSRF cookie set then
    would refuse that form (403). The person's own visit still renews the cookie."""
    user = get_user_model().objects.create_user("kept-screens", password="pw-kept-2026-long", is_superuser=True)
    client.force_login(user)
    client.get("/admin/")  # the CSRF cookie, as a signed-in browser has it
    assert "csrftoken" in client.get("/admin/pages/").cookies
    kept = client.get("/admin/pages/", headers={offline.KEEP_HEADER: "1"})
    assert kept.status_code == 200 and "csrftoken" not in kept.cookies
    assert "csrfmiddlewaretoken" in kept.content.decode()  # its forms carry the token of the cookie it has


def test_signing_in_answers_private(client):
    get_user_model().objects.create_user("reader-a11y", password="pw-a11y-2026-long", is_staff=True)
    client.get("/admin/login/")
    response = client.post("/admin/login/", {"username": "reader-a11y", "password": "pw-a11y-2026-long"})
    assert response.cookies, "signing in sets the session cookie"
    assert "private" in response["Cache-Control"]


def test_a_public_page_sets_no_cookie_and_is_not_private(client):
    response = client.get("/km/offline/")
    assert not response.cookies
    assert "private" not in response.get("Cache-Control", "")


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_page_cache_does_not_keep_the_worker(client):
    client.get("/sw.js")
    assert "X-Page-Cache" not in client.get("/sw.js")
