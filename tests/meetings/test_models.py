"""Invariants the database keeps whatever code writes: constraints and the minutes lock."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.models import (
    Attendance,
    Document,
    MeetingKind,
    MinutesLockedError,
    MinutesState,
    MinutesVersion,
)

from . import factories as mf


def test_the_database_refuses_a_meeting_that_ends_before_it_starts(meeting_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        type(meeting_a).objects.filter(pk=meeting_a.pk).update(
            ends_at=meeting_a.starts_at - datetime.timedelta(hours=1)
        )


def test_only_a_workshop_has_a_capacity_and_only_a_committee_meeting_a_committee(meeting_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        type(meeting_a).objects.filter(pk=meeting_a.pk).update(capacity=10)
    committee = mf.CommitteeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(meeting_a).objects.filter(pk=meeting_a.pk).update(committee=committee)
    type(meeting_a).objects.filter(pk=meeting_a.pk).update(kind=MeetingKind.COMMITTEE, committee=committee)


def test_a_document_belongs_to_a_meeting_or_a_committee_never_both_nor_neither(meeting_a):
    committee = mf.CommitteeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(meeting=meeting_a, committee=committee, title_ar="وثيقة")
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(title_ar="وثيقة")


def test_a_person_is_on_a_meeting_list_once(meeting_a, org_a):
    contact = mf.factories.ContactFactory(organization=org_a)
    mf.attendee(meeting_a, contact)
    with pytest.raises(IntegrityError), transaction.atomic():
        mf.attendee(meeting_a, contact)


def test_a_group_without_names_has_no_contact_and_a_headcount_only_if_it_is_a_group(meeting_a, org_a):
    contact = mf.factories.ContactFactory(organization=org_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=meeting_a, organization=org_a, contact=contact, name_ar="x", is_group=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=meeting_a, organization=org_a, name_ar="x", headcount=3)


class TestApprovedMinutesAreLocked:
    def test_saving_an_approved_version_is_refused(self, meeting_a):
        version = mf.minutes(meeting_a, state=MinutesState.APPROVED)
        version.text_ar = "نص آخر"
        with pytest.raises(MinutesLockedError):
            version.save()
        assert MinutesVersion.objects.get(pk=version.pk).text_ar == "نص المحضر"

    def test_a_queryset_update_or_delete_touching_an_approved_version_is_refused(self, meeting_a):
        version = mf.minutes(meeting_a, state=MinutesState.APPROVED)
        with pytest.raises(MinutesLockedError):
            MinutesVersion.objects.filter(meeting=meeting_a).update(text_ar="نص آخر")
        with pytest.raises(MinutesLockedError):
            MinutesVersion.objects.filter(meeting=meeting_a).delete()
        with pytest.raises(MinutesLockedError):
            version.delete()
        assert MinutesVersion.objects.get(pk=version.pk).text_ar == "نص المحضر"

    def test_a_draft_can_still_be_changed(self, meeting_a):
        version = mf.minutes(meeting_a, state=MinutesState.DRAFT)
        version.text_ar = "نص معدل"
        version.save()
        assert MinutesVersion.objects.get(pk=version.pk).text_ar == "نص معدل"

    def test_only_one_version_of_a_meeting_may_be_open_at_a_time(self, meeting_a):
        mf.minutes(meeting_a, state=MinutesState.DRAFT, number=1)
        with pytest.raises(IntegrityError), transaction.atomic():
            mf.minutes(meeting_a, state=MinutesState.DRAFT, number=2)

    def test_an_approved_state_needs_an_approval_time(self, meeting_a):
        with pytest.raises(IntegrityError), transaction.atomic():
            MinutesVersion.objects.create(
                meeting=meeting_a, number=1, state=MinutesState.APPROVED, circulated_at=meeting_a.starts_at
            )

    def test_a_meeting_with_minutes_cannot_be_deleted(self, meeting_a):
        mf.minutes(meeting_a, state=MinutesState.APPROVED)
        from django.db.models import ProtectedError

        with pytest.raises(ProtectedError):
            meeting_a.delete()


def test_a_meeting_cannot_follow_itself_or_make_a_circle(meeting_a, smeps):
    second = mf.MeetingFactory(
        host=smeps, follows=meeting_a, starts_at=meeting_a.starts_at + datetime.timedelta(days=3)
    )
    meeting_a.follows = meeting_a
    with pytest.raises(ValidationError) as raised:
        meeting_a.full_clean()
    assert "follows" in raised.value.error_dict
    meeting_a.follows = second
    with pytest.raises(ValidationError) as raised:
        meeting_a.full_clean()
    assert "follows" in raised.value.error_dict
