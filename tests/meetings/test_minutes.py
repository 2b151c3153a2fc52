"""Minutes: draft -> circulated (attendees emailed through the task queue) -> approved and locked;
a change after approval is a new version and the approved one stays readable."""

import pytest
from django.core import mail

from meetings import extensions
from meetings.models import MinutesState, MinutesVersion
from tests import factories

from . import factories as mf


def edit(client, meeting, text_ar: str, *, text_en: str = "", base: MinutesVersion | None = None):
    data = {"text_ar": text_ar, "text_en": text_en}
    if base is not None:
        data.update(version=base.version, based_on=base.number)
    return client.post(f"/ar/meetings/{meeting.pk}/minutes/edit/", data)


def test_the_first_save_writes_version_one_as_a_draft_and_editing_a_draft_changes_it(staff_client, meeting_a):
    assert edit(staff_client, meeting_a, "المسودة الأولى").status_code == 302
    draft = MinutesVersion.objects.get()
    assert (draft.number, draft.state, draft.text_ar) == (1, MinutesState.DRAFT, "المسودة الأولى")
    assert edit(staff_client, meeting_a, "المسودة المعدلة", base=draft).status_code == 302
    assert list(MinutesVersion.objects.values_list("number", "text_ar")) == [(1, "المسودة المعدلة")]


def test_an_edit_from_a_stale_form_is_refused(staff_client, meeting_a):
    draft = mf.minutes(meeting_a)
    stale_version = draft.version
    assert edit(staff_client, meeting_a, "تعديل أول", base=draft).status_code == 302
    draft.version = stale_version
    response = edit(staff_client, meeting_a, "تعديل قديم", base=draft)
    assert response.status_code == 200
    assert MinutesVersion.objects.get().text_ar == "تعديل أول"


@pytest.fixture
def attendees_with_emails(meeting_a, org_a, smeps):
    mf.attendee(meeting_a, factories.ContactFactory(organization=org_a, email="sabban@alawn.example"), present=True)
    mf.attendee(meeting_a, factories.ContactFactory(organization=smeps, email="Director@SMEPS.example"), present=True)
    mf.attendee(meeting_a, factories.ContactFactory(organization=smeps, email=""), present=True)


def test_circulating_emails_each_attendee_and_invited_member_a_link_once(
    staff_client, meeting_a, attendees_with_emails, member_a, member_b, django_capture_on_commit_callbacks
):
    draft = mf.minutes(meeting_a)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = staff_client.post(f"/ar/meetings/{meeting_a.pk}/minutes/circulate/", {"language": "ar"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == MinutesState.CIRCULATED
    assert draft.circulated_at is not None
    # One task per recipient, queued only when the transaction committed.
    assert len(callbacks) == 3
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["director@smeps.example", "member_a@example.org", "sabban@alawn.example"]
    assert all(len(message.to) == 1 for message in mail.outbox)
    message = mail.outbox[0]
    assert f"/ar/meetings/{meeting_a.pk}/minutes/" in message.body
    assert meeting_a.title_ar in message.subject


def test_the_request_only_queues_the_emails(staff_client, meeting_a, attendees_with_emails):
    mf.minutes(meeting_a)
    # Inside the test's transaction nothing commits: nothing may have been sent yet.
    staff_client.post(f"/ar/meetings/{meeting_a.pk}/minutes/circulate/", {"language": "ar"})
    assert mail.outbox == []


def test_only_circulated_minutes_can_be_approved_then_they_are_locked(staff_client, meeting_a):
    draft = mf.minutes(meeting_a)
    staff_client.post(f"/ar/meetings/{meeting_a.pk}/minutes/approve/")
    draft.refresh_from_db()
    assert draft.state == MinutesState.DRAFT
    staff_client.post(f"/ar/meetings/{meeting_a.pk}/minutes/circulate/", {"language": "en"})
    staff_client.post(f"/ar/meetings/{meeting_a.pk}/minutes/approve/")
    draft.refresh_from_db()
    assert draft.state == MinutesState.APPROVED
    assert draft.approved_by.username == "staff"


def test_editing_approved_minutes_makes_a_new_version_and_the_approved_one_stays_readable_and_unchanged(
    staff_client, member_a_client, meeting_a
):
    approved = mf.minutes(meeting_a, state=MinutesState.APPROVED, text_ar="النص المعتمد")
    response = edit(staff_client, meeting_a, "تصحيح بعد الاعتماد", base=approved)
    assert response.status_code == 302
    approved.refresh_from_db()
    assert (approved.state, approved.text_ar) == (MinutesState.APPROVED, "النص المعتمد")
    new = MinutesVersion.objects.get(number=2)
    assert (new.state, new.text_ar) == (MinutesState.DRAFT, "تصحيح بعد الاعتماد")
    old_page = staff_client.get(f"/ar/meetings/{meeting_a.pk}/minutes/versions/1/")
    assert "النص المعتمد" in old_page.content.decode()
    # Partners keep reading the approved version until the new one is circulated.
    partner_page = member_a_client.get(f"/ar/meetings/{meeting_a.pk}/minutes/").content.decode()
    assert "النص المعتمد" in partner_page
    assert "تصحيح بعد الاعتماد" not in partner_page


def test_editing_circulated_minutes_makes_them_a_draft_again(staff_client, meeting_a):
    circulated = mf.minutes(meeting_a, state=MinutesState.CIRCULATED)
    edit(staff_client, meeting_a, "بعد الملاحظات", base=circulated)
    circulated.refresh_from_db()
    assert (circulated.number, circulated.state, circulated.circulated_at) == (1, MinutesState.DRAFT, None)


@pytest.mark.parametrize("persona", ["member_a", "governor"])
def test_drafts_are_the_secretarys_until_circulated(persona, client_as, meeting_a):
    mf.minutes(meeting_a, text_ar="مسودة سرية")
    response = client_as(persona).get(f"/en/meetings/{meeting_a.pk}/minutes/")
    html = response.content.decode()
    assert "مسودة سرية" not in html
    assert "The minutes have not been circulated yet." in html
    assert client_as(persona).get(f"/en/meetings/{meeting_a.pk}/minutes/pdf/").status_code == 404


def test_script_in_the_minutes_is_escaped_on_the_page(staff_client, meeting_a):
    mf.minutes(meeting_a, text_en='<script>alert("minutes")</script>\n- <img src=x onerror=alert(1)>')
    html = staff_client.get(f"/en/meetings/{meeting_a.pk}/minutes/").content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;minutes&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_minutes_page_carries_a_print_stylesheet_that_hides_the_portals_chrome(staff_client, meeting_a):
    mf.minutes(meeting_a, state=MinutesState.APPROVED)
    html = staff_client.get(f"/en/meetings/{meeting_a.pk}/minutes/").content.decode()
    assert "/static/meetings/meetings.css" in html
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("meetings/meetings.css")).read_text(encoding="utf-8")
    printed = css[css.index("@media print") :]
    assert ".meeting-tabs" in printed and ".minutes-actions" in printed
    assert "left" not in css and "right" not in css


def test_a_registered_section_appears_numbered_in_the_minutes(staff_client, meeting_a):
    mf.minutes(meeting_a, state=MinutesState.APPROVED)

    def recommendations(meeting, *, user):
        return extensions.MinutesSection(
            title="Recommendations", items=[extensions.SectionItem(number="1", text="<i>Coordinate</i> services")]
        )

    extensions.register_minutes_section(recommendations)
    html = staff_client.get(f"/en/meetings/{meeting_a.pk}/minutes/").content.decode()
    assert "<h2>Recommendations</h2>" in html
    assert '<li value="1"><bdi>&lt;i&gt;Coordinate&lt;/i&gt; services</bdi>' in html
