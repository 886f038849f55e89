"""What officials type: each mistake gets a clear message, nothing typed is lost, nothing is saved twice."""

import uuid

import pytest

from django.contrib.auth import get_user_model
from django.db.models import ProtectedError
from django.urls import reverse

from wagtail.images.models import Image

from campaigns.events.forms import attendance_problems, is_far_above_expected, likely_duplicates
from campaigns.models import CampaignPage, District, OutreachEvent
from home.roles import PROVINCIAL_OFFICIALS
from tests.campaigns.events.outreach_fixtures import at, make_event, make_user, new_event_form, report_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

ADD = reverse("outreach_events:add")


@pytest.fixture
def official(client):
    """A Kampot official working in the English admin (messages compared in English)."""
    user = make_user("form_official", PROVINCIAL_OFFICIALS, "07", language="en")
    client.force_login(user)
    return user


def page_text(response):
    return response.content.decode()


def test_an_official_logs_an_event_in_their_province(client, official):
    data = new_event_form(submission_token=str(uuid.uuid4()))
    response = client.post(ADD, data)
    assert response.status_code == 302
    event = OutreachEvent.objects.get(title_km=data["title_km"])
    assert event.created_by == official and event.province.code == "07" and event.status == "planned"
    assert str(event.submission_token) == data["submission_token"]


def test_the_add_form_offers_only_the_officials_area(client, official):
    response = client.get(ADD)
    form = response.context["form"]
    assert [p.code for p in form.fields["province"].queryset] == ["07"]
    assert {d.province.code for d in form.fields["district"].queryset} == {"07"}
    assert {c.district.province.code for c in form.fields["commune"].queryset} == {"07"}
    assert form.initial["submission_token"]
    assert 'name="submission_token"' in page_text(response)


def test_a_district_official_is_offered_only_their_district(client):
    district = District.objects.filter(province__code="07").order_by("code")[1]
    client.force_login(make_user("district_official", PROVINCIAL_OFFICIALS, "07", district=district))
    form = client.get(ADD).context["form"]
    assert list(form.fields["district"].queryset) == [district]
    assert {c.district_id for c in form.fields["commune"].queryset} == {district.pk}


def test_a_form_sent_twice_creates_one_event(client, official):
    data = new_event_form(submission_token=str(uuid.uuid4()))
    first = client.post(ADD, data)
    again = client.post(ADD, data)  # the phone lost the first answer and sent the form again
    assert OutreachEvent.objects.filter(title_km=data["title_km"]).count() == 1
    event = OutreachEvent.objects.get(title_km=data["title_km"])
    assert first.status_code == again.status_code == 302
    assert again["Location"] == reverse("outreach_events:edit", args=(event.pk,))


def test_another_users_token_opens_nothing(client, official):
    other = make_event("09", "ព្រឹត្តិការណ៍នៅកោះកុង", submission_token=uuid.uuid4())
    response = client.post(ADD, new_event_form(submission_token=str(other.submission_token)))
    assert response.status_code in (302, 403)
    assert "ព្រឹត្តិការណ៍នៅកោះកុង" not in page_text(response)
    assert not OutreachEvent.objects.filter(created_by=official).exists()


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (
            {"start": at(5, 14).strftime("%Y-%m-%d %H:%M"), "end": at(5, 9).strftime("%Y-%m-%d %H:%M")},
            "end",
            "The event cannot end before it starts.",
        ),
        ({"expected_attendance": "-5"}, "expected_attendance", "a count of people cannot be negative"),
        ({"expected_attendance": "many"}, "expected_attendance", "Enter a whole number"),
    ],
)
def test_nonsense_is_refused_and_what_was_typed_kept(client, official, overrides, field, message):
    data = new_event_form(**overrides)
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    html = page_text(response)
    assert message in html
    assert data["title_km"] in html and data["venue_km"] in html and data["audience_km"] in html
    assert not OutreachEvent.objects.filter(title_km=data["title_km"]).exists()


def test_a_district_of_another_province_is_refused(client, official):
    wrong = District.objects.filter(province__code="09").first()
    response = client.post(ADD, new_event_form(district=wrong.pk, commune=""))
    assert response.status_code == 200
    assert response.context["form"].errors["district"]
    assert not OutreachEvent.objects.filter(created_by=official).exists()


def test_a_commune_of_another_district_is_refused(client, official):
    first, second = District.objects.filter(province__code="07").order_by("code")[:2]
    response = client.post(ADD, new_event_form(district=first.pk, commune=second.communes.first().pk))
    assert response.context["form"].errors["commune"]
    assert "This commune is not in the chosen district." in page_text(response)


def test_khmer_digits_are_accepted(client, official):
    data = new_event_form(expected_attendance="១២០")
    assert client.post(ADD, data).status_code == 302
    assert OutreachEvent.objects.get(title_km=data["title_km"]).expected_attendance == 120


def test_a_likely_duplicate_is_shown_before_saving_and_can_be_confirmed(client, official):
    data = new_event_form()
    assert client.post(ADD, data).status_code == 302
    again = dict(data, venue_km="សាលាឆាន់វត្តថ្មី")
    response = client.post(ADD, again)
    assert response.status_code == 200
    html = page_text(response)
    assert "An event like this is already logged for the same day" in html
    assert 'name="confirm_not_duplicate"' in html  # the tick box appears only now
    assert "សាលាឆាន់វត្តថ្មី" in html
    assert OutreachEvent.objects.filter(title_km=data["title_km"]).count() == 1
    response = client.post(ADD, dict(again, confirm_not_duplicate="on"))
    assert response.status_code == 302
    assert OutreachEvent.objects.filter(title_km=data["title_km"]).count() == 2


def test_no_duplicate_tick_box_on_a_fresh_form(client, official):
    assert 'name="confirm_not_duplicate"' not in page_text(client.get(ADD))


def test_likely_duplicates_match_campaign_commune_and_day_or_title_and_day():
    event = make_event("07", "កិច្ចប្រជុំភូមិ ស្ដីពីយ៉ាម៉ា", days=3)
    same_place = likely_duplicates(at(3, 15), campaign=event.campaign, commune=event.commune)
    same_title = likely_duplicates(at(3, 15), titles=["កិច្ចប្រជុំភូមិ ស្ដីពីយ៉ាម៉ា"])
    other_day = likely_duplicates(at(4, 9), campaign=event.campaign, commune=event.commune, titles=[event.title_km])
    assert list(same_place) == [event] and list(same_title) == [event] and not other_day.exists()
    assert not likely_duplicates(at(3), titles=[event.title_km], exclude_pk=event.pk).exists()


# Attendance reports


def report(client, event, **overrides):
    return client.post(reverse("outreach_events:report", args=(event.pk,)), report_form(**overrides))


def test_attendance_is_reported_and_waits_for_verification(client, official):
    event = make_event("07", "វគ្គអប់រំនៅសាលា", days=-1)
    assert report(client, event).status_code == 302
    event.refresh_from_db()
    assert (event.status, event.female, event.male, event.attendance_total) == ("held", 30, 25, 55)
    assert event.reported_by == official and event.reported_at
    assert OutreachEvent.objects.filter(pk=event.pk).reach()["total"] == 0  # not verified yet


def test_a_report_for_an_event_that_has_not_started_is_refused(client, official):
    event = make_event("07", "ព្រឹត្តិការណ៍ខាងមុខ", days=4)
    response = report(client, event)
    assert response.status_code == 200
    assert "This event has not started yet" in page_text(response)
    assert 'value="30"' in page_text(response)  # what was typed is kept
    event.refresh_from_db()
    assert event.status == "planned" and event.female is None


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"female": "-3"}, "a count of people cannot be negative"),
        ({"male": "ម្ភៃ"}, "Enter a whole number"),
        ({"age_25_plus": "10"}, "The age bands add up to 35 but women, men and others add up to 55"),
        ({"male": ""}, "Give the number of women, men and others"),
    ],
)
def test_impossible_attendance_is_refused(client, official, overrides, message):
    event = make_event("07", "វគ្គអប់រំនៅសាលា", days=-1)
    response = report(client, event, **overrides)
    assert response.status_code == 200
    assert message in page_text(response)
    event.refresh_from_db()
    assert event.status == "planned"


def test_attendance_far_above_the_venue_asks_for_confirmation(client, official):
    event = make_event("07", "វគ្គអប់រំនៅសាលា", days=-1, expected_attendance=40)
    big = {"female": "300", "male": "200", "other_sex": "0", "age_under_15": "100", "age_15_24": "200"}
    response = report(client, event, age_25_plus="200", **big)
    assert response.status_code == 200
    html = page_text(response)
    assert "far more than the 40 expected" in html and 'name="confirm_large_attendance"' in html
    assert report(client, event, age_25_plus="200", confirm_large_attendance="on", **big).status_code == 302
    event.refresh_from_db()
    assert event.attendance_total == 500


def test_attendance_checks_as_plain_functions():
    event = OutreachEvent(start=at(-1), expected_attendance=100)
    counts = dict(female=10, male=10, other_sex=0, age_under_15=5, age_15_24=5, age_25_plus=10)
    assert attendance_problems(event, counts) == {}
    assert "age_under_15" in attendance_problems(event, {**counts, "age_25_plus": 9})
    assert "__all__" in attendance_problems(OutreachEvent(start=at(2), expected_attendance=5), counts)
    assert is_far_above_expected(400, 100) and not is_far_above_expected(290, 100)
    assert not is_far_above_expected(20, 5)  # small numbers: within the margin


def test_messages_are_in_khmer_for_a_khmer_official(client):
    client.force_login(make_user("khmer_official", PROVINCIAL_OFFICIALS, "07", language="km"))
    data = new_event_form(end=at(5, 7).strftime("%Y-%m-%d %H:%M"))
    html = page_text(client.post(ADD, data))
    assert "ព្រឹត្តិការណ៍មិនអាចបញ្ចប់មុនពេលចាប់ផ្ដើមបានទេ។" in html
    assert "The event cannot end before it starts." not in html
    event = make_event("07", "វគ្គអប់រំនៅសាលា", days=-1)
    html = page_text(report(client, event, female="-3"))
    assert "The age bands" not in html and "cannot be negative" not in html


def test_deleting_a_campaign_never_deletes_its_reports():
    event = make_event("07", "របាយការណ៍ដែលត្រូវរក្សាទុក", status="verified")
    campaign = CampaignPage.objects.get(pk=event.campaign_id)
    with pytest.raises(ProtectedError):
        campaign.delete()
    assert OutreachEvent.objects.filter(pk=event.pk).exists()


def test_moderator_deleting_a_campaign_in_the_admin_keeps_its_reports(client):

    event = make_event("07", "របាយការណ៍ដែលត្រូវរក្សាទុក", status="verified")
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.post(reverse("wagtailadmin_pages:delete", args=(event.campaign_id,)))
    assert response.status_code in (200, 302)
    assert CampaignPage.objects.filter(pk=event.campaign_id).exists()
    assert OutreachEvent.objects.filter(pk=event.pk).exists()


def test_a_report_keeps_two_photos(client, official):

    images = list(Image.objects.all()[:2])
    assert len(images) == 2
    event = make_event("07", "វគ្គអប់រំជាមួយរូបថត", days=-1)
    photos = {
        "photos-TOTAL_FORMS": "2",
        "photos-0-image": str(images[0].pk),
        "photos-0-caption": "អ្នកចូលរួមកំពុងស្ដាប់",
        "photos-0-ORDER": "1",
        "photos-0-id": "",
        "photos-0-DELETE": "",
        "photos-1-image": str(images[1].pk),
        "photos-1-caption": "",
        "photos-1-ORDER": "2",
        "photos-1-id": "",
        "photos-1-DELETE": "",
    }
    assert report(client, event, **photos).status_code == 302
    assert [p.image_id for p in event.photos.order_by("sort_order")] == [images[0].pk, images[1].pk]


@pytest.mark.parametrize(("language", "zone"), [("en", "Phnom Penh time (UTC+7)"), ("km", "ម៉ោងភ្នំពេញ (UTC+៧)")])
def test_the_event_form_says_its_times_are_phnom_penh_time(client, language, zone):
    from bs4 import BeautifulSoup

    client.force_login(make_user(f"zone_official_{language}", PROVINCIAL_OFFICIALS, "07", language=language))
    page = BeautifulSoup(client.get(ADD).content, "html.parser")
    for name in ("start", "end"):
        field = page.select_one(f"#id_{name}").find_parent(attrs={"data-field-wrapper": True}) or page
        assert zone in field.get_text(), name
