"""Search relevance on the demo site: top-1, top-3 and mean reciprocal rank of the judgement set
(tests/search/judgements.tsv, read by search/relevance.py), for every backend this machine reaches.

    .venv/bin/python bench/search_relevance.py                 # SQLite, PostgreSQL, and Elasticsearch if set
    .venv/bin/python bench/search_relevance.py --only sqlite
    .venv/bin/python bench/search_relevance.py --database-url sqlite:////tmp/seeded.sqlite3  # a seeded copy

Each backend gets a fresh database with the demo seeded (PostgreSQL at DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/awareness_bench; Elasticsearch when ELASTICSEARCH_URL is set, with
an index prefix of its own). Prints the figures and every judgement that missed the top 3.
"""

import argparse
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _setup import ROOT, django_site  # noqa: E402


def report(label, backend=None):
    from search.relevance import read_judgements, score

    judgements = read_judgements()
    started = time.perf_counter()
    figures = score(judgements, backend)
    elapsed = time.perf_counter() - started
    print(
        f"{label}: {len(judgements)} queries  top-1 {figures['top1']:.1%}  top-3 {figures['top3']:.1%}  "
        f"MRR {figures['mrr']:.3f}  ({elapsed / max(len(judgements), 1) * 1000:.0f} ms a query)"
    )
    for judgement, found in figures["misses"]:
        print(f"   missed [{judgement.language}] {judgement.query!r}: wanted {' '.join(judgement.wanted)}, got {found}")


def child(vendor, database_url):
    if database_url:
        os.environ["DATABASE_URL"] = database_url
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "awareness_site.settings.test")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
    else:
        if vendor == "postgresql":
            os.environ["DATABASE_URL"] = os.environ.get(
                "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/awareness_bench"
            )
        else:
            os.environ.pop("DATABASE_URL", None)
        django_site(f"relevance_{vendor}")
    from django.db import connection

    from search.backends.embedded import EmbeddedBackend
    from search.indexing import rebuild

    rebuild(EmbeddedBackend())
    report(f"embedded ({connection.vendor})", EmbeddedBackend())
    url = os.environ.get("ELASTICSEARCH_URL", "")
    if url and vendor == "sqlite":
        from django.conf import settings

        from search.backends.elastic import ElasticsearchBackend

        settings.ELASTICSEARCH_URL = url
        settings.SEARCH_INDEX_PREFIX = f"relevance-{uuid.uuid4().hex[:8]}"
        backend = ElasticsearchBackend.from_settings()
        if not backend.ping():
            print(f"Elasticsearch at {url}: unreachable, not measured")
            return
        try:
            rebuild(backend)
            report("Elasticsearch", backend)
        finally:
            backend.drop_all()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--database-url", default="", help="an already seeded database to measure")
    parser.add_argument("--child", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.database_url)
        return
    vendors = ["sqlite", "postgresql"]
    if args.database_url:
        vendors = ["postgresql" if args.database_url.startswith("postgres") else "sqlite"]
    for vendor in vendors:
        if args.only in (None, vendor):
            command = [sys.executable, __file__, "--child", vendor]
            if args.database_url:
                command += ["--database-url", args.database_url]
            subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
