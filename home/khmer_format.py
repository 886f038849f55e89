"""Numbers and dates written the way a reader of the active language expects.

Django's ``km`` formats keep Latin digits and spell March មិនា; Khmer pages
write Khmer digits (០-៩) and the usual month names. Numbers follow CLDR through
ICU, so a Khmer page shows ១.២៣៤ for 1234 and an English page 1,234.
"""

import datetime
import functools
import re

import icu

from django.utils import formats, timezone, translation

KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
LATIN_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
KHMER_MONTHS = (
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
)


def is_khmer(language=None):
    return (language or translation.get_language() or "km").startswith("km")


def khmer_digits(text):
    """Latin digits in ``text`` written as Khmer digits."""
    return str(text).translate(KHMER_DIGITS)


def latin_digits(text):
    """Khmer digits in ``text`` written as Latin digits (for parsing what people type)."""
    return str(text).translate(LATIN_DIGITS)


@functools.lru_cache(maxsize=4)
def _number_format(locale_id):
    return icu.NumberFormat.createInstance(icu.Locale(locale_id))


def format_number(value, language=None):
    """A number with grouping, in Khmer digits on Khmer pages."""
    if value in (None, ""):
        return ""
    try:
        number = float(latin_digits(value)) if isinstance(value, str) else value
    except ValueError:
        return str(value)
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    locale_id = "km@numbers=khmr" if is_khmer(language) else "en"
    return _number_format(locale_id).format(number)


def format_date(value, language=None, with_year=True):
    """``21 វិច្ឆិកា 2026`` in Khmer digits on Khmer pages, ``21 November 2026`` in English."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    if is_khmer(language):
        text = f"{value.day} {KHMER_MONTHS[value.month - 1]}"
        if with_year:
            text += f" {value.year}"
        return khmer_digits(text)
    with translation.override("en"):
        return formats.date_format(value, "j F Y" if with_year else "j F")


def format_time(value, language=None):
    """24-hour time, ``08:00``, in Khmer digits on Khmer pages."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = value.strftime("%H:%M")
    return khmer_digits(text) if is_khmer(language) else text


def format_datetime(value, language=None):
    if not value:
        return ""
    return f"{format_date(value, language)} {format_time(value, language)}"


def format_digits(text, language=None):
    """Any text with its digits in the reader's script (e.g. a phone number)."""
    if text in (None, ""):
        return ""
    return khmer_digits(text) if is_khmer(language) else str(text)


# A figure as editors type it: "48,000", "48000", "៤៨,០០០" (English grouping, either script).
WHOLE_FIGURE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
NUMERIC_ENTITY_OR_DIGIT = re.compile(r"&#?\w+;|\d")


def format_figure(text, language=None):
    """A figure typed by an editor (a key fact's number) written by the one rule of ``format_number``:
    ``48,000`` is ``៤៨.០០០`` on a Khmer page, as a computed ``១២៤.០៥៨`` beside it. Text that is not a
    plain whole number (``95%``, ``1 in 3``) only has its digits in the reader's script."""
    if text in (None, ""):
        return ""
    plain = latin_digits(text).strip()
    if WHOLE_FIGURE.match(plain):
        return format_number(int(plain.replace(",", "")), language)
    return format_digits(text, language)


def html_digits(html, language=None):
    """HTML with the digits of its text (never of its tags, attributes or entities) in the reader's script."""
    if not is_khmer(language):
        return html
    pieces = re.split(r"(<[^>]*>)", str(html))
    for index in range(0, len(pieces), 2):  # even pieces are text between tags
        pieces[index] = NUMERIC_ENTITY_OR_DIGIT.sub(
            lambda match: khmer_digits(match.group()) if match.group().isdigit() else match.group(), pieces[index]
        )
    return "".join(pieces)
