"""The campaign features' part of a first install (``manage.py setup_site``, home/setup_site.py).

The section pages under the home page in Khmer and English, without demo content, the places of
Cambodia, and the "Campaign review" workflow on the campaign section, so a production site has
moderation from its first day. The outreach calendar (``/km/events/``) is a route, not a page: it needs
nothing here. Each step only makes what is missing.
"""

from home.setup_site import ensure_section, setup_step

SECTIONS = {
    "campaigns": {
        "title_km": "យុទ្ធនាការ",
        "title_en": "Campaigns",
        "intro_km": "<p>យុទ្ធនាការផ្សព្វផ្សាយរបស់អាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងគ្រឿងញៀន សម្រាប់យុវជន គ្រួសារ សាលារៀន កន្លែងធ្វើការ និងសហគមន៍។</p>",
        "intro_en": "<p>The outreach campaigns of the National Authority for Combating Drugs, for young people, families, schools, workplaces and communities.</p>",
    },
    "facts": {
        "title_km": "ការពិតអំពីគ្រឿងញៀន",
        "title_en": "Facts about drugs",
        "intro_km": "<p>ព័ត៌មានត្រឹមត្រូវ និងងាយយល់ អំពីគ្រឿងញៀនប្រភេទនីមួយៗ ផលប៉ះពាល់ ហានិភ័យ ច្បាប់ និងកន្លែងស្វែងរកជំនួយ។</p>",
        "intro_en": "<p>Clear, accurate information about each drug: its effects, its risks, the law, and where to get help.</p>",
    },
    "lesson-kits": {
        "title_km": "កញ្ចប់មេរៀនសម្រាប់សាលារៀន",
        "title_en": "Lesson kits for schools",
        "intro_km": "<p>កញ្ចប់មេរៀនរួចរាល់សម្រាប់គ្រូបង្រៀន តាមថ្នាក់ និងប្រធានបទ មានមគ្គុទ្ទេសក៍គ្រូ និងសន្លឹកកិច្ចការសម្រាប់ទាញយក។</p>",
        "intro_en": "<p>Ready-to-teach lesson kits by grade and topic, with a teacher guide and worksheets to download.</p>",
    },
    "help": {
        "title_km": "ស្វែងរកជំនួយ",
        "title_en": "Get help",
        "intro_km": "<p>អ្នកមិននៅម្នាក់ឯងទេ។ ជ្រើសរើសខេត្តរបស់អ្នក ដើម្បីរកសេវាប្រឹក្សា និងព្យាបាលនៅជិតអ្នក។ ការហៅទូរស័ព្ទគឺឥតគិតថ្លៃ និងរក្សាការសម្ងាត់។</p>",
        "intro_en": "<p>You are not alone. Choose your province to find counselling and treatment services near you. Calls are free and confidential.</p>",
    },
}


def section_models():
    from campaigns.models import CampaignIndexPage, FactSheetIndexPage, HelpFinderPage, LessonKitIndexPage

    return {
        "campaigns": CampaignIndexPage,
        "facts": FactSheetIndexPage,
        "lesson-kits": LessonKitIndexPage,
        "help": HelpFinderPage,
    }


def register():
    @setup_step("places", order=5)
    def ensure_places():
        from campaigns.models import Province
        from campaigns.places import load_places

        if Province.objects.exists():
            return None
        load_places()
        return "provinces, districts and communes"

    @setup_step("section pages", order=30)
    def ensure_sections():
        made = []
        for slug, model in section_models().items():
            _page, created = ensure_section(model, slug, SECTIONS[slug])
            if created:
                made.append(slug)
        return ", ".join(made) or None

    @setup_step("campaign review workflow", order=40)
    def ensure_workflow():
        from wagtail.models import WorkflowPage

        from campaigns.editorial import ensure_campaign_workflow
        from campaigns.models import CampaignIndexPage

        index = CampaignIndexPage.objects.first()
        if WorkflowPage.objects.filter(page=index).exists():
            return None
        return f"workflow {ensure_campaign_workflow(index).name!r} on {index.title_en}"
