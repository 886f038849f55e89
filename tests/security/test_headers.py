"""Security headers on real responses: a strict policy on every public page, the admin's own looser one.

Public pages carry no inline script or style (the strict policy would block
them); the Wagtail admin, which needs inline script, gets its policy only under
/admin/. Production settings add HSTS and secure cookies.
"""

import importlib
import sys
from html.parser import HTMLParser

import pytest

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.test import override_settings

from campaigns.campaign_pages import CampaignPage
from tests.security.public_urls import HTML_KINDS, PHONE, public_urls, read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part}


STRICT = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


class InlineFinder(HTMLParser):
    """Collects what a strict policy would block: inline scripts and styles, handlers, javascript: links."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if (
            tag == "script"
            and "src" not in attrs
            and attrs.get("type") not in ("application/json", "application/ld+json")
        ):
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("<style> element")
        for name, value in attrs.items():
            if name == "style":
                self.found.append(f"style attribute on <{tag}>")
            if name.startswith("on"):
                self.found.append(f"{name} handler on <{tag}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"javascript: URL on <{tag}>")


def inline_content(html):
    finder = InlineFinder()
    finder.feed(html)
    return finder.found


@pytest.mark.parametrize("language", ["km", "en"])
def test_every_public_page_has_the_strict_policy_and_no_inline_code(client, language):
    urls = public_urls(language)
    for kind, url in urls.items():
        response = client.get(url, HTTP_USER_AGENT=PHONE)
        body = read(response)
        assert response.status_code == (404 if kind == "not_found" else 200), (kind, url, response.status_code)
        policy = directives(response)
        if kind == "document":
            # Wagtail serves documents with a stricter policy of its own: nothing may load or run.
            assert policy == {"default-src": ["'none'"]}, policy
            continue
        for name, values in STRICT.items():
            assert policy.get(name) == values, (kind, name, policy.get(name))
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], kind
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], kind
        assert response["X-Content-Type-Options"] == "nosniff", kind
        assert response["Referrer-Policy"] == "same-origin", kind
        assert response["X-Frame-Options"] == "DENY", kind
        if kind in HTML_KINDS:
            assert inline_content(body.decode()) == [], (kind, url)


def test_the_finder_sees_inline_code():
    """The check above would catch what it looks for."""
    html = '<p style="color:red" onclick="x()"><script>alert(1)</script><style>p{}</style><a href="javascript:x">'
    assert len(inline_content(html)) == 5
    assert inline_content('<script src="/static/x.js"></script><script type="application/json">{}</script>') == []


def test_the_server_error_page_uses_the_stylesheet_not_inline_style():
    html = render_to_string("500.html")
    assert inline_content(html) == []
    assert 'rel="stylesheet"' in html and "css/site.css" in html


def admin_policy(response):
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]  # the preview iframe
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert "https:" not in response["Content-Security-Policy"] and "*" not in response["Content-Security-Policy"]
    return policy


def test_admin_has_its_own_policy_only_under_admin(client):
    admin_policy(client.get("/admin/login/"))
    client.force_login(get_user_model().objects.get(username="moderator"))
    for url in ["/admin/", "/admin/pages/", "/admin/reach/", "/admin/outreach-events/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        admin_policy(response)
    # Logged in, the public site still gets the strict policy.
    response = client.get("/km/")
    assert directives(response)["script-src"] == ["'self'"]
    assert directives(response)["frame-ancestors"] == ["'none'"]


def test_page_preview_in_the_admin_may_be_framed_by_the_admin_only(client):

    client.force_login(get_user_model().objects.get(username="moderator"))
    page = CampaignPage.objects.live().first()
    response = client.get(f"/admin/pages/{page.pk}/edit/preview/?mode=km")
    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def production_settings(monkeypatch):
    """The production settings module, read with a secret key and a host as a server would have them."""
    monkeypatch.setenv("SECRET_KEY", "k3y-" + "a1B2c3D4e5F6g7H8i9J0" * 3)
    monkeypatch.setenv("ALLOWED_HOSTS", "nacd.example")
    monkeypatch.delenv("DEBUG", raising=False)
    base = sys.modules.pop("awareness_site.settings.base")
    try:
        return importlib.import_module("awareness_site.settings.production")
    finally:
        sys.modules.pop("awareness_site.settings.production", None)
        sys.modules["awareness_site.settings.base"] = base


SECURITY_SETTINGS = [
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "ADMIN_CONTENT_SECURITY_POLICY",
]


def test_production_responses_carry_hsts_and_secure_cookies(client, monkeypatch):
    production = production_settings(monkeypatch)
    values = {name: getattr(production, name) for name in SECURITY_SETTINGS}
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    with override_settings(**values):
        # Plain HTTP is sent to HTTPS.
        response = client.get("/km/")
        assert response.status_code == 301 and response["Location"].startswith("https://")
        response = client.get("/km/", secure=True)
        assert response.status_code == 200
        assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert directives(response)["frame-ancestors"] == ["'none'"]
        assert not response.cookies  # nothing for a reader
        # Staff signing in get cookies that travel only over HTTPS and that scripts cannot read.
        login = client.get("/admin/login/", secure=True)
        assert login.cookies["csrftoken"]["secure"]
        response = client.post(
            "/admin/login/",
            {
                "username": "moderator",
                "password": "nacd-demo-2026",
                "csrfmiddlewaretoken": login.cookies["csrftoken"].value,
            },
            secure=True,
        )
        assert response.status_code == 302, response.content[:500]
        session = response.cookies["sessionid"]
        assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
