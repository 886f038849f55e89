"""Where to get help: hotlines, counselling, treatment centres and health centres by province."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from campaigns.places import Province
from home.khmer_format import latin_digits
from home.models import BasePage

# Cambodian numbers: short codes (1294), landlines (023 123 456) and mobiles
# (012 345 678), with or without +855. Spaces, dots and dashes are allowed.
PHONE_PATTERN = re.compile(r"^(\+855|0)?[1-9]\d{2,9}$")


def normalise_phone(text):
    """The digits of a phone number as typed (Khmer or Latin digits, spaces, dashes)."""
    return re.sub(r"[\s.\-()]", "", latin_digits(text or ""))


def validate_phone(value):
    if not PHONE_PATTERN.match(normalise_phone(value)):
        raise ValidationError(_("Enter a phone number such as 023 123 456, 012 345 678 or 1294."), code="invalid_phone")


class HelpService(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        HOTLINE = "hotline", _("hotline")
        COUNSELLING = "counselling", _("counselling")
        TREATMENT = "treatment", _("treatment and rehabilitation centre")
        HEALTH_CENTRE = "health_centre", _("health centre")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    province = models.ForeignKey(
        "campaigns.Province", on_delete=models.PROTECT, related_name="help_services", verbose_name=_("province")
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=30, validators=[validate_phone])
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    languages = models.CharField(
        _("languages spoken"), max_length=60, blank=True, help_text=_("For example: Khmer, English.")
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("province")]),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("opening_hours"), FieldPanel("languages")],
            heading=_("How to reach it"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("address"),
        index.FilterField("province"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["province__code", "kind", "name"]
        verbose_name = _("help service")
        verbose_name_plural = _("help services")

    def __str__(self):
        return self.name

    @property
    def tel_href(self):
        digits = normalise_phone(self.phone)
        return f"tel:{digits}"


def services_in(province_code=None):
    """Help services, optionally of one province, with the nationwide hotlines always included."""
    services = HelpService.objects.select_related("province")
    if province_code:
        services = services.filter(models.Q(province__code=province_code) | models.Q(kind=HelpService.Kind.HOTLINE))
    return services


class HelpFinderPage(BasePage):
    """The public page listing help services, filtered by province."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    linked_from_every_page = True  # publishing or unpublishing it purges every cached page (home/caching/page_cache.py)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("help finder")

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        provinces = list(Province.objects.ordered_by_name())
        code = request.GET.get("province", "")[:8]
        selected = next((p for p in provinces if p.code == code), None)
        context.update(
            provinces=provinces,
            selected_province=selected,
            unknown_province=bool(code) and selected is None,
            services=services_in(selected.code if selected else None),
            kinds=HelpService.Kind,
        )
        return context
