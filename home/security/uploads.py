"""What may be uploaded as a document or an image, judged by the file's content, and how it is named.

NACD needs PDF, DOCX, PPTX, XLSX and ODT documents and JPEG, PNG and WebP
images. A file is accepted only when its bytes are one of those types *and* its
name says the same type: an HTML page renamed ``.pdf``, a program renamed
``.docx`` or an SVG renamed ``.png`` is refused with a message naming what the
file really is. Leading signatures are read with ``filetype`` (the library
Willow already uses for images); Office and OpenDocument files are ZIP
archives, so their structure is checked too (``[Content_Types].xml`` naming the
main part, or the ``mimetype`` entry), without unpacking anything else.

The forms (:class:`DocumentForm`, :class:`ImageForm`) are Wagtail's own upload
forms with this check added (``WAGTAILDOCS_DOCUMENT_FORM_BASE`` and
``WAGTAILIMAGES_IMAGE_FORM_BASE``), so the single and multiple upload views and
the choosers all use it. Stored file names: ``home/security/file_names.py``.
"""

import os
import zipfile

import filetype

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

DOCUMENT_TYPES = ("pdf", "docx", "pptx", "xlsx", "odt")
IMAGE_TYPES = ("jpeg", "png", "webp")
SAME_TYPE = {"jpg": "jpeg", "jpe": "jpeg"}

# The main part an Office file's [Content_Types].xml must name, per type. The macro-enabled
# variants (docm, xlsm, pptm) name other content types and are refused.
OOXML_MAIN = {
    "docx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
MAX_CONTENT_TYPES_BYTES = 1024 * 1024  # [Content_Types].xml is a few KB; more is not an Office file
HEAD_BYTES = 8192

NAMES = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "pptx": "PowerPoint (PPTX)",
    "xlsx": "Excel (XLSX)",
    "odt": "OpenDocument (ODT)",
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WebP",
    "html": "HTML",
    "svg": "SVG",
    "exe": _("a program"),
    "zip": "ZIP",
}


def extension_of(name):
    extension = os.path.splitext(name or "")[1].lower().lstrip(".")
    return SAME_TYPE.get(extension, extension)


def _read_head(file):
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(position)
    return head


def _zip_kind(file):
    """docx, xlsx, pptx or odt for a well-formed Office/OpenDocument archive; "zip" otherwise."""
    position = file.tell()
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size <= 100 and archive.read(info).strip() == ODT_MIMETYPE:
                    return "odt"
            if "[Content_Types].xml" in names and not any(n.lower().endswith("vbaproject.bin") for n in names):
                info = archive.getinfo("[Content_Types].xml")
                if info.file_size <= MAX_CONTENT_TYPES_BYTES:
                    content_types = archive.read(info)
                    for kind, main in OOXML_MAIN.items():
                        if main in content_types:
                            return kind
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, RuntimeError, ValueError):
        return "broken"
    finally:
        file.seek(position)
    return "zip"


def _looks_like_markup(head):
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<?xml", b"<svg")) and b"<svg" in text:
        return "svg"
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<iframe")):
        return "html"
    return None


def detect_kind(file):
    """What ``file`` (a seekable binary file) really is: a type name such as "pdf", or None if unknown."""
    head = _read_head(file)
    if not head:
        return None
    markup = _looks_like_markup(head)
    if markup:
        return markup
    guess = filetype.guess(head)
    if guess is None:
        return None
    kind = SAME_TYPE.get(guess.extension, guess.extension)
    if kind in ("zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"):
        return _zip_kind(file)
    return kind


def check_upload(file, allowed, max_size):
    """Raise ValidationError unless ``file`` is one of ``allowed`` by content and name, within ``max_size``."""
    if max_size is not None and file.size > max_size:
        raise ValidationError(
            _("This file is %(size)s; files may be at most %(limit)s. Make it smaller and upload it again."),
            code="file_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(max_size)},
        )
    allowed_list = ", ".join(NAMES[kind] for kind in allowed)
    named = extension_of(file.name)
    if named not in allowed:
        raise ValidationError(
            _("Files ending in .%(extension)s cannot be uploaded here. Allowed: %(allowed)s."),
            code="type_not_allowed",
            params={"extension": named or "?", "allowed": allowed_list},
        )
    kind = detect_kind(file)
    if kind == named:
        return kind
    if kind in allowed:
        message = _(
            "This file is really a %(kind)s file, but its name ends in .%(extension)s. Rename it and try again."
        )
    elif kind in NAMES:
        message = _(
            "This file's name ends in .%(extension)s but the file inside is %(kind)s, which cannot be uploaded."
        )
    else:
        message = _("This file's name ends in .%(extension)s but its content is not a %(expected)s file.")
    raise ValidationError(
        message,
        code="content_does_not_match",
        params={"kind": NAMES.get(kind, kind), "extension": named, "expected": NAMES[named]},
    )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, accepting only NACD's document types by content and size."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and hasattr(file, "seek") and "file" in self.changed_data:
            check_upload(file, DOCUMENT_TYPES, getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None))
        return file

    def _post_clean(self):
        # A refused file is not put on the document, so the model's own extension check would add
        # a second, misleading message ("File extension “” is not allowed"): keep only the first.
        refused = list(self._errors.get("file", []))
        super()._post_clean()
        if refused:
            self._errors["file"] = self.error_class(refused)


class ImageForm(BaseImageForm):
    """Wagtail's image form, accepting only JPEG, PNG and WebP by content (size and pixels: Wagtail)."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and hasattr(file, "seek") and "file" in self.changed_data:
            check_upload(file, IMAGE_TYPES, getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", None))
        return file
