"""Fields of the home app translated into each language (km, en) by modeltranslation."""

from modeltranslation.translator import TranslationOptions, register

from home.models import BasePage, HelplineSettings, HomePage


@register(BasePage)
class BasePageTR(TranslationOptions):
    fields = ("listing_summary",)


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("intro",)


@register(HelplineSettings)
class HelplineSettingsTR(TranslationOptions):
    fields = ("hotline_name", "hotline_hours")
