"""Demo quizzes: four fact sheets and two campaigns, in Khmer and English (campaigns/quizzes/).

Each question: (kind, right answer, text, answers, explanation, learn-more page slug or None), every text a
``(km, en)`` pair. ``answers`` is empty for a true/false question.
"""

TF, ONE = "true_false", "one_of"

QUIZZES = [
    {
        "page": ("fact_sheet", "yama-methamphetamine-pills"),
        "campaign": "drug-free-schools",
        "title": ("តើអ្នកដឹងអំពីយ៉ាម៉ាប៉ុណ្ណា?", "How much do you know about yama?"),
        "intro": (
            "សំណួរខ្លីៗចំនួនបួន។ មិនចាំបាច់មានគណនី ហើយគ្មានអ្វីអំពីអ្នកត្រូវបានរក្សាទុកទេ។",
            "Four short questions. No account needed, and nothing about you is kept.",
        ),
        "questions": [
            (
                TF,
                "true",
                ("យ៉ាម៉ាជាគ្រាប់ថ្នាំដែលមានសារធាតុមេតំហ្វេតាមីន។", "Yama pills contain methamphetamine."),
                [],
                (
                    "យ៉ាម៉ាគឺជាគ្រាប់ថ្នាំដែលផ្សំពីមេតំហ្វេតាមីន ហើយជាញឹកញាប់លាយជាមួយកាហ្វេអ៊ីន។ "
                    "វាធ្វើឱ្យបេះដូងលោតញាប់ និងអាចធ្វើឱ្យញៀនយ៉ាងឆាប់រហ័ស។",
                    "Yama pills are made of methamphetamine, often mixed with caffeine. "
                    "They make the heart race and can lead to addiction quickly.",
                ),
                "yama-methamphetamine-pills",
            ),
            (
                TF,
                "false",
                ("ការប្រើយ៉ាម៉ាម្ដងម្កាល មិនអាចធ្វើឱ្យញៀនបានទេ។", "Using yama now and then cannot make you addicted."),
                [],
                (
                    "មេតំហ្វេតាមីនអាចធ្វើឱ្យញៀនបាន សូម្បីតែប្រើតែប៉ុន្មានដង។ ចិត្តចង់ប្រើម្ដងទៀតកើតឡើងយ៉ាងលឿន ហើយកាន់តែពិបាកឈប់។",
                    "Methamphetamine can cause addiction even after only a few uses. "
                    "The craving to use again comes quickly, and stopping gets harder.",
                ),
                "yama-methamphetamine-pills",
            ),
            (
                ONE,
                "b",
                ("តើយ៉ាម៉ាធ្វើអ្វីដល់ខ្លួនប្រាណ?", "What does yama do to the body?"),
                [
                    ("ធ្វើឱ្យគេងលក់ស្រួល", "It helps you sleep well"),
                    ("ធ្វើឱ្យបេះដូងលោតញាប់ និងឡើងសម្ពាធឈាម", "It makes the heart race and raises blood pressure"),
                    ("ធ្វើឱ្យខ្លួនប្រាណរឹងមាំជាងមុន", "It makes the body stronger"),
                ],
                (
                    "យ៉ាម៉ាបង្កើនចង្វាក់បេះដូង និងសម្ពាធឈាម ធ្វើឱ្យគេងមិនលក់ និងបាត់បង់ចំណង់អាហារ។ "
                    "យូរៗទៅ វាបំផ្លាញបេះដូង ធ្មេញ និងសុខភាពផ្លូវចិត្ត។",
                    "Yama raises the heart rate and blood pressure, keeps you awake and takes away your appetite. "
                    "Over time it damages the heart, the teeth and mental health.",
                ),
                "yama-methamphetamine-pills",
            ),
            (
                TF,
                "true",
                ("នៅកម្ពុជា ការកាន់កាប់យ៉ាម៉ាគឺខុសច្បាប់។", "In Cambodia, possessing yama is against the law."),
                [],
                (
                    "ច្បាប់ស្ដីពីការត្រួតពិនិត្យគ្រឿងញៀនហាមឃាត់ការកាន់កាប់ ការប្រើ និងការជួញដូរមេតំហ្វេតាមីន។ "
                    "អ្នកដែលញៀនអាចសុំការព្យាបាលដោយស្ម័គ្រចិត្ត។",
                    "Cambodia's drug control law forbids possessing, using and trafficking methamphetamine. "
                    "People who are addicted can ask for treatment voluntarily.",
                ),
                "yama-methamphetamine-pills",
            ),
        ],
    },
    {
        "page": ("fact_sheet", "ice-crystal-methamphetamine"),
        "campaign": "drug-free-schools",
        "title": ("ម៉ាទឹកកក៖ ការពិត ឬការយល់ខុស?", "Ice: fact or myth?"),
        "intro": ("សំណួរបីអំពីម៉ាទឹកកក។", "Three questions about ice."),
        "questions": [
            (
                TF,
                "false",
                ("ម៉ាទឹកកកមិនសូវគ្រោះថ្នាក់ជាងយ៉ាម៉ាទេ ព្រោះវាស្អាត។", "Ice is less harmful than yama because it is pure."),
                [],
                (
                    "ម៉ាទឹកកកជាមេតំហ្វេតាមីនដែលខ្លាំងជាងយ៉ាម៉ា។ ភាពខ្លាំងនេះធ្វើឱ្យវាកាន់តែគ្រោះថ្នាក់ និងធ្វើឱ្យញៀនលឿនជាងមុន។",
                    "Ice is a stronger form of methamphetamine than yama. Being stronger makes it more dangerous "
                    "and quicker to cause addiction.",
                ),
                "ice-crystal-methamphetamine",
            ),
            (
                ONE,
                "c",
                ("តើម៉ាទឹកកកអាចបង្កអ្វីដល់ចិត្ត?", "What can ice do to the mind?"),
                [
                    ("ធ្វើឱ្យចងចាំបានល្អជាងមុន", "It improves memory"),
                    ("គ្មានផលប៉ះពាល់អ្វីទេ", "It has no effect"),
                    ("ធ្វើឱ្យភ័យខ្លាច ឮសំឡេង ឬឃើញអ្វីដែលមិនមានពិត", "Fear, and hearing or seeing things that are not there"),
                ],
                (
                    "ម៉ាទឹកកកអាចបង្កការភ័យខ្លាច ការសង្ស័យគ្រប់គ្នា និងការឮ ឬឃើញអ្វីដែលមិនមានពិត។ អ្នកខ្លះក្លាយជាឆេវឆាវ ឬចង់ធ្វើបាបខ្លួនឯង។",
                    "Ice can bring on fear, suspicion of everyone, and hearing or seeing things that are not there. "
                    "Some people become aggressive or want to harm themselves.",
                ),
                "ice-crystal-methamphetamine",
            ),
            (
                TF,
                "true",
                ("អ្នកដែលញៀនម៉ាទឹកកកអាចជាសះស្បើយបាន ដោយមានជំនួយ។", "People addicted to ice can recover, with help."),
                [],
                (
                    "ការព្យាបាលតាមសហគមន៍ និងការគាំទ្រពីក្រុមគ្រួសារជួយមនុស្សជាច្រើនឱ្យឈប់ប្រើ។ សូមទូរស័ព្ទទៅខ្សែទូរស័ព្ទជំនួយ ដើម្បីដឹងកន្លែងជិតអ្នក។",
                    "Community-based treatment and support from family help many people stop. "
                    "Call the helpline to find a service near you.",
                ),
                "ice-crystal-methamphetamine",
            ),
        ],
    },
    {
        "page": ("fact_sheet", "cannabis"),
        "campaign": "drug-free-schools",
        "title": ("កញ្ឆា៖ តើអ្នកដឹងច្បាស់ទេ?", "Cannabis: are you sure?"),
        "intro": ("សំណួរបីអំពីកញ្ឆា។", "Three questions about cannabis."),
        "questions": [
            (
                TF,
                "false",
                ("កញ្ឆាជារុក្ខជាតិ ដូច្នេះវាគ្មានគ្រោះថ្នាក់ទេ។", "Cannabis is a plant, so it is harmless."),
                [],
                (
                    "រុក្ខជាតិជាច្រើនមានជាតិពុល។ កញ្ឆាធ្វើឱ្យខូចការចងចាំ និងការផ្ចង់អារម្មណ៍ ជាពិសេសចំពោះខួរក្បាលរបស់យុវជនដែលកំពុងលូតលាស់។",
                    "Many plants are poisonous. Cannabis harms memory and concentration, "
                    "especially in young people whose brains are still growing.",
                ),
                "cannabis",
            ),
            (
                TF,
                "false",
                (
                    "នៅកម្ពុជា ការដាំ និងលក់កញ្ឆាគឺស្របច្បាប់។",
                    "In Cambodia, growing and selling cannabis is legal.",
                ),
                [],
                (
                    "កញ្ឆាជាគ្រឿងញៀនខុសច្បាប់នៅកម្ពុជា។ ការដាំ ការកាន់កាប់ និងការលក់អាចត្រូវផ្ដន្ទាទោស។",
                    "Cannabis is an illegal drug in Cambodia. Growing, possessing and selling it can be punished.",
                ),
                "cannabis",
            ),
            (
                ONE,
                "a",
                ("បើមិត្តភក្តិយកកញ្ឆាមកឱ្យអ្នក តើល្អបំផុតគួរធ្វើអ្វី?", "If a friend offers you cannabis, what is best?"),
                [
                    (
                        "បដិសេធដោយស្ងប់ ហើយប្រាប់មនុស្សធំដែលអ្នកទុកចិត្ត",
                        "Say no calmly, and tell an adult you trust",
                    ),
                    ("សាកល្បងតែម្ដង ដើម្បីកុំឱ្យមិត្តខឹង", "Try it once so the friend is not upset"),
                    ("យកទៅលក់បន្ត", "Take it and sell it on"),
                ],
                (
                    "ការបដិសេធគឺជាសិទ្ធិរបស់អ្នក។ មិត្តពិតគោរពការសម្រេចចិត្តរបស់អ្នក ហើយមនុស្សធំដែលអ្នកទុកចិត្តអាចជួយបាន។",
                    "Saying no is your right. Real friends respect your choice, and an adult you trust can help.",
                ),
                None,
            ),
        ],
    },
    {
        "page": ("fact_sheet", "ecstasy"),
        "campaign": "drug-free-schools",
        "title": ("អ៊ិចស្តាស៊ី៖ សំណួរបី", "Ecstasy: three questions"),
        "intro": ("តើអ្នកដឹងពីហានិភ័យទេ?", "Do you know the risks?"),
        "questions": [
            (
                TF,
                "false",
                ("អ្នកតែងតែដឹងថាគ្រាប់អ៊ិចស្តាស៊ីមានអ្វីនៅខាងក្នុង។", "You always know what is inside an ecstasy pill."),
                [],
                (
                    "គ្រាប់ដែលលក់ថាជាអ៊ិចស្តាស៊ី ជាញឹកញាប់មានសារធាតុផ្សេងទៀតលាយចូល ដែលអាចគ្រោះថ្នាក់ខ្លាំង។ "
                    "គ្មាននរណាម្នាក់ដឹងច្បាស់ពីអ្វីដែលខ្លួនលេបនោះទេ។",
                    "Pills sold as ecstasy often contain other substances that can be very dangerous. "
                    "Nobody can be sure what they are swallowing.",
                ),
                "ecstasy",
            ),
            (
                ONE,
                "b",
                ("តើគ្រោះថ្នាក់មួយណាកើតមានញឹកញាប់នៅពេលរាំ?", "Which danger is common when dancing on ecstasy?"),
                [
                    ("ញាក់ខ្លួនដោយសារត្រជាក់", "Shivering from the cold"),
                    ("ឡើងកម្ដៅខ្លួនខ្លាំង និងខ្វះជាតិទឹក", "Overheating and losing too much water"),
                    ("ឃ្លានអាហារខ្លាំង", "Great hunger"),
                ],
                (
                    "អ៊ិចស្តាស៊ីធ្វើឱ្យកម្ដៅខ្លួនឡើងខ្ពស់ ជាពិសេសពេលរាំយូរនៅកន្លែងក្ដៅ។ វាអាចធ្វើឱ្យសន្លប់ និងខូចតម្រងនោម។",
                    "Ecstasy makes the body overheat, above all when dancing for long in a hot place. "
                    "It can cause collapse and kidney damage.",
                ),
                "ecstasy",
            ),
            (
                TF,
                "true",
                (
                    "ការបើកបរម៉ូតូក្រោយប្រើគ្រឿងញៀន ធ្វើឱ្យអ្នកដទៃមានគ្រោះថ្នាក់ផងដែរ។",
                    "Riding a motorbike after using drugs puts other people in danger too.",
                ),
                [],
                (
                    "គ្រឿងញៀនធ្វើឱ្យយឺតក្នុងការសម្រេចចិត្ត និងមើលឃើញមិនច្បាស់។ គ្រោះថ្នាក់ចរាចរណ៍ប៉ះពាល់ទាំងអ្នកជិះ និងអ្នកដើរលើផ្លូវ។",
                    "Drugs slow down decisions and blur vision. Road crashes hurt riders and people on the road alike.",
                ),
                None,
            ),
        ],
    },
    {
        "page": ("campaign", "drug-free-schools"),
        "campaign": "drug-free-schools",
        "title": ("សាលារៀនគ្មានគ្រឿងញៀន៖ សំណួរសម្រាប់សិស្ស", "Drug-free schools: a quiz for students"),
        "intro": ("សាកល្បងចំណេះដឹងរបស់អ្នក។", "Test what you know."),
        "questions": [
            (
                TF,
                "false",
                (
                    "គ្រឿងញៀនជួយឱ្យរៀនពូកែ និងប្រឡងជាប់។",
                    "Drugs help you study better and pass exams.",
                ),
                [],
                (
                    "គ្រឿងញៀនខ្លះធ្វើឱ្យភ្ញាក់ពេលយប់ ប៉ុន្តែវាបំផ្លាញការចងចាំ និងការគេង ដែលខួរក្បាលត្រូវការដើម្បីរៀន។",
                    "Some drugs keep you awake at night, but they ruin memory and sleep, "
                    "which the brain needs to learn.",
                ),
                "yama-methamphetamine-pills",
            ),
            (
                ONE,
                "c",
                (
                    "បើអ្នកឃើញគេលក់គ្រឿងញៀនជិតសាលា តើគួរធ្វើអ្វី?",
                    "If you see drugs being sold near your school, what should you do?",
                ),
                [
                    ("នៅស្ងៀម ព្រោះមិនមែនជារឿងរបស់ខ្ញុំ", "Stay quiet: it is not my business"),
                    ("ប្រកែកជាមួយអ្នកលក់ដោយខ្លួនឯង", "Confront the seller yourself"),
                    ("ប្រាប់គ្រូ ឬនាយកសាលា", "Tell a teacher or the school director"),
                ],
                (
                    "គ្រូ និងនាយកសាលាអាចទាក់ទងអាជ្ញាធរ ដោយមិនបង្ហាញឈ្មោះរបស់អ្នក។ កុំប្រកែកដោយខ្លួនឯង ព្រោះវាអាចមានគ្រោះថ្នាក់។",
                    "Teachers and the director can contact the authorities without giving your name. "
                    "Do not confront anyone yourself: it can be dangerous.",
                ),
                "drug-free-schools",
            ),
            (
                TF,
                "true",
                (
                    "ការនិយាយថា «ទេ» ទៅកាន់មិត្តភក្តិ គឺជាជម្រើសដ៏ក្លាហាន។",
                    "Saying “no” to friends is a brave choice.",
                ),
                [],
                (
                    "ការបដិសេធមិនងាយស្រួលទេ ប៉ុន្តែវាការពារសុខភាព និងអនាគតរបស់អ្នក។ សិស្សជាច្រើនធ្វើដូចគ្នា។",
                    "Saying no is not easy, but it protects your health and your future. Many students do the same.",
                ),
                "drug-free-schools",
            ),
        ],
    },
    {
        "page": ("campaign", "talk-with-your-children"),
        "campaign": "talk-with-your-children",
        "title": ("និយាយជាមួយកូន៖ សំណួរសម្រាប់ឪពុកម្ដាយ", "Talk with your children: a quiz for parents"),
        "intro": ("សំណួរបីសម្រាប់ឪពុកម្ដាយ និងអាណាព្យាបាល។", "Three questions for parents and guardians."),
        "questions": [
            (
                TF,
                "false",
                (
                    "និយាយអំពីគ្រឿងញៀនជាមួយកូន ធ្វើឱ្យកូនចង់សាកល្បង។",
                    "Talking about drugs with your children makes them want to try.",
                ),
                [],
                (
                    "ការសិក្សាបង្ហាញថា កុមារដែលឪពុកម្ដាយនិយាយជាមួយពួកគេដោយស្មោះត្រង់ ទំនងជាមិនសូវប្រើគ្រឿងញៀនទេ។",
                    "Studies show that children whose parents talk with them openly are less likely to use drugs.",
                ),
                "talk-with-your-children",
            ),
            (
                ONE,
                "a",
                ("តើពេលណាល្អបំផុតដើម្បីចាប់ផ្ដើមនិយាយ?", "When is the best time to start talking?"),
                [
                    ("មុនពេលកូនចូលវ័យជំទង់", "Before your child becomes a teenager"),
                    ("តែនៅពេលរកឃើញថាកូនប្រើរួចហើយ", "Only once you find out your child uses drugs"),
                    ("នៅពេលកូនរៀនចប់វិទ្យាល័យ", "When your child finishes high school"),
                ],
                (
                    "ចាប់ផ្ដើមឱ្យបានឆាប់ ដោយពាក្យសាមញ្ញតាមអាយុរបស់កូន។ ការសន្ទនាតូចៗជាញឹកញាប់ល្អជាងការនិយាយធំម្ដង។",
                    "Start early, in simple words that suit your child's age. "
                    "Small, frequent conversations work better than one big talk.",
                ),
                "talk-with-your-children",
            ),
            (
                TF,
                "true",
                (
                    "ការស្ដាប់កូនដោយមិនស្ដីបន្ទោស ជួយឱ្យកូនប្រាប់ការពិត។",
                    "Listening without blaming helps your child tell you the truth.",
                ),
                [],
                (
                    "ពេលកូនដឹងថានឹងមិនត្រូវស្ដីបន្ទោស ពួកគេហ៊ាននិយាយពីបញ្ហា មុនពេលវាក្លាយជាធំ។",
                    "When children know they will not be blamed, they dare to talk about a problem before it grows.",
                ),
                "talk-with-your-children",
            ),
        ],
    },
]


def _check(slug, campaign, title, questions):
    return {
        "page": ("kit", slug),
        "campaign": campaign,
        "kit_check": True,
        "title": title,
        "intro": (
            "សំណួរដដែលៗ មុន និងក្រោយមេរៀន។",
            "The same questions before and after the lesson.",
        ),
        "questions": questions,
    }


# Before/after checks of three lesson kits (campaigns/quizzes/class_checks.py): reuse the quizzes' questions
# that the kits teach, so a class's answers tell the teacher what the lesson changed.
KIT_CHECKS = [
    _check(
        "yama-the-facts",
        "drug-free-schools",
        ("យ៉ាម៉ា៖ ការត្រួតពិនិត្យមុន និងក្រោយមេរៀន", "Yama: before and after check"),
        QUIZZES[0]["questions"][:3],
    ),
    _check(
        "ice-cannabis-and-your-future",
        "drug-free-schools",
        ("ម៉ាទឹកកក និងកញ្ឆា៖ ការត្រួតពិនិត្យមុន និងក្រោយមេរៀន", "Ice and cannabis: before and after check"),
        [QUIZZES[1]["questions"][0], QUIZZES[1]["questions"][1], QUIZZES[2]["questions"][0]],
    ),
    _check(
        "friends-pressure-and-choices",
        "drug-free-schools",
        ("មិត្តភក្តិ និងជម្រើស៖ ការត្រួតពិនិត្យមុន និងក្រោយមេរៀន", "Friends and choices: before and after check"),
        [QUIZZES[2]["questions"][2], QUIZZES[4]["questions"][1], QUIZZES[4]["questions"][2]],
    ),
]
