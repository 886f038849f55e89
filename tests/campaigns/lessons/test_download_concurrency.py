"""No download is counted twice or lost when many readers download one file at once (threads, each with its
own connection)."""

import threading

from django.db import connection
from django.test import Client

from campaigns.lessons.pages import LessonKitPage
from tests.campaigns.lessons.test_downloads import PHONE, body, counted, file_url


def test_no_download_is_lost_under_concurrency(committed_demo):
    kit = LessonKitPage.objects.get(slug_en="yama-the-facts")
    kit_file = kit.files.get(role="worksheet", language="km")
    url = file_url(kit, kit_file)
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
                body(response)
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
