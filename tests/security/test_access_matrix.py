"""Access matrix: every non-public URL of the site, as every role, against a table written by hand.

The URL patterns are read from the URL configuration (tests/security/url_patterns.py):
a pattern in neither ``PUBLIC`` nor ``EXPECTED`` fails ``test_every_url_pattern_has_an_expectation``,
so a new endpoint cannot escape the matrix. Each pattern gets a concrete address
filled with real objects (tests/security/access_world.py); where it takes an
object of one province, the object is province B's (Koh Kong), so province-A
(Kampot) officials must be refused it, and their answers are searched for B's marker.

``EXPECTED`` maps each route to the roles allowed (letters of ``ROLES``:
a anonymous, t teacher who just sent the class report form, o outreach staff,
m moderator, p provincial official of A, d district official in A, c coordinator
of A, s NACD administrator). Everyone else must be sent to sign in, refused
(403, 404 or Wagtail's "no permission" redirect to the dashboard) or not found.
``"405"``: the address only takes POST (signed-in GETs get 405; anonymous ones
the sign-in page); ``"405:s"``: only the administrator gets that far.
"""

import io
import json

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Page

from campaigns.models import ClassReport, OutreachEvent
from tests.security.access_world import (
    B_MARKER,
    DRAFT_MARKER,
    PRIVATE_DOC_MARKER,
    ROLES,
    UNPUBLISHED_MARKER,
    build_world,
)
from tests.security.url_patterns import all_patterns, concrete_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)

PUBLIC = {
    "beacon/<int:page_id>/<str:language>.gif",
    "admin/sprite/",
    "admin/login/",
    "admin/password_reset/",
    "admin/password_reset/done/",
    "admin/password_reset/confirm/<uidb64>/<token>/",
    "admin/password_reset/complete/",
    "admin/jsi18n/",
    "documents/authenticate_with_password/<int:restriction_id>/",
    "favicon.ico",
    "healthz",
    "sw.js",
    "km/offline/",
    "km/lesson-kits/report/<int:kit_id>/",
    "km/quizzes/<int:quiz_id>/",
    "km/quizzes/<int:quiz_id>/answers/",
    "km/quizzes/<int:quiz_id>/score/<int:score>/",
    "km/quizzes/class-code/<int:kit_id>/",
    "km/quizzes/class/",
    "km/quizzes/class/<str:code>/",
    "km/quizzes/class/<str:code>/answers/",
    "km/quizzes/class/<str:code>/results/",
    "km/search/",
    "km/search/go/",  # a result opened: a signed address only (search/curation.py)
    "km/events/",
    "km/events/list/",
    "km/events/<int:pk>/",
    "km/events/<int:pk>.ics",
    "km/events/calendar.ics",
    "km/events/province/<str:code>.ics",
    "km/events/campaign/<slug:slug>.ics",
    "km/_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
    "km/_util/login/",
    "km/^((?:[\\w\\-]+/)*)$",
}

EXPECTED = {
    # Search curation (search/wagtail_hooks.py, wagtail.contrib.search_promotions): the administrator only.
    "admin/searchpicks/": "s",
    "admin/searchpicks/results/": "s",
    "admin/searchpicks/add/": "s",
    "admin/searchpicks/<int:query_id>/": "s",
    "admin/searchpicks/<int:query_id>/delete/": "s",
    # Wagtail's chooser of promoted query strings (staff's own, never what readers typed): any staff.
    "admin/searchpicks/queries/chooser/": "ompdcs",
    "admin/searchpicks/queries/chooser/results/": "ompdcs",
    "admin/searchpicks/reports/search-terms/": "s",
    "admin/searchpicks/reports/search-terms/results/": "s",
    "admin/snippets/search/synonymgroup/": "s",
    "admin/snippets/search/synonymgroup/results/": "s",
    "admin/snippets/search/synonymgroup/add/": "s",
    "admin/snippets/search/synonymgroup/edit/<int:pk>/": "s",
    "admin/snippets/search/synonymgroup/delete/<int:pk>/": "s",
    "admin/snippets/search/synonymgroup/usage/<int:pk>/": "s",
    "admin/snippets/search/synonymgroup/history/<int:pk>/": "s",
    "admin/snippets/search/synonymgroup/history-results/<int:pk>/": "s",
    "admin/snippets/search/synonymgroup/copy/<int:pk>/": "s",
    "admin/snippets/choose/search/synonymgroup/": "s",
    "admin/snippets/choose/search/synonymgroup/results/": "s",
    "admin/snippets/choose/search/synonymgroup/chosen/<str:pk>/": "s",
    "admin/snippets/choose/search/synonymgroup/chosen-multiple/": "s",
    "admin/snippets/choose/search/synonymgroup/create/": "s",
    "admin/snippets/search/searchqueryday/": "s",
    "admin/snippets/search/searchqueryday/results/": "s",
    "admin/snippets/search/searchqueryday/add/": "s",
    "admin/snippets/search/searchqueryday/edit/<int:pk>/": "s",
    "admin/snippets/search/searchqueryday/delete/<int:pk>/": "s",
    "admin/snippets/search/searchqueryday/usage/<int:pk>/": "s",
    "admin/snippets/search/searchqueryday/history/<int:pk>/": "s",
    "admin/snippets/search/searchqueryday/history-results/<int:pk>/": "s",
    "admin/snippets/search/searchqueryday/copy/<int:pk>/": "s",
    "admin/snippets/choose/search/searchqueryday/": "s",
    "admin/snippets/choose/search/searchqueryday/results/": "s",
    "admin/snippets/choose/search/searchqueryday/chosen/<str:pk>/": "s",
    "admin/snippets/choose/search/searchqueryday/chosen-multiple/": "s",
    "admin/snippets/choose/search/searchqueryday/create/": "s",
    "^admin/pages/(?P<page_id>\\d+)/edit/copy_translation_content/$": "405",
    "admin/": "ompdcs",
    "admin/test404/": "ompdcs",
    "admin/api/main/^pages/": "ompdcs",
    "admin/api/main/^pages/<int:pk>/": "oms",
    "admin/api/main/^pages/find/": "",
    "admin/api/main/^pages/<int:pk>/action/<str:action_name>/": "405",
    "admin/api/main/^documents/": "ompdcs",
    "admin/api/main/^documents/<int:pk>/": "ompdcs",
    "admin/api/main/^documents/find/": "",
    "admin/api/main/^images/": "ompdcs",
    "admin/api/main/^images/<int:pk>/": "oms",  # province B's event photo
    "admin/api/main/^images/find/": "",
    "admin/failwhale/": "",
    "admin/pages/": "oms",
    "admin/pages/<int:parent_page_id>/": "oms",
    "admin/pages/<int:parent_page_id>/results/": "oms",
    "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/": "",
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/": "oms",
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/preview/": "oms",
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/": "oms",
    "admin/pages/create/<slug:app_label>/<slug:model_name>": "ompdcs",
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/": "oms",
    "admin/pages/<int:page_id>/usage/": "oms",
    "admin/pages/<int:page_id>/edit/": "oms",
    "admin/pages/<int:page_id>/edit/preview/": "oms",
    "admin/pages/<int:page_id>/view_draft/": "oms",
    "admin/pages/<int:parent_page_id>/add_subpage/": "oms",
    "admin/pages/<int:page_id>/delete/": "ms",
    "admin/pages/<int:page_id>/unpublish/": "ms",
    "admin/pages/<int:page_id>/convert_alias/": "",
    "admin/pages/search/": "oms",
    "admin/pages/search/results/": "oms",
    "admin/pages/<int:page_to_move_id>/move/": "ms",
    "admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/": "ompdcs",
    "admin/pages/<int:page_to_move_id>/set_position/": "405",
    "admin/pages/<int:page_id>/copy/": "oms",
    "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/": "ms",
    "admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/": "ms",
    "admin/pages/workflow/confirm_cancellation/<int:page_id>/": "ompdcs",
    "admin/pages/workflow/preview/<int:page_id>/<int:task_id>/": "ms",
    "admin/pages/<int:page_id>/privacy/": "ms",
    "admin/pages/<int:page_id>/lock/": "405",
    "admin/pages/<int:page_id>/unlock/": "405",
    "admin/pages/<int:page_id>/revisions/": "oms",  # redirects to the page history
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/view/": "oms",
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/revert/": "oms",
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/": "ms",
    "admin/pages/^(?P<pk>\\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\\d+)\\.\\.\\."
    "(?P<revision_id_b>live|latest|\\d+)/$": "oms",
    "admin/pages/<int:page_id>/workflow_history/": "oms",
    "admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/": "oms",
    "admin/pages/<int:page_id>/history/": "oms",
    "admin/pages/<int:page_id>/history/results/": "oms",
    "admin/choose-page/": "ompdcs",
    "admin/choose-page/<int:parent_page_id>/": "ompdcs",
    "admin/choose-page/search/": "ompdcs",
    "admin/choose-page/chosen-multiple/": "ompdcs",
    "admin/choose-external-link/": "ompdcs",
    "admin/choose-email-link/": "ompdcs",
    "admin/choose-phone-link/": "ompdcs",
    "admin/choose-anchor-link/": "ompdcs",
    "admin/tag-autocomplete/": "ompdcs",
    "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/": "",
    "admin/collections/": "s",
    "admin/collections/add/": "s",
    "admin/collections/<int:pk>/": "s",
    "admin/collections/<int:pk>/delete/": "s",
    "admin/collections/<int:collection_id>/privacy/": "s",
    "admin/workflows/list/": "s",
    "admin/workflows/list/results/": "s",
    "admin/workflows/add/": "s",
    "admin/workflows/enable/<int:pk>/": "405",
    "admin/workflows/disable/<int:pk>/": "s",
    "admin/workflows/edit/<int:pk>/": "s",
    "admin/workflows/usage/<int:pk>/": "s",
    "admin/workflows/usage/<int:pk>/results/": "s",
    "admin/workflows/remove/<int:page_pk>/": "405",
    "admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/": "405",
    "admin/workflows/tasks/add/<str:app_label>/<str:model_name>/": "s",
    "admin/workflows/tasks/select_type/": "s",
    "admin/workflows/tasks/index/": "s",
    "admin/workflows/tasks/index/results/": "s",
    "admin/workflows/tasks/edit/<int:pk>/": "s",
    "admin/workflows/tasks/disable/<int:pk>/": "s",
    "admin/workflows/tasks/enable/<int:pk>/": "405",
    "admin/workflows/task_chooser/": "ompdcs",
    "admin/workflows/task_chooser/results/": "ompdcs",
    "admin/workflows/task_chooser/create/": "ompdcs",
    "admin/workflows/task_chooser/<int:task_id>/": "ompdcs",
    "admin/reports/locked/": "ms",
    "admin/reports/locked/results/": "ms",
    "admin/reports/workflow/": "oms",
    "admin/reports/workflow/results/": "oms",
    "admin/reports/workflow_tasks/": "oms",
    "admin/reports/workflow_tasks/results/": "oms",
    "admin/reports/site-history/": "ompdcs",
    "admin/reports/site-history/results/": "ompdcs",
    "admin/reports/aging-pages/": "oms",
    "admin/reports/aging-pages/results/": "oms",
    "admin/reports/page-types-usage/": "oms",
    "admin/reports/page-types-usage/results/": "oms",
    "admin/account/": "ompdcs",
    "admin/logout/": "405",
    "admin/dismissibles/": "ompdcs",
    "admin/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/<int:session_id>/": "405",
    "admin/editing-sessions/release/<int:session_id>/": "405",
    "admin/block-preview/": "",
    "admin/pages/(?P<page_id>\\d+)/edit/copy_translation_content/$": "405",
    "admin/two-factor/": "ompdcs",
    "admin/two-factor/verify/": "",
    "admin/reach/": "ompdcs",
    "admin/reach/export.<str:fmt>": "ompdcs",
    "admin/reach/<int:campaign_id>/": "ompdcs",
    "admin/reach/<int:campaign_id>/export.<str:fmt>": "ompdcs",
    "admin/forms/": "oms",
    "admin/forms/results/": "oms",
    "admin/forms/submissions/<int:page_id>/": "",
    "admin/forms/submissions/<int:page_id>/results/": "",
    "admin/forms/submissions/<int:page_id>/delete/": "",
    "admin/redirects/": "s",
    "admin/redirects/results/": "s",
    "admin/redirects/add/": "s",
    "admin/redirects/<int:redirect_id>/": "s",
    "admin/redirects/<int:redirect_id>/delete/": "s",
    "admin/redirects/import/": "s",
    "admin/redirects/import/process/": "405:s",  # POST only, administrators only
    "admin/settings/<slug:app_name>/<slug:model_name>/": "s",
    "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/": "s",
    "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/": "",
    "admin/embeds/chooser/": "ompdcs",
    "admin/embeds/chooser/upload/": "ompdcs",
    "admin/snippets/": "",
    "admin/documents/": "oms",
    "admin/documents/results/": "oms",
    "admin/documents/add/": "oms",
    "admin/documents/edit/<int:document_id>/": "oms",
    "admin/documents/delete/<int:document_id>/": "oms",
    "admin/documents/multiple/add/": "oms",
    "admin/documents/multiple/<int:doc_id>/": "405",
    "admin/documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/": "405",
    "admin/documents/multiple/<int:doc_id>/delete/": "405",
    "admin/documents/multiple/delete_upload/<int:uploaded_file_id>/": "405",
    "admin/documents/usage/<int:document_id>/": "oms",
    "admin/images/": "ompdcs",
    "admin/images/results/": "ompdcs",
    "admin/images/<int:image_id>/": "oms",
    "admin/images/<int:image_id>/delete/": "oms",
    "admin/images/<int:image_id>/generate_url/": "",
    "admin/images/<int:image_id>/generate_url/output/": "",
    "admin/images/<int:image_id>/preview/<str:filter_spec>/": "oms",
    "admin/images/add/": "ompdcs",
    "admin/images/usage/<int:image_id>/": "oms",
    "admin/images/multiple/add/": "ompdcs",
    "admin/images/multiple/<int:image_id>/": "405",
    "admin/images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/": "405",
    "admin/images/multiple/<int:image_id>/delete/": "405",
    "admin/images/multiple/delete_upload/<int:uploaded_file_id>/": "405",
    # Quizzes (campaigns/quizzes/): outreach staff write and submit; moderators publish, lock and approve.
    "admin/snippets/campaigns/quiz/": "oms",
    "admin/snippets/campaigns/quiz/results/": "oms",
    "admin/snippets/campaigns/quiz/add/": "oms",
    "admin/snippets/campaigns/quiz/edit/<int:pk>/": "oms",
    "admin/snippets/campaigns/quiz/delete/<int:pk>/": "ms",
    "admin/snippets/campaigns/quiz/usage/<int:pk>/": "oms",
    "admin/snippets/campaigns/quiz/history/<int:pk>/": "oms",
    "admin/snippets/campaigns/quiz/history-results/<int:pk>/": "oms",
    "admin/snippets/campaigns/quiz/history/<int:pk>/revisions/<int:revision_id>/revert/": "oms",
    "admin/snippets/campaigns/quiz/history/(?P<pk>.+)/revisions/compare/(?P<revision_id_a>live|earliest|\\d+)\\.\\.\\."
    "(?P<revision_id_b>live|latest|\\d+)/$": "oms",
    "admin/snippets/campaigns/quiz/history/<int:pk>/revisions/<int:revision_id>/unschedule/": "ms",
    "admin/snippets/campaigns/quiz/unpublish/<int:pk>/": "ms",
    "admin/snippets/campaigns/quiz/lock/<int:pk>/": "405:ms",
    "admin/snippets/campaigns/quiz/unlock/<int:pk>/": "405:s",
    "admin/snippets/campaigns/quiz/workflow/action/<int:pk>/<slug:action_name>/<int:task_state_id>/": "ms",
    "admin/snippets/campaigns/quiz/workflow/collect_action_data/<int:pk>/<slug:action_name>/<int:task_state_id>/": "ms",
    "admin/snippets/campaigns/quiz/workflow/confirm_cancellation/<int:pk>/": "ompdcs",  # as pages' (a dialog)
    "admin/snippets/campaigns/quiz/workflow_history/<int:pk>/": "oms",
    "admin/snippets/campaigns/quiz/workflow_history/<int:pk>/detail/<int:workflow_state_id>/": "oms",
    "admin/snippets/choose/campaigns/quiz/": "oms",
    "admin/snippets/choose/campaigns/quiz/results/": "oms",
    "admin/snippets/choose/campaigns/quiz/chosen/<str:pk>/": "oms",
    "admin/snippets/choose/campaigns/quiz/chosen-multiple/": "oms",
    "admin/snippets/choose/campaigns/quiz/create/": "oms",
    "admin/snippets/campaigns/topic/": "oms",
    "admin/snippets/campaigns/topic/results/": "oms",
    "admin/snippets/campaigns/topic/add/": "oms",
    "admin/snippets/campaigns/topic/edit/<int:pk>/": "oms",
    "admin/snippets/campaigns/topic/delete/<int:pk>/": "ms",
    "admin/snippets/campaigns/topic/usage/<int:pk>/": "oms",
    "admin/snippets/campaigns/topic/history/<int:pk>/": "oms",
    "admin/snippets/campaigns/topic/history-results/<int:pk>/": "oms",
    "admin/snippets/campaigns/topic/copy/<int:pk>/": "oms",
    "admin/snippets/choose/campaigns/topic/": "ompdcs",
    "admin/snippets/choose/campaigns/topic/results/": "ompdcs",
    "admin/snippets/choose/campaigns/topic/chosen/<str:pk>/": "ompdcs",
    "admin/snippets/choose/campaigns/topic/chosen-multiple/": "ompdcs",
    "admin/snippets/choose/campaigns/topic/create/": "oms",
    "admin/snippets/campaigns/audience/": "oms",
    "admin/snippets/campaigns/audience/results/": "oms",
    "admin/snippets/campaigns/audience/add/": "oms",
    "admin/snippets/campaigns/audience/edit/<int:pk>/": "oms",
    "admin/snippets/campaigns/audience/delete/<int:pk>/": "ms",
    "admin/snippets/campaigns/audience/usage/<int:pk>/": "oms",
    "admin/snippets/campaigns/audience/history/<int:pk>/": "oms",
    "admin/snippets/campaigns/audience/history-results/<int:pk>/": "oms",
    "admin/snippets/campaigns/audience/copy/<int:pk>/": "oms",
    "admin/snippets/choose/campaigns/audience/": "ompdcs",
    "admin/snippets/choose/campaigns/audience/results/": "ompdcs",
    "admin/snippets/choose/campaigns/audience/chosen/<str:pk>/": "ompdcs",
    "admin/snippets/choose/campaigns/audience/chosen-multiple/": "ompdcs",
    "admin/snippets/choose/campaigns/audience/create/": "oms",
    "admin/snippets/campaigns/helpservice/": "oms",
    "admin/snippets/campaigns/helpservice/results/": "oms",
    "admin/snippets/campaigns/helpservice/add/": "oms",
    "admin/snippets/campaigns/helpservice/edit/<int:pk>/": "oms",
    "admin/snippets/campaigns/helpservice/delete/<int:pk>/": "ms",
    "admin/snippets/campaigns/helpservice/usage/<int:pk>/": "oms",
    "admin/snippets/campaigns/helpservice/history/<int:pk>/": "oms",
    "admin/snippets/campaigns/helpservice/history-results/<int:pk>/": "oms",
    "admin/snippets/campaigns/helpservice/copy/<int:pk>/": "oms",
    "admin/snippets/choose/campaigns/helpservice/": "ompdcs",
    "admin/snippets/choose/campaigns/helpservice/results/": "ompdcs",
    "admin/snippets/choose/campaigns/helpservice/chosen/<str:pk>/": "ompdcs",
    "admin/snippets/choose/campaigns/helpservice/chosen-multiple/": "ompdcs",
    "admin/snippets/choose/campaigns/helpservice/create/": "oms",
    "admin/snippets/campaigns/classreport/": "oms",
    "admin/snippets/campaigns/classreport/results/": "oms",
    "admin/snippets/campaigns/classreport/add/": "s",
    "admin/snippets/campaigns/classreport/edit/<int:pk>/": "oms",
    "admin/snippets/campaigns/classreport/delete/<int:pk>/": "s",
    "admin/snippets/campaigns/classreport/usage/<int:pk>/": "oms",
    "admin/snippets/campaigns/classreport/history/<int:pk>/": "oms",
    "admin/snippets/campaigns/classreport/history-results/<int:pk>/": "oms",
    "admin/snippets/campaigns/classreport/copy/<int:pk>/": "s",
    "admin/snippets/choose/campaigns/classreport/": "oms",
    "admin/snippets/choose/campaigns/classreport/results/": "oms",
    "admin/snippets/choose/campaigns/classreport/chosen/<str:pk>/": "oms",
    "admin/snippets/choose/campaigns/classreport/chosen-multiple/": "oms",
    "admin/snippets/choose/campaigns/classreport/create/": "s",
    "admin/snippets/campaigns/manualreach/": "oms",
    "admin/snippets/campaigns/manualreach/results/": "oms",
    "admin/snippets/campaigns/manualreach/add/": "oms",
    "admin/snippets/campaigns/manualreach/edit/<int:pk>/": "oms",
    "admin/snippets/campaigns/manualreach/delete/<int:pk>/": "s",
    "admin/snippets/campaigns/manualreach/usage/<int:pk>/": "oms",
    "admin/snippets/campaigns/manualreach/history/<int:pk>/": "oms",
    "admin/snippets/campaigns/manualreach/history-results/<int:pk>/": "oms",
    "admin/snippets/campaigns/manualreach/copy/<int:pk>/": "oms",
    "admin/snippets/choose/campaigns/manualreach/": "oms",
    "admin/snippets/choose/campaigns/manualreach/results/": "oms",
    "admin/snippets/choose/campaigns/manualreach/chosen/<str:pk>/": "oms",
    "admin/snippets/choose/campaigns/manualreach/chosen-multiple/": "oms",
    "admin/snippets/choose/campaigns/manualreach/create/": "oms",
    "admin/snippets/campaigns/officialarea/": "s",
    "admin/snippets/campaigns/officialarea/results/": "s",
    "admin/snippets/campaigns/officialarea/add/": "s",
    "admin/snippets/campaigns/officialarea/edit/<int:pk>/": "s",
    "admin/snippets/campaigns/officialarea/delete/<int:pk>/": "s",
    "admin/snippets/campaigns/officialarea/usage/<int:pk>/": "s",
    "admin/snippets/campaigns/officialarea/history/<int:pk>/": "s",
    "admin/snippets/campaigns/officialarea/history-results/<int:pk>/": "s",
    "admin/snippets/campaigns/officialarea/copy/<int:pk>/": "s",
    "admin/snippets/choose/campaigns/officialarea/": "s",
    "admin/snippets/choose/campaigns/officialarea/results/": "s",
    "admin/snippets/choose/campaigns/officialarea/chosen/<str:pk>/": "s",
    "admin/snippets/choose/campaigns/officialarea/chosen-multiple/": "s",
    "admin/snippets/choose/campaigns/officialarea/create/": "s",
    "admin/outreach-events/": "ompdcs",
    "admin/outreach-events/results/": "ompdcs",
    "admin/outreach-events/add/": "ompdcs",
    "admin/outreach-events/edit/<int:pk>/": "oms",
    "admin/outreach-events/delete/<int:pk>/": "ms",
    "admin/outreach-events/usage/<int:pk>/": "oms",
    "admin/outreach-events/history/<int:pk>/": "oms",
    "admin/outreach-events/history-results/<int:pk>/": "oms",
    "admin/outreach-events/inspect/<int:pk>/": "oms",
    "admin/outreach-events/report/<str:pk>/": "oms",
    "admin/outreach-events/verify/<str:pk>/": "",
    # The phone queue sends here (campaigns/events/offline.py): POST only; any staff who may log events.
    "admin/outreach-events/offline/submit/": "405",
    "admin/snippets/choose/campaigns/outreachevent/": "ompdcs",
    "admin/snippets/choose/campaigns/outreachevent/results/": "ompdcs",
    "admin/snippets/choose/campaigns/outreachevent/chosen/<str:pk>/": "oms",
    "admin/snippets/choose/campaigns/outreachevent/chosen-multiple/": "ompdcs",
    "admin/snippets/choose/campaigns/outreachevent/create/": "ompdcs",
    "admin/sites/": "s",
    "admin/sites/results/": "s",
    "admin/sites/new/": "s",
    "admin/sites/edit/<int:pk>/": "s",
    "admin/sites/delete/<int:pk>/": "s",
    "admin/sites/history/<int:pk>/": "s",
    "admin/sites/history-results/<int:pk>/": "s",
    "admin/sites/usage/<int:pk>/": "s",
    "admin/sites/copy/<int:pk>/": "s",
    "admin/users/": "s",
    "admin/users/results/": "s",
    "admin/users/new/": "s",
    "admin/users/edit/<int:pk>/": "s",
    "admin/users/delete/<int:pk>/": "s",
    "admin/users/history/<int:pk>/": "s",
    "admin/users/history-results/<int:pk>/": "s",
    "admin/users/usage/<int:pk>/": "s",
    "admin/users/copy/<int:pk>/": "s",
    "admin/groups/": "s",
    "admin/groups/results/": "s",
    "admin/groups/new/": "s",
    "admin/groups/edit/<int:pk>/": "s",
    "admin/groups/delete/<int:pk>/": "s",
    "admin/groups/history/<int:pk>/": "s",
    "admin/groups/history-results/<int:pk>/": "s",
    "admin/groups/usage/<int:pk>/": "s",
    "admin/documents/chooser/": "ompdcs",
    "admin/documents/chooser/results/": "ompdcs",
    "admin/documents/chooser/chosen/<str:pk>/": "oms",
    "admin/documents/chooser/chosen-multiple/": "ompdcs",
    "admin/documents/chooser/create/": "oms",
    "admin/images/chooser/": "ompdcs",
    "admin/images/chooser/results/": "ompdcs",
    "admin/images/chooser/chosen/<str:pk>/": "oms",  # province B's event photo
    "admin/images/chooser/chosen-multiple/": "ompdcs",
    "admin/images/chooser/create/": "ompdcs",
    "admin/images/chooser/<int:image_id>/select_format/": "oms",  # province B's event photo
    "admin/private-files/<path:name>": "oms",  # province B's event photo, through the access check
    "admin/^.*/$": "",
    "documents/^(\\d+)/(.*)$": "ompdcs",
}


DENIED = ("login", "denied")


def outcome(client, url):
    """("ok" | "login" | "denied" | "405" | other status, final response), following at most 3 redirects."""
    for _hop in range(4):
        response = client.get(url)
        status = response.status_code
        if status in (301, 302):
            location = response["Location"]
            if "/login/" in location:
                return "login", response
            if location.rstrip("/") in ("/admin", "http://testserver/admin"):
                return "denied", response  # Wagtail's "Sorry, you do not have permission"
            url = location
            continue
        if status in (403, 404):
            return "denied", response
        if status in (200, 204, 206, 304):
            return "ok", response
        return str(status), response
    return "redirect loop", response


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def sign_in_as(client, world, role):
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    elif role == "t":
        # A teacher: sends the class report form of a lesson kit, and keeps whatever it set.
        objects = world.objects
        response = client.post(
            reverse("report_class", args=(objects["kit"].pk,)),
            {
                "school": "សាលាបឋមសិក្សាកំពត",
                "province": objects["kampot"].pk,
                "district": objects["district_a"].pk,
                "date_taught": "2026-01-05",
                "girls": "12",
                "boys": "11",
                "other": "0",
                "website": "",
            },
        )
        assert response.status_code == 303  # sent: back to the kit with a thank-you


def test_every_url_pattern_has_an_expectation():
    routes = {route for route, _name in all_patterns()}
    missing = sorted(routes - set(EXPECTED) - PUBLIC)
    assert not missing, f"URL patterns without an access expectation: {missing}"
    stale = sorted((set(EXPECTED) | PUBLIC) - routes)
    assert not stale, f"expectations for URL patterns that no longer exist: {stale}"
    assert not set(EXPECTED) & PUBLIC


@pytest.mark.parametrize("role", list(ROLES))
def test_every_non_public_url_as(client, role):
    world = build_world()
    sign_in_as(client, world, role)
    failures = []
    checked = 0
    for route, name in all_patterns():
        if route in PUBLIC:
            continue
        allowed = EXPECTED[route]
        url = concrete_url(route, name, world.ids)
        result, response = outcome(client, url)
        checked += 1
        if name == "wagtailadmin_logout":
            sign_in_as(client, world, role)  # a GET of the sign-out address signs out (then answers 405)
        if allowed.startswith("405"):
            who = allowed.partition(":")[2] or "ompdcs"
            expected = ("login",) if role in "at" else ("405",) if role in who else DENIED
        elif role in allowed:
            expected = ("ok",)
        else:
            expected = DENIED
        if result not in expected:
            failures.append(f"{url} ({route}): {result}, expected {'/'.join(expected)}")
        elif role in "pdc" and result == "ok" and B_MARKER in body(response):
            failures.append(f"{url}: shows province B's record to a province-A official")
    assert checked == len([r for r, _n in all_patterns() if r not in PUBLIC])
    assert not failures, f"{ROLES[role]}:\n" + "\n".join(failures)


def test_drafts_unpublished_pages_previews_and_private_documents_are_never_served_to_anonymous(client):

    world = build_world()
    objects, ids = world.objects, world.ids
    live = client.get(objects["live"].url)
    assert live.status_code == 200 and DRAFT_MARKER not in body(live)  # the live text, not the draft
    assert client.get(objects["unpublished"].url).status_code == 404
    assert client.get(objects["private_page"].url)["Location"].startswith("/km/_util/login/")
    assert client.get(objects["private_doc"].url)["Location"].startswith("/km/_util/login/")
    for url in (
        reverse("wagtailadmin_pages:view_draft", args=(ids["live_with_draft"],)),
        reverse("wagtailadmin_pages:preview_on_edit", args=(ids["live_with_draft"],)),
        reverse("wagtailadmin_pages:revisions_view", args=(ids["live_with_draft"], ids["revision"])),
        reverse("wagtailadmin_api:pages:detail", args=(ids["unpublished"],)),
        reverse("wagtailadmin_api:documents:detail", args=(ids["private_document"],)),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    assert UNPUBLISHED_MARKER not in body(live) and PRIVATE_DOC_MARKER not in body(live)
    # Search echoes the query, so look for the pages' addresses among the results instead.
    found = body(client.get(reverse("search:search"), {"q": DRAFT_MARKER}))
    assert objects["live"].url not in found
    found = body(client.get(reverse("search:search"), {"q": UNPUBLISHED_MARKER}))
    assert objects["unpublished"].url not in found


SIGNED_IN = "ompdcs"  # who passes a collection's "signed-in people" restriction


@pytest.mark.parametrize("role", list(ROLES))
def test_private_documents_through_lesson_kits_as(client, role):
    """A kit's files/<id>/ address of a private document asks like the document's own address; the kit page
    and its ZIPs (the same for every reader, cached) never hold it, whoever asks."""
    import io
    import zipfile

    from django.utils import translation

    world = build_world()
    sign_in_as(client, world, role)
    kit = world.objects["kit"]
    with translation.override("km"):
        kit_url = kit.url
    result, response = outcome(client, f"{kit_url}files/{world.ids['private_kit_file']}/")
    if role in SIGNED_IN:
        assert result == "ok" and body(response).startswith("%PDF"), ROLES[role]
        assert "private" in response["Cache-Control"]
    else:
        assert result == "login", ROLES[role]
    assert PRIVATE_DOC_MARKER not in body(client.get(kit_url))
    for language in ("km", "all"):
        archive = zipfile.ZipFile(io.BytesIO(client.get(f"{kit_url}zip/{language}/").getvalue()))
        assert archive.namelist() and not any(PRIVATE_DOC_MARKER in name for name in archive.namelist())


@pytest.mark.parametrize("role", list(ROLES))
def test_a_kits_check_pdf_as(client, role):
    """The kit's check/<language>/ address (a route of the kit page, issue 19) follows the one rule: whoever may
    see the kit may download its check; a kit restricted to signed-in people asks the others to sign in."""
    from django.utils import translation

    from wagtail.models import PageViewRestriction

    from campaigns.lessons.pages import LessonKitPage

    world = build_world()
    sign_in_as(client, world, role)
    kit = LessonKitPage.objects.get(slug_en="yama-the-facts")  # a kit with a published check (the demo)
    with translation.override("km"):
        url = f"{kit.url}check/km/"
    result, response = outcome(client, url)
    assert result == "ok" and response.content.startswith(b"%PDF"), ROLES[role]
    PageViewRestriction.objects.create(page=kit, restriction_type=PageViewRestriction.LOGIN)
    result, response = outcome(client, url)
    if role in SIGNED_IN:
        assert result == "ok" and "private" in response["Cache-Control"], ROLES[role]
    else:
        assert result == "login", ROLES[role]


@pytest.mark.parametrize("role", ["a", "p", "d", "c", "o"])
def test_posting_to_delete_addresses_deletes_nothing_of_others(client, role):
    """Refused roles post the delete confirmations: nothing goes (outreach may not delete pages or events)."""

    world = build_world()
    sign_in_as(client, world, role)
    ids = world.ids
    client.post(reverse("wagtailadmin_pages:delete", args=(ids["page"],)))
    client.post(reverse("outreach_events:delete", args=(ids["event_b"],)))
    client.post(reverse("wagtaildocs:delete", args=(ids["private_document"],)))
    client.post(reverse("wagtailsnippets_campaigns_classreport:delete", args=(ids["class_report_b"],)))
    client.post(reverse("wagtailusers_users:delete", args=(ids["user"],)))
    assert Page.objects.filter(pk=ids["page"]).exists()
    assert OutreachEvent.objects.filter(pk=ids["event_b"]).exists()
    assert ClassReport.objects.filter(pk=ids["class_report_b"]).exists()
    assert world.users["s"].__class__.objects.filter(pk=ids["user"]).exists()
    if role != "o":  # outreach staff may delete documents
        assert get_document_model().objects.filter(pk=ids["private_document"]).exists()


def readable(response):
    """An answer as text: spreadsheets' cells, JSON with its Khmer unescaped, or the body."""
    content = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    kind = response.get("Content-Type", "")
    if "spreadsheetml" in kind:
        sheet = load_workbook(io.BytesIO(content)).active
        return " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    if kind.startswith("application/json"):
        return json.dumps(json.loads(content), ensure_ascii=False)
    return content.decode("utf-8-sig", errors="replace")


def reports_and_choosers(world):
    """Answers an official reads lists from: reports and their exports, image and page choosers, the image API."""
    ids = world.ids
    unpublished_parent = world.objects["unpublished"].get_parent().pk
    site_history = reverse("wagtailadmin_reports:site_history")
    return [
        (site_history, {}),
        (reverse("wagtailadmin_reports:site_history_results"), {}),
        (site_history, {"export": "csv"}),
        (site_history, {"export": "xlsx"}),
        (reverse("reach"), {}),
        (reverse("reach_export", args=("csv",)), {}),
        (reverse("reach_export", args=("xlsx",)), {}),
        (reverse("reach_export", args=("json",)), {}),
        (reverse("wagtailimages_chooser:choose"), {}),
        (reverse("wagtailimages_chooser:choose_results"), {}),
        (reverse("wagtailimages_chooser:chosen_multiple"), {"id": [ids["photo_b"], ids["image"]]}),
        (reverse("wagtailadmin_api:images:listing"), {"limit": 20, "order": "-id"}),
        (reverse("wagtailimages:index"), {}),
        (reverse("wagtailadmin_choose_page_child", args=(unpublished_parent,)), {}),
        (reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": [ids["unpublished"]]}),
    ]


@pytest.mark.parametrize("role", ["p", "d", "c"])
def test_reports_exports_and_choosers_show_officials_nothing_of_province_b_nor_unpublished_pages(client, role):
    world = build_world()
    sign_in_as(client, world, role)
    failures = []
    for url, query in reports_and_choosers(world):
        response = client.get(url, query)
        if response.status_code != 200:
            failures.append(f"{url} {query}: {response.status_code}")
            continue
        found = readable(response)
        for marker in (B_MARKER, UNPUBLISHED_MARKER):
            if marker in found:
                failures.append(f"{url} {query}: shows {marker}")
    assert not failures, f"{ROLES[role]}:\n" + "\n".join(failures)


def test_the_administrator_sees_province_b_in_the_same_answers(client):
    world = build_world()
    sign_in_as(client, world, "s")
    answers = {(url, str(query)): readable(client.get(url, query)) for url, query in reports_and_choosers(world)}
    site_history = reverse("wagtailadmin_reports:site_history")
    assert B_MARKER in answers[(site_history, str({"export": "csv"}))]
    assert B_MARKER in answers[(site_history, str({"export": "xlsx"}))]
    assert B_MARKER in answers[(reverse("wagtailimages_chooser:choose_results"), "{}")]
    unpublished_parent = world.objects["unpublished"].get_parent().pk
    assert UNPUBLISHED_MARKER in answers[(reverse("wagtailadmin_choose_page_child", args=(unpublished_parent,)), "{}")]
