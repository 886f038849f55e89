"""Officials see only their own province: site history, photos, the duplicate warning, reach and the page chooser.

Issue 14, "Officials see other provinces". Province A is Kampot (07), province B
Koh Kong (09). Each test signs in an official of A and looks for B's records (and
for campaigns that are not live and public) in every answer; a staff member or
the official of B is the positive control, so no test passes by showing nothing.
"""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection

from campaigns.models import CampaignPage, OutreachEvent
from home.roles import PROVINCIAL_OFFICIALS
from tests.campaigns.events.outreach_fixtures import event_form, make_event, make_user, new_event_form, report_form
from tests.security.upload_files import VALID_IMAGES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo", "separate_media")]

Image = get_image_model()
B_TITLE = "វគ្គអប់រំកោះកុងសម្ងាត់-៩"  # province B's event: never shown to province A
A_TITLE = "វគ្គអប់រំកំពតបើកចំហ-៧"  # province A's own event: shown to its officials
DRAFT_CAMPAIGN = "យុទ្ធនាការព្រាងមិនទាន់ផ្សាយ-៣"  # a campaign never published


@pytest.fixture
def officials():
    return {
        "a": make_user("trust_kampot", PROVINCIAL_OFFICIALS, "07"),
        "b": make_user("trust_kohkong", PROVINCIAL_OFFICIALS, "09"),
    }


def text(response):
    """The answer's text; JSON (Wagtail's modal answers escape Khmer as \\u....) read back into plain text."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig", errors="replace")
    body = response.content.decode("utf-8-sig", errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(json.loads(body), ensure_ascii=False)
    return body


def raw(response):
    return b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content


def upload_photo(client, title):
    """An image uploaded through Wagtail's own add view, into the root collection as the form offers it."""
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("event-photo.png", VALID_IMAGES["png"]()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.content[:500]
    return Image.objects.get(title=title)


# -- site history ------------------------------------------------------------------------------


@pytest.fixture
def history(officials):
    event_b = make_event("09", B_TITLE, days=-1)
    event_a = make_event("07", A_TITLE, days=-1)
    log(instance=event_b, action="wagtail.create", user=officials["b"])
    log(instance=event_a, action="wagtail.create", user=officials["a"])
    return event_a, event_b


def test_site_history_shows_an_official_only_their_own_areas_events(client, officials, history):
    client.force_login(officials["a"])
    for url in (reverse("wagtailadmin_reports:site_history"), reverse("wagtailadmin_reports:site_history_results")):
        page = text(client.get(url))
        assert A_TITLE in page
        assert B_TITLE not in page
        assert "trust_kohkong" not in page  # not even in the filter of editors


def test_site_history_exports_show_an_official_only_their_own_areas_events(client, officials, history):
    client.force_login(officials["a"])
    url = reverse("wagtailadmin_reports:site_history")
    exported = text(client.get(url, {"export": "csv"}))
    labels = [row[1] for row in csv.reader(io.StringIO(exported))]
    assert A_TITLE in labels and B_TITLE not in labels
    workbook = load_workbook(io.BytesIO(raw(client.get(url, {"export": "xlsx"}))))
    cells = [str(cell.value) for row in workbook.active.iter_rows() for cell in row]
    assert A_TITLE in cells and B_TITLE not in cells


def test_staff_still_see_every_provinces_history(client, history):
    client.force_login(get_user_model().objects.get(username="admin"))
    page = text(client.get(reverse("wagtailadmin_reports:site_history")))
    assert A_TITLE in page and B_TITLE in page


# -- event photos ------------------------------------------------------------------------------


def test_an_officials_upload_goes_to_their_provinces_collection(client, officials):
    client.force_login(officials["b"])
    photo_b = upload_photo(client, "រូបថតកោះកុង")
    client.force_login(officials["a"])
    photo_a = upload_photo(client, "រូបថតកំពត")
    root = Collection.get_first_root_node()
    assert photo_a.collection_id != root.pk and photo_b.collection_id != root.pk
    assert photo_a.collection_id != photo_b.collection_id
    again = upload_photo(client, "រូបថតកំពតទីពីរ")
    assert again.collection_id == photo_a.collection_id


def test_image_chooser_and_api_hide_other_provinces_photos(client, officials):
    kohkong = Client()
    kohkong.force_login(officials["b"])
    photo_b = upload_photo(kohkong, B_TITLE)
    chooser = reverse("wagtailimages_chooser:choose")
    results = reverse("wagtailimages_chooser:choose_results")
    api = reverse("wagtailadmin_api:images:listing")
    assert B_TITLE in text(kohkong.get(results))  # province B's official sees the photo

    client.force_login(officials["a"])
    photo_a = upload_photo(client, A_TITLE)
    for url, query in (
        (chooser, {}),
        (results, {}),
        (api, {"limit": 20, "order": "-id"}),
        (reverse("wagtailimages:index"), {}),
        (reverse("wagtailimages:index_results"), {}),
    ):
        assert B_TITLE not in text(client.get(url, query)), url
    # Searches echo what was typed: look for the photo's address instead.
    assert f"/chosen/{photo_b.pk}/" not in text(client.get(results, {"q": B_TITLE}))
    assert f"/chosen/{photo_b.pk}/" not in text(client.get(chooser, {"q": B_TITLE}))
    assert json.loads(client.get(api, {"search": B_TITLE}).content)["items"] == []
    assert A_TITLE in text(client.get(results))
    assert A_TITLE in text(client.get(api, {"limit": 20, "order": "-id"}))
    for url in (
        reverse("wagtailadmin_api:images:detail", args=(photo_b.pk,)),
        reverse("wagtailimages_chooser:chosen", args=(photo_b.pk,)),
        reverse("wagtailimages_chooser:select_format", args=(photo_b.pk,)),
        reverse("wagtailimages:edit", args=(photo_b.pk,)),
        reverse("wagtailimages:image_usage", args=(photo_b.pk,)),
    ):
        response = client.get(url)
        assert response.status_code in (403, 404) or (response.status_code == 302 and "/admin/" in response.url), url
        assert B_TITLE not in text(response), url
    multiple = text(client.get(reverse("wagtailimages_chooser:chosen_multiple"), {"id": [photo_b.pk, photo_a.pk]}))
    assert B_TITLE not in multiple and A_TITLE in multiple
    detail = json.loads(client.get(reverse("wagtailadmin_api:images:detail", args=(photo_a.pk,))).content)
    assert detail["title"] == A_TITLE


def test_event_photos_are_never_served_from_public_media(client, officials):
    kohkong = Client()
    kohkong.force_login(officials["b"])
    photo = upload_photo(kohkong, B_TITLE)
    rendition = photo.get_rendition("max-165x165")
    for url in (photo.file.url, rendition.url):
        assert not url.startswith(settings.MEDIA_URL), url
    assert not (settings.MEDIA_ROOT / photo.file.name).exists()
    served = kohkong.get(rendition.url)
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert served["Cache-Control"].startswith("private")
    assert raw(kohkong.get(photo.file.url)) == VALID_IMAGES["png"]()
    client.force_login(officials["a"])
    assert client.get(rendition.url).status_code == 404
    assert client.get(photo.file.url).status_code == 404
    client.logout()
    assert client.get(rendition.url).status_code in (302, 404)


def test_public_campaign_images_stay_public(client):
    image = Image.objects.filter(collection__depth=1).order_by("pk").first()
    assert image.file.url.startswith(settings.MEDIA_URL)


def photo_rows(image):
    return {
        "photos-TOTAL_FORMS": "1",
        "photos-0-image": str(image.pk),
        "photos-0-caption": "អ្នកចូលរួមកំពុងស្ដាប់",
        "photos-0-ORDER": "1",
        "photos-0-id": "",
        "photos-0-DELETE": "",
    }


def test_an_official_cannot_attach_another_provinces_photo(client, officials):
    kohkong = Client()
    kohkong.force_login(officials["b"])
    photo_b = upload_photo(kohkong, B_TITLE)
    client.force_login(officials["a"])
    event = make_event("07", A_TITLE, days=-1)
    response = client.post(
        reverse("outreach_events:report", args=(event.pk,)), report_form(notes="កំណត់ត្រា", **photo_rows(photo_b))
    )
    assert response.status_code == 200  # the form again, with what was typed
    page = text(response)
    assert "រូបថតនេះមិនមែនជារបស់តំបន់របស់អ្នកទេ" in page
    assert B_TITLE not in page
    assert "កំណត់ត្រា" in page  # nothing typed is lost
    event.refresh_from_db()
    assert event.status == "planned" and not event.photos.exists()
    # The event form (photos are part of the event) refuses it too, and an own photo is accepted.
    photo_a = upload_photo(client, A_TITLE)
    response = client.post(reverse("outreach_events:report", args=(event.pk,)), report_form(**photo_rows(photo_a)))
    assert response.status_code == 302
    assert [p.image_id for p in event.photos.all()] == [photo_a.pk]


# -- the duplicate warning ---------------------------------------------------------------------


def test_the_duplicate_warning_never_names_another_provinces_event(client, officials):
    shared_title = "កិច្ចប្រជុំភូមិ ស្ដីពីការការពារកុមារពីគ្រឿងញៀន"
    other = make_event("09", shared_title, days=5, venue_km="វត្តកោះកុងសម្ងាត់")
    client.force_login(officials["a"])
    response = client.post(reverse("outreach_events:add"), new_event_form("07", days=5, title_km=shared_title))
    page = text(response)
    assert other.place not in page and "វត្តកោះកុងសម្ងាត់" not in page
    assert response.status_code == 302  # nothing of province B holds up province A's own event
    # Within the area the warning still names the event.
    mine = OutreachEvent.objects.get(province__code="07", title_km=shared_title)
    response = client.post(
        reverse("outreach_events:add"), new_event_form("07", days=5, title_km=shared_title, submission_token="")
    )
    assert response.status_code == 200 and mine.place in text(response)


def test_editing_an_event_does_not_name_another_provinces_duplicate(client, officials):
    other = make_event("09", B_TITLE, days=3)
    mine = make_event("07", A_TITLE, days=3)
    client.force_login(officials["a"])
    response = client.post(reverse("outreach_events:edit", args=(mine.pk,)), event_form(mine, title_km=B_TITLE))
    assert other.place not in text(response)


# -- reach and the page chooser: live, public campaigns only -------------------------------------


@pytest.fixture
def draft_campaign():
    campaign = CampaignPage.objects.live().order_by("path").last()
    copy = campaign.copy(
        update_attrs={
            "title": DRAFT_CAMPAIGN,
            "title_km": DRAFT_CAMPAIGN,
            "title_en": DRAFT_CAMPAIGN,
            "draft_title": DRAFT_CAMPAIGN,
            "slug": "draft-campaign-trust",
        },
        keep_live=False,
    )
    return CampaignPage.objects.get(pk=copy.pk)


def test_reach_shows_officials_only_live_public_campaigns(client, officials, draft_campaign):
    client.force_login(officials["a"])
    for url in (
        reverse("reach"),
        reverse("reach_export", args=("csv",)),
        reverse("reach_export", args=("json",)),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert DRAFT_CAMPAIGN not in text(response), url
    workbook = load_workbook(io.BytesIO(raw(client.get(reverse("reach_export", args=("xlsx",))))))
    assert DRAFT_CAMPAIGN not in [str(c.value) for row in workbook.active.iter_rows() for c in row]
    for name, args in (
        ("reach_campaign", ()),
        ("reach_campaign_export", ("json",)),
        ("reach_campaign_export", ("csv",)),
    ):
        response = client.get(reverse(name, args=(draft_campaign.pk, *args)), follow=True)
        assert response.status_code == 404 and DRAFT_CAMPAIGN not in text(response)
    live = CampaignPage.objects.live().public().order_by("path").first()
    assert live.title in text(client.get(reverse("reach")))

    client.force_login(get_user_model().objects.get(username="outreach"))
    assert DRAFT_CAMPAIGN in text(client.get(reverse("reach")))


def test_page_chooser_and_pages_api_show_officials_only_live_public_pages(client, officials, draft_campaign):
    parent = draft_campaign.get_parent()
    urls = (
        (reverse("wagtailadmin_choose_page"), {}),
        (reverse("wagtailadmin_choose_page_child", args=(parent.pk,)), {}),
        (reverse("wagtailadmin_choose_page_search"), {"q": DRAFT_CAMPAIGN}),
        (reverse("wagtailadmin_api:pages:listing"), {"child_of": parent.pk, "limit": 20}),
    )
    client.force_login(get_user_model().objects.get(username="outreach"))
    assert DRAFT_CAMPAIGN in text(client.get(*urls[1]))  # staff see drafts
    client.force_login(officials["a"])
    for url, query in urls:
        response = client.get(url, query)
        # The pages API knows no page an official may explore: "no such parent" (400), never the draft.
        assert response.status_code == (400 if "/api/" in url else 200), url
        assert DRAFT_CAMPAIGN not in text(response), url
    live = CampaignPage.objects.live().public().child_of(parent).first()
    assert live.title in text(client.get(*urls[1]))
    response = client.get(reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": [draft_campaign.pk]})
    assert DRAFT_CAMPAIGN not in text(response)


def test_photos_logged_before_province_collections_are_moved_and_made_private(client, officials):
    from django.core.files.images import ImageFile
    from django.core.management import call_command

    from campaigns.models import OutreachEventPhoto

    old = Image(
        title=B_TITLE,
        uploaded_by_user=get_user_model().objects.get(username="admin"),
        collection=Collection.get_first_root_node(),
        file=ImageFile(io.BytesIO(VALID_IMAGES["png"]()), name="old-photo.png"),
    )
    old._set_image_file_metadata()
    old.save()
    public_path = settings.MEDIA_ROOT / old.file.name
    assert public_path.exists()
    old.get_rendition("max-165x165")  # a rendition at a public address, made before
    event = make_event("09", "វគ្គអប់រំចាស់", days=-3)
    OutreachEventPhoto.objects.create(event=event, image=old)

    call_command("file_event_photos")
    old.refresh_from_db()
    assert not public_path.exists()
    assert not old.file.url.startswith(settings.MEDIA_URL)
    assert all(not r.url.startswith(settings.MEDIA_URL) for r in old.renditions.all())
    client.force_login(officials["a"])
    assert B_TITLE not in text(client.get(reverse("wagtailimages_chooser:choose_results")))
    kohkong = Client()
    kohkong.force_login(officials["b"])
    assert B_TITLE in text(kohkong.get(reverse("wagtailimages_chooser:choose_results")))


def test_private_files_can_be_sent_by_the_web_server_after_the_check(client, officials, settings):
    settings.PRIVATE_MEDIA_ACCEL_REDIRECT = "/private-media-internal/"
    client.force_login(officials["b"])
    photo = upload_photo(client, B_TITLE)
    response = client.get(photo.file.url)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/private-media-internal/{photo.file.name}"
    client.force_login(officials["a"])
    response = client.get(photo.file.url)
    assert response.status_code == 404 and not response.has_header("X-Accel-Redirect")


def test_staff_keep_the_history_of_deleted_events(client, officials, history):
    event_a, event_b = history
    log(instance=event_b, action="wagtail.delete", user=officials["b"])
    event_b.delete()
    client.force_login(get_user_model().objects.get(username="outreach"))
    assert B_TITLE in text(client.get(reverse("wagtailadmin_reports:site_history_results")))
    client.force_login(officials["a"])
    assert B_TITLE not in text(client.get(reverse("wagtailadmin_reports:site_history_results")))


def test_every_upload_path_files_an_officials_photo_in_their_province(client, officials):
    client.force_login(officials["b"])
    root = Collection.get_first_root_node()
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("many.png", VALID_IMAGES["png"]()), "collection": root.pk},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    from_multiple = Image.objects.latest("pk")
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "រូបថតពីប្រអប់ជ្រើសរើស",
            "image-chooser-upload-file": SimpleUploadedFile("chooser.png", VALID_IMAGES["png"]()),
            "image-chooser-upload-collection": root.pk,
        },
    )
    assert response.status_code == 200
    from_chooser = Image.objects.get(title="រូបថតពីប្រអប់ជ្រើសរើស")
    for photo in (from_multiple, from_chooser):
        assert photo.collection_id != root.pk
        assert not photo.file.url.startswith(settings.MEDIA_URL)
    assert from_multiple.collection_id == from_chooser.collection_id
