"""factory_boy factories shared by every app's tests."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.access import AGENCY_STAFF_GROUP, GOVERNOR_OFFICE_GROUP
from partners.models import (
    Contact,
    District,
    Membership,
    Organization,
    OrganizationKind,
    PartnerRole,
    ProjectSize,
    ServiceKind,
    ServiceOffering,
    YouthSegment,
)

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get_or_create(name=name)[0])
        if create:
            self.save()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    name_ar = factory.Sequence(lambda n: f"مؤسسة اختبار {n}")
    name_en = factory.Sequence(lambda n: f"Test Foundation {n}")
    kind = OrganizationKind.FOUNDATION
    role = PartnerRole.BOTH
    is_active = True

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if create and extracted:
            self.districts.set(extracted)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    organization = factory.SubFactory(OrganizationFactory)
    full_name_ar = factory.Sequence(lambda n: f"شخص {n}")
    full_name_en = factory.Sequence(lambda n: f"Person {n}")


class ServiceOfferingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceOffering
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    kind = ServiceKind.LOAN
    title_ar = factory.Sequence(lambda n: f"خدمة {n}")
    title_en = factory.Sequence(lambda n: f"Service {n}")

    @factory.post_generation
    def segments(self, create, extracted, **kwargs):
        if create and extracted:
            self.segments.set(extracted)

    @factory.post_generation
    def sizes(self, create, extracted, **kwargs):
        if create and extracted:
            self.sizes.set(extracted)

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if create and extracted:
            self.districts.set(extracted)


def staff_user(**kwargs):
    return UserFactory(groups=[AGENCY_STAFF_GROUP], is_staff=True, **kwargs)


def governor_user(**kwargs):
    return UserFactory(groups=[GOVERNOR_OFFICE_GROUP], **kwargs)


def member_of(organization, **kwargs):
    user = UserFactory(**kwargs)
    Membership.objects.create(user=user, organization=organization)
    return user


def district(name_ar: str = "المكلا") -> District:
    return District.objects.get(name_ar=name_ar)


def segment(code: str) -> YouthSegment:
    """One of the seed's youth segments (a data migration creates them): university_graduates..."""
    return YouthSegment.objects.get(code=code)


def size(code: str) -> ProjectSize:
    """A project size from the data migration: micro or small."""
    return ProjectSize.objects.get(code=code)
