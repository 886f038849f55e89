"""Officials' event photos: one collection per province, and files kept out of the public ``/media/``.

Photos of outreach events may show children, so they are not public images:

- **A collection per province** (:class:`ProvincePhotoCollection`), under one
  "event photos" collection, made the first time one is needed
  (:func:`photo_collection`). A photo uploaded by an official of a province
  (every upload path: the images page, multiple upload, the chooser's upload)
  goes to that province's collection, whatever collection the form offered, and
  stays there (:func:`file_in_province`).
- **Who sees them**: the access rule registered in
  ``campaigns/events/access_rules.py`` shows a province's photos only to that
  province's officials and to NACD staff, in the choosers, the images listing,
  the admin API and the site history.
- **Where the files live**: a photo in an event-photo collection gets a private
  file name (:data:`home.security.file_names.PRIVATE_PREFIX`), which the
  storage keeps under ``PRIVATE_MEDIA_ROOT`` and serves only through the
  admin's checked view (``home/security/private_files.py``); its renditions
  inherit the name. Images of public pages keep their ``/media/`` address.
"""

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection

from campaigns.events.officials import area_of
from home.security.file_names import make_file_private

PHOTOS_COLLECTION_NAME = "រូបថតព្រឹត្តិការណ៍ផ្សព្វផ្សាយ (Outreach event photos)"


class ProvincePhotoCollection(models.Model):
    """The collection that holds one province's event photos."""

    province = models.OneToOneField(
        "campaigns.Province", on_delete=models.CASCADE, related_name="+", verbose_name=_("province")
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.CASCADE, related_name="+", verbose_name=_("collection")
    )

    class Meta:
        verbose_name = _("province's photo collection")
        verbose_name_plural = _("provinces' photo collections")

    def __str__(self):
        return str(self.collection)


def photos_parent():
    """The collection above every province's photo collection (made under the root when missing)."""
    existing = ProvincePhotoCollection.objects.select_related("collection").first()
    if existing is not None:
        return existing.collection.get_parent()
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=PHOTOS_COLLECTION_NAME).first()
    return found or root.add_child(name=PHOTOS_COLLECTION_NAME)


def photo_collection(province_id):
    """The collection of ``province_id``'s event photos, made on first use."""
    found = ProvincePhotoCollection.objects.filter(province_id=province_id).select_related("collection").first()
    if found is not None:
        return found.collection
    from campaigns.places import Province

    province = Province.objects.get(pk=province_id)
    try:
        with transaction.atomic():
            collection = photos_parent().add_child(name=f"{province.name_km} ({province.name_en})")
            ProvincePhotoCollection.objects.create(province=province, collection=collection)
            return collection
    except IntegrityError:  # made meanwhile by a concurrent upload
        return ProvincePhotoCollection.objects.get(province_id=province_id).collection


def photo_collection_ids():
    """Ids of every province's photo collection."""
    return ProvincePhotoCollection.objects.values_list("collection_id", flat=True)


def province_of_collection(collection_id):
    """The province whose photos ``collection_id`` holds, or None for any other collection."""
    return (
        ProvincePhotoCollection.objects.filter(collection_id=collection_id)
        .values_list("province_id", flat=True)
        .first()
    )


def file_in_province(sender, instance, **kwargs):
    """pre_save of images: an official's photo goes to their province's collection, and its file is private."""
    user = instance.uploaded_by_user
    if user is not None:
        area = area_of(user)
        if not area.everywhere and area.province_id:
            instance.collection = photo_collection(area.province_id)
    if instance.collection_id and province_of_collection(instance.collection_id) is not None:
        moved = make_file_private(instance.file)
        if moved and instance.pk:
            instance.renditions.all().delete()  # made from the public file, at public addresses


def file_existing_photos():
    """Photos logged before province collections existed: each goes to its province's collection.

    A photo attached to an event goes to the event's province; an image uploaded by an official
    (and not yet attached) to the official's. Saving files it privately (:func:`file_in_province`).
    Returns how many images moved. Run by ``manage.py file_event_photos``; safe to run again.
    """
    from wagtail.images import get_image_model

    from campaigns.events.models import OutreachEventPhoto

    moved = 0
    province_of_image = dict(OutreachEventPhoto.objects.values_list("image_id", "event__province_id"))
    for image in get_image_model().objects.exclude(collection_id__in=photo_collection_ids()):
        province_id = province_of_image.get(image.pk)
        if province_id is None:
            area = area_of(image.uploaded_by_user)
            province_id = None if area.everywhere else area.province_id
        if province_id is None:
            continue
        image.collection = photo_collection(province_id)
        with transaction.atomic():
            image.save()
        moved += 1
    return moved


def connect():
    from django.db.models.signals import pre_save

    from wagtail.images import get_image_model

    pre_save.connect(file_in_province, sender=get_image_model(), dispatch_uid="event_photos_in_province")
