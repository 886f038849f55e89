"""A save that fails half-way through a change of several rows leaves nothing half-written."""

from unittest import mock

import pytest

from django.contrib.auth import get_user_model
from django.db.models.query import QuerySet
from django.test import Client
from django.urls import reverse

from wagtail.images.models import Image

from campaigns.models import ClassReport, District, ManualReach, OutreachEvent, OutreachEventPhoto, Province
from campaigns.places import load_places
from home.roles import PROVINCIAL_OFFICIALS
from tests.campaigns.events.outreach_fixtures import event_form, make_event, make_user, report_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


class Broken(RuntimeError):
    pass


def failing_on_call(number, real):
    """A stand-in for ``real`` that raises on its ``number``-th call (the rows before it were written)."""
    calls = []

    def stand_in(*args, **kwargs):
        calls.append(1)
        if len(calls) == number:
            raise Broken("the database went away mid-save")
        return real(*args, **kwargs)

    stand_in.calls = calls
    return stand_in


@pytest.fixture
def official():
    client = Client(raise_request_exception=True)
    client.force_login(make_user("tx_official", PROVINCIAL_OFFICIALS, "07", language="km"))
    return client


def two_photos():

    first, second = Image.objects.all()[:2]
    photos = {"photos-TOTAL_FORMS": "2"}
    for number, image in enumerate((first, second)):
        photos.update(
            {
                f"photos-{number}-image": str(image.pk),
                f"photos-{number}-caption": "អ្នកចូលរួមកំពុងស្ដាប់",
                f"photos-{number}-ORDER": str(number + 1),
                f"photos-{number}-id": "",
                f"photos-{number}-DELETE": "",
            }
        )
    return photos


def test_a_report_failing_at_its_second_photo_writes_nothing(official):
    event = make_event("07", "វគ្គអប់រំជាមួយរូបថត", days=-1)
    stand_in = failing_on_call(2, OutreachEventPhoto.save)
    with mock.patch.object(OutreachEventPhoto, "save", autospec=True, side_effect=stand_in):
        with pytest.raises(Broken):
            official.post(reverse("outreach_events:report", args=(event.pk,)), report_form(**two_photos()))
    assert len(stand_in.calls) == 2  # the first photo had been written when the second failed
    event.refresh_from_db()
    assert (event.status, event.female, event.reported_by, event.version) == ("planned", None, None, 1)
    assert not OutreachEventPhoto.objects.filter(event=event).exists()
    # Nothing is stuck: the same report, sent again, is saved whole.
    response = official.post(reverse("outreach_events:report", args=(event.pk,)), report_form(**two_photos()))
    assert response.status_code == 302
    assert OutreachEventPhoto.objects.filter(event=event).count() == 2


def test_an_edit_failing_after_its_version_was_claimed_releases_it(official):
    event = make_event("07", "កិច្ចប្រជុំភូមិ")
    with mock.patch.object(OutreachEvent, "save", autospec=True, side_effect=Broken("disk full")):
        with pytest.raises(Broken):
            official.post(reverse("outreach_events:edit", args=(event.pk,)), event_form(event, venue_km="ផ្សារ"))
    event.refresh_from_db()
    assert (event.venue_km, event.version, event.changed_by) == ("សាលប្រជុំភូមិ", 1, None)
    # The claim was rolled back with the save: the same form still saves.
    response = official.post(reverse("outreach_events:edit", args=(event.pk,)), event_form(event, venue_km="ផ្សារ"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.venue_km, event.version) == ("ផ្សារ", 2)


def test_loading_places_failing_half_way_changes_no_place():
    province = Province.objects.get(code="07")
    province.name_en = "Kampot (typo)"
    province.save()
    districts = District.objects.count()
    real = QuerySet.bulk_create

    def bulk_create(queryset, objs, *args, **kwargs):
        if queryset.model is District:
            raise Broken("failed after the provinces were written")
        return real(queryset, objs, *args, **kwargs)

    with mock.patch.object(QuerySet, "bulk_create", autospec=True, side_effect=bulk_create), pytest.raises(Broken):
        load_places()
    province.refresh_from_db()
    assert province.name_en == "Kampot (typo)"  # the provinces' update was rolled back with the failure
    assert District.objects.count() == districts
    load_places()
    province.refresh_from_db()
    assert province.name_en == "Kampot"


def test_a_class_review_and_its_reviewer_are_one_write(client):
    """Accepting a class and recording who accepted it happen in the same save, or not at all."""
    report = ClassReport.objects.filter(status="pending").first()
    staff = get_user_model().objects.get(username="outreach")
    client.force_login(staff)
    data = {
        "status": "accepted",
        "school": report.school,
        "province": report.province_id,
        "district": report.district_id,
        "date_taught": report.date_taught.isoformat(),
        "girls": report.girls,
        "boys": report.boys,
        "other": report.other,
    }
    url = reverse("wagtailsnippets_campaigns_classreport:edit", args=[report.pk])
    with mock.patch("campaigns.lessons.admin.stamp_review", side_effect=Broken("lost connection")):
        with pytest.raises(Broken):
            _post_as(staff, url, data)
    report.refresh_from_db()
    assert (report.status, report.reviewed_by, report.reviewed_at) == ("pending", None, None)
    assert client.post(url, data).status_code == 302
    report.refresh_from_db()
    assert report.status == "accepted" and report.reviewed_by == staff and report.reviewed_at


def _post_as(user, url, data):
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client.post(url, data)


def test_reach_from_another_channel_is_saved_with_who_entered_it(client):
    staff = get_user_model().objects.get(username="outreach")
    client.force_login(staff)
    campaign = ManualReach.objects.select_related("campaign").first().campaign
    response = client.post(
        reverse("wagtailsnippets_campaigns_manualreach:add"),
        {
            "campaign": campaign.pk,
            "channel": "print",
            "day": campaign.start_date.isoformat(),
            "people": "250",
            "province": "",
            "source": "ខិត្តប័ណ្ណចែកនៅផ្សារ",
        },
    )
    assert response.status_code == 302
    entry = ManualReach.objects.get(source="ខិត្តប័ណ្ណចែកនៅផ្សារ")
    assert entry.created_by == staff and entry.people == 250
