"""Pages under load: requests per second and latency of every public page type, page cache off and on,
next to the home page of a bare ``wagtail start`` project (the yardstick), in one run.

    apt-get install wrk                      # the load generator (Debian package)
    .venv/bin/python bench/load_pages.py     # about 8 minutes: 10 s per page, 2 languages, cache off and on
    .venv/bin/python bench/load_pages.py --seconds 5 --languages km --pages campaign "search results"

The demo site is built afresh (SQLite in a temporary folder: migrate, seed_demo, collectstatic) and
served under production settings by gunicorn with the site's gunicorn.conf.py (2 workers, 4 threads
each) on 127.0.0.1, once with ``PAGE_CACHE_SECONDS=0`` and once with 300. The cache is Redis (as it
must be for several processes, docs/performance.md) when one answers at ``--redis``, else each
process's local memory. The yardstick is ``wagtail start yardstick`` in a temporary folder, migrated,
under its own production settings, served by gunicorn the same way; it is measured before, between
and after the site's rounds and its mean is the 1.0 of the ratios, so drift on a shared machine shows
in its spread. wrk runs on the same machine (2 connections per gunicorn thread would only queue):
``--connections 8`` over 2 threads, ``Accept-Encoding: gzip`` as a phone sends. Every address is
checked first: 200, and on the cached round a cache hit.

Targets (issue 8), as ratios of requests per second to the yardstick: a campaign page uncached at
least 0.6, every cached page at least 2, search results uncached at least 0.3.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _setup import ROOT, Gunicorn, production_demo_site

OUTSIDE_ENVIRONMENT = dict(os.environ)  # before Django's settings are set for the site
PHONE = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"
WRK_SCRIPT = """
wrk.headers["Accept-Encoding"] = "gzip"
wrk.headers["User-Agent"] = "PHONE"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK {"requests": %d, "duration_us": %d, "status_errors": %d, "socket_errors": %d, '
    .. '"p50_us": %d, "p90_us": %d, "p99_us": %d, "bytes": %d}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), summary.bytes))
end
""".replace("PHONE", PHONE)
TARGETS = {"campaign": 0.6, "search results": 0.3}  # uncached; every cached page: 2.0
CACHED_TARGET = 2.0


def wrk(url, seconds, connections, script):
    completed = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script, url],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in completed.stdout.splitlines() if line.startswith("WRK "))
    result = json.loads(line[4:])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def fetch(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", "User-Agent": PHONE})
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        return response.status, response.headers.get("X-Page-Cache")


def build_yardstick():
    """A bare ``wagtail start`` project, migrated, static files collected, production settings."""
    folder = Path(tempfile.mkdtemp(prefix="bench-yardstick-"))
    wagtail = Path(sys.executable).with_name("wagtail")
    subprocess.run([str(wagtail), "start", "yardstick", str(folder)], check=True, capture_output=True)
    (folder / "yardstick" / "settings" / "local.py").write_text(
        f'SECRET_KEY = "{os.urandom(16).hex()}"\nALLOWED_HOSTS = ["127.0.0.1", "localhost"]\n'
    )
    env = {key: value for key, value in OUTSIDE_ENVIRONMENT.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    env["DJANGO_SETTINGS_MODULE"] = "yardstick.settings.production"
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=folder, env=env, check=True, capture_output=True)
    return folder, env


def redis_answers(url):
    try:
        import redis

        return redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception:
        return False


def sample_paths(env, languages):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from home.public_pages import all_sample_paths

    return all_sample_paths(languages)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="load time per page (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="open connections (default 8)")
    parser.add_argument("--languages", default="km,en", help="comma-separated (default km,en)")
    parser.add_argument("--pages", nargs="*", help="page types to measure (default: all)")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/11", help="page cache; local memory if none")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench/load_pages.py needs wrk: apt-get install wrk")

    started = time.time()
    print("Building the demo site and the yardstick ...", flush=True)
    env = production_demo_site("load")
    use_redis = redis_answers(args.redis)
    if use_redis:
        env["REDIS_URL"] = args.redis
    else:
        env.pop("REDIS_URL", None)
    pages = [
        (name, language, path)
        for name, language, path in sample_paths(env, args.languages.split(","))
        if not args.pages or name in args.pages
    ]
    yardstick_folder, yardstick_env = build_yardstick()
    script = Path(env["BENCH_TMP"]) / "wrk.lua"
    script.write_text(WRK_SCRIPT)

    yardstick_runs = []
    results = {}  # (name, language, cached) -> wrk result
    with Gunicorn("yardstick.wsgi", yardstick_folder, yardstick_env, log_name="yardstick") as yardstick:
        assert fetch(yardstick + "/")[0] == 200

        def measure_yardstick():
            wrk(yardstick + "/", 2, args.connections, script)  # warm
            yardstick_runs.append(wrk(yardstick + "/", args.seconds, args.connections, script))
            print(f"  yardstick: {yardstick_runs[-1]['rps']:.0f} req/s", flush=True)

        measure_yardstick()
        for cached in (False, True):
            seconds = 300 if cached else 0
            site_env = {**env, "PAGE_CACHE_SECONDS": str(seconds)}
            if use_redis:
                import redis

                redis.Redis.from_url(args.redis).flushdb()  # this bench's own database number
            with Gunicorn("awareness_site.wsgi", ROOT, site_env, ready_path="/km/", log_name="site") as site:
                for name, language, path in pages:
                    url = site + path
                    fetch(url), fetch(url), fetch(url)  # both workers warm, and the cache filled
                    status, hit = fetch(url)
                    if status != 200 or (cached and hit != "hit") or (not cached and hit):
                        sys.exit(f"{url}: status {status}, X-Page-Cache {hit!r}: not what this round measures")
                    wrk(url, 3, args.connections, script)  # warm: every thread of both workers, caches filled
                    result = wrk(url, args.seconds, args.connections, script)
                    if result["status_errors"] or result["socket_errors"]:
                        sys.exit(f"{url}: {result['status_errors']} bad statuses, {result['socket_errors']} errors")
                    results[name, language, cached] = result
                    print(
                        f"  {name} ({language}) cache {'on' if cached else 'off'}: {result['rps']:.0f} req/s",
                        flush=True,
                    )
            measure_yardstick()

    table = report(pages, results, yardstick_runs, args, use_redis, time.time() - started)
    print()
    print(table)
    if args.markdown:
        args.markdown.write_text(table + "\n")


def report(pages, results, yardstick_runs, args, use_redis, elapsed):
    rates = [run["rps"] for run in yardstick_runs]
    base = statistics.mean(rates)
    load = os.getloadavg()
    lines = [
        f"Yardstick (bare `wagtail start` home page): {base:.0f} req/s mean of {len(rates)} runs "
        f"({', '.join(f'{r:.0f}' for r in rates)}); p50 {yardstick_runs[0]['p50_us'] / 1000:.1f} ms.",
        f"{os.cpu_count()} cores shared with other work (load average now {load[0]:.1f}); wrk on the same machine, "
        f"{args.connections} connections, {args.seconds} s per page; gunicorn 2 workers x 4 threads; SQLite; "
        f"cache {'Redis' if use_redis else 'local memory'}; run took {elapsed / 60:.1f} min.",
        "",
        "| page | lang | off req/s | off p50/p90/p99 ms | off ratio "
        "| on req/s | on p50/p90/p99 ms | on ratio | targets |",
        "|---|---|---:|---|---:|---:|---|---:|---|",
    ]
    missed = 0
    for name, language, _path in pages:
        off, on = results[name, language, False], results[name, language, True]
        off_ratio, on_ratio = off["rps"] / base, on["rps"] / base
        verdicts = []
        if name in TARGETS:
            ok = off_ratio >= TARGETS[name]
            verdicts.append(f"off ≥ {TARGETS[name]} {'ok' if ok else 'MISSED'}")
            missed += not ok
        ok = on_ratio >= CACHED_TARGET
        verdicts.append(f"on ≥ {CACHED_TARGET:g} {'ok' if ok else 'MISSED'}")
        missed += not ok

        def latency(run):
            return "/".join(f"{run[key] / 1000:.1f}" for key in ("p50_us", "p90_us", "p99_us"))

        lines.append(
            f"| {name} | {language} | {off['rps']:.0f} | {latency(off)} | {off_ratio:.2f} "
            f"| {on['rps']:.0f} | {latency(on)} | {on_ratio:.2f} | {', '.join(verdicts)} |"
        )
    lines += ["", f"Targets missed: {missed}."]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
