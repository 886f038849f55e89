"""Khmer admin screens write Khmer digits, also in the text Wagtail writes (home/http/admin_digits.py)."""

import io
import re

import pytest

from django.core.files.images import ImageFile
from django.urls import reverse

from wagtail.images import get_image_model

from home.http.admin_digits import khmer_digits_in_text
from home.roles import PROVINCIAL_OFFICIALS
from tests.campaigns.admin_text import interface_texts
from tests.campaigns.events.outreach_fixtures import make_user
from tests.security.upload_files import VALID_IMAGES

LATIN_DIGIT = re.compile(r"[0-9]")


def test_only_the_text_between_tags_changes():
    html = (
        '<p data-action="click->w-tabs#select" id="tab-2">ទំព័រ 1 នៃ 2</p>'
        '<script>if (a<2) { x = "</p>3"; }</script><style>.a{width:10px}</style>'
        '<code>AB23 <b>7</b> 4</code> 5<span translate="no">6<span>7</span>8</span>9'
        '<textarea name="n">10</textarea><!-- 11 --><input value="12">it&#39;s 13 &amp; 14 &#x27;'
    )
    assert khmer_digits_in_text(html) == (
        '<p data-action="click->w-tabs#select" id="tab-2">ទំព័រ ១ នៃ ២</p>'
        '<script>if (a<2) { x = "</p>3"; }</script><style>.a{width:10px}</style>'
        '<code>AB23 <b>7</b> 4</code> ៥<span translate="no">6<span>7</span>8</span>៩'
        '<textarea name="n">10</textarea><!-- 11 --><input value="12">it&#39;s ១៣ &amp; ១៤ &#x27;'
    )


def upload_photo(user):
    photo = get_image_model()(
        title="រូបថតកិច្ចប្រជុំភូមិ",
        uploaded_by_user=user,
        file=ImageFile(io.BytesIO(VALID_IMAGES["png"]()), name="kampot-meeting.png"),
    )
    photo._set_image_file_metadata()
    photo.save()


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_the_image_chooser_and_upload_form_count_in_khmer_digits(client):
    official = make_user("sophal", PROVINCIAL_OFFICIALS, "07", language="km")
    upload_photo(official)
    client.force_login(official)
    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    html = chooser.json()["html"]
    assert re.search(r"[០-៩]+ រូបភាព", html)  # "5 images", Wagtail's count
    assert "១០,០" in html  # the largest upload, 10.0 MB
    texts = interface_texts(html)
    assert not [text for text in texts if LATIN_DIGIT.search(text)], texts

    listing = client.get(reverse("wagtailimages:index")).content.decode()
    assert not [text for text in interface_texts(listing) if LATIN_DIGIT.search(text)]


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_an_english_admin_keeps_latin_digits(client):
    official = make_user("dara", PROVINCIAL_OFFICIALS, "07", language="en")
    upload_photo(official)
    client.force_login(official)
    html = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    assert re.search(r"[0-9]+ images", html)
