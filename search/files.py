"""Text inside uploaded files (PDF), so a phrase from a teacher guide finds its material.

Text is extracted with pypdf when a document is saved (``search.signals``) and
kept in ``DocumentText``, keyed by the file's hash, so reindexing never reads
files again. A damaged or encrypted PDF gives no text and a warning in the log;
it never stops an upload.
"""

import logging

from search.models import DocumentText

logger = logging.getLogger(__name__)

MAX_PAGES = 300
MAX_CHARS = 300_000


def extract_pdf_text(file_obj):
    """The text of a PDF (file-like), page after page; "" when it cannot be read."""
    from pypdf import PdfReader  # imported here, not at the top: only this path needs it (start-up time)
    from pypdf.errors import PyPdfError  # imported here, not at the top: only this path needs it (start-up time)

    try:
        reader = PdfReader(file_obj)
        if reader.is_encrypted:
            reader.decrypt("")
        parts, size = [], 0
        for page in reader.pages[:MAX_PAGES]:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= MAX_CHARS:
                break
        return "\n".join(parts)[:MAX_CHARS]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        logger.warning("search: could not read the text of a PDF: %s", exc)
        return ""


def is_pdf(document):
    return (document.file_extension or "").lower() == "pdf"


def refresh_document_text(document):
    """Extract and store the text of ``document`` when its file changed. Returns the text."""

    if not document.pk:
        return ""
    stored = DocumentText.objects.filter(document=document).first()
    file_hash = document.file_hash or ""
    if stored and stored.file_hash == file_hash and file_hash:
        return stored.text
    text = ""
    if is_pdf(document) and document.file:
        try:
            with document.open_file() as handle:
                text = extract_pdf_text(handle)
        except OSError as exc:
            logger.warning("search: could not open document %s: %s", document.pk, exc)
    DocumentText.objects.update_or_create(document=document, defaults={"file_hash": file_hash, "text": text})
    return text


def documents_text(documents):
    """The stored text of several documents, joined (extracting any not yet read)."""

    documents = [d for d in documents if d is not None and getattr(d, "pk", None)]
    if not documents:
        return ""
    stored = {t.document_id: t for t in DocumentText.objects.filter(document__in=documents)}
    parts = []
    for document in documents:
        entry = stored.get(document.pk)
        if entry is None or (document.file_hash and entry.file_hash != document.file_hash):
            parts.append(refresh_document_text(document))
        else:
            parts.append(entry.text)
    return "\n".join(part for part in parts if part)
