"""Where each provincial or district official works, and what part of the country a user may manage.

An official belongs to one place: a province, or one district within it
(:class:`OfficialArea`). NACD staff, whose groups carry the
``campaigns.manage_all_areas`` permission, and superusers work everywhere.
Everyone else works nowhere. :func:`area_of` answers the question once per
request; querysets and permission checks of outreach events use it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

ALL_AREAS_PERMISSION = "campaigns.manage_all_areas"


class OfficialArea(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="official_area", verbose_name=_("user")
    )
    province = models.ForeignKey(
        "campaigns.Province", on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    district = models.ForeignKey(
        "campaigns.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
        help_text=_("Leave empty for an official of the whole province."),
    )

    class Meta:
        verbose_name = _("official's area")
        verbose_name_plural = _("officials' areas")

    def __str__(self):
        place = self.district or self.province
        return f"{self.user.get_username()}: {place}"

    def clean(self):
        super().clean()
        if self.district_id and self.province_id and self.district.province_id != self.province_id:
            raise ValidationError({"district": _("This district is not in the chosen province.")})


@dataclass(frozen=True)
class Area:
    """The part of the country a user works in: everywhere, a province, a district, or nowhere."""

    everywhere: bool = False
    province_id: int | None = None
    district_id: int | None = None

    @property
    def nowhere(self):
        return not (self.everywhere or self.province_id)

    @property
    def is_province(self):
        return bool(self.province_id) and not self.district_id

    def filter(self, queryset, prefix=""):
        """``queryset`` (of a model with ``province`` and ``district``) cut to this area."""
        if self.everywhere:
            return queryset
        if self.nowhere:
            return queryset.none()
        if self.district_id:
            return queryset.filter(**{f"{prefix}district_id": self.district_id})
        return queryset.filter(**{f"{prefix}province_id": self.province_id})

    def covers(self, province_id, district_id):
        if self.everywhere:
            return True
        if self.nowhere or province_id != self.province_id:
            return False
        return not self.district_id or district_id == self.district_id


EVERYWHERE = Area(everywhere=True)
NOWHERE = Area()


def area_of(user):
    """The :class:`Area` ``user`` works in (cached on the user object for the request)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NOWHERE
    cached = getattr(user, "_outreach_area", None)
    if cached is not None:
        return cached
    if user.is_superuser or user.has_perm(ALL_AREAS_PERMISSION):
        area = EVERYWHERE
    else:
        record = OfficialArea.objects.filter(user=user).values("province_id", "district_id").first()
        area = Area(province_id=record["province_id"], district_id=record["district_id"]) if record else NOWHERE
    user._outreach_area = area
    return area
