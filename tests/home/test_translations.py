"""Every interface string has a Khmer translation, and the compiled catalogue is current.

The strings are read from the project's own templates and Python files the way
``makemessages`` reads them (through Django's ``templatize`` for templates), so
a new ``{% translate %}`` without a Khmer ``msgstr`` fails here.
"""

import ast
import re
from pathlib import Path

import polib

from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]
APPS = ["awareness_site", "home", "campaigns", "search"]
PO_FILE = ROOT / "locale" / "km" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")
CALL = re.compile(r"\b(gettext|ngettext|pgettext|npgettext|gettext_lazy|ngettext_lazy|pgettext_lazy|_)\(")
TAKES_CONTEXT = {"pgettext", "npgettext", "pgettext_lazy"}


def calls_in(code):
    """(function, literal arguments) of each gettext-like call in ``code``."""
    for match in CALL.finditer(code):
        start = match.end() - 1
        for end in (m.start() for m in re.finditer(r"\)", code[start:])):
            snippet = "f" + code[start : start + end + 1]
            try:
                call = ast.parse(snippet, mode="eval").body
            except SyntaxError:
                continue
            args = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if args:
                yield match.group(1), args
            break


def source_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*")):
            if "migrations" in path.parts or path.name == "demo_content.py":
                continue
            if path.suffix in (".html", ".txt") or path.suffix == ".py":
                yield path


def extracted_messages():
    """{(context, msgid)} of every translatable string in the project's own code."""
    messages = set()
    for path in source_files():
        text = path.read_text(encoding="utf-8")
        code = templatize(text, origin=str(path)) if path.suffix != ".py" else text
        for function, args in calls_in(code):
            if function in TAKES_CONTEXT and len(args) >= 2:
                messages.add((args[0], args[1]))
            else:
                messages.add(("", args[0]))
    return messages


def test_every_interface_string_has_a_khmer_translation():
    catalogue = polib.pofile(str(PO_FILE))
    translated = {(e.msgctxt or "", e.msgid) for e in catalogue if e.translated() and not e.obsolete}
    extracted = extracted_messages()
    assert len(extracted) > 50, "the extraction found suspiciously few strings"
    missing = sorted(msgid for ctx, msgid in extracted - translated)
    assert not missing, "no Khmer translation for:\n" + "\n".join(missing)


def test_no_fuzzy_or_empty_entries():
    catalogue = polib.pofile(str(PO_FILE))
    assert not catalogue.fuzzy_entries()
    assert not catalogue.untranslated_entries()


def test_khmer_translations_are_written_in_khmer():
    catalogue = polib.pofile(str(PO_FILE))
    latin_only = [
        e.msgid
        for e in catalogue.translated_entries()
        if not re.search("[\u1780-\u17ff]", e.msgstr or "".join(e.msgstr_plural.values()))
        and re.search("[a-z]{3}", e.msgid)
        and e.msgid not in ("English",)
    ]
    assert not latin_only, latin_only


def test_compiled_catalogue_matches_the_po_file():
    compiled = {(e.msgctxt or "", e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(MO_FILE))}
    source = {
        (e.msgctxt or "", e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.pofile(str(PO_FILE)).translated_entries()
    }
    assert {k: v[0] for k, v in compiled.items() if k[1]} == {k: v[0] for k, v in source.items()}, (
        "locale/km/LC_MESSAGES/django.mo is out of date: run `make messages`"
    )
