"""The admin form of every page: a Khmer title still gives the page an address."""

import re

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from home.khmer_text import latin_slug
from home.local_time import say_phnom_penh_time


def has_latin(slug):
    return bool(re.search(r"[a-z0-9]", slug or ""))


class BilingualPageForm(WagtailAdminPageForm):
    """Slugs are kept in Latin letters (Khmer loses its vowel signs when slugified).

    When the Khmer slug is left empty it takes the English slug, the English title made
    into a slug, or else the Khmer title in Latin letters (``home.khmer_text.latin_slug``),
    or ``page-<id>``: a Khmer-only draft saves without a visit to the Promote tab. An empty
    English slug is made from the English title once there is one.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug_km" in self.fields:
            self.fields["slug_km"].required = False
            self.fields["slug_km"].help_text = _(
                "The page's address in Latin letters, e.g. drug-free-schools. Left empty, it is made from the title."
            )
        say_phnom_penh_time(self, "go_live_at", "expire_at")  # the scheduling dialog

    def siblings(self):
        parent = getattr(self, "parent_page", None) or (self.instance.get_parent() if self.instance.pk else None)
        if parent is None:
            return Page.objects.none()
        siblings = parent.get_children()
        return siblings.exclude(pk=self.instance.pk) if self.instance.pk else siblings

    def free_slug(self, slug):
        """``slug``, or ``slug-2``, ``slug-3``... when a sibling page already has it."""
        # Both languages' slugs: an empty English slug falls back to the Khmer one.
        siblings = self.siblings()
        taken = set(siblings.filter(slug_km__startswith=slug).values_list("slug_km", flat=True)) | set(
            siblings.filter(slug_en__startswith=slug).values_list("slug_en", flat=True)
        )
        candidate, number = slug, 1
        while candidate in taken:
            number += 1
            candidate = f"{slug}-{number}"
        return candidate

    def clean(self):
        data = self.cleaned_data
        if "slug_en" in self.fields and not has_latin(data.get("slug_en")) and data.get("title_en"):
            data["slug_en"] = slugify(data["title_en"]) or data.get("slug_en") or ""
        # The admin's slugify turns a Khmer title into "" or "-": neither is an address.
        if "slug_km" in self.fields and not has_latin(data.get("slug_km")):
            fallback = data.get("slug_en") if has_latin(data.get("slug_en")) else ""
            if not fallback:
                made = latin_slug(data.get("title_km") or "")
                if not made:
                    made = f"page-{self.instance.pk}" if self.instance.pk else "page"
                fallback = self.free_slug(made)
            data["slug_km"] = fallback
        return super().clean()
