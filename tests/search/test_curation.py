"""Staff curation: promoted results (Khmer and English), synonyms kept as snippets, and the report of
searches that found nothing or that nobody opened (text and day counts only)."""

import pytest

from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from campaigns.models import FactSheetPage
from home.caching.page_cache import generations
from search.curation import REPORT_THRESHOLD, report_key, signed_target
from search.models import SearchQueryDay, SynonymGroup
from search.query import MaterialSearch
from search.synonyms import file_groups, synonym_groups

pytestmark = pytest.mark.usefixtures("demo")


def url(language):
    with translation.override(language):
        return reverse("search:search")


def titles(results):
    return [strip_tags(str(hit.title)) for hit in results.hits]


def promote(query, page, description=""):
    return SearchPromotion.objects.create(query=Query.get(query), page=page, description=description)


@pytest.mark.parametrize("language, query", [("en", "yama"), ("km", "យ៉ាម៉ា")])
def test_promoted_results_come_first_in_the_readers_language(client, language, query):
    heroin = FactSheetPage.objects.get(slug_en="heroin")
    promote(query, heroin, "Staff's pick")
    html = client.get(url(language), {"q": query}).content.decode()
    title = heroin.title_en if language == "en" else heroin.title_km
    assert 'class="search-promoted"' in html
    promoted_at = html.index(f">{title}</a>")
    assert promoted_at < html.index('<ol class="results">')
    assert f"/{language}/" in html[html.index("search-promoted") : promoted_at]


def test_a_promoted_page_the_public_may_not_see_is_not_shown(client, settings):
    heroin = FactSheetPage.objects.get(slug_en="heroin")
    promote("yama", heroin)
    PageViewRestriction.objects.create(page=heroin, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(url("en"), {"q": "yama"}).content.decode()
    assert "search-promoted" not in html


def test_searches_are_counted_by_text_and_day_only(client):
    for _ in range(REPORT_THRESHOLD - 1):
        client.get(url("en"), {"q": "  Zzqxv  Qqzzk "}, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Phone")
    # Fewer searches than the threshold: counted, but the words are not kept (one reader's own words).
    row = SearchQueryDay.objects.get(language="en")
    assert (row.query, row.searches, row.no_results) == ("", REPORT_THRESHOLD - 1, REPORT_THRESHOLD - 1)
    client.get(url("en"), {"q": "zzqxv qqzzk"})
    row.refresh_from_db()
    assert (row.query, row.searches, row.no_results, row.clicks) == (
        "zzqxv qqzzk",
        REPORT_THRESHOLD,
        REPORT_THRESHOLD,
        0,
    )
    client.get(url("en"), {"q": "yama"})
    found = SearchQueryDay.objects.exclude(pk=row.pk).get()
    assert (found.query, found.searches, found.no_results) == ("", 1, 0)
    # Nothing about the reader: the row is these fields, and no value holds the address or the browser.
    assert {f.name for f in SearchQueryDay._meta.get_fields()} == {
        "id",
        "language",
        "digest",
        "query",
        "day",
        "searches",
        "no_results",
        "clicks",
    }
    values = " ".join(str(v) for v in SearchQueryDay.objects.values_list(flat=False))
    assert "203.0.113.9" not in values and "Phone" not in values
    assert "sessionid" not in client.cookies


def test_opening_a_result_is_counted_and_only_signed_addresses_are_followed(client):
    html = client.get(url("en"), {"q": "yama"}).content.decode()
    link = html.split('class="result__title"><a href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert link.startswith("/en/search/go/?")
    response = client.get(link)
    assert response.status_code == 302 and response["Location"].startswith("/en/")
    assert SearchQueryDay.objects.get(language="en").clicks == 1
    for bad in ("https://evil.example/", "/en/facts/", signed_target("//evil.example/")):
        response = client.get(reverse("search:open"), {"q": "yama", "to": bad})
        assert response.status_code == 400
    with translation.override("km"):
        response = client.get(reverse("search:open"), {"to": "/km/"})
    assert response.status_code == 400 and "ស្វែងរក" in response.content.decode()


def test_synonyms_are_snippets_seeded_from_the_file_and_apply_at_once(make_fact_sheet, committed):
    assert [g for g in synonym_groups()] == file_groups()
    make_fact_sheet("kerosene", "ប្រេងកាតនៅផ្ទះ", "Kerosene at home", summary_en="Keep kerosene away from children.")
    assert "Kerosene at home" not in titles(MaterialSearch("paraffin", language="en").run())
    before = generations("search")
    with committed():  # no reindex: the next search reads the new group
        SynonymGroup.objects.create(names="kerosene, paraffin, lamp oil")
    assert "Kerosene at home" in titles(MaterialSearch("paraffin", language="en").run())
    assert "Kerosene at home" in titles(MaterialSearch("lamp oil", language="en").run())
    assert generations("search") != before  # the cached search pages are purged


def test_the_report_is_in_the_admin(admin_client):
    day = "2026-12-01"
    SearchQueryDay.objects.create(
        language="km", digest="a", query=report_key("ថ្នាំអ្វី"), day=day, searches=3, no_results=3
    )
    SearchQueryDay.objects.create(language="en", digest="b", query="yama", day=day, searches=5, clicks=4)
    SearchQueryDay.objects.create(language="en", digest="c", query="", day=day, searches=1, no_results=1)
    response = admin_client.get(reverse("wagtailsnippets_search_searchqueryday:list"), {"nobody_clicked": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "ថ្នាំអ្វី" in html and ">yama<" not in html
    assert admin_client.get(reverse("wagtailsnippets_search_synonymgroup:list")).status_code == 200
    assert admin_client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
