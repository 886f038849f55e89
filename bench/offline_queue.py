"""The officials' phone queue (issue 18): what it costs a phone, and how soon it sends.

    .venv/bin/python bench/offline_queue.py        # about 3 minutes on 2 cores

The demo site is built afresh and served as in production (``production_demo_site``: production
settings, gunicorn, hashed static files by whitenoise, gzip) on 127.0.0.1. Debian's Chromium at 360×740
in Khmer signs in as the Kampot official with an empty cache and prints:

- the bytes the phone downloads to make the screens available offline: from sign-in, the three screens
  opened online (the events list, the event form, an attendance report) until the worker says they are
  kept, every request that reached the network (the pages' and the worker's, headers and compressed
  bodies), and what is then kept on the phone (uncompressed);
- the size of a queued report with two camera photos (4000×3000 JPEG) before and after the phone
  made them smaller (long edge at most 1600 px), as kept in IndexedDB;
- the time from the connection returning to both items (an event and that report) being "sent", on
  loopback (median of ``--runs``).
"""

import argparse
import io
import os
import random
import statistics
import subprocess
import sys
import time

from _setup import ROOT, Gunicorn, production_demo_site

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BASE = "/admin/outreach-events/"

KEPT = """async () => {
  let bytes = 0, count = 0;
  for (const name of await caches.keys()) {
    if (!name.startsWith("nacd-admin-") && !name.includes("-static")) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      bytes += (await response.arrayBuffer()).byteLength;
      count += 1;
    }
  }
  return [bytes, count];
}"""
QUEUED = """async () => {
  const ask = (request) => new Promise((resolve) => { request.onsuccess = () => resolve(request.result); });
  const db = await ask(indexedDB.open("nacd-offline-queue", 1));
  const items = await ask(db.transaction("items").objectStore("items").getAll());
  db.close();
  return items.map((item) => ({ kind: item.kind, photos: item.photos.map((p) => p.size),
    fields: new Blob([JSON.stringify(item.fields)]).size }));
}"""


def camera_photo(seed, width=4000, height=3000):
    """A JPEG the size of a phone camera's, with a photo's mix of smooth areas and detail."""
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    small = Image.new("RGB", (width // 16, height // 16))
    small.putdata([tuple(rng.randrange(256) for _ in "rgb") for _ in range(small.width * small.height)])
    image = small.resize((width, height), Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(2))
    grain = Image.effect_noise((width, height), 24).convert("RGB")
    image = Image.blend(image, grain, 0.15)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def shell(env, code):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


def held_event(env, n):
    return shell(
        env,
        "import datetime, uuid; from django.utils import timezone; from campaigns.models import OutreachEvent as E; "
        "e = E.objects.filter(province__code='07').first(); e.pk = None; e.uid = uuid.uuid4(); "
        f"e.submission_token = None; e.title_km = 'វគ្គអប់រំ បានធ្វើម្សិលមិញ {n}'; e.reported_at = None; "
        "e.start = timezone.now() - datetime.timedelta(days=1); e.end = e.start + datetime.timedelta(hours=2); "
        "e.status = 'planned'; e.save(); print(e.pk)",
    )


def log_in(page, base):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "kampot")
    page.fill("#id_password", "nacd-demo-2026")
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")


def kept(page):
    page.wait_for_function("() => document.documentElement.dataset.offlineKept === '1'")


def fill_event(page, title, day):
    page.select_option("#id_campaign", index=1)
    page.fill("#id_title_km", title)
    page.select_option("#id_kind", "community_meeting")
    for selector, value in (("#id_start", f"{day} 08:00"), ("#id_end", f"{day} 10:30")):
        page.fill(selector, value)
        page.locator("#id_venue_km").click()
    page.select_option("#id_district", index=1)
    page.select_option("#id_commune", index=1)
    page.fill("#id_venue_km", "សាលាឆាន់វត្ត")
    page.fill("#id_organiser_km", "ក្រុមប្រឹក្សាឃុំ")
    page.fill("#id_audience_km", "យុវជន")
    page.fill("#id_expected_attendance", "60")


def fill_report(page, photos):
    for field, value in (("female", "22"), ("male", "18"), ("other_sex", "0")):
        page.fill(f"#id_{field}", value)
    for field, value in (("age_under_15", "5"), ("age_15_24", "20"), ("age_25_plus", "15")):
        page.fill(f"#id_{field}", value)
    page.set_input_files(
        "#outreach-phone-photos",
        [{"name": f"IMG_{n}.jpg", "mimeType": "image/jpeg", "buffer": data} for n, data in enumerate(photos)],
    )


def save(page):
    page.locator("#w-editor-form footer button[type=submit]").first.click()


def one_run(browser, base, env, n, photos):
    import datetime

    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="km-KH", is_mobile=True)
    context.set_default_timeout(120_000)
    page = context.new_page()
    held = held_event(env, n)
    log_in(page, base)
    # What crossed the network from here on: the page's own requests and the worker's (Playwright reports
    # the worker's with PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS), headers and encoded bodies; a
    # request the worker answered from its cache, or the browser from its HTTP cache, moved nothing.
    network = {"bytes": 0, "worker": 0}

    def finished(request):
        response = request.response()
        if response is None or response.from_service_worker:
            return
        sizes = request.sizes()
        moved = sizes["requestHeadersSize"] + sizes["responseHeadersSize"] + max(0, sizes["responseBodySize"])
        network["bytes"] += moved
        if request.service_worker:
            network["worker"] += moved

    context.on("requestfinished", finished)
    for path in (BASE, BASE + "add/", f"{BASE}report/{held}/"):
        page.goto(base + path)
        kept(page)
    page.wait_for_timeout(500)
    context.remove_listener("requestfinished", finished)
    worker_bytes, worker_count = page.evaluate(KEPT)

    context.set_offline(True)
    page.goto(base + BASE + "add/")
    day = datetime.date.today() + datetime.timedelta(days=20 + n)
    fill_event(page, f"កិច្ចប្រជុំភូមិ វាស់ល្បឿន {n}", day)
    save(page)
    page.locator("#outreach-queue [data-state=saved]").wait_for()
    page.goto(base + f"{BASE}report/{held}/")
    fill_report(page, photos)
    save(page)
    page.locator("#outreach-queue .outreach-queue__item [data-state=saved] >> nth=1").wait_for()
    queued = page.evaluate(QUEUED)

    start = time.perf_counter()
    context.set_offline(False)
    page.wait_for_function(
        "() => document.querySelectorAll('#outreach-queue [data-state=sent]').length === 2", polling=10
    )
    seconds = time.perf_counter() - start
    context.close()
    download = {"kept": worker_bytes, "worker_count": worker_count, **network}
    return download, queued, seconds


def main():
    os.environ["PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS"] = "1"
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    env = production_demo_site("offline-queue", serve_media=True)
    photos = [camera_photo(1), camera_photo(2)]
    with Gunicorn("awareness_site.wsgi", ROOT, env, ready_path="/km/") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        times = []
        for n in range(args.runs):
            download, queued, seconds = one_run(browser, base, env, n, photos)
            times.append(seconds)
            if n == 0:
                first_download, first_queued = download, queued
        browser.close()

    report = next(item for item in first_queued if item["kind"] == "report")
    before = sum(len(p) for p in photos)
    after = sum(report["photos"])
    d = first_download
    print(
        f"offline screens download: {d['bytes'] / 1024:.0f} KiB over the network (headers + compressed bodies, "
        f"empty cache) to open the 3 screens and keep them ({d['worker'] / 1024:.0f} KiB of it through the "
        f"worker); kept on the phone: {d['worker_count']} responses, {d['kept'] / 1024:.0f} KiB uncompressed"
    )
    print(
        f"queued report with 2 photos (4000x3000 JPEG): {before / 1024:.0f} KiB before resizing, "
        f"{(after + report['fields']) / 1024:.0f} KiB after (photos {after / 1024:.0f} KiB, long edge <= 1600 px, "
        f"fields {report['fields']} B)"
    )
    print(
        f"reconnect to sent (event + report with 2 photos, loopback): median {statistics.median(times) * 1000:.0f} ms "
        f"over {len(times)} runs (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
    )


if __name__ == "__main__":
    main()
