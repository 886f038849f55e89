"""The events feature's rules in the one access rule (``home/security/access.py``).

- **Outreach events**: a user may see an event's record (in the admin, the site
  history and its exports) when the events policy lets them see it: their groups
  allow events and the event is in their area (``campaigns/events/permissions.py``).
  The public calendar shows the public events of live, public campaigns by its
  own query (``OutreachEventQuerySet.public``).
- **Images**: a photo in a province's event-photo collection
  (``campaigns/events/photos.py``) is seen only by those who work in that province
  or everywhere (NACD staff); every other image is left to Wagtail's permissions.

Registered when the app is ready (``campaigns/apps.py``).
"""

from wagtail.images.models import AbstractImage

from campaigns.events.models import OutreachEvent
from campaigns.events.officials import area_of
from campaigns.events.permissions import outreach_event_permission_policy, visible_events
from campaigns.events.photos import ProvincePhotoCollection, province_of_collection
from home.security.access import register_rule, viewer_user

SEE_EVENT = ["view", "add", "change", "delete"]


def may_see_event(viewer, event):
    user = viewer_user(viewer)
    return outreach_event_permission_policy.user_has_any_permission_for_instance(user, SEE_EVENT, event)


def visible_event_rows(viewer, queryset):
    user = viewer_user(viewer)
    if area_of(user).everywhere and outreach_event_permission_policy.user_has_any_permission(user, SEE_EVENT):
        return queryset  # unchanged: NACD staff see every event, and the history of deleted ones
    return queryset.filter(pk__in=visible_events(user).values("pk"))


def may_see_image(viewer, image):
    province_id = province_of_collection(image.collection_id)
    if province_id is None:
        return True
    area = area_of(viewer_user(viewer))
    return area.everywhere or area.province_id == province_id


def visible_image_rows(viewer, queryset):
    area = area_of(viewer_user(viewer))
    if area.everywhere:
        return queryset
    others = ProvincePhotoCollection.objects.exclude(province_id=area.province_id or 0)
    return queryset.exclude(collection_id__in=others.values("collection_id"))


def register():
    register_rule(OutreachEvent, may_see_event, visible_event_rows)
    register_rule(AbstractImage, may_see_image, visible_image_rows)
