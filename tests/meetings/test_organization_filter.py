"""The organization box of list filters (partners.filters.OrganizationFilter and its suggestions
endpoint), as the meetings list uses it: typed by name, not a select of thousands of <option>s."""

import pytest

from partners.models import Organization
from tests import factories

from . import factories as mf

SUGGESTIONS = "/en/partners/suggestions/"
MEETINGS = "/en/meetings/?when=all"


@pytest.fixture
def banks(db):
    return {
        "amal": factories.OrganizationFactory(name_ar="بنك الأمل للتمويل الأصغر", name_en="Al-Amal Microfinance Bank"),
        "kuraimi": factories.OrganizationFactory(name_ar="بنك الكريمي", name_en="Al-Kuraimi Bank", short_name="KIMB"),
        "closed": factories.OrganizationFactory(name_ar="بنك مغلق", name_en="Closed Bank", is_active=False),
    }


def _options(response) -> list[str]:
    html = response.content.decode()
    return [part.split('"')[0] for part in html.split('<option value="')[1:]]


def test_suggestions_list_the_names_that_match_what_is_typed(staff_client, banks):
    assert _options(staff_client.get(SUGGESTIONS, {"q": "kuraimi"})) == ["Al-Kuraimi Bank"]
    assert _options(staff_client.get(SUGGESTIONS, {"q": "bank"})) == [
        "Al-Amal Microfinance Bank",
        "Al-Kuraimi Bank",
        "Closed Bank",
    ]


def test_suggestions_match_arabic_whatever_the_hamza_or_the_article(staff_client, banks):
    response = staff_client.get("/ar/partners/suggestions/", {"q": "امل"})
    assert _options(response) == ["بنك الأمل للتمويل الأصغر"]


def test_suggestions_read_what_htmx_sends_under_the_boxs_own_name(staff_client, banks):
    response = staff_client.get(
        SUGGESTIONS, {"organization": "kuraimi"}, HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER_NAME="organization"
    )
    assert _options(response) == ["Al-Kuraimi Bank"]


@pytest.mark.parametrize("persona", ["member_a", "governor"])
def test_suggestions_leave_out_organizations_the_user_may_not_see(persona, client_as, banks):
    assert _options(client_as(persona).get(SUGGESTIONS, {"q": "bank"})) == [
        "Al-Amal Microfinance Bank",
        "Al-Kuraimi Bank",
    ]


def test_nothing_typed_suggests_nothing_and_a_huge_or_odd_text_is_no_error(staff_client, banks):
    assert _options(staff_client.get(SUGGESTIONS)) == []
    assert staff_client.get(SUGGESTIONS, {"q": "ب" * 10_000}).status_code == 200
    assert staff_client.get(SUGGESTIONS, {"q": "\x00\u200b"}).status_code == 200


def test_suggestions_need_a_signed_in_user(client, banks):
    response = client.get(SUGGESTIONS, {"q": "bank"})
    assert response.status_code == 302
    assert "Al-Amal" not in response.content.decode()


# --- the box in the meetings list --------------------------------------------------------------


@pytest.fixture
def meetings(smeps, banks):
    hosted = mf.MeetingFactory(title_en="Hosted by Amal", host=banks["amal"])
    invited = mf.MeetingFactory(title_en="Kuraimi invited", host=smeps)
    mf.invite(invited, banks["kuraimi"])
    mf.MeetingFactory(title_en="Neither", host=smeps)
    return {"hosted": hosted, "invited": invited}


def _titles(response) -> set[str]:
    return {meeting.title_en for meeting in response.context["listing"].rows}


def test_the_meetings_filter_is_a_text_box_with_suggestions_not_a_select_of_every_organization(staff_client, meetings):
    html = staff_client.get(MEETINGS).content.decode()
    box = html[html.index('name="organization"') - 30 :]
    box = box[: box.index("</datalist>")]
    assert 'type="search"' in box and 'list="id_organization-suggestions"' in box
    assert 'data-hx-get="/en/partners/suggestions/"' in box
    assert "<option" not in box
    assert "Al-Kuraimi Bank" not in html  # invited only: no longer listed as an option


def test_a_name_picked_from_the_suggestions_finds_the_meetings_it_hosts_or_is_invited_to(staff_client, meetings):
    assert _titles(staff_client.get(MEETINGS, {"organization": "Al-Amal Microfinance Bank"})) == {"Hosted by Amal"}
    assert _titles(staff_client.get(MEETINGS, {"organization": "kimb"})) == {"Kuraimi invited"}


def test_without_javascript_a_typed_part_of_a_name_is_matched_with_the_arabic_aware_search(staff_client, meetings):
    assert _titles(staff_client.get(MEETINGS, {"organization": "الكريمى"})) == {"Kuraimi invited"}
    response = staff_client.get(MEETINGS, {"organization": "بنك"})
    assert _titles(response) == {"Hosted by Amal", "Kuraimi invited"}
    assert response.context["listing"].filtered


def test_a_name_that_matches_nothing_gives_the_filtered_empty_state(staff_client, meetings):
    response = staff_client.get(MEETINGS, {"organization": "nobody at all"})
    assert _titles(response) == set()
    assert "No meeting matches these filters." in response.content.decode()


def test_a_link_with_the_organizations_id_filters_by_it_and_shows_its_name(staff_client, meetings, banks):
    response = staff_client.get(MEETINGS, {"organization": banks["kuraimi"].pk})
    assert _titles(response) == {"Kuraimi invited"}
    assert 'value="Al-Kuraimi Bank"' in response.content.decode()


def test_a_partner_cannot_filter_by_an_organization_they_may_not_see(member_a_client, meetings, banks, org_a):
    mf.invite(meetings["hosted"], org_a)
    Organization.objects.filter(pk=banks["amal"].pk).update(is_active=False)
    response = member_a_client.get(MEETINGS, {"organization": banks["amal"].pk})
    assert _titles(response) == set()
