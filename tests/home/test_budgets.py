"""Budgets of every public page type in both languages, for a cheap phone on slow mobile data (issue 8).

- HTML under 30 KB as sent (gzip);
- one stylesheet, under 20 KB compressed, and nothing else that blocks the first paint;
- scripts only as deferred enhancements, under 20 KB compressed in all; no inline script or style;
- nothing fetched from another host (src, srcset, href, CSS url()), and no link to one except share links;
- static files with hashed names, compressed, cached for a year.
"""

import gzip
import re
from urllib.parse import urljoin

import pytest

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client, override_settings

from campaigns.models import LessonKitPage
from home.public_pages import page_types, sample_paths
from tests.home.page_audit import PageAudit, css_urls, has_css_import, is_third_party

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

KB = 1024
HTML_BUDGET = 30 * KB
CSS_BUDGET = 20 * KB
SCRIPT_BUDGET = 20 * KB
HOST = "testserver"
LANGUAGES = ["km", "en"]


def fetch(client, name, language):
    path = sample_paths(language)[name]
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200, path
    return path, response


def html_of(response):
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode()


def static_file(url):
    """The bytes of a /static/ address, read from the apps' static folders."""
    assert url.startswith(settings.STATIC_URL), url
    path = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
    assert path, f"{url} is not a static file"
    with open(path, "rb") as file:
        return file.read()


def compressed_size(data):
    return len(gzip.compress(data, compresslevel=9))


@pytest.mark.parametrize("name", page_types())
@pytest.mark.parametrize("language", LANGUAGES)
def test_html_is_sent_compressed_and_under_30_kb(client, name, language):
    path, response = fetch(client, name, language)
    assert response["Content-Encoding"] == "gzip", f"{path} is not compressed"
    assert "Accept-Encoding" in response["Vary"]
    assert len(response.content) < HTML_BUDGET, f"{path}: {len(response.content)} bytes compressed"
    assert html_of(response).lstrip().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("name", page_types())
@pytest.mark.parametrize("language", LANGUAGES)
def test_one_small_stylesheet_and_nothing_else_blocks_the_first_paint(client, name, language):
    path, response = fetch(client, name, language)
    audit = PageAudit(html_of(response))
    assert len(audit.stylesheets) == 1, f"{path}: {[s.url for s in audit.stylesheets]}"
    stylesheet = audit.stylesheets[0]
    assert stylesheet.in_head and not stylesheet.attrs.get("media"), path
    css = static_file(stylesheet.url)
    assert compressed_size(css) < CSS_BUDGET, f"{stylesheet.url}: {compressed_size(css)} bytes compressed"
    assert not has_css_import(css.decode()), "an @import in the CSS would block rendering"
    assert not audit.render_blocking(), f"{path}: {audit.render_blocking()}"


@pytest.mark.parametrize("name", page_types())
@pytest.mark.parametrize("language", LANGUAGES)
def test_scripts_are_small_deferred_enhancements_and_nothing_is_inline(client, name, language):
    path, response = fetch(client, name, language)
    audit = PageAudit(html_of(response))
    assert audit.inline_scripts == 0, f"{path} has inline script"
    assert audit.style_elements == 0 and audit.style_attributes == 0, f"{path} has inline style"
    total = 0
    for script in audit.scripts:
        assert "defer" in script.attrs or "async" in script.attrs or script.attrs.get("type") == "module", script.url
        total += compressed_size(static_file(script.url))
    assert total < SCRIPT_BUDGET, f"{path}: scripts weigh {total} bytes compressed"
    assert not [a for a in audit.resources if a.url.lower().startswith("javascript:")]


@pytest.mark.parametrize("name", page_types())
@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_comes_from_another_host(client, name, language):
    path, response = fetch(client, name, language)
    audit = PageAudit(html_of(response))
    assert not audit.third_party(HOST), f"{path}: {audit.third_party(HOST)}"
    for stylesheet in audit.stylesheets:
        outside = [url for url in css_urls(static_file(stylesheet.url).decode()) if is_third_party(url, HOST)]
        assert not outside, f"{stylesheet.url}: {outside}"


def test_the_audit_finds_what_the_budgets_forbid():
    """The checks above are only as good as the parser: it must see each kind of breach."""
    html = """<!DOCTYPE html><html><head>
    <link rel="stylesheet" href="/static/css/site.css"><link rel="stylesheet" href="https://fonts.example/css">
    <script src="/static/js/app.js"></script><style>p{}</style></head><body style="background:url(//cdn.example/x.png)">
    <img src="/media/a.jpg" srcset="/media/a.jpg 1x, https://cdn.example/a.jpg 2x" alt="">
    <a href="https://t.me/share/url?url=x" rel="noopener noreferrer">Telegram</a>
    <a href="https://tracker.example/">elsewhere</a><script>alert(1)</script></body></html>"""
    audit = PageAudit(html)
    assert len(audit.stylesheets) == 2
    assert audit.render_blocking() == ["stylesheet https://fonts.example/css", "script /static/js/app.js"]
    assert audit.inline_scripts == 1 and audit.style_elements == 1 and audit.style_attributes == 1
    assert audit.third_party(HOST) == [
        "<link href=https://fonts.example/css>",
        "<body style=//cdn.example/x.png>",
        "<img srcset=https://cdn.example/a.jpg>",
        "<a href=https://tracker.example/>",
    ]
    assert is_third_party("//cdn.example/x.png", HOST) and not is_third_party("/static/x.png", HOST)
    assert not is_third_party("tel:+8551294", HOST) and not is_third_party("http://testserver/km/", HOST)


def test_static_files_have_hashed_names_compressed_copies_and_a_year_of_cache(tmp_path):
    """As production serves them: collectstatic with whitenoise's compressed manifest storage."""
    production = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    storages = {**settings.STORAGES, "staticfiles": production}
    with override_settings(
        STATIC_ROOT=tmp_path, STORAGES=storages, WHITENOISE_USE_FINDERS=False, WHITENOISE_AUTOREFRESH=False
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        client = Client()
        page = client.get(sample_paths("km")["campaign"])
        stylesheet = PageAudit(page.content.decode()).stylesheets[0].url
        assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", stylesheet), stylesheet

        response = client.get(stylesheet, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200
        assert response["Content-Encoding"] == "gzip"
        assert "max-age=315360000" in response["Cache-Control"] and "immutable" in response["Cache-Control"]
        css = gzip.decompress(b"".join(response.streaming_content)).decode()
        fonts = [url for url in css_urls(css) if url.endswith(".woff2")]
        assert fonts and all(re.search(r"\.[0-9a-f]{12}\.woff2$", url) for url in fonts), fonts
        font = client.get(urljoin(stylesheet, fonts[0]))
        assert font.status_code == 200 and "immutable" in font["Cache-Control"]

        # The unhashed name is still served (old caches, bookmarks) but only briefly cached.
        plain = client.get("/static/css/site.css")
        assert plain.status_code == 200 and "immutable" not in plain["Cache-Control"]


def test_pages_are_compressed_but_downloads_and_ranges_are_not(client):

    kit = LessonKitPage.objects.live().first()
    kit_file = kit.kit_files()[0]
    url = kit.url + kit.reverse_subpage("download_file", args=(kit_file.pk,))
    whole = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert whole.status_code == 200 and not whole.has_header("Content-Encoding")
    part = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_RANGE="bytes=0-99")
    assert part.status_code == 206 and not part.has_header("Content-Encoding")
    assert len(b"".join(part.streaming_content)) == 100
