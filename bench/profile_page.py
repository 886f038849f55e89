"""One page built afresh (page cache off), in-process, under production settings: CPU time per request,
queries, and where the time goes (cProfile, the functions with most cumulative time).

    .venv/bin/python bench/profile_page.py                       # campaign, km and en, and the yardstick figures
    .venv/bin/python bench/profile_page.py --pages "search results" --languages km --top 40

The demo site is built as bench/load_pages.py builds it (SQLite, production settings, static files
collected), with ``PAGE_CACHE_SECONDS=0`` and the cache in local memory.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time

from _setup import ROOT, production_demo_site

PHONE = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", nargs="*", default=["campaign"], help="page types (default: campaign)")
    parser.add_argument("--languages", default="km,en", help="comma-separated (default km,en)")
    parser.add_argument("--runs", type=int, default=300, help="requests timed per page (default 300)")
    parser.add_argument("--sort", default="cumulative", help="profile order: cumulative (default) or tottime")
    parser.add_argument("--top", type=int, default=30, help="profile lines shown (default 30; 0: no profile)")
    args = parser.parse_args()

    env = production_demo_site("profile")
    env["PAGE_CACHE_SECONDS"] = "0"
    env.pop("REDIS_URL", None)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from home.public_pages import all_sample_paths

    client = Client(HTTP_USER_AGENT=PHONE, HTTP_ACCEPT_ENCODING="gzip", HTTP_HOST="127.0.0.1")
    for name, language, path in all_sample_paths(args.languages.split(",")):
        if name not in args.pages:
            continue
        for _ in range(3):
            assert client.get(path).status_code == 200, path
        queries = []

        def record(execute, sql, *rest, queries=queries):
            queries.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(record):
            client.get(path)
        times = []
        for _ in range(args.runs):
            start = time.process_time()
            client.get(path)
            times.append((time.process_time() - start) * 1000)
        print(
            f"{name} ({language}) {path}: {len(queries)} queries, "
            f"CPU median {statistics.median(times):.2f} ms, mean {statistics.mean(times):.2f} ms",
            flush=True,
        )
        if args.top:
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(100):
                client.get(path)
            profile.disable()
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
            print(out.getvalue())
        for sql in queries:
            print("   ", sql[:400])


if __name__ == "__main__":
    main()
