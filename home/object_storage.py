"""Media on object storage (S3 API: MinIO, Ceph, AWS; moto's server in the tests), shared by every host.

Chosen by ``AWS_STORAGE_BUCKET_NAME`` (awareness_site/settings/base.py); local disk stays the default.
The bucket stays private: readers never fetch from it. Every address is the site's own:

- images and their renditions: ``/media/<name>``, streamed from the bucket by :func:`serve_public`
  (kept by the front cache and browsers: the names never change content);
- documents: Wagtail's ``serve_view`` after the access check (home/security/access.py), as on disk;
- officials' photos (private names, home/security/file_names.py): the admin's checked view
  (home/security/private_files.py), as on disk; under ``/media/`` they are not found;
- kit ZIPs: the kit's own download address, built into the bucket (campaigns/lessons/downloads.py).
"""

import mimetypes
from urllib.parse import quote

from storages.backends.s3 import S3Storage

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.cache import patch_cache_control

from home.security.file_names import is_private_name, safe_file_name

# What /media/ serves from the bucket: images only. Documents and private files have checked addresses.
PUBLIC_PREFIXES = ("original_images/", "images/")
MAX_NAME = 255


class SafeNameS3Storage(S3Storage):
    """S3, naming uploads as the disk storage does (Khmer kept) and addressing files on the site's origin."""

    def get_valid_name(self, name):
        return safe_file_name(name)

    def url(self, name, parameters=None, expire=None, http_method=None):
        if is_private_name(name):
            return reverse("private_file", args=(name,))
        return settings.MEDIA_URL + quote(name.lstrip("/"))


def serve_public(request, name):
    """An image file from the bucket, for ``/media/<name>``; 404 for anything else."""
    if len(name) > MAX_NAME or not name.startswith(PUBLIC_PREFIXES) or is_private_name(name) or ".." in name:
        raise Http404
    try:
        handle = default_storage.open(name, "rb")
        size = handle.size
    except (FileNotFoundError, OSError, ValueError):
        raise Http404 from None
    except Exception as error:  # botocore's ClientError for a missing key
        if getattr(error, "response", {}).get("Error", {}).get("Code") in ("404", "NoSuchKey"):
            raise Http404 from None
        raise
    response = FileResponse(handle, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")
    response["Content-Length"] = str(size)
    patch_cache_control(response, public=True, max_age=86400, s_maxage=86400)
    response["X-Content-Type-Options"] = "nosniff"
    return response
