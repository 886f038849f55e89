"""``manage.py forget_rate_counts``: delete the rate counts of windows that are over (home/security/rate_limits.py).

Requests delete them as they go (about one write in 200); this is for a cron job on a quiet site.
"""

from django.core.management.base import BaseCommand

from home.security.rate_limits import forget_expired


class Command(BaseCommand):
    help = "Delete the rate-limit counts of time windows that are over."

    def handle(self, *args, **options):
        self.stdout.write(f"{forget_expired()} rate counts deleted.")
