"""Reminders: one action (or `manage.py send_survey_reminders`) reminds everyone who has not
submitted, at most once per invitation per day, even when both run at the same moment."""

import io
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.utils import timezone

from surveys import services
from surveys.models import Reminder, ReminderVia, Response, ResponseStatus, SurveyStatus
from tests import factories
from tests.surveys.factories import build_survey, invite


def lender(name: str, email: str | None = "{slug}@example.org"):
    slug = name.replace(" ", "-")
    return factories.OrganizationFactory(name_en=name, email=email.format(slug=slug) if email else "")


@pytest.fixture
def waiting(built):
    """Three invitations waiting for an answer, one submitted, one revoked, one never sent."""
    now = timezone.now()
    made = {name: invite(built.survey, lender(name), sent_at=now) for name in ("first", "second", "done", "revoked")}
    made["opened only"] = invite(built.survey, lender("opened only"), first_opened_at=now)
    made["never sent"] = invite(built.survey, lender("never sent"))
    Response.objects.create(invitation=made["done"], status=ResponseStatus.SUBMITTED, submitted_at=now)
    services.invitation_revoke(invitation=made["revoked"], by=None)
    return made


def remind(survey, *, today=None, via=ReminderVia.ACTION):
    return services.invitations_remind(survey=survey, by=None, via=via, today=today)


def test_everyone_who_has_not_submitted_is_reminded_once(built, waiting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = remind(built.survey)
    reminded = {invitation.organization.name_en for invitation in result.reminded}
    assert reminded == {"first", "second", "opened only"}
    assert sorted(message.to[0] for message in mail.outbox) == [
        "first@example.org",
        "opened-only@example.org",
        "second@example.org",
    ]
    assert Reminder.objects.count() == 3


def test_a_second_run_the_same_day_sends_nothing(built, waiting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        remind(built.survey)
        again = remind(built.survey, via=ReminderVia.COMMAND)
    assert again.reminded == []
    assert len(again.already_today) == 3
    assert len(mail.outbox) == 3
    assert Reminder.objects.count() == 3


def test_the_next_day_they_are_reminded_again(built, waiting, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        remind(built.survey, today=today)
        tomorrow = remind(built.survey, today=today + timedelta(days=1))
    assert len(tomorrow.reminded) == 3
    assert len(mail.outbox) == 6
    assert set(Reminder.objects.values_list("sent_on", flat=True)) == {today, today + timedelta(days=1)}


def test_an_organization_without_email_is_reported_not_reminded(built, django_capture_on_commit_callbacks):
    silent = invite(built.survey, lender("silent", email=None), sent_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        result = remind(built.survey)
    assert result.without_email == [silent]
    assert mail.outbox == [] and not Reminder.objects.exists()


def test_the_reminder_email_is_in_the_invitation_s_language_with_the_link(built, django_capture_on_commit_callbacks):
    built.survey.closes_on = timezone.localdate() - timedelta(days=2)
    built.survey.save()
    invite(built.survey, lender("arabic"), sent_at=timezone.now())
    invite(built.survey, lender("english"), sent_at=timezone.now(), language="en")
    with django_capture_on_commit_callbacks(execute=True):
        remind(built.survey)
    by_address = {message.to[0]: message for message in mail.outbox}
    english = by_address["english@example.org"]
    assert english.subject.startswith("Reminder: Test questionnaire")
    assert "your answers are still welcome" in english.body
    assert "/en/surveys/" in english.body and "/respond/" in english.body
    arabic = by_address["arabic@example.org"]
    assert built.survey.title_ar in arabic.subject
    assert "/ar/surveys/" in arabic.body and "Reminder" not in arabic.subject


def test_the_board_action_reminds_and_says_how_many(
    built, waiting, staff_client, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = staff_client.post(f"/en/surveys/{built.survey.pk}/remind/", follow=True)
    assert "Reminders were sent to 3 organizations." in page.content.decode()
    assert set(Reminder.objects.values_list("via", "sent_by")) == {(ReminderVia.ACTION, staff.pk)}
    again = staff_client.post(f"/en/surveys/{built.survey.pk}/remind/", follow=True).content.decode()
    assert "3 organizations were already reminded today" in again


def test_the_command_uses_the_same_rule(built, waiting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        remind(built.survey)
        out = io.StringIO()
        call_command("send_survey_reminders", stdout=out)
    assert "0 reminded, 3 already reminded today" in out.getvalue()
    assert len(mail.outbox) == 3


def test_the_command_reminds_every_open_survey_or_the_one_asked(built, waiting, django_capture_on_commit_callbacks):
    other = build_survey(title_ar="استبيان ثان")
    invite(other.survey, lender("other"), sent_at=timezone.now())
    closed = build_survey(title_ar="استبيان مغلق", status=SurveyStatus.CLOSED)
    invite(closed.survey, lender("closed"), sent_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_survey_reminders", "--survey", str(other.survey.pk), stdout=io.StringIO())
    assert [m.to[0] for m in mail.outbox] == ["other@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_survey_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 4
    assert not Reminder.objects.filter(invitation__survey=closed.survey).exists()
    with pytest.raises(CommandError):
        call_command("send_survey_reminders", "--survey", str(closed.survey.pk), stdout=io.StringIO())


def test_a_closed_survey_sends_no_reminder(built, waiting):
    services.survey_close(survey=built.survey, by=None)
    with pytest.raises(ValidationError):
        remind(built.survey)
    assert not Reminder.objects.exists()


@pytest.mark.postgres
def test_the_action_and_the_command_at_the_same_moment_send_one_reminder_each(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...)")
    built = build_survey()
    pending = [invite(built.survey, lender(f"lender {n}"), sent_at=timezone.now()) for n in range(8)]
    start = threading.Barrier(2)
    errors = []

    def run(via):
        try:
            start.wait(timeout=10)
            services.invitations_remind(survey=built.survey, by=None, via=via)
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(via,)) for via in (ReminderVia.ACTION, ReminderVia.COMMAND)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert Reminder.objects.count() == len(pending)
    for invitation in pending:
        assert Reminder.objects.filter(invitation=invitation).count() == 1
    assert sorted(message.to[0] for message in mail.outbox) == sorted(f"lender-{n}@example.org" for n in range(8))
