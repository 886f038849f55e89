"""The kit's before/after check as a PDF (issue 19): how long making it takes, its size, and serving a made one.

    .venv/bin/python bench/check_pdf.py

Prints, for each language of each demo kit's check: the median time to make the PDF (fonts subset, Khmer
shaped by HarfBuzz), its size, and the median time of the kit's check address once the PDF is kept in the cache.
"""

import statistics
import time

from _setup import django_site

django_site("check_pdf")

from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import translation  # noqa: E402

from campaigns.quizzes.check_pdf import build_pdf, check_languages  # noqa: E402
from campaigns.quizzes.models import Quiz  # noqa: E402

RUNS = 7
client = Client()
print(f"{'kit':<40} {'lang':<4} {'questions':>9} {'made (median)':>14} {'size':>8} {'served kept':>12}")
for check in Quiz.objects.filter(kit_check=True, live=True).order_by("pk"):
    kit = check.page.specific
    for language in check_languages(check):
        made = []
        for _run in range(RUNS):
            started = time.perf_counter()
            content = build_pdf(kit, check, language)
            made.append(time.perf_counter() - started)
        cache.clear()
        with translation.override("km"):
            url = f"{kit.url}check/{language}/"
        client.get(url)  # made once and kept
        served = []
        for _run in range(RUNS):
            started = time.perf_counter()
            response = client.get(url)
            served.append(time.perf_counter() - started)
            assert response.status_code == 200
        print(
            f"{kit.title_en[:40]:<40} {language:<4} {check.questions.count():>9}"
            f" {statistics.median(made) * 1000:>11.0f} ms {len(content) / 1024:>5.0f} KB"
            f" {statistics.median(served) * 1000:>9.1f} ms"
        )
