"""Stored names of uploaded files: safe on disk, Khmer kept.

Django's default ``get_valid_name`` drops every character that is not a
letter, digit, ``-``, ``_`` or ``.``, which removes Khmer vowel signs
(``មេរៀន`` becomes ``មរន``). :class:`SafeNameStorage` (``STORAGES["default"]``)
keeps letters and their combining marks, drops path parts (``../``), control
characters and leading dots, and shortens long names. Wagtail's images make
their own names ASCII on top of this; documents keep the Khmer.
"""

import os
import re
import unicodedata

from django.core.files.storage import FileSystemStorage

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


class SafeNameStorage(FileSystemStorage):
    """The file system storage, naming uploads with :func:`safe_file_name` (Django's drops Khmer vowel signs)."""

    def get_valid_name(self, name):
        return safe_file_name(name)
