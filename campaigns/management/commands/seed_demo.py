from django.core.management.base import BaseCommand

from campaigns.demo import seed as demo


class Command(BaseCommand):
    help = "Create or update the demo content (bilingual pages, help services, demo accounts). Safe to run again."

    def handle(self, *args, **options):
        home = demo.seed()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: home page {home.url_path}"))
