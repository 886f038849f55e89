"""StreamField blocks of campaign, fact sheet and lesson pages, each with its own template
under ``templates/components/blocks/``."""

from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]

# Video links are shown as links, never embedded: an embedded player is a
# third-party request that tracks readers and costs a young person's data.
VIDEO_PROVIDERS = {
    "youtube.com": "YouTube",
    "www.youtube.com": "YouTube",
    "m.youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "facebook.com": "Facebook",
    "www.facebook.com": "Facebook",
    "fb.watch": "Facebook",
    "vimeo.com": "Vimeo",
    "www.tiktok.com": "TikTok",
}


def video_provider(url):
    """The provider's name for a video address we accept, or None."""
    parsed = urlparse(url or "")
    if parsed.scheme not in ("http", "https"):
        return None
    return VIDEO_PROVIDERS.get((parsed.hostname or "").lower())


class KeyFactBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("number"), max_length=30, help_text=_("For example 1,200 or 85%."))
    label = blocks.CharBlock(label=_("what it counts"), max_length=160)

    class Meta:
        label = _("key fact")


class KeyFactsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFactBlock(), min_num=1, max_num=6, **kwargs)

    class Meta:
        icon = "list-ol"
        label = _("key facts")
        template = "components/blocks/key_facts.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"), max_length=600)
    speaker = blocks.CharBlock(label=_("speaker"), max_length=160, help_text=_("Name and role of the person quoted."))

    class Meta:
        icon = "openquote"
        label = _("quote")
        template = "components/blocks/quote.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("image with caption")
        template = "components/blocks/image.html"

    def clean(self, value):
        if value.get("image") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError({"alt_text": ValidationError(_("Every image needs alternative text."))})
        return super().clean(value)


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("video address"), help_text=_("A YouTube, Facebook, Vimeo or TikTok address."))
    title = blocks.CharBlock(label=_("title"), max_length=160)
    duration = blocks.CharBlock(label=_("duration"), max_length=20, required=False, help_text=_("For example 3:45."))

    class Meta:
        icon = "media"
        label = _("video")
        template = "components/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        if not video_provider(value.get("url")):
            raise StructBlockValidationError(
                {"url": ValidationError(_("Use a video address from YouTube, Facebook, Vimeo or TikTok."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["provider"] = video_provider(value.get("url"))
        return context


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), max_length=400, required=False)
    link_text = blocks.CharBlock(label=_("button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    link_url = blocks.CharBlock(
        label=_("or address"),
        max_length=300,
        required=False,
        help_text=_("A full address or a path such as /km/help/."),
    )

    class Meta:
        icon = "pick"
        label = _("call to action")
        template = "components/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        url = (value.get("link_url") or "").strip()
        if not value.get("page") and not url:
            raise StructBlockValidationError({"link_url": ValidationError(_("Choose a page or give an address."))})
        if url and not (url.startswith("/") or urlparse(url).scheme in ("http", "https", "tel", "mailto")):
            raise StructBlockValidationError(
                {"link_url": ValidationError(_("The address must start with /, https://, tel: or mailto:."))}
            )
        return value


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), max_length=160, required=False)

    class Meta:
        label = _("document")


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120, required=False)
    documents = blocks.ListBlock(DocumentItemBlock(), min_num=1, label=_("documents"))

    class Meta:
        icon = "doc-full"
        label = _("downloads")
        template = "components/blocks/documents.html"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("answer"), features=["bold", "italic", "ul", "ol", "link"])

    class Meta:
        label = _("question and answer")


class FaqBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(FaqItemBlock(), min_num=1, **kwargs)

    class Meta:
        icon = "help"
        label = _("frequently asked questions")
        template = "components/blocks/faq.html"


class HelpBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), max_length=600, required=False)

    class Meta:
        icon = "help"
        label = _("where to get help")
        template = "components/blocks/help.html"


class CampaignBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES, template="components/blocks/text.html")
    key_facts = KeyFactsBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentListBlock()
    faq = FaqBlock()
    help = HelpBlock()

    class Meta:
        label = _("body")
