"""Embedded search at scale: index 10,000 materials in Khmer and English, then time queries.

    .venv/bin/python bench/search_latency.py            # SQLite (a temporary file) and PostgreSQL
    .venv/bin/python bench/search_latency.py --only sqlite
    .venv/bin/python bench/search_latency.py --only sqlite --keep /tmp/bench.sqlite3   # index once, time again
    .venv/bin/python bench/search_latency.py --only postgresql --keep                  # keep BENCH_DATABASE_URL's index
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/awareness_bench (default)

Each run builds its own database (never the site's), indexes 10,000 materials
(20,000 documents, one per language) through the embedded backend exactly as the
site does, then runs a mixed set of queries (Khmer words, English words, plurals,
a typo, synonyms, two-word queries, a facet filter) and prints the median and
95th-percentile latency of ``MaterialSearch(...).run()`` (query, facets,
highlighted snippets: everything the search page needs) and the indexing time.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MATERIALS = 10_000
QUERIES_PER_KIND = 40

QUERIES = {
    "km word": ["គ្រឿងញៀន", "សុខភាព", "យ៉ាម៉ា", "សិស្ស", "សហគមន៍", "ជំនួយ", "ម៉ាទឹកកក", "ការព្យាបាល"],
    "en word": ["drug", "teacher", "hotline", "cannabis", "village", "recovery"],
    "en plural": ["teachers", "pills", "villages", "risks", "worksheets"],
    "en typo": ["metamphetamine", "canabis", "hotlne", "teachre"],
    "synonym": ["shabu", "ថ្នាំម៉ា", "weed", "molly"],
    "two words": ["school drugs", "health centre", "សិស្ស គ្រឿងញៀន"],
}


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "awareness_site.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)


def demo_sentences():
    """Sentences of the demo content (fact sheets, campaigns, lesson kits, events), by language."""
    import re

    from django.utils.html import strip_tags

    from campaigns.demo import content as demo_content

    found = {"km": [], "en": []}

    def walk(value, language=None):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, key[-2:] if key[-3:] in ("_km", "_en") else language)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item, language)
        elif isinstance(value, str) and language in found:
            text = strip_tags(value)
            pattern = r"(?<=។)\s*" if language == "km" else r"(?<=[.!?])\s+"
            found[language].extend(p.strip() for p in re.split(pattern, text) if len(p.strip()) > 20)

    for name in dir(demo_content):
        if name.isupper():
            walk(getattr(demo_content, name))
    return found


def documents(count):
    from search.sources import IndexDocument

    rng = random.Random(7)
    sentences = demo_sentences()
    kinds = ["campaign", "fact_sheet", "lesson_kit", "event", "help_service"]
    topics = ["methamphetamine", "cannabis", "school-prevention", "family", "workplace", "community"]
    for i in range(count):
        kind = kinds[i % len(kinds)]
        facets = {
            "kind": [kind],
            "topic": rng.sample(topics, 2),
            "province": [f"{rng.randint(1, 25):02d}"],
            "grade_band": [rng.choice(["primary", "lower_secondary", "upper_secondary"])]
            if kind == "lesson_kit"
            else [],
        }
        for language in ("km", "en"):
            body = " ".join(rng.sample(sentences[language], 25))
            title = rng.choice(sentences[language])[:60]
            yield IndexDocument(kind, str(i), language, title, f"/{language}/m/{i}/", body, "", facets)


def run(label, reuse=False):
    from django.db import connection

    from search.backends.embedded import EmbeddedBackend
    from search.models import IndexEntry
    from search.query import MaterialSearch

    backend = EmbeddedBackend()
    count = IndexEntry.objects.count() if reuse else 0
    if count:
        indexing = None  # --keep: the index of an earlier run, timed then
    else:
        started = time.perf_counter()
        count = backend.rebuild(documents(MATERIALS))
        indexing = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_indexentry")
    timings, hits = {}, []
    for kind, texts in QUERIES.items():
        for n in range(QUERIES_PER_KIND):
            text = texts[n % len(texts)]
            language = "km" if any("\u1780" <= ch <= "\u17ff" for ch in text) else "en"
            filters = {"kind": "lesson_kit"} if n % 4 == 3 else {}
            began = time.perf_counter()
            results = MaterialSearch(text, language=language, filters=filters, page=1 + n % 3, backend=backend).run()
            timings.setdefault(kind, []).append((time.perf_counter() - began) * 1000)
            hits.append(results.total)
    every = [t for values in timings.values() for t in values]
    print(f"\n{label}: {MATERIALS:,} materials, {count:,} documents (km + en)")
    if indexing is None:
        print("  indexing: kept from an earlier run (--keep)")
    else:
        print(f"  indexing (rebuild): {indexing:.1f} s ({count / indexing:.0f} documents/s)")
    print(f"  matches per query: median {statistics.median(hits):,.0f}, most {max(hits):,}, none {hits.count(0)}")
    print(f"  all queries ({len(every)}): median {statistics.median(every):.1f} ms, p95 {percentile(every, 95):.1f} ms")
    for kind, values in timings.items():
        print(f"    {kind:<10} median {statistics.median(values):6.1f} ms   p95 {percentile(values, 95):6.1f} ms")


def percentile(values, pct):
    values = sorted(values)
    return values[min(len(values) - 1, round(pct / 100 * (len(values) - 1)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument(
        "--keep",
        nargs="?",
        const="default",
        help="keep the index for the next run: SQLite in this file, PostgreSQL in BENCH_DATABASE_URL's database",
    )
    parser.add_argument("--child", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "sqlite":
        if args.keep:
            path = Path(args.keep if args.keep != "default" else tempfile.gettempdir() + "/bench-search.sqlite3")
            setup_django(f"sqlite:///{path}")
            run("SQLite FTS5", reuse=True)
            return
        with tempfile.TemporaryDirectory() as tmp:
            setup_django(f"sqlite:///{tmp}/bench.sqlite3")
            run("SQLite FTS5")
        return
    if args.child == "postgresql":
        url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/awareness_bench")
        import psycopg

        base, _, name = url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not (args.keep and exists):
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                connection.execute(f'CREATE DATABASE "{name}"')
        setup_django(url)
        run("PostgreSQL full-text search", reuse=bool(args.keep))
        return
    # Each database in its own process: Django is set up once per process.
    for vendor in ["sqlite", "postgresql"]:
        if args.only in (None, vendor):
            keep = [f"--keep={args.keep}"] if args.keep else []
            subprocess.run([sys.executable, __file__, "--child", vendor, *keep], check=True)


if __name__ == "__main__":
    main()
