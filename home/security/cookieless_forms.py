"""The two forms an anonymous reader may meet outside the admin, working without a CSRF cookie.

The site promises that reading it sets no cookie (docs/privacy.md). Wagtail's
page password form (``/<lang>/_util/authenticate_with_password/...``) and its
front-end sign-in (``/<lang>/_util/login/``, where login-restricted pages send
readers) put a CSRF token in the page, and a token needs a ``csrftoken`` cookie.
Here both are served without one, as the teachers' class report form is: no token
(templates home/templates/wagtailcore/), the Origin check of
home/security/origins.py instead. A cookie is set only once the reader has passed:
the session that remembers the password or the sign-in.

Page passwords get the lockout staff sign-in has (home/security/sign_in.py):
after ``AXES_FAILURE_LIMIT`` wrong passwords from one client (its hashed,
hourly-salted key) the form refuses that client for ``AXES_COOLOFF_TIME``, and
after ten times as many from everyone together it refuses every client, so many
addresses guessing together are stopped too. Counts are rows of
home/security/rate_limits.py.
"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.forms.utils import ErrorDict
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django.views.generic.edit import FormView

from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from home.khmer_format import format_number
from home.security import rate_limits
from home.security.origins import foreign_origin, refused_origin
from home.security.sign_in import cool_off_minutes

SCOPE = "page-password"
EVERYONE_SCOPE = "page-password-everyone"
EVERYONE_FACTOR = 10


def _window():
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def _client(request, restriction):
    return f"{restriction.pk}:{rate_limits.client_key(request)}"


def password_locked(request, restriction):
    """True when this client, or everyone together, has used up the wrong passwords allowed for now."""
    limit = settings.AXES_FAILURE_LIMIT
    return (
        rate_limits.count(SCOPE, _client(request, restriction), seconds=_window()) >= limit
        or rate_limits.count(EVERYONE_SCOPE, restriction.pk, seconds=_window()) >= limit * EVERYONE_FACTOR
    )


def wrong_password(request, restriction):
    rate_limits.hit(SCOPE, _client(request, restriction), seconds=_window())
    rate_limits.hit(EVERYONE_SCOPE, restriction.pk, seconds=_window())


def locked_response(request, restriction, page):
    form = PasswordViewRestrictionForm(instance=restriction, initial={"return_url": request.POST.get("return_url", "")})
    form.cleaned_data = {}  # an unbound form takes an error only so; the password sent is never checked
    form._errors = ErrorDict()
    form.add_error(
        None,
        gettext("Too many wrong passwords for this page. For its safety, try again in %(minutes)s minutes.")
        % {"minutes": format_number(cool_off_minutes())},
    )
    action_url = request.path
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = 429
    return response


@csrf_exempt  # no CSRF cookie for readers: the Origin check stands in (home/security/origins.py)
@require_http_methods(["GET", "POST"])
def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page password view, behind the Origin check and the lockout."""
    if request.method == "POST":
        if foreign_origin(request):
            return refused_origin()
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        if password_locked(request, restriction):
            return locked_response(request, restriction, page)
        response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
        if response.status_code == 200:  # the form again: the password was wrong
            wrong_password(request, restriction)
        return response
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)


class FrontEndSignInView(auth_views.LoginView):
    """Django's sign-in view without its CSRF token and cookie; axes still counts every failure."""

    template_name = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_TEMPLATE", "wagtailcore/login.html")

    @method_decorator(sensitive_post_parameters())
    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and foreign_origin(request):
            return refused_origin()
        return FormView.dispatch(self, request, *args, **kwargs)


front_end_sign_in = csrf_exempt(FrontEndSignInView.as_view())
