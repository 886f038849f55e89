from django.core.management.base import BaseCommand

from campaigns.events.photos import file_existing_photos


class Command(BaseCommand):
    help = (
        "Move outreach event photos logged before province photo collections existed into their province's "
        "collection, with private files (campaigns/events/photos.py). Safe to run again."
    )

    def handle(self, *args, **options):
        moved = file_existing_photos()
        self.stdout.write(self.style.SUCCESS(f"{moved} photo(s) moved to their province's collection."))
