"""Fact sheets about substances: what it is, its names (slang included), effects, risks, the law, help."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage

FACT_FEATURES = ["h3", "bold", "italic", "ul", "ol", "link"]


class FactSheetIndexPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.FactSheetPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("fact sheet index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fact_sheets"] = FactSheetPage.objects.child_of(self).live().public().order_by("path")
        return context


class FactSheetPage(BasePage):
    summary = models.TextField(_("summary"), max_length=500)
    other_names = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Names people use for it, slang included, one per line. Search finds the page by each of them."),
    )
    what_it_is = RichTextField(_("what it is"), features=FACT_FEATURES)
    effects = RichTextField(_("effects"), features=FACT_FEATURES)
    risks = RichTextField(_("risks"), features=FACT_FEATURES)
    law = RichTextField(_("the law in Cambodia"), features=FACT_FEATURES)
    help = RichTextField(_("where to get help"), features=FACT_FEATURES)
    topics = ParentalManyToManyField("campaigns.Topic", blank=True, verbose_name=_("topics"))
    related_campaigns = ParentalManyToManyField(
        "campaigns.CampaignPage",
        blank=True,
        related_name="fact_sheets",
        verbose_name=_("campaigns"),
        help_text=_("Campaigns this fact sheet belongs to: its views count in their reach."),
    )

    parent_page_types = ["campaigns.FactSheetIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("other_names"),
        FieldPanel("what_it_is"),
        FieldPanel("effects"),
        FieldPanel("risks"),
        FieldPanel("law"),
        FieldPanel("help"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_campaigns", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("other_names", boost=2),
        index.SearchField("what_it_is"),
        index.SearchField("effects"),
        index.SearchField("risks"),
        index.SearchField("law"),
    ]

    class Meta:
        verbose_name = _("fact sheet")
        verbose_name_plural = _("fact sheets")

    @property
    def name_list(self):
        return [line.strip() for line in (self.other_names or "").splitlines() if line.strip()]

    @property
    def sections(self):
        """The sheet's sections in reading order, as (anchor, heading, rich text)."""
        return [
            ("what-it-is", _("What it is"), self.what_it_is),
            ("effects", _("Effects"), self.effects),
            ("risks", _("Risks"), self.risks),
            ("law", _("The law in Cambodia"), self.law),
            ("help", _("Where to get help"), self.help),
        ]
