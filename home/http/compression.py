"""Compressing the text the site generates.

Django's GZipMiddleware, limited to text (pages, feeds, CSV, JSON, SVG): files (PDF, ZIP, images)
are compressed already, and downloads are streamed with byte ranges so they can resume
(home/http/ranged_files.py), which compressing on the fly would break. Static files are compressed
ahead of time by whitenoise (``collectstatic``) and never reach this middleware.

BREACH (docs/performance.md): compressing a response is only risky when it carries a secret next
to text an attacker can inject. Public pages carry no secret (no CSRF token, no session data:
the class report form is CSRF-exempt and the site sets no cookie for readers). Admin pages do carry
CSRF tokens, but Django masks each token afresh for every response, and GZipMiddleware adds a
random number of bytes to every compressed response ("Heal the BREACH", Django 4.2+).
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
    "application/manifest+json",
    "image/svg+xml",
)


def is_compressible(response):
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return (
        content_type.startswith(COMPRESSIBLE)
        and not response.streaming
        and not response.has_header("Content-Range")
        and response.status_code != 206
    )


class TextCompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not is_compressible(response):
            return response
        return super().process_response(request, response)
