"""Reach charts as server-rendered SVG (pygal), readable without JavaScript, in Khmer or English.

pygal adds a small configuration script for hover tooltips; it is removed, since the
table beside each chart carries every figure for screen readers and keyboards.
"""

import datetime
import functools
import hashlib
import re

import pygal
from pygal.style import Style

from django.core.cache import cache
from django.utils.translation import get_language

from home.khmer_format import format_date, format_number

STYLE = Style(
    font_family='"Noto Sans Khmer", "Khmer OS", "Noto Sans", sans-serif',
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=12,
    title_font_size=15,
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1b1f24",
    foreground_strong="#1b1f24",
    foreground_subtle="#4a5260",
    colors=("#0b5a8a", "#b3261e", "#1d6b34"),
)
SCRIPT = re.compile(r"<script.*?</script>", re.S)


def svg(chart):
    return SCRIPT.sub("", chart.render(is_unicode=True))


def remembered(draw):
    """A chart is a pure function of its data and language: drawing it (pygal takes a tenth of a
    second for two years of weeks) is done once per distinct chart and kept in the cache."""

    @functools.wraps(draw)
    def chart(*args):
        digest = hashlib.sha256(repr(args).encode()).hexdigest()
        key = f"reach-chart:{draw.__name__}:{get_language()}:{digest}"
        drawn = cache.get(key)
        if drawn is None:
            drawn = draw(*args)
            cache.set(key, drawn, 24 * 3600)
        return drawn

    return chart


@remembered
def province_bars(rows, title):
    """rows: [(province name, people)], largest first."""
    chart = pygal.HorizontalBar(
        js=[],
        disable_xml_declaration=True,
        show_legend=False,
        style=STYLE,
        title=title,
        height=max(220, 34 * len(rows) + 80),
        width=720,
        print_values=True,
        value_formatter=format_number,
        explicit_size=False,
    )
    chart.x_labels = [name for name, _people in rows][::-1]
    chart.add(title, [people for _name, people in rows][::-1])
    return svg(chart)


@remembered
def before_after_bars(rows, title, before_label, after_label):
    """rows: [(kit · province, share right before, share right after)], in the table's order: two bars each,
    so the change a lesson made reads at a glance."""
    chart = pygal.HorizontalBar(
        js=[],
        disable_xml_declaration=True,
        style=STYLE,
        title=title,
        height=max(240, 56 * len(rows) + 110),
        width=720,
        print_values=True,
        value_formatter=format_number,
        legend_at_bottom=True,
        range=(0, 100),
        explicit_size=False,
    )
    chart.x_labels = [item for item, _before, _after in rows][::-1]
    chart.add(before_label, [before for _item, before, _after in rows][::-1])
    chart.add(after_label, [after for _item, _before, after in rows][::-1])
    return svg(chart)


@remembered
def every_week(weekly):
    """The Mondays from the first to the last week of ``weekly`` (Monday -> figures), weeks with nothing included:
    the chart's time axis stays even (issue 16: empty weeks were skipped)."""
    if not weekly:
        return []
    first, last = min(weekly), max(weekly)
    return [first + datetime.timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]


def weekly_lines(weeks, series, title):
    """weeks: [Monday dates]; series: [(label, [value per week])]."""
    chart = pygal.Line(
        js=[],
        disable_xml_declaration=True,
        style=STYLE,
        title=title,
        width=720,
        height=320,
        x_label_rotation=30,
        show_minor_x_labels=False,
        value_formatter=format_number,
        legend_at_bottom=True,
        dots_size=2,
    )
    chart.x_labels = [format_date(week, with_year=False) for week in weeks]
    chart.x_labels_major = chart.x_labels[:: max(1, len(weeks) // 8)]
    for label, values in series:
        chart.add(label, values)
    return svg(chart)
