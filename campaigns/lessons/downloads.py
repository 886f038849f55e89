"""Lesson kit downloads: single files and whole-kit ZIPs, served with ranges and counted.

Counting keeps one row per kit, file (or ZIP), language and day: a table that
grows with kits x files x days, never with visits. Nothing about the person is
stored: no cookie, no address, no user agent. Obvious robots, HEAD requests and
resumed parts of a download (a Range that does not start at byte 0) are not counted.
"""

import hashlib
import mimetypes
import tempfile
import uuid
import zipfile
from pathlib import Path

from django_tasks import task

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import models
from django.db.models.signals import post_save
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import CollectionViewRestriction
from wagtail.signals import page_published, published

from campaigns.quizzes import check_pdf
from campaigns.quizzes.models import Quiz
from home.background import later, retrying
from home.http.daily_counts import increment
from home.http.ranged_files import serve_ranged
from home.http.sent import after_sending
from home.http.visitors import is_bot
from home.security import access
from home.security.refusals import document_refusal

ZIP_LANGUAGES = ("km", "en", "all")


class DownloadCount(models.Model):
    day = models.DateField(_("day"))
    kit = models.ForeignKey(
        "campaigns.LessonKitPage",
        on_delete=models.PROTECT,
        related_name="download_counts",
        verbose_name=_("lesson kit"),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("file"),
        help_text=_("Empty for a whole-kit ZIP."),
    )
    # "file:<document id>", "zip:<language>" or "check:<language>" (the before/after check's PDF)
    target = models.CharField(_("what was downloaded"), max_length=24)
    language = models.CharField(_("language"), max_length=3)
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [models.UniqueConstraint(fields=["day", "kit", "target"], name="one_download_row_per_day")]
        indexes = [models.Index(fields=["kit", "day"])]

    def __str__(self):
        return f"{self.day} {self.target} {self.count}"


def count_download(kit, target, language, document=None, day=None):
    """Add one download to the day's row, safely under concurrent requests."""
    keys = {"day": day or timezone.localdate(), "kit": kit, "target": target}
    increment(DownloadCount, keys, defaults={"language": language, "document": document})


def should_count(request, byte_range):
    """A download counts once: not for robots, HEAD, or the later parts of a resumed download."""
    if request.method != "GET" or is_bot(request):
        return False
    return byte_range is None or byte_range[0] == 0


def mark_download(response, public):
    """What caches may do with a download. Every download must reach the site to be counted, so no
    cache may answer it without asking (``no-cache``; the front cache passes these addresses anyway);
    a teacher's phone may keep a public one the teacher saved for offline (home/static/js/sw.js). A
    restricted file is kept by nothing (``private, no-store``): not on a shared phone either."""
    response["Cache-Control"] = "no-cache" if public else "private, no-store"


def serve_kit_file(request, kit, kit_file):
    """The file, when ``request`` passes its collection's view restrictions (else the sign-in, code or
    password page, as at the document's own address); a restricted file is marked private for caches."""
    document = kit_file.document
    refused = document_refusal(request, document)
    if refused is not None:
        return refused
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404("file missing") from None
    size = document.file.size
    content_type = mimetypes.guess_type(document.filename)[0] or "application/octet-stream"
    etag = f'"{document.file_hash or document.pk}-{size}"'
    filename = f"{document.title}.{document.file_extension}" if document.title else document.filename
    response, byte_range = serve_ranged(
        request, handle, size, content_type, filename, etag, ascii_fallback=Path(document.file.name).name
    )
    mark_download(response, public=access.is_public_document(document))
    count_when_sent(request, response, kit, f"file:{document.pk}", kit_file.language, byte_range, document=document)
    return response


def zip_members(kit, language):
    files = kit.kit_files()
    if language != "all":
        files = [f for f in files if f.language == language]
    return files


def zip_digest(members, extras=()):
    """Changes whenever a file of the ZIP is added, removed, replaced or renamed, or the check republished."""
    fingerprint = "|".join(
        [f"{m.document.pk}:{m.document.file_hash}:{m.document.file.name}:{m.role}:{m.language}" for m in members]
        + [f"{folder}/{stem}:{fingerprint}" for folder, stem, fingerprint, _make in extras]
    )
    return hashlib.sha1(fingerprint.encode()).hexdigest()[:16]


ZIP_FOLDER = "kit-zips"


def zip_name(kit, language, digest):
    """The ZIP's name in the media storage (local disk or the shared bucket): one per kit, language and files."""
    return f"{ZIP_FOLDER}/kit-{kit.pk}-{language}-{digest}.zip"


def stored_zips(kit, language=None):
    """Names of the kit's ZIPs in the storage (every language, or one)."""
    start = f"kit-{kit.pk}-{language}-" if language else f"kit-{kit.pk}-"
    try:
        _folders, files = default_storage.listdir(ZIP_FOLDER)
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [f"{ZIP_FOLDER}/{name}" for name in files if name.startswith(start) and name.endswith(".zip")]


def member_name(member, used):
    """A readable, unique name inside the ZIP (Khmer titles kept)."""
    stem = (member.document.title or Path(member.document.filename).stem).replace("/", "-").replace("\\", "-")
    return unique_name(member.language, stem, member.document.file_extension, used)


def unique_name(folder, stem, extension, used):
    """``folder/stem.extension``, or ``folder/stem (2).extension`` and on when ``used`` holds it; added to ``used``."""
    name = f"{folder}/{stem}.{extension}"
    number = 2
    while name in used:
        name = f"{folder}/{stem} ({number}).{extension}"
        number += 1
    used.add(name)
    return name


def build_zip(kit, language):
    """The name of the kit's ZIP for ``language`` in the media storage, built once per set of files.

    Files are copied in chunks (never read whole into memory) and stored without recompression (PDF
    and Office files are already compressed), into a temporary file of this process's own (a unique
    name: never the process id alone, which two hosts share), then saved to the storage under the
    ZIP's name. Two hosts building the same ZIP at once both save it; the storage gives the second
    copy another name, which is deleted, so one ZIP of that name remains and no request ever reads a
    half-written one.
    """
    members = zip_members(kit, language)
    if not members:
        raise Http404("no files in this language")
    extras = check_pdf.zip_entries(kit, language)  # the kit's before/after check, printable
    name = zip_name(kit, language, zip_digest(members, extras))
    if default_storage.exists(name):
        return name
    used = set()
    stamp = timezone.localtime().timetuple()[:6]
    with tempfile.NamedTemporaryFile(prefix=f"kit-{kit.pk}-{uuid.uuid4().hex}-", suffix=".zip") as temporary:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as archive:
            for member in members:
                info = zipfile.ZipInfo(member_name(member, used), date_time=stamp)
                with member.document.file.open("rb") as source, archive.open(info, "w", force_zip64=True) as target:
                    while chunk := source.read(1024 * 1024):
                        target.write(chunk)
            for folder, stem, _fingerprint, make in extras:
                archive.writestr(zipfile.ZipInfo(unique_name(folder, stem, "pdf", used), date_time=stamp), make())
        temporary.seek(0)
        saved = default_storage.save(name, File(temporary))
    if saved != name:
        default_storage.delete(saved)  # another process saved the same ZIP first
    for stale in stored_zips(kit, language):
        if stale != name:
            default_storage.delete(stale)
    return name


def forget_zips(kit):
    """Delete every ZIP of ``kit`` (they are built again, from the public files, when asked for)."""
    for stale in stored_zips(kit):
        default_storage.delete(stale)


def on_collection_restriction_saved(sender, instance, raw=False, **kwargs):
    """A collection restricted: ZIPs built before may hold its files; none stays on disk."""
    if raw:
        return
    from campaigns.lessons.pages import LessonKitPage  # imported here: pages imports this module

    below = {"files__document__collection__path__startswith": instance.collection.path}
    for kit in LessonKitPage.objects.filter(**below).distinct():
        forget_zips(kit)


@task()
def build_kit_zips(kit_id, attempt=1):
    """The worker builds a published kit's ZIPs (every language it has files in), so no reader waits for one."""
    from campaigns.lessons.pages import LessonKitPage  # imported here: pages imports this module

    with retrying(build_kit_zips, (kit_id,), attempt):
        kit = LessonKitPage.objects.filter(pk=kit_id).first()
        if kit is None:
            return []
        return [build_zip(kit, language) for language in ZIP_LANGUAGES if zip_members(kit, language)]


def on_kit_published(sender, instance, **kwargs):
    """With a worker (home/background.py) the ZIPs are built as soon as a kit is published; without one,
    on the first download, as before."""
    if instance.specific_class.__name__ == "LessonKitPage":
        later(build_kit_zips, instance.pk)


def on_check_published(sender, instance, **kwargs):
    """A kit's before/after check published: its ZIPs carry the new PDF, so the worker builds them again."""
    if instance.kit_check and instance.page_id:
        later(build_kit_zips, instance.page_id)


def connect():
    page_published.connect(on_kit_published, dispatch_uid="kit_zips_published")
    published.connect(on_check_published, sender=Quiz, dispatch_uid="kit_zips_check_published")
    post_save.connect(
        on_collection_restriction_saved, sender=CollectionViewRestriction, dispatch_uid="kit_zips_restricted"
    )


def serve_kit_zip(request, kit, language):
    if language not in ZIP_LANGUAGES:
        raise Http404("unknown language")
    name = build_zip(kit, language)
    try:
        handle = default_storage.open(name, "rb")
        size = default_storage.size(name)
    except (FileNotFoundError, OSError):
        raise Http404("ZIP missing") from None
    digest = Path(name).stem.rsplit("-", 1)[-1]
    filename = f"{kit.slug}-{language}.zip"
    response, byte_range = serve_ranged(request, handle, size, "application/zip", filename, f'"{digest}"')
    mark_download(response, public=True)  # a ZIP holds the kit's public files only
    count_when_sent(request, response, kit, f"zip:{language}", language, byte_range)
    return response


def count_when_sent(request, response, kit, target, language, byte_range=None, document=None):
    """Count the download once ``response`` (a whole file, or its first part) has been sent."""
    if response.status_code in (200, 206) and should_count(request, byte_range):
        after_sending(response, lambda: count_download(kit, target, language, document=document))


def serve_kit_check(request, kit, language):
    """The kit's before/after check as a PDF (campaigns/quizzes/check_pdf.py), counted as the kit's files are."""
    response = check_pdf.serve_check_pdf(request, kit, language)
    count_when_sent(request, response, kit, f"check:{language}", language)
    return response
