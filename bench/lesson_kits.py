"""Lesson kits: index queries with 500 kits, download counting cost, ZIP throughput and server memory.

    .venv/bin/python bench/lesson_kits.py            # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x .venv/bin/python bench/lesson_kits.py

Prints figures only; it asserts nothing (the tests do that).
"""

import os
import socket
import statistics
import subprocess
import threading
import time
import urllib.request

from _setup import ROOT, django_site, percentile

env = django_site("kits")

from django.core.files.base import ContentFile  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from wagtail.documents.models import Document  # noqa: E402

from campaigns.lessons.index_page import LessonKitIndexPage  # noqa: E402
from campaigns.lessons.pages import LessonKitFile, LessonKitPage  # noqa: E402

PHONE = "Mozilla/5.0 (Linux; Android 10) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"
BOT = "Googlebot/2.1"
client = Client()
index = LessonKitIndexPage.objects.get()
with translation.override("en"):
    index_url = index.get_url()
source = LessonKitPage.objects.get(slug_en="yama-the-facts")
FILTERS = f"?grade=lower_secondary&topic=methamphetamine&duration=short&language=km&campaign={source.campaign_id}"


def index_queries():
    client.get(index_url + FILTERS)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(index_url + FILTERS)
    return len(queries), response


def timed(url, agent, runs=200, **headers):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url, HTTP_USER_AGENT=agent, **headers)
        b"".join(response.streaming_content)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), percentile(times, 0.95)


print(f"# Lesson kits bench ({connection.vendor})")
few, _ = index_queries()
start = time.perf_counter()
topics = list(source.topics.all())
files = list(source.files.all())
fields = {
    name: getattr(source, name)
    for name in (
        "title_km",
        "title_en",
        "summary_km",
        "summary_en",
        "grade_band",
        "duration",
        "campaign_id",
        "objectives_km",
        "objectives_en",
        "preparation_km",
        "preparation_en",
        "assessment_km",
        "assessment_en",
        "steps_km",
        "steps_en",
    )
}
with transaction.atomic():
    for number in range(494):
        kit = index.add_child(
            instance=LessonKitPage(slug_km=f"kit-{number}", slug_en=f"kit-{number}", live=True, **fields)
        )
        kit.topics.set(topics)
        LessonKitFile.objects.bulk_create(
            [
                LessonKitFile(
                    kit=kit, document_id=f.document_id, role=f.role, language=f.language, sort_order=f.sort_order
                )
                for f in files
            ]
        )
print(f"made 494 more kits in {time.perf_counter() - start:.1f} s ({LessonKitPage.objects.live().count()} live)")
many, response = index_queries()
times = []
for _ in range(30):
    t = time.perf_counter()
    client.get(index_url + FILTERS)
    times.append((time.perf_counter() - t) * 1000)
print(
    f"kit index, all five filters: {few} queries with 6 kits, {many} queries with 500 kits; "
    f"median {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms (10 kits a page)"
)

kit_file = source.files.get(role="worksheet", language="km")
with translation.override("en"):
    file_url = source.get_url() + f"files/{kit_file.pk}/"
counted = timed(file_url, PHONE)
not_counted = timed(file_url, BOT)
print(
    f"single file ({kit_file.document.file.size} B): median {counted[0]:.2f} ms counted vs {not_counted[0]:.2f} ms "
    f"not counted (robot); counting costs {counted[0] - not_counted[0]:.2f} ms at the median"
)

# A 50 MB kit: five 10 MB files.
big = LessonKitPage.objects.get(slug_en="kit-0")
for number in range(5):
    document = Document(title=f"Large file {number}")
    document.file.save(f"large-{number}.pdf", ContentFile(b"%PDF-1.4\n" + os.urandom(10 * 1024 * 1024)), save=False)
    document._set_document_file_metadata()
    document.save()
    LessonKitFile.objects.create(kit=big, document=document, role="slides", language="en", sort_order=10 + number)
with translation.override("en"):
    zip_url = big.get_url() + "zip/all/"
start = time.perf_counter()
first = client.get(zip_url, HTTP_USER_AGENT=PHONE)
size = sum(len(chunk) for chunk in first.streaming_content)
print(f"ZIP of {size / 1e6:.1f} MB built and served once in {time.perf_counter() - start:.2f} s")

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen(
    [
        str(ROOT / ".venv/bin/gunicorn"),
        "awareness_site.wsgi",
        "--workers",
        "2",
        "--threads",
        "8",
        "--bind",
        f"127.0.0.1:{port}",
    ],
    cwd=ROOT,
    env=env,
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/km/", timeout=2)
        break
    except Exception:
        time.sleep(0.2)


def worker_pids():
    out = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in out]


def rss_kb(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field))


def http_times(url, agent, runs=200):
    times = []
    for _ in range(runs):
        request = urllib.request.Request(f"http://127.0.0.1:{port}{url}", headers={"User-Agent": agent})
        start = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            response.read()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), percentile(times, 0.95)


http_times(file_url, PHONE, 20)  # warm up both workers
counted_http, robot_http = http_times(file_url, PHONE), http_times(file_url, BOT)
print(
    f"over HTTP (gunicorn), time to the last byte of the {kit_file.document.file.size} B file: median "
    f"{counted_http[0]:.2f} ms counted vs {robot_http[0]:.2f} ms not counted, p95 {counted_http[1]:.2f} vs "
    f"{robot_http[1]:.2f} ms (the count is written after the last byte is sent)"
)
before = {pid: rss_kb(pid) for pid in worker_pids()}
peak = dict(before)
done = threading.Event()


def sample():
    while not done.is_set():
        for pid in worker_pids():
            try:
                peak[pid] = max(peak.get(pid, 0), rss_kb(pid))
            except (FileNotFoundError, StopIteration):
                pass
        time.sleep(0.02)


received = []


def download():
    request = urllib.request.Request(f"http://127.0.0.1:{port}{zip_url}", headers={"User-Agent": PHONE})
    with urllib.request.urlopen(request) as response:
        total = 0
        while chunk := response.read(256 * 1024):
            total += len(chunk)
    received.append(total)


sampler = threading.Thread(target=sample)
sampler.start()
start = time.perf_counter()
clients = [threading.Thread(target=download) for _ in range(8)]
for c in clients:
    c.start()
for c in clients:
    c.join()
elapsed = time.perf_counter() - start
done.set()
sampler.join()
server.terminate()
server.wait()
total_mb = sum(received) / 1e6
print(
    f"8 clients downloading the {size / 1e6:.0f} MB ZIP at once (gunicorn, 2 workers x 8 threads): "
    f"{total_mb:.0f} MB in {elapsed:.2f} s = {total_mb / elapsed:.0f} MB/s; "
    f"all complete: {all(r == size for r in received)}"
)
print(
    "worker memory (RSS, MB) before -> peak: "
    + ", ".join(f"{before.get(pid, 0) / 1024:.0f} -> {peak[pid] / 1024:.0f}" for pid in peak)
)
