"""Access rows of the partners registry. The objects belong to org A unless the row says otherwise."""

from partners import services
from tests import factories
from tests.access import FORBIDDEN, LOGIN, NOT_ALLOWED, NOT_FOUND, OK, Row, answers

READERS = answers(staff=OK, member_a=OK, member_b=OK, governor=OK, anonymous=LOGIN)
STAFF_ONLY = answers(staff=OK, member_a=FORBIDDEN, member_b=FORBIDDEN, governor=FORBIDDEN, anonymous=LOGIN)
# Editing org A: staff and org A's own member; org B's member and the governor's office get 404
# from `editable_by`, so that they learn nothing about the ids.
EDITORS_OF_A = answers(staff=OK, member_a=OK, member_b=NOT_FOUND, governor=NOT_FOUND, anonymous=LOGIN)
EDITORS_OF_B = answers(staff=OK, member_a=NOT_FOUND, member_b=OK, governor=NOT_FOUND, anonymous=LOGIN)


def build(world) -> None:
    world.contact_a = factories.ContactFactory(organization=world.org_a, full_name_ar="أحمد سالم")
    world.service_a = factories.ServiceOfferingFactory(organization=world.org_a)
    world.org_inactive = factories.OrganizationFactory(name_ar="مؤسسة متوقفة", is_active=False)
    world.membership_a = world.member_a.membership
    _invitation, world.invitation_token = services.member_invite(
        organization=world.org_a,
        email="invited@example.org",
        invited_by=world.staff,
        language="ar",
    )


def _org_a(world) -> dict:
    return {"pk": world.org_a.pk}


def _in_org_a(world) -> dict:
    return {"org_pk": world.org_a.pk}


ROWS = [
    Row("partners:directory", READERS),
    Row("partners:services", READERS),
    # The suggestions of an organization box (a list filter): names of the organizations one may see.
    Row("partners:organization_suggestions", READERS, html=False, query="q=%D8%A7%D9%84%D8%B9%D9%88%D9%86"),
    Row("partners:organization_create", STAFF_ONLY),
    Row("partners:organization_detail", READERS, kwargs=_org_a),
    Row(
        "partners:organization_detail",
        answers(staff=OK, member_a=NOT_FOUND, member_b=NOT_FOUND, governor=NOT_FOUND, anonymous=LOGIN),
        kwargs=lambda world: {"pk": world.org_inactive.pk},
        id="partners:organization_detail[inactive]",
    ),
    Row("partners:organization_edit", EDITORS_OF_A, kwargs=_org_a),
    Row(
        "partners:organization_edit",
        EDITORS_OF_B,
        kwargs=lambda world: {"pk": world.org_b.pk},
        id="partners:organization_edit[org_b]",
    ),
    Row("partners:organization_history", STAFF_ONLY, kwargs=_org_a),
    Row("partners:contact_create", EDITORS_OF_A, kwargs=_in_org_a),
    Row(
        "partners:contact_edit",
        EDITORS_OF_A,
        kwargs=lambda world: {"org_pk": world.org_a.pk, "pk": world.contact_a.pk},
    ),
    Row(
        "partners:contact_edit",
        # Org B's member may edit org B, but not org A's contact reached through org B's URL.
        answers(staff=NOT_FOUND, member_a=NOT_FOUND, member_b=NOT_FOUND, governor=NOT_FOUND, anonymous=LOGIN),
        kwargs=lambda world: {"org_pk": world.org_b.pk, "pk": world.contact_a.pk},
        id="partners:contact_edit[contact_a_under_org_b]",
    ),
    Row(
        "partners:contact_delete",
        EDITORS_OF_A,
        kwargs=lambda world: {"org_pk": world.org_a.pk, "pk": world.contact_a.pk},
    ),
    Row("partners:service_create", EDITORS_OF_A, kwargs=_in_org_a),
    Row(
        "partners:service_edit",
        EDITORS_OF_A,
        kwargs=lambda world: {"org_pk": world.org_a.pk, "pk": world.service_a.pk},
    ),
    Row(
        "partners:service_delete",
        EDITORS_OF_A,
        kwargs=lambda world: {"org_pk": world.org_a.pk, "pk": world.service_a.pk},
    ),
    Row("partners:member_invite", STAFF_ONLY, kwargs=_in_org_a),
    Row(
        "partners:membership_toggle",
        answers(staff=NOT_ALLOWED, member_a=FORBIDDEN, member_b=FORBIDDEN, governor=FORBIDDEN, anonymous=LOGIN),
        kwargs=lambda world: {"org_pk": world.org_a.pk, "pk": world.membership_a.pk},
        post_only=True,
    ),
    # The invitation link is for someone without an account yet: no sign-in needed.
    Row(
        "partners:accept_invitation",
        answers(staff=OK, member_a=OK, member_b=OK, governor=OK, anonymous=OK),
        kwargs=lambda world: {"token": world.invitation_token},
    ),
    Row(
        "partners:accept_invitation",
        answers(staff=NOT_FOUND, member_a=NOT_FOUND, member_b=NOT_FOUND, governor=NOT_FOUND, anonymous=NOT_FOUND),
        kwargs=lambda world: {"token": "an-unknown-token"},
        id="partners:accept_invitation[unknown]",
    ),
]
