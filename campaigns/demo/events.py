"""Demo outreach events and the demo officials who log them (called from ``campaigns.demo.seed.seed``).

Events are spread over the three months before and after today in twelve
provinces, from the templates in ``campaigns/demo/content/events.py``. Past events
are verified with their attendance, except the most recent one of each
province, which waits for its coordinator. Safe to run again: each demo event
has a fixed identifier and is updated in place.
"""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.users.models import UserProfile

from campaigns.campaign_pages import CampaignPage
from campaigns.demo.content.events import EVENT_TEMPLATES, SCHOOLS
from campaigns.events.models import EventStatus, OutreachEvent
from campaigns.events.officials import OfficialArea
from campaigns.places import Commune, District, Province
from campaigns.reach.figures import forget_reach
from home.roles import PROVINCIAL_COORDINATORS, PROVINCIAL_OFFICIALS

DEMO_NAMESPACE = uuid.UUID("6f1c8a52-3c1e-4f57-9a53-6d0d3e0b2f11")
# Kampot and Koh Kong first: the demo officials work there.
DEMO_PROVINCES = ["07", "09", "12", "19", "17", "02", "01", "03", "08", "18", "21", "14"]
EVENTS_PER_PROVINCE = 8
DEMO_OFFICIALS = [
    # username, first name, group, province code
    ("kampot", "Sokha", PROVINCIAL_OFFICIALS, "07"),
    ("kampot_coordinator", "Vanna", PROVINCIAL_COORDINATORS, "07"),
    ("kohkong", "Chenda", PROVINCIAL_OFFICIALS, "09"),
]


def demo_attendance(expected, seed):
    """Believable counts that add up the same by sex and by age."""
    total = max(10, expected * (70 + (seed * 37) % 50) // 100)
    female = total * (45 + seed % 15) // 100
    other = seed % 3
    male = total - female - other
    under_15 = total * ((seed * 7) % 30) // 100
    age_15_24 = total * (30 + (seed * 11) % 30) // 100
    return {
        "female": female,
        "male": male,
        "other_sex": other,
        "age_under_15": under_15,
        "age_15_24": age_15_24,
        "age_25_plus": total - under_15 - age_15_24,
    }


def seed_officials(password):
    User = get_user_model()
    provinces = {p.code: p for p in Province.objects.filter(code__in=[o[3] for o in DEMO_OFFICIALS])}
    users = {}
    for username, first_name, group, code in DEMO_OFFICIALS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first_name, "email": f"{username}@example.org"}
        )
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(Group.objects.get(name=group))
        OfficialArea.objects.update_or_create(user=user, defaults={"province": provinces[code], "district": None})
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "km"
        profile.save(update_fields=["preferred_language"])
        users[username] = user
    return users


def seed_events(password="nacd-demo-2026", today=None):
    """Create or update the demo events; returns how many there are."""
    users = seed_officials(password)
    today = today or timezone.localdate()
    zone = timezone.get_default_timezone()
    now = timezone.now()
    campaigns = {c.slug_en: c for c in CampaignPage.objects.all()}
    provinces = {p.code: p for p in Province.objects.filter(code__in=DEMO_PROVINCES)}
    districts = {}
    for district in District.objects.filter(province__code__in=DEMO_PROVINCES).order_by("code"):
        districts.setdefault(district.province_id, []).append(district)
    first_communes = {}
    for commune in Commune.objects.filter(district__province__code__in=DEMO_PROVINCES).order_by("code"):
        first_communes.setdefault(commune.district_id, commune)
    schools = {s["province"]: s for s in SCHOOLS}
    count = 0
    for p_index, code in enumerate(DEMO_PROVINCES):
        province = provinces[code]
        latest_past = None
        for n in range(EVENTS_PER_PROVINCE):
            seed = p_index * EVENTS_PER_PROVINCE + n
            template = EVENT_TEMPLATES[seed % len(EVENT_TEMPLATES)]
            campaign = campaigns.get(template["campaign"])
            if campaign is None:
                continue
            offset = -84 + n * 24 + p_index % 5  # from twelve weeks ago to twelve weeks ahead
            day = today + datetime.timedelta(days=offset)
            start = datetime.datetime.combine(day, datetime.time(8 if seed % 2 else 14, 0), tzinfo=zone)
            hours = 1 if template["kind"] == "media_broadcast" else 3
            district = districts[province.pk][seed % len(districts[province.pk])]
            venue_km, venue_en = template["venue_km"], template["venue_en"]
            school = schools.get(code)
            if template["kind"] == "school_session" and school:
                venue_km, venue_en = school["school_km"], school["school_en"]
            fields = {
                "campaign": campaign,
                "kind": template["kind"],
                "start": start,
                "end": start + datetime.timedelta(hours=hours),
                "province": province,
                "district": district,
                "commune": first_communes.get(district.pk),
                "title_km": template["title_km"],
                "title_en": template["title_en"],
                "description_km": template["description_km"],
                "description_en": template["description_en"],
                "venue_km": venue_km,
                "venue_en": venue_en,
                "organiser_km": template["organiser_km"],
                "organiser_en": template["organiser_en"],
                "audience_km": template["audience_km"],
                "audience_en": template["audience_en"],
                "expected_attendance": template["expected_attendance"],
                "created_by": users["kampot"] if code == "07" else None,
            }
            if start + datetime.timedelta(hours=hours) < now:
                fields.update(
                    status=EventStatus.VERIFIED,
                    reported_at=start + datetime.timedelta(days=1),
                    verified_at=start + datetime.timedelta(days=3),
                    verified_by=users["kampot_coordinator"] if code == "07" else None,
                    **demo_attendance(template["expected_attendance"], seed),
                )
            else:
                fields.update(
                    status=EventStatus.CANCELLED if seed % 17 == 5 else EventStatus.PLANNED,
                    reported_at=None,
                    verified_at=None,
                    verified_by=None,
                    **dict.fromkeys(("female", "male", "other_sex", "age_under_15", "age_15_24", "age_25_plus")),
                )
            event, _created = OutreachEvent.objects.update_or_create(
                uid=uuid.uuid5(DEMO_NAMESPACE, f"{code}-{n}"), defaults=fields
            )
            if event.status == EventStatus.VERIFIED:
                latest_past = event
            count += 1
        if latest_past is not None:
            # The most recent report waits for the coordinator.
            OutreachEvent.objects.filter(pk=latest_past.pk).update(
                status=EventStatus.HELD, verified_at=None, verified_by=None
            )
            forget_reach()  # an update() sends no signal
    return count
