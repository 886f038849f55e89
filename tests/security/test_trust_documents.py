"""Issue 14, where features meet: private documents through lesson kits and search, restricted pages and
their campaigns' events in search, and the second factor outside ``/admin/``.

Every path asks ``home.security.access``; each test here failed before it did.
"""

import io
import re
import zipfile
from pathlib import Path

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from campaigns.lessons.pages import LessonKitFile, LessonKitPage
from campaigns.models import FactSheetPage
from search.backends.embedded import EmbeddedBackend
from search.indexing import rebuild
from search.query import MaterialSearch
from tests.campaigns.events.outreach_fixtures import make_event
from tests.search.conftest import pdf_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

SECRET_WORD = "quillfeather"  # only in the private teacher guide's PDF
PRIVATE_TITLE = "ផែនការបង្រៀនសម្ងាត់"  # "secret lesson plan"


@pytest.fixture(autouse=True)
def embedded_search(settings):
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture
def kit():
    return LessonKitPage.objects.live().get(slug_en="yama-the-facts")


def private_collection(restriction_type=CollectionViewRestriction.LOGIN):
    collection = Collection.get_first_root_node().add_child(name="ឯកសារផ្ទៃក្នុង")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=restriction_type)
    return collection


def private_document(collection):
    document = get_document_model()(title=PRIVATE_TITLE, collection=collection)
    document.file.save("private-guide.pdf", ContentFile(pdf_bytes([f"Teacher notes {SECRET_WORD}"])), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def attach(kit, document, language="en"):
    """The document as one more file of the live kit, published (so search reindexes the kit)."""
    LessonKitFile.objects.create(kit=kit, document=document, role="handout", language=language, sort_order=99)
    kit = LessonKitPage.objects.get(pk=kit.pk)
    kit.save_revision().publish()
    return kit, kit.files.get(document=document)


def url_of(kit, suffix="", language="en"):
    with translation.override(language):
        return kit.url + suffix


def read(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def zips_on_disk(kit):
    return list((Path(settings.MEDIA_ROOT) / "kit-zips").glob(f"kit-{kit.pk}-*.zip"))


def found(words, language="en"):
    """Addresses a search shows: the materials, then the events block."""
    results = MaterialSearch(words, language=language).run()
    return [hit.url for hit in results.hits] + [line.url for line in results.events]


def staff(username="moderator"):
    return get_user_model().objects.get(username=username)


def enrolled(user):
    return TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)


def verify_session(client, device):
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


# 1. Private documents through lesson kits and search -----------------------------------------


def test_a_kit_file_url_of_a_private_document_asks_for_a_sign_in(client, kit):
    kit, kit_file = attach(kit, private_document(private_collection()))
    response = client.get(url_of(kit, f"files/{kit_file.pk}/"))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert SECRET_WORD.encode() not in read(response)

    client.force_login(staff())
    allowed = client.get(url_of(kit, f"files/{kit_file.pk}/"))
    assert allowed.status_code == 200 and read(allowed).startswith(b"%PDF")
    assert "private" in allowed["Cache-Control"]


def test_a_kit_file_url_of_a_password_document_asks_for_the_password(client, kit):
    collection = Collection.get_first_root_node().add_child(name="ឯកសារមានពាក្យសម្ងាត់")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="ពាក្យសម្ងាត់១២៣"
    )
    kit, kit_file = attach(kit, private_document(collection))
    response = client.get(url_of(kit, f"files/{kit_file.pk}/"))
    assert response.status_code == 200 and not response.streaming
    assert b"%PDF" not in response.content and b"password" in response.content.lower()
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_the_kit_page_and_its_zips_leave_private_documents_out(client, kit):
    kit, kit_file = attach(kit, private_document(private_collection()))
    page = client.get(url_of(kit)).content.decode()
    assert PRIVATE_TITLE not in page and f"files/{kit_file.pk}/" not in page
    for language in ("en", "all"):
        archive = zipfile.ZipFile(io.BytesIO(read(client.get(url_of(kit, f"zip/{language}/")))))
        assert archive.namelist() and not any(PRIVATE_TITLE in name for name in archive.namelist())
    # Signed in, the page may be personal, but the ZIP on disk is everyone's: still without it.
    client.force_login(staff())
    archive = zipfile.ZipFile(io.BytesIO(read(client.get(url_of(kit, "zip/all/")))))
    assert not any(PRIVATE_TITLE in name for name in archive.namelist())


def test_private_document_text_never_reaches_search(kit):
    kit, _kit_file = attach(kit, private_document(private_collection()))
    rebuild(EmbeddedBackend())
    assert found(SECRET_WORD) == []


def test_restricting_a_collection_later_takes_its_documents_out_of_kits_and_search(client, kit):
    collection = Collection.get_first_root_node().add_child(name="ឯកសារថ្មី")
    kit, kit_file = attach(kit, private_document(collection))
    assert found(SECRET_WORD) == [url_of(kit)]
    assert PRIVATE_TITLE in client.get(url_of(kit)).content.decode()
    read(client.get(url_of(kit, "zip/all/")))  # built with the file, while it was public

    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert found(SECRET_WORD) == []
    assert PRIVATE_TITLE not in client.get(url_of(kit)).content.decode()  # the cached page was purged
    assert client.get(url_of(kit, f"files/{kit_file.pk}/")).status_code == 302

    assert not [
        name for path in zips_on_disk(kit) for name in zipfile.ZipFile(path).namelist() if PRIVATE_TITLE in name
    ]  # ZIPs built before the restriction are gone from the disk

    restriction.delete()
    assert found(SECRET_WORD) == [url_of(kit)]
    assert PRIVATE_TITLE in client.get(url_of(kit)).content.decode()


# 2. Restricted pages and their campaigns' events in search -----------------------------------


def fact_sheet():
    page = FactSheetPage.objects.live().order_by("path").first()
    with translation.override("km"):
        return page, page.title_km, page.url


def test_restricting_a_page_takes_it_and_its_descendants_out_of_search_at_once():
    rebuild(EmbeddedBackend())
    page, title, url = fact_sheet()
    assert url in found(title, "km")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="ពាក្យ១២៣"
    )
    assert url not in found(title, "km")
    restriction.delete()
    assert url in found(title, "km")

    kit = LessonKitPage.objects.live().first()
    with translation.override("km"):
        kit_title, kit_url = kit.title_km, kit.url
    assert kit_url in found(kit_title, "km")
    PageViewRestriction.objects.create(page=kit.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    assert kit_url not in found(kit_title, "km")  # a descendant of the restricted index


def test_search_filters_restricted_pages_at_query_time_too():
    """A restriction the signals never saw (a bulk insert, a restore) still keeps the page out of results."""
    rebuild(EmbeddedBackend())
    page, title, url = fact_sheet()
    assert url in found(title, "km")
    PageViewRestriction.objects.bulk_create([PageViewRestriction(page=page, restriction_type="login")])
    assert url not in found(title, "km")


def test_events_of_a_restricted_campaign_leave_search():
    event = make_event("07", "វគ្គអប់រំសម្ងាត់នៅកំពត", days=3)
    rebuild(EmbeddedBackend())
    assert any(f"/events/{event.pk}/" in url for url in found("វគ្គអប់រំសម្ងាត់នៅកំពត", "km"))
    PageViewRestriction.objects.create(page=event.campaign, restriction_type=PageViewRestriction.LOGIN)
    assert not any(f"/events/{event.pk}/" in url for url in found("វគ្គអប់រំសម្ងាត់នៅកំពត", "km"))

    rebuild(EmbeddedBackend())  # the index rebuilt, or written before the restriction: filtered when asked
    PageViewRestriction.objects.all().delete()
    rebuild(EmbeddedBackend())
    PageViewRestriction.objects.bulk_create([PageViewRestriction(page=event.campaign, restriction_type="login")])
    assert not any(f"/events/{event.pk}/" in url for url in found("វគ្គអប់រំសម្ងាត់នៅកំពត", "km"))


def test_elasticsearch_queries_exclude_what_may_not_be_found():
    from search.backends.elastic import search_body
    from search.query import parse_query

    body = search_body(parse_query("yama", "en"), exclude=["fact_sheet:7", "event:3"])
    query = body["query"]["function_score"]["query"]  # the ranking wraps the query (search/ranking.py)
    assert query["bool"]["must_not"] == [{"terms": {"key": ["fact_sheet:7", "event:3"]}}]
    assert "must_not" not in search_body(parse_query("yama", "en"))["query"]["function_score"]["query"]["bool"]


def test_the_search_passes_hidden_materials_to_the_backend():
    page, _title, _url = fact_sheet()
    PageViewRestriction.objects.bulk_create([PageViewRestriction(page=page, restriction_type="login")])
    seen = {}

    class Recording(EmbeddedBackend):
        def search(self, parsed, filters=None, offset=0, limit=10, require_all=True, exclude=(), **kwargs):
            seen["exclude"] = set(exclude)
            return super().search(parsed, filters, offset, limit, require_all, exclude, **kwargs)

    MaterialSearch("yama", language="en", backend=Recording()).run()
    assert f"fact_sheet:{page.pk}" in seen["exclude"]


# 3. The second factor outside /admin/ ----------------------------------------------------------


def test_an_unverified_enrolled_user_is_signed_out_for_restricted_pages_documents_and_kit_files(client, kit):
    page, _title, _url = fact_sheet()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    document = private_document(private_collection())
    kit, kit_file = attach(kit, document)
    user = staff()
    device = enrolled(user)
    client.force_login(user)  # the password alone

    addresses = [page.url, document.url, url_of(kit, f"files/{kit_file.pk}/")]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith("/admin/two-factor/verify/?next="), address

    verify_session(client, device)
    for address in addresses:
        assert client.get(address).status_code == 200, address


def test_people_without_a_second_factor_pass_as_before(client, kit):
    page, _title, _url = fact_sheet()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    document = private_document(private_collection())
    client.force_login(staff())
    assert client.get(page.url).status_code == 200
    assert client.get(document.url).status_code == 200


# The web-server examples in the docs -----------------------------------------------------------


def nginx_locations():
    """(file, location, body) of every ``location`` in the docs' nginx examples."""
    docs = Path(__file__).resolve().parents[2] / "docs"
    for path in sorted(docs.glob("*.md")):
        for example in re.findall(r"```nginx\n(.*?)```", path.read_text(), flags=re.S):
            for where, body in re.findall(r"location\s+(\S+)\s*\{(.*?)\}", example, flags=re.S):
                yield path.name, where, body


def test_no_web_server_example_serves_documents_or_kit_zips_by_their_name():
    locations = list(nginx_locations())
    assert any(where.startswith("/media/") for _name, where, _body in locations)
    for name, where, body in locations:
        if "alias" not in body and "root" not in body:
            continue
        served = re.sub(r"\s+", " ", body)
        assert "internal;" in served or where.startswith("/media/images/"), f"{name}: location {where} is public"


def test_deleting_a_restricted_page_leaves_nothing_of_it_in_the_index():
    """The restriction goes with its page: that must not index the page again as if it had been opened."""
    from search.models import IndexEntry

    rebuild(EmbeddedBackend())
    page, _title, _url = fact_sheet()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    key = f"fact_sheet:{page.pk}"
    page.delete()
    assert not IndexEntry.objects.filter(key=key).exists()


def test_did_you_mean_never_offers_a_word_only_a_restricted_page_holds():
    """The index's vocabulary keeps the words of pages restricted later; a suggestion is
    offered only when it finds something the reader may see."""
    page, _title, _url = fact_sheet()
    page.title_en = "Kratomvine facts"
    page.save_revision().publish()
    rebuild(EmbeddedBackend())
    assert MaterialSearch("kratemvime", language="en").run().suggestion == "kratomvine"
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert MaterialSearch("kratemvime", language="en").run().suggestion == ""
