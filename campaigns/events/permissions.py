"""Who may do what with which outreach events: the model permission of the user's groups, cut to their area.

Every admin view of outreach events (list, search, export, inspect, edit,
report, verify, delete, bulk delete, chooser) asks this policy, so an official
of one province never sees, changes or exports another province's events,
however the address is written.

Actions: ``view``, ``add``, ``change``, ``delete`` (Django's model permissions),
``report`` (record attendance; needs ``change``) and ``verify`` (needs
``campaigns.verify_outreachevent``, given to provincial coordinators and moderators).
"""

from wagtail.permission_policies import ModelPermissionPolicy

from campaigns.events.models import EventStatus, OutreachEvent
from campaigns.events.officials import area_of

MODEL_PERMISSION_OF_ACTION = {"report": "change", "verify": "verify"}


class OutreachEventPermissionPolicy(ModelPermissionPolicy):
    def _get_permission_codename(self, action):
        if action == "verify":
            return "verify_outreachevent"
        return super()._get_permission_codename(MODEL_PERMISSION_OF_ACTION.get(action, action))

    def user_has_permission(self, user, action):
        """Model-level: the user's groups allow ``action`` and the user works somewhere."""
        return not area_of(user).nowhere and user.has_perm(self._get_permission_name(action))

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        area = area_of(user)
        if not area.covers(instance.province_id, instance.district_id):
            return False
        status = instance.status
        if action == "change":
            # A verified report is settled: only those who verify may still correct it.
            return status != EventStatus.VERIFIED or user.has_perm("campaigns.verify_outreachevent")
        if action == "report":
            return status in (EventStatus.PLANNED, EventStatus.HELD)
        if action == "verify":
            return status == EventStatus.HELD
        if action == "delete":
            # Reports are kept: officials may delete only what has not been reported.
            return status in (EventStatus.PLANNED, EventStatus.CANCELLED) or area.everywhere
        return True

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return OutreachEvent.objects.none()
        return area_of(user).filter(OutreachEvent.objects.all())


outreach_event_permission_policy = OutreachEventPermissionPolicy(OutreachEvent)


def may_report_now(user, event):
    """Whether to offer ``user`` the attendance report of ``event``: allowed, and the event has started."""
    return event.has_started and outreach_event_permission_policy.user_has_permission_for_instance(
        user, "report", event
    )


def visible_events(user):
    """The events ``user`` may see in the admin: their area's, if their groups let them see events at all."""
    return outreach_event_permission_policy.instances_user_has_any_permission_for(
        user, ["view", "add", "change", "delete"]
    )
