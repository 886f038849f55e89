"""The admin form of every page: a Khmer title still gives the page an address."""

import re

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


class BilingualPageForm(WagtailAdminPageForm):
    """Slugs are kept in Latin letters (Khmer loses its vowel signs when slugified).

    When the Khmer slug is left empty it takes the English slug, or the English
    title made into a slug; only when neither exists does the editor have to type one.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug_km" in self.fields:
            self.fields["slug_km"].required = False
            self.fields["slug_km"].help_text = _(
                "The page's address in Latin letters, e.g. drug-free-schools. Left empty, the English one is used."
            )

    def clean(self):
        # The admin's slugify turns a Khmer title into "" or "-": neither is an address.
        if "slug_km" in self.fields and not re.search(r"[a-z0-9]", self.cleaned_data.get("slug_km") or ""):
            fallback = self.cleaned_data.get("slug_en") or slugify(self.cleaned_data.get("title_en") or "")
            if fallback:
                self.cleaned_data["slug_km"] = fallback
            else:
                self.add_error("slug_km", _("Give the page a short address in Latin letters, e.g. drug-free-schools."))
        return super().clean()
