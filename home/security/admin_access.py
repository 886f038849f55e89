"""The admin's image permissions, image and page API endpoints and page chooser, through the access rule.

- **Images**: Wagtail's collection-and-owner permission policy, with the access
  rule on top (:class:`ImagePermissionPolicy`): every view that asks the policy (the
  images listing, edit, usage, delete, the chooser and its search, chosen,
  chosen-multiple and select-format) shows only images the user may see.
- **Admin API** (``/admin/api/main/images/`` and ``pages/``): the listing and
  each object are cut by the rule (another's object is a 404).
- **Page chooser and chosen pages**: :func:`home.security.access.admin_pages`
  (officials see live public pages only; those who edit pages see all).

Registered from ``home/wagtail_hooks.py`` (after every app is ready, so the image
policy replaces Wagtail's own).
"""

from django.db.models import Q

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from home.security.access import admin_pages, may_see, visible


class ImagePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's image policy; an image the access rule hides from the user is one they have no permission for."""

    def user_has_permission_for_instance(self, user, action, instance):
        return may_see(user, instance) and super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return may_see(user, instance) and super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_permission_for(self, user, action):
        return visible(user, super().instances_user_has_permission_for(user, action))

    def instances_user_has_any_permission_for(self, user, actions):
        return visible(user, super().instances_user_has_any_permission_for(user, actions))


def image_permission_policy():
    from wagtail.images import get_image_model

    return ImagePermissionPolicy(
        get_image_model(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
    )


class ImagesAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return visible(self.request, super().get_queryset())


class PagesAPIViewSet(PagesAdminAPIViewSet):
    def get_base_queryset(self):
        return admin_pages(self.request, super().get_base_queryset())


def register_api_endpoints(router):
    router.register_endpoint("images", ImagesAPIViewSet)
    router.register_endpoint("pages", PagesAPIViewSet)


def page_chooser_queryset(pages, request):
    return admin_pages(request, pages)


class ChosenPagesView(ChosenMultipleView):
    """Wagtail's chosen-multiple answer (titles, addresses) for the pages the chooser could have shown only."""

    def get(self, request):
        pks = [pk for pk in request.GET.getlist("id") if pk.isdigit() and len(pk) < 19]
        request.GET = request.GET.copy()
        request.GET.setlist(
            "id",
            [str(pk) for pk in admin_pages(request, Page.objects.filter(Q(pk__in=pks))).values_list("pk", flat=True)],
        )
        return super().get(request)
