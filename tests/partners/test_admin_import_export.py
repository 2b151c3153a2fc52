"""The partners registry in the admin: spreadsheet export and import (CSV, XLSX, Arabic or English
headers), the change history, versioned saves, and who may get in."""

import csv
import io
import os
import tempfile

import openpyxl
import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import trans_real

from core.concurrency import StaleEditError
from core.spreadsheets.errors import MESSAGES
from partners import services
from partners.models import Contact, District, Organization, ProjectSize, ServiceOffering, YouthSegment
from partners.resources import ContactResource, OrganizationResource, ServiceOfferingResource
from tests import factories
from tests.core import spreadsheet_files

CSV, XLSX = "0", "1"  # the admin's format choices, in the order the admin offers them

# What the Arabic catalogue will hold; set here so that the tests do not depend on its wording.
ARABIC = {
    "name (Arabic)": "الاسم بالعربية",
    "name (English)": "الاسم بالإنجليزية",
    "short name": "الاسم المختصر",
    "kind": "النوع",
    "partner role": "دور الشريك",
    "districts served": "المديريات المخدومة",
    "organization": "الجهة",
    "full name (Arabic)": "الاسم الكامل بالعربية",
    "kind of service": "نوع الخدمة",
    "service name (Arabic)": "اسم الخدمة بالعربية",
    "smallest loan (YER)": "أصغر قرض (ريال)",
    "largest loan (YER)": "أكبر قرض (ريال)",
    "Bank": "بنك",
    "Lending": "إقراض",
    "Loan": "قرض",
    "Row %(row)s of the file (the header is row 1), column “%(column)s”: %(problem)s": (
        "الصف %(row)s من الملف (صف العناوين هو الصف 1)، العمود “%(column)s”: %(problem)s"
    ),
    "“%(value)s” is not one of the allowed values: %(allowed)s.": "“%(value)s” ليست من القيم المسموحة: %(allowed)s.",
}


@pytest.fixture
def arabic_catalogue():
    catalogue = trans_real.translation("ar")._catalog._catalogs[0]
    saved = {msgid: catalogue[msgid] for msgid in ARABIC if msgid in catalogue}
    catalogue.update(ARABIC)
    yield ARABIC
    for msgid in ARABIC:
        catalogue.pop(msgid, None)
    catalogue.update(saved)


def csv_upload(rows, name="partners.csv"):
    stream = io.StringIO()
    csv.writer(stream).writerows(rows)
    return SimpleUploadedFile(name, stream.getvalue().encode("utf-8"), content_type="text/csv")


def xlsx_upload(rows, name="partners.xlsx"):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    return SimpleUploadedFile(name, stream.getvalue())


def admin_url(language, model, view):
    return f"/{language}/admin/partners/{model._meta.model_name}/{view}/"


def preview(client, language, model, upload, file_format):
    return client.post(
        admin_url(language, model, "import"), {"format": file_format, "resource": "0", "import_file": upload}
    )


def confirm(client, language, model, preview_response):
    confirm_form = preview_response.context["confirm_form"]
    return client.post(admin_url(language, model, "process_import"), confirm_form.initial)


def export(client, language, model, resource_class, file_format):
    data = {"format": file_format, "resource": "0"}
    for name in resource_class().get_export_order():
        data[f"{resource_class.__name__.lower()}_{name}"] = "on"
    response = client.post(admin_url(language, model, "export"), data)
    assert response.status_code == 200, response.content[:500]
    return response.content


def read_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def read_xlsx(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content)).active


def problems(response) -> list[str]:
    return response.context["result"].error_messages()


# Who may get in.


@pytest.mark.parametrize("persona", ["member_a", "governor"])
def test_a_partner_member_or_the_governors_office_cannot_reach_the_admin_or_its_import(persona, client_as):
    client = client_as(persona)
    for url in ("/en/admin/", admin_url("en", Organization, "import"), admin_url("en", Organization, "export")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/admin/login/")
    upload = csv_upload([["name_ar", "kind", "role"], ["مؤسسة دخيلة", "bank", "lending"]])
    response = preview(client, "en", Organization, upload, CSV)
    assert response.status_code == 302
    assert not Organization.objects.filter(name_ar="مؤسسة دخيلة").exists()


# Export.


def _organization_with_districts(**kwargs):
    organization = factories.OrganizationFactory(kind="bank", role="lending", **kwargs)
    organization.districts.set([factories.district("المكلا"), factories.district("سيئون")])
    return organization


def test_a_csv_export_under_arabic_has_the_arabic_headers_and_labels(staff_client, arabic_catalogue):
    _organization_with_districts(name_ar="بنك الأمل", name_en="Al-Amal Bank")
    rows = read_csv(export(staff_client, "ar", Organization, OrganizationResource, CSV))
    header = rows[0]
    assert header[:5] == ["الاسم بالعربية", "الاسم بالإنجليزية", "الاسم المختصر", "النوع", "دور الشريك"]
    line = dict(zip(header, rows[1], strict=True))
    assert line["الاسم بالعربية"] == "بنك الأمل"
    assert line["النوع"] == "بنك"
    assert line["دور الشريك"] == "إقراض"
    assert line["المديريات المخدومة"] == "المكلا; سيئون"


def test_an_xlsx_export_under_english_has_the_english_headers_and_loans_as_number_cells(staff_client, org_a):
    service = factories.ServiceOfferingFactory(organization=org_a, loan_min_yer=500000, loan_max_yer=5000000)
    service.segments.set([factories.segment("university_graduates")])
    sheet = read_xlsx(export(staff_client, "en", ServiceOffering, ServiceOfferingResource, XLSX))
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["organization", "kind of service", "service name (Arabic)", "service name (English)"]
    line = dict(zip(header, sheet[2], strict=True))
    assert line["organization"].value == org_a.name_ar
    assert line["kind of service"].value == "Loan"
    assert line["youth segments"].value == "University graduates"
    assert (line["smallest loan (YER)"].value, line["smallest loan (YER)"].data_type) == (500000, "n")
    assert (line["largest loan (YER)"].value, line["largest loan (YER)"].data_type) == (5000000, "n")


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"], ids=["eq", "plus", "minus", "at", "tab", "cr"])
def test_exported_text_that_a_spreadsheet_would_run_is_escaped_in_csv_and_xlsx(staff_client, trigger):
    dangerous = trigger + 'HYPERLINK("http://evil.example","click")'
    factories.OrganizationFactory(name_ar="مؤسسة الاختبار", name_en=dangerous, phone=trigger + "1+1")

    rows = read_csv(export(staff_client, "en", Organization, OrganizationResource, CSV))
    line = dict(zip(rows[0], rows[1], strict=True))
    assert line["name (English)"] == "'" + dangerous
    assert line["phone"] == "'" + trigger + "1+1"

    sheet = read_xlsx(export(staff_client, "en", Organization, OrganizationResource, XLSX))
    cells = dict(zip([cell.value for cell in sheet[1]], sheet[2], strict=True))
    for name, value in (("name (English)", dangerous), ("phone", trigger + "1+1")):
        assert cells[name].data_type == "s"  # text, not a formula
        # XML stores a carriage return as a line feed; the leading quote is what matters.
        assert cells[name].value == "'" + value.replace("\r", "\n")


def test_a_negative_number_is_exported_as_a_number_not_as_escaped_text(org_a):
    # The database refuses negative loans; an unsaved row shows what the resource does with one.
    service = ServiceOffering(organization=org_a, kind="loan", title_ar="قرض", loan_min_yer=-5, loan_max_yer=-1)
    with translation.override("en"):
        dataset = ServiceOfferingResource().export(queryset=[service])
    line = dict(zip(dataset.headers, dataset[0], strict=True))
    assert line["smallest loan (YER)"] == -5

    sheet = openpyxl.load_workbook(io.BytesIO(dataset.export("xlsx"))).active
    cells = dict(zip([cell.value for cell in sheet[1]], sheet[2], strict=True))
    assert (cells["smallest loan (YER)"].value, cells["smallest loan (YER)"].data_type) == (-5, "n")
    assert read_csv(dataset.export("csv").encode())[1][dataset.headers.index("smallest loan (YER)")] == "-5"


# Import.

ENGLISH_ORGANIZATIONS = [
    ["name (Arabic)", "name (English)", "kind", "partner role", "districts served", "active"],
    ["بنك الكريمي", "Al-Kuraimi Bank", "Bank", "lending", "Al Mukalla; سيئون", "yes"],
    ["مؤسسة الصالح", "Al-Saleh Foundation", "foundation", "Empowerment", "الشحر، تريم", "no"],
]


def test_the_preview_of_an_import_creates_nothing_and_sends_nothing(staff_client, django_capture_on_commit_callbacks):
    announced = []

    def announce(sender, instance, **kwargs):
        transaction.on_commit(lambda: announced.append(instance.name_ar))

    post_save.connect(announce, sender=Organization, dispatch_uid="test-announce")
    try:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = preview(staff_client, "en", Organization, csv_upload(ENGLISH_ORGANIZATIONS), CSV)
        assert response.status_code == 200
        assert "confirm_form" in response.context
        assert not Organization.objects.filter(name_ar="بنك الكريمي").exists()
        assert callbacks == [] and announced == []

        with django_capture_on_commit_callbacks(execute=True):
            confirm(staff_client, "en", Organization, response)
        assert sorted(announced) == ["بنك الكريمي", "مؤسسة الصالح"]
    finally:
        post_save.disconnect(dispatch_uid="test-announce", sender=Organization)


def test_an_import_with_english_headers_creates_the_rows_once_the_preview_is_confirmed(staff_client):
    response = preview(staff_client, "en", Organization, csv_upload(ENGLISH_ORGANIZATIONS), CSV)
    assert [row.import_type for row in response.context["result"].rows] == ["new", "new"]

    response = confirm(staff_client, "en", Organization, response)
    assert response.status_code == 302

    bank = Organization.objects.get(name_ar="بنك الكريمي")
    assert (bank.name_en, bank.kind, bank.role, bank.is_active) == ("Al-Kuraimi Bank", "bank", "lending", True)
    assert sorted(bank.districts.values_list("name_en", flat=True)) == ["Al Mukalla", "Sayun"]
    foundation = Organization.objects.get(name_ar="مؤسسة الصالح")
    assert (foundation.kind, foundation.role, foundation.is_active) == ("foundation", "empowerment", False)
    assert sorted(foundation.districts.values_list("name_en", flat=True)) == ["Ash Shihr", "Tarim"]
    assert {record.history_user.username for record in foundation.history.all()} == {"staff"}


def test_an_import_with_arabic_headers_and_labels_is_accepted(staff_client, arabic_catalogue):
    upload = xlsx_upload(
        [
            ["الاسم بالعربية", "النوع", "دور الشريك", "المديريات المخدومة", "نشط"],
            ["بنك التسليف", "بنك", "إقراض", "المكلا، Tarim", "نعم"],
        ]
    )
    response = preview(staff_client, "ar", Organization, upload, XLSX)
    assert "confirm_form" in response.context, problems(response)
    confirm(staff_client, "ar", Organization, response)

    bank = Organization.objects.get(name_ar="بنك التسليف")
    assert (bank.kind, bank.role, bank.is_active) == ("bank", "lending", True)
    assert sorted(bank.districts.values_list("name_en", flat=True)) == ["Al Mukalla", "Tarim"]


def test_an_import_accepts_the_field_names_as_headers(db):
    dataset = tablib.Dataset(headers=["name_ar", "short_name", "kind", "role", "districts"])
    dataset.append(["الصندوق الاجتماعي", "SFD", "national_fund", "both", "Shibam"])
    result = OrganizationResource().import_data(dataset)
    assert result.error_messages() == []
    fund = Organization.objects.get(name_ar="الصندوق الاجتماعي")
    assert (fund.short_name, fund.kind, fund.role) == ("SFD", "national_fund", "both")
    assert list(fund.districts.values_list("name_en", flat=True)) == ["Shibam"]


def test_reimporting_an_exported_file_updates_the_rows_instead_of_duplicating_them(staff_client, org_a):
    org_a.name_en = "-Al-Awn-"  # exported with a protective quote, imported back without it
    org_a.save()
    org_a.districts.set([factories.district("المكلا")])
    contact = factories.ContactFactory(organization=org_a, full_name_ar="سالم باوزير", phone="777")
    service = factories.ServiceOfferingFactory(organization=org_a, title_ar="قرض صغير", loan_max_yer=1000)
    versions = {"organization": org_a.version, "contact": contact.version, "service": service.version}

    for model, resource_class, file_format in (
        (Organization, OrganizationResource, XLSX),
        (Contact, ContactResource, CSV),
        (ServiceOffering, ServiceOfferingResource, CSV),
    ):
        content = export(staff_client, "en", model, resource_class, file_format)
        if file_format == CSV:
            rows = read_csv(content)
            upload = csv_upload(rows)
        else:
            rows = [[cell.value for cell in line] for line in read_xlsx(content).iter_rows()]
            upload = xlsx_upload(rows)
        response = preview(staff_client, "en", model, upload, file_format)
        assert [row.import_type for row in response.context["result"].rows] == ["update"], problems(response)
        confirm(staff_client, "en", model, response)

    assert Organization.objects.filter(name_ar=org_a.name_ar).count() == 1
    assert (Contact.objects.count(), ServiceOffering.objects.count()) == (1, 1)
    org_a.refresh_from_db()
    contact.refresh_from_db()
    service.refresh_from_db()
    assert org_a.name_en == "-Al-Awn-"
    assert list(org_a.districts.values_list("name_ar", flat=True)) == ["المكلا"]
    assert (contact.phone, service.loan_max_yer) == ("777", 1000)
    # Written through the services: a portal form opened before the import is now stale.
    assert org_a.version == versions["organization"] + 1
    assert contact.version == versions["contact"] + 1
    assert service.version == versions["service"] + 1


def test_an_import_with_one_bad_row_imports_nothing_and_names_row_and_column(staff_client):
    upload = csv_upload([*ENGLISH_ORGANIZATIONS, ["بنك ثالث", "Third Bank", "Bank", "lending", "Atlantis", "yes"]])
    response = preview(staff_client, "en", Organization, upload, CSV)

    assert "confirm_form" not in response.context
    assert problems(response) == [
        "Row 4 of the file (the header is row 1), column “districts served”: There is no district named “Atlantis”."
    ]
    content = response.content.decode()
    assert "Nothing was imported" in content
    assert "There is no district named “Atlantis”." in content
    assert not Organization.objects.filter(name_ar__in=["بنك الكريمي", "مؤسسة الصالح", "بنك ثالث"]).exists()


def test_an_arabic_import_names_the_column_as_the_file_writes_it_in_the_users_language(staff_client, arabic_catalogue):
    upload = csv_upload([["الاسم بالعربية", "النوع", "دور الشريك"], ["بنك الأمل", "مصرف", "إقراض"]])
    response = preview(staff_client, "ar", Organization, upload, CSV)

    [message] = problems(response)
    assert message.startswith("الصف 2 من الملف (صف العناوين هو الصف 1)، العمود “النوع”: “مصرف” ليست من القيم المسموحة:")
    assert "بنك" in message
    assert not Organization.objects.filter(name_ar="بنك الأمل").exists()


def _import(resource_class, rows, *, language="en", dry_run=False):
    dataset = tablib.Dataset(headers=rows[0])
    for row in rows[1:]:
        dataset.append(row)
    with translation.override(language):
        result = resource_class().import_data(dataset, dry_run=dry_run)
        return result, result.error_messages()


@pytest.mark.parametrize(
    ("resource_class", "rows", "expected"),
    [
        pytest.param(
            OrganizationResource,
            [
                ["name (Arabic)", "kind", "partner role", "districts served"],
                ["مؤسسة أولى", "bank", "lending", "Sayun"],
                ["مؤسسة ثانية", "bank", "lending", "Sayun; Gotham"],
            ],
            "Row 3 of the file (the header is row 1), column “districts served”: There is no district named “Gotham”.",
            id="unknown-district",
        ),
        pytest.param(
            OrganizationResource,
            [
                ["name (Arabic)", "kind", "partner role"],
                ["مؤسسة أولى", "bank", "lending"],
                ["مؤسسة ثانية", "casino", "lending"],
            ],
            "Row 3 of the file (the header is row 1), column “kind”: “casino” is not one of the allowed values: "
            "Agency, Local authority, National fund, Microfinance institution, Bank, Development foundation, "
            "Committee / civil society, Other.",
            id="bad-kind",
        ),
        pytest.param(
            OrganizationResource,
            [
                ["name_ar", "name (English)", "kind", "partner role"],
                ["مؤسسة أولى", "First", "bank", "lending"],
                ["", "Nameless", "bank", "lending"],
            ],
            "Row 3 of the file (the header is row 1), column “name_ar”: This field cannot be blank.",
            id="missing-arabic-name",
        ),
        pytest.param(
            ContactResource,
            [
                ["organization", "full name (Arabic)"],
                ["مؤسسة العون للتنمية", "سالم"],
                ["مؤسسة لا وجود لها", "سعيد"],
            ],
            "Row 3 of the file (the header is row 1), column “organization”: "
            "There is no organization named “مؤسسة لا وجود لها”.",
            id="unknown-organization",
        ),
        pytest.param(
            ServiceOfferingResource,
            [
                [
                    "organization",
                    "kind of service",
                    "service name (Arabic)",
                    "smallest loan (YER)",
                    "largest loan (YER)",
                ],
                ["مؤسسة العون للتنمية", "loan", "قرض أول", "1000", "5000"],
                ["مؤسسة العون للتنمية", "loan", "قرض ثان", "9000", "5000"],
            ],
            "Row 3 of the file (the header is row 1), column “largest loan (YER)”: "
            "The largest loan must not be smaller than the smallest loan.",
            id="loan-min-above-max",
        ),
    ],
)
def test_a_validation_error_in_one_row_rolls_back_the_whole_import_and_is_reported_by_row_and_column(
    org_a, resource_class, rows, expected
):
    model = resource_class._meta.model
    before = model.objects.count()

    result, messages = _import(resource_class, rows)

    assert messages == [expected]
    assert model.objects.count() == before  # the good row before it was not kept either
    assert result.has_validation_errors()


def test_a_file_without_the_arabic_name_column_is_refused_as_a_whole(db):
    result, messages = _import(
        OrganizationResource, [["name (English)", "kind"], ["First", "bank"], ["Second", "bank"]]
    )
    with translation.override("ar"):
        arabic_header = str(Organization._meta.get_field("name_ar").verbose_name)
    assert messages == [
        "The file has no “name (Arabic)” column; its header may be written as: "
        f"“{arabic_header}” / “name (Arabic)” / “name_ar”."
    ]
    assert not result.invalid_rows
    assert not Organization.objects.exists()


def test_blank_lines_are_skipped_and_rows_keep_their_spreadsheet_numbers(db):
    rows = [
        ["name (Arabic)", "kind", "partner role"],
        ["مؤسسة أولى", "bank", "lending"],
        [None, None, None],
        ["مؤسسة ثانية", "bank", "cooking"],
    ]
    _result, messages = _import(OrganizationResource, rows)
    assert messages == [
        "Row 4 of the file (the header is row 1), column “partner role”: “cooking” is not one of the allowed "
        "values: Empowerment, Lending, Empowerment and lending."
    ]


def test_the_confirm_step_imports_nothing_when_a_row_has_become_invalid_since_the_preview(staff_client, org_a, org_b):
    upload = csv_upload([["organization", "full name (Arabic)"], [org_a.name_ar, "سالم"], [org_b.name_ar, "سعيد"]])
    response = preview(staff_client, "en", Contact, upload, CSV)
    assert "confirm_form" in response.context
    org_b_name = org_b.name_ar
    org_b.delete()

    response = confirm(staff_client, "en", Contact, response)

    assert response.status_code == 200
    assert problems(response) == [
        "Row 3 of the file (the header is row 1), column “organization”: "
        f"There is no organization named “{org_b_name}”."
    ]
    assert "Nothing was imported" in response.content.decode()
    assert not Contact.objects.exists()


def test_a_row_repeated_in_the_file_updates_the_row_created_above_it(org_a):
    rows = [
        ["organization", "full name (Arabic)", "phone"],
        [org_a.name_ar, "سالم", "111"],
        [org_a.name_ar, "سالم", "222"],
    ]
    result, messages = _import(ContactResource, rows)
    assert messages == []
    assert [row.import_type for row in result.rows] == ["new", "update"]
    assert list(Contact.objects.values_list("phone", flat=True)) == ["222"]


def test_an_import_looks_up_names_once_whatever_the_number_of_rows(org_a):
    def lookups(rows: int) -> dict[str, int]:
        lines = [
            ["organization", "kind of service", "service name (Arabic)", "youth segments", "project sizes", "districts"]
        ]
        lines += [
            [org_a.name_ar, "loan", f"قرض {n}", "university_graduates", "micro", "Sayun; Tarim"] for n in range(rows)
        ]
        with CaptureQueriesContext(connection) as queries:
            _result, messages = _import(ServiceOfferingResource, lines, dry_run=True)
        assert messages == []
        counts = {}
        for model in (Organization, District, YouthSegment, ProjectSize):
            table = f'FROM "{model._meta.db_table}"'
            # A lookup by name reads the whole (small) table; the other queries that mention it
            # are Django's own per-row checks and relation writes (a join, or one id).
            counts[model.__name__] = sum(
                1
                for q in queries.captured_queries
                if table in q["sql"] and "JOIN" not in q["sql"] and "LIMIT" not in q["sql"]
            )
        return counts

    assert lookups(1) == lookups(25) == {"Organization": 1, "District": 1, "YouthSegment": 1, "ProjectSize": 1}


# Saving in the admin: history and versions.


def _organization_form(organization, **changes):
    data = {
        "name_ar": organization.name_ar,
        "name_en": organization.name_en,
        "short_name": organization.short_name,
        "kind": organization.kind,
        "role": organization.role,
        "phone": organization.phone,
        "email": organization.email,
        "website": organization.website,
        "is_active": "on",
        "version": organization.version,
        "_save": "Save",
    }
    for prefix in ("contacts", "services"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
        data |= {f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    data.update(changes)
    return data


def test_the_admin_records_who_changed_an_organization_and_its_contacts_and_when(staff_client, org_a):
    url = f"/en/admin/partners/organization/{org_a.pk}/change/"
    data = _organization_form(
        org_a,
        short_name="AWN",
        **{"contacts-TOTAL_FORMS": "1", "contacts-0-full_name_ar": "سالم باوزير", "contacts-0-phone": "770000000"},
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    change = org_a.history.order_by("-history_date").first()
    assert (change.history_type, change.short_name, change.history_user.username) == ("~", "AWN", "staff")
    assert change.history_date is not None
    contact = Contact.objects.get(organization=org_a)
    assert contact.history.get().history_user.username == "staff"

    history_page = staff_client.get(f"/en/admin/partners/organization/{org_a.pk}/history/").content.decode()
    assert "staff" in history_page


def test_an_admin_save_makes_a_portal_form_opened_before_it_stale(staff_client, org_a):
    opened_at = org_a.version
    staff_client.post(f"/en/admin/partners/organization/{org_a.pk}/change/", _organization_form(org_a, phone="05-1"))

    org_a.refresh_from_db()
    assert (org_a.phone, org_a.version) == ("05-1", opened_at + 1)
    org_a.phone = "the portal's older edit"
    with pytest.raises(StaleEditError):
        services.organization_save(organization=org_a, expected_version=opened_at)


def test_an_admin_form_opened_before_a_portal_edit_is_refused(staff_client, org_a):
    data = _organization_form(org_a, short_name="FROM-ADMIN")
    org_a.short_name = "FROM-PORTAL"
    services.organization_save(organization=org_a, expected_version=org_a.version)

    response = staff_client.post(f"/en/admin/partners/organization/{org_a.pk}/change/", data)

    assert response.status_code == 200
    assert "Someone else saved this record after you opened it" in response.content.decode()
    org_a.refresh_from_db()
    assert org_a.short_name == "FROM-PORTAL"


def test_member_invitations_are_read_only_in_the_admin_and_hide_the_token(staff, staff_client, org_a):
    invitation, _token = services.member_invite(
        organization=org_a, email="new@example.org", invited_by=staff, language="en"
    )
    assert staff_client.get("/en/admin/partners/memberinvitation/add/").status_code == 403

    page = staff_client.get(f"/en/admin/partners/memberinvitation/{invitation.pk}/change/")
    assert page.status_code == 200
    content = page.content.decode()
    assert "new@example.org" in content
    assert invitation.token_hash not in content
    assert 'name="_save"' not in content


# Files read through core.spreadsheets.intake: any encoding Excel writes, and refusals in words.

ARABIC_ORGANIZATIONS = [
    ["name_ar", "kind", "role", "districts"],
    ["مؤسسة التمكين والإقراض", "foundation", "lending", "المكلا؛ سيئون"],
    ["جمعية بن ناصر الخيرية", "civil_society", "empowerment", "تريم"],
]


def _upload(data: bytes, name: str):
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("cp1256", ";"), ("cp1256", ","), ("utf-16", "\t"), ("utf-8", ";")],
    ids=["windows-1256-semicolon", "windows-1256-comma", "utf-16-tab", "utf-8-semicolon"],
)
def test_a_csv_in_any_encoding_excel_writes_imports_its_arabic_text_as_written(staff_client, encoding, delimiter):
    upload = _upload(spreadsheet_files.csv_bytes(ARABIC_ORGANIZATIONS, encoding=encoding, delimiter=delimiter), "o.csv")
    response = preview(staff_client, "en", Organization, upload, CSV)
    assert "confirm_form" in response.context, response.context["form"].errors
    confirm(staff_client, "en", Organization, response)

    lender = Organization.objects.get(name_ar="مؤسسة التمكين والإقراض")
    assert (lender.kind, lender.role) == ("foundation", "lending")
    assert sorted(lender.districts.values_list("name_ar", flat=True)) == ["المكلا", "سيئون"]
    assert Organization.objects.filter(name_ar="جمعية بن ناصر الخيرية").exists()


def _bad_files():
    files = spreadsheet_files
    rows = [["name_ar", "kind", "role"], ["بنك الأمل", "bank", "lending"]]
    declared_too_big = files.declare_size(files.xlsx_bytes(rows), "xl/worksheets/sheet1.xml", 600 * 1024 * 1024)
    cases = {  # id: (content, file name, format chosen, the intake's refusal)
        "csv-renamed-xlsx": (files.csv_bytes(rows), "o.xlsx", XLSX, "xlsx_is_text"),
        "xlsx-renamed-csv": (files.xlsx_bytes(rows), "o.csv", CSV, "csv_is_xlsx"),
        "xls": (files.OLE_XLS, "o.xls", XLSX, "xls"),
        "empty": (b"", "o.csv", CSV, "empty"),
        "header-only": (files.csv_bytes(rows[:1]), "o.csv", CSV, "header_only"),
        "zip-bomb": (files.zip_bomb(6 * 1024 * 1024), "o.xlsx", XLSX, "expands_too_much"),
        "declared-too-big": (declared_too_big, "o.xlsx", XLSX, "expands_too_much"),
        "formula": (files.xlsx_bytes([*rows, ["بنك ثان", "=A2", "lending"]]), "o.xlsx", XLSX, "formula"),
        "long-cell": (files.csv_bytes([*rows, ["بنك ثان", "x" * 10_001, "lending"]]), "o.csv", CSV, "cell_too_long"),
        "nul": (files.csv_bytes([*rows, ["بنك\x00ثان", "bank", "lending"]]), "o.csv", CSV, "bad_character"),
        "broken-zip": (b"PK\x03\x04garbage", "o.xlsx", XLSX, "damaged"),
    }
    return [pytest.param(*case, id=name) for name, case in cases.items()]


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize(("data", "name", "file_format", "code"), _bad_files())
def test_a_file_that_cannot_be_imported_is_refused_on_the_page_in_the_users_language(
    staff_client, language, data, name, file_format, code
):
    response = preview(staff_client, language, Organization, _upload(data, name), file_format)

    assert response.status_code == 200
    assert "confirm_form" not in response.context
    [message] = response.context["form"].errors["import_file"]
    with translation.override(language):
        expected = str(MESSAGES[code]).split("%(")[0]
    assert message.startswith(expected)
    content = response.content.decode()
    assert escape(message) in content  # shown on the page, next to the file field
    assert "encountered" not in content
    assert not Organization.objects.filter(name_ar="بنك الأمل").exists()


def test_the_format_chosen_in_the_list_does_not_matter_the_content_does(staff_client):
    rows = [["name_ar", "kind", "role"], ["بنك الأمل", "bank", "lending"]]
    upload = _upload(spreadsheet_files.xlsx_bytes(rows), "o.xlsx")
    response = preview(staff_client, "en", Organization, upload, CSV)
    assert "confirm_form" in response.context, response.context["form"].errors
    confirm(staff_client, "en", Organization, response)
    assert Organization.objects.filter(name_ar="بنك الأمل").exists()


def test_rows_keep_their_file_numbers_when_blank_rows_were_skipped_by_the_intake(staff_client):
    rows = [
        ["name_ar", "kind", "role"],
        ["بنك الأمل", "bank", "lending"],
        ["", "", ""],
        ["بنك ثان", "casino", "lending"],
    ]
    response = preview(staff_client, "en", Organization, _upload(spreadsheet_files.xlsx_bytes(rows), "o.xlsx"), XLSX)
    [message] = problems(response)
    assert message.startswith("Row 4 of the file (the header is row 1), column “kind”: “casino”")


def test_the_confirm_step_answers_with_a_message_when_the_stored_file_is_gone(staff_client):
    rows = [["name_ar", "kind", "role"], ["بنك الأمل", "bank", "lending"]]
    response = preview(staff_client, "en", Organization, _upload(spreadsheet_files.csv_bytes(rows), "o.csv"), CSV)
    data = dict(response.context["confirm_form"].initial)
    os.remove(os.path.join(tempfile.gettempdir(), os.path.basename(data["import_file_name"])))

    response = staff_client.post(admin_url("en", Organization, "process_import"), data)

    assert response.status_code == 200
    assert response.context["form"].errors["import_file"] == [
        "The uploaded file is no longer available: upload it again."
    ]
    assert not Organization.objects.filter(name_ar="بنك الأمل").exists()


def test_the_confirm_step_refuses_a_stored_file_that_was_swapped_after_the_preview(staff_client):
    rows = [["name_ar", "kind", "role"], ["بنك الأمل", "bank", "lending"]]
    response = preview(staff_client, "en", Organization, _upload(spreadsheet_files.csv_bytes(rows), "o.csv"), CSV)
    data = dict(response.context["confirm_form"].initial)
    with open(os.path.join(tempfile.gettempdir(), os.path.basename(data["import_file_name"])), "wb") as stored:
        stored.write(spreadsheet_files.OLE_XLS)

    response = staff_client.post(admin_url("en", Organization, "process_import"), data)

    assert response.status_code == 200
    [message] = response.context["form"].errors["import_file"]
    assert message.startswith("This is an old Excel workbook (.xls)")
    assert not Organization.objects.filter(name_ar="بنك الأمل").exists()
