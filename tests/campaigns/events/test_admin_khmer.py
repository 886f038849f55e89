"""An official whose admin language is Khmer meets no English interface text on the screens they use.

Each screen is rendered for a Khmer-language official and every piece of text
people see or hear (text, labels, titles, aria-labels, placeholders, the
sidebar's and the scripts' strings) is searched for Latin words. Allowed:
proper nouns (Wagtail, the site's name, key names on a keyboard, file formats),
numbers, and the users' own data.
"""

import pytest

from django.urls import reverse

from wagtail.users.models import UserProfile

from home.roles import PROVINCIAL_COORDINATORS, PROVINCIAL_OFFICIALS
from tests.campaigns.admin_text import english_left
from tests.campaigns.events.outreach_fixtures import make_event, make_user, report_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

PROPER_NOUNS = ["Wagtail", "NACD awareness", "Ctrl", "Alt", "Shift", "Esc", "CSV", "XLSX", "English"]


@pytest.fixture
def khmer_official(client):
    user = make_user(
        "sophal", PROVINCIAL_OFFICIALS, "07", language="km", first_name="Sophal", email="sophal@example.org"
    )
    client.force_login(user)
    return user


def own_data(user, *events):
    values = [user.username, user.first_name, user.email]
    for event in events:
        values += [
            getattr(event, f) or "" for f in ("title_en", "description_en", "venue_en", "organiser_en", "audience_en")
        ]
    return values


def assert_in_khmer(response, allowed=()):
    assert response.status_code == 200
    left = english_left(response.content.decode(), [*PROPER_NOUNS, *allowed])
    assert not left, left


def test_login_page(client):
    assert_in_khmer(client.get(reverse("wagtailadmin_login")))


def test_login_error(client):
    assert_in_khmer(client.post(reverse("wagtailadmin_login"), {"username": "sophal", "password": "wrong"}))


def test_dashboard(client, khmer_official):
    assert_in_khmer(client.get(reverse("wagtailadmin_home")), own_data(khmer_official))


def test_dashboard_after_an_english_admin_request(client, khmer_official):
    """Wagtail formats some help-menu labels once per process, in the language
    of the first admin request: an English screen served first must not leave
    English on the next Khmer one."""
    english = make_user("dara", PROVINCIAL_OFFICIALS, "07", language="en")
    other = client.__class__()
    other.force_login(english)
    assert other.get(reverse("wagtailadmin_home")).status_code == 200
    assert_in_khmer(client.get(reverse("wagtailadmin_home")), own_data(khmer_official))


def test_events_list_search_and_filters(client, khmer_official):
    event = make_event("07", "កិច្ចប្រជុំភូមិ", days=3, title_en="Village meeting")
    for query in ({}, {"q": "ភូមិ"}, {"status": "planned", "kind": "community_meeting"}):
        assert_in_khmer(client.get(reverse("outreach_events:list"), query), own_data(khmer_official, event))


def test_add_form_and_its_errors(client, khmer_official):
    url = reverse("outreach_events:add")
    assert_in_khmer(client.get(url), own_data(khmer_official))
    response = client.post(url, {"title_km": "ខុស", "expected_attendance": "-1", "start": "nonsense"})
    assert_in_khmer(response, own_data(khmer_official))


def test_edit_form(client, khmer_official):
    event = make_event("07", "កិច្ចប្រជុំភូមិ", days=3, title_en="Village meeting", venue_en="Village hall")
    assert_in_khmer(client.get(reverse("outreach_events:edit", args=(event.pk,))), own_data(khmer_official, event))


def test_attendance_report_and_its_errors(client, khmer_official):
    event = make_event("07", "វគ្គអប់រំ", days=-1)
    url = reverse("outreach_events:report", args=(event.pk,))
    assert_in_khmer(client.get(url), own_data(khmer_official, event))
    for bad in ({"female": "-1"}, {"age_25_plus": "1"}, {"female": "900", "age_25_plus": "895"}):
        assert_in_khmer(client.post(url, report_form(**bad)), own_data(khmer_official, event))
    future = make_event("07", "ព្រឹត្តិការណ៍ខាងមុខ", days=3)
    response = client.post(reverse("outreach_events:report", args=(future.pk,)), report_form())
    assert_in_khmer(response, own_data(khmer_official, future))


def test_inspect_page(client, khmer_official):
    event = make_event("07", "វគ្គអប់រំ", days=-1, status="held")
    assert_in_khmer(client.get(reverse("outreach_events:inspect", args=(event.pk,))), own_data(khmer_official, event))


def test_verification_page(client):
    coordinator = make_user("dara_c", PROVINCIAL_COORDINATORS, "07", language="km", first_name="Dara")
    client.force_login(coordinator)
    event = make_event("07", "វគ្គអប់រំ", days=-1, status="held")
    assert_in_khmer(client.get(reverse("outreach_events:verify", args=(event.pk,))), own_data(coordinator, event))


def test_account_page(client, khmer_official):
    assert_in_khmer(client.get(reverse("wagtailadmin_account")), own_data(khmer_official))


def test_the_check_finds_english(client, khmer_official):
    """The check itself: an English admin shows English, and it is found."""

    UserProfile.objects.filter(user=khmer_official).update(preferred_language="en")
    left = english_left(client.get(reverse("outreach_events:add")).content.decode(), PROPER_NOUNS)
    assert "Report attendance" not in left  # not on this screen
    assert any("Outreach event" in text for text in left)


def test_the_scripts_strings_are_in_khmer(client, khmer_official):
    """The sidebar's, choosers' and editor's strings come from Wagtail's script catalogue (jsi18n), which
    reads locale/wagtail_admin/km/LC_MESSAGES/djangojs.po through LOCALE_PATHS."""
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode("unicode_escape")
    for khmer in ("ស្វែងរក", "បិទ", "ម៉ឺនុយមេ", "កំពុងផ្ទុក…"):  # Search, Close, Main menu, Loading…
        assert khmer in catalogue


def test_wagtails_messages_schedule_labels_and_times_are_in_khmer():
    """Strings no screen of the checks above shows at rest: the messages after saving, the labels of the
    scheduling dialog, "6 minutes ago" in the history."""
    from django.utils import translation
    from django.utils.timesince import timesince
    from django.utils.timezone import now, timedelta
    from django.utils.translation import gettext, ngettext

    with translation.override("km"):
        created = gettext("%(model_name)s '%(object)s' created.") % {"model_name": "ព្រឹត្តិការណ៍", "object": "ក"}
        assert created == "បានបង្កើតព្រឹត្តិការណ៍ «ក»។"
        assert gettext("Page '%(page_title)s' created.") != "Page '%(page_title)s' created."
        assert gettext("Schedule to publish") == "កំណត់ពេលផ្សាយ"
        assert gettext("%(label)s and Publish") % {"label": gettext("Approve")} == "អនុម័ត និងផ្សាយ"
        assert gettext("go live date/time") == "កាលបរិច្ឆេទ/ម៉ោងចាប់ផ្ដើមផ្សាយ"
        assert gettext("expiry date/time") == "កាលបរិច្ឆេទ/ម៉ោងផុតកំណត់"
        ago = gettext("%(time_period)s ago") % {"time_period": timesince(now() - timedelta(minutes=6))}
        assert ago == "6\xa0នាទីមុន", ago
        assert ngettext("%(count)s image", "%(count)s images", 5) % {"count": 5} == "រូបភាព 5"
