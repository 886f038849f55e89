"""Stored names of uploaded files: safe on disk, Khmer kept.

Django's default ``get_valid_name`` drops every character that is not a
letter, digit, ``-``, ``_`` or ``.``, which removes Khmer vowel signs
(``មេរៀន`` becomes ``មរន``). :class:`SafeNameStorage` (``STORAGES["default"]``)
keeps letters and their combining marks, drops path parts (``../``), control
characters and leading dots, and shortens long names. Wagtail's images make
their own names ASCII on top of this; documents keep the Khmer.

**Private files**: a file whose name begins with :data:`PRIVATE_PREFIX` (given by
:func:`make_file_private`, e.g. to officials' event photos, and inherited by the
image's renditions) is stored under ``PRIVATE_MEDIA_ROOT``, outside the public
``/media/`` tree, and its address is the admin's checked view
(``home/security/private_files.py``), which serves it only to those the access
rule lets see its image.
"""

import os
import re
import secrets
import unicodedata

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from django.utils._os import safe_join

UNSAFE = re.compile(r"[^\w\s.()\-]", re.UNICODE)
MAX_NAME = 80  # documents/ + name within the file field's 100 characters


def safe_file_name(name):
    """A stored file name: the last path part only, Khmer (letters and vowel signs) kept, no dots in front.

    ``../../etc/passwd`` becomes ``passwd``; ``មេរៀន ទី១ (ថ្មី).pdf`` becomes ``មេរៀន_ទី១_(ថ្មី).pdf``.
    """
    name = unicodedata.normalize("NFC", str(name)).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")  # control and format characters
    name = "".join(c if unicodedata.category(c)[0] == "M" else UNSAFE.sub("", c) for c in name)
    name = re.sub(r"\s+", "_", name.strip())
    name = re.sub(r"\.{2,}", ".", name).lstrip(".-_")
    stem, extension = os.path.splitext(name)
    stem = stem[: MAX_NAME - len(extension)] or "file"
    return f"{stem}{extension.lower()}"


PRIVATE_PREFIX = "private-"


def is_private_name(name):
    return os.path.basename(str(name or "")).startswith(PRIVATE_PREFIX)


def private_name(name):
    """``name``'s last part with the private prefix and a random part (the address cannot be guessed)."""
    return f"{PRIVATE_PREFIX}{secrets.token_hex(8)}-{os.path.basename(name)}"


def make_file_private(field_file):
    """Give a file field's file a private name; a file already stored is moved. True if anything changed."""
    if not field_file or is_private_name(field_file.name):
        return False
    if not getattr(field_file, "_committed", True):
        field_file.name = private_name(field_file.name)  # saved under this name by the model's save
        return True
    storage, old = field_file.storage, field_file.name
    with storage.open(old, "rb") as content:
        new = storage.save(os.path.join(os.path.dirname(old), private_name(old)), ContentFile(content.read()))
    storage.delete(old)
    field_file.name = new
    return True


class SafeNameStorage(FileSystemStorage):
    """The file system storage, naming uploads with :func:`safe_file_name` (Django's drops Khmer vowel signs);
    private files kept under ``PRIVATE_MEDIA_ROOT`` and addressed through the checked view."""

    def get_valid_name(self, name):
        return safe_file_name(name)

    def private_storage(self):
        return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT)

    def _save(self, name, content):
        if is_private_name(name):
            return self.private_storage()._save(name, content)
        return super()._save(name, content)

    def path(self, name):
        if is_private_name(name):
            return safe_join(settings.PRIVATE_MEDIA_ROOT, name)
        return super().path(name)

    def url(self, name):
        if is_private_name(name):
            return reverse("private_file", args=(name,))
        return super().url(name)
