"""Which languages a page exists in, and its address in each of them; language codes as names."""

import re

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def missing_translation(page, language):
    """True when the page has no title of its own in ``language`` and shows another language's text."""
    if language not in language_codes():
        return False
    return not (getattr(page, f"title_{language}", None) or "").strip()


def page_url_in(page, language, request=None):
    """The page's address in ``language`` (each language has its own slugs)."""
    with translation.override(language):
        return page.get_url(request=request)


def alternates(request, page=None):
    """One entry per language: code, own name, relative URL and whether it is the current one.

    For Wagtail pages the address is built from the page's slugs in that
    language; for other views Django's ``translate_url`` swaps the prefix.
    """
    current = translation.get_language()
    result = []
    for code, name in settings.LANGUAGES:
        if page is not None and getattr(page, "pk", None):
            url = page_url_in(page, code, request)
        else:
            url = translate_url(request.get_full_path(), code) if request is not None else f"/{code}/"
        result.append({"code": code, "name": name, "url": url, "current": code == current})
    return result


def language_names(text):
    """``km,en`` (codes, as help services list the languages they speak) as the languages' own names:
    ``ខ្មែរ, English``. Whatever is not a known code is kept as typed (``Khmer, English``)."""
    return ", ".join(name for _code, name in language_name_list(text))


def language_name_list(text):
    """``[(code or "", name), ...]`` of ``language_names``."""
    own_names = dict(settings.LANGUAGES)
    names = []
    for part in re.split(r"[,;/]+", str(text or "")):
        code = part.strip().lower()
        if not code:
            continue
        if code in own_names:
            names.append((code, own_names[code]))
            continue
        try:
            names.append((code, get_language_info(code)["name_local"]))
        except KeyError:
            names.append(("", part.strip()))
    return names
