"""Serving a file with HTTP ranges, so a download interrupted on a slow connection can resume.

Django's FileResponse streams a file but ignores ``Range``; this adds single
byte ranges (``bytes=500-``, ``bytes=0-99``, ``bytes=-200``) with 206 and
``Content-Range``, 416 for a range past the end, and ``If-Range``. Several
ranges in one request get the whole file (allowed by RFC 9110).
"""

import re
from urllib.parse import quote

from django.http import FileResponse, HttpResponse
from django.utils.http import http_date
from django.utils.text import slugify

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024
# Past this many digits a position is beyond any file (and Python refuses to read 4,300 digits or more).
MAX_DIGITS = 18
BEYOND_ANY_FILE = 10**MAX_DIGITS


def ascii_name(filename, fallback="download"):
    """A plain-ASCII version of a file name for old browsers (``slugify`` keeps only Latin letters)."""
    stem, dot, extension = filename.rpartition(".")
    if not dot:
        stem, extension = filename, ""
    ascii_stem = slugify(stem) or slugify(fallback.rpartition(".")[0] or fallback) or "download"
    return f"{ascii_stem}.{extension}" if extension else ascii_stem


def content_disposition(filename, inline=False, fallback="download"):
    """``attachment; filename="..."; filename*=UTF-8''...``: Khmer names kept, with an ASCII fallback."""
    fallback = ascii_name(filename, fallback)
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def position(digits):
    """The number ``digits`` spell, or a number past any file's end when they are too many to read."""
    digits = digits.lstrip("0") or "0"
    return BEYOND_ANY_FILE if len(digits) > MAX_DIGITS else int(digits)


def parse_range(header, size):
    """(start, end) inclusive for a single satisfiable range; None to send it all; "invalid" for 416."""
    match = RANGE.match((header or "").strip())
    if not match:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        length = position(last)
        if length == 0:
            return "invalid"
        return (max(0, size - length), size - 1)
    start = position(first)
    end = min(position(last), size - 1) if last else size - 1
    if start >= size or (last and position(last) < start):
        return "invalid"
    return (start, end)


class RangeFileWrapper:
    """Yields ``length`` bytes of ``file`` from ``start`` in chunks, then closes it."""

    def __init__(self, file, start, length):
        self.file, self.remaining = file, length
        self.file.seek(start)

    def __iter__(self):
        try:
            while self.remaining > 0:
                chunk = self.file.read(min(CHUNK, self.remaining))
                if not chunk:
                    break
                self.remaining -= len(chunk)
                yield chunk
        finally:
            self.file.close()


def serve_ranged(request, file, size, content_type, filename, etag, last_modified=None, ascii_fallback="download"):
    """A response for ``file`` (an open binary file) honouring Range and If-Range.

    Returns (response, byte_range) where byte_range is None for the whole file.
    """
    range_header = request.META.get("HTTP_RANGE")
    if_range = request.META.get("HTTP_IF_RANGE")
    if range_header and if_range and if_range.strip() != etag:
        range_header = None  # the file changed since the first part: start again
    byte_range = parse_range(range_header, size) if range_header else None
    if byte_range == "invalid":
        file.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response, None
    if byte_range is None:
        response = FileResponse(file, content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        start, end = byte_range
        response = FileResponse(RangeFileWrapper(file, start, end - start + 1), content_type=content_type, status=206)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = content_disposition(filename, fallback=ascii_fallback)
    response["ETag"] = etag
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600"
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    return response, byte_range
