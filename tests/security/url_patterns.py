"""Every URL pattern of the site, read from the URL configuration, and a concrete address for each.

:func:`all_patterns` walks ``get_resolver()`` recursively, so a pattern added
anywhere (a new app, a Wagtail hook, a snippet viewset) shows up here; the
access matrix fails for any pattern it has no expectation for.
"""

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.models import Page


def all_patterns():
    """[(route, name)]: ``route`` the pattern's full text (its key in the matrix), ``name`` namespaced or ""."""
    found = []

    def walk(resolver, prefix, namespaces):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                more = namespaces + ((entry.namespace,) if entry.namespace else ())
                walk(entry, prefix + str(entry.pattern), more)
            elif isinstance(entry, URLPattern):
                name = ":".join((*namespaces, entry.name)) if entry.name else ""
                found.append((prefix + str(entry.pattern), name))

    # Language-prefixed patterns read "km/..." whatever language an earlier test left active.
    with translation.override("km"):
        walk(get_resolver(), "", ())
    return found


SNIPPET_IDS = {
    "topic": "topic",
    "audience": "audience",
    "helpservice": "help_service_b",
    "classreport": "class_report_b",
    "manualreach": "manual_reach_b",
    "officialarea": "area_b",
    "outreachevent": "event_b",
    "synonymgroup": "synonym_group",
    "searchqueryday": "search_query_day",
    "quiz": "quiz",
}


def _snippet_url(name, ids):
    namespace, action = name.split(":")
    model = namespace.rsplit("_", 1)[1]
    if action in ("edit", "delete", "usage", "history", "history_results", "copy", "chosen"):
        return reverse(name, args=(ids[SNIPPET_IDS[model]],))
    pk = ids.get(SNIPPET_IDS.get(model, ""))
    # Quizzes have drafts, revisions, locking and the moderation workflow (campaigns/quizzes/).
    with_pk = {
        "lock": {},
        "unlock": {},
        "unpublish": {},
        "workflow_history": {},
        "confirm_workflow_cancellation": {},
        "workflow_history_detail": {"workflow_state_id": ids.get(f"{model}_workflow_state")},
        "revisions_revert": {"revision_id": ids.get(f"{model}_revision")},
        "revisions_unschedule": {"revision_id": ids.get(f"{model}_revision")},
        "revisions_compare": {"revision_id_a": "live", "revision_id_b": str(ids.get(f"{model}_revision"))},
        "workflow_action": {"action_name": "approve", "task_state_id": ids.get(f"{model}_task_state")},
        "collect_workflow_action_data": {"action_name": "approve", "task_state_id": ids.get(f"{model}_task_state")},
    }
    if action in with_pk:
        return reverse(name, kwargs={"pk": pk, **with_pk[action]})
    return reverse(name)


def concrete_url(route, name, ids):
    """A real address for the pattern, its converters filled with the matrix's objects."""
    i = ids
    by_route = {
        "admin/test404/": lambda: "/admin/test404/",
        "admin/failwhale/": lambda: "/admin/failwhale/",
        "^admin/pages/(?P<page_id>\\d+)/edit/copy_translation_content/$": lambda: (
            f"/admin/pages/{i['page']}/edit/copy_translation_content/"
        ),
        "admin/pages/(?P<page_id>\\d+)/edit/copy_translation_content/$": lambda: (
            f"/admin/pages/{i['page']}/edit/copy_translation_content/"
        ),
        "admin/^.*/$": lambda: "/admin/no-such-admin-page/",
        "favicon.ico": lambda: "/favicon.ico",
        "admin/pages/^(?P<pk>\\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\\d+)\\.\\.\\."
        "(?P<revision_id_b>live|latest|\\d+)/$": lambda: reverse(
            "wagtailadmin_pages:revisions_compare", args=(i["live_with_draft"], "live", i["revision"])
        ),
    }
    if route in by_route:
        return by_route[route]()
    if name.startswith(("wagtailsnippets_", "wagtailsnippetchoosers_")):
        return _snippet_url(name, i)
    if name.startswith("outreach_events:"):
        action = name.split(":")[1]
        if action in ("list", "list_results", "add", "offline_submit"):
            return reverse(name)
        return reverse(name, args=(i["event_b"],))
    kwargs = {
        "wagtailadmin_api:pages:detail": {"pk": i["unpublished"]},
        "wagtailadmin_api:pages:action": {"pk": i["page"], "action_name": "publish"},
        "wagtailadmin_api:documents:detail": {"pk": i["private_document"]},
        "wagtailadmin_api:images:detail": {"pk": i["photo_b"]},  # province B's event photo
        "wagtailadmin_explore": {"parent_page_id": i["parent"]},
        "wagtailadmin_explore_results": {"parent_page_id": i["parent"]},
        "wagtail_bulk_action": {"app_label": "wagtailcore", "model_name": "page", "action": "delete"},
        "wagtailadmin_pages:add": {
            "content_type_app_name": "campaigns",
            "content_type_model_name": "campaignpage",
            "parent_page_id": i["parent"],
        },
        "wagtailadmin_pages:preview_on_add": {
            "content_type_app_name": "campaigns",
            "content_type_model_name": "campaignpage",
            "parent_page_id": i["parent"],
        },
        "wagtailadmin_pages:type_use": {
            "content_type_app_name": "campaigns",
            "content_type_model_name": "campaignpage",
        },
        "wagtailadmin_pages:type_use_results": {
            "content_type_app_name": "campaigns",
            "content_type_model_name": "campaignpage",
        },
        "wagtailadmin_pages:choose_parent": {"app_label": "campaigns", "model_name": "campaignpage"},
        "wagtailadmin_pages:add_subpage": {"parent_page_id": i["parent"]},
        "wagtailadmin_pages:move": {"page_to_move_id": i["page"]},
        "wagtailadmin_pages:move_confirm": {"page_to_move_id": i["page"], "destination_id": i["parent"]},
        "wagtailsearchpromotions:edit": {"query_id": i["search_query"]},
        "wagtailsearchpromotions:delete": {"query_id": i["search_query"]},
        "wagtailadmin_pages:set_page_position": {"page_to_move_id": i["page"]},
        "wagtailadmin_pages:workflow_action": {
            "page_id": i["page"],
            "action_name": "approve",
            "task_state_id": i["task_state"],
        },
        "wagtailadmin_pages:collect_workflow_action_data": {
            "page_id": i["page"],
            "action_name": "approve",
            "task_state_id": i["task_state"],
        },
        "wagtailadmin_pages:workflow_preview": {"page_id": i["page"], "task_id": i["task"]},
        "wagtailadmin_pages:revisions_view": {"page_id": i["live_with_draft"], "revision_id": i["revision"]},
        "wagtailadmin_pages:revisions_revert": {"page_id": i["live_with_draft"], "revision_id": i["revision"]},
        "wagtailadmin_pages:revisions_unschedule": {"page_id": i["live_with_draft"], "revision_id": i["revision"]},
        "wagtailadmin_pages:workflow_history_detail": {"page_id": i["page"], "workflow_state_id": i["workflow_state"]},
        "wagtailadmin_choose_page_child": {"parent_page_id": i["parent"]},
        "wagtailadmin_tag_model_autocomplete": {"app_name": "wagtaildocs", "model_name": "document"},
        "wagtailadmin_collections:edit": {"pk": i["collection"]},
        "wagtailadmin_collections:delete": {"pk": i["collection"]},
        "wagtailadmin_collections:set_privacy": {"collection_id": i["collection"]},
        "wagtailadmin_workflows:remove": {"page_pk": i["page"]},
        "wagtailadmin_workflows:add_task": {"app_label": "wagtailcore", "model_name": "groupapprovaltask"},
        "wagtailadmin_workflows:task_chosen": {"task_id": i["task"]},
        "wagtailadmin_editing_sessions:ping": {
            "app_label": "wagtailcore",
            "model_name": "page",
            "object_id": str(i["page"]),
            "session_id": i["session"],
        },
        "wagtailadmin_editing_sessions:release": {"session_id": i["session"]},
        "wagtailadmin_password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
        "reach_export": {"fmt": "csv"},
        "reach_campaign": {"campaign_id": i["campaign"]},
        "reach_campaign_export": {"campaign_id": i["campaign"], "fmt": "xlsx"},
        "wagtailforms:list_submissions": {"page_id": i["page"]},
        "wagtailforms:list_submissions_results": {"page_id": i["page"]},
        "wagtailforms:delete_submissions": {"page_id": i["page"]},
        "wagtailredirects:edit": {"redirect_id": i["redirect"]},
        "wagtailredirects:delete": {"redirect_id": i["redirect"]},
        "wagtaildocs:edit": {"document_id": i["private_document"]},
        "wagtaildocs:delete": {"document_id": i["private_document"]},
        "wagtaildocs:edit_multiple": {"doc_id": i["private_document"]},
        "wagtaildocs:delete_multiple": {"doc_id": i["private_document"]},
        "wagtaildocs:create_multiple_from_uploaded_document": {"uploaded_file_id": i["uploaded_file"]},
        "wagtaildocs:delete_upload_multiple": {"uploaded_file_id": i["uploaded_file"]},
        "wagtaildocs:document_usage": {"document_id": i["private_document"]},
        "wagtaildocs_chooser:chosen": {"pk": str(i["private_document"])},
        "wagtailimages:edit": {"image_id": i["image"]},
        "wagtailimages:delete": {"image_id": i["image"]},
        "wagtailimages:url_generator": {"image_id": i["image"]},
        "wagtailimages:url_generator_output": {"image_id": i["image"]},
        "wagtailimages:preview": {"image_id": i["image"], "filter_spec": "fill-100x100"},
        "wagtailimages:image_usage": {"image_id": i["image"]},
        "wagtailimages:edit_multiple": {"image_id": i["image"]},
        "wagtailimages:delete_multiple": {"image_id": i["image"]},
        "wagtailimages:create_multiple_from_uploaded_image": {"uploaded_file_id": i["uploaded_file"]},
        "wagtailimages:delete_upload_multiple": {"uploaded_file_id": i["uploaded_file"]},
        "wagtailimages_chooser:chosen": {"pk": str(i["photo_b"])},
        "wagtailimages_chooser:select_format": {"image_id": i["photo_b"]},
        "private_file": {"name": i["photo_b_file"]},
        "wagtaildocs_serve": None,  # the document's own URL, below
        "wagtaildocs_authenticate_with_password": {"restriction_id": 1},
        "beacon": {"page_id": i["page"], "language": "km"},
        "report_class": {"kit_id": i["kit"]},
        "quizzes:quiz": {"quiz_id": i["quiz"]},
        "quizzes:answer": {"quiz_id": i["quiz"]},
        "quizzes:score": {"quiz_id": i["quiz"], "score": 1},
        "quizzes:class_code": {"kit_id": i["kit"]},
        "quizzes:class_quiz": {"code": "ACDEFG"},
        "quizzes:class_answer": {"code": "ACDEFG"},
        "quizzes:class_results": {"code": "ACDEFG"},
        "events:detail": {"pk": i["event_b"]},
        "events:event_ics": {"pk": i["event_b"]},
        "events:province_feed": {"code": "09"},
        "events:campaign_feed": {"slug": "x"},
        "wagtailcore_authenticate_with_password": {"page_view_restriction_id": 1, "page_id": i["private_page"]},
    }
    if name == "wagtailsettings:edit":
        if "<int:pk>" in route:
            return reverse(name, kwargs={"app_name": "home", "model_name": "helplinesettings", "pk": i["site"]})
        return reverse(name, kwargs={"app_name": "home", "model_name": "helplinesettings"})
    if name == "wagtailsettings:preview_on_edit":
        return reverse(name, kwargs={"app_name": "home", "model_name": "helplinesettings", "pk": i["site"]})
    if name == "wagtailadmin_workflows:remove" and "workflow_pk" in route:
        return reverse(name, kwargs={"page_pk": i["page"], "workflow_pk": i["workflow"]})
    if name == "wagtaildocs_serve":
        return get_document_model().objects.get(pk=i["private_document"]).url
    if name == "wagtail_serve":
        return Page.objects.get(pk=i["unpublished"]).specific.get_url() or f"/km/{i['unpublished']}/"
    if name in kwargs:
        return reverse(name, kwargs=kwargs[name])
    names_with_pk = (
        "wagtailadmin_pages:",
        "wagtailadmin_workflows:",
        "wagtailsites:",
        "wagtailusers_users:",
        "wagtailusers_groups:",
    )
    if "<int:page_id>" in route:
        return reverse(name, kwargs={"page_id": i["page"]})
    if "<int:pk>" in route and name.startswith(names_with_pk):
        pk = {
            "wagtailsites:": i["site"],
            "wagtailusers_users:": i["user"],
            "wagtailusers_groups:": i["group"],
            "wagtailadmin_workflows:edit_task": i["task"],
            "wagtailadmin_workflows:disable_task": i["task"],
            "wagtailadmin_workflows:enable_task": i["task"],
        }
        key = next((k for k in pk if name.startswith(k)), None)
        return reverse(name, kwargs={"pk": pk[key] if key else i["workflow"]})
    if "<" in route or "(?P" in route:
        raise LookupError(f"no address for {route} ({name})")
    return reverse(name)
