"""The search page (/km/search/, /en/search/): results, facets, pagination, nothing found, odd input."""

import pytest

from django.core.cache import cache
from django.utils.html import strip_tags

from campaigns.models import CampaignPage, Topic

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


@pytest.fixture(autouse=True)
def embedded(settings):
    settings.ELASTICSEARCH_URL = ""


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.status_code
    return response


def test_khmer_search_finds_the_yama_fact_sheet_and_keeps_the_query(client):
    response = get(client, "/km/search/", q="ថ្នាំម៉ា")
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert 'value="ថ្នាំម៉ា"' in html
    assert response.context["results"].hits[0].url == "/km/facts/yama/"
    assert "<mark>" in html
    assert not response.cookies  # no cookie on a public page
    # Results need no script: the only one is the deferred offline enhancement (home/offline.py).
    assert html.count("<script") == 1 and '<script src="/static/js/offline.js" defer></script>' in html


def test_english_search_finds_the_same_material(client):
    response = get(client, "/en/search/", q="yama")
    assert response.context["results"].hits[0].url == "/en/facts/yama-methamphetamine-pills/"
    assert '<html lang="en">' in response.content.decode()


def test_facet_links_narrow_the_results(client):
    results = get(client, "/en/search/", q="yama").context["results"]
    kinds = {value.value: value for value in results.facets["kind"]}
    assert kinds["fact_sheet"].count < results.total
    html = get(client, "/en/search/", q="yama").content.decode()
    assert 'href="?q=yama&amp;kind=fact_sheet"' in html
    narrowed = get(client, "/en/search/", q="yama", kind="fact_sheet").context["results"]
    assert narrowed.total == kinds["fact_sheet"].count
    assert all(hit.kind == "fact_sheet" for hit in narrowed.hits)
    assert 'aria-current="true"' in get(client, "/en/search/", q="yama", kind="fact_sheet").content.decode()


def test_pagination(client, settings):
    first = get(client, "/en/search/", q="drugs")
    results = first.context["results"]
    assert results.total > 10 and results.num_pages >= 2
    html = first.content.decode()
    assert 'rel="next" href="?q=drugs&amp;page=2"' in html
    second = get(client, "/en/search/", q="drugs", page="2").context["results"]
    assert second.page == 2
    assert {h.url for h in second.hits}.isdisjoint({h.url for h in results.hits})
    # Khmer page numbers in Khmer digits.
    assert "១" in get(client, "/km/search/", q="គ្រឿងញៀន").content.decode().split('class="pagination"')[1][:400]


def test_nothing_found_offers_the_suggestion_the_fact_sheets_and_the_hotline(client):
    response = get(client, "/en/search/", q="cannnabiis")
    results = response.context["results"]
    assert results.total == 0
    assert results.suggestion == "cannabis"
    html = response.content.decode()
    assert 'href="?q=cannabis"' in html
    assert "/en/facts/yama-methamphetamine-pills/" in html
    assert 'href="tel:' in html
    khmer = get(client, "/km/search/", q="ឥតមានសោះ").content.decode()
    assert "/km/facts/yama/" in khmer and 'href="tel:' in khmer


@pytest.mark.parametrize(
    "query",
    [
        "ក" * 1000,
        "yama " * 200,
        '"unbalanced',
        'yama" OR "',
        "NEAR(a b) AND NOT * ^ : - + ~ { } [ ] \\",
        "a <-> b & c | !d",
        "'; DROP TABLE search_indexentry; --",
        "\u200b\u200b\u200b",
        "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
        "🙂🙂 e\u0301 ﷺ \x00 \x07",
        "%00%ff",
        "<script>alert(1)</script>",
    ],
)
def test_odd_queries_give_a_normal_page(client, query):
    for language in ("km", "en"):
        response = client.get(f"/{language}/search/", {"q": query})
        assert response.status_code == 200
        assert b"<script>alert" not in response.content


@pytest.mark.parametrize(
    "params",
    [
        {"q": "yama", "page": "abc"},
        {"q": "yama", "page": "-3"},
        {"q": "yama", "page": "99999999999999999999"},
        {"q": "yama", "kind": "x" * 500},
        {"q": "yama", "topic": "'\""},
        {"q": ["yama", "ice"]},
        {},
        {"q": ""},
    ],
)
def test_odd_parameters_give_a_normal_page(client, params):
    assert client.get("/en/search/", params).status_code == 200


def test_search_box_on_every_page(client):
    for path in ("/km/", "/en/", "/km/facts/yama/", "/en/campaigns/"):
        html = client.get(path).content.decode()
        assert 'role="search"' in html and 'name="q"' in html, path
        assert 'for="site-search-q"' in html
        language = path.split("/")[1]
        assert f'action="/{language}/search/"' in html


def test_results_show_the_kind_and_a_snippet(client):
    html = get(client, "/en/search/", q="hotline").content.decode()
    assert "result__snippet" in html
    assert strip_tags(html).count("Fact sheet") >= 1


@pytest.mark.parametrize("language", ["km", "en"])
def test_remembered_facet_labels_follow_a_renamed_campaign_and_topic(client, settings, language):

    settings.FRAGMENT_CACHE_SECONDS = 300
    cache.clear()
    query = "ថ្នាំម៉ា" if language == "km" else "yama"
    path = f"/{language}/search/"
    facets = get(client, path, q=query).context["results"].facets
    assert facets["campaign"] and facets["topic"]
    campaign = CampaignPage.objects.get(pk=int(facets["campaign"][0].value))
    topic = Topic.objects.get(slug=facets["topic"][0].value)
    new_title = "យុទ្ធនាការថ្មីសម្រាប់យុវជន" if language == "km" else "A renamed campaign for young people"
    new_topic = "ប្រធានបទដែលប្តូរឈ្មោះ" if language == "km" else "A renamed topic"
    setattr(campaign, f"title_{language}", new_title)
    campaign.save_revision().publish()  # renews the search pages' generation, not the site-wide one
    facets = get(client, path, q=query).context["results"].facets
    assert new_title in [value.label for value in facets["campaign"]]
    setattr(topic, f"name_{language}", new_topic)
    topic.save()
    facets = get(client, path, q=query).context["results"].facets
    assert new_topic in [value.label for value in facets["topic"]]
    cache.clear()
