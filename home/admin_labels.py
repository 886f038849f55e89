"""Wagtail admin labels that were frozen in the language of the process's start.

Wagtail 8's ``wagtail/admin/viewsets/chooser.py`` imports ``gettext`` (not ``gettext_lazy``) as ``_``, so
``ChooserViewSet.search_tab_label`` ("Search") and ``create_action_label`` ("Create") are translated once,
at import, in ``LANGUAGE_CODE`` (Khmer): the image and document choosers' "Search" tab read "ស្វែងរក" in the
English admin (issue 16). The catalogues were right; the string was translated too early. ``relabel``
puts lazy strings back on the class, before any chooser's views are built (AppConfig.ready).
"""

from django.utils.translation import gettext_lazy

LAZY_LABELS = {"search_tab_label": gettext_lazy("Search"), "create_action_label": gettext_lazy("Create")}

# Wagtail's link chooser forms (wagtail/admin/forms/choosers.py) leave these fields without a label, so
# Django writes one from the field's name, in English whatever the admin language ("Link text").
LINK_FIELD_LABELS = {
    "link_text": gettext_lazy("Link text"),
    "email_address": gettext_lazy("Email address"),
    "subject": gettext_lazy("Subject"),
    "body": gettext_lazy("Body"),
    "phone_number": gettext_lazy("Phone number"),
}


def relabel():
    from wagtail.admin.forms import choosers  # noqa: PLC0415
    from wagtail.admin.viewsets.chooser import ChooserViewSet  # noqa: PLC0415 - needs the apps loaded

    for name, label in LAZY_LABELS.items():
        setattr(ChooserViewSet, name, label)
    for form in (
        choosers.ExternalLinkChooserForm,
        choosers.AnchorLinkChooserForm,
        choosers.EmailLinkChooserForm,
        choosers.PhoneLinkChooserForm,
    ):
        for name, field in form.base_fields.items():
            if name in LINK_FIELD_LABELS and field.label is None:
                field.label = LINK_FIELD_LABELS[name]
