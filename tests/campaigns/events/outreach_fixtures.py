"""Outreach events, officials and admin form posts shared by the outreach tests."""

import datetime

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.users.models import UserProfile

from campaigns.models import CampaignPage, District, OfficialArea, OutreachEvent, Province
from home.roles import PROVINCIAL_COORDINATORS, PROVINCIAL_OFFICIALS

ZONE = timezone.get_default_timezone()


def at(days, hour=9):
    """A Phnom Penh time ``days`` from today at ``hour``:00."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=ZONE)


def make_event(province_code, title, district=None, status="planned", days=-2, **extra):
    province = Province.objects.get(code=province_code)
    district = district or province.districts.order_by("code").first()
    fields = {
        "campaign": CampaignPage.objects.live().first(),
        "title_km": title,
        "title_en": "",
        "kind": "community_meeting",
        "start": at(days),
        "end": at(days, 12),
        "province": province,
        "district": district,
        "commune": district.communes.order_by("code").first(),
        "venue_km": "សាលប្រជុំភូមិ",
        "organiser_km": "ក្រុមប្រឹក្សាឃុំ",
        "audience_km": "ប្រជាពលរដ្ឋក្នុងភូមិ",
        "expected_attendance": 60,
        "status": status,
    }
    if status in ("held", "verified"):
        fields.update(female=30, male=25, other_sex=0, age_under_15=5, age_15_24=20, age_25_plus=30)
    fields.update(extra)
    return OutreachEvent.objects.create(**fields)


def make_user(username, group=None, province_code=None, district=None, language="km", **extra):
    user = get_user_model().objects.create_user(username=username, password="x", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if province_code:
        OfficialArea.objects.create(user=user, province=Province.objects.get(code=province_code), district=district)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def event_form(event, **overrides):
    """The event form as the admin posts it, filled from ``event``."""
    local = timezone.localtime
    data = {
        "campaign": event.campaign_id,
        "title_km": event.title_km,
        "title_en": event.title_en or "",
        "description_km": event.description_km or "",
        "description_en": event.description_en or "",
        "kind": event.kind,
        "status": event.status,
        "start": local(event.start).strftime("%Y-%m-%d %H:%M"),
        "end": local(event.end).strftime("%Y-%m-%d %H:%M"),
        "province": event.province_id,
        "district": event.district_id or "",
        "commune": event.commune_id or "",
        "venue_km": event.venue_km,
        "venue_en": event.venue_en or "",
        "organiser_km": event.organiser_km,
        "organiser_en": event.organiser_en or "",
        "audience_km": event.audience_km,
        "audience_en": event.audience_en or "",
        "expected_attendance": str(event.expected_attendance),
        "submission_token": "",
        "loaded_version": str(event.version),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def new_event_form(province_code="07", days=5, **overrides):
    province = Province.objects.get(code=province_code)
    district = District.objects.filter(province=province).order_by("code").first()
    data = {
        "campaign": CampaignPage.objects.live().first().pk,
        "title_km": "កិច្ចប្រជុំភូមិ ស្ដីពីការការពារកុមារពីគ្រឿងញៀន",
        "title_en": "Village meeting on protecting children from drugs",
        "description_km": "មេភូមិពន្យល់អំពីគ្រោះថ្នាក់នៃគ្រឿងញៀន។",
        "description_en": "",
        "kind": "community_meeting",
        "status": "planned",
        "start": at(days, 8).strftime("%Y-%m-%d %H:%M"),
        "end": at(days, 10).strftime("%Y-%m-%d %H:%M"),
        "province": province.pk,
        "district": district.pk,
        "commune": district.communes.order_by("code").first().pk,
        "venue_km": "សាលាឆាន់វត្តភូមិ",
        "venue_en": "",
        "organiser_km": "ក្រុមប្រឹក្សាឃុំ",
        "organiser_en": "",
        "audience_km": "ឪពុកម្ដាយ និងយុវជន",
        "audience_en": "",
        "expected_attendance": "80",
        "submission_token": "",
    }
    data.update(overrides)
    return data


def report_form(**overrides):
    """The attendance report as the admin posts it, for an event not changed since it was made (version 1)."""
    data = {
        "loaded_version": "1",
        "female": "30",
        "male": "25",
        "other_sex": "0",
        "age_under_15": "5",
        "age_15_24": "20",
        "age_25_plus": "30",
        "notes": "",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "10",
    }
    data.update(overrides)
    return data


@pytest.fixture
def kampot_official(db):
    return make_user("official_kampot", PROVINCIAL_OFFICIALS, "07")


@pytest.fixture
def kohkong_official(db):
    return make_user("official_kohkong", PROVINCIAL_OFFICIALS, "09")


@pytest.fixture
def kampot_coordinator(db):
    return make_user("coordinator_kampot", PROVINCIAL_COORDINATORS, "07")
