"""The backup procedure of docs/operations.md, run for real: dump, restore into a fresh database, find everything.

PostgreSQL only: ``ops/backup.sh`` and ``ops/restore.sh`` use pg_dump and pg_restore. The suite's
PostgreSQL pass (CI sets ``DATABASE_URL=postgres://...``) runs it; on SQLite it is skipped.
"""

import datetime
import os
import secrets
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection

from wagtail.documents.models import Document

from campaigns.models import CampaignIndexPage, CampaignPage, ManualReach, PageViewCount
from tests.campaigns.events.outreach_fixtures import make_event

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="backup and restore use pg_dump/pg_restore: a PostgreSQL procedure, run in the PostgreSQL pass",
)
RUN = secrets.token_hex(4)
PDF = b"%PDF-1.4\n% \xe1\x9e\x80 backup test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def database_url(name):
    db = connection.settings_dict
    user = quote(db["USER"] or "")
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def tables():
    """Every table the project's models (and Wagtail's, Django's) keep data in."""
    names = {m._meta.db_table for m in apps.get_models(include_auto_created=True) if m._meta.managed}
    return sorted(names & set(connection.introspection.table_names()))


def row_counts(cursor):
    counts = {}
    for table in tables():
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


def run(script, *args, **env):
    result = subprocess.run(
        [str(ROOT / "ops" / script), *map(str, args)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.fixture
def known_records(committed_demo):
    """The demo site plus records with exact values to look for after the restore (committed: pg_dump reads
    the database from another connection)."""
    campaign = CampaignIndexPage.objects.get().add_child(
        instance=CampaignPage(
            title_km="យុទ្ធនាការបម្រុងទុកទិន្នន័យ",
            title_en="Backed-up campaign",
            slug_km=f"backup-km-{RUN}",  # the demo is committed and, with --reuse-db, kept between runs
            slug_en=f"backup-en-{RUN}",
            summary_km="ទិន្នន័យនេះត្រូវតែរកឃើញវិញ បន្ទាប់ពីការស្ដារ។",
            summary_en="This must be found again after the restore.",
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2026, 6, 30),
        )
    )
    campaign.save_revision().publish()
    event = make_event("07", "វគ្គអប់រំដែលត្រូវស្ដារ", campaign=campaign, status="verified")
    manual = ManualReach.objects.create(
        campaign=campaign, channel="broadcast", day=datetime.date(2026, 2, 3), people=1234, source="របាយការណ៍ទូរទស្សន៍"
    )
    views = PageViewCount.objects.create(day=datetime.date(2026, 2, 4), page_id=campaign.pk, language="km", count=77)
    document = Document(title="សន្លឹកព័ត៌មាន បម្រុងទុក")
    document.file.save("backup-check.pdf", ContentFile(PDF), save=False)
    document.save()
    return {"campaign": campaign, "event": event, "manual": manual, "views": views, "document": document}


def test_a_backup_restored_into_a_fresh_database_has_every_record(known_records, tmp_path):
    missing = [tool for tool in ("pg_dump", "pg_restore") if shutil.which(tool) is None]
    assert not missing, f"{missing} not installed: the PostgreSQL client tools come with the server package"
    psycopg = pytest.importorskip("psycopg")

    with connection.cursor() as cursor:
        before = row_counts(cursor)
    assert before["campaigns_outreachevent"] > 0 and before["wagtaildocs_document"] > 0

    dump, media = run(
        "backup.sh",
        tmp_path / "backups",
        DATABASE_URL=database_url(connection.settings_dict["NAME"]),
        MEDIA_ROOT=settings.MEDIA_ROOT,
    )
    assert Path(dump).name.startswith("db-") and Path(media).name.endswith(".tar.gz")

    fresh = f"{connection.settings_dict['NAME']}_restored"[:63]
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
        cursor.execute(f'CREATE DATABASE "{fresh}"')
    try:
        restored_media = tmp_path / "media"
        run("restore.sh", dump, media, DATABASE_URL=database_url(fresh), MEDIA_ROOT=restored_media)
        with psycopg.connect(database_url(fresh)) as restored, restored.cursor() as cursor:
            assert row_counts(cursor) == before  # every table, every row

            campaign, event = known_records["campaign"], known_records["event"]
            cursor.execute("SELECT title_km, title_en, live FROM wagtailcore_page WHERE id = %s", [campaign.pk])
            assert cursor.fetchone() == ("យុទ្ធនាការបម្រុងទុកទិន្នន័យ", "Backed-up campaign", True)
            cursor.execute("SELECT summary_km FROM campaigns_campaignpage WHERE page_ptr_id = %s", [campaign.pk])
            assert cursor.fetchone() == ("ទិន្នន័យនេះត្រូវតែរកឃើញវិញ បន្ទាប់ពីការស្ដារ។",)
            cursor.execute(
                "SELECT title_km, status, female, male, campaign_id FROM campaigns_outreachevent WHERE id = %s",
                [event.pk],
            )
            assert cursor.fetchone() == ("វគ្គអប់រំដែលត្រូវស្ដារ", "verified", 30, 25, campaign.pk)
            manual = known_records["manual"]
            cursor.execute("SELECT people, source FROM campaigns_manualreach WHERE id = %s", [manual.pk])
            assert cursor.fetchone() == (1234, "របាយការណ៍ទូរទស្សន៍")
            cursor.execute("SELECT count FROM campaigns_pageviewcount WHERE id = %s", [known_records["views"].pk])
            assert cursor.fetchone() == (77,)
            document = known_records["document"]
            cursor.execute("SELECT title, file FROM wagtaildocs_document WHERE id = %s", [document.pk])
            assert cursor.fetchone() == ("សន្លឹកព័ត៌មាន បម្រុងទុក", document.file.name)
            # Sequences restored too: the next row gets a new id, not one already used.
            cursor.execute("SELECT nextval(pg_get_serial_sequence('campaigns_outreachevent', 'id'))")
            assert cursor.fetchone()[0] > event.pk

        assert (restored_media / document.file.name).read_bytes() == PDF
        for image_file in Path(settings.MEDIA_ROOT, "original_images").iterdir():
            assert (restored_media / "original_images" / image_file.name).read_bytes() == image_file.read_bytes()
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
