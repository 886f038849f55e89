"""Teacher guides and worksheets as PDF, made from a lesson kit's own text (used by the demo).

Khmer needs real text shaping (stacked subscripts, vowel signs): fpdf2 shapes
with HarfBuzz (uharfbuzz) and the complete Noto Sans Khmer font; Latin text
uses Noto Sans, with Khmer as the fallback font for mixed lines.
"""

import re
from html import unescape

from campaigns.khmer_pdf import KhmerPDF


def plain(html):
    """Text of a small rich-text fragment: list items on their own lines, tags dropped."""
    text = re.sub(r"</(p|li|h\d)>", "\n", html or "")
    text = re.sub(r"<li>", "• ", text)
    return unescape(re.sub(r"<[^>]+>", "", text)).strip()


class KitPDF(KhmerPDF):
    def __init__(self, language):
        super().__init__(language, margins=(18, 18, 18), bottom=18)
        self.add_page()

    def heading(self, text, size=16):
        self.set_font(self.family, "B", size)
        self.multi_cell(0, size * 0.75, self.localise(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def paragraph(self, text, size=11, style=""):
        self.set_font(self.family, style, size)
        # Khmer needs more line height than Latin for stacked signs.
        line = size * (0.75 if self.language == "km" else 0.6)
        self.multi_cell(0, line, self.localise(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def bytes(self):
        return bytes(self.output())


def teacher_guide_pdf(kit, language):
    """The teacher guide of a demo kit (a dict of campaigns/demo/content/lesson_kits.py) as PDF bytes."""
    labels = {
        "km": ("មគ្គុទ្ទេសក៍គ្រូ", "នាទី", "គោលបំណងនៃមេរៀន", "ការរៀបចំ", "សកម្មភាព", "ការវាយតម្លៃ"),
        "en": ("Teacher guide", "minutes", "Learning objectives", "Preparation", "Activities", "Assessment"),
    }[language]
    pdf = KitPDF(language)
    pdf.heading(f"{labels[0]}: {kit[f'title_{language}']}", 18)
    pdf.paragraph(f"{kit['duration']} {labels[1]}. {kit[f'summary_{language}']}")
    pdf.heading(labels[2], 13)
    pdf.paragraph("\n".join(f"• {line}" for line in kit[f"objectives_{language}"]))
    pdf.heading(labels[3], 13)
    pdf.paragraph(plain(kit[f"preparation_{language}"]))
    pdf.heading(labels[4], 13)
    for number, step in enumerate(kit[f"steps_{language}"], start=1):
        pdf.paragraph(f"{number}. {step['title']} ({step['minutes']} {labels[1]})", 11, "B")
        pdf.paragraph(plain(step["instructions"]))
    pdf.heading(labels[5], 13)
    pdf.paragraph("\n".join(f"{n}. {q}" for n, q in enumerate(kit[f"assessment_{language}"], start=1)))
    pdf.paragraph(kit[f"curriculum_{language}"], 9)
    return pdf.bytes()


def worksheet_pdf(kit, language):
    """The students' worksheet of a demo kit as PDF bytes, with space to write."""
    labels = {"km": ("សន្លឹកកិច្ចការ", "ឈ្មោះ", "ថ្នាក់"), "en": ("Worksheet", "Name", "Class")}[language]
    pdf = KitPDF(language)
    pdf.heading(f"{labels[0]}: {kit[f'title_{language}']}", 16)
    pdf.paragraph(f"{labels[1]}: ______________________    {labels[2]}: ________")
    for number, task in enumerate(kit[f"worksheet_{language}"], start=1):
        pdf.paragraph(f"{number}. {task}", 12)
        pdf.ln(16)
    return pdf.bytes()
