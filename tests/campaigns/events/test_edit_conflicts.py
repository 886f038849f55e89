"""Two officials editing the same event: the second save is refused and told, nothing is overwritten."""

import re

import pytest

from django.db import transaction
from django.test import Client
from django.urls import reverse

from campaigns.events.models import EditConflict, OutreachEvent, claim_version
from home.roles import PROVINCIAL_COORDINATORS, PROVINCIAL_OFFICIALS
from tests.campaigns.events.outreach_fixtures import event_form, make_event, make_user, report_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


def edit_url(event):
    return reverse("outreach_events:edit", args=(event.pk,))


def loaded_version(response):
    """The version the form carries, as the browser would send it back."""
    match = re.search(r'<input[^>]*name="loaded_version"[^>]*>', response.content.decode())
    assert match, "the form carries the version it was opened on"
    return re.search(r'value="(\d+)"', match.group(0)).group(1)


@pytest.fixture
def two_officials(client):
    """Sophea works in Khmer, Dara in English; both log events in Kampot."""

    sophea = make_user("sophea", PROVINCIAL_OFFICIALS, "07", language="km", first_name="សុភា", last_name="ចាន់")
    dara = make_user("dara", PROVINCIAL_OFFICIALS, "07", language="en", first_name="Dara", last_name="Kim")
    first, second = Client(), Client()
    first.force_login(dara)
    second.force_login(sophea)
    return first, second


def test_the_second_save_is_refused_in_khmer_and_keeps_what_was_typed(two_officials):
    dara, sophea = two_officials
    event = make_event("07", "កិច្ចប្រជុំភូមិ ស្ដីពីគ្រឿងញៀន")
    dara_version = loaded_version(dara.get(edit_url(event)))
    sophea_version = loaded_version(sophea.get(edit_url(event)))
    assert dara_version == sophea_version == "1"

    saved = dara.post(edit_url(event), event_form(event, venue_km="សាលាបឋមសិក្សាកំពត", loaded_version=dara_version))
    assert saved.status_code == 302

    typed = event_form(event, title_km="វគ្គអប់រំយុវជន ភូមិថ្មី", expected_attendance="៩០", loaded_version=sophea_version)
    refused = sophea.post(edit_url(event), typed)
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Dara Kim បានរក្សាទុកព្រឹត្តិការណ៍នេះ" in html  # who, in Khmer
    assert "Someone else" not in html and "after you opened it" not in html
    assert "ទីកន្លែងប្រារព្ធ ជាភាសាខ្មែរ" in html  # the field that now differs from what she typed
    assert 'value="វគ្គអប់រំយុវជន ភូមិថ្មី"' in html and 'value="៩០"' in html  # what she typed is kept
    event.refresh_from_db()
    assert (event.venue_km, event.title_km, event.expected_attendance) == ("សាលាបឋមសិក្សាកំពត", "កិច្ចប្រជុំភូមិ ស្ដីពីគ្រឿងញៀន", 60)
    assert event.version == 2 and event.changed_by.username == "dara"

    # Told, she may now save over it on purpose: the form she got back carries the new version.
    again = sophea.post(edit_url(event), {**typed, "loaded_version": loaded_version(refused)})
    assert again.status_code == 302
    event.refresh_from_db()
    assert (event.title_km, event.expected_attendance, event.version) == ("វគ្គអប់រំយុវជន ភូមិថ្មី", 90, 3)
    assert event.changed_by.username == "sophea"


def test_the_message_is_in_english_for_an_english_official(two_officials):
    sophea_first, dara_second = reversed(two_officials)
    event = make_event("07", "វគ្គអប់រំនៅសាលា")
    assert sophea_first.post(edit_url(event), event_form(event, audience_km="សិស្សថ្នាក់ទី៩")).status_code == 302
    refused = dara_second.post(edit_url(event), event_form(event, loaded_version="1", venue_en="Kampot school"))
    html = refused.content.decode()
    assert refused.status_code == 200
    assert "សុភា ចាន់ saved this event at" in html and "Nothing of yours was saved" in html
    differ = re.search(r"Saved differently from what you typed: ([^.<]*)\.", html).group(1).split(", ")
    assert sorted(differ) == ["target audience in Khmer", "venue in English"]
    event.refresh_from_db()
    assert event.audience_km == "សិស្សថ្នាក់ទី៩" and event.venue_en in ("", None)


def test_a_stale_attendance_report_is_refused(two_officials):
    dara, sophea = two_officials
    event = make_event("07", "វគ្គអប់រំនៅសាលា", days=-1)
    report_url = reverse("outreach_events:report", args=(event.pk,))
    assert loaded_version(sophea.get(report_url)) == "1"
    assert dara.post(report_url, report_form(female="40", age_25_plus="40")).status_code == 302
    refused = sophea.post(report_url, report_form(female="31", age_25_plus="31"))
    assert refused.status_code == 200
    assert "បានរក្សាទុកព្រឹត្តិការណ៍នេះ" in refused.content.decode() and 'value="31"' in refused.content.decode()
    event.refresh_from_db()
    assert (event.female, event.reported_by.username) == (40, "dara")


def test_a_form_without_its_version_saves_nothing(two_officials):
    dara, _sophea = two_officials
    event = make_event("07", "វគ្គអប់រំនៅសាលា")
    response = dara.post(edit_url(event), event_form(event, venue_km="កន្លែងថ្មី", loaded_version=""))
    assert response.status_code == 200 and "This form is out of date" in response.content.decode()
    event.refresh_from_db()
    assert event.venue_km == "សាលប្រជុំភូមិ" and event.version == 1


def test_a_coordinator_verifies_only_the_numbers_they_saw(client):
    coordinator = make_user("coordinator", PROVINCIAL_COORDINATORS, "07", language="km")
    official = make_user("reporter", PROVINCIAL_OFFICIALS, "07", language="en")
    event = make_event("07", "វគ្គអប់រំនៅសាលា", status="held", days=-1)
    client.force_login(coordinator)
    verify_url = reverse("outreach_events:verify", args=(event.pk,))
    seen = loaded_version(client.get(verify_url))

    other = Client()
    other.force_login(official)
    report_url = reverse("outreach_events:report", args=(event.pk,))
    assert other.post(report_url, report_form(female="90", age_25_plus="90")).status_code == 302

    response = client.post(verify_url, {"loaded_version": seen}, follow=True)
    event.refresh_from_db()
    assert event.status == "held" and event.verified_by is None
    assert "របាយការណ៍បានផ្លាស់ប្ដូរ" in response.content.decode()
    assert client.post(verify_url, {"loaded_version": event.version}).status_code == 302
    event.refresh_from_db()
    assert event.status == "verified" and event.verified_by == coordinator


def test_claiming_a_version_twice_fails_the_second_time():
    event = make_event("07", "វគ្គអប់រំនៅសាលា")
    with transaction.atomic():
        claim_version(event, 1)
        event.save()
    stale = OutreachEvent.objects.get(pk=event.pk)
    stale.version = 1
    with pytest.raises(EditConflict) as refused, transaction.atomic():
        claim_version(stale, 1)
    assert refused.value.current.version == 2
