"""The index follows the site: pages moved and deleted, snippets saved and deleted, documents replaced,
and the rebuild command."""

import pytest

from django.core.files.base import ContentFile
from django.core.management import call_command

from wagtail.documents.models import Document

from campaigns.models import CampaignIndexPage, FactSheetPage, HelpService, Province
from search.backends.embedded import EmbeddedBackend
from search.models import DocumentText, IndexEntry
from search.query import MaterialSearch
from tests.search.conftest import pdf_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


@pytest.fixture(autouse=True)
def embedded(settings):
    settings.ELASTICSEARCH_URL = ""


def urls(text, language):
    return [hit.url for hit in MaterialSearch(text, language=language).run().hits]


def test_moved_page_is_found_at_its_new_address(make_fact_sheet):

    page = make_fact_sheet("sniffing-glue", "ស្និត", "Whippets", summary_en="Whippets are small gas canisters.")
    assert urls("whippets", "en") == ["/en/facts/sniffing-glue/"]
    # Fact sheets belong under the fact sheet index; move it to another section to change its address.
    FactSheetPage.parent_page_types = ["campaigns.FactSheetIndexPage", "campaigns.CampaignIndexPage"]
    try:
        page.move(CampaignIndexPage.objects.get(), pos="last-child")
    finally:
        FactSheetPage.parent_page_types = ["campaigns.FactSheetIndexPage"]
    assert urls("whippets", "en") == ["/en/campaigns/sniffing-glue/"]


def test_deleted_page_is_gone(make_fact_sheet):
    page = make_fact_sheet("to-delete", "លុប", "Poppers", summary_en="Poppers are inhaled.")
    assert urls("poppers", "en")
    page.delete()
    assert urls("poppers", "en") == []
    assert not IndexEntry.objects.filter(key=f"fact_sheet:{page.pk}").exists()


def test_help_service_snippet_saved_and_deleted():

    service = HelpService.objects.create(
        name_km="មណ្ឌលប្រឹក្សាកោះកុង",
        name_en="Koh Kong youth lotus corner",
        kind="counselling",
        province=Province.objects.get(code="09"),
        phone="012 345 678",
    )
    assert urls("lotus corner", "en") == ["/en/help/?province=09"]
    assert urls("មណ្ឌលប្រឹក្សាកោះកុង", "km") == ["/km/help/?province=09"]
    service.name_en = "Koh Kong youth jasmine corner"
    service.save()
    assert urls("jasmine corner", "en") and not urls("lotus", "en")
    service.delete()
    assert urls("jasmine corner", "en") == []


def test_replacing_a_pdf_reindexes_the_material_that_offers_it(make_campaign, make_pdf, committed):

    guide = make_pdf("Guide", ["Draw the river crossing."])
    block = [{"type": "documents", "value": {"heading": "", "documents": [{"document": guide.pk, "title": ""}]}}]
    make_campaign("river", "ទន្លេ", "River", body_en=block)
    assert urls('"river crossing"', "en") == ["/en/campaigns/river/"]
    guide.file.save("guide-v2.pdf", ContentFile(pdf_bytes(["Draw the mountain pass."])), save=False)
    guide.file_hash = ""
    with committed():
        guide.save()
    assert DocumentText.objects.get(document=guide).text.strip().startswith("Draw the mountain pass")
    assert urls('"mountain pass"', "en") == ["/en/campaigns/river/"]
    assert urls('"river crossing"', "en") == []


def test_a_broken_pdf_is_saved_without_text():

    document = Document(title="Broken")
    document.file.save("broken.pdf", ContentFile(b"%PDF-1.4 this is not really a pdf"), save=False)
    document.save()
    assert DocumentText.objects.get(document=document).text == ""


def test_rebuild_command(capsys):

    EmbeddedBackend().clear()
    assert urls("yama", "en") == []
    call_command("search_index")
    assert "Indexed" in capsys.readouterr().out
    assert urls("yama", "en")[0] == "/en/facts/yama-methamphetamine-pills/"
