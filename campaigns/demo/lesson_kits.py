"""Demo lesson kits: pages from campaigns/demo/content/lesson_kits.py, with PDF files made from their own text."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents.models import Document

from campaigns.demo.pdfs import teacher_guide_pdf, worksheet_pdf
from campaigns.lessons.class_reports import ClassReport
from campaigns.lessons.index_page import LessonKitIndexPage
from campaigns.lessons.pages import FileRole, LessonKitFile, LessonKitPage
from campaigns.models import Province, Topic

# Kits whose files also come in English (the others are Khmer only, as many real kits are).
ENGLISH_FILES = {"yama-the-facts", "ice-cannabis-and-your-future", "staying-safe-at-work-and-away-from-home"}
FILE_TITLES = {
    ("teacher_guide", "km"): "មគ្គុទ្ទេសក៍គ្រូ",
    ("teacher_guide", "en"): "Teacher guide",
    ("worksheet", "km"): "សន្លឹកកិច្ចការ",
    ("worksheet", "en"): "Worksheet",
}
MAKERS = {"teacher_guide": teacher_guide_pdf, "worksheet": worksheet_pdf}


def kit_document(kit, role, language):
    """The kit's generated PDF for ``role`` and ``language``, made once."""
    title = f"{FILE_TITLES[(role, language)]} – {kit[f'title_{language}']}"
    document = Document.objects.filter(title=title).first()
    if document is None:
        data = MAKERS[role](kit, language)
        document = Document(title=title)
        document.file.save(f"{kit['slug_en']}-{role.replace('_', '-')}-{language}.pdf", ContentFile(data), save=False)
        document._set_document_file_metadata()  # size and hash, as an upload in the admin sets them
        document.save()
    return document


def seed_lesson_kits(home, content, translated, publish_child, campaigns_by_slug):

    index = publish_child(
        home, LessonKitIndexPage, "lesson-kits", slug_en="lesson-kits", **content.SECTIONS["lesson-kits"]
    )
    kits = {}
    for item in content.LESSON_KITS:
        page = publish_child(
            index,
            LessonKitPage,
            item["slug_km"],
            slug_en=item["slug_en"],
            grade_band=item["grade_band"],
            duration=item["duration"],
            campaign=campaigns_by_slug.get(item["campaign"]),
            objectives_km="\n".join(item["objectives_km"]),
            objectives_en="\n".join(item["objectives_en"]),
            assessment_km="\n".join(item["assessment_km"]),
            assessment_en="\n".join(item["assessment_en"]),
            steps_km=[{"type": "step", "value": step} for step in item["steps_km"]],
            steps_en=[{"type": "step", "value": step} for step in item["steps_en"]],
            **translated(item, "title"),
            **translated(item, "summary"),
            **translated(item, "listing_summary", "summary"),
            **translated(item, "preparation"),
            **translated(item, "curriculum_link", "curriculum"),
        )
        page.topics.set(Topic.objects.filter(slug__in=item["topics"]))
        languages = ["km", "en"] if item["slug_en"] in ENGLISH_FILES else ["km"]
        wanted = [(role, language) for language in languages for role in (FileRole.TEACHER_GUIDE, FileRole.WORKSHEET)]
        existing = {(f.role, f.language) for f in page.files.all()}
        for order, (role, language) in enumerate(wanted):
            if (role, language) not in existing:
                LessonKitFile.objects.create(
                    kit=page,
                    document=kit_document(item, role, language),
                    role=role,
                    language=language,
                    sort_order=order,
                )
        page.save_revision().publish()
        kits[item["slug_en"]] = page

    seed_class_reports(kits, content, Province)
    return index


def seed_class_reports(kits, content, province_model):
    """A few classes taught: accepted ones count as reach, one waits for review."""

    if ClassReport.objects.exists():
        return
    today = timezone.localdate()
    yama = kits.get("yama-the-facts")
    if yama is None:
        return
    for number, school in enumerate(content.SCHOOLS):
        province = province_model.objects.get(code=school["province"])
        district = province.districts.order_by("code").first()
        ClassReport.objects.create(
            kit=yama,
            school=school["school_km"],
            province=province,
            district=district,
            date_taught=today - datetime.timedelta(days=7 * (number + 1)),
            girls=20 - number % 4,
            boys=18 + number % 3,
            status=ClassReport.Status.PENDING if number == 0 else ClassReport.Status.ACCEPTED,
        )
