"""Journey 3 step 4: a share to Telegram or Facebook shows a picture for every page (issue 16)."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.staticfiles import finders

from home.public_pages import sample_paths

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


@pytest.mark.parametrize("language", ["km", "en"])
def test_every_page_type_has_a_share_image(client, language):
    for kind, path in sample_paths(language).items():
        response = client.get(path)
        page = BeautifulSoup(response.content, "html.parser")
        image = page.select_one('meta[property="og:image"]')
        assert image is not None, f"{kind} ({path}) has no og:image"
        assert image["content"].startswith("http://testserver/"), kind
        assert page.select_one('meta[name="twitter:image"]')["content"] == image["content"], kind


def test_a_fact_sheet_without_a_picture_gets_the_site_default(client):
    page = BeautifulSoup(client.get(sample_paths("km")["fact sheet"]).content, "html.parser")
    assert page.select_one('meta[property="og:image"]')["content"].endswith("/static/img/share-default.jpg")
    assert page.select_one('meta[property="og:image:width"]')["content"] == "1200"
    assert page.select_one('meta[property="og:image:alt"]')["content"] == "ការបង្ការគ្រឿងញៀន អ.ជ.ប.គ"


def test_the_default_share_image_is_a_small_1200_by_630_jpeg():
    from PIL import Image

    path = finders.find("img/share-default.jpg")
    with Image.open(path) as image:
        assert image.format == "JPEG" and image.size == (1200, 630)
    with open(path, "rb") as file:
        assert len(file.read()) < 60_000
