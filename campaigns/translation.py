"""Fields of the campaigns app translated into each language (km, en) by modeltranslation."""

from modeltranslation.translator import TranslationOptions, register

from campaigns.models import (
    Audience,
    CampaignIndexPage,
    CampaignPage,
    FactSheetIndexPage,
    FactSheetPage,
    HelpFinderPage,
    HelpService,
    LessonKitIndexPage,
    LessonKitPage,
    OutreachEvent,
    Quiz,
    QuizQuestion,
    Topic,
)


@register(CampaignIndexPage)
class CampaignIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(CampaignPage)
class CampaignPageTR(TranslationOptions):
    fields = ("summary", "hero_alt", "body")


@register(FactSheetIndexPage)
class FactSheetIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(FactSheetPage)
class FactSheetPageTR(TranslationOptions):
    fields = ("summary", "other_names", "what_it_is", "effects", "risks", "law", "help")


@register(HelpFinderPage)
class HelpFinderPageTR(TranslationOptions):
    fields = ("intro",)


@register(Topic)
class TopicTR(TranslationOptions):
    fields = ("name", "description")


@register(Audience)
class AudienceTR(TranslationOptions):
    fields = ("name",)


@register(HelpService)
class HelpServiceTR(TranslationOptions):
    fields = ("name", "address", "opening_hours")


@register(LessonKitIndexPage)
class LessonKitIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(LessonKitPage)
class LessonKitPageTR(TranslationOptions):
    fields = ("summary", "objectives", "preparation", "steps", "assessment", "curriculum_link")


@register(OutreachEvent)
class OutreachEventTR(TranslationOptions):
    fields = ("title", "description", "venue", "organiser", "audience")
    required_languages = {"km": ("title", "venue", "organiser", "audience")}


@register(Quiz)
class QuizTR(TranslationOptions):
    fields = ("title", "intro")
    required_languages = {"km": ("title",)}


@register(QuizQuestion)
class QuizQuestionTR(TranslationOptions):
    fields = ("text", "choice_a", "choice_b", "choice_c", "choice_d", "explanation")
    required_languages = {"km": ("text", "explanation")}
