"""Issue 18: the endpoint the officials' phone queue sends to. One row per phone submission, whatever is
repeated; the admin's own checks on every item; refusals in Khmer that keep nothing.

Runs on SQLite and on PostgreSQL (``DATABASE_URL=postgres://…``)."""

import uuid
from datetime import timedelta

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.images import get_image_model

from campaigns.events.models import OfflineSubmission, OutreachEvent
from home.roles import PROVINCIAL_OFFICIALS
from tests.campaigns.events.outreach_fixtures import make_event, make_user, new_event_form, report_form
from tests.security.upload_files import VALID_IMAGES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo", "separate_media")]

SUBMIT = reverse("outreach_events:offline_submit")
Image = get_image_model()


@pytest.fixture
def official(client):
    user = make_user("offline_official", PROVINCIAL_OFFICIALS, "07", language="km")
    client.force_login(user)
    return user


def send_event(client, client_id, **fields):
    return client.post(SUBMIT, {"offline_id": str(client_id), "offline_kind": "event", **new_event_form(**fields)})


def photos(count):
    jpeg = VALID_IMAGES["jpg"]
    return [SimpleUploadedFile(f"photo-{n}.jpg", jpeg(), content_type="image/jpeg") for n in range(count)]


def started_event(title="វគ្គអប់រំនៅភូមិ បានធ្វើរួច"):
    now = timezone.now()
    return make_event("07", title, start=now - timedelta(hours=3), end=now - timedelta(hours=1))


def send_report(client, client_id, event, count=2, **fields):
    data = {
        "offline_id": str(client_id),
        "offline_kind": "report",
        "offline_event": str(event.pk),
        **report_form(**fields),
    }
    data["photo"] = photos(count)
    return client.post(SUBMIT, data)


def test_an_event_sent_twice_is_saved_once_and_the_repeat_gets_the_first_answer(client, official):
    client_id = uuid.uuid4()
    first = send_event(client, client_id)
    assert first.status_code == 200, first.content.decode()
    answer = first.json()
    assert answer["status"] == "sent"
    event = OutreachEvent.objects.get(pk=answer["event"])
    assert event.created_by == official and event.province.code == "07"
    again = send_event(client, client_id)
    assert again.status_code == 200
    assert again.json() == {**answer, "repeat": True}
    assert OutreachEvent.objects.filter(title_km=event.title_km).count() == 1
    assert OfflineSubmission.objects.filter(client_id=client_id).count() == 1


def test_two_events_typed_in_the_same_kept_form_are_two_events(client, official):
    """The kept form carries one hidden token; each phone submission's own id decides, not that token."""
    token = str(uuid.uuid4())
    first = send_event(client, uuid.uuid4(), submission_token=token, title_km="កិច្ចប្រជុំភូមិទីមួយ")
    second = send_event(client, uuid.uuid4(), submission_token=token, title_km="កិច្ចប្រជុំភូមិទីពីរ", days=6)
    assert first.json()["status"] == second.json()["status"] == "sent"
    assert first.json()["event"] != second.json()["event"]


def test_a_report_with_two_photos_sent_twice_makes_one_report_and_two_photos(client, official):
    event = started_event()
    images_before = Image.objects.count()
    client_id = uuid.uuid4()
    first = send_report(client, client_id, event)
    assert first.status_code == 200, first.content.decode()
    event.refresh_from_db()
    assert event.status == "held" and event.reported_by == official and event.female == 30
    assert event.photos.count() == 2
    assert Image.objects.count() == images_before + 2
    assert all(photo.image.collection.name.startswith("កំពត") for photo in event.photos.all())
    again = send_report(client, client_id, event)
    assert again.json()["repeat"] is True
    assert event.photos.count() == 2 and Image.objects.count() == images_before + 2


def test_a_refused_event_comes_back_in_khmer_keeps_nothing_and_can_be_sent_again_fixed(client, official):
    client_id = uuid.uuid4()
    start = (timezone.localtime() + timedelta(days=5)).replace(hour=10, minute=0)
    end = start - timedelta(hours=2)
    refused = send_event(client, client_id, start=start.strftime("%Y-%m-%d %H:%M"), end=end.strftime("%Y-%m-%d %H:%M"))
    assert refused.status_code == 400
    answer = refused.json()
    assert answer["status"] == "refused"
    assert any("ចប់" in error or "មុន" in error for error in answer["errors"]), answer  # Khmer: ends before it starts
    assert not OfflineSubmission.objects.filter(client_id=client_id).exists()
    fixed = send_event(client, client_id)
    assert fixed.status_code == 200 and fixed.json()["status"] == "sent"


def test_a_district_outside_the_officials_area_is_refused(client, official):
    from campaigns.models import District

    elsewhere = District.objects.exclude(province__code="07").order_by("code").first()
    response = send_event(client, uuid.uuid4(), district=elsewhere.pk, commune=elsewhere.communes.first().pk)
    assert response.status_code == 400
    assert response.json()["status"] == "refused"
    assert OutreachEvent.objects.filter(district=elsewhere, created_by=official).count() == 0


def test_a_report_on_an_event_changed_meanwhile_is_refused_with_who_changed_it(client, official):
    event = started_event()
    OutreachEvent.objects.filter(pk=event.pk).update(version=2)  # another official saved it after the phone kept it
    response = send_report(client, uuid.uuid4(), event, loaded_version="1")
    assert response.status_code == 400
    assert response.json()["status"] == "refused"
    event.refresh_from_db()
    assert event.status == "planned" and event.photos.count() == 0


def test_the_report_of_another_provinces_event_is_not_found_and_saves_no_photo(client, official):
    elsewhere = make_event("09", "វគ្គអប់រំនៅកោះកុង")
    images_before = Image.objects.count()
    response = send_report(client, uuid.uuid4(), elsewhere)
    assert response.status_code == 404
    assert response.json()["status"] == "refused"
    assert Image.objects.count() == images_before


def test_another_persons_identifier_is_not_found_and_shows_nothing_of_theirs(client, official):
    client_id = uuid.uuid4()
    assert send_event(client, client_id).json()["status"] == "sent"
    other = make_user("offline_other", PROVINCIAL_OFFICIALS, "07")
    client.force_login(other)
    response = send_event(client, client_id)
    assert response.status_code == 404
    assert "event" not in response.json()


def test_photos_with_an_event_and_bad_identifiers_are_refused_in_khmer(client, official):
    bad = client.post(SUBMIT, {"offline_id": "not-a-uuid", "offline_kind": "event", **new_event_form()})
    assert bad.status_code == 400 and bad.json()["status"] == "refused"
    assert "អត្តសញ្ញាណ" in bad.json()["errors"][0]
    with_photo = client.post(
        SUBMIT, {"offline_id": str(uuid.uuid4()), "offline_kind": "event", **new_event_form(), "photo": photos(1)}
    )
    assert with_photo.status_code == 400


def test_only_signed_in_officials_may_post_and_only_post(client):
    assert client.get(SUBMIT).status_code in (302, 405)
    anonymous = client.post(SUBMIT, {"offline_id": str(uuid.uuid4()), "offline_kind": "event", **new_event_form()})
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    assert not OutreachEvent.objects.filter(title_km=new_event_form()["title_km"]).exists()
    client.force_login(make_user("offline_get", PROVINCIAL_OFFICIALS, "07"))
    assert client.get(SUBMIT).status_code == 405


def test_a_likely_duplicate_is_refused_with_the_box_to_tick_and_saved_once_it_is_ticked(client, official):
    """Only the server knows a colleague logged the same meeting meanwhile: it says so and names the box."""
    first = send_event(client, uuid.uuid4())
    assert first.json()["status"] == "sent"
    client_id = uuid.uuid4()
    refused = send_event(client, client_id)
    assert refused.status_code == 400
    answer = refused.json()
    assert answer["confirm"] == [{"name": "confirm_not_duplicate", "label": "នេះជាព្រឹត្តិការណ៍ផ្សេង៖ រក្សាទុកវាទោះយ៉ាងណាក៏ដោយ"}]
    assert any("ព្រឹត្តិការណ៍" in error for error in answer["errors"]), answer
    ticked = send_event(client, client_id, confirm_not_duplicate="on")
    assert ticked.status_code == 200 and ticked.json()["status"] == "sent"
    assert OutreachEvent.objects.filter(title_km=new_event_form()["title_km"]).count() == 2
