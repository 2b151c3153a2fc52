"""The home page: the next meetings, minutes to follow up (staff), workshops open to register (partners)."""

from meetings.models import MinutesState

from . import factories as mf


def panel_templates(response) -> list[str]:
    return [panel["template"] for panel in response.context["panels"]]


def test_everyone_sees_their_next_meetings(member_a_client, org_a, smeps):
    mine = mf.planned_meeting(host=smeps, title_en="Ours")
    mf.invite(mine, org_a)
    mf.planned_meeting(host=smeps, title_en="Not ours")
    response = member_a_client.get("/en/")
    assert "meetings/panels/next_meetings.html" in panel_templates(response)
    html = response.content.decode()
    assert "Ours" in html and "Not ours" not in html


def test_staff_see_the_minutes_awaiting_approval(staff_client, meeting_a):
    mf.minutes(meeting_a, state=MinutesState.CIRCULATED)
    response = staff_client.get("/en/")
    assert "meetings/panels/minutes.html" in panel_templates(response)
    assert f'href="/en/meetings/{meeting_a.pk}/minutes/"' in response.content.decode()


def test_partners_see_workshops_open_for_registration(member_a_client, member_b_client, org_a, smeps):
    workshop = mf.workshop(host=smeps, title_en="Lending workshop", capacity=40)
    mf.invite(workshop, org_a)
    html = member_a_client.get("/en/").content.decode()
    assert "Workshops open for registration" in html
    assert f"/en/meetings/{workshop.pk}/register/" in html
    assert "meetings/panels/workshops.html" not in panel_templates(member_b_client.get("/en/"))


def test_the_governors_office_has_no_staff_or_partner_panel(governor_client, meeting_a):
    mf.minutes(meeting_a, state=MinutesState.CIRCULATED)
    templates = panel_templates(governor_client.get("/en/"))
    assert "meetings/panels/next_meetings.html" in templates
    assert "meetings/panels/minutes.html" not in templates
    assert "meetings/panels/workshops.html" not in templates
