"""A number typed in Khmer or Latin digits: the form field of the public forms (class reports and their results)."""

from django import forms

from home.khmer_format import latin_digits


class LocalisedIntegerField(forms.IntegerField):
    """Accepts Khmer digits (០-៩) as well as Latin ones.

    A text input with a numeric keyboard: browsers refuse Khmer digits in
    ``type="number"``, and a Khmer keyboard types Khmer digits.
    """

    widget = forms.TextInput(attrs={"inputmode": "numeric", "size": "4"})

    def widget_attrs(self, widget):
        return {key: value for key, value in super().widget_attrs(widget).items() if key not in ("min", "max", "step")}

    def to_python(self, value):
        return super().to_python(latin_digits(value).strip() if isinstance(value, str) else value)
