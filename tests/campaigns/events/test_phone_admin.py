"""What district officials and coordinators get from the admin (issue 16, journey 4): the server's side.

The layout at 360 px is checked in a browser (tests/browser/test_phone_admin.py)."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.images import get_image_model

from campaigns.events.models import OutreachEventPhoto
from campaigns.events.photos import photo_collection
from campaigns.models import Province
from home.roles import PROVINCIAL_COORDINATORS, PROVINCIAL_OFFICIALS
from tests.campaigns.events.outreach_fixtures import make_event, make_user, new_event_form
from tests.security.upload_files import VALID_IMAGES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo", "separate_media")]

Image = get_image_model()
ADD = reverse("outreach_events:add")
LIST = reverse("outreach_events:list")
NOT_STARTED_KM = "ព្រឹត្តិការណ៍នេះមិនទាន់ចាប់ផ្ដើមនៅឡើយទេ"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def official(client, language="km", name="phone_official"):
    user = make_user(f"{name}_{language}", PROVINCIAL_OFFICIALS, "07", language=language)
    client.force_login(user)
    return user


def report_url(event):
    return reverse("outreach_events:report", args=(event.pk,))


# 5. "Report attendance" only once the event has started


def test_the_list_offers_the_report_only_for_events_that_have_started(client):
    official(client)
    past = make_event("07", "វគ្គអប់រំដែលបានធ្វើរួច", days=-1)
    future = make_event("07", "វគ្គអប់រំសប្ដាហ៍ក្រោយ", days=6)
    html = client.get(LIST).content.decode()
    assert report_url(past) in html
    assert report_url(future) not in html


@pytest.mark.parametrize("view", ["edit", "inspect"])
def test_the_event_pages_offer_the_report_only_once_it_has_started(client, view):
    official(client)
    past = make_event("07", "វគ្គអប់រំដែលបានធ្វើរួច", days=-1)
    future = make_event("07", "វគ្គអប់រំសប្ដាហ៍ក្រោយ", days=6)
    assert report_url(past) in client.get(reverse(f"outreach_events:{view}", args=(past.pk,))).content.decode()
    assert report_url(future) not in client.get(reverse(f"outreach_events:{view}", args=(future.pk,))).content.decode()


def test_the_report_form_of_an_event_not_started_is_refused_in_khmer(client):
    official(client)
    future = make_event("07", "វគ្គអប់រំសប្ដាហ៍ក្រោយ", days=6)
    response = client.get(report_url(future), follow=True)
    assert response.redirect_chain[0][0] == reverse("outreach_events:inspect", args=(future.pk,))
    assert NOT_STARTED_KM in response.content.decode()
    assert 'name="female"' not in response.content.decode()


def test_the_report_form_opens_once_the_event_has_started(client):
    official(client)
    now = timezone.now()
    started = make_event("07", "វគ្គអប់រំកំពុងធ្វើ", start=now - timedelta(hours=1), end=now + timedelta(hours=2))
    response = client.get(report_url(started))
    assert response.status_code == 200 and 'name="female"' in response.content.decode()


# 4. The duplicate warning's tick box has a label of its own


@pytest.mark.parametrize(
    ("language", "words"),
    [("km", "នេះជាព្រឹត្តិការណ៍ផ្សេង៖ រក្សាទុកវាទោះយ៉ាងណាក៏ដោយ"), ("en", "This is a different event: save it anyway")],
)
def test_the_duplicate_tick_box_is_labelled_beside_it(client, language, words):
    official(client, language)
    data = new_event_form()
    assert client.post(ADD, data).status_code == 302
    page = soup(client.post(ADD, dict(data, venue_km="សាលាឆាន់វត្តថ្មី")))
    box = page.find("input", attrs={"name": "confirm_not_duplicate"})
    label = box.find_parent("label")
    assert label is not None and label.get("for") == box["id"]
    assert label.get_text(" ", strip=True) == words
    # the panel's heading no longer poses as the box's label (the one label is the one beside it)
    assert len(page.find_all("label", attrs={"for": box["id"]})) == 1
    assert box.get("aria-invalid") == "true"


# 2. The coordinator sees the report's photos


def private_photo(province_code="07", title="អ្នកចូលរួមកំពុងស្ដាប់"):
    province = Province.objects.get(code=province_code)
    image = Image(title=title, collection=photo_collection(province.pk))
    image.file.save("event-photo.png", SimpleUploadedFile("event-photo.png", VALID_IMAGES["png"]()), save=False)
    image.save()
    return image


def reported_event_with_photo():
    event = make_event("07", "វគ្គអប់រំមានរូបថត", status="held", days=-1)
    image = private_photo()
    OutreachEventPhoto.objects.create(event=event, image=image, caption="សិស្សកំពុងស្ដាប់ការពន្យល់")
    return event, image


@pytest.mark.parametrize("view", ["verify", "inspect"])
def test_the_coordinator_sees_the_reports_photos(client, view):
    client.force_login(make_user("phone_coordinator", PROVINCIAL_COORDINATORS, "07"))
    event, image = reported_event_with_photo()
    page = soup(client.get(reverse(f"outreach_events:{view}", args=(event.pk,))))
    thumbs = page.select(".outreach-photos img")
    assert len(thumbs) == 1
    src = thumbs[0]["src"]
    assert src.startswith("/admin/private-files/")  # through the checked route, never /media/
    assert thumbs[0]["alt"] == "សិស្សកំពុងស្ដាប់ការពន្យល់"
    assert thumbs[0].find_parent("a")["href"] == image.file.url
    served = client.get(src)
    assert served.status_code == 200
    # another province's official cannot open the same thumbnail
    client.force_login(make_user("phone_kohkong", PROVINCIAL_OFFICIALS, "09"))
    assert client.get(src).status_code == 404


def test_a_report_without_photos_says_so(client):
    client.force_login(make_user("phone_coordinator", PROVINCIAL_COORDINATORS, "07"))
    event = make_event("07", "វគ្គអប់រំគ្មានរូបថត", status="held", days=-1)
    page = soup(client.get(reverse("outreach_events:verify", args=(event.pk,))))
    assert not page.select(".outreach-photos img")
    assert page.select_one(".outreach-photos__none").get_text(strip=True)


@pytest.mark.parametrize(("language", "title"), [("km", "ផ្ទៀងផ្ទាត់របាយការណ៍"), ("en", "Verify report")])
def test_the_verify_pages_header_bar_names_the_page_not_home(client, language, title):
    """Issue 16: the header bar shows the last breadcrumb; the verify page's was "ទំព័រដើម" (Home)."""
    client.force_login(make_user("phone_coordinator", PROVINCIAL_COORDINATORS, "07", language=language))
    event = make_event("07", "វគ្គអប់រំដែលបានរាយការណ៍", status="held", days=-1)
    page = soup(client.get(reverse("outreach_events:verify", args=(event.pk,))))
    crumbs = [item.get_text(" ", strip=True) for item in page.select(".w-slim-header [data-w-breadcrumbs] li")]
    assert crumbs[-1] == title, crumbs
    links = [a["href"] for a in page.select(".w-slim-header [data-w-breadcrumbs] li a[href]") if a["href"]]
    assert LIST in links and reverse("outreach_events:inspect", args=(event.pk,)) in links


# 3. A 404 inside the admin stays in the admin


@pytest.mark.parametrize(("language", "title"), [("km", "រកមិនឃើញ"), ("en", "Not found")])
@pytest.mark.parametrize("path", ["/admin/outreach-events/edit/999999/", "/admin/no-such-screen/"])
def test_a_404_in_the_admin_is_shown_in_the_admin_in_the_officials_language(client, language, title, path):
    official(client, language)
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en" if language == "km" else "km")
    assert response.status_code == 404
    page = soup(response)
    assert page.find(id="wagtail-sidebar") is not None  # the admin's layout, not the public site's
    assert page.find("h1").get_text(strip=True) == title
    assert page.html["lang"] == language
    assert response["Content-Language"] == language


def test_another_areas_event_is_a_404_in_the_admin(client):
    official(client)
    elsewhere = make_event("09", "វគ្គអប់រំនៅកោះកុង", days=-1)
    response = client.get(reverse("outreach_events:edit", args=(elsewhere.pk,)))
    assert response.status_code == 404
    assert soup(response).find(id="wagtail-sidebar") is not None
    assert "វគ្គអប់រំនៅកោះកុង" not in response.content.decode()


def test_a_404_outside_the_admin_is_still_the_public_sites(client):
    official(client)
    response = client.get("/km/no-such-page-at-all/")
    assert response.status_code == 404
    assert soup(response).find(id="wagtail-sidebar") is None


def test_a_404_of_an_admin_json_answer_stays_json(client):
    official(client)
    response = client.get("/admin/api/main/pages/999999/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
