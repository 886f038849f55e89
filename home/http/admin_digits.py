"""Khmer digits on Khmer admin screens, in the text Wagtail writes as well as the project's.

The project's own screens write numbers through ``home.khmer_format`` (០-៩), but
Wagtail's templates write Latin digits on a Khmer screen: "រូបភាព 5", "ទំព័រ 1 នៃ 1",
"10,0 មេកាបៃ", the times in the history (issue 16). Django's ``km`` formats cannot
change the digits, so the answer to an admin page whose ``<html lang>`` is Khmer has
the digits of its text written in Khmer. Only text between tags is changed: never a
tag or its attributes (ids, addresses, form values), nor the text of ``script``,
``style``, ``textarea``, ``pre``, ``code``, ``kbd``, ``samp`` or ``template``
elements (a two-factor key is typed by hand), nor of ``option`` elements (time zone names), nor an
element marked ``translate="no"``. The choosers' answers (JSON carrying HTML) are treated the same way
when the official's admin language is Khmer.
"""

import json
import re

from home.khmer_format import khmer_digits
from home.security.sign_in_language import admin_language

ADMIN_PREFIX = "/admin/"
KHMER_PAGE = re.compile(rb"<html[^>]*\slang=\"km", re.IGNORECASE)
# A tag: its quoted attributes may hold ">" (data-action="click->w-tabs#select").
TAG = re.compile(r"""</?([A-Za-z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>""")
RAW_TEXT = {"script", "style", "textarea", "template"}  # copied as they are up to their closing tag
KEPT = {"pre", "code", "kbd", "samp", "option"}  # their text is kept as it is (time zones: "Etc/GMT+7")
# "&#39;" is a character reference, kept as it is (Wagtail writes "&#x21b3" without its ";").
ENTITY_OR_DIGITS = re.compile(r"&#[xX][0-9a-fA-F]+;?|&#[0-9]+;?|&\w+;|[0-9]+")
NO_TRANSLATE = re.compile(r"""\stranslate\s*=\s*["']?no""", re.IGNORECASE)


def _khmer_unless_entity(match):
    found = match.group()
    return found if found.startswith("&") else khmer_digits(found)


def khmer_digits_in_text(html):
    """``html`` with the Latin digits of its text (not its tags) written as Khmer digits."""
    out = []
    position, length = 0, len(html)
    kept, depth = None, 0  # the element whose text is kept as it is, and how deep inside it we are
    while position < length:
        following = html.find("<", position)
        if following < 0:
            following = length
        if following > position:
            text = html[position:following]
            out.append(text if kept else ENTITY_OR_DIGITS.sub(_khmer_unless_entity, text))
            position = following
            continue
        if html.startswith("<!--", position):
            end = html.find("-->", position)
            end = length if end < 0 else end + 3
            out.append(html[position:end])
            position = end
            continue
        tag = TAG.match(html, position)
        if tag is None:
            out.append("<")
            position += 1
            continue
        token, name = tag.group(), tag.group(1).lower()
        end = tag.end()
        closing = token.startswith("</")
        if not closing and name in RAW_TEXT:
            close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, end)
            end = close.end() if close else length
        elif kept is None and not closing and not token.endswith("/>") and (name in KEPT or NO_TRANSLATE.search(token)):
            kept, depth = name, 1
        elif kept == name:
            depth += -1 if closing else 1
            if depth == 0:
                kept = None
        out.append(html[position:end])
        position = end
    return "".join(out)


MODAL_HTML_KEYS = ("html", "htmlFragment")  # where Wagtail's modal answers carry their HTML


def khmer_digits_in_modal(data):
    """A chooser's JSON answer with the digits of its HTML's text written in Khmer."""
    if isinstance(data, dict):
        for key in MODAL_HTML_KEYS:
            if isinstance(data.get(key), str):
                data[key] = khmer_digits_in_text(data[key])
    return data


class KhmerAdminDigitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(ADMIN_PREFIX) or response.status_code != 200:
            return response
        if getattr(response, "streaming", False):
            return response
        kind = response.get("Content-Type", "")
        if kind.startswith("text/html") and KHMER_PAGE.search(response.content[:2000]):
            charset = response.charset or "utf-8"
            self.replace(response, khmer_digits_in_text(response.content.decode(charset)).encode(charset))
        elif kind.startswith("application/json") and self.khmer_official(request):
            try:
                data = json.loads(response.content)
            except ValueError:
                return response
            if isinstance(data, dict) and any(isinstance(data.get(key), str) for key in MODAL_HTML_KEYS):
                self.replace(response, json.dumps(khmer_digits_in_modal(data)).encode())
        return response

    @staticmethod
    def khmer_official(request):
        user = getattr(request, "user", None)
        return user is not None and user.is_authenticated and admin_language(user).startswith("km")

    @staticmethod
    def replace(response, content):
        response.content = content
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(content))
