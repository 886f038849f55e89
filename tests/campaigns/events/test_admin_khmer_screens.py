"""Every admin screen an official can reach, rendered in Khmer, shows no English interface text.

The screens are not listed by hand: they are the URL patterns of the site
(tests/security/url_patterns.py) that the access matrix lets the provincial
official (p), the district official (d) or the coordinator (c) open
(tests/security/test_access_matrix.py), each at its concrete address filled
with the matrix's objects (tests/security/access_world.py). A new admin screen
officials may open is checked here the day it is added.
"""

import io
import json
import re

import pytest

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Page, Task, Workflow

from campaigns.models import OutreachEvent
from tests.campaigns.admin_text import english_left
from tests.campaigns.events.outreach_fixtures import make_event
from tests.campaigns.events.test_admin_khmer import PROPER_NOUNS
from tests.security.access_world import build_world
from tests.security.test_access_matrix import EXPECTED
from tests.security.upload_files import VALID_IMAGES
from tests.security.url_patterns import all_patterns, concrete_url

# Names of file formats, codes and apps written the same in Khmer text.
FORMATS_AND_APPS = [
    "JPG",
    "JPEG",
    "PNG",
    "WEBP",
    "GIF",
    "JSON",
    "URL",
    "QR",
    "FreeOTP",
    "Aegis",
    "Google Authenticator",
    "Microsoft Authenticator",
]
# The two-factor page shows the official's own secret key, to type into an app by hand.
TWO_FACTOR_SECRET = re.compile(r"[A-Z2-7]{4}( [A-Z2-7]{4})+")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


def officials_screens(role, ids, held_event):
    """[(route, url)] of every admin address ``role`` may open with a GET.

    Addresses that take an event take the official's own province's event (the matrix
    gives province B's, which they are refused), so its edit, report, history... screens are read.
    """
    ids = {**ids, "event_b": ids["event_a"]}
    screens = []
    for route, name in all_patterns():
        allowed = EXPECTED.get(route, "")
        own_event = name.startswith("outreach_events:")  # refused for B's event, open for their own
        if allowed.startswith("405") or not route.startswith("admin/") or not (role in allowed or own_event):
            continue
        if name == "outreach_events:verify":  # only a report sent is verified
            screens.append((route, reverse(name, args=(held_event.pk,))))
            continue
        screens.append((route, concrete_url(route, name, ids)))
    return screens


def interface_html(response):
    """The HTML an official sees: the page itself, or the HTML a chooser's JSON answer carries."""
    kind = response.get("Content-Type", "")
    if kind.startswith("text/html"):
        return response.content.decode()
    if kind.startswith("application/json"):
        data = json.loads(response.content)
        for key in ("html", "htmlFragment"):  # a modal's whole HTML, or the fragment a chooser's form shows again
            if isinstance(data, dict) and isinstance(data.get(key), str):
                return data[key]
    return None


def data_texts(world):
    """Text that is data, not interface: titles and names people typed (the demo's and the matrix's)."""
    values = set()
    for user in get_user_model().objects.all():
        values |= {user.username, user.first_name, user.last_name, user.email, user.get_full_name()}
    for page in Page.objects.all():
        values |= {page.title, page.draft_title, page.slug}
    for model in (get_image_model(), get_document_model()):
        for item in model.objects.all():
            values |= {item.title, item.filename if hasattr(item, "filename") else ""}
    values |= set(Collection.objects.values_list("name", flat=True))
    values |= set(Task.objects.values_list("name", flat=True)) | set(Workflow.objects.values_list("name", flat=True))
    for event in OutreachEvent.objects.all():
        values |= {
            getattr(event, f) or "" for f in ("title_en", "description_en", "venue_en", "organiser_en", "audience_en")
        }
    return [v for v in values if v]


def get_following(client, url):
    response = client.get(url)
    for _hop in range(3):
        if response.status_code not in (301, 302):
            break
        response = client.get(response["Location"])
    return response


def officials_own_things(world, role):
    """What an official has after a few days of work: an event with a history, a photo they uploaded."""
    user = world.users[role]
    event = OutreachEvent.objects.get(pk=world.ids["event_a"])
    log(instance=event, action="wagtail.create", user=user)
    log(instance=event, action="wagtail.edit", user=user)
    photo = get_image_model()(
        title="រូបថតកិច្ចប្រជុំភូមិ",
        uploaded_by_user=user,
        file=ImageFile(io.BytesIO(VALID_IMAGES["png"]()), name="kampot-meeting.png"),
    )
    photo._set_image_file_metadata()
    photo.save()
    held = make_event("07", "វគ្គអប់រំក្នុងសាលា", district=world.objects["district_a"], days=-2, status="held")
    log(instance=held, action="wagtail.edit", user=user)
    return held


@pytest.mark.parametrize("role", ["p", "d", "c"])
def test_every_screen_an_official_reaches_is_in_khmer(client, role):
    world = build_world()
    held_event = officials_own_things(world, role)
    client.force_login(world.users[role])
    allowed = [*PROPER_NOUNS, *FORMATS_AND_APPS, *data_texts(world)]
    failures = {}
    checked = []
    for route, url in officials_screens(role, world.ids, held_event):
        response = get_following(client, url)
        html = interface_html(response) if response.status_code == 200 else None
        if html is None:
            continue
        checked.append(route)
        left = [text for text in english_left(html, allowed) if not TWO_FACTOR_SECRET.fullmatch(text)]
        if left:
            failures[url] = left
    must = [
        "admin/",
        "admin/account/",
        "admin/images/",
        "admin/images/chooser/",
        "admin/images/chooser/create/",
        "admin/images/add/",
        "admin/reports/site-history/",
        "admin/outreach-events/",
        "admin/outreach-events/add/",
        "admin/outreach-events/edit/<int:pk>/",
        "admin/outreach-events/history/<int:pk>/",
        "admin/outreach-events/inspect/<int:pk>/",
        "admin/outreach-events/report/<str:pk>/",
    ]
    if role == "c":
        must.append("admin/outreach-events/verify/<str:pk>/")
    assert not set(must) - set(checked), set(must) - set(checked)
    assert not failures, failures
