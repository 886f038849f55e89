"""Rich text as the site shows it: Wagtail's expansion, then a strict allowlist.

Draftail already stores clean HTML, but rich text also arrives from imports
and code; whatever its origin, nothing outside this list reaches a reader.
"""

import nh3

from django.utils.safestring import mark_safe

from wagtail.rich_text import RichText, expand_db_html

ALLOWED_TAGS = {"p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "ul", "ol", "li", "a", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}}


def clean_rich_text(value):
    """Reader-safe HTML of a rich text value (RichText, or its stored HTML string)."""
    if value is None:
        return ""
    source = value.source if isinstance(value, RichText) else str(value)
    html = expand_db_html(source)
    return mark_safe(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto", "tel"},
            link_rel="noopener noreferrer",
        )
    )
