"""`manage.py send_survey_reminders [--survey ID]`: for a scheduler (cron, a systemd timer).

Reminds every organization that has not submitted an open questionnaire, through the same service
as the completion board's button: at most one reminder per invitation per day, even when both run
at the same moment. Emails are queued for the task worker.
"""

from django.core.management.base import BaseCommand, CommandError

from surveys import services
from surveys.models import ReminderVia, Survey, SurveyStatus


class Command(BaseCommand):
    help = "Email a reminder to every organization that has not submitted an open questionnaire (once a day at most)."

    def add_arguments(self, parser):
        parser.add_argument("--survey", type=int, help="Only this questionnaire (its id); by default every open one.")

    def handle(self, *args, survey=None, **options):
        surveys = Survey.objects.filter(status=SurveyStatus.OPEN).order_by("pk")
        if survey is not None:
            surveys = Survey.objects.filter(pk=survey)
            if not surveys.exists():
                raise CommandError(f"No questionnaire has the id {survey}.")
            if surveys.get().status != SurveyStatus.OPEN:
                raise CommandError(f"Questionnaire {survey} is not open: no reminder is sent.")
        for item in surveys:
            result = services.invitations_remind(survey=item, by=None, via=ReminderVia.COMMAND)
            self.stdout.write(
                f"Questionnaire {item.pk}: {len(result.reminded)} reminded, "
                f"{len(result.already_today)} already reminded today, "
                f"{len(result.without_email)} without an email address."
            )
