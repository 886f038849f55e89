"""Fixtures shared by the whole suite.

The demo content is built once per test database (``django_db_setup``), so
page, listing and permission tests read the same bilingual site a new user
sees after ``make run``; each test still runs in its own transaction.
"""

import pytest

from django.utils import translation

from campaigns.demo import seed as demo
from home.models import HomePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):

    with django_db_blocker.unblock():
        demo.seed()


@pytest.fixture
def home_page(db):

    return HomePage.objects.get()


@pytest.fixture
def khmer():
    with translation.override("km"):
        yield


@pytest.fixture
def english():
    with translation.override("en"):
        yield
