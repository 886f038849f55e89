"""Text analysis shared by every backend: normalise, segment, fold, stem.

Khmer is written without spaces between words, so text is cut into words with
ICU's dictionary-based word break iterator (the same dictionary Elasticsearch's
``icu_tokenizer`` uses) before it is indexed, and a query is cut the same way.
English words are reduced to their stem with the Snowball stemmer, so a plural
finds a singular. Khmer digits are read as Latin digits (``២០២៦`` is ``2026``).
"""

import functools
import re
import threading
import unicodedata

import snowballstemmer

from home.khmer_format import LATIN_DIGITS
from home.khmer_text import word_iterator

# Invisible characters writers and editors leave in text: zero-width space
# (Khmer writers' invisible word break), zero-width no-break space / BOM, soft hyphen.
INVISIBLE = "\u200b\ufeff\u00ad\u2060"
KHMER = re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")
WORDLIKE = re.compile(r"\w", re.UNICODE)
DIGITS = re.compile(r"\d")
KHMER_OR_DIGITS = re.compile(r"\d+|\D+")
MAX_ANALYSED_CHARS = 400_000  # a very long PDF is indexed up to here
# str.translate looks every character up in a dict: on a long text, a regex search (in C) first
# tells whether there is anything to translate at all.
HAS_INVISIBLE = re.compile(f"[{INVISIBLE}]")
HAS_KHMER_DIGIT = re.compile("[" + "".join(map(chr, LATIN_DIGITS)) + "]")
ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def without_invisible(text):
    if not HAS_INVISIBLE.search(text):
        return text
    for mark in INVISIBLE:  # str.replace runs in C; Khmer text is full of zero-width spaces
        text = text.replace(mark, "")
    return text


def with_latin_digits(text):
    return text.translate(LATIN_DIGITS) if HAS_KHMER_DIGIT.search(text) else text


_local = threading.local()


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # never text; PostgreSQL refuses NUL outright


def normalise(text):
    """NFC, without zero-width spaces or control characters, Khmer digits as Latin digits."""
    if not text:
        return ""
    text = str(text)
    if CONTROL.search(text):
        text = CONTROL.sub(" ", text)
    return with_latin_digits(without_invisible(unicodedata.normalize("NFC", text)))


def words(text):
    """``(word, start, end)`` for each word of ``text`` (already normalised), offsets into ``text``.

    Spaces and punctuation are dropped; Khmer runs are cut into dictionary words.
    """
    if not text:
        return []
    text = text[:MAX_ANALYSED_CHARS]
    iterator = word_iterator()
    # ICU works in UTF-16 code units: map them back to Python offsets when the text has astral characters.
    astral = ASTRAL.search(text) is not None
    iterator.setText(text)
    result = []
    start = 0
    if astral:
        units = []
        for index, ch in enumerate(text):
            units.extend([index] * (2 if ord(ch) > 0xFFFF else 1))
        units.append(len(text))
    for end in iterator:
        s, e = (units[start], units[end]) if astral else (start, end)
        piece = text[s:e]
        if WORDLIKE.search(piece):
            if DIGITS.search(piece) and KHMER.search(piece):
                # "ឆ្នាំ2012" (year 2012) is two words: the Khmer word and the number.
                result.extend((m.group(), s + m.start(), s + m.end()) for m in KHMER_OR_DIGITS.finditer(piece))
            else:
                result.append((piece, s, e))
        start = end
    return result


def is_khmer(word):
    return bool(KHMER.search(word))


@functools.lru_cache(maxsize=50_000)
def fold(word):
    """Lower case; accents removed from Latin letters (Khmer signs are kept: they are letters' parts)."""
    word = word.casefold()
    if is_khmer(word) or word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


@functools.lru_cache(maxsize=100_000)
def _stem(word):
    return _stemmer().stemWord(word)


def term(word, language):
    """The indexed form of one word: folded, and stemmed when it is an English word on an English document."""
    folded = fold(word)
    if language == "en" and folded.isascii() and folded.isalpha():
        return _stem(folded)
    return folded


MAX_TERM_CHARS = 60  # longer "words" (hashes, runs of symbols) are not indexed


def analyse(text, language):
    """The terms of ``text`` in order, as the index stores them."""
    return [t for t in (term(word, language) for word, _s, _e in words(normalise(text))) if len(t) <= MAX_TERM_CHARS]


def latin_words(text):
    """Folded Latin-script words of three letters or more (the vocabulary typo tolerance draws on)."""
    return {f for f in (fold(w) for w, _s, _e in words(normalise(text))) if len(f) >= 3 and f.isascii() and f.isalpha()}


# Khmer orthographic syllables ------------------------------------------------
#
# ICU's dictionary may glue several words into one token (ដោយស្ម័គ្រចិត្ត), and a reader types
# the word they know (ស្ម័គ្រចិត្ត). Khmer text is therefore also indexed as orthographic
# syllables: a base (consonant U+1780-U+17A2 or independent vowel U+17A3-U+17B3), its
# subscripts (coeng U+17D2 + consonant), dependent vowels (U+17B6-U+17C5) and signs
# (U+17C6-U+17D1, U+17D3, U+17DD). A query word of two syllables or more then matches as a
# phrase of syllables wherever it stands. Each syllable is stored in a folded form that
# forgives the commonest typing slips: ូ read as ុ, ី as ិ, and its signs in one order
# (a vowel typed before the subscript is the same syllable).

KHMER_BASE = "\u1780-\u17b3"
KHMER_SIGN = "\u17b4-\u17d1\u17d3\u17dd"
COENG = "\u17d2"
SYLLABLE = re.compile(f"[{KHMER_BASE}](?:{COENG}[{KHMER_BASE}]|{COENG}|[{KHMER_SIGN}])*")
# ូ → ុ, ី → ិ, and the subscripts that look alike: ្ដ (da) as ្ត (ta), as Khmer writers use both.
SYLLABLE_FOLDING = {"\u17bc": "\u17bb", "\u17b8": "\u17b7", COENG + "\u178a": COENG + "\u178f"}
SUBSCRIPT = re.compile(f"{COENG}[{KHMER_BASE}]")
MIN_SUBWORD_SYLLABLES = 2  # a query word this long is also looked for inside longer tokens


class Subword(tuple):
    """A query alternative made of syllable keys (``syllable_key``): matched as a phrase in the
    sub-word index, never in the word index."""


def subword_alternatives(text):
    """The sub-word alternatives of one Khmer query word (or phrase) of two syllables or more: its
    syllables, and the same with one missing subscript put back."""
    keys = tuple(syllable_terms(text))
    if len(keys) < MIN_SUBWORD_SYLLABLES:
        return []
    return [Subword(keys), *(Subword(v) for v in missing_subscript_variants(keys))]


def syllables(text):
    """The orthographic syllables of the Khmer in ``text`` (already normalised), as written."""
    if not text or not KHMER.search(text):
        return []
    return SYLLABLE.findall(text[:MAX_ANALYSED_CHARS])


@functools.lru_cache(maxsize=50_000)
def syllable_key(syllable):
    """A syllable as the sub-word index holds it: the base, its subscripts in order, then its signs sorted."""
    for typed, folded in SYLLABLE_FOLDING.items():
        syllable = syllable.replace(typed, folded)
    subscripts = "".join(SUBSCRIPT.findall(syllable[1:]))
    signs = sorted(SUBSCRIPT.sub("", syllable[1:]).replace(COENG, ""))
    return syllable[0] + subscripts + "".join(signs)


def syllable_terms(text):
    """The sub-word terms of ``text``: the folded syllables of its Khmer, in order."""
    return [syllable_key(s) for s in syllables(normalise(text))]


def missing_subscript_variants(keys, limit=6):
    """``keys`` (a syllable sequence) with one bare consonant joined to the next syllable as its
    subscript: what the reader meant when they left out a coeng (សម័គ្រ for ស្ម័គ្រ)."""
    variants = []
    for i in range(len(keys) - 1):
        first, second = keys[i], keys[i + 1]
        if len(first) == 1 and "\u1780" <= first <= "\u17a2" and "\u1780" <= second[0] <= "\u17a2":
            merged = syllable_key(first + COENG + second)
            variants.append((*keys[:i], merged, *keys[i + 2 :]))
        if len(variants) >= limit:
            break
    return variants
