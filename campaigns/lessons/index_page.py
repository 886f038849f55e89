"""The lesson kit index: every kit, filtered by grade, topic, campaign, duration and file language."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page

from campaigns.lessons.listing import KitFilters, filter_kits
from campaigns.lessons.pages import LessonKitPage
from home.models import BasePage

KITS_PER_PAGE = 10


class LessonKitIndexPage(RoutablePageMixin, BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.LessonKitPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("lesson kit index")

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        filters = KitFilters.from_query(request.GET)
        kits = filter_kits(LessonKitPage.objects.child_of(self), filters)
        page = Paginator(kits, KITS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(kits=page, filters=filters, choices=filters.choices())
        return context
