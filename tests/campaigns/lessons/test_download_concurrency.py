"""No download is counted twice or lost when many readers download one file at once (threads, each with its
own connection)."""

import threading

from django.db import connection
from django.test import Client
from django.utils import timezone, translation

from campaigns.lessons.downloads import DownloadCount
from campaigns.lessons.pages import LessonKitPage

PHONE = "Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"


def counted(kit, target):
    row = DownloadCount.objects.filter(kit=kit, target=target, day=timezone.localdate()).first()
    return row.count if row else 0


def test_no_download_is_lost_under_concurrency(committed_demo):
    kit = LessonKitPage.objects.get(slug_en="yama-the-facts")
    kit_file = kit.files.get(role="worksheet", language="km")
    with translation.override("en"):
        url = kit.url + f"files/{kit_file.pk}/"
    target = f"file:{kit_file.document_id}"
    threads, per_thread = 8, 10
    errors = []
    before = counted(kit, target)

    def download():
        client = Client()
        try:
            for _ in range(per_thread):
                response = client.get(url, HTTP_USER_AGENT=PHONE)
                assert response.status_code == 200
                b"".join(response.streaming_content)  # read to the last byte, as a server does
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    workers = [threading.Thread(target=download) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors, errors
    assert counted(kit, target) - before == threads * per_thread
