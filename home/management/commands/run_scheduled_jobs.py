from django.core.management.base import BaseCommand, CommandError

from home import scheduled_jobs


class Command(BaseCommand):
    help = (
        "Run the scheduled jobs that are due (publish scheduled pages, clear sessions, purge old revisions, ...), "
        "each on one host at a time (a PostgreSQL advisory lock). Safe to call from cron on every host."
    )

    def add_arguments(self, parser):
        parser.add_argument("jobs", nargs="*", help="only these jobs (default: all)")
        parser.add_argument("--force", action="store_true", help="run even if not due (still one host at a time)")
        parser.add_argument("--list", action="store_true", help="list the jobs and stop")

    def handle(self, *args, jobs, force, list, **options):
        if list:
            for job in scheduled_jobs.JOBS.values():
                self.stdout.write(f"{job.name}: every {job.every}")
            return
        unknown = [name for name in jobs if name not in scheduled_jobs.JOBS]
        if unknown:
            raise CommandError(f"No such job: {', '.join(unknown)}. Known: {', '.join(scheduled_jobs.JOBS)}")
        outcomes = scheduled_jobs.run_jobs(jobs or None, force=force)
        for name, outcome in outcomes.items():
            self.stdout.write(f"{name}: {outcome}")
        if "failed" in outcomes.values():
            raise CommandError("A scheduled job failed (see the log).")
