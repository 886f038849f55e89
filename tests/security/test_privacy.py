"""Nothing identifies a reader (journey 3 step 5): no cookie, no address, no user agent kept anywhere.

A visitor who reads every kind of public page, searches, downloads, loads the
view beacon and reports a class gets no cookie; the whole database, dumped
afterwards, holds neither the address nor the user agent they came with; no
model has a field meant for them; and neither Django's logging nor gunicorn's
access log writes them.
"""

import ast
import datetime
import io
import re
from pathlib import Path

import pytest
from axes.handlers.cache import AxesCacheHandler

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from campaigns.lessons.class_reports import ClassReport, ClassReportForm
from campaigns.lessons.pages import LessonKitPage
from campaigns.places import Province
from tests.security.public_urls import public_urls, read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

ROOT = Path(__file__).resolve().parents[2]
ADDRESS = "203.0.113.77"  # TEST-NET-3: an address that is never anyone's
FORWARDED = "198.51.100.23"
AGENT = "Mozilla/5.0 (Linux; Android 9; MarkerPhone-7731) Chrome/99.0 Mobile Safari/537.36"
SEARCHED = "ព្យាបាលយ៉ាម៉ា MarkerQuery5521"  # what someone searched for is theirs too
VISITOR = {"REMOTE_ADDR": ADDRESS, "HTTP_USER_AGENT": AGENT, "HTTP_X_FORWARDED_FOR": FORWARDED}


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def teacher_report(kit):
    province = Province.objects.get(code="19")
    return {
        "school": "សាលាអនុវិទ្យាល័យសៀមបូក",
        "province": province.pk,
        "district": province.districts.order_by("code").first().pk,
        "date_taught": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "girls": "21",
        "boys": "17",
        "other": "",
        "website": "",
    }


def visit_everything(client):
    """Read every public page type in both languages, search, download (whole and resumed), report a class."""
    responses = []
    for language in ("km", "en"):
        for kind, url in public_urls(language).items():
            responses.append((kind, client.get(url, **VISITOR)))
            if kind in ("kit_file", "kit_zip"):
                responses.append((kind + " resumed", client.get(url, HTTP_RANGE="bytes=100-", **VISITOR)))
                responses.append((kind + " head", client.head(url, **VISITOR)))
    responses.append(("root redirect", client.get("/", HTTP_ACCEPT_LANGUAGE="en", **VISITOR)))
    responses.append(("personal search", client.get(reverse("search:search"), {"q": SEARCHED}, **VISITOR)))
    kit = LessonKitPage.objects.live().public().first()
    report = client.post(reverse("report_class", args=[kit.pk]), teacher_report(kit), **VISITOR)
    assert report.status_code == 303, report.content[:300]
    responses.append(("teacher report", report))
    bad = client.post(reverse("report_class", args=[kit.pk]), {**teacher_report(kit), "girls": "-3"}, **VISITOR)
    assert bad.status_code == 400
    responses.append(("teacher report with a mistake", bad))
    for _kind, response in responses:
        read(response)
    return responses


def test_a_reader_searcher_downloader_and_teacher_gets_no_cookie_and_leaves_no_trace(client):
    responses = visit_everything(client)
    assert len(responses) > 50
    for kind, response in responses:
        assert response.status_code < 500, kind
        assert not response.cookies, (kind, response.cookies.output())
        assert "Set-Cookie" not in str(response.serialize_headers(), "latin-1"), kind
    assert not client.cookies

    # Someone guessing a staff password (locked out after the limit) leaves no trace of themselves either.
    guesser = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        guesser.post("/admin/login/", {"username": "kampot", "password": "guess"}, **VISITOR)

    # Nothing about the visitor is in the database afterwards.
    dump = io.StringIO()
    call_command("dumpdata", "--natural-foreign", stdout=dump)
    text = dump.getvalue()
    assert ClassReport.objects.filter(school="សាលាអនុវិទ្យាល័យសៀមបូក").exists()  # the report itself was kept
    assert len(text) > 100_000  # the whole site, not an empty dump
    for marker in (ADDRESS, FORWARDED, "MarkerPhone", "Android 9", "MarkerQuery5521"):
        assert marker not in text, marker


# Names of fields that would hold who a visitor is, and what they would look like in a column name.
IDENTIFYING = re.compile(
    r"(^|_)(ip|ip_?address|remote_?addr|client_?address|user_?agent|browser|referr?er|fingerprint)($|_)"
)


# django-axes ships models with address and user agent columns for its database handler. The site
# uses its cache handler (with counts kept in home/security/rate_limits.py's table), keyed by user name
# only, which never writes them (tests/home/test_sign_in.py checks that they stay empty after a lockout).
UNUSED_THIRD_PARTY = {"axes"}


def identifying_fields():
    found = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in UNUSED_THIRD_PARTY:
            assert issubclass(import_string(settings.AXES_HANDLER), AxesCacheHandler)
            assert model.objects.count() == 0, model
            continue
        for field in model._meta.get_fields():
            name = getattr(field, "column", None) or field.name
            if isinstance(field, models.GenericIPAddressField) or IDENTIFYING.search(name.lower()):
                found.append(f"{model._meta.label}.{field.name}")
    return found


def test_no_model_has_a_field_for_an_address_or_a_user_agent():
    assert identifying_fields() == []


def test_the_field_check_would_see_one(settings):
    class Leaky(models.Model):
        visitor_ip = models.GenericIPAddressField()
        user_agent = models.TextField()

        class Meta:
            app_label = "home"

    try:
        assert {"home.Leaky.visitor_ip", "home.Leaky.user_agent"} <= set(identifying_fields())
    finally:
        apps.all_models["home"].pop("leaky", None)
        apps.clear_cache()


def test_the_teachers_form_stores_only_what_it_asks():
    asked = set(ClassReportForm._meta.fields)
    # client_id: a random number made by the phone's queue so a report sent twice is one (issue 18).
    set_by_staff_or_the_site = {"id", "kit", "status", "submitted_on", "reviewed_at", "reviewed_by", "client_id"}
    stored = {f.name for f in ClassReport._meta.concrete_fields}
    assert stored - set_by_staff_or_the_site == asked
    # submitted_on is a day, not a moment: it cannot be matched with a server log line.
    assert isinstance(ClassReport._meta.get_field("submitted_on"), models.DateField)
    assert not isinstance(ClassReport._meta.get_field("submitted_on"), models.DateTimeField)


LOG_IDENTIFIERS = re.compile(
    r"remote_addr|REMOTE_ADDR|HTTP_USER_AGENT|user.?agent|X-Forwarded-For|%\(h\)s|%\(a\)s|%\(\{", re.I
)


def test_logging_configuration_writes_no_address_or_user_agent():
    assert not LOG_IDENTIFIERS.search(repr(settings.LOGGING))
    for handler in settings.LOGGING.get("handlers", {}).values():
        assert "mail_admins" not in handler.get("class", "").lower()  # error mails would carry request headers


def test_gunicorn_access_log_names_no_visitor():
    namespace = {"__file__": str(ROOT / "gunicorn.conf.py")}  # as gunicorn loads it: a module with its file
    exec(compile((ROOT / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)  # noqa: S102
    log_format = namespace["access_log_format"]
    assert "%(U)s" in log_format  # the path, without the query string (a search can be personal)
    for atom in ("%(h)s", "%(a)s", "%(f)s", "%(r)s", "%(q)s", "{x-forwarded-for}i", "{x-real-ip}i"):
        assert atom not in log_format, atom


# Where the site's own code may read a visitor's address or user agent, and why. Any other
# place fails this test: it must be looked at, and listed here with its reason, or removed.
MAY_READ = {
    "home/http/visitors.py": (
        "tells robots from people to count views and downloads; reads the client address (through trusted "
        "proxies) only for home/security/rate_limits.py to hash it with the secret key and the hour; keeps nothing"
    ),
}


def test_only_known_code_reads_the_address_or_user_agent():
    readers = set()
    for path in ROOT.glob("*/**/*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith((".venv/", "tests/", "bench/")) or "/migrations/" in relative:
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if node.value in ("REMOTE_ADDR", "HTTP_USER_AGENT", "HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP"):
                    readers.add(relative)
    assert readers == set(MAY_READ)
