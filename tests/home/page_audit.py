"""Read a page's HTML for what a browser would fetch: stylesheets, scripts, images, links, CSS url().

Used by the budget tests (tests/home/test_budgets.py) and the browser tests.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Attributes whose value the browser fetches (or follows) by itself.
FETCHED = {"src", "poster", "data", "action", "formaction", "background", "manifest", "icon"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import\b", re.IGNORECASE)
# Links a reader may choose to follow to share a page; nothing is fetched from them when a page loads.
SHARE_HOSTS = {"t.me", "www.facebook.com"}


@dataclass
class Resource:
    tag: str
    attribute: str
    url: str
    in_head: bool
    attrs: dict = field(default_factory=dict)


class PageAudit(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.resources = []
        self.stylesheets = []
        self.scripts = []
        self.inline_scripts = 0
        self.style_elements = 0
        self.style_attributes = 0
        self.images = []
        self.pictures = []
        self._in_head = False
        self._in_script = False
        self._picture = None
        self.feed(html)
        self.close()

    def add(self, tag, attribute, url, attrs):
        self.resources.append(Resource(tag, attribute, url.strip(), self._in_head, attrs))

    def handle_starttag(self, tag, attr_list):
        attrs = {name: (value or "") for name, value in attr_list}
        if tag == "head":
            self._in_head = True
        if tag == "body":
            self._in_head = False
        if "style" in attrs:
            self.style_attributes += 1
            for match in CSS_URL.finditer(attrs["style"]):
                self.add(tag, "style", match.group(2), attrs)
        if tag == "style":
            self.style_elements += 1
        for name, value in attrs.items():
            if name in FETCHED:
                self.add(tag, name, value, attrs)
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        self.add(tag, name, candidate.split()[0], attrs)
            elif name == "href":
                self.add(tag, name, value, attrs)
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            self.add(tag, "content", attrs.get("content", "").partition("url=")[2], attrs)
        if tag == "link" and "stylesheet" in attrs.get("rel", "").lower().split():
            self.stylesheets.append(Resource(tag, "href", attrs.get("href", ""), self._in_head, attrs))
        if tag == "script":
            self._in_script = True
            if attrs.get("src"):
                self.scripts.append(Resource(tag, "src", attrs["src"], self._in_head, attrs))
            elif attrs.get("type", "") not in ("application/ld+json", "application/json"):
                self.inline_scripts += 1
        if tag == "picture":
            self._picture = {"sources": [], "img": None}
            self.pictures.append(self._picture)
        if tag == "source" and self._picture is not None:
            self._picture["sources"].append(attrs)
        if tag == "img":
            self.images.append(attrs)
            if self._picture is not None:
                self._picture["img"] = attrs

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        if tag == "script":
            self._in_script = False
        if tag == "picture":
            self._picture = None

    def third_party(self, host):
        """Every address that would take the browser to another host without the reader choosing it,
        and every link to another host that is not a share link carrying ``rel="noopener noreferrer"``."""
        found = []
        for resource in self.resources:
            if not is_third_party(resource.url, host):
                continue
            rel = set(resource.attrs.get("rel", "").lower().split())
            share_link = resource.tag == "a" and urlsplit(resource.url).hostname in SHARE_HOSTS
            if share_link and resource.attribute == "href" and {"noopener", "noreferrer"} <= rel:
                continue
            found.append(f"<{resource.tag} {resource.attribute}={resource.url}>")
        return found

    def render_blocking(self):
        """What holds up the first paint besides the one stylesheet: other stylesheets, and scripts
        that are neither ``defer``, ``async`` nor modules."""
        blocking = [f"stylesheet {s.url}" for s in self.stylesheets[1:]]
        blocking += [
            f"script {s.url}"
            for s in self.scripts
            if "defer" not in s.attrs and "async" not in s.attrs and s.attrs.get("type") != "module"
        ]
        return blocking


def is_third_party(url, host):
    """True for an absolute (or scheme-relative) address on another host; ``tel:``/``mailto:``/fragments are not."""
    if not url or url.startswith(("#", "tel:", "mailto:", "sms:", "data:")):
        return False
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https", "webcal"):
        return True  # javascript:, ftp:, ...
    return bool(parts.netloc) and parts.netloc != host


def css_urls(css):
    return [match.group(2) for match in CSS_URL.finditer(css)]


def has_css_import(css):
    return bool(CSS_IMPORT.search(css))
