"""A4 PDFs with shaped Khmer text (fpdf2 and HarfBuzz), in one place: the kit's before/after check
(campaigns/quizzes/check_pdf.py) and the demo's generated kit files (campaigns/demo/pdfs.py).

Noto Sans Khmer and Noto Sans come from ``campaigns/fonts``; the page's language picks the main family and
the other is the fallback, so a Latin word in Khmer text (and the reverse) is drawn too.
"""

from pathlib import Path

from fpdf import FPDF

from home.khmer_format import khmer_digits

FONTS = Path(__file__).resolve().parent / "fonts"


class KhmerPDF(FPDF):
    def __init__(self, language, margins, bottom):
        super().__init__(format="A4")
        self.language = language
        self.set_margins(*margins)
        self.set_auto_page_break(True, margin=bottom)
        self.add_font("khmer", "", str(FONTS / "NotoSansKhmer-Regular.ttf"))
        self.add_font("khmer", "B", str(FONTS / "NotoSansKhmer-Bold.ttf"))
        self.add_font("latin", "", str(FONTS / "NotoSans-Regular.ttf"))
        self.add_font("latin", "B", str(FONTS / "NotoSans-Bold.ttf"))
        self.set_text_shaping(True)
        self.family = "khmer" if language == "km" else "latin"
        self.set_fallback_fonts(["latin" if language == "km" else "khmer"])

    def localise(self, text):
        """Khmer digits on a Khmer page."""
        return khmer_digits(text) if self.language == "km" else str(text)
