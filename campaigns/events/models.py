"""Outreach events: what officials hold for a campaign, where and when, and the people they reached.

An event is planned, then held (its attendance reported), then verified by a
provincial coordinator; or cancelled. Only verified reports count as reach.
Campaigns and places are protected foreign keys: editing or deleting a
campaign never deletes a report.
"""

import datetime
import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from campaigns.campaign_pages import CampaignPage

ATTENDANCE_BY_SEX = ("female", "male", "other_sex")
ATTENDANCE_BY_AGE = ("age_under_15", "age_15_24", "age_25_plus")


class EventKind(models.TextChoices):
    SCHOOL_SESSION = "school_session", _("School session")
    COMMUNITY_MEETING = "community_meeting", _("Community or village meeting")
    WORKPLACE_SESSION = "workplace_session", _("Workplace session")
    SPORTS_CULTURAL = "sports_cultural", _("Sports or cultural event")
    MEDIA_BROADCAST = "media_broadcast", _("Media broadcast")
    TRAINING_OF_TRAINERS = "training_of_trainers", _("Training of trainers")


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held (reported)")
    VERIFIED = "verified", _("Verified")
    CANCELLED = "cancelled", _("Cancelled")


class OutreachEventQuerySet(models.QuerySet):
    def public(self):
        """Events the public calendar shows: those of live, unrestricted campaigns (cancelled ones too)."""

        return self.filter(campaign__in=CampaignPage.objects.live().public().values("pk"))

    def in_month(self, year, month):
        """Events that overlap ``year``-``month`` in Phnom Penh time."""
        zone = timezone.get_default_timezone()
        first = datetime.datetime(year, month, 1, tzinfo=zone)
        following = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
        return self.filter(start__lt=following, end__gte=first)

    def on_day(self, day):
        zone = timezone.get_default_timezone()
        start = datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)
        return self.filter(start__lt=start + datetime.timedelta(days=1), end__gte=start)

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now()).exclude(status=EventStatus.CANCELLED).order_by("start")

    def verified(self):
        return self.filter(status=EventStatus.VERIFIED)

    def reach(self):
        """People reached by the verified events of this queryset, by sex and by age band, and in total."""
        totals = self.verified().aggregate(**{name: Sum(name) for name in ATTENDANCE_BY_SEX + ATTENDANCE_BY_AGE})
        totals = {name: value or 0 for name, value in totals.items()}
        totals["total"] = sum(totals[name] for name in ATTENDANCE_BY_SEX)
        return totals


def local_day(moment):
    """The date of ``moment`` in Phnom Penh (None for None)."""
    return timezone.localtime(moment).date() if moment else None


def attendance_field(label):
    return models.PositiveIntegerField(label, null=True, blank=True)


class OutreachEvent(ClusterableModel):
    uid = models.UUIDField(_("calendar identifier"), default=uuid.uuid4, unique=True, editable=False)
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        on_delete=models.PROTECT,
        related_name="outreach_events",
        verbose_name=_("campaign"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind of event"), max_length=32, choices=EventKind.choices)
    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"))
    # The start's date in Phnom Penh, kept by save(): reach groups thousands of events by day
    # and week, and a plain date column spares a time-zone conversion per row.
    day = models.DateField(_("day"), editable=False, null=True)
    province = models.ForeignKey(
        "campaigns.Province", on_delete=models.PROTECT, related_name="outreach_events", verbose_name=_("province")
    )
    district = models.ForeignKey(
        "campaigns.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outreach_events",
        verbose_name=_("district"),
    )
    commune = models.ForeignKey(
        "campaigns.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outreach_events",
        verbose_name=_("commune"),
    )
    venue = models.CharField(_("venue"), max_length=200)
    organiser = models.CharField(_("organiser"), max_length=200, help_text=_("The unit or office holding the event."))
    audience = models.CharField(_("target audience"), max_length=200)
    expected_attendance = models.PositiveIntegerField(_("expected attendance"))
    status = models.CharField(
        _("status"), max_length=16, choices=EventStatus.choices, default=EventStatus.PLANNED, db_index=True
    )

    female = attendance_field(_("women and girls"))
    male = attendance_field(_("men and boys"))
    other_sex = attendance_field(_("other or not stated"))
    age_under_15 = attendance_field(_("under 15"))
    age_15_24 = attendance_field(_("15 to 24"))
    age_25_plus = attendance_field(_("25 and over"))
    notes = models.TextField(_("notes"), blank=True)

    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logged by"),
    )
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reported_at = models.DateTimeField(_("reported at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    # Optimistic locking: every save through the admin takes the next version (see claim_version).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("last changed by"),
    )

    objects = OutreachEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("outreach event")
        verbose_name_plural = _("outreach events")
        ordering = ["-start", "pk"]
        permissions = [
            ("verify_outreachevent", "Can verify attendance reports"),
            ("manage_all_areas", "Can manage outreach events in every province"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="outreach_event_ends_after_start"),
        ]
        indexes = [
            models.Index(fields=["province", "start"]),
            models.Index(fields=["campaign", "start"]),
            models.Index(fields=["status", "campaign", "day"]),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.day = local_day(self.start)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "start" in update_fields:
            kwargs["update_fields"] = {*update_fields, "day"}
        super().save(*args, **kwargs)

    @property
    def attendance_total(self):
        values = [getattr(self, name) for name in ATTENDANCE_BY_SEX]
        return None if all(v is None for v in values) else sum(v or 0 for v in values)

    @property
    def has_started(self):
        return self.start is not None and self.start <= timezone.now()

    @property
    def is_past(self):
        return self.end is not None and self.end < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def shows_reach(self):
        """Whether the public may see the people reached (a verified report)."""
        return self.status == EventStatus.VERIFIED and self.attendance_total is not None

    @property
    def place(self):
        """The most precise place, then its parents: "Commune, District, Province" in the active language."""
        return ", ".join(str(p) for p in (self.commune, self.district, self.province) if p is not None)

    @property
    def start_local(self):
        """The start in Phnom Penh time, without a zone (for spreadsheets)."""
        return timezone.localtime(self.start).replace(tzinfo=None)

    @property
    def end_local(self):
        return timezone.localtime(self.end).replace(tzinfo=None)

    @property
    def ical_uid(self):
        return f"{self.uid}@events.nacd.gov.kh"


class EditConflict(Exception):
    """The event was saved by someone else after the form being saved was opened."""

    def __init__(self, current):
        super().__init__(f"outreach event {current.pk} is at version {current.version}")
        self.current = current


def claim_version(event, loaded_version, user=None):
    """Take the next version of ``event`` if nobody has saved it since ``loaded_version`` was read.

    One ``UPDATE ... WHERE version = loaded_version``: the row lock it takes makes a
    concurrent save of the same event wait until this transaction ends, then find the
    version moved on and update nothing, so exactly one of two saves wins and the other
    gets :class:`EditConflict` (carrying the event as it now is). Call it inside the
    transaction that then saves the event, so the claim and the save commit together.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("claim_version must run inside the transaction that saves the event")
    claimed = OutreachEvent.objects.filter(pk=event.pk, version=loaded_version).update(
        version=F("version") + 1, changed_by=user, updated_at=timezone.now()
    )
    if not claimed:
        raise EditConflict(OutreachEvent.objects.select_related("changed_by").get(pk=event.pk))
    event.version = loaded_version + 1
    event.changed_by = user


class OutreachEventPhoto(Orderable):
    event = ParentalKey(OutreachEvent, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("photo")
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class OfflineSubmission(models.Model):
    """An event or attendance report sent from an official's phone queue (issue 18), by the id the phone made.

    The phone gives every queued submission a UUID; the first time it arrives the server runs the
    admin's own form view on it and keeps the answer here, in the same transaction as the event or
    report it saved. The same id sent again (a dropped connection after the save, two tabs, a retry)
    gets that first answer back and saves nothing. Refused submissions keep no row: fixed on the
    phone, they are sent again under the same id.
    """

    class Kind(models.TextChoices):
        EVENT = "event", _("outreach event")
        REPORT = "report", _("attendance report")

    client_id = models.UUIDField(_("identifier made on the phone"), unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    event = models.ForeignKey(OutreachEvent, null=True, on_delete=models.SET_NULL, related_name="+")
    result = models.JSONField(default=dict)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("submission from a phone")
        verbose_name_plural = _("submissions from phones")

    def __str__(self):
        return str(self.client_id)
