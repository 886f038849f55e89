"""The base page every page type builds on, the home page, and site-wide settings."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction

from home.caching.page_cache import remembered
from home.caching.routing import site_for_request
from home.forms import BilingualPageForm
from home.home_sections import home_sections
from home.languages import missing_translation
from home.scheduled_jobs import ScheduledJobRun  # noqa: F401  (the model lives with the runner)
from home.security.rate_limits import RateCount  # noqa: F401  (the model lives with the code that counts)


class ListingFieldsMixin(models.Model):
    """What a page shows when it is listed elsewhere (cards, search results)."""

    listing_summary = models.CharField(
        _("listing summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown where this page is listed."),
    )

    class Meta:
        abstract = True


class SocialFieldsMixin(models.Model):
    """The image shown when the page is shared to Telegram or Facebook."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in link previews. The page's hero image is used when empty."),
    )

    class Meta:
        abstract = True


class BasePage(ListingFieldsMixin, SocialFieldsMixin, Page):
    """Shared fields and behaviour of every page of the site."""

    base_form_class = BilingualPageForm

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("Common page configuration")),
        FieldPanel("listing_summary"),
        FieldPanel("social_image"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["missing_translation"] = missing_translation(self, translation.get_language())
        return context

    @property
    def preview_modes(self):
        """One preview per language, so editors can read both before submitting."""
        return list(settings.LANGUAGES)

    @property
    def default_preview_mode(self):
        return settings.LANGUAGE_CODE

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, self.default_preview_mode)
            if hasattr(response, "render"):
                response.render()
        return response

    @property
    def summary_text(self):
        """The short text for listings, link previews and search descriptions."""
        return self.search_description or self.listing_summary

    og_type = "article"  # Open Graph type of the page's link previews

    def get_view_restrictions(self):
        """Wagtail's view restrictions of this page and its ancestors, with which ones they are remembered
        (``page_cache.remembered``: renewed when a restriction is saved or deleted, or a page moves). An
        unrestricted page, nearly every one, is checked without a query on every request."""

        def find():
            return list(super(BasePage, self).get_view_restrictions().values_list("pk", flat=True))

        ids = remembered(f"view-restrictions:{self.pk}", find)
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)

    def preview_image(self):
        """The image for link previews: the social image, or the page's own hero image."""
        return self.social_image or getattr(self, "hero_image", None)


class HomePage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    og_type = "website"

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self, request))
        return context


@register_setting(icon="help")
class HelplineSettings(BaseSiteSetting):
    """The national hotline shown in the header and footer of every page."""

    hotline_name = models.CharField(_("hotline name"), max_length=120)
    hotline_phone = models.CharField(_("hotline phone number"), max_length=30)
    hotline_hours = models.CharField(_("opening hours"), max_length=120, blank=True)

    panels = [FieldPanel("hotline_name"), FieldPanel("hotline_phone"), FieldPanel("hotline_hours")]

    class Meta:
        verbose_name = _("national hotline")

    @classmethod
    def for_request(cls, request):
        """The setting for the request's site, remembered (every page shows it; saving it purges every page)."""

        if not hasattr(request, "_helpline_settings"):
            site = site_for_request(request)
            request._helpline_settings = remembered(
                f"helpline:{getattr(site, 'pk', None)}", lambda: super(HelplineSettings, cls).for_request(request)
            )
        return request._helpline_settings

    @property
    def tel_href(self):
        return "tel:" + "".join(ch for ch in self.hotline_phone if ch.isdigit() or ch == "+")
