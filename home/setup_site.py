"""A production site's first install, without demo content: ``manage.py setup_site``.

``migrate`` makes the tables, the roles and the places; this makes what a site needs before editors
can work: the home page and its site, the hotline setting, and whatever each feature registers with
:func:`setup_step` (its section pages in both languages, its workflow). Home names no feature: the
features add their steps when their app is ready. Safe to run again: every step creates only what is
missing and never overwrites what editors changed. The demo (``seed_demo``) runs this first, then adds
its content on top.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from home.roles import ensure_roles

# NACD's national hotline as the site starts with it; editors change it under Settings → National hotline.
NATIONAL_HOTLINE = {
    "phone": "1294",
    "name_km": "ខ្សែទូរស័ព្ទជំនួយជាតិ",
    "name_en": "National drug helpline",
    "hours_km": "រៀងរាល់ថ្ងៃ ម៉ោង ៧ ព្រឹក ដល់ ៩ យប់ ឥតគិតថ្លៃ",
    "hours_en": "Every day, 7am to 9pm, free of charge",
}
HOME_TITLE = {
    "title_km": "ប្រយុទ្ធប្រឆាំងគ្រឿងញៀន ដើម្បីសុខភាព និងអនាគតរបស់យើង",
    "title_en": "Together against drugs, for our health and our future",
}
HOME_TEXT = {
    "listing_summary_km": "ព័ត៌មានពិត ជំនួយពិត សម្រាប់យុវជន គ្រួសារ និងសហគមន៍។",
    "listing_summary_en": "True facts and real help for young people, families and communities.",
    "intro_km": (
        "<p>គេហទំព័រនេះរបស់អាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងគ្រឿងញៀន ផ្ដល់ព័ត៌មានត្រឹមត្រូវអំពីគ្រឿងញៀន "
        "មេរៀនសម្រាប់សាលារៀន និងកន្លែងស្វែងរកជំនួយនៅក្នុងខេត្តរបស់អ្នក។</p>"
    ),
    "intro_en": (
        "<p>This site of the National Authority for Combating Drugs gives accurate information about drugs, "
        "lessons for schools, and places to find help in your province.</p>"
    ),
}


@dataclass(frozen=True)
class Step:
    order: int
    name: str
    run: object


STEPS = {}


def setup_step(name, order=50):
    """Register ``function()`` as a step of the first install (run in ``order``, then by name). It returns
    a short description of what it made, or None when there was nothing to do."""

    def register(function):
        STEPS[name] = Step(order, name, function)
        return function

    return register


def steps():
    return sorted(STEPS.values(), key=lambda step: (step.order, step.name))


@transaction.atomic
def run(report=None):
    """Run every registered step; ``report(name, outcome)`` hears each one. Returns {name: outcome}."""
    outcomes = {}
    for step in steps():
        outcomes[step.name] = step.run()
        if report:
            report(step.name, outcomes[step.name])
    return outcomes


def home_page():
    from home.models import HomePage

    return HomePage.objects.first()


def ensure_section(model, slug, fields, parent=None):
    """The published page of ``model`` under ``parent`` (the home page) with Khmer and English slug ``slug``,
    made with ``fields`` (``title_km``, ``title_en``, ...) if there is none. Returns (page, created)."""
    parent = parent or home_page()
    page = model.objects.child_of(parent).first()
    if page is not None:
        return page, False
    page = model(slug_km=slug, slug_en=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page, True


@setup_step("basics", order=0)
def ensure_basics():
    """What migrations normally provide, made again if missing (an emptied database): locale, tree, roles."""
    made = []
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", title_km="Root", slug="root", slug_km="root", url_path="/"))
        made.append("page tree root")
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
        made.append("root collection")
    ensure_roles(apps)
    return ", ".join(made) or None


@setup_step("home page", order=10)
def ensure_home():
    from home.models import HomePage

    home = home_page()
    made = None
    if home is None:
        home = HomePage(slug_km="home", slug_en="home", **HOME_TITLE, **HOME_TEXT)
        Page.objects.get(depth=1).add_child(instance=home)
        home.save_revision().publish()
        home.refresh_from_db()
        made = "home page"
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(is_default_site=True, hostname="localhost", port=80, site_name="NACD", root_page=home)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    # The welcome page Wagtail's first migration makes is not ours.
    Page.objects.filter(depth=2, content_type__model="page").exclude(pk=home.pk).delete()
    return made


@setup_step("hotline", order=20)
def ensure_hotline():
    from home.models import HelplineSettings

    helpline = HelplineSettings.for_site(Site.objects.get(is_default_site=True))
    if helpline.hotline_phone:
        return None
    helpline.hotline_phone = NATIONAL_HOTLINE["phone"]
    helpline.hotline_name_km, helpline.hotline_name_en = NATIONAL_HOTLINE["name_km"], NATIONAL_HOTLINE["name_en"]
    helpline.hotline_hours_km, helpline.hotline_hours_en = NATIONAL_HOTLINE["hours_km"], NATIONAL_HOTLINE["hours_en"]
    helpline.save()
    return f"hotline {helpline.hotline_phone}"
