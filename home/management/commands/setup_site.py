from django.core.management.base import BaseCommand

from home import setup_site


class Command(BaseCommand):
    help = (
        "First install of a production site, without demo content: home page, section pages in Khmer and "
        "English, roles, the campaign review workflow, the hotline setting. Safe to run again."
    )

    def handle(self, *args, **options):
        def report(name, outcome):
            self.stdout.write(f"  {name}: {outcome or 'already there'}")

        setup_site.run(report)
        self.stdout.write(self.style.SUCCESS("Site ready."))
