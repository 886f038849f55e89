"""The demo's outreach events and officials (built once per test database by campaigns.demo.seed.seed)."""

import pytest

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.users.models import UserProfile

from campaigns.demo.events import seed_events
from campaigns.models import OfficialArea, OutreachEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]  # reads the demo site (tests/conftest.py)


def test_demo_events_cover_ten_provinces_over_six_months():
    events = OutreachEvent.objects.all()
    assert events.values("province").distinct().count() >= 10
    now = timezone.now()
    past, coming = events.filter(end__lt=now), events.filter(start__gt=now)
    assert past.exists() and coming.exists()
    assert (events.order_by("start").first().start - now).days >= -92
    assert (events.order_by("-start").first().start - now).days <= 92
    assert past.exclude(status__in=["verified", "held"]).count() == 0
    assert past.filter(status="verified").count() > past.filter(status="held").count()
    for event in past.filter(status="verified"):
        by_sex = event.female + event.male + event.other_sex
        assert by_sex == event.age_under_15 + event.age_15_24 + event.age_25_plus > 0
    assert OutreachEvent.objects.reach()["total"] > 0


def test_demo_officials_work_in_kampot_and_koh_kong_in_khmer():
    User = get_user_model()
    for username, code in (("kampot", "07"), ("kampot_coordinator", "07"), ("kohkong", "09")):
        user = User.objects.get(username=username)
        assert OfficialArea.objects.get(user=user).province.code == code
        assert UserProfile.get_for_user(user).preferred_language == "km"
        assert user.check_password("nacd-demo-2026")
    assert User.objects.get(username="kampot_coordinator").has_perm("campaigns.verify_outreachevent")
    assert not User.objects.get(username="kampot").has_perm("campaigns.verify_outreachevent")


def test_seeding_again_adds_nothing():
    before = OutreachEvent.objects.count(), OfficialArea.objects.count()
    seed_events()
    assert (OutreachEvent.objects.count(), OfficialArea.objects.count()) == before
