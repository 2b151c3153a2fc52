from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import users
from meetings import demo as meetings_demo
from partners import demo as partners_demo
from surveys import demo as surveys_demo


class Command(BaseCommand):
    help = "Load the seed's story (organizations, people, districts...) and, with DEBUG on, one login per role."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-logins", action="store_true", help="Load the data only; do not create the demo logins."
        )

    def handle(self, *args, no_logins=False, **options):
        if not no_logins and not settings.DEBUG:
            raise CommandError(
                "Refusing to create demo logins with DEBUG off: they have known passwords. "
                "Use --no-logins to load only the demo data."
            )
        with transaction.atomic():
            organizations = partners_demo.load()
            logins = [] if no_logins else users.load()
            surveys_demo.load(organizations)
            meetings_demo.load(organizations)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        if logins:
            self.stdout.write("")
            self.stdout.write(f"Demo logins ({settings.SITE_URL}/):")
            for username, password, role in logins:
                self.stdout.write(f"  {username:<10} {password:<16} {role}")
