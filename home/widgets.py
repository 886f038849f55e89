"""Admin widgets that survive whatever a form sent back.

Wagtail's choosers look the chosen id up again to show the form with its
errors; an id that is not a number (``" "``, ``"abc"``) raised ValueError
there, a 500 instead of the form with "Select a valid choice" (found by
tests/security/test_fuzz_officials.py).
"""

from django.core.exceptions import ValidationError
from django.forms import ModelChoiceField

from wagtail.admin.widgets import AdminPageChooser


class TolerantChooserMixin:
    def get_instance(self, value):
        try:
            return super().get_instance(value)
        except (ValueError, TypeError, OverflowError, ValidationError):
            return None


class PageChooser(TolerantChooserMixin, AdminPageChooser):
    """``AdminPageChooser`` that shows nothing chosen for an id that cannot be one."""


class BoundedChoiceMixin:
    """An id too large for any database column is an invalid choice, not a query.

    Django bounds integer lookups itself, but not a primary key that is a link to
    another table (a page type's ``page_ptr``): on SQLite ``9999…`` raised
    OverflowError from ``ModelChoiceField`` (found by the fuzz tests).
    """

    def to_python(self, value):
        text = str(value).strip() if value is not None else ""
        if text.lstrip("-").isascii() and text.lstrip("-").isdigit() and abs(int(text)) >= 2**63:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


_bounded_classes = {}


def bound_choice_fields(form):
    """Give each model choice field of ``form`` the bounds above (a subclass of its own class)."""
    for field in form.fields.values():
        cls = type(field)
        if isinstance(field, ModelChoiceField) and not isinstance(field, BoundedChoiceMixin):
            if cls not in _bounded_classes:
                _bounded_classes[cls] = type(f"Bounded{cls.__name__}", (BoundedChoiceMixin, cls), {})
            field.__class__ = _bounded_classes[cls]
