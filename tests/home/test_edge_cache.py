"""The front cache (home/caching/edge.py, ops/varnish/default.vcl): what public pages tell it, what is never
kept, and purges on publishing, first with a recording purge backend, then through a real varnishd
started by the fixture on a loopback port (installed in CI by .ci/run)."""

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from django.db import transaction
from django.test import Client, override_settings

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from campaigns.reach.page_views import PageViewCount
from home import setup_site
from home.caching import edge
from home.models import HomePage
from tests.services import closed_port, need

ROOT = Path(__file__).resolve().parents[2]
VARNISHD = Path("/usr/sbin/varnishd")
PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


RECORDING = {"front": {"BACKEND": "tests.home.test_edge_cache.RecordingBackend"}}


def directives(response):
    return {d.strip() for d in response.get("Cache-Control", "").split(",") if d.strip()}


@pytest.fixture
def site(db):
    setup_site.run()
    return HomePage.objects.get()


@override_settings(EDGE_CACHE_SECONDS=300)
def test_anonymous_public_pages_may_be_kept_by_the_front_cache(site):
    for path in ("/km/", "/en/", "/en/facts/", "/km/events/"):
        response = Client().get(path)
        assert response.status_code == 200
        assert {"public", "max-age=0"} <= directives(response), path
        s_maxage = [d for d in directives(response) if d.startswith("s-maxage=")]
        assert s_maxage and 0 < int(s_maxage[0].split("=")[1]) <= 300
        assert "Accept-Encoding" in response["Vary"]


@override_settings(EDGE_CACHE_SECONDS=300)
def test_never_for_signed_in_users_the_beacon_errors_or_health(site, django_user_model):
    user = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    signed_in = Client()
    signed_in.force_login(user)
    response = signed_in.get("/en/")
    assert "private" in directives(response) and not any(d.startswith("s-maxage") for d in directives(response))
    beacon = Client().get(f"/beacon/{site.pk}/en.gif")
    assert "no-store" in directives(beacon) and "public" not in directives(beacon)
    missing = Client().get("/en/no-such-page/")
    assert missing.status_code == 404 and not any(d.startswith("s-maxage") for d in directives(missing))
    assert "s-maxage" not in Client().get("/healthz").get("Cache-Control", "")
    post = Client().post("/en/")
    assert not any(d.startswith("s-maxage") for d in directives(post))


def test_purge_addresses_for_pages_sections_and_everything(settings):
    settings.FRONTEND_CACHE_SITE_URL = "https://nacd.example"
    assert edge.urls_for(["/km/facts/", "events"]) == [
        "https://nacd.example/km/facts/",
        "https://nacd.example/km/events/*",
        "https://nacd.example/en/events/*",
    ]
    assert edge.urls_for(everything=True) == ["https://nacd.example/*"]


@pytest.mark.django_db(transaction=True)
@override_settings(
    WAGTAILFRONTENDCACHE=RECORDING, WAGTAILFRONTENDCACHE_LANGUAGES=[], FRONTEND_CACHE_SITE_URL="http://nacd"
)
def test_publishing_purges_the_page_and_what_lists_it_once_committed():
    setup_site.run()
    facts = HomePage.objects.get().get_children().get(slug_en="facts").specific
    PURGED.clear()
    with transaction.atomic():
        facts.title_en = "Facts about drugs, checked"
        facts.save_revision().publish()
        assert PURGED == []  # not before the commit: a reader in between would bring the old page back
    assert "http://nacd/en/facts/" in PURGED and "http://nacd/km/facts/" in PURGED
    assert "http://nacd/en/" in PURGED  # the home page lists the sections
    assert "http://nacd/km/events/*" in PURGED


# A real varnishd in front of Django's live server ---------------------------------------------------------


def wait_for(url, seconds=20):
    deadline, last = time.time() + seconds, b""
    while time.time() < deadline:
        try:
            return urllib.request.urlopen(url, timeout=2)
        except urllib.error.HTTPError as error:
            if error.code != 503:  # 503: Varnish up, the backend not yet judged healthy
                return error
            last = error.read()[:300]
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer: {last!r}")


@pytest.fixture
def varnish(live_server):
    port = live_server.url.rsplit(":", 1)[1]
    yield from run_varnish(port, port)


@pytest.fixture
def varnish_one_host_down(live_server):
    """Varnish with host A on a port nobody listens on (a host just killed) and host B the live server. Host A
    is not probed: it stays in the round as a killed host does until its probes fail, for the whole test."""
    yield from run_varnish(str(closed_port()), live_server.url.rsplit(":", 1)[1], probe_a=False)


def run_varnish(port_a, port_b, probe_a=True):
    need(VARNISHD.exists() and shutil.which("varnishadm"), "varnishd (apt-get install varnish)")
    folder = Path(tempfile.mkdtemp(prefix="test-varnish-"))
    vcl = (ROOT / "ops" / "varnish" / "default.vcl").read_text()
    if not probe_a:
        backend_a = vcl.index("backend app_a {")
        probe = vcl.index(".probe = healthz;", backend_a)
        vcl = vcl[:probe] + "# not probed in this test" + vcl[probe + len(".probe = healthz;") :]
    (folder / "default.vcl").write_text(vcl.replace('"8001"', f'"{port_a}"').replace('"8002"', f'"{port_b}"'))
    folder.chmod(0o755)  # varnishd reads the VCL after dropping its privileges
    (folder / "default.vcl").chmod(0o644)
    listen = closed_port()
    process = subprocess.Popen(
        [str(VARNISHD), "-F", "-n", str(folder / "work"), "-a", f"127.0.0.1:{listen}", "-T", "127.0.0.1:0",
         "-f", str(folder / "default.vcl"), "-s", "malloc,32m", "-p", "ban_lurker_sleep=0.01"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{listen}"
    try:
        wait_for(url + "/healthz")
        yield url
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def get(url, cookie=None):
    headers = {"User-Agent": "Mozilla/5.0 (Linux; Android 10; SM-A105F) Chrome/120.0 Mobile Safari/537.36"}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers.get("X-Edge-Cache"), response.read().decode(errors="replace")


@pytest.mark.django_db(transaction=True)
def test_varnish_keeps_pages_and_a_publish_purges_them(varnish, settings):
    settings.EDGE_CACHE_SECONDS = 300
    settings.WAGTAILFRONTENDCACHE = {
        "front": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": varnish}
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    settings.FRONTEND_CACHE_SITE_URL = varnish
    setup_site.run()
    home = HomePage.objects.get()

    assert get(varnish + "/en/")[:2] == (200, "miss")
    status, state, body = get(varnish + "/en/")
    assert (status, state) == (200, "hit") and "Together against drugs" in body
    assert get(varnish + "/en/?page=2")[1] == "miss"

    home.title_en = "Together against drugs, on 26 June"
    home.save_revision().publish()  # committed at once (autocommit): the purge follows
    status, state, body = get(varnish + "/en/")
    assert state == "miss" and "on 26 June" in body
    assert get(varnish + "/en/?page=2")[1] == "miss"  # the same page with a query string went too
    assert get(varnish + "/en/")[1] == "hit"

    # Signed in (a session cookie): never from the cache, never into it.
    assert get(varnish + "/en/", cookie="sessionid=abc")[1] == "miss"
    # The beacon always reaches Django: every view counted.
    before = sum(PageViewCount.objects.filter(page_id=home.pk).values_list("count", flat=True))
    for _ in range(3):
        assert get(varnish + f"/beacon/{home.pk}/en.gif")[1] == "miss"
    after = sum(PageViewCount.objects.filter(page_id=home.pk).values_list("count", flat=True))
    assert after - before == 3


@pytest.mark.django_db(transaction=True)
def test_a_host_that_died_between_two_probes_costs_readers_nothing(varnish_one_host_down):
    """Before the health probe notices (two failed probes, about 2 s), half the requests go to the dead host
    (here: all the test long). Varnish asks the other host (not the next of the round, which several readers
    at once may bring back to the dead one) instead of answering 503, beacons too, each view counted once."""
    setup_site.run()
    home = HomePage.objects.get()
    before = sum(PageViewCount.objects.filter(page=home).values_list("count", flat=True))
    urls = [f"/en/?reader={n}" for n in range(16)] + [f"/beacon/{home.pk}/en.gif"] * 8
    with ThreadPoolExecutor(max_workers=6) as readers:
        answers = list(readers.map(lambda url: get(varnish_one_host_down + url)[0], urls))
    assert answers == [200] * len(urls)
    assert sum(PageViewCount.objects.filter(page=home).values_list("count", flat=True)) == before + 8
