"""Writes to the partners registry. Views, admin actions and commands call these, nothing else."""

import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.concurrency import save_versioned
from core.mail import absolute_url, email_enqueue

from .models import Contact, MemberInvitation, Membership, Organization, ServiceOffering, hash_token

MEMBER_INVITATION_DAYS = 7


def _save_with_m2m(instance, *, expected_version: int | None, m2m: dict | None) -> None:
    instance.full_clean()
    save_versioned(instance, expected_version=expected_version)
    for name, values in (m2m or {}).items():
        getattr(instance, name).set(values)


@transaction.atomic
def organization_save(*, organization: Organization, expected_version: int | None, districts=None) -> Organization:
    """Create or update an organization; refuses an edit based on an older version."""
    _save_with_m2m(
        organization,
        expected_version=expected_version,
        m2m={"districts": districts} if districts is not None else None,
    )
    return organization


@transaction.atomic
def contact_save(*, contact: Contact, expected_version: int | None) -> Contact:
    """Create or update a contact; refuses an edit based on an older version."""
    contact.full_clean()
    save_versioned(contact, expected_version=expected_version)
    return contact


@transaction.atomic
def contact_delete(*, contact: Contact) -> None:
    contact.delete()


@transaction.atomic
def service_save(
    *, service: ServiceOffering, expected_version: int | None, segments=None, sizes=None, districts=None
) -> ServiceOffering:
    """Create or update a service offering with its segments, sizes and districts."""
    m2m = {
        name: values
        for name, values in (("segments", segments), ("sizes", sizes), ("districts", districts))
        if values is not None
    }
    _save_with_m2m(service, expected_version=expected_version, m2m=m2m)
    return service


@transaction.atomic
def service_delete(*, service: ServiceOffering) -> None:
    service.delete()


@transaction.atomic
def member_invite(
    *, organization: Organization, email: str, first_name: str = "", last_name: str = "", invited_by, language: str
) -> tuple[MemberInvitation, str]:
    """Create (or reuse) the user of `email`, link them to `organization` and email a set-password link.

    Returns the invitation and the raw token (shown once; only its hash is stored). Refuses an
    email that already belongs to another organization's member or to a staff account.
    """
    email = email.strip().lower()
    user_model = get_user_model()
    user = user_model._default_manager.filter(email__iexact=email).first()
    if user is not None:
        membership = Membership.objects.filter(user=user).first()
        if membership is None or membership.organization_id != organization.pk:
            raise ValidationError({"email": _("This email address already belongs to another account of the portal.")})
        if user.has_usable_password() and membership.is_active:
            raise ValidationError({"email": _("This person is already a member of this organization.")})
    else:
        user = user_model._default_manager.create_user(
            username=email, email=email, first_name=first_name, last_name=last_name
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.update_or_create(user=user, defaults={"organization": organization, "is_active": True})
    # A new link replaces any earlier one for the same person.
    MemberInvitation.objects.filter(user=user).usable().update(revoked_at=timezone.now())
    token = secrets.token_urlsafe(32)
    invitation = MemberInvitation.objects.create(
        organization=organization,
        user=user,
        email=email,
        token_hash=hash_token(token),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=MEMBER_INVITATION_DAYS),
    )
    with translation.override(language):
        link = absolute_url(reverse("partners:accept_invitation", args=[token]))
    email_enqueue(
        to=email,
        template="partners/email/member_invitation",
        context={"organization": organization, "link": link, "days": MEMBER_INVITATION_DAYS, "invitation": invitation},
        language=language,
    )
    return invitation, token


def member_invitation_find(*, token: str) -> MemberInvitation | None:
    """The usable invitation behind `token`, or None (unknown, used, revoked or expired)."""
    if not token or len(token) > 100:
        return None
    return (
        MemberInvitation.objects.usable()
        .select_related("user", "organization")
        .filter(token_hash=hash_token(token))
        .first()
    )


@transaction.atomic
def member_invitation_accept(*, invitation: MemberInvitation, password: str):
    """Set the member's password, activate the account and close the invitation (one use)."""
    locked = MemberInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not locked.is_usable:
        raise ValidationError(_("This invitation link has already been used or has expired."))
    user = locked.user
    user.set_password(password)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["accepted_at", "updated_at"])
    return user


@transaction.atomic
def membership_set_active(*, membership: Membership, is_active: bool) -> Membership:
    """Suspend or restore a partner member's access to their organization."""
    membership.is_active = is_active
    membership.save(update_fields=["is_active", "updated_at"])
    if not is_active:
        MemberInvitation.objects.filter(user=membership.user).usable().update(revoked_at=timezone.now())
    return membership
