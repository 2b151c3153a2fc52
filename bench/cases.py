"""The benchmark groups. Each compares a measurement with a baseline taken in the same run."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.access import AGENCY_STAFF_GROUP


@dataclass
class Group:
    name: str
    description: str
    run: Callable


def _staff_client() -> Client:
    from django.contrib.auth.models import Group as AuthGroup
    from django.contrib.auth.models import User

    user, _ = User.objects.get_or_create(username="bench-staff", defaults={"is_staff": True})
    user.groups.add(AuthGroup.objects.get(name=AGENCY_STAFF_GROUP))
    client = Client()
    client.force_login(user)
    return client


def _organizations(count: int, *, start: int = 0) -> None:
    from partners.models import District, Organization, ServiceOffering

    districts = list(District.objects.all()[:3])
    for n in range(start, start + count):
        org = Organization.objects.create(
            name_ar=f"مؤسسة الاختبار التنموية رقم {n}",
            name_en=f"Benchmark Foundation {n}",
            kind="foundation",
            role="both",
        )
        org.districts.set(districts)
        service = ServiceOffering.objects.create(organization=org, kind="loan", title_ar=f"قرض {n}")
        service.districts.set(districts)


def directory(timed) -> list[str]:
    """The directory page with one page of organizations (25) and with 1,000: paging keeps it flat."""
    from partners.models import Organization

    client = _staff_client()
    _organizations(25)
    small_queries, small = _page(client, "/en/partners/", timed)
    _organizations(975, start=25)
    large_queries, large = _page(client, "/en/partners/", timed)
    searched_queries, searched = _page(
        client, "/en/partners/?q=%D8%A7%D9%84%D8%AA%D9%86%D9%85%D9%88%D9%8A%D8%A9+999", timed
    )
    total = Organization.objects.count()
    return [
        f"baseline: directory with 25 organizations (one full page): {small * 1000:.1f} ms, {small_queries} queries",
        f"directory with {total} organizations: {large * 1000:.1f} ms, {large_queries} queries "
        f"-> {large / small:.2f}x the baseline",
        f"Arabic search over {total} organizations: {searched * 1000:.1f} ms, {searched_queries} queries "
        f"-> {searched / small:.2f}x the baseline",
    ]


def _page(client, url, timed) -> tuple[int, float]:
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(captured), timed(lambda: client.get(url))


def search(timed) -> list[str]:
    """Arabic-aware search (normalised column) against a plain icontains on the name."""
    from partners.models import Organization

    if Organization.objects.count() < 1000:
        _organizations(1000 - Organization.objects.count(), start=5000)
    plain = timed(lambda: list(Organization.objects.filter(name_ar__icontains="التنموية رقم 999")[:25]), repeat=15)
    normalised = timed(lambda: list(Organization.objects.search("التنمويه رقم 999")[:25]), repeat=15)
    return [
        f"baseline: name_ar icontains over {Organization.objects.count()} rows: {plain * 1000:.2f} ms",
        f"Organization.objects.search (normalised, contacts too): {normalised * 1000:.2f} ms "
        f"-> {normalised / plain:.2f}x the baseline",
    ]


def spreadsheet_import(timed) -> list[str]:
    """Importing 500 organizations from a spreadsheet, against saving the same rows through the
    service directly (the work an import cannot avoid: validation, search text, history)."""
    import tablib
    from django.db import transaction

    from partners import services
    from partners.models import District, Organization
    from partners.resources import OrganizationResource

    count = 500
    districts = list(District.objects.all()[:2])
    district_cell = "; ".join(d.name_en for d in districts)

    def by_service():
        with transaction.atomic():
            for n in range(count):
                organization = Organization(name_ar=f"جهة خدمة {n}", kind="foundation", role="lending")
                services.organization_save(organization=organization, expected_version=None, districts=districts)
            transaction.set_rollback(True)

    dataset = tablib.Dataset(headers=["name (Arabic)", "kind", "partner role", "districts served"])
    for n in range(count):
        dataset.append([f"جهة مستوردة {n}", "foundation", "lending", district_cell])

    def by_import():
        with transaction.atomic():
            result = OrganizationResource().import_data(dataset, dry_run=False)
            assert not result.has_errors() and not result.has_validation_errors()
            transaction.set_rollback(True)

    baseline = timed(by_service, repeat=3)
    imported = timed(by_import, repeat=3)
    return [
        f"baseline: {count} organizations saved through partners.services: {baseline:.2f} s "
        f"({count / baseline:.0f} rows/s)",
        f"{count} organizations imported from a spreadsheet (districts by name): {imported:.2f} s "
        f"({count / imported:.0f} rows/s) -> {imported / baseline:.2f}x the baseline",
    ]


GROUPS = [
    Group("directory", "directory page cost as the registry grows", directory),
    Group("search", "Arabic-aware search against a plain substring match", search),
    Group("import", "spreadsheet import against direct service calls", spreadsheet_import),
]
