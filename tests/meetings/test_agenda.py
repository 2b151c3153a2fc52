"""The agenda: ordered items with presenter and outcome; the earlier meeting's open items."""

import datetime

from meetings import extensions
from meetings.models import AgendaItem, Meeting
from tests import factories

from . import factories as mf


def orders(meeting) -> list[tuple[int, str]]:
    return list(meeting.agenda_items.order_by("order").values_list("order", "title_en"))


def test_a_new_item_goes_to_the_end_of_the_agenda(staff_client, meeting_a, org_a):
    presenter = factories.ContactFactory(organization=org_a)
    mf.agenda_item(meeting_a, 1, title_en="First")
    response = staff_client.post(
        f"/ar/meetings/{meeting_a.pk}/agenda/new/",
        {"title_ar": "بند جديد", "title_en": "New", "presenter": presenter.pk, "outcome_ar": "تم الاتفاق"},
    )
    assert response.status_code == 302
    assert orders(meeting_a) == [(1, "First"), (2, "New")]
    assert AgendaItem.objects.get(title_en="New").presenter == presenter


def test_items_move_up_and_down_and_deleting_one_renumbers_the_rest(staff_client, meeting_a):
    first, second, third = (mf.agenda_item(meeting_a, n, title_en=name) for n, name in ((1, "A"), (2, "B"), (3, "C")))
    staff_client.post(f"/ar/meetings/{meeting_a.pk}/agenda/{third.pk}/move/", {"direction": "up"})
    assert orders(meeting_a) == [(1, "A"), (2, "C"), (3, "B")]
    staff_client.post(f"/ar/meetings/{meeting_a.pk}/agenda/{first.pk}/move/", {"direction": "down"})
    assert orders(meeting_a) == [(1, "C"), (2, "A"), (3, "B")]
    staff_client.post(f"/ar/meetings/{meeting_a.pk}/agenda/{third.pk}/delete/")
    assert orders(meeting_a) == [(1, "A"), (2, "B")]
    assert second.pk in meeting_a.agenda_items.values_list("pk", flat=True)


def test_an_item_of_another_meeting_is_not_found_under_this_one(staff_client, meeting_a, meeting_b):
    item = mf.agenda_item(meeting_b, 1)
    assert staff_client.get(f"/ar/meetings/{meeting_a.pk}/agenda/{item.pk}/edit/").status_code == 404


def test_outcomes_are_shown_as_text_even_with_html_in_them(staff_client, meeting_a):
    mf.agenda_item(meeting_a, 1, outcome_en='<script>alert("x")</script>')
    html = staff_client.get(f"/en/meetings/{meeting_a.pk}/agenda/").content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def _follow_up(meeting_a, smeps) -> Meeting:
    return mf.planned_meeting(host=smeps, follows=meeting_a)


def test_without_a_provider_the_agenda_links_the_earlier_meeting_and_lists_nothing_open(
    member_a_client, meeting_a, smeps, org_a
):
    later = _follow_up(meeting_a, smeps)
    mf.invite(later, org_a)
    response = member_a_client.get(f"/en/meetings/{later.pk}/agenda/")
    html = response.content.decode()
    assert response.context["earlier"] == meeting_a
    assert f'href="/en/meetings/{meeting_a.pk}/agenda/"' in html
    assert response.context["open_items"] == []
    assert "Still open from that meeting" not in html


def test_a_registered_provider_lists_the_earlier_meetings_open_items(staff_client, meeting_a, smeps):
    asked = []

    def open_recommendations(meeting, *, user):
        asked.append((meeting, user.username))
        return [extensions.OpenItem(label="2", text="<b>Follow up</b> the questionnaire", status="open")]

    extensions.register_open_items_provider(open_recommendations)
    later = _follow_up(meeting_a, smeps)
    html = staff_client.get(f"/en/meetings/{later.pk}/agenda/").content.decode()
    assert asked == [(meeting_a, "staff")]
    assert "Still open from that meeting" in html
    assert "&lt;b&gt;Follow up&lt;/b&gt; the questionnaire" in html


def test_the_earlier_meeting_is_not_shown_to_a_partner_who_was_not_invited_to_it(
    member_b_client, meeting_a, smeps, org_b
):
    later = mf.planned_meeting(
        host=smeps, follows=meeting_a, starts_at=meeting_a.starts_at + datetime.timedelta(days=40)
    )
    mf.invite(later, org_b)
    response = member_b_client.get(f"/en/meetings/{later.pk}/agenda/")
    assert response.context["earlier"] is None
