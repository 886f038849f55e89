"""Small real files of every type NACD uploads, and forged ones, made in memory for the upload tests."""

import io
import zipfile

from fpdf import FPDF
from openpyxl import Workbook
from PIL import Image

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{part}" ContentType="{main}"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="{part}"/></Relationships>'
)


def pdf():
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text="Drug prevention lesson")
    return bytes(document.output())


def ooxml(part, main, body, extra=()):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(part=part, main=main))
        archive.writestr("_rels/.rels", RELS.format(part=part))
        archive.writestr(part, body)
        for name, data in extra:
            archive.writestr(name, data)
    return buffer.getvalue()


def docx(main="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", extra=()):
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>មេរៀនទី១</w:t></w:r></w:p></w:body></w:document>'
    )
    return ooxml("word/document.xml", main, body, extra)


def pptx():
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/'
        'presentationml/2006/main"/>'
    )
    return ooxml(
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        body,
    )


def xlsx():
    book = Workbook()
    book.active["A1"] = "ខេត្តកំពត"
    book.active["B1"] = 42
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def odt():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
            'vnd.oasis.opendocument.text"/></manifest:manifest>',
            compress_type=zipfile.ZIP_DEFLATED,
        )
        archive.writestr("content.xml", "<office:document-content/>", compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def image(fmt, size=(64, 48), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, (30, 120, 200) if mode == "RGB" else 0).save(buffer, format=fmt)
    return buffer.getvalue()


def pixel_bomb():
    """A PNG of 9,000 x 9,000 one-bit pixels (81 million) that weighs a few kilobytes."""
    buffer = io.BytesIO()
    Image.new("1", (9000, 9000), 0).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 200


def plain_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not-really/>")
    return buffer.getvalue()


VALID_DOCUMENTS = {"pdf": pdf, "docx": docx, "pptx": pptx, "xlsx": xlsx, "odt": odt}
VALID_IMAGES = {
    "jpg": lambda: image("JPEG"),
    "jpeg": lambda: image("JPEG"),
    "png": lambda: image("PNG"),
    "webp": lambda: image("WEBP"),
}

# name -> content of files that must be refused as documents
FORGED_DOCUMENTS = {
    "lesson.pdf": lambda: HTML,
    "setup.docx": lambda: EXE,
    "slides.pptx": plain_zip,
    "sheet.xlsx": docx,  # a Word file named as a spreadsheet
    "macro.docx": lambda: docx(
        main="application/vnd.ms-word.document.macroEnabled.main+xml", extra=[("word/vbaProject.bin", b"\0" * 64)]
    ),
    "page.html": lambda: HTML,
    "drawing.svg": lambda: SVG,
    "lesson.odt": plain_zip,
    "report.pdf": docx,
    "empty.pdf": lambda: b"",
}
# name -> content of files that must be refused as images
FORGED_IMAGES = {
    "logo.png": lambda: SVG,
    "photo.jpg": lambda: HTML,
    "photo.webp": lambda: image("PNG"),
    "poster.png": pdf,
    "drawing.svg": lambda: SVG,
    "anim.gif": lambda: image("GIF"),
    "scan.jpeg": lambda: EXE,
}
