from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules import models, which exist only once apps are loaded.
        # Django names Khmer "Khmer" even in Khmer (name_local); the admin's language menu shows it.
        from django.conf.locale import LANG_INFO

        LANG_INFO["km"]["name_local"] = "ខ្មែរ"

        from home import admin_labels

        admin_labels.relabel()  # the choosers' "Search" tab in the admin's language, not the server's

        from home.caching import purges

        purges.connect()

        from home.caching import routing

        routing.install()

        from home.security import spreadsheets

        spreadsheets.install()

        from home.http import bad_input

        bad_input.install()

        from home import setup_site  # noqa: F401  (registers home's steps of ``manage.py setup_site``)
