"""Fixtures shared by the whole suite.

The test database is built once per session from the migrations, without the demo: a test builds
the data it needs. Tests that read the demo site (the bilingual site a new user sees after ``make run``)
ask for the ``demo`` fixture, or mark their module with ``pytestmark = pytest.mark.usefixtures("demo")``:
the demo is seeded once, the first time such a test runs, and kept for the rest of the session. Tests
that need no demo run first (``run_order``), so the first results come in seconds and no test without the
demo ever sees it. Each test still runs in its own transaction, except the few whose other threads or
processes must see their writes (``committed_demo``). The browser tests' site starts from a copy of this
seeded database (tests/browser/conftest.py), so a session migrates once and seeds once.

``--reuse-db`` keeps the migrated database between runs (``make test-fast PYTEST_ARGS=--reuse-db``);
the demo is seeded into it again (idempotently) when a demo test runs.
"""

import pytest
from pytest_django import fixtures as pytest_django_fixtures

from django.utils import translation

from wagtail.images import get_image_model

from campaigns.demo import seed as demo_seed
from home.models import HomePage


def needs_demo(item):
    return "demo" in getattr(item, "fixturenames", ())


def uses_browser(item):
    return "live_site" in getattr(item, "fixturenames", ())


def uses_committed_demo(item):
    return "committed_demo" in getattr(item, "fixturenames", ())


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return (
        bool(marker and marker.kwargs.get("transaction")) or "transactional_db" in fixtures or "live_server" in fixtures
    )


def run_order(item):
    """Tests without a database first (the first results come in seconds, before the migrations), then those
    with a database but without the demo, then those that read it inside their own transaction, then the
    browser tests (their site starts from a copy of the seeded database), then the tests that write into the
    committed demo, and transactional tests (they empty the database when they end) last."""
    if is_transactional(item):
        return 5
    if uses_committed_demo(item):
        return 4
    if uses_browser(item):
        return 3
    if needs_demo(item):
        return 2
    return 1 if databases_for_test(item)[0] else 0


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    items.sort(key=run_order)


_databases_for_test = pytest_django_fixtures._get_databases_for_test


def databases_for_test(test):
    """pytest-django makes the test database only for tests that ask for ``db`` or carry its marker; a test
    that uses the seeded demo (``demo_site``: the committed-demo and browser tests) needs it too, without
    either."""
    if "demo_site" in getattr(test, "fixturenames", ()):
        return ("default",), False
    return _databases_for_test(test)


pytest_django_fixtures._get_databases_for_test = databases_for_test


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site, seeded once per session into the test database (committed: it outlives each test)."""
    with django_db_blocker.unblock():
        demo_seed.seed()


@pytest.fixture
def demo(demo_site, db):
    """The demo site, for a test that reads it."""


@pytest.fixture
def committed_demo(demo_site, django_db_blocker):
    """The demo site, for a test whose other threads or processes must see what it writes: no transaction
    around the test and no flush after it, so the demo is not seeded again. What such a test writes stays in
    the database: these tests run after every test that reads the demo (``run_order``), and each counts what
    it adds (a difference from before), never a total."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def home_page(demo):
    return HomePage.objects.get()


@pytest.fixture
def khmer():
    with translation.override("km"):
        yield


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def separate_media(settings, tmp_path):
    """Public and private media folders of the test's own, and no rendition remembered from
    another test (renditions are cached by image id, and ids come back after each rollback)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT.mkdir()
    settings.PRIVATE_MEDIA_ROOT.mkdir()
    get_image_model().get_rendition_model().cache_backend.clear()
    return tmp_path
