"""Site-wide demo content: topics and audiences (the hotline, the home page's words and the sections
come from the production install, home/setup_site.py and campaigns/setup_steps.py)."""

from campaigns.setup_steps import SECTIONS
from home.setup_site import HOME_TEXT, HOME_TITLE, NATIONAL_HOTLINE

__all__ = ["AUDIENCES", "HOME_TITLE", "NATIONAL_HOTLINE", "SECTIONS", "SITE", "TOPICS"]

# The home page's words and the section pages are the production site's own (home/setup_site.py,
# campaigns/setup_steps.py); the demo shows the same.
SITE = {
    "tagline_km": HOME_TEXT["listing_summary_km"],
    "tagline_en": HOME_TEXT["listing_summary_en"],
    "intro_km": HOME_TEXT["intro_km"],
    "intro_en": HOME_TEXT["intro_en"],
}

TOPICS = [
    {
        "slug": "methamphetamine",
        "name_km": "មេតំហ្វេតាមីន",
        "name_en": "Methamphetamine",
        "description_km": "យ៉ាម៉ា និងម៉ាទឹកកក ដែលជាគ្រឿងញៀនប្រើច្រើនបំផុតនៅកម្ពុជា។",
        "description_en": "Yama pills and crystal (ice), the drugs most used in Cambodia.",
    },
    {
        "slug": "workplace",
        "name_km": "កន្លែងធ្វើការ",
        "name_en": "Workplace",
        "description_km": "ការបង្ការគ្រឿងញៀននៅក្នុងស្ថាប័ន រោងចក្រ និងការិយាល័យ។",
        "description_en": "Preventing drug use in institutions, factories and offices.",
    },
    {
        "slug": "cannabis",
        "name_km": "កញ្ឆា",
        "name_en": "Cannabis",
        "description_km": "ផលប៉ះពាល់នៃកញ្ឆាលើសុខភាព និងការសិក្សារបស់យុវជន។",
        "description_en": "How cannabis affects young people's health and studies.",
    },
    {
        "slug": "school-prevention",
        "name_km": "ការបង្ការនៅសាលារៀន",
        "name_en": "School prevention",
        "description_km": "មេរៀន និងសកម្មភាពសម្រាប់សិស្ស និងគ្រូបង្រៀន។",
        "description_en": "Lessons and activities for students and teachers.",
    },
    {
        "slug": "community",
        "name_km": "សហគមន៍",
        "name_en": "Community",
        "description_km": "ភូមិ ឃុំ និងសង្កាត់ ធ្វើការរួមគ្នាដើម្បីសុវត្ថិភាព។",
        "description_en": "Villages, communes and quarters working together for safety.",
    },
    {
        "slug": "family",
        "name_km": "គ្រួសារ",
        "name_en": "Family",
        "description_km": "របៀបដែលឪពុកម្ដាយអាចនិយាយជាមួយកូនអំពីគ្រឿងញៀន។",
        "description_en": "How parents can talk with their children about drugs.",
    },
    {
        "slug": "treatment-and-recovery",
        "name_km": "ការព្យាបាល និងការជាសះស្បើយ",
        "name_en": "Treatment and recovery",
        "description_km": "សេវាព្យាបាលតាមសហគមន៍ ការប្រឹក្សា និងការវិលត្រឡប់ទៅរស់នៅធម្មតា។",
        "description_en": "Community-based treatment, counselling and returning to everyday life.",
    },
    {
        "slug": "law",
        "name_km": "ច្បាប់",
        "name_en": "The law",
        "description_km": "អ្វីដែលច្បាប់ស្ដីពីការត្រួតពិនិត្យគ្រឿងញៀនចែង។",
        "description_en": "What the Law on Drug Control says.",
    },
]

AUDIENCES = [
    {"slug": "youth", "name_km": "យុវជន", "name_en": "Young people"},
    {"slug": "civil-servants", "name_km": "មន្ត្រីរាជការ", "name_en": "Civil servants"},
    {"slug": "police", "name_km": "នគរបាល និងកងកម្លាំងប្រដាប់អាវុធ", "name_en": "Police and armed forces"},
    {"slug": "teachers", "name_km": "គ្រូបង្រៀន", "name_en": "Teachers"},
    {"slug": "parents", "name_km": "ឪពុកម្ដាយ", "name_en": "Parents"},
    {"slug": "students", "name_km": "សិស្ស", "name_en": "Students"},
    {
        "slug": "community-leaders",
        "name_km": "អាជ្ញាធរ និងមេដឹកនាំសហគមន៍",
        "name_en": "Local authorities and community leaders",
    },
    {"slug": "workers", "name_km": "កម្មករ និងនិយោជិត", "name_en": "Workers and employees"},
]
