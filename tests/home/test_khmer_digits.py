"""On Khmer pages every number and date the site writes is in Khmer digits (through the ``khmer``
template filters), and every month name is Khmer.

Editors may type Latin digits in their own text ("ឆ្នាំ 2025"), which is theirs to choose; so a
Latin digit on a Khmer page is allowed only where the same characters around it were typed by an
editor (they are found in the content stored in the database). Anything else was written by a
template without a filter and fails.
"""

import html
import json
import re
from html.parser import HTMLParser

import pytest

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.test import Client

from wagtail.fields import StreamField

from home.public_pages import sample_paths

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

LATIN_DIGITS = re.compile(r"[0-9][0-9.,:/\-]*")
ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
)
VISIBLE_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")
CONTEXT = 3  # characters of text on each side of a number that must match what an editor typed


class VisibleText(HTMLParser):
    """Text a reader sees or hears, leaving out ``<head>``, scripts and anything marked as English."""

    SKIP = {"head", "script", "style", "template"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.stack, self.texts = [], []
        self.feed(page)

    def hidden(self):
        return any(tag in self.SKIP or lang == "en" for tag, lang in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang") or (self.stack[-1][1] if self.stack else None)
        if tag not in self.VOID:
            self.stack.append((tag, lang))
        if not self.hidden() and lang != "en":
            self.texts += [attrs[name] for name in VISIBLE_ATTRIBUTES if attrs.get(name)]

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and not self.hidden():
            self.texts.append(data)


def editor_text():
    """Everything editors and officials typed: every text field of every model, rich text without tags."""
    parts = []
    for model in apps.get_models():
        text_fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | StreamField)
        ]
        if not text_fields:
            continue
        for row in model._base_manager.values_list(*text_fields):
            for value in row:
                if isinstance(value, list | dict):
                    value = json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)
                parts.append(str(value or ""))
    return html.unescape(re.sub(r"<[^>]+>", "", "\n".join(parts)))


def untyped_latin_numbers(page, corpus):
    found = []
    for text in VisibleText(page).texts:
        for match in LATIN_DIGITS.finditer(text):
            before = text[max(0, match.start() - CONTEXT) : match.end()]
            after = text[match.start() : match.end() + CONTEXT]
            # Both sides as an editor typed them: a search snippet joins a page's summary and a part of its
            # body, so the number may end one typed text and the next begin right after it.
            if before not in corpus or after not in corpus:
                found.append(text[max(0, match.start() - CONTEXT) : match.end() + CONTEXT])
    return found


def khmer_paths():
    paths = sample_paths("km")
    return [
        *paths.values(),
        "/km/events/list/",
        "/km/events/list/?when=past",
        paths["lesson kit index"] + "?grade=lower_secondary",
        paths["help finder"] + "?province=09",
        paths["campaign index"] + "?topic=methamphetamine",
        "/km/search/?q=%E1%9E%80%E1%9E%89%E1%9F%92%E1%9E%86%E1%9E%B6",  # កញ្ឆា
        "/km/search/?q=zzzz",
    ]


def test_khmer_pages_write_numbers_and_dates_in_khmer():

    client, corpus = Client(), editor_text()
    problems = {}
    for path in khmer_paths():
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        found = untyped_latin_numbers(page, corpus)
        months = [m for text in VisibleText(page).texts for m in ENGLISH_MONTHS.findall(text) if m not in corpus]
        if found or months:
            problems[path] = found + months
    assert not problems, problems


def test_the_check_sees_a_number_a_template_writes_in_latin_digits():
    corpus = "ឆ្នាំ 2025 ហើយ"
    page = (
        "<html><head><title>2026</title></head><body><p>ឆ្នាំ 2025 ហើយ</p>"
        "<p>ថ្ងៃ 15 មករា</p><span lang='en'>Page 3</span><img alt='រូប 4'></body></html>"
    )
    assert untyped_latin_numbers(page, corpus) == ["ងៃ 15 មក", "ូប 4"]
