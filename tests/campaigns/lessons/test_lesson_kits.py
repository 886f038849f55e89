"""Lesson kits: filters that combine, the kit page, and its files (journey 2 steps 1-3)."""

import pytest
from bs4 import BeautifulSoup

from django.utils import translation

from campaigns.lessons.index_page import LessonKitIndexPage
from campaigns.lessons.listing import KitFilters, filter_kits
from campaigns.lessons.pages import LessonKitPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def index_url(language="en"):
    with translation.override(language):
        return LessonKitIndexPage.objects.get().get_url()


def test_filters_combine_and_keep_their_state_in_the_url(client):
    response = client.get(index_url() + "?grade=lower_secondary&topic=methamphetamine")
    page = soup(response)
    titles = [a.get_text() for a in page.select(".kit-card h2 a")]
    assert titles == ["Yama: the facts behind the pills"] or "Yama: the facts behind the pills" in titles
    expected = LessonKitPage.objects.live().filter(grade_band="lower_secondary", topics__slug="methamphetamine").count()
    assert len(titles) == expected
    assert page.select_one("#grade option[selected]")["value"] == "lower_secondary"
    assert page.select_one("#topic option[selected]")["value"] == "methamphetamine"
    assert f"{expected} lesson kit" in page.select_one(".result-count").get_text()


def test_every_filter_narrows_the_list():
    index = LessonKitIndexPage.objects.get()
    everything = filter_kits(LessonKitPage.objects.child_of(index), KitFilters()).count()
    assert everything == 6
    for query, check in [
        ({"grade": "primary"}, lambda k: k.grade_band == "primary"),
        ({"duration": "short"}, lambda k: k.duration <= 45),
        ({"duration": "long"}, lambda k: k.duration > 60),
        ({"language": "en"}, lambda k: any(f.language == "en" for f in k.files.all())),
    ]:
        kits = list(filter_kits(LessonKitPage.objects.child_of(index), KitFilters.from_query(query)))
        assert 0 < len(kits) < everything, query
        assert all(check(k) for k in kits), query
    campaign = LessonKitPage.objects.filter(campaign__isnull=False).first().campaign
    kits = filter_kits(LessonKitPage.objects.child_of(index), KitFilters.from_query({"campaign": str(campaign.pk)}))
    assert {k.campaign_id for k in kits} == {campaign.pk}


def test_unknown_filter_values_are_ignored_not_errors(client):
    for query in (
        "?grade=<script>",
        "?duration=forever&language=fr",
        "?campaign=abc",
        "?page=999",
        "?topic=" + "x" * 5000,
    ):
        response = client.get(index_url() + query)
        assert response.status_code == 200, query
    assert KitFilters.from_query({"grade": "nope", "campaign": "1 OR 1=1"}) == KitFilters()


def test_filter_links_work_without_javascript(client):
    page = soup(client.get(index_url() + "?topic=methamphetamine"))
    link = page.select_one(".filter-links a[href*='grade=lower_secondary']")
    assert "topic=methamphetamine" in link["href"], "a grade link keeps the chosen topic"


def test_kit_index_query_count_does_not_grow_with_kits(client, django_assert_max_num_queries):
    url = index_url()
    client.get(url)
    with django_assert_max_num_queries(20) as context:
        client.get(url)
    few = len(context.captured_queries)
    index = LessonKitIndexPage.objects.get()
    source = LessonKitPage.objects.get(slug_en="yama-the-facts")
    for number in range(8):
        copy = source.copy(
            to=index, update_attrs={"slug": f"copy-{number}", "slug_en": f"copy-{number}", "slug_km": f"copy-{number}"}
        )
        copy.save_revision().publish()
    with django_assert_max_num_queries(few) as context:
        response = client.get(url)
    assert len(soup(response).select(".kit-card")) == 10


def test_kit_page_lists_files_with_type_size_and_zip_links(client):
    kit = LessonKitPage.objects.get(slug_en="yama-the-facts")
    with translation.override("km"):
        url = kit.get_url()
    page = soup(client.get(url))
    files = page.select(".kit-files .downloads li")
    assert len(files) == 4
    for item in files:
        meta = item.select_one(".meta").get_text()
        assert "PDF" in meta and "0 bytes" not in meta and any(ch in meta for ch in "០១២៣៤៥៦៧៨៩")
    zips = [a["href"] for a in page.select(".zip-links a")]
    assert [z.rsplit("/", 2)[-2] for z in zips] == ["km", "en", "all"]
    objectives = page.select("#objectives-heading + ul li")
    assert len(objectives) == len([line for line in kit.objectives_km.splitlines() if line.strip()])


@pytest.mark.parametrize("language", ["km", "en"])
def test_each_zip_button_says_how_large_the_download_is(client, language):
    from django.template.defaultfilters import filesizeformat

    from home.khmer_format import format_digits

    kit = LessonKitPage.objects.get(slug_en="yama-the-facts")
    with translation.override(language):
        page = soup(client.get(kit.get_url()))
        sizes = dict(kit.zip_sizes())
        expected = {code: format_digits(filesizeformat(size)) for code, size in sizes.items()}
    buttons = page.select(".zip-links a")
    assert len(buttons) == len(sizes) >= 1
    for button in buttons:
        code = button["href"].rstrip("/").rsplit("/", 1)[-1]
        assert button.select_one(".zip-size").get_text() == expected[code]
    assert all(size > 0 for size in sizes.values())
