"""Numbers and dates in the active language: every number and date a page shows goes through these."""

from django import template

from home import khmer_format
from home.khmer_text import with_word_breaks

register = template.Library()


@register.filter
def local_number(value):
    return khmer_format.format_number(value)


@register.filter
def local_date(value, arg=""):
    return khmer_format.format_date(value, with_year=arg != "noyear")


@register.filter
def local_time(value):
    return khmer_format.format_time(value)


@register.filter
def local_datetime(value):
    return khmer_format.format_datetime(value)


@register.filter
def local_digits(value):
    return khmer_format.format_digits(value)


@register.filter
def local_figure(value):
    """A figure an editor typed (``48,000``), written as ``local_number`` writes numbers."""
    return khmer_format.format_figure(value)


@register.filter
def word_breaks(value):
    """Text with ``<wbr>`` between Khmer words (ICU): a narrow box breaks a line there, never mid-syllable."""
    return with_word_breaks(value)
