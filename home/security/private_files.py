"""Private files (officials' event photos and their renditions), served only after the access check.

A private file (``home/security/file_names.py``) lives outside the public
``/media/`` tree; its address is ``/admin/private-files/<name>``. This view finds
the image the file belongs to (the original or one of its renditions) and serves
the file only when :func:`home.security.access.may_see` lets the request see that
image; otherwise, and for any name that is not a stored private file, 404. With
``PRIVATE_MEDIA_ACCEL_REDIRECT`` set, the web server sends the file from its
internal location (``X-Accel-Redirect``) once the check passed.
"""

import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control

from wagtail.images import get_image_model

from home.security.access import may_see
from home.security.file_names import is_private_name

MAX_NAME = 255


def image_of(name):
    """The image whose original or rendition is stored as ``name``, or None."""
    Image = get_image_model()
    image = Image.objects.filter(file=name).first()
    if image is not None:
        return image
    rendition = Image.get_rendition_model().objects.filter(file=name).select_related("image").first()
    return rendition.image if rendition is not None else None


def serve(request, name):
    if len(name) > MAX_NAME or not is_private_name(name):
        raise Http404
    image = image_of(name)
    if image is None or not may_see(request, image):
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    accel = settings.PRIVATE_MEDIA_ACCEL_REDIRECT
    if accel:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{accel.rstrip('/')}/{quote(name)}"
    else:
        try:
            response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
        except FileNotFoundError:
            raise Http404 from None
    patch_cache_control(response, private=True, max_age=3600)
    response["X-Content-Type-Options"] = "nosniff"
    return response
