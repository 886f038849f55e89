"""Tags for the site's frame: the language switcher, alternates and the hotline."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail import hooks

from home.caching.fragments import cached_fragment
from home.caching.page_cache import remembered
from home.khmer_format import html_digits
from home.languages import alternates, language_name_list
from home.rich_text import clean_rich_text

register = template.Library()
HELP_PAGE = "help_page"


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """Languages with the current page's address in each (for the switcher and hreflang links)."""
    request = context.get("request")
    page = context.get("page") or context.get("self")
    # worked out only when shown: not at all when the frame comes from the cache (home/caching/fragments.py)
    return SimpleLazyObject(lambda: alternates(request, page if hasattr(page, "get_url") else None))


@register.simple_tag(takes_context=True)
def help_finder_url(context):
    """The address of the page readers are sent to for help (a feature registers it with the ``help_page``
    hook: a function returning the live page, or None) in the active language, or "" before it exists."""

    def find():
        for help_page in hooks.get_hooks(HELP_PAGE):
            page = help_page()
            if page is not None:
                return page.get_url(request=context.get("request"))
        return ""

    return remembered(f"help-finder-url:{get_language()}", find)


@register.filter
def rich_text(value):
    """Use instead of Wagtail's ``richtext`` filter: expands links, then keeps only allowed HTML; on a
    Khmer page its digits are Khmer digits, as every other number there (``khmer_format.html_digits``)."""

    return mark_safe(html_digits(clean_rich_text(value)))  # noqa: S308 - digits swapped in text only


@register.simple_tag(takes_context=True)
def view_beacon(context):
    """The 1x1 image that counts a view of this page (see campaigns/reach/page_views.py); nothing in previews."""

    page, request = context.get("page"), context.get("request")
    if not getattr(settings, "REACH_COUNT_VIEWS", True) or not getattr(page, "pk", None):
        return ""
    if request is None or getattr(request, "is_preview", False):
        return ""
    url = reverse("beacon", args=[page.pk, get_language()])
    return format_html('<img class="beacon" src="{}" alt="" width="1" height="1">', url)


class FragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):

        page = context.get("page")
        return cached_fragment(
            self.name.resolve(context), page, context.get("request"), lambda: self.nodelist.render(context)
        )


@register.tag
def fragment(parser, token):
    """``{% fragment "name" %}...{% endfragment %}``: the page's HTML between, kept while the page and what it
    shows are unchanged (home/caching/fragments.py). Only for what depends on the page alone, never on the request."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("fragment takes one argument: the fragment's name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(bits[1]), nodelist)


@register.filter(name="language_names")
def language_names_filter(value):
    """Language codes (``km,en``) as the languages' own names (``ខ្មែរ, English``), each in its language."""
    return format_html_join(
        ", ",
        "{}",
        (
            (format_html('<span lang="{}">{}</span>', code, name) if code else name,)
            for code, name in language_name_list(value)
        ),
    )
