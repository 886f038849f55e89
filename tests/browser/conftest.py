"""Browser tests: Playwright drives Debian's Chromium against the demo site served by Django.

A session fixture gives the served site a database of its own: a copy of the test
database once the demo is seeded into it (``demo_site``, the same seeding as
``make run``), as a temporary SQLite file or a ``<name>_browser`` database next to
it on PostgreSQL, with a copy of its media. The suite thus migrates and seeds once.
The site is served on a free port. Tests skip only when no Chromium is installed,
and never in CI.
"""

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
# Generous waits: on a 2-core CI machine an admin save (revision, search index) can take seconds.
TIMEOUT_MS = 90_000


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_test_database(tmp_path):
    """A copy of the seeded test database for the served site; its ``DATABASE_URL``."""
    from django.db import connection, connections

    if connection.vendor == "sqlite":
        path = tmp_path / "browser.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}"
    import psycopg  # imported here, not at the top: only this path needs it (start-up time)

    source = connection.settings_dict["NAME"]
    base = os.environ["DATABASE_URL"].rpartition("/")[0]
    name = f"{source}_browser"[:63]
    connections.close_all()  # a template database must have no other session
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    return f"{base}/{name}"


@pytest.fixture(scope="session")
def site_env(tmp_path_factory, demo_site, django_db_blocker):
    from django.conf import settings

    tmp_path = tmp_path_factory.mktemp("browser-site")
    with django_db_blocker.unblock():
        database_url = copy_test_database(tmp_path)
    media, private_media = tmp_path / "media", tmp_path / "private-media"
    shutil.copytree(settings.MEDIA_ROOT, media)
    if Path(settings.PRIVATE_MEDIA_ROOT).exists():
        shutil.copytree(settings.PRIVATE_MEDIA_ROOT, private_media)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "awareness_site.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(private_media),
        "SERVE_MEDIA": "1",
        "STATIC_ROOT": str(tmp_path / "static"),  # collected as in production (settings/test.py)
        # Every browser is one client (127.0.0.1): the teachers' journeys together send more reports an hour
        # than one teacher may (the limit itself is tested in tests/campaigns/lessons/test_class_reports.py).
        "CLASS_REPORTS_PER_HOUR": "1000",
    }
    return env


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, timeout=600
    )


@pytest.fixture(scope="session")
def live_site(site_env):
    """Base URL of the demo site, seeded as `make run` does (``site_env``)."""
    manage(site_env, "collectstatic", "--noinput")
    port = free_port()
    log = open(Path(site_env["MEDIA_ROOT"]).parent / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=site_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base_url + "/km/", timeout=2)
            break
        except Exception:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("the demo site did not start; see " + log.name)
    yield base_url
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is required in CI but was not found at {CHROMIUM}")
        pytest.skip(f"No Chromium at {CHROMIUM}: install Debian's chromium to run the browser tests")
    from playwright.sync_api import (
        sync_playwright,  # imported here, not at the top: only this path needs it (start-up time)
    )

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def new_context(chromium, **options):
    """A browser context with the suite's waiting time."""
    context = chromium.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture
def phone(chromium):
    """A page in a phone-sized browser context (360×740, touch) whose browser prefers Khmer."""
    page = phone_page(chromium)
    yield page
    page.context.close()


def phone_page(chromium):
    """A new phone (its own context: no cookie, no cache shared with another phone), as the ``phone`` fixture's."""
    context = new_context(
        chromium, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="km-KH"
    )
    return context.new_page()


def note_outside_requests(page, live_site, outside):
    """Add to ``outside`` every address ``page`` asks that is not the site's own (nor a data: URL)."""
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(live_site) or request.url.startswith("data:")
            else outside.append(request.url)
        ),
    )


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def site_shell(env, code):
    """Run Python in the served site's Django (its own database) and return what it prints."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def log_in(page, base_url, username, password="nacd-demo-2026"):
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(base_url + "/admin/")


def assert_accessible(page, name):
    """axe-core finds no violation at all on the page as shown: any impact, WCAG 2.1 AA and best practices."""
    from axe_playwright_python.sync_playwright import (
        Axe,  # imported here, not at the top: only this path needs it (start-up time)
    )

    results = Axe().run(page)
    violations = results.response["violations"]
    assert not violations, f"{name}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']}: " + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )
    return violations


@pytest.fixture
def desktop(chromium):
    context = new_context(chromium, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def only_local_requests(phone, live_site):
    """Fail the test if the page asks any host but the site itself."""
    outside = []
    note_outside_requests(phone, live_site, outside)
    yield phone
    assert not outside, outside


@pytest.fixture(scope="session")
def page_paths(site_env, live_site):
    """``{language: {page type: path}}`` of every public page type and the pages around them
    (``home.public_pages``), read once from the served site's own database."""
    code = (
        "import json; from home.public_pages import sample_paths, more_paths; "
        "print(json.dumps({l: {**sample_paths(l), **more_paths(l)} for l in ('km', 'en')}))"
    )
    return json.loads(site_shell(site_env, code))
