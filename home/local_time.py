"""Dates and times staff and officials type are Phnom Penh time (``TIME_ZONE``): every date-time input says so.

Issue 16: the scheduling dialog and the event form showed no time zone, so a moderator in
another zone, or an official whose phone is set to UTC, could not tell what "08:00" meant.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

PHNOM_PENH_TIME = _("Phnom Penh time (UTC+7)")


def say_phnom_penh_time(form, *names):
    """Add "Phnom Penh time (UTC+7)" to the help text of the form's fields ``names`` (those it has)."""
    for name in names:
        field = form.fields.get(name)
        if field is None:
            continue
        field.help_text = format_lazy("{} {}", field.help_text, PHNOM_PENH_TIME) if field.help_text else PHNOM_PENH_TIME
