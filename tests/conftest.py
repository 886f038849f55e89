"""Fixtures shared by the whole suite.

The test database is built once per session from the migrations, without the demo: a test builds
the data it needs. Tests that read the demo site (the bilingual site a new user sees after ``make run``)
ask for the ``demo`` fixture, or mark their module with ``pytestmark = pytest.mark.usefixtures("demo")``:
the demo is seeded once, the first time such a test runs, and kept for the rest of the session. Tests
that need no demo run first (``pytest_collection_modifyitems``), so the first results come in seconds
and no test without the demo ever sees it. Each test still runs in its own transaction.

``--reuse-db`` keeps the migrated database between runs (``make test-fast PYTEST_ARGS=--reuse-db``);
the demo is seeded into it again (idempotently) when a demo test runs.
"""

import pytest

from django.utils import translation

from wagtail.images import get_image_model

from campaigns.demo import seed as demo_seed
from home.models import HomePage


def needs_demo(item):
    return "demo" in getattr(item, "fixturenames", ())


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return (
        bool(marker and marker.kwargs.get("transaction")) or "transactional_db" in fixtures or "live_server" in fixtures
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests without the demo first, then those with it; transactional tests (they empty the database when they
    end) last, as pytest-django orders them."""
    items.sort(key=lambda item: (is_transactional(item), needs_demo(item)))


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site, seeded once per session into the test database (committed: it outlives each test)."""
    with django_db_blocker.unblock():
        demo_seed.seed()


@pytest.fixture
def demo(demo_site, db):
    """The demo site, for a test that reads it."""


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
