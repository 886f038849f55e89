"""Khmer text cut into words (ICU) and written in Latin letters for page addresses.

Khmer is written without spaces between words. ICU's dictionary word boundaries say
where a line may break (``word_pieces``, ``with_word_breaks``: a month grid cell must never
break a word mid-syllable) and where a page address puts its hyphens (``latin_slug``).

ICU has no Khmer-Latin transliterator, so ``latin_slug`` spells each letter after the
UNGEGN romanisation, simplified: no inherent vowel, the subscript mark and the diacritics
dropped. The result is a readable ASCII address such as ``smat-khluon`` for សម្អាតខ្លួន.
"""

import re
import threading
import unicodedata

import icu

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify

KHMER = re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")
_local = threading.local()

CONSONANTS = dict(
    zip(
        "កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវឝឞសហឡអ",
        "k kh k kh ng ch chh ch chh nh d th d th n t th t th n b ph p ph m y r l v sh ss s h l a".split(),
        strict=True,
    )
)
INDEPENDENT_VOWELS = dict(
    zip(
        "ឣឤឥឦឧឨឩឪឫឬឭឮឯឰឱឲឳ",
        "a a e ei o ou ou ov rue rue lue lue ae ai ao ao au".split(),
        strict=True,
    )
)
VOWEL_SIGNS = dict(
    zip(
        "ាិីឹឺុូួើឿៀេែៃោៅំះៈ",
        "a e i oe eu o ou uo aeu oea ie e ae ai ao au m h a".split(),
        strict=True,
    )
)
KHMER_DIGITS = dict(zip("០១២៣៤៥៦៧៨៩", "0123456789", strict=True))
LATIN = {**CONSONANTS, **INDEPENDENT_VOWELS, **VOWEL_SIGNS, **KHMER_DIGITS}


def word_iterator():
    """ICU's Khmer word BreakIterator of this thread (one is not thread-safe: one per thread);
    search/text.py cuts the index's words with it too."""
    iterator = getattr(_local, "words", None)
    if iterator is None:
        iterator = _local.words = icu.BreakIterator.createWordInstance(icu.Locale("km"))
    return iterator


def word_pieces(text):
    """``text`` cut at ICU's word boundaries; joined again they give ``text`` unchanged."""
    text = unicodedata.normalize("NFC", str(text or ""))
    if not text:
        return []
    iterator = word_iterator()
    iterator.setText(text)
    # ICU counts UTF-16 code units: map them back to Python offsets.
    offsets = []
    for index, character in enumerate(text):
        offsets.extend([index] * (2 if ord(character) > 0xFFFF else 1))
    offsets.append(len(text))
    pieces, start = [], 0
    for end in iterator:
        end = offsets[end]
        if end > start:
            pieces.append(text[start:end])
        start = end
    return pieces


def with_word_breaks(text):
    """HTML of ``text`` (escaped) with ``<wbr>`` between Khmer words: a narrow box breaks a line only there."""
    pieces = word_pieces(text)
    html = ""
    for index, piece in enumerate(pieces):
        if index and KHMER.search(piece) and KHMER.search(pieces[index - 1]):
            html += "<wbr>"
        html += escape(piece)
    return mark_safe(html)  # noqa: S308 - every piece escaped above


def romanise(word):
    """One word in Latin letters (see the module's docstring); letters outside Khmer kept as they are."""
    return "".join(LATIN.get(character, "" if KHMER.match(character) else character) for character in word)


def latin_slug(text, max_length=80):
    """A page address in ASCII from ``text`` in any script: Khmer romanised, words joined by hyphens.

    ``""`` when nothing Latin comes of it (the caller then uses the page's id).
    """
    words = [romanise(piece) for piece in word_pieces(text) if piece.strip()]
    slug = slugify(" ".join(words))[:max_length].strip("-")
    return slug if re.search(r"[a-z0-9]", slug) else ""
