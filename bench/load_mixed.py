"""Mixed load against gunicorn on 127.0.0.1: readers, searches, downloads, view beacons and officials' writes.

    .venv/bin/python bench/load_mixed.py                 # 2 minutes, SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x .venv/bin/python bench/load_mixed.py --seconds 120

A fresh demo database (bench/_setup.py) is served by gunicorn (2 workers, the
site's gunicorn.conf.py). Client threads of our own (stdlib http.client, one
keep-alive connection each, no cookies for readers) send, for the whole time:

- reads of every public page in Khmer and English,
- searches (Khmer and English words, with and without filters),
- lesson kit downloads (whole files, with a phone's user agent: counted),
- view beacon hits (counted),
- officials' writes: the demo provincial official ``kampot`` signs in through
  the admin login (CSRF token from the form) and logs outreach events.

At the end the script checks that no request failed and that the database
counted exactly what the load generator did: downloads, beacon views and
events created. It prints total requests, failures, req/s and latency
percentiles per kind of request, and exits non-zero if anything is off.
"""

import argparse
import http.client
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

from _setup import ROOT, django_site, percentile

PHONE = "Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"
OFFICIAL, PASSWORD = "kampot", "nacd-demo-2026"
SEARCHES = ["យ៉ាម៉ា", "គ្រឿងញៀន", "ការព្យាបាល", "yama", "drugs", "treatment", "school lesson", "ice methamphetamine"]
WEIGHTS = {"read": 45, "search": 15, "download": 12, "beacon": 25, "write": 3}

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--seconds", type=float, default=120, help="how long the load runs (default 120)")
parser.add_argument("--clients", type=int, default=6, help="client threads (default 6)")
parser.add_argument(
    "--workers", type=int, default=0, help="gunicorn workers (default: 2 with REDIS_URL, 1 without; gunicorn.conf.py)"
)
args = parser.parse_args()

env = django_site("load_mixed")
backend = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"

from django.db.models import Sum  # noqa: E402
from django.utils import translation  # noqa: E402

from wagtail.models import Page  # noqa: E402

from campaigns.lessons.downloads import DownloadCount  # noqa: E402
from campaigns.lessons.pages import LessonKitPage  # noqa: E402
from campaigns.models import CampaignPage, District, OutreachEvent, Province  # noqa: E402
from campaigns.reach.page_views import PageViewCount  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def targets():
    """Addresses of the demo site: pages in both languages, kit files, beacons."""
    pages, beacons, downloads = [], [], []
    for page in Page.objects.live().public().specific().filter(depth__gt=1):
        for language in ("km", "en"):
            with translation.override(language):
                url = page.get_url()
            if url:
                pages.append(url)
                beacons.append(f"/beacon/{page.pk}/{language}.gif")
    for kit in LessonKitPage.objects.live().public():
        with translation.override("km"):
            base = kit.get_url()
        downloads += [f"{base}files/{kit_file.pk}/" for kit_file in kit.files.all()]
    pages += ["/km/events/", "/en/events/", "/km/events/list/", "/en/events/calendar.ics"]
    return pages, beacons, downloads


def counted():
    return (
        DownloadCount.objects.aggregate(n=Sum("count"))["n"] or 0,
        PageViewCount.objects.aggregate(n=Sum("count"))["n"] or 0,
        OutreachEvent.objects.filter(created_by__username=OFFICIAL, title_en__startswith="Load test").count(),
    )


class Connection:
    """One keep-alive connection; reconnects when the server closed it. Cookies only when asked to keep them."""

    def __init__(self, port, keep_cookies=False):
        self.port, self.keep_cookies, self.cookies = port, keep_cookies, {}
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        headers = {"User-Agent": PHONE, "Accept-Language": "km", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A keep-alive connection the server closed between requests: the request never reached it.
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        if self.keep_cookies:
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location", ""), data


CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class Official:
    """The demo official of Kampot, signed in through the admin login form."""

    def __init__(self, port, record):
        self.http = Connection(port, keep_cookies=True)
        self.record = record
        province = Province.objects.get(code="07")
        self.district = District.objects.filter(province=province).order_by("code").first()
        self.commune = self.district.communes.order_by("code").first()
        self.province = province
        self.campaign = CampaignPage.objects.live().order_by("-first_published_at").first()

    def timed(self, kind, method, path, body=None, headers=None, expect=(200,)):
        start = time.perf_counter()
        try:
            status, location, data = self.http.request(method, path, body, headers)
        except OSError as error:
            self.record(kind, time.perf_counter() - start, False, repr(error))
            return None, "", b""
        ok = status in expect
        self.record(kind, time.perf_counter() - start, ok, "" if ok else f"{status} {path}")
        return status, location, data

    def sign_in(self):
        _status, _loc, page = self.timed("official sign-in", "GET", "/admin/login/")
        token = CSRF.search(page).group(1).decode()
        body = urlencode({"csrfmiddlewaretoken": token, "username": OFFICIAL, "password": PASSWORD, "next": "/admin/"})
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": "http://127.0.0.1/admin/login/"}
        status, location, _ = self.timed("official sign-in", "POST", "/admin/login/", body, headers, expect=(302,))
        assert status == 302 and "login" not in location, f"sign-in failed: {status} {location}"

    def log_event(self, number):
        status, _loc, page = self.timed("official form", "GET", "/admin/outreach-events/add/")
        if status != 200:
            return False
        token = CSRF.search(page).group(1).decode()
        day = time.strftime("%Y-%m-%d", time.localtime(time.time() + 86400 * (3 + number % 60)))
        fields = {
            "csrfmiddlewaretoken": token,
            "campaign": self.campaign.pk,
            "title_km": f"កិច្ចប្រជុំភូមិ ស្ដីពីការការពារគ្រឿងញៀន លេខ {number}",
            "title_en": f"Load test village meeting {number}",
            "description_km": "",
            "description_en": "",
            "kind": "community_meeting",
            "status": "planned",
            "start": f"{day} 08:00",
            "end": f"{day} 10:00",
            "province": self.province.pk,
            "district": self.district.pk,
            "commune": self.commune.pk,
            "venue_km": "សាលាឆាន់វត្ត",
            "venue_en": "",
            "organiser_km": "ក្រុមប្រឹក្សាឃុំ",
            "organiser_en": "",
            "audience_km": "ឪពុកម្ដាយ និងយុវជន",
            "audience_en": "",
            "expected_attendance": "60",
            "submission_token": str(uuid.uuid4()),
            "confirm_not_duplicate": "on",
        }
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": "http://127.0.0.1/admin/"}
        status, _location, _body = self.timed(
            "official write", "POST", "/admin/outreach-events/add/", urlencode(fields), headers, expect=(302,)
        )
        return status == 302


def main():
    pages, beacons, downloads = targets()
    before = counted()
    port = free_port()
    server_env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        **({"GUNICORN_WORKERS": str(args.workers)} if args.workers else {}),
        "GUNICORN_ACCESS_LOG": "/dev/null",
        # Each beacon hit poses as a reader of its own (X-Forwarded-For below): one client counts at most
        # BEACON_VIEWS_PER_HOUR views of a page (campaigns/reach/page_views.py).
        "TRUSTED_PROXY_COUNT": "1",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "awareness_site.wsgi", "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=server_env,
    )
    try:
        deadline = time.time() + 60
        while True:
            try:
                Connection(port).request("GET", "/km/")
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.5)
        return run_load(port, pages, beacons, downloads, before)
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_load(port, pages, beacons, downloads, before):
    lock = threading.Lock()
    samples = defaultdict(list)  # kind -> [seconds]
    failures = defaultdict(list)  # kind -> [reason]
    done = {"download": 0, "beacon": 0, "write": 0}

    def record(kind, seconds, ok, reason=""):
        with lock:
            samples[kind].append(seconds)
            if not ok:
                failures[kind].append(reason)

    # Warm each worker (first requests compile templates) before the clock starts.
    warm = Connection(port)
    for path in pages[:20]:
        warm.request("GET", path)

    stop = time.time() + args.seconds
    writer_lock = threading.Lock()  # one official at a time, as in life: a few writes among many reads
    official = Official(port, record)
    official.sign_in()
    write_number = [0]
    kinds, weights = zip(*WEIGHTS.items(), strict=True)

    def client(seed):
        rng = random.Random(seed)
        http_ = Connection(port)
        while time.time() < stop:
            kind = rng.choices(kinds, weights)[0]
            if kind == "write":
                with writer_lock:
                    write_number[0] += 1
                    ok = official.log_event(write_number[0])
                if ok:
                    with lock:
                        done["write"] += 1
                continue
            if kind == "read":
                path = rng.choice(pages)
            elif kind == "search":
                params = {"q": rng.choice(SEARCHES)}
                if rng.random() < 0.3:
                    params["kind"] = rng.choice(["lesson_kit", "fact_sheet", "campaign"])
                path = f"/{rng.choice(['km', 'en'])}/search/?{urlencode(params)}"
            elif kind == "download":
                path = rng.choice(downloads)
            else:
                path = rng.choice(beacons)
            headers = None
            if kind == "beacon":
                reader = rng.randrange(2**24)
                headers = {"X-Forwarded-For": f"10.{reader >> 16}.{(reader >> 8) & 255}.{reader & 255}"}
            start = time.perf_counter()
            try:
                status, _location, _data = http_.request("GET", path, headers=headers)
            except OSError as error:
                record(kind, time.perf_counter() - start, False, f"{error!r} {path}")
                continue
            ok = status == 200
            record(kind, time.perf_counter() - start, ok, "" if ok else f"{status} {path}")
            if ok and kind in done:
                with lock:
                    done[kind] += 1

    started = time.time()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.time() - started
    time.sleep(2)  # downloads are counted once their last byte is sent

    after = counted()
    downloads_counted, views_counted, events_created = (a - b for a, b in zip(after, before, strict=True))
    total = sum(len(v) for v in samples.values())
    failed = sum(len(v) for v in failures.values())
    workers = args.workers or "default"
    print(f"\nMixed load on {backend}: {args.clients} client threads, gunicorn {workers} workers x 4 threads")
    print(f"{elapsed:.0f} s, {total} requests, {failed} failed, {total / elapsed:.1f} req/s\n")
    print(f"{'kind':<18}{'requests':>9}{'failed':>8}{'req/s':>8}{'p50 ms':>9}{'p90 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for kind in sorted(samples, key=lambda k: -len(samples[k])):
        times = [t * 1000 for t in samples[kind]]
        print(
            f"{kind:<18}{len(times):>9}{len(failures[kind]):>8}{len(times) / elapsed:>8.1f}"
            + "".join(f"{percentile(times, p):>9.0f}" for p in (0.5, 0.9, 0.95, 0.99))
        )
    print()
    checks = [
        ("downloads counted", downloads_counted, done["download"]),
        ("beacon views counted", views_counted, done["beacon"]),
        ("events created", events_created, done["write"]),
    ]
    exact = True
    for name, in_db, sent in checks:
        same = in_db == sent
        exact &= same
        print(f"{name}: {in_db} in the database, {sent} successful requests: {'exact' if same else 'MISMATCH'}")
    for kind, reasons in failures.items():
        if reasons:
            print(f"failures ({kind}): {reasons[:5]}")
    return 0 if exact and failed == 0 else 1


if __name__ == "__main__":
    os.chdir(Path(ROOT))
    sys.exit(main())
