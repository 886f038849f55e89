"""The people and objects the access matrix calls every URL with (tests/security/test_access_matrix.py).

Province A is Kampot (code 07), province B Koh Kong (09). Every object of
province B carries a marker looked for in every response a province-A official
gets. Built inside each test's transaction, on top of the demo content.
"""

import datetime
import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
    UploadedFile,
    Workflow,
)

from campaigns.campaign_pages import CampaignPage
from campaigns.events.photos import photo_collection
from campaigns.fact_sheets import FactSheetPage
from campaigns.help_services import HelpService
from campaigns.lessons.class_reports import ClassReport
from campaigns.lessons.pages import LessonKitFile, LessonKitPage
from campaigns.models import District, OfficialArea, Province
from campaigns.quizzes.models import Quiz
from campaigns.reach.figures import ManualReach
from campaigns.taxonomy import Audience, Topic
from home.models import HelplineSettings
from home.roles import PROVINCIAL_COORDINATORS, PROVINCIAL_OFFICIALS
from tests.campaigns.events.outreach_fixtures import make_event, make_user
from tests.security.upload_files import VALID_IMAGES, pdf

B_MARKER = "សម្ងាត់កោះកុង-ខ៩"  # in province B's event (and its site history), photo, class report and reach figures
DRAFT_MARKER = "សេចក្ដីព្រាងសម្ងាត់-៧"  # a draft revision of a live page, never public
UNPUBLISHED_MARKER = "មិនទាន់ផ្សាយ-៨"  # a page never published
PRIVATE_DOC_MARKER = "private-lesson-plan"  # a document in a collection only signed-in people see

# Roles, one letter each, in the order of the matrix.
ROLES = {
    "a": "anonymous",
    "t": "teacher (anonymous, has just sent the class report form)",
    "o": "outreach staff",
    "m": "moderator",
    "p": "provincial official of Kampot (A)",
    "d": "district official within Kampot",
    "c": "provincial coordinator of Kampot",
    "s": "NACD administrator (superuser)",
}


@dataclass
class World:
    users: dict = field(default_factory=dict)
    ids: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)


def build_world():
    User = get_user_model()
    kampot, kohkong = Province.objects.get(code="07"), Province.objects.get(code="09")
    district_a = District.objects.filter(province=kampot).order_by("code").first()
    campaign = CampaignPage.objects.live().order_by("path").first()
    kit = LessonKitPage.objects.live().order_by("path").first()
    admin = User.objects.get(username="admin")
    outreach = User.objects.get(username="outreach")

    users = {
        "a": None,
        "t": None,
        "o": outreach,
        "m": User.objects.get(username="moderator"),
        "p": make_user("matrix_kampot", PROVINCIAL_OFFICIALS, "07"),
        "d": make_user("matrix_kampot_d", PROVINCIAL_OFFICIALS, "07", district=district_a),
        "c": make_user("matrix_kampot_c", PROVINCIAL_COORDINATORS, "07"),
        "s": admin,
    }
    kohkong_official = make_user("matrix_kohkong", PROVINCIAL_OFFICIALS, "09")

    event_b = make_event("09", B_MARKER, days=-1)
    event_a = make_event("07", "ព្រឹត្តិការណ៍កំពត-ម", district=district_a, days=-1)
    log(instance=event_b, action="wagtail.create", user=kohkong_official)  # in the site history
    # Province B's event photo, uploaded by its official: in B's collection, its file private.
    photo_b = get_image_model()(
        title=B_MARKER,
        uploaded_by_user=kohkong_official,
        file=ImageFile(io.BytesIO(VALID_IMAGES["png"]()), name="kohkong-event.png"),
    )
    photo_b._set_image_file_metadata()
    photo_b.save()
    assert photo_b.collection_id == photo_collection(kohkong.pk).pk

    # A live page with a draft revision, a page never published, a page behind a login.
    live = FactSheetPage.objects.live().order_by("path").first()
    live.title_km = DRAFT_MARKER
    live.title = DRAFT_MARKER
    draft_revision = live.save_revision(user=outreach)
    unpublished = FactSheetPage.objects.live().order_by("path").last()
    unpublished.title_km = UNPUBLISHED_MARKER
    unpublished.title = UNPUBLISHED_MARKER
    unpublished.save_revision(user=outreach)
    unpublished.unpublish()
    private_page = CampaignPage.objects.live().order_by("path").last()
    PageViewRestriction.objects.create(page=private_page, restriction_type=PageViewRestriction.LOGIN)

    # A page in moderation.
    workflow = Workflow.objects.filter(active=True).first()
    campaign_revision = campaign.save_revision(user=outreach)
    workflow_state = workflow.start(campaign, outreach)
    task_state = workflow_state.current_task_state
    # A demo quiz with a draft in moderation ("Campaign review" covers quizzes too, campaigns/quizzes/).
    quiz = Quiz.objects.filter(live=True).order_by("pk").first()
    quiz_revision = quiz.save_revision(user=outreach)
    quiz_workflow_state = workflow.start(quiz, outreach)

    Document = get_document_model()
    root = Collection.get_first_root_node()
    private = root.add_child(name="Private (matrix)")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    private_doc = Document(title=PRIVATE_DOC_MARKER, collection=private, uploaded_by_user=admin)
    private_doc.file.save(f"{PRIVATE_DOC_MARKER}.pdf", ContentFile(pdf()), save=False)
    private_doc._set_document_file_metadata()
    private_doc.save()
    public_doc = Document.objects.exclude(pk=private_doc.pk).order_by("pk").first()
    # The private document is also a file of the live lesson kit: its files/<id>/ address, the kit page
    # and the kit's ZIPs must keep it from whoever may not see it (tests/security/test_access_matrix.py).
    private_kit_file = LessonKitFile.objects.create(
        kit=kit, document=private_doc, role="handout", language="km", sort_order=99
    )

    image = get_image_model().objects.order_by("pk").first()
    uploaded = UploadedFile.objects.create(
        for_content_type=ContentType.objects.get_for_model(Document),
        file=ContentFile(pdf(), name="matrix-upload.pdf"),
        uploaded_by_user=admin,
    )
    session = EditingSession.objects.create(
        user=admin,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(campaign.pk),
        last_seen_at=datetime.datetime.now(datetime.UTC),
    )

    report_b = ClassReport.objects.create(
        kit=kit,
        school=B_MARKER,
        province=kohkong,
        district=kohkong.districts.order_by("code").first(),
        date_taught=datetime.date.today() - datetime.timedelta(days=2),
        girls=12,
        boys=10,
    )
    reach_b = ManualReach.objects.create(
        campaign=campaign,
        channel=ManualReach.Channel.choices[0][0],
        day=datetime.date.today() - datetime.timedelta(days=2),
        province=kohkong,
        people=321,
        source=B_MARKER,
    )
    redirect = Redirect.objects.create(old_path="/matrix-old", redirect_link="/km/")
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from search.models import SearchQueryDay, SynonymGroup

    promoted_query = Query.get("matrix promoted")
    SearchPromotion.objects.create(query=promoted_query, page=campaign, description=B_MARKER)
    synonyms = SynonymGroup.objects.create(names="matrixword, matrixslang", note=B_MARKER)
    searched = SearchQueryDay.objects.create(
        language="km", digest="matrix", query="matrix searched", day=datetime.date.today(), searches=3, no_results=3
    )

    ids = {
        "page": campaign.pk,
        "live_with_draft": live.pk,
        "unpublished": unpublished.pk,
        "private_page": private_page.pk,
        "root_page": Page.objects.get(depth=1).pk,
        "home_page": live.get_parent().get_parent().pk if live.depth > 3 else campaign.get_parent().pk,
        "parent": campaign.get_parent().pk,
        "revision": draft_revision.pk,
        "campaign_revision": campaign_revision.pk,
        "workflow": workflow.pk,
        "task": task_state.task_id,
        "task_state": task_state.pk,
        "workflow_state": workflow_state.pk,
        "document": public_doc.pk,
        "private_document": private_doc.pk,
        "private_kit_file": private_kit_file.pk,
        "image": image.pk,
        "photo_b": photo_b.pk,
        "photo_b_file": photo_b.file.name,
        "collection": private.pk,
        "redirect": redirect.pk,
        "site": Site.objects.first().pk,
        "user": kohkong_official.pk,
        "group": kohkong_official.groups.first().pk,
        "uploaded_file": uploaded.pk,
        "session": session.pk,
        "event_a": event_a.pk,
        "event_b": event_b.pk,
        "area_b": OfficialArea.objects.get(user=kohkong_official).pk,
        "class_report_b": report_b.pk,
        "manual_reach_b": reach_b.pk,
        "topic": Topic.objects.order_by("pk").first().pk,
        "audience": Audience.objects.order_by("pk").first().pk,
        "help_service_b": HelpService.objects.filter(province=kohkong).order_by("pk").first().pk
        if HelpService.objects.filter(province=kohkong).exists()
        else HelpService.objects.order_by("pk").first().pk,
        "helpline_settings": HelplineSettings.for_site(Site.objects.first()).pk,
        "campaign": campaign.pk,
        "kit": kit.pk,
        "search_query": promoted_query.pk,
        "synonym_group": synonyms.pk,
        "search_query_day": searched.pk,
        "quiz": quiz.pk,
        "quiz_revision": quiz_revision.pk,
        "quiz_workflow_state": quiz_workflow_state.pk,
        "quiz_task_state": quiz_workflow_state.current_task_state.pk,
    }
    return World(
        users=users,
        ids=ids,
        objects={
            "campaign": campaign,
            "kit": kit,
            "public_doc": public_doc,
            "private_doc": private_doc,
            "live": live,
            "unpublished": unpublished,
            "private_page": private_page,
            "kohkong": kohkong,
            "district_b": kohkong.districts.order_by("code").first(),
            "kampot": kampot,
            "district_a": district_a,
        },
    )
