"""Submissions from an official's phone queue (issue 18): sent once, whatever the network does.

The phone keeps what an official saves without a signal (``home/static/js/offline-queue.js``) and
sends it later to ``/admin/outreach-events/offline/submit/``, each item with an identifier it made
(a UUID, ``offline_id``), ``offline_kind`` (``event`` or ``report``), for a report ``offline_event``
(the event's id), the form's own fields and, for a report, the photos (``photo``). :func:`submit` then:

- runs **the admin's own view** for it (the add view for an event, the report view for attendance),
  on the same fields the form would post: every check a form post gets (area, role, dates,
  duplicates, a report before the event, another official's change meanwhile) is the same code;
- uploads the photos taken on the phone first, through Wagtail's image form with the same
  upload checks as the images page (they go to the province's private collection), and adds them to
  the report's photos;
- keeps the answer (:class:`~campaigns.events.models.OfflineSubmission`) in the same transaction as
  the save, so the same identifier sent again gets the first answer and nothing is saved twice;
- refuses in the official's language, with every message of the form, and keeps nothing: the phone
  keeps the typed values for the official to fix and send again.
"""

import copy
import uuid

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, JsonResponse, QueryDict
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.permissions import policy_registry

from campaigns.events.models import OfflineSubmission, OutreachEvent
from campaigns.events.permissions import visible_events
from campaigns.events.photos import photo_collection

MAX_PHOTOS = 10
PHOTO_FIELD = "photo"
REDIRECTS = (301, 302, 303)


class Refused(Exception):
    def __init__(self, errors, status=400, confirm=()):
        super().__init__(errors)
        self.errors = [str(error) for error in errors]
        self.status = status
        self.confirm = list(confirm)


def client_id_of(value):
    try:
        return uuid.UUID(str(value)[:64])
    except ValueError:
        return None


def form_errors(response):
    """Every message of the form a refused view showed again: "label: message", the form's own first."""
    context = getattr(response, "context_data", None) or {}
    form = context.get("form")
    errors = []
    if form is None:
        return [_("The server could not save this. Open the form and check it.")]
    errors += [str(error) for error in form.non_field_errors()]
    for name, field_errors in form.errors.items():
        if name == "__all__":
            continue
        label = form.fields[name].label if name in form.fields else name
        errors += [f"{label}: {error}" for error in field_errors]
    for formset in getattr(form, "formsets", {}).values():
        errors += [str(error) for error in formset.non_form_errors()]
        for subform in formset.forms:
            for field_errors in subform.errors.values():
                errors += [str(error) for error in field_errors]
    return errors or [_("The server could not save this. Open the form and check it.")]


def confirmations(response):
    """The boxes the form asked to tick (a likely duplicate, an attendance far above the expected): each
    ``{"name", "label"}``, so that the phone can show the box when the official fixes the item."""
    form = (getattr(response, "context_data", None) or {}).get("form")
    needed = sorted(getattr(form, "confirmations_needed", ()) or ())
    return [{"name": name, "label": str(form.fields[name].label)} for name in needed if name in form.fields]


def refused(response):
    return Refused(form_errors(response), confirm=confirmations(response))


def upload_photos(request, event, files):
    """The phone's photos as Wagtail images, with the images page's checks; their ids in order."""
    if not files:
        return []
    if len(files) > MAX_PHOTOS:
        raise Refused([_("Send at most %(count)s photos with one report.") % {"count": MAX_PHOTOS}])
    if not policy_registry.get_by_type(get_image_model()).user_has_permission(request.user, "add"):
        raise Refused([_("You may not add photos.")], status=403)
    form_class = get_image_form(get_image_model())
    collection = photo_collection(event.province_id)
    ids = []
    for number, upload in enumerate(files, start=1):
        form = form_class(
            {"title": f"{event} ({number})", "collection": collection.pk}, {"file": upload}, user=request.user
        )
        if not form.is_valid():
            raise Refused([f"{upload.name}: {error}" for errors in form.errors.values() for error in errors])
        image = form.save(commit=False)
        image.uploaded_by_user = request.user
        image.save()
        ids.append(image.pk)
    return ids


def with_photos(data, image_ids):
    """The report's posted fields with the new photos added after those already on the form."""
    data = data.copy()
    start = int(data.get("photos-TOTAL_FORMS") or 0)
    for offset, image_id in enumerate(image_ids):
        number = start + offset
        data[f"photos-{number}-image"] = str(image_id)
        data[f"photos-{number}-caption"] = ""
        data[f"photos-{number}-id"] = ""
        data[f"photos-{number}-ORDER"] = str(number + 1)
    data["photos-TOTAL_FORMS"] = str(start + len(image_ids))
    data.setdefault("photos-INITIAL_FORMS", "0")
    data.setdefault("photos-MIN_NUM_FORMS", "0")
    data.setdefault("photos-MAX_NUM_FORMS", str(MAX_PHOTOS))
    return data


def run_form_view(request, view, path, data, **kwargs):
    """The admin view ``view`` answering a form post of ``data`` to ``path``, as if the phone had posted it."""
    inner = copy.copy(request)
    inner.method = "POST"
    inner.path = inner.path_info = path
    fields = QueryDict(mutable=True)
    for key, values in data.lists():
        fields.setlist(key, values)
    inner._post = fields
    inner._files = MultiValueDict()
    return view(inner, **kwargs)


def answer_for(event, kind):
    viewset = event.snippet_viewset
    return {
        "status": "sent",
        "kind": kind,
        "event": event.pk,
        "title": str(event),
        "url": reverse(viewset.get_url_name("inspect"), args=(quote(event.pk),)),
    }


def save_submission(request, client_id, kind):
    """Runs the view for a new submission; returns the answer kept for it. Raises :class:`Refused`."""
    viewset = OutreachEvent.snippet_viewset
    data = request.POST.copy()
    for name in ("offline_id", "offline_kind", "offline_event", "csrfmiddlewaretoken"):
        data.pop(name, None)
    if kind == OfflineSubmission.Kind.EVENT:
        if request.FILES.getlist(PHOTO_FIELD):
            raise Refused([_("Photos go with the attendance report, not with the event.")])
        data["submission_token"] = str(client_id)  # one event per phone submission, whatever the form carried
        response = run_form_view(request, viewset.add_view, reverse(viewset.get_url_name("add")), data)
        if response.status_code not in REDIRECTS:
            raise refused(response)
        event = visible_events(request.user).filter(submission_token=client_id).first()
        if event is None:
            raise Refused([_("The server could not save this. Open the form and check it.")])
        return event, answer_for(event, kind)
    event_id = request.POST.get("offline_event", "")
    event = visible_events(request.user).filter(pk=event_id).first() if event_id.isdigit() else None
    if event is None:
        raise Http404
    path = reverse(viewset.get_url_name("report"), args=(quote(event.pk),))
    data = with_photos(data, upload_photos(request, event, request.FILES.getlist(PHOTO_FIELD)))
    response = run_form_view(request, viewset.report_view, path, data, pk=str(event.pk))
    if response.status_code not in REDIRECTS:
        raise refused(response)
    event.refresh_from_db()
    return event, answer_for(event, kind)


def submit(request):
    """``(status, answer)`` for one queued submission: the first answer again for an identifier already saved."""
    client_id = client_id_of(request.POST.get("offline_id", ""))
    kind = request.POST.get("offline_kind", "")
    if client_id is None or kind not in OfflineSubmission.Kind.values:
        return 400, {"status": "refused", "errors": [_("This submission has no valid identifier.")]}
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    record = OfflineSubmission.objects.create(client_id=client_id, user=request.user, kind=kind)
            except IntegrityError:
                record = OfflineSubmission.objects.get(client_id=client_id)
                if record.user_id != request.user.pk or record.kind != kind:
                    raise Http404 from None  # another person's identifier: nothing of theirs is shown
                return 200, {**record.result, "repeat": True}
            event, answer = save_submission(request, client_id, kind)
            record.event = event
            record.result = answer
            record.save(update_fields=["event", "result"])
            return 200, answer
    except Refused as refusal:
        answer = {"status": "refused", "errors": refusal.errors}
        if refusal.confirm:
            answer["confirm"] = refusal.confirm
        return refusal.status, answer
    except PermissionDenied:
        return 403, {"status": "refused", "errors": [_("You may not do this.")]}
    except Http404:
        return 404, {"status": "refused", "errors": [_("This event was not found, or is not yours to report.")]}


@require_POST
def submit_view(request):
    status, answer = submit(request)
    response = JsonResponse(answer, status=status)
    response["Cache-Control"] = "no-store"
    return response
