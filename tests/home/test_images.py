"""Every image is responsive: WebP with a JPEG fallback in a <picture>, renditions for each screen
(srcset/sizes), width and height against layout shift, lazy below the fold and the hero eager."""

import pytest

from django.test import Client

from campaigns.models import CampaignPage
from home.public_pages import page_types, sample_paths
from tests.home.page_audit import PageAudit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


def audit(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return PageAudit(response.content.decode())


def content_images(page_audit):
    return [img for img in page_audit.images if "beacon" not in img.get("class", "")]


def assert_responsive(picture, path):
    img, sources = picture["img"], picture["sources"]
    assert img is not None, path
    webp = [source for source in sources if source.get("type") == "image/webp"]
    assert webp and webp[0].get("sizes"), f"{path}: no WebP source with sizes"
    widths = [candidate.split()[1] for candidate in webp[0]["srcset"].split(",")]
    assert len(widths) >= 2 and all(w.endswith("w") for w in widths), webp[0]["srcset"]
    assert img["src"].endswith(".jpg"), f"{path}: the fallback is not a JPEG: {img['src']}"
    assert img.get("srcset") and img.get("sizes"), path
    assert int(img["width"]) > 0 and int(img["height"]) > 0, path
    assert "alt" in img, path


@pytest.mark.parametrize("name", page_types())
@pytest.mark.parametrize("language", ["km", "en"])
def test_every_image_is_a_responsive_picture(client, name, language):
    path = sample_paths(language)[name]
    page = audit(client, path)
    images = content_images(page)
    assert len(page.pictures) == len(images), f"{path}: an image outside <picture>"
    for picture in page.pictures:
        assert_responsive(picture, path)


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_campaign_hero_loads_first_and_listed_images_lazily(client, language):
    paths = sample_paths(language)
    (hero,) = audit(client, paths["campaign"]).pictures
    assert "loading" not in hero["img"] and hero["img"]["fetchpriority"] == "high"

    home = audit(client, paths["home"]).pictures
    assert len(home) >= 2
    featured, *listed = home
    assert "loading" not in featured["img"], "the featured campaign is near the top: not lazy"
    assert all(picture["img"]["loading"] == "lazy" for picture in listed)
    listing = audit(client, paths["campaign index"]).pictures
    assert listing and all(picture["img"]["loading"] == "lazy" for picture in listing)


def test_images_in_a_campaign_body_are_responsive_and_lazy(english):
    page = CampaignPage.objects.live().filter(hero_image__isnull=False).first()
    page.body_en = [
        *page.body_en.raw_data,
        {"type": "image", "value": {"image": page.hero_image_id, "alt_text": "Volunteers in Koh Kong", "caption": ""}},
    ]
    page.save_revision().publish()
    result = audit(Client(), page.get_url())
    body_pictures = result.pictures[1:]
    assert len(body_pictures) == 1
    assert_responsive(body_pictures[0], page.url)
    assert body_pictures[0]["img"]["loading"] == "lazy"
    assert body_pictures[0]["img"]["alt"] == "Volunteers in Koh Kong"
