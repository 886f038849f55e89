"""Numbers and ids no database can hold, and requests no view can answer: a 4xx with a message, never a 500.

- An ``<int:...>`` (or a run of digits) in an address is any number of digits; past 2**63 - 1 SQLite
  raises OverflowError and PostgreSQL an error for the whole query. Such an id
  names nothing: :class:`BadInputMiddleware` answers 400 before the view runs,
  for every pattern of the URL configuration, present and future (400, not 404:
  LocaleMiddleware would redirect a 404 of an admin address to a language prefix).
- The admin's choosers (``chosen-multiple/?id=...``) and bulk actions
  (``/admin/bulk/...?id=...``) read ids from the query string: an id that is not a
  whole number in that range is a bad request (400).
- A chooser's ``create/`` address with no creation form (the model has none, or
  the chooser offers none) answered a POST with a crash; it takes no POST (405).
- A number that still reaches the database too large (a query string a view
  reads itself) is a bad request: OverflowError becomes a 400.
"""

from django.http import HttpResponseBadRequest, HttpResponseNotAllowed
from django.utils.translation import gettext

LARGEST_ID = 2**63 - 1
ID_LISTS = ("wagtail_bulk_action",)
ID_LIST_SUFFIX = "chosen_multiple"


def plain(response_class, message):
    return response_class(message, content_type="text/plain; charset=utf-8")


def too_large(value):
    """An int past the largest id, or digits that would be one (regex patterns and ``<str:pk>`` pass text)."""
    if isinstance(value, str):
        return len(value) > 18 and value.isascii() and value.isdigit() and int(value[:40]) > LARGEST_ID
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > LARGEST_ID


def valid_id(text):
    return text.isascii() and text.isdigit() and int(text) <= LARGEST_ID if len(text) <= 20 else False


def takes_id_lists(request):
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match else None
    return bool(name) and (name in ID_LISTS or name.endswith(ID_LIST_SUFFIX))


class BadInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if any(too_large(value) for value in (*view_args, *view_kwargs.values())):
            message = gettext("The number in this address is too large to name anything.")
            return plain(HttpResponseBadRequest, message)
        if takes_id_lists(request):
            ids = request.GET.getlist("id")
            if any(not (valid_id(i) or i == "all") for i in ids):
                return plain(HttpResponseBadRequest, gettext("The items chosen are not valid: choose them again."))
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError):
            return plain(HttpResponseBadRequest, gettext("A number in the request is too large."))
        return None


def install():
    """Chooser ``create/`` views without a creation form refuse a POST (called once, from HomeConfig.ready)."""
    from wagtail.admin.views.generic.chooser import CreateViewMixin

    if getattr(CreateViewMixin.post, "needs_a_form", False):
        return
    original = CreateViewMixin.post

    def post(self, request, *args, **kwargs):
        if self.get_creation_form_class() is None:
            response = HttpResponseNotAllowed(["GET"], gettext("Nothing can be created from this chooser."))
            response["Content-Type"] = "text/plain; charset=utf-8"
            return response
        return original(self, request, *args, **kwargs)

    post.needs_a_form = True
    CreateViewMixin.post = post
