"""Campaign pages and the index that lists them (current first, then past)."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from campaigns.blocks import CampaignBodyBlock
from campaigns.taxonomy import Audience, Topic
from home.http.params import text_param
from home.models import BasePage

CAMPAIGNS_PER_PAGE = 12


def today():
    return timezone.localdate()


def campaigns_for_listing(queryset, topic=None, audience=None, on_date=None):
    """Live campaigns, filtered by topic and audience slugs, current and upcoming first, then past.

    Within the current group the newest start comes first; past campaigns are
    ordered by the most recent end.
    """
    on_date = on_date or today()
    queryset = queryset.live().public()
    if topic:
        queryset = queryset.filter(topics__slug=topic)
    if audience:
        queryset = queryset.filter(audiences__slug=audience)
    return (
        queryset.annotate(
            is_past=Case(When(end_date__lt=on_date, then=Value(1)), default=Value(0), output_field=IntegerField())
        )
        .order_by("is_past", "-start_date", "-end_date", "pk")
        .distinct()
        .select_related("hero_image")
    )


def current_campaign(on_date=None):
    """The campaign to feature: running today, else the next to start, else the most recent."""
    on_date = on_date or today()
    live = CampaignPage.objects.live().public().select_related("hero_image")
    return (
        live.filter(start_date__lte=on_date, end_date__gte=on_date).order_by("-start_date").first()
        or live.filter(start_date__gt=on_date).order_by("start_date").first()
        or live.order_by("-end_date").first()
    )


# Features add to a campaign page's context with this Wagtail hook: function(page, request) -> dict.
CAMPAIGN_PAGE_CONTEXT = "campaign_page_context"


class CampaignIndexPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("campaign index")

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        topic = text_param(request.GET, "topic")
        audience = text_param(request.GET, "audience")
        campaigns = campaigns_for_listing(
            CampaignPage.objects.child_of(self).prefetch_related("topics"), topic=topic, audience=audience
        )
        paginator = Paginator(campaigns, CAMPAIGNS_PER_PAGE)
        context.update(
            campaigns=paginator.get_page(request.GET.get("page")),
            topics=Topic.objects.all(),
            audiences=Audience.objects.all(),
            selected_topic=topic,
            selected_audience=audience,
            today=today(),
        )
        return context


class CampaignPage(BasePage):
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("Two or three sentences at the top of the page.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("hero image description"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it."),
    )
    start_date = models.DateField(_("campaign starts"))
    end_date = models.DateField(_("campaign ends"))
    provinces = ParentalManyToManyField("campaigns.Province", blank=True, verbose_name=_("target provinces"))
    topics = ParentalManyToManyField("campaigns.Topic", blank=True, verbose_name=_("topics"))
    audiences = ParentalManyToManyField("campaigns.Audience", blank=True, verbose_name=_("audiences"))
    body = StreamField(CampaignBodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Hero image")),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Campaign period")),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("provinces", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who and where"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The campaign cannot end before it starts.")
        if self.hero_image_id and not (self.hero_alt_km or self.hero_alt_en or "").strip():
            errors["hero_alt_km"] = _("Describe the hero image for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    @property
    def status(self):
        """ "upcoming", "current" or "past" on today's date in Phnom Penh."""
        on_date = today()
        if self.start_date > on_date:
            return "upcoming"
        return "past" if self.end_date < on_date else "current"

    @property
    def duration_days(self):
        return (self.end_date - self.start_date + datetime.timedelta(days=1)).days

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Loaded when the template asks, so not at all when the body comes from the cache (home/caching/fragments.py).
        context["topics"] = SimpleLazyObject(lambda: list(self.topics.all()))
        context["audiences"] = SimpleLazyObject(lambda: list(self.audiences.all()))
        context["provinces"] = SimpleLazyObject(lambda: list(self.provinces.all()))
        for add in hooks.get_hooks(CAMPAIGN_PAGE_CONTEXT):  # what other features show on it: its reach
            context.update(add(self, request))
        return context
