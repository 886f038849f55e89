"""School lesson kits: the kit pages, their files, and the index that finds them by grade and topic."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from campaigns.lessons.class_reports import ClassReportForm
from campaigns.lessons.downloads import serve_kit_check, serve_kit_file, serve_kit_zip
from campaigns.quizzes.check_pdf import check_pdf_links
from home.models import BasePage
from home.security import access


class GradeBand(models.TextChoices):
    PRIMARY = "primary", _("Primary (grades 4-6)")
    LOWER_SECONDARY = "lower_secondary", _("Lower secondary (grades 7-9)")
    UPPER_SECONDARY = "upper_secondary", _("Upper secondary (grades 10-12)")
    OUT_OF_SCHOOL = "out_of_school", _("Out-of-school youth")


class FileRole(models.TextChoices):
    TEACHER_GUIDE = "teacher_guide", _("teacher guide")
    SLIDES = "slides", _("slides")
    WORKSHEET = "worksheet", _("worksheet")
    POSTER = "poster", _("poster")
    HANDOUT = "handout", _("handout")


class FileLanguage(models.TextChoices):
    KHMER = "km", "ខ្មែរ"
    ENGLISH = "en", "English"


# Duration filter: name -> (label, lowest minutes, highest minutes)
DURATIONS = {
    "short": (_("Up to 45 minutes"), 0, 45),
    "medium": (_("46 to 60 minutes"), 46, 60),
    "long": (_("More than an hour"), 61, 10_000),
}


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"), max_length=160)
    minutes = blocks.IntegerBlock(label=_("minutes"), min_value=1, max_value=240)
    instructions = blocks.RichTextBlock(label=_("what to do"), features=["bold", "italic", "ul", "ol"])

    class Meta:
        icon = "list-ol"
        label = _("activity step")
        template = "components/blocks/step.html"


class LessonKitPage(RoutablePageMixin, BasePage):
    summary = models.TextField(_("summary"), max_length=500)
    grade_band = models.CharField(_("grade band"), max_length=20, choices=GradeBand.choices)
    duration = models.PositiveSmallIntegerField(_("duration in minutes"))
    topics = ParentalManyToManyField("campaigns.Topic", blank=True, verbose_name=_("topics"))
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lesson_kits",
    )
    objectives = models.TextField(_("learning objectives"), help_text=_("One objective per line."))
    preparation = RichTextField(_("what the teacher prepares"), features=["bold", "italic", "ul", "ol"])
    steps = StreamField([("step", StepBlock())], verbose_name=_("step-by-step activities"))
    assessment = models.TextField(_("assessment questions"), help_text=_("One question per line."))
    curriculum_link = models.CharField(_("link to the curriculum"), max_length=300, blank=True)

    parent_page_types = ["campaigns.LessonKitIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("grade_band"), FieldPanel("duration")]),
        MultiFieldPanel(
            [FieldPanel("campaign"), FieldPanel("topics", widget=forms.CheckboxSelectMultiple)],
            heading=_("Campaign and topics"),
        ),
        FieldPanel("objectives"),
        FieldPanel("preparation"),
        FieldPanel("steps"),
        FieldPanel("assessment"),
        FieldPanel("curriculum_link"),
        InlinePanel("files", label=_("files"), heading=_("Files of the kit")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.FilterField("grade_band"),
        index.FilterField("duration"),
    ]

    class Meta:
        verbose_name = _("lesson kit")
        verbose_name_plural = _("lesson kits")

    def clean(self):
        super().clean()
        if self.steps and self.duration:
            total = sum(step.value["minutes"] or 0 for step in self.steps)
            if total > self.duration:
                raise ValidationError(
                    {
                        "duration": _("The steps take %(total)s minutes, more than the lesson's duration.")
                        % {"total": total}
                    }
                )

    @property
    def objective_list(self):
        return [line.strip() for line in (self.objectives or "").splitlines() if line.strip()]

    @property
    def assessment_list(self):
        return [line.strip() for line in (self.assessment or "").splitlines() if line.strip()]

    def kit_files(self):
        """The files anyone may download: the kit page and its ZIPs are the same for every reader (and
        cached), so a file in a collection with a view restriction is left out (home/security/access.py)."""
        files = self.files.filter(document__in=access.public_documents(get_document_model().objects.all()))
        return list(files.select_related("document").order_by("sort_order"))

    def file_languages(self):
        return sorted({f.language for f in self.kit_files()}, key=lambda code: ["km", "en"].index(code))

    def zip_sizes(self, files=None):
        """``[(language, bytes), ...]`` of the kit's ZIPs, one per language then ``"all"`` when there are two:
        the sum of their files' sizes (documents are already compressed: a ZIP is about as large)."""
        files = self.kit_files() if files is None else files
        sizes = {}
        for kit_file in files:
            sizes[kit_file.language] = sizes.get(kit_file.language, 0) + (kit_file.document.file_size or 0)
        choices = sorted(sizes.items(), key=lambda item: ["km", "en"].index(item[0]))
        if len(choices) > 1:
            choices.append(("all", sum(sizes.values())))
        return choices

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        context["kit_files"] = self.kit_files()
        context["zip_languages"] = self.file_languages()
        context["zip_sizes"] = self.zip_sizes(context["kit_files"])
        form = context.setdefault("report_form", ClassReportForm(kit=self))
        context["reported"] = request.GET.get("reported") == "1"
        context["check_pdfs"] = check_pdf_links(form.check, form.check_questions)
        return context

    @path("")
    def kit(self, request):
        return self.render(request)

    @path("files/<int:file_id>/")
    def download_file(self, request, file_id):

        kit_file = get_object_or_404(self.files.select_related("document"), pk=file_id)
        return serve_kit_file(request, self, kit_file)

    @path("zip/<str:language>/")
    def download_zip(self, request, language):

        return serve_kit_zip(request, self, language)

    @path("check/<str:language>/")
    def check_pdf(self, request, language):
        """The before/after check as an A4 PDF to print (campaigns/quizzes/check_pdf.py)."""
        return serve_kit_check(request, self, language)


class LessonKitFile(Orderable):
    kit = ParentalKey(LessonKitPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("file")
    )
    role = models.CharField(_("role"), max_length=20, choices=FileRole.choices)
    language = models.CharField(_("language"), max_length=2, choices=FileLanguage.choices)

    panels = [FieldPanel("document"), FieldRowPanel([FieldPanel("role"), FieldPanel("language")])]

    class Meta(Orderable.Meta):
        verbose_name = _("kit file")
        verbose_name_plural = _("kit files")

    def __str__(self):
        return f"{self.get_role_display()} ({self.language})"

    @property
    def extension(self):
        return self.document.file_extension.upper()
