from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from campaigns.outreach import OutreachEvent
        from campaigns.outreach_permissions import outreach_event_permission_policy

        register_permission_policy(OutreachEvent, outreach_event_permission_policy)
