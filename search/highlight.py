"""Highlighted snippets: the passage of a text where the query's words are, escaped, matches in <mark>.

Every character of the text is HTML-escaped; only the <mark> tags added here are markup.
"""

import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.text import term, with_latin_digits, without_invisible, words

SNIPPET_CHARS = 220
LOOK_AROUND = 240


def _display(text):
    return without_invisible(unicodedata.normalize("NFC", text or ""))


def _marked(display, found, matched, start, end):
    spans = []  # matched words, neighbours with nothing between them joined into one mark
    for index, (_word, s, e) in enumerate(found):
        if e <= start or s >= end or index not in matched:
            continue
        if spans and spans[-1][1] == s:
            spans[-1][1] = e
        else:
            spans.append([s, e])
    parts, position = [], start
    for s, e in spans:
        parts.append(escape(display[position:s]))
        parts.append(f"<mark>{escape(display[s:e])}</mark>")
        position = e
    parts.append(escape(display[position:end]))
    return "".join(parts)


def highlight(text, terms, language):
    """The whole of a short text (a title) with the query's words marked."""
    display = _display(text)
    found = words(with_latin_digits(display))
    matched = {i for i, (w, _s, _e) in enumerate(found) if term(w, language) in terms}
    return mark_safe(_marked(display, found, matched, 0, len(display)))


def _hint(display, terms):
    """Where in a long text the first of the query's words probably is (a cheap substring search)."""
    lowered = display.lower()
    if any(character.isdigit() for t in terms for character in t):  # same length: positions hold
        lowered = with_latin_digits(lowered)
    positions = [p for p in (lowered.find(t) for t in terms if t) if p >= 0]
    return min(positions) if positions else 0


def snippet(text, terms, language, size=SNIPPET_CHARS):
    """About ``size`` characters of ``text`` around its first matching words, with the matches marked."""
    display = " ".join(_display(text).split())
    if not display:
        return mark_safe("")
    around = _hint(display, terms)
    window_start = max(0, around - LOOK_AROUND)
    window = display[window_start : around + LOOK_AROUND + size]
    found = [(w, s + window_start, e + window_start) for w, s, e in words(with_latin_digits(window))]
    matched = {i for i, (w, _s, _e) in enumerate(found) if term(w, language) in terms}
    if matched:
        # Start a little before the window of ``size`` characters that holds the most matches.
        best, best_count = min(matched), 0
        for i in sorted(matched):
            count = sum(1 for j in matched if found[i][1] <= found[j][1] < found[i][1] + size)
            if count > best_count:
                best, best_count = i, count
        start = found[best][1]
        lead = [w for w in found if start - size // 4 <= w[1] < start]
        start = lead[0][1] if lead else start
    else:
        start = 0
        found = words(with_latin_digits(display[: size * 2]))
    end = min(len(display), start + size)
    inside = [w for w in found if w[1] < end]
    if end < len(display) and inside and inside[-1][2] > end:
        end = inside[-1][1] if inside[-1][1] > start else end
    html = _marked(display, found, matched, start, end)
    if start > 0:
        html = "… " + html
    if end < len(display):
        html = html.rstrip() + " …"
    return mark_safe(html)
