"""Staff invite organizations in one action: one link each, emailed through the task queue (one
queued email per invitation, after commit), shown for copying; partner members see theirs."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from partners.models import Membership, PartnerRole
from surveys import services
from surveys.models import Invitation, SurveyStatus
from surveys.selectors import invitation_link
from tests import factories
from tests.surveys.factories import build_survey, invite

LINK = re.compile(r"https?://\S+/respond/\S+/")


@pytest.fixture
def lenders(db):
    """Two active lending partners (one with an email), an empowerment-only one, an inactive lender."""
    return {
        "with_email": factories.OrganizationFactory(
            name_ar="صندوق التمويل الأصغر", role=PartnerRole.LENDING, email="fund@example.org"
        ),
        "no_email": factories.OrganizationFactory(name_ar="مؤسسة نهد التنموية", role=PartnerRole.BOTH),
        "empowerment": factories.OrganizationFactory(name_ar="اللجنة الوطنية للمرأة", role=PartnerRole.EMPOWERMENT),
        "inactive": factories.OrganizationFactory(name_ar="مؤسسة متوقفة", role=PartnerRole.LENDING, is_active=False),
    }


def test_the_invite_form_checks_every_active_lending_partner_not_invited_yet(staff_client, built, lenders, org_a):
    invite(built.survey, org_a)
    form = staff_client.get(f"/en/surveys/{built.survey.pk}/invite/").context["form"]
    assert set(form.fields["organizations"].initial) == {lenders["with_email"].pk, lenders["no_email"].pk}
    offered = set(form.fields["organizations"].queryset)
    assert lenders["empowerment"] in offered, "staff may also choose another organization"
    assert org_a not in offered and lenders["inactive"] not in offered


def test_inviting_queues_one_email_per_invitation_after_commit(
    staff_client, built, lenders, django_capture_on_commit_callbacks
):
    chosen = [lenders["with_email"].pk, lenders["no_email"].pk, lenders["empowerment"].pk]
    factories.ContactFactory(organization=lenders["empowerment"], email="women@example.org")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = staff_client.post(
            f"/ar/surveys/{built.survey.pk}/invite/", {"organizations": chosen, "language": "ar"}
        )
    assert response["Location"] == f"/ar/surveys/{built.survey.pk}/board/"
    assert Invitation.objects.filter(survey=built.survey).count() == 3
    assert mail.outbox == [], "the request only queues: nothing is sent before the commit"
    assert len(callbacks) == 2, "one queued email per invitation that has an address"
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 2
    assert Invitation.objects.get(organization=lenders["no_email"]).sent_at is None


def test_the_email_goes_to_the_organization_its_contacts_and_members_once_each(
    built, org_a, staff, django_capture_on_commit_callbacks
):
    org_a.email = "info@alawn.example"
    org_a.save()
    factories.ContactFactory(organization=org_a, email="INFO@alawn.example")
    factories.ContactFactory(organization=org_a, email="projects@alawn.example")
    factories.member_of(org_a, username="member1", email="member1@alawn.example")
    suspended = factories.member_of(org_a, username="member2", email="member2@alawn.example")
    Membership.objects.filter(user=suspended).update(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_create(survey=built.survey, organizations=[org_a], by=staff, language="ar")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["info@alawn.example", "projects@alawn.example", "member1@alawn.example"]


def test_the_invitation_email_is_in_arabic_by_default_with_the_link_and_the_deadline(
    built, org_a, staff, respondent, django_capture_on_commit_callbacks
):
    org_a.email = "info@alawn.example"
    org_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        (invitation,) = services.invitations_create(survey=built.survey, organizations=[org_a], by=staff)
    message = mail.outbox[0]
    assert built.survey.title_ar in message.subject
    assert org_a.name_ar in message.body
    assert built.survey.closes_on.strftime("%d/%m/%Y") in message.body
    (link,) = LINK.findall(message.body)
    assert urlsplit(link).path.startswith("/ar/surveys/")
    assert link == invitation_link(invitation, language="ar")
    assert respondent.get(urlsplit(link).path).status_code == 200


def test_staff_may_choose_english_for_the_email(built, org_a, staff_client, django_capture_on_commit_callbacks):
    org_a.email = "info@alawn.example"
    org_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(f"/ar/surveys/{built.survey.pk}/invite/", {"organizations": [org_a.pk], "language": "en"})
    message = mail.outbox[0]
    assert "Test questionnaire" in message.subject
    assert "/en/surveys/" in message.body
    assert Invitation.objects.get(organization=org_a).language == "en"


def test_an_organization_without_email_is_invited_and_its_link_is_shown_for_copying(staff_client, built, lenders):
    staff_client.post(
        f"/en/surveys/{built.survey.pk}/invite/", {"organizations": [lenders["no_email"].pk], "language": "ar"}
    )
    invitation = Invitation.objects.get(organization=lenders["no_email"])
    board = staff_client.get(f"/ar/surveys/{built.survey.pk}/board/").content.decode()
    assert f'value="{invitation_link(invitation, language="ar")}"' in board
    english = staff_client.get(f"/en/surveys/{built.survey.pk}/board/").content.decode()
    assert "No email address: copy the link" in english


def test_staff_record_that_they_passed_a_link_on_themselves(staff_client, built, lenders):
    invitation = invite(built.survey, lenders["no_email"])
    staff_client.post(f"/ar/surveys/invitations/{invitation.pk}/shared/")
    invitation.refresh_from_db()
    assert invitation.sent_at is not None


def test_inviting_twice_keeps_one_invitation_per_organization(built, org_a, staff):
    services.invitations_create(survey=built.survey, organizations=[org_a], by=staff)
    again = services.invitations_create(survey=built.survey, organizations=[org_a], by=staff)
    assert again == []
    assert Invitation.objects.filter(survey=built.survey, organization=org_a).count() == 1


def test_a_survey_that_is_not_open_cannot_be_sent(org_a, staff):
    draft = build_survey(status=SurveyStatus.DRAFT)
    with pytest.raises(ValidationError):
        services.invitations_create(survey=draft.survey, organizations=[org_a], by=staff)
    assert not Invitation.objects.exists()


def test_a_new_link_replaces_the_old_one_and_keeps_the_answers(built, org_a, staff_client, respondent):
    invitation = invite(built.survey, org_a)
    old = invitation_link(invitation, language="ar")
    staff_client.post(f"/ar/surveys/invitations/{invitation.pk}/revoke/")
    assert respondent.get(urlsplit(old).path).status_code == 404
    staff_client.post(f"/ar/surveys/invitations/{invitation.pk}/renew/")
    invitation.refresh_from_db()
    new = invitation_link(invitation, language="ar")
    assert new != old and invitation.revoked_at is None
    assert respondent.get(urlsplit(new).path).status_code == 200


def test_a_partner_member_finds_their_invitation_in_the_portal(member_a_client, built, org_a):
    invitation = invite(built.survey, org_a)
    page = member_a_client.get("/ar/surveys/mine/").content.decode()
    assert invitation_link(invitation, language="ar", absolute=False) in page
    home = member_a_client.get("/ar/").content.decode()
    assert invitation_link(invitation, language="ar", absolute=False) in home
    assert member_a_client.get(invitation_link(invitation, language="ar", absolute=False)).status_code == 200


def test_a_partner_member_does_not_see_a_draft_survey_s_invitation(member_a_client, org_a):
    draft = build_survey(status=SurveyStatus.DRAFT, title_ar="مسودة استبيان")
    invite(draft.survey, org_a)
    assert "مسودة استبيان" not in member_a_client.get("/ar/surveys/mine/").content.decode()


def test_the_organization_page_shows_its_questionnaires_to_staff_and_to_its_members(
    staff_client, member_a_client, member_b_client, built, org_a
):
    invite(built.survey, org_a)
    url = org_a.get_absolute_url()
    assert built.survey.title_ar in staff_client.get(url).content.decode()
    assert built.survey.title_ar in member_a_client.get(url).content.decode()
    assert built.survey.title_ar not in member_b_client.get(url).content.decode()
