"""Several machines on loopback: Varnish in front of two gunicorn hosts that share only PostgreSQL, Redis, an S3
server (moto) and a task worker; mixed reader traffic through Varnish while an editor publishes, an image is
uploaded, Redis is stopped for 20 s and host B is killed and restarted.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/scale_out.py [--seconds 120]

Needs PostgreSQL (DATABASE_URL), redis-server, varnishd and moto_server (requirements-dev.txt). Everything
listens on 127.0.0.1 and is stopped at the end. Prints requests per second through Varnish (cached and not),
latency percentiles, failed reader requests, the purge delay, and whether views and downloads were counted
exactly.
"""

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._setup import GUNICORN, ROOT, bench_database_url, free_port, percentile  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--seconds", type=float, default=120, help="how long the reader traffic runs (default 120)")
parser.add_argument("--clients", type=int, default=6, help="reader threads (default 6)")
args = parser.parse_args()
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    sys.exit("bench/scale_out.py needs DATABASE_URL=postgres://... (it makes a database bench_scale_out)")
for tool in ("redis-server", "varnishd", "moto_server"):
    if not (shutil.which(tool) or Path(sys.executable).with_name(tool).exists() or Path("/usr/sbin", tool).exists()):
        sys.exit(f"bench/scale_out.py needs {tool}")

PHONE = "Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"
tmp = Path(tempfile.mkdtemp(prefix="bench-scale-out-"))
processes = {}


def start(name, command, env=None, log=True):
    out = open(tmp / f"{name}.log", "w") if log else subprocess.DEVNULL  # noqa: SIM115
    processes[name] = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    return processes[name]


def stop(name, sig=signal.SIGTERM):
    process = processes.pop(name, None)
    if process and process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_http(url, seconds=120, ok=(200,)):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=3) as response:
                if response.status in ok:
                    return
        except urllib.error.HTTPError as error:
            if error.code in ok:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"{url} did not answer; logs in {tmp}")


def main():
    redis_port, s3_port, varnish_port, port_a, port_b = (free_port() for _ in range(5))
    start("redis", ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""])
    moto = shutil.which("moto_server") or str(Path(sys.executable).with_name("moto_server"))
    start("s3", [moto, "-H", "127.0.0.1", "-p", str(s3_port)])
    wait_http(f"http://127.0.0.1:{s3_port}/moto-api/")
    import boto3

    boto3.client(
        "s3", endpoint_url=f"http://127.0.0.1:{s3_port}", region_name="us-east-1",
        aws_access_key_id="bench", aws_secret_access_key="bench",
    ).create_bucket(Bucket="nacd-media")  # fmt: skip
    site = f"http://127.0.0.1:{varnish_port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "awareness_site.settings.production",
        "SECRET_KEY": "bench-only-" + os.urandom(8).hex(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": bench_database_url("scale_out", tmp),
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "AWS_STORAGE_BUCKET_NAME": "nacd-media",
        "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{s3_port}",
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "bench",
        "AWS_SECRET_ACCESS_KEY": "bench",
        "TASK_WORKER": "1",
        "FRONTEND_CACHE_URL": site,
        "FRONTEND_CACHE_SITE_URL": site,
        "WAGTAILADMIN_BASE_URL": site,
        "STATIC_ROOT": str(tmp / "static"),
        "TRUSTED_PROXY_COUNT": "2",  # the reader's address, then Varnish's
        "GUNICORN_WORKERS": "2",
        "GUNICORN_ACCESS_LOG": "/dev/null",
    }
    env.pop("DEBUG", None)
    print("Building the demo site on PostgreSQL, Redis and the S3 server ...", flush=True)
    started = time.time()
    for command in (["migrate", "--noinput"], ["seed_demo"], ["collectstatic", "--noinput"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run(  # what seeding queued (indexing, ZIPs, purges), before the traffic starts
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"], cwd=ROOT, env=env, check=True,
        capture_output=True,
    )  # fmt: skip
    print(f"  built in {time.time() - started:.0f} s", flush=True)

    hosts = {}
    for name, port in (("a", port_a), ("b", port_b)):
        hosts[name] = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "MEDIA_ROOT": str(tmp / f"media-{name}")}
    gunicorn = [str(GUNICORN), "--config", str(ROOT / "gunicorn.conf.py"), "awareness_site.wsgi"]
    for name in hosts:
        start(f"host_{name}", gunicorn, hosts[name])
    start("worker", [sys.executable, "manage.py", "db_worker", "--interval", "0.2"], env)
    wait_http(f"http://127.0.0.1:{port_a}/healthz")
    wait_http(f"http://127.0.0.1:{port_b}/healthz")
    vcl = (ROOT / "ops" / "varnish" / "default.vcl").read_text()
    (tmp / "default.vcl").write_text(vcl.replace('"8001"', f'"{port_a}"').replace('"8002"', f'"{port_b}"'))
    tmp.chmod(0o755)
    (tmp / "default.vcl").chmod(0o644)
    start("varnish", ["/usr/sbin/varnishd", "-F", "-n", str(tmp / "varnish"), "-a", f"127.0.0.1:{varnish_port}",
                      "-T", "127.0.0.1:0", "-f", str(tmp / "default.vcl"), "-s", "malloc,256m"])  # fmt: skip
    wait_http(site + "/km/")

    os.environ.update(env)
    import django

    django.setup()
    from django.db.models import Sum
    from django.utils import translation

    from wagtail.models import Page

    from campaigns.lessons.downloads import DownloadCount
    from campaigns.lessons.pages import LessonKitPage
    from campaigns.models import CampaignPage
    from campaigns.reach.page_views import PageViewCount

    pages, beacons, downloads = [], [], []
    for page in Page.objects.live().public().specific().filter(depth__gt=1):
        for language in ("km", "en"):
            with translation.override(language):
                url = page.get_url()
            if url:
                pages.append(url)
                beacons.append(f"/beacon/{page.pk}/{language}.gif")
    for kit in LessonKitPage.objects.live().public()[:3]:
        with translation.override("km"):
            downloads += [f"{kit.get_url()}files/{f.pk}/" for f in kit.files.all()]

    def counted():
        views = PageViewCount.objects.aggregate(n=Sum("count"))["n"] or 0
        return views, DownloadCount.objects.aggregate(n=Sum("count"))["n"] or 0

    before = counted()
    samples = {"cached": [], "uncached": []}
    failures, sent = [], {"beacon": 0, "download": 0}
    lock, stopping = threading.Lock(), threading.Event()

    def reader(seed):
        rng = random.Random(seed)
        while not stopping.is_set():
            roll = rng.random()
            kind = "page" if roll < 0.6 else "beacon" if roll < 0.9 else "download"
            path = rng.choice({"page": pages, "beacon": beacons, "download": downloads}[kind])
            headers = {"User-Agent": PHONE, "X-Forwarded-For": f"10.{seed}.{rng.randrange(256)}.{rng.randrange(256)}"}
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(urllib.request.Request(site + path, headers=headers), timeout=30) as r:
                    r.read()
                    state = r.headers.get("X-Edge-Cache")
                with lock:
                    samples["cached" if state == "hit" else "uncached"].append(time.perf_counter() - started)
                    if kind in sent:
                        sent[kind] += 1
            except Exception as error:  # a reader who got no page
                with lock:
                    failures.append(f"{kind} {path}: {error}")

    threads = [threading.Thread(target=reader, args=(i,), daemon=True) for i in range(args.clients)]
    traffic_started = time.time()
    for thread in threads:
        thread.start()
    events = {}

    def at(second):
        time.sleep(max(0, traffic_started + second - time.time()))

    # An editor publishes on host A's database; the change must show through Varnish and on host B.
    at(args.seconds * 0.1)
    campaign = CampaignPage.objects.live().first()
    marker = f"Scale-out check {os.urandom(3).hex()}"
    campaign.title_en = marker
    published = time.time()
    campaign.save_revision().publish()
    with translation.override("en"):
        campaign_url = campaign.get_url()
    for name, base in (("varnish", site), ("host B", f"http://127.0.0.1:{port_b}")):
        while time.time() - published < 30:
            with urllib.request.urlopen(base + campaign_url, timeout=10) as response:
                if marker in response.read().decode(errors="replace"):
                    events[f"publish shown via {name} (s)"] = f"{time.time() - published:.2f}"
                    break
            time.sleep(0.05)
        else:
            events[f"publish shown via {name} (s)"] = "not within 30 s"

    # An image uploaded (on A) is served by B.
    from django.core.files.images import ImageFile

    from wagtail.images.models import Image

    from tests.photo_like import photo_like_jpeg

    image = Image(title="Uploaded on A")
    image.file.save("upload-a.jpg", ImageFile(__import__("io").BytesIO(photo_like_jpeg(640, 480)), name="a.jpg"))
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port_b}{image.file.url}", timeout=10) as response:
            events["image uploaded on A, served by B"] = "yes" if response.status == 200 else response.status
    except Exception as error:
        events["image uploaded on A, served by B"] = f"no ({error})"

    # Redis stops for 20 s.
    at(args.seconds * 0.3)
    stop("redis")
    at(args.seconds * 0.3 + 20)
    start("redis", ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""])

    # Host B is killed and started again.
    at(args.seconds * 0.6)
    stop("host_b", signal.SIGKILL)
    at(args.seconds * 0.6 + 15)
    start("host_b", gunicorn, hosts["b"])

    at(args.seconds)
    stopping.set()
    for thread in threads:
        thread.join(35)
    elapsed = time.time() - traffic_started
    time.sleep(2)  # the last counts are written after each response is sent
    after = counted()

    everything = samples["cached"] + samples["uncached"]
    print(f"\nScale-out on loopback: {args.clients} readers for {elapsed:.0f} s through Varnish, 2 hosts x 2 workers\n")
    print("| figure | value |\n|---|---|")
    print(f"| requests/s through Varnish (all) | {len(everything) / elapsed:.1f} |")
    for kind in ("cached", "uncached"):
        values = samples[kind]
        print(f"| {kind} requests | {len(values)} ({len(values) / elapsed:.1f}/s) |")
        if values:
            p50, p95, p99 = (percentile(values, f) * 1000 for f in (0.5, 0.95, 0.99))
            print(f"| {kind} latency p50 / p95 / p99 (ms) | {p50:.0f} / {p95:.0f} / {p99:.0f} |")
    print(f"| failed reader requests | {len(failures)} |")
    for name, value in events.items():
        print(f"| {name} | {value} |")
    views, downloads_counted = after[0] - before[0], after[1] - before[1]
    print(
        f"| views sent / counted | {sent['beacon']} / {views} ({'exact' if views == sent['beacon'] else 'NOT exact'}) |"
    )
    exact = "exact" if downloads_counted == sent["download"] else "NOT exact"
    print(f"| downloads sent / counted | {sent['download']} / {downloads_counted} ({exact}) |")
    for failure in failures[:5]:
        print("  failed:", failure)


try:
    main()
finally:
    for name in list(processes):
        stop(name)
