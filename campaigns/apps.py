from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules import models, which exist only once apps are loaded.
        from wagtail.permissions import register_permission_policy

        from campaigns import setup_steps
        from campaigns.events import access_rules, cache_rules, photos
        from campaigns.events.models import OutreachEvent
        from campaigns.events.permissions import outreach_event_permission_policy
        from campaigns.lessons import downloads as kit_downloads
        from campaigns.quizzes import access_rules as quiz_access
        from campaigns.reach import signals as reach_signals
        from campaigns.roles import grant_campaign_permissions
        from home.caching.page_cache import cache_group
        from home.caching.purges import watch_app

        register_permission_policy(OutreachEvent, outreach_event_permission_policy)
        access_rules.register()  # events and province photo collections in the one access rule
        quiz_access.register()  # published quizzes on pages the reader may see
        photos.connect()  # officials' uploads to their province's collection, with private files
        reach_signals.connect()
        kit_downloads.connect()  # a collection restricted: the kits' ZIPs holding its files are deleted
        grant_campaign_permissions()
        setup_steps.register()  # the sections and the campaign workflow of ``manage.py setup_site``
        # The page cache: saves of the app's models purge every page, except counters written on every view
        # and download, teachers' class reports (reach figures on pages are cached on their own for ten
        # minutes, campaigns/reach/figures.py) and officials' areas; events purge what shows them.
        not_shown = [
            "campaigns.pageviewcount",
            "campaigns.downloadcount",
            "campaigns.classreport",
            "campaigns.officialarea",
            "campaigns.quizanswercount",
        ]
        watch_app("campaigns", not_shown=not_shown)
        cache_group("events")
        cache_rules.register()
