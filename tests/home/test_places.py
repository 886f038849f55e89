import pytest

from campaigns.places import Commune, District, Province, load_places

pytestmark = pytest.mark.django_db


def test_all_places_of_cambodia_are_loaded():
    assert Province.objects.count() == 25
    assert District.objects.count() == 210
    assert Commune.objects.count() == 1661
    kampot = Province.objects.get(code="07")
    assert (kampot.name_km, kampot.name_en) == ("កំពត", "Kampot")
    assert kampot.districts.count() > 5
    assert all(c.district.province_id == kampot.pk for c in Commune.objects.filter(district__province=kampot))


def test_loading_again_changes_nothing():
    before = list(Commune.objects.order_by("code").values_list("pk", "code", "name_km", "district_id"))
    assert load_places() == (25, 210, 1661)
    assert list(Commune.objects.order_by("code").values_list("pk", "code", "name_km", "district_id")) == before


def test_loading_repairs_a_changed_name():
    Province.objects.filter(code="07").update(name_en="Kampott")
    load_places()
    assert Province.objects.get(code="07").name_en == "Kampot"


def test_place_name_follows_the_language(khmer):
    assert str(Province.objects.get(code="19")) == "ស្ទឹងត្រែង"
