"""Reading the interface text of a Wagtail admin screen, to check that none of it is left in English."""

import json
import re
import zoneinfo

from bs4 import BeautifulSoup, Comment

# Attributes whose text people see or hear (screen readers).
TEXT_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "aria-description", "data-w-progress-active-value")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
UTC_OFFSET = re.compile(r"\bUTC[+−-]\d{1,2}\b")


def json_strings(value, key=""):
    """Labels inside the JSON the admin's menus are drawn from (the sidebar)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from json_strings(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item, key)
    elif isinstance(value, str) and key in ("label", "title", "text", "heading", "help_text", "aria_label"):
        yield value


def interface_texts(html):
    """Every piece of visible or spoken text on the page, including the sidebar's labels."""
    page = BeautifulSoup(html, "html.parser")
    texts = []
    for script in page.find_all("script"):
        if script.get("type") == "application/json" and script.get("id") == "wagtail-sidebar-props":
            texts.extend(json_strings(json.loads(script.string or "{}")))
        if script.get("type") == "application/json" and script.get("id") == "wagtail-config":
            # The strings the admin's scripts show (date picker, bulk selection).
            strings = json.loads(script.string or "{}").get("STRINGS", {})
            texts.extend(v for v in json_strings(strings, "label") if isinstance(v, str))
        script.decompose()
    for tag in page.find_all(["style", "svg", "noscript"]):
        tag.decompose()
    for comment in page.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    body = page.body or page
    texts.extend(s.strip() for s in body.find_all(string=True) if s.strip())
    for tag in body.find_all(True):
        for attribute in TEXT_ATTRIBUTES:
            if tag.get(attribute):
                texts.append(str(tag[attribute]).strip())
        if tag.name == "input" and tag.get("type") in ("submit", "button") and tag.get("value"):
            texts.append(tag["value"])
        if tag.name == "option" and tag.string:
            texts.append(tag.string.strip())
    title = page.title.string.strip() if page.title and page.title.string else ""
    return [title, *texts] if title else texts


def english_left(html, allowed=()):
    """Texts with Latin words that are not in ``allowed`` (proper nouns, the user's own data).

    Time zone names (``Asia/Phnom_Penh``) and UTC offsets (``UTC+7``, as in "ម៉ោងភ្នំពេញ (UTC+7)" beside
    every date-time input) are proper nouns and are allowed.
    """

    zones = zoneinfo.available_timezones()
    left = []
    for text in interface_texts(html):
        if text in zones:
            continue
        stripped = UTC_OFFSET.sub(" ", text)
        for item in sorted(allowed, key=len, reverse=True):
            if item:
                stripped = stripped.replace(item, " ")
        if LATIN_WORD.search(stripped):
            left.append(text)
    return sorted(set(left))
