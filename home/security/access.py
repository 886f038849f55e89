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
live in the session), and the user it stands for, with the second factor
applied (:func:`effective_user`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from wagtail.documents.models import AbstractDocument
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, Page, PageViewRestriction

from home.security.two_factor import needs_second_factor

SIGN_IN_RESTRICTIONS = (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)


def effective_user(request):
    """The user the request stands for; signed out while a turned-on second factor has not been passed."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or needs_second_factor(request):
        return AnonymousUser()
    return user


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


def restricted_page_paths():
    """Tree paths of restricted pages: everything under one of them is restricted too."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


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
