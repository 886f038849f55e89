"""Guards in front of two admin addresses that answered any signed-in person with a server error.

- ``/admin/failwhale/``: Wagtail's deliberate "test the error page" view raises an
  exception for every admin user; the site answers 404 instead.
- ``copy_translation_content`` (wagtail-modeltranslation's Ajax view that copies a
  StreamField between languages) crashes on a plain GET or an unknown page and
  checks no page permission; here it is only for a POST from the page's editors.

Both found by the access matrix (tests/security/test_access_matrix.py).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404

from wagtail.admin.auth import require_admin_access
from wagtail.models import Page
from wagtail_modeltranslation.wagtail_hooks import return_translation_target_field_rendered_html


def no_error_test(request):
    raise Http404("not here")


@require_admin_access
def copy_translation_content(request, page_id):
    if request.method != "POST" or request.headers.get("X-Requested-With") != "XMLHttpRequest":
        return HttpResponseNotAllowed(["POST"])
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return return_translation_target_field_rendered_html(request, page_id)
