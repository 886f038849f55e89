"""What a request that does not pass a view restriction gets, on every path that serves a page or a file.

The decision is ``home.security.access``'s (second factor applied); this module only answers:

- a password restriction: Wagtail's password form (the page's own, or the documents' template);
- a sign-in or group restriction, for someone who turned on two-step verification and has not typed
  a code in this session: the code page (``two_factor_verify``), then back here;
- otherwise Wagtail's sign-in page, then back here.

Every answer forbids caching. Wired in ``home/wagtail_hooks.py`` (Wagtail's page and document serving,
in front of Wagtail's own check) and called by lesson kits for their files.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import BaseViewRestriction

from home.security import access
from home.security.two_factor import needs_second_factor


def _sign_in(request):
    if needs_second_factor(request):
        return HttpResponseRedirect(f"{reverse('two_factor_verify')}?{urlencode({'next': request.get_full_path()})}")
    login_url = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or reverse("wagtailcore_login")
    return redirect_to_login(request.get_full_path(), login_url)  # as Wagtail's own check


def _password_form(request, restriction):
    return PasswordViewRestrictionForm(instance=restriction, initial={"return_url": request.get_full_path()})


def _never_cached(response):
    add_never_cache_headers(response)
    return response


def page_refusal(request, page):
    """None when ``request`` may see ``page`` (as far as its view restrictions go), else the answer."""
    restriction = access.failed_restriction(request, page.get_view_restrictions())
    if restriction is None:
        return None
    if restriction.restriction_type == BaseViewRestriction.PASSWORD:
        action = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
        form = _password_form(request, restriction)
        return _never_cached(page.serve_password_required_response(request, form, action))
    return _never_cached(_sign_in(request))


def document_refusal(request, document):
    """None when ``request`` may see ``document``, else the answer (wherever the document is served from)."""
    restriction = access.failed_restriction(request, access.collection_restrictions(document.collection))
    if restriction is None:
        return None
    if restriction.restriction_type == BaseViewRestriction.PASSWORD:
        template = getattr(settings, "WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE", "wagtaildocs/password_required.html")
        context = {
            "form": _password_form(request, restriction),
            "action_url": reverse("wagtaildocs_authenticate_with_password", args=[restriction.id]),
        }
        return _never_cached(TemplateResponse(request, template, context))
    return _never_cached(_sign_in(request))
