"""Who may see what: the one rule for documents, images, pages and the features' own records.

Every path that serves or lists something asks here, never its own copy of the
rule: Wagtail's page and document serving, lesson kit files and ZIPs, search
(at index time and at query time), the calendar and feeds, admin listings,
choosers, reports, API endpoints and exports.

What is decided here:

- **Pages**: live, and every view restriction on the page or above it passed
  (password given in this session, signed in, in one of the groups).
- **Documents**: every view restriction of the document's collection (or a
  collection above it) passed.
- **The second factor**: a signed-in person who turned on two-step
  verification but has not typed a code in this session counts as signed out
  for every restriction that asks for a sign-in or a group, on every path,
  not only under ``/admin/``.
- **Features' records** (images, outreach events, ...): a feature registers a
  rule for its model with :func:`register_rule` (an official's area, say);
  :func:`may_see` and :func:`visible` answer with it. ``home`` names no feature.

``viewer`` is what a rule is given: the request when there is one (passwords
live in the session), or a user where Wagtail gives only the user (permission
policies); :func:`viewer_user` turns either into the user, with the second
factor applied to a request (:func:`effective_user`).

- **Log entries** (the site-history report and its exports): an entry of a
  record with a rule shows only when the record may be seen
  (:func:`visible_log_entries`).
- **Pages in the admin's choosers and API**: everything for those who may edit
  pages; the live public pages for everyone else (:func:`admin_pages`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from wagtail.documents.models import AbstractDocument
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, Page

from home.security.two_factor import needs_second_factor

SIGN_IN_RESTRICTIONS = (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)


def effective_user(request):
    """The user the request stands for; signed out while a turned-on second factor has not been passed."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or needs_second_factor(request):
        return AnonymousUser()
    return user


def viewer_user(viewer):
    """The user a rule judges: a request's (second factor applied), or the user given, or nobody."""
    if viewer is None:
        return AnonymousUser()
    if hasattr(viewer, "META"):
        return effective_user(viewer)
    return viewer


def passes(request, restriction):
    """Whether ``request`` passes one page or collection view restriction (second factor applied)."""
    if restriction.restriction_type in SIGN_IN_RESTRICTIONS and not effective_user(request).is_authenticated:
        return False
    return restriction.accept_request(request)


def failed_restriction(request, restrictions):
    """The first restriction ``request`` does not pass, or None (for Wagtail's sign-in and password forms)."""
    return next((r for r in restrictions if not passes(request, r)), None)


# Pages -----------------------------------------------------------------------


def may_see_page(request, page):
    return bool(page.live) and failed_restriction(request, page.get_view_restrictions()) is None


def public_pages(queryset=None):
    """Live pages no restriction covers: what anyone may find in search, feeds and listings."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.live().public()


def is_public_page(page):
    """Whether anyone may find ``page`` (live, no restriction here or above), read from the database."""
    return bool(page.live) and public_pages(Page.objects.filter(pk=page.pk)).exists()


def hidden_pages(queryset):
    """The pages of ``queryset`` that are not public: what search must leave out when asked."""
    return queryset.exclude(pk__in=public_pages(queryset.model.objects.all()).values("pk"))


def may_edit_pages(viewer):
    """Whether the viewer may add, edit or publish pages somewhere (then the admin shows them drafts)."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    user = viewer_user(viewer)
    return user.is_authenticated and PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


def admin_pages(viewer, queryset):
    """The pages of ``queryset`` the admin's choosers and API may list to the viewer.

    Those who may edit pages see them all, drafts and pages in moderation included (Wagtail's
    own page permissions decide what they may do with them); everyone else, officials among
    them, sees the live pages no restriction covers, as the public does.
    """
    if may_edit_pages(viewer):
        return queryset
    return public_pages(queryset)


# Documents -------------------------------------------------------------------


def collection_restrictions(collection):
    return collection.get_view_restrictions() if collection is not None else CollectionViewRestriction.objects.none()


def may_see_document(request, document):
    return failed_restriction(request, collection_restrictions(document.collection)) is None


def restricted_collections():
    """Collections with a view restriction, and every collection below one."""
    restricted = Collection.objects.filter(view_restrictions__isnull=False).distinct()
    below = Q(pk__in=[])
    for collection in restricted:
        below |= Q(path__startswith=collection.path)
    return Collection.objects.filter(below)


def public_documents(queryset):
    """Documents of collections no restriction covers: what a public page may list, serve or index."""
    return queryset.exclude(collection__in=restricted_collections())


def is_public_document(document):
    return not collection_restrictions(document.collection).exists()


# Features' records -----------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """``may_see(request, obj)`` for one object; ``visible(request, queryset)`` for a listing."""

    may_see: Callable
    visible: Callable


RULES = {}


def register_rule(model, may_see, visible):
    """A feature's rule for its model (and the model's subclasses)."""
    RULES[model] = Rule(may_see, visible)


def rule_for(model):
    for klass in model.__mro__:
        if klass in RULES:
            return RULES[klass]
    return None


def may_see(request, obj):
    """The one question: may ``request`` see ``obj``?"""
    if isinstance(obj, Page):
        return may_see_page(request, obj)
    if isinstance(obj, AbstractDocument):
        return may_see_document(request, obj)
    rule = rule_for(type(obj))
    if rule is None:
        return True
    return rule.may_see(request, obj)


def visible(request, queryset):
    """The rows of ``queryset`` that ``request`` may see (a feature's rule, or all of them)."""
    rule = rule_for(queryset.model)
    return queryset if rule is None else rule.visible(request, queryset)


# Log entries ------------------------------------------------------------------


def _as_text(queryset):
    """The primary keys of ``queryset`` as text (log entries keep the object's id in a text column)."""
    return queryset.annotate(_pk_text=Cast("pk", output_field=CharField())).values("_pk_text")


def visible_log_entries(viewer, queryset):
    """The log entries of ``queryset`` about objects the viewer may see.

    Entries about a model with a registered rule show only for the objects the rule lets the
    viewer see; entries about other models are left as Wagtail's own permission checks left them.
    A rule that gives a viewer the whole queryset back unchanged limits nothing, so those who see
    everything (NACD staff) keep the entries of deleted objects too; those the rule limits do not
    see entries of deleted objects.
    """
    if "object_id" not in {f.name for f in queryset.model._meta.concrete_fields}:
        return queryset  # page log entries: Wagtail's page permissions already decide
    content_type_ids = set(queryset.order_by().values_list("content_type_id", flat=True).distinct())
    ruled = []
    condition = Q()
    for content_type_id in content_type_ids:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        rule = rule_for(model) if model is not None else None
        if rule is None:
            continue
        every_object = model._default_manager.all()
        visible_objects = rule.visible(viewer, every_object)
        if visible_objects is every_object:
            continue
        ruled.append(content_type_id)
        condition |= Q(content_type_id=content_type_id, object_id__in=_as_text(visible_objects))
    if not ruled:
        return queryset
    return queryset.filter(~Q(content_type_id__in=ruled) | condition)
