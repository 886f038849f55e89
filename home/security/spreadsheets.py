"""No exported cell is a formula: text that a spreadsheet would read as one starts with an apostrophe.

A teacher's school name, an event title or a campaign title is typed by people
outside NACD's staff; staff open the exports in Excel or LibreOffice. A text cell
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read there
as a formula (``=HYPERLINK(...)`` sends data away, ``=cmd|...`` ran programs),
so such text gets a leading ``'``, which spreadsheets show as plain text.
Numbers, dates and empty cells are left as they are: ``-5`` stays a number.

:func:`neutralise` is the one rule. :func:`install` applies it to Wagtail's
spreadsheet exports (every snippet and model viewset's ``list_export``, the
admin reports such as site history), in CSV and XLSX; the site's own exports
(campaigns/reach/views.py) call :func:`neutralise_row`.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` with a leading ``'`` when it is text a spreadsheet would take for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_row(row):
    return [neutralise(value) for value in row]


def install():
    """Neutralise every value Wagtail's ``SpreadsheetExportMixin`` writes (called once, from HomeConfig.ready)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin.preprocess_field_value, "neutralises_formulas", False):
        return
    original = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(original(self, field, value, export_format))

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
