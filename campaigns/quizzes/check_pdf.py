"""A lesson kit's before/after check as an A4 PDF the teacher prints for the class (issue 19).

The students tick one box per question, before the lesson and again after it; the last page is the teacher's
tally, laid out as the class report form asks for it (students who took the check, and right answers per
question, before and after). Made on request with fpdf2, which shapes Khmer with HarfBuzz (uharfbuzz): stacked
subscripts and vowel signs come out as in a browser. The fonts are Noto Sans Khmer and Noto Sans, in
campaigns/fonts (SIL Open Font License). One PDF per language of the check; a made PDF is kept in the cache
until the kit or the check is published again.
"""

import hashlib

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext

from campaigns.khmer_pdf import KhmerPDF
from campaigns.quizzes.class_checks import kit_check
from home.security import access

LANGUAGES = ("km", "en")
CACHE_SECONDS = 24 * 3600
# The check's file name inside a kit's ZIP, in the language of the check it holds ("/" is not allowed).
CHECK_FILE_NAMES = {"km": "ការត្រួតពិនិត្យមុន-ក្រោយមេរៀន", "en": "Before-and-after check"}
BOX = 4.2  # mm: a tick box


def check_languages(check, questions=None):
    """The languages the check is written in: Khmer always (the site's first language), English when every
    question has its English text."""
    questions = check.question_list() if questions is None else questions
    if questions and all((q.text_en or "").strip() for q in questions):
        return ["km", "en"]
    return ["km"]


class CheckPDF(KhmerPDF):
    def __init__(self, language):
        super().__init__(language, margins=(16, 14, 16), bottom=14)
        self.set_title(gettext("Before and after check"))
        self.set_lang(language)
        self.add_page()

    def line_height(self, size):
        return size * (0.62 if self.language == "km" else 0.5)  # Khmer's stacked signs need more room

    def write_lines(self, text, size=11, style="", width=0, **kwargs):
        self.set_font(self.family, style, size)
        self.multi_cell(width, self.line_height(size), self.localise(text), new_x="LMARGIN", new_y="NEXT", **kwargs)

    def box(self, x, y):
        self.rect(x, y, BOX, BOX)

    def ticked_choice(self, label, size=11):
        """A tick box and its answer, on one line (wrapped under the text when it is long)."""
        height = self.line_height(size)
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()
        x, y = self.l_margin + 6, self.get_y()
        self.box(x, y + (height - BOX) / 2)
        self.set_xy(x + BOX + 2.5, y)
        self.set_font(self.family, "", size)
        self.multi_cell(self.epw - 6 - BOX - 2.5, height, self.localise(label), new_x="LMARGIN", new_y="NEXT")

    def blank(self, label, width):
        self.set_font(self.family, "", 11)
        self.cell(self.get_string_width(self.localise(label)) + 2, self.line_height(11), self.localise(label))
        x, y = self.get_x(), self.get_y() + self.line_height(11) - 1.5
        self.line(x, y, x + width, y)
        self.set_x(x + width + 6)


def build_pdf(kit, check, language):
    """The PDF's bytes: the students' sheet, then the teacher's tally."""
    with translation.override(language):
        questions = check.question_list()
        pdf = CheckPDF(language)
        pdf.write_lines(gettext("Before and after check"), 17, "B")
        pdf.write_lines(kit.title, 12, "B")
        pdf.ln(2)
        pdf.blank(gettext("School"), 62)
        pdf.blank(gettext("Class"), 28)
        pdf.ln(pdf.line_height(11) + 2)
        height = pdf.line_height(11)
        y = pdf.get_y()
        x = pdf.l_margin
        for label in (gettext("Before the lesson"), gettext("After the lesson")):
            pdf.box(x, y + (height - BOX) / 2)
            pdf.set_xy(x + BOX + 2, y)
            pdf.set_font(pdf.family, "", 11)
            width = pdf.get_string_width(pdf.localise(label)) + 4
            pdf.cell(width, height, pdf.localise(label))
            x += BOX + 2 + width + 8
        pdf.ln(height + 2)
        pdf.write_lines(gettext("Tick one box for each question. Write no name: the check is not a test."), 10)
        pdf.ln(2)
        for number, question in enumerate(questions, start=1):
            if pdf.get_y() + 4 * pdf.line_height(11) > pdf.page_break_trigger:
                pdf.add_page()
            pdf.write_lines(f"{number}. {question.text}", 11, "B")
            for _code, label in question.answers():
                pdf.ticked_choice(str(label))
            pdf.ln(2.5)
        tally(pdf, kit, questions)
        return bytes(pdf.output())


def tally(pdf, kit, questions):
    """The teacher's table, on a page of its own: what the class report form asks for, counted from the sheets."""
    pdf.add_page()  # its own page: the students' pages are printed for each student, this one once
    pdf.write_lines(f"{gettext('Before and after check')}: {kit.title}", 10)
    pdf.ln(1)
    pdf.write_lines(gettext("For the teacher: count the sheets, then type the numbers in the class report."), 11, "B")
    pdf.ln(1)
    pdf.set_font(pdf.family, "", 10)
    height = pdf.line_height(10) + 2
    numbers = pdf.epw - 2 * 34
    with pdf.table(
        col_widths=(numbers, 34, 34),
        line_height=height,
        text_align=("LEFT", "CENTER", "CENTER"),
        first_row_as_headings=True,
    ) as table:
        heading = table.row()
        for text in ("", gettext("Before the lesson"), gettext("After the lesson")):
            heading.cell(pdf.localise(text))
        took = table.row()
        took.cell(pdf.localise(gettext("Students who took the check")))
        took.cell("")
        took.cell("")
        for number, _question in enumerate(questions, start=1):
            row = table.row()
            row.cell(pdf.localise(gettext("Question %(number)s: answered right") % {"number": number}))
            row.cell("")
            row.cell("")


def check_pdf_links(check, questions):
    """``[language, ...]`` of the check's PDFs the kit page offers ([] without a check). No query: the kit
    page's form has the check and its questions already, and a published check of a page the reader is
    being served is one the reader may see (campaigns/quizzes/access_rules.py)."""
    if check is None:
        return []
    return check_languages(check, questions)


def cache_key(kit, check, language):
    stamp = f"{kit.pk}:{kit.last_published_at}:{check.pk}:{check.last_published_at}:{language}"
    return "kit-check-pdf:" + hashlib.sha1(stamp.encode()).hexdigest()


def check_pdf_bytes(kit, check, language):
    """The PDF of ``check`` in ``language``, made once per published version of the kit and the check."""
    key = cache_key(kit, check, language)
    content = cache.get(key)
    if content is None:
        content = build_pdf(kit, check, language)
        cache.set(key, content, CACHE_SECONDS)
    return content


def zip_entries(kit, language):
    """The check's PDFs a kit's ZIP in ``language`` ("km", "en" or "all") holds:
    ``[(language, name without ".pdf", fingerprint, make)]``.

    Only a published check of a kit anyone may see (the ZIP holds public files only); ``make()`` gives the
    bytes, and the fingerprint changes with each published version of the kit or the check."""
    check = kit_check(kit)
    if check is None or not access.is_public_page(kit) or not access.may_see(None, check):
        return []
    languages = check_languages(check)
    if language != "all":
        languages = [code for code in languages if code == language]
    return [
        (code, CHECK_FILE_NAMES[code], cache_key(kit, check, code), lambda code=code: check_pdf_bytes(kit, check, code))
        for code in languages
    ]


def serve_check_pdf(request, kit, language):
    """The kit's check as a PDF, for whoever may see the kit and its check (home/security/access.py)."""
    check = kit_check(kit)
    if check is None or not access.may_see(request, kit) or not access.may_see(request, check):
        raise Http404("no check")
    if language not in check_languages(check):
        raise Http404("no such language")
    response = HttpResponse(check_pdf_bytes(kit, check, language), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="check-{kit.pk}-{language}.pdf"'
    # As the kit's own files (campaigns/lessons/downloads.py): a phone may keep a public one; a restricted
    # kit's check is kept by nothing.
    response["Cache-Control"] = "no-cache" if access.is_public_page(kit) else "private, no-store"
    return response
