"""Campaign pages and their index: listing order, filters, sharing, escaping, query counts."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.utils import translation

from wagtail.images.models import Image

from campaigns.campaign_pages import campaigns_for_listing, current_campaign
from campaigns.models import CampaignIndexPage, CampaignPage, Province, Topic

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def url_in(page, language):
    with translation.override(language):
        return page.get_url()


def test_index_lists_current_campaigns_before_past_ones():
    today = datetime.date(2026, 11, 21)
    listed = list(campaigns_for_listing(CampaignPage.objects.all(), on_date=today))
    past = [c for c in listed if c.end_date < today]
    assert past, "the demo has a past campaign"
    first_past = listed.index(past[0])
    assert all(c.end_date >= today for c in listed[:first_past])
    assert all(c.end_date < today for c in listed[first_past:])


def test_index_filters_by_topic_and_audience(client):
    index = CampaignIndexPage.objects.get()
    workplace = CampaignPage.objects.filter(topics__slug="workplace")
    assert workplace.exists()
    response = client.get(url_in(index, "en") + "?topic=workplace")
    titles = [a.get_text() for a in soup(response).select(".card--campaign h3 a")]
    with translation.override("en"):
        assert sorted(titles) == sorted(c.title for c in workplace.live())
    response = client.get(url_in(index, "en") + "?topic=workplace&audience=no-such-audience")
    assert response.status_code == 200
    assert "No campaign matches these filters." in response.content.decode()


def test_current_campaign_is_featured_on_the_home_page(client):
    featured = current_campaign()
    assert featured is not None
    page = soup(client.get("/en/"))
    with translation.override("en"):
        assert page.select_one(".featured h3 a").get_text() == featured.title


def test_campaign_page_shows_period_in_khmer_digits_and_months(client):
    campaign = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
    page = soup(client.get(url_in(campaign, "km")))
    period = page.select_one("header .meta").get_text()
    assert "ខែ" not in period  # month names, not Django's "ខែ មិនា"
    assert any(ch in period for ch in "០១២៣៤៥៦៧៨៩")
    assert not any(ch in period for ch in "0123456789")


def test_sharing_tags_use_the_pages_own_language(client):
    campaign = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
    for language in ("km", "en"):
        page = soup(client.get(url_in(campaign, language)))
        with translation.override(language):
            title, summary = campaign.title, campaign.summary_text
        assert page.select_one('meta[property="og:title"]')["content"] == title
        assert page.select_one('meta[property="og:description"]')["content"][:60] == summary[:60]
        image = page.select_one('meta[property="og:image"]')["content"]
        assert image.startswith("http://testserver/media/images/") and "fill-1200x630" in image
        assert page.select_one('meta[property="og:image:width"]')["content"] == "1200"
        assert page.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
        share = page.select_one("aside.share")
        links = [a["href"] for a in share.select("a")]
        assert links[0].startswith("https://t.me/share/url?url=http%3A%2F%2Ftestserver%2F")
        assert links[1].startswith("https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2F")
    # Sharing needs no script: the only one is the deferred offline enhancement (home/offline.py).
    scripts = soup(client.get(url_in(campaign, "km"))).select("script")
    assert [(s.get("src"), s.has_attr("defer"), s.string) for s in scripts] == [("/static/js/offline.js", True, None)]


def test_hotline_is_on_every_page(client):
    for url in ("/km/", "/en/", "/km/campaigns/", "/en/facts/", "/en/help/"):
        page = soup(client.get(url))
        assert page.select_one(".hotline--header a[href^='tel:']"), url
        assert page.select_one(".hotline--footer a[href^='tel:']"), url


def test_text_from_editors_is_escaped(client):
    campaign = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
    campaign.summary_en = '<script>alert("x")</script>'
    campaign.body_en = [
        {"type": "quote", "value": {"text": "<img src=x onerror=alert(1)>", "speaker": "<b>me</b>"}},
        {"type": "text", "value": '<p>fine</p><script>alert("rich")</script>'},
    ]
    campaign.save_revision().publish()
    html = client.get(url_in(campaign, "en")).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_campaign_page_renders_in_a_constant_number_of_queries(client, django_assert_max_num_queries):
    campaign = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
    image = Image.objects.first()
    blocks = []
    for n in range(20):
        blocks += [
            {"type": "text", "value": f"<p>Paragraph {n}</p>"},
            {"type": "key_facts", "value": [{"number": str(n), "label": "facts"}] * 3},
            {"type": "quote", "value": {"text": "q", "speaker": "s"}},
            {"type": "image", "value": {"image": image.pk, "alt_text": "alt", "caption": "c"}},
            {"type": "faq", "value": [{"question": "q?", "answer": "<p>a</p>"}]},
        ]
    campaign.body_en = blocks
    campaign.save_revision().publish()
    campaign.topics.set(Topic.objects.all())
    campaign.provinces.set(Province.objects.all())
    campaign.save_revision().publish()
    url = url_in(campaign, "en")
    client.get(url)  # renditions are made on the first view
    with django_assert_max_num_queries(25):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("<blockquote>") == 20


def test_a_khmer_campaign_page_writes_every_number_one_way(client):
    """Issue 16: "៤៨,០០០" (a typed key fact) beside "១២៤.០៥៨" (a computed figure), "1294" in the help box."""
    import re

    campaign = CampaignPage.objects.get(slug_en="cleanse-ourselves-first")
    main = soup(client.get(url_in(campaign, "km"))).select_one("main")
    for hidden in main.select("[lang=en], script, style"):
        hidden.decompose()
    text = main.get_text(" ")
    assert not re.search(r"[0-9]", text), re.findall(r".{0,20}[0-9]+.{0,10}", text)
    assert not re.search(r"[០-៩],[០-៩]{3}", text)  # grouping as format_number writes it: ៤៨.០០០
    assert "៤៨.០០០" in text
