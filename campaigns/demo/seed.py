"""Build the demo site from ``campaigns/demo/content.py``: safe to run again (it updates, never duplicates)."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images.models import Image
from wagtail.models import Page, Site

from campaigns.demo import content
from campaigns.demo.events import seed_events
from campaigns.demo.images import scene_file
from campaigns.demo.lesson_kits import seed_lesson_kits
from campaigns.demo.quizzes import seed_class_checks, seed_quiz_answers, seed_quizzes, seed_report_results
from campaigns.editorial import ensure_campaign_workflow
from campaigns.models import (
    Audience,
    CampaignIndexPage,
    CampaignPage,
    FactSheetIndexPage,
    FactSheetPage,
    HelpFinderPage,
    HelpService,
    ManualReach,
    Province,
    Topic,
)
from home import setup_site
from home.models import HelplineSettings, HomePage
from home.roles import MODERATORS, OUTREACH_STAFF

DEMO_PASSWORD = "nacd-demo-2026"  # demo accounts only; printed by `make run`
DEMO_USERS = [
    # username, first name, groups, superuser
    ("admin", "NACD admin", [], True),
    ("outreach", "Sophea", [OUTREACH_STAFF], False),
    ("moderator", "Dara", [MODERATORS], False),
]


# Which campaigns each fact sheet belongs to (its views count in their reach).
FACT_SHEET_CAMPAIGNS = {
    "yama-methamphetamine-pills": ["cleanse-ourselves-first", "drug-free-schools", "safe-villages-border-provinces"],
    "ice-crystal-methamphetamine": ["cleanse-ourselves-first", "drug-free-schools"],
    "inhalants": ["safe-villages-border-provinces", "talk-with-your-children"],
    "heroin": ["talk-with-your-children"],
}


def seed_manual_reach(campaigns):
    """Reach NACD counted outside the platform: a TV spot and printed leaflets (demo figures)."""

    cleanse = campaigns.get("cleanse-ourselves-first")
    if cleanse is None or ManualReach.objects.exists():
        return
    ManualReach.objects.create(
        campaign=cleanse,
        channel=ManualReach.Channel.BROADCAST,
        day=cleanse.start_date,
        people=120000,
        source="TVK audience estimate for the evening news spot (demo figure)",
    )
    ManualReach.objects.create(
        campaign=cleanse,
        channel=ManualReach.Channel.PRINT,
        day=cleanse.start_date,
        province=Province.objects.get(code="07"),
        people=3500,
        source="Leaflets handed out by the Kampot provincial committee (demo figure)",
    )


def translated(values, field, source=None):
    """``{"title_km": ..., "title_en": ...}`` from a dict holding ``field_km`` and ``field_en``."""
    source = source or field
    return {f"{field}_km": values.get(f"{source}_km", ""), f"{field}_en": values.get(f"{source}_en", "")}


def raw_stream(blocks):
    """Demo blocks ``[type, value]`` as the raw JSON a StreamField stores."""
    return [{"type": block_type, "value": value} for block_type, value in blocks]


def publish_child(parent, model, slug, **fields):
    """Create or update the child page of ``parent`` whose Khmer slug is ``slug``, then publish it."""
    page = model.objects.child_of(parent).filter(slug_km=slug).first()
    if page is None:
        page = model(slug_km=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def demo_image(title, seed):
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        image.file.save(f"{seed}.jpg", ImageFile(scene_file(seed), name=f"{seed}.jpg"), save=False)
        image.save()
    return image


def seed_home():
    root = Page.objects.get(depth=1)
    home = HomePage.objects.first()
    fields = {
        **content.HOME_TITLE,
        "slug_en": "home",
        **translated(content.SITE, "intro"),
        **translated(content.SITE, "listing_summary", "tagline"),
    }
    if home is None:
        home = HomePage(slug_km="home", **fields)
        root.add_child(instance=home)
    else:
        for name, value in fields.items():
            setattr(home, name, value)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.root_page = home
    site.hostname = "localhost"
    site.port = 80
    site.site_name = "NACD"
    site.save()
    # The welcome page Wagtail's first migration makes is not ours.
    Page.objects.filter(depth=2, content_type__model="page").exclude(pk=home.pk).delete()
    hotline = content.NATIONAL_HOTLINE
    helpline = HelplineSettings.for_site(site)
    helpline.hotline_phone = hotline["phone"]
    helpline.hotline_name_km, helpline.hotline_name_en = hotline["name_km"], hotline["name_en"]
    helpline.hotline_hours_km, helpline.hotline_hours_en = hotline["hours_km"], hotline["hours_en"]
    helpline.save()
    return home


def seed_taxonomy():

    for item in content.TOPICS:
        Topic.objects.update_or_create(
            slug=item["slug"], defaults={**translated(item, "name"), **translated(item, "description")}
        )
    for item in content.AUDIENCES:
        Audience.objects.update_or_create(slug=item["slug"], defaults=translated(item, "name"))


def seed_campaigns(home):

    index = publish_child(
        home,
        CampaignIndexPage,
        "campaigns",
        slug_en="campaigns",
        **content.SECTIONS["campaigns"],
    )
    ensure_campaign_workflow(index)
    pages = {}
    for item in content.CAMPAIGNS:
        hero = demo_image(item["title_en"], item["slug_en"])
        page = publish_child(
            index,
            CampaignPage,
            item["slug_km"],
            slug_en=item["slug_en"],
            hero_image=hero,
            start_date=datetime.date.fromisoformat(item["start"]),
            end_date=datetime.date.fromisoformat(item["end"]),
            body_km=raw_stream(item["body_km"]),
            body_en=raw_stream(item["body_en"]),
            **translated(item, "title"),
            **translated(item, "summary"),
            **translated(item, "listing_summary", "summary"),
            **translated(item, "hero_alt"),
        )
        page.topics.set(Topic.objects.filter(slug__in=item["topics"]))
        page.audiences.set(Audience.objects.filter(slug__in=item["audiences"]))
        page.provinces.set(Province.objects.filter(code__in=item["provinces"]))
        page.save_revision().publish()
        pages[item["slug_en"]] = page
    return pages


def seed_fact_sheets(home, campaigns):

    index = publish_child(
        home,
        FactSheetIndexPage,
        "facts",
        slug_en="facts",
        **content.SECTIONS["facts"],
    )
    for item in content.FACT_SHEETS:
        page = publish_child(
            index,
            FactSheetPage,
            item["slug_km"],
            slug_en=item["slug_en"],
            other_names_km="\n".join(item["names_km"]),
            other_names_en="\n".join(item["names_en"]),
            **translated(item, "title"),
            **translated(item, "summary"),
            **translated(item, "listing_summary", "summary"),
            **{
                key: value
                for field in ("what_it_is", "effects", "risks", "law", "help")
                for key, value in translated(item, field).items()
            },
        )
        page.topics.set(Topic.objects.filter(slug__in=item.get("topics", [])))
        page.related_campaigns.set(
            [
                campaigns[slug]
                for slug in FACT_SHEET_CAMPAIGNS.get(item["slug_en"], ["drug-free-schools"])
                if slug in campaigns
            ]
        )
        page.save_revision().publish()
    return index


def seed_help(home):

    page = publish_child(
        home,
        HelpFinderPage,
        "help",
        slug_en="help",
        **content.SECTIONS["help"],
    )
    provinces = {p.code: p for p in Province.objects.all()}
    for item in content.HELP_SERVICES:
        HelpService.objects.update_or_create(
            name_en=item["name_en"],
            province=provinces[item["province"]],
            defaults={
                "kind": item["kind"],
                "phone": item["phone"],
                "languages": item["languages"],
                **translated(item, "name"),
                **translated(item, "address"),
                **translated(item, "opening_hours", "hours"),
            },
        )
    return page


def seed_users():
    User = get_user_model()
    for username, first_name, groups, superuser in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "email": f"{username}@example.org",
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(*Group.objects.filter(name__in=groups))


@transaction.atomic
def seed():

    setup_site.run()  # what a production install makes (home/setup_site.py); the demo's content goes on top
    home = seed_home()
    seed_taxonomy()
    campaigns = seed_campaigns(home)
    seed_fact_sheets(home, campaigns)
    seed_help(home)
    seed_lesson_kits(home, content, translated, publish_child, campaigns)
    seed_manual_reach(campaigns)
    quizzes = seed_quizzes()
    seed_quiz_answers(quizzes)
    seed_class_checks(quizzes)
    seed_report_results(quizzes)
    seed_users()
    seed_events(DEMO_PASSWORD)
    return home
