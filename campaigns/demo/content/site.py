"""Site-wide demo content: the hotline, the home page's words, topics and audiences."""

# Demo number: NACD confirms the real national helpline before launch.
NATIONAL_HOTLINE = {
    "phone": "1294",
    "name_km": "ខ្សែទូរស័ព្ទជំនួយជាតិ",
    "name_en": "National drug helpline",
    "hours_km": "រៀងរាល់ថ្ងៃ ម៉ោង ៧ ព្រឹក ដល់ ៩ យប់ ឥតគិតថ្លៃ",
    "hours_en": "Every day, 7am to 9pm, free of charge",
}

SITE = {
    "tagline_km": "ព័ត៌មានពិត ជំនួយពិត សម្រាប់យុវជន គ្រួសារ និងសហគមន៍។",
    "tagline_en": "True facts and real help for young people, families and communities.",
    "intro_km": (
        "<p>គេហទំព័រនេះរបស់អាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងគ្រឿងញៀន ផ្ដល់ព័ត៌មានត្រឹមត្រូវអំពីគ្រឿងញៀន "
        "មេរៀនសម្រាប់សាលារៀន និងកន្លែងស្វែងរកជំនួយនៅក្នុងខេត្តរបស់អ្នក។</p>"
    ),
    "intro_en": (
        "<p>This site of the National Authority for Combating Drugs gives accurate information about drugs, "
        "lessons for schools, and places to find help in your province.</p>"
    ),
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

HOME_TITLE = {
    "title_km": "ប្រយុទ្ធប្រឆាំងគ្រឿងញៀន ដើម្បីសុខភាព និងអនាគតរបស់យើង",
    "title_en": "Together against drugs, for our health and our future",
}

# The sections under the home page, by slug.
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
    "help": {
        "title_km": "ស្វែងរកជំនួយ",
        "title_en": "Get help",
        "intro_km": "<p>អ្នកមិននៅម្នាក់ឯងទេ។ ជ្រើសរើសខេត្តរបស់អ្នក ដើម្បីរកសេវាប្រឹក្សា និងព្យាបាលនៅជិតអ្នក។ ការហៅទូរស័ព្ទគឺឥតគិតថ្លៃ និងរក្សាការសម្ងាត់។</p>",
        "intro_en": "<p>You are not alone. Choose your province to find counselling and treatment services near you. Calls are free and confidential.</p>",
    },
}

SECTIONS["lesson-kits"] = {
    "title_km": "កញ្ចប់មេរៀនសម្រាប់សាលារៀន",
    "title_en": "Lesson kits for schools",
    "intro_km": "<p>កញ្ចប់មេរៀនរួចរាល់សម្រាប់គ្រូបង្រៀន តាមថ្នាក់ និងប្រធានបទ មានមគ្គុទ្ទេសក៍គ្រូ និងសន្លឹកកិច្ចការសម្រាប់ទាញយក។</p>",
    "intro_en": "<p>Ready-to-teach lesson kits by grade and topic, with a teacher guide and worksheets to download.</p>",
}
