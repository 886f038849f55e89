"""Demo awareness campaigns of the National Authority for Combating Drugs (NACD).

Written for this platform (the awareness_site demo content): four campaigns in Khmer (primary)
with faithful English counterparts. Each body is a list of [block type, value] pairs that the
demo loader turns into StreamField blocks. Phone numbers are demo numbers.
"""

CAMPAIGNS = [
    {
        "slug_en": "cleanse-ourselves-first",
        "slug_km": "samat-khluon-aeng-chea-mun",
        "title_km": "ការសម្អាតខ្លួនឯងជាមុនសិន",
        "title_en": "Cleanse ourselves first",
        "summary_km": "យុទ្ធនាការរបស់អាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងគ្រឿងញៀន អំពាវនាវឱ្យមន្ត្រីរាជការ កងកម្លាំងប្រដាប់អាវុធ និងនគរបាល ធ្វើជាគំរូដោយរួចផុតពីគ្រឿងញៀនជាមុនសិន។ យុទ្ធនាការនេះរួមមានការធ្វើតេស្តទឹកនោមដោយស្ម័គ្រចិត្ត និងការបង្ការនៅកន្លែងធ្វើការ។",
        "summary_en": "A campaign of the National Authority for Combating Drugs calling on civil servants, the armed forces and the police to set an example by being drug-free first. It includes voluntary urine testing and prevention in the workplace.",
        "hero_alt_km": "គំនូររូបព្រះអាទិត្យរះលើជួរភ្នំ មានមន្ត្រីរាជការ និងនគរបាលពីរបីនាក់ ឈរជាមួយគ្នា។",
        "hero_alt_en": "Illustration of the sun rising over hills, with a few civil servants and police officers standing together.",
        "start": "2026-10-01",
        "end": "2027-03-31",
        "provinces": ["12", "08", "02", "17", "07", "18"],
        "topics": ["methamphetamine", "workplace", "law"],
        "audiences": ["civil-servants", "police"],
        "body_km": [
            [
                "text",
                "<p>មន្ត្រីរាជការ កងកម្លាំងប្រដាប់អាវុធ និងនគរបាល គឺជាអ្នកបម្រើប្រជាពលរដ្ឋ។ នៅពេលយើងរួចផុតពីគ្រឿងញៀន ប្រជាពលរដ្ឋមានទំនុកចិត្តលើយើង ហើយការងាររបស់យើងមានសុវត្ថិភាពជាងមុន។</p><p>យុទ្ធនាការ <strong>«ការសម្អាតខ្លួនឯងជាមុនសិន»</strong> ជំរុញឱ្យស្ថាប័ននីមួយៗចាប់ផ្ដើមពីខាងក្នុងខ្លួនឯង៖ ការផ្ដល់ព័ត៌មាន ការធ្វើតេស្តដោយស្ម័គ្រចិត្ត និងជំនួយសម្រាប់អ្នកដែលត្រូវការ។</p>",
            ],
            [
                "key_facts",
                [
                    {"number": "48,000", "label": "មន្ត្រីរាជការ និងសមាជិកកងកម្លាំង បានធ្វើតេស្តទឹកនោមដោយស្ម័គ្រចិត្តក្នុងឆ្នាំ 2025"},
                    {"number": "620", "label": "វគ្គផ្សព្វផ្សាយនៅកន្លែងធ្វើការ ដែលគ្រោងរៀបចំក្នុងយុទ្ធនាការនេះ"},
                    {"number": "6", "label": "ខែនៃយុទ្ធនាការ ចាប់ពីខែតុលា ឆ្នាំ 2026 ដល់ខែមីនា ឆ្នាំ 2027"},
                ],
            ],
            [
                "text",
                "<p><strong>របៀបចូលរួម</strong></p><ul><li>ចូលរួមវគ្គផ្សព្វផ្សាយអំពីគ្រោះថ្នាក់នៃគ្រឿងញៀន នៅអង្គភាពរបស់អ្នក។</li><li>ធ្វើតេស្តទឹកនោមដោយស្ម័គ្រចិត្ត ហើយលទ្ធផលត្រូវបានរក្សាជាការសម្ងាត់។</li><li>បើអ្នកកំពុងជួបបញ្ហា សូមស្វែងរកការប្រឹក្សា និងការព្យាបាល ដោយមិនខ្លាចការរើសអើង។</li><li>ធ្វើជាគំរូល្អសម្រាប់គ្រួសារ និងសហគមន៍របស់អ្នក។</li></ul>",
            ],
            [
                "quote",
                {
                    "text": "យើងមិនអាចសុំឱ្យប្រជាពលរដ្ឋនៅឆ្ងាយពីគ្រឿងញៀនបានទេ បើយើងខ្លួនឯងមិនធ្វើជាគំរូ។ ការធ្វើតេស្តដោយស្ម័គ្រចិត្ត គឺជាការប្ដេជ្ញាចិត្តរបស់យើងចំពោះប្រជាពលរដ្ឋ។",
                    "speaker": "សុខ វណ្ណា មន្ត្រីគណៈកម្មាធិការប្រយុទ្ធប្រឆាំងគ្រឿងញៀនខេត្តបាត់ដំបង",
                },
            ],
            [
                "call_to_action",
                {
                    "heading": "ចុះឈ្មោះអង្គភាពរបស់អ្នក",
                    "text": "ប្រធានអង្គភាពអាចស្នើសុំវគ្គផ្សព្វផ្សាយ និងការធ្វើតេស្តដោយស្ម័គ្រចិត្ត ពីគណៈកម្មាធិការប្រយុទ្ធប្រឆាំងគ្រឿងញៀនខេត្ត។",
                    "link_text": "ស្វែងរកជំនួយ និងទំនាក់ទំនង",
                    "link_url": "/km/help/",
                },
            ],
            [
                "faq",
                [
                    {
                        "question": "តើការធ្វើតេស្តទឹកនោមជាកាតព្វកិច្ចឬ?",
                        "answer": "<p>ទេ។ ក្នុងយុទ្ធនាការនេះ ការធ្វើតេស្តគឺដោយស្ម័គ្រចិត្ត។ គោលបំណងគឺដើម្បីការពារសុខភាព និងកសាងទំនុកចិត្ត មិនមែនដើម្បីដាក់ទោសទេ។</p>",
                    },
                    {
                        "question": "ប្រសិនបើលទ្ធផលតេស្តវិជ្ជមាន តើមានអ្វីកើតឡើង?",
                        "answer": "<p>បុគ្គលិកសុខាភិបាលនឹងពិភាក្សាជាមួយអ្នកដោយសម្ងាត់ ហើយណែនាំអ្នកទៅកាន់សេវាប្រឹក្សា ឬសេវាព្យាបាលតាមសហគមន៍។ ការស្វែងរកជំនួយ គឺជាជំហានដ៏ក្លាហាន។</p>",
                    },
                    {
                        "question": "តើច្បាប់និយាយយ៉ាងដូចម្ដេចអំពីគ្រឿងញៀន?",
                        "answer": "<p>ច្បាប់ស្ដីពីការត្រួតពិនិត្យគ្រឿងញៀន ហាមឃាត់ការផលិត ការជួញដូរ និងការកាន់កាប់គ្រឿងញៀនដោយខុសច្បាប់។ ច្បាប់នេះក៏មានបទប្បញ្ញត្តិស្ដីពីការព្យាបាល និងការស្ដារនីតិសម្បទាសម្រាប់អ្នកប្រើប្រាស់គ្រឿងញៀនផងដែរ។</p>",
                    },
                ],
            ],
            [
                "help",
                {
                    "heading": "ត្រូវការជំនួយ?",
                    "text": "ទូរស័ព្ទទៅខ្សែទូរស័ព្ទជំនួយជាតិ 1294 ដោយឥតគិតថ្លៃ ឬទាក់ទងគណៈកម្មាធិការប្រយុទ្ធប្រឆាំងគ្រឿងញៀនខេត្តរបស់អ្នក។ ការសន្ទនារបស់អ្នកត្រូវបានរក្សាជាការសម្ងាត់។",
                },
            ],
        ],
        "body_en": [
            [
                "text",
                "<p>Civil servants, the armed forces and the police serve the people. When we are free from drugs, people trust us and our work is safer.</p><p>The <strong>“Cleanse ourselves first”</strong> campaign encourages every institution to start from within: information, voluntary testing, and help for those who need it.</p>",
            ],
            [
                "key_facts",
                [
                    {
                        "number": "48,000",
                        "label": "civil servants and members of the forces took a voluntary urine test in 2025",
                    },
                    {"number": "620", "label": "workplace awareness sessions planned for this campaign"},
                    {"number": "6", "label": "months of campaigning, from October 2026 to March 2027"},
                ],
            ],
            [
                "text",
                "<p><strong>How to take part</strong></p><ul><li>Join an awareness session on the harms of drugs in your unit.</li><li>Take a voluntary urine test; the results are kept confidential.</li><li>If you are struggling, seek counselling and treatment without fear of discrimination.</li><li>Be a good example for your family and your community.</li></ul>",
            ],
            [
                "quote",
                {
                    "text": "We cannot ask people to stay away from drugs if we do not set the example ourselves. Voluntary testing is our commitment to the people.",
                    "speaker": "Sok Vanna, officer of the Battambang Provincial Committee for Combating Drugs",
                },
            ],
            [
                "call_to_action",
                {
                    "heading": "Register your unit",
                    "text": "Heads of units can request an awareness session and voluntary testing from the provincial committee for combating drugs.",
                    "link_text": "Find help and contacts",
                    "link_url": "/en/help/",
                },
            ],
            [
                "faq",
                [
                    {
                        "question": "Is the urine test compulsory?",
                        "answer": "<p>No. In this campaign, testing is voluntary. The aim is to protect health and build trust, not to punish.</p>",
                    },
                    {
                        "question": "What happens if my test result is positive?",
                        "answer": "<p>A health worker will talk with you in private and refer you to counselling or community-based treatment. Seeking help is a brave step.</p>",
                    },
                    {
                        "question": "What does the law say about drugs?",
                        "answer": "<p>The Law on Drug Control prohibits the illegal production, trafficking and possession of drugs. The law also provides for the treatment and rehabilitation of people who use drugs.</p>",
                    },
                ],
            ],
            [
                "help",
                {
                    "heading": "Need help?",
                    "text": "Call the national helpline 1294 free of charge, or contact your provincial committee for combating drugs. Your conversation is kept confidential.",
                },
            ],
        ],
    },
    {
        "slug_en": "drug-free-schools",
        "slug_km": "sala-rien-kmean-kroeung-nhien",
        "title_km": "សាលារៀនគ្មានគ្រឿងញៀន",
        "title_en": "Drug-free schools",
        "summary_km": "យុទ្ធនាការបង្ការនៅសាលារៀន សហការជាមួយក្រសួងអប់រំ យុវជន និងកីឡា ដើម្បីជួយសិស្សឱ្យយល់ពីគ្រោះថ្នាក់នៃគ្រឿងញៀន និងជ្រើសរើសជីវិតដែលមានសុខភាពល្អ។ យុទ្ធនាការនេះរួមមានមេរៀនក្នុងថ្នាក់ អ្នកអប់រំមិត្តភក្តិ និងសកម្មភាពកីឡា។",
        "summary_en": "A school prevention campaign with the Ministry of Education, Youth and Sport to help students understand the harms of drugs and choose a healthy life. It includes classroom lessons, peer educators and sports activities.",
        "hero_alt_km": "គំនូររូបព្រះអាទិត្យរះលើជួរភ្នំ មានសិស្សពីរបីនាក់ក្នុងឯកសណ្ឋានសាលា និងគ្រូបង្រៀនម្នាក់ ឈរជាមួយគ្នា។",
        "hero_alt_en": "Illustration of the sun rising over hills, with a few students in school uniform and a teacher standing together.",
        "start": "2026-09-01",
        "end": "2027-07-31",
        "provinces": ["12", "19", "09", "07", "03", "17"],
        "topics": ["school-prevention", "methamphetamine", "cannabis"],
        "audiences": ["students", "teachers", "youth", "parents"],
        "body_km": [
            [
                "text",
                "<p>សាលារៀនគឺជាកន្លែងដែលយុវជនរៀនសូត្រ លេងកម្សាន្ត និងកសាងអនាគត។ គ្រឿងញៀនដូចជា យ៉ាម៉ា ម៉ាទឹកកក និងកញ្ឆា អាចបំផ្លាញសុខភាព ការសិក្សា និងទំនាក់ទំនងជាមួយគ្រួសារ។</p><p>ក្នុងឆ្នាំសិក្សា 2026-2027 អាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងគ្រឿងញៀន និងក្រសួងអប់រំ យុវជន និងកីឡា រួមគ្នាជួយសាលារៀនឱ្យក្លាយជាកន្លែងមានសុវត្ថិភាព និងគ្មានគ្រឿងញៀន។</p>",
            ],
            [
                "key_facts",
                [
                    {"number": "350", "label": "អនុវិទ្យាល័យ និងវិទ្យាល័យ ចូលរួមក្នុងឆ្នាំសិក្សា 2026-2027"},
                    {"number": "2,100", "label": "អ្នកអប់រំមិត្តភក្តិ ដែលនឹងត្រូវបណ្ដុះបណ្ដាលក្នុងឆ្នាំសិក្សានេះ"},
                    {"number": "6", "label": "មេរៀនក្នុងថ្នាក់ សម្រាប់សិស្សថ្នាក់ទី 7 ដល់ថ្នាក់ទី 12"},
                ],
            ],
            [
                "text",
                "<p><strong>អ្វីដែលកើតឡើងនៅសាលារៀន</strong></p><ul><li><strong>មេរៀន៖</strong> គ្រូបង្រៀនប្រើមេរៀនខ្លីៗ អំពីគ្រោះថ្នាក់នៃគ្រឿងញៀន និងជំនាញក្នុងការបដិសេធ។</li><li><strong>អ្នកអប់រំមិត្តភក្តិ៖</strong> សិស្សដែលបានទទួលការបណ្ដុះបណ្ដាល ចែករំលែកព័ត៌មានត្រឹមត្រូវជាមួយមិត្តរួមថ្នាក់។</li><li><strong>កីឡា៖</strong> ការប្រកួតបាល់ទាត់ និងបាល់ទះ ក្រោមប្រធានបទ «កីឡាជំនួសគ្រឿងញៀន»។</li></ul>",
            ],
            [
                "quote",
                {
                    "text": "ពេលសិស្សនិយាយជាមួយមិត្តរបស់ខ្លួន ពួកគេស្ដាប់គ្នាខ្លាំងជាងស្ដាប់គ្រូទៅទៀត។ អ្នកអប់រំមិត្តភក្តិរបស់យើង បានជួយមិត្តរួមថ្នាក់ជាច្រើនឱ្យហ៊ាននិយាយថា «ទេ»។",
                    "speaker": "ចាន់ សុភា គ្រូបង្រៀននៅវិទ្យាល័យមួយក្នុងខេត្តស្ទឹងត្រែង",
                },
            ],
            [
                "call_to_action",
                {
                    "heading": "ឱ្យសាលារៀនរបស់អ្នកចូលរួម",
                    "text": "នាយកសាលា និងគ្រូបង្រៀន អាចស្នើសុំមេរៀន ឯកសារ និងការបណ្ដុះបណ្ដាលអ្នកអប់រំមិត្តភក្តិ ពីមន្ទីរអប់រំ យុវជន និងកីឡាខេត្ត ឬពីគណៈកម្មាធិការប្រយុទ្ធប្រឆាំងគ្រឿងញៀនខេត្ត។",
                    "link_text": "ស្វែងរកទំនាក់ទំនងនៅខេត្តរបស់អ្នក",
                    "link_url": "/km/help/",
                },
            ],
            [
                "faq",
                [
                    {
                        "question": "ខ្ញុំជាសិស្ស។ តើខ្ញុំអាចក្លាយជាអ្នកអប់រំមិត្តភក្តិបានដោយរបៀបណា?",
                        "answer": "<p>សូមប្រាប់គ្រូបន្ទុកថ្នាក់ ឬនាយកសាលារបស់អ្នក។ សាលានីមួយៗជ្រើសរើសសិស្សស្ម័គ្រចិត្ត ដើម្បីចូលរួមវគ្គបណ្ដុះបណ្ដាលរយៈពេលពីរថ្ងៃ។</p>",
                    },
                    {
                        "question": "ប្រសិនបើមិត្តរបស់ខ្ញុំប្រើគ្រឿងញៀន តើខ្ញុំគួរធ្វើអ្វី?",
                        "answer": "<p>និយាយជាមួយមិត្តរបស់អ្នកដោយស្ងប់ស្ងាត់ និងដោយមិនបន្ទោស។ បន្ទាប់មក សូមប្រាប់មនុស្សពេញវ័យដែលអ្នកទុកចិត្ត ដូចជាគ្រូបង្រៀន ឬឪពុកម្ដាយ ឬទូរស័ព្ទទៅលេខ 1294។</p>",
                    },
                    {
                        "question": "តើកញ្ឆាគ្មានគ្រោះថ្នាក់មែនទេ ព្រោះវាជារុក្ខជាតិ?",
                        "answer": "<p>ទេ។ កញ្ឆាអាចប៉ះពាល់ដល់ការចងចាំ ការផ្ចង់អារម្មណ៍ និងការសិក្សា ជាពិសេសចំពោះយុវជនដែលខួរក្បាលកំពុងលូតលាស់។ នៅកម្ពុជា កញ្ឆាក៏ជាគ្រឿងញៀនខុសច្បាប់ផងដែរ។</p>",
                    },
                ],
            ],
            [
                "help",
                {
                    "heading": "កន្លែងស្វែងរកជំនួយ",
                    "text": "សិស្សអាចនិយាយជាមួយគ្រូបង្រៀនដែលខ្លួនទុកចិត្ត ឬទូរស័ព្ទទៅខ្សែទូរស័ព្ទជំនួយជាតិ 1294 ដោយឥតគិតថ្លៃ។ ឪពុកម្ដាយក៏អាចទូរស័ព្ទមកសុំដំបូន្មានបានដែរ។",
                },
            ],
        ],
        "body_en": [
            [
                "text",
                "<p>School is where young people learn, play and build their future. Drugs such as yama, crystal (ice) and cannabis can damage health, studies and relationships with family.</p><p>In the 2026-2027 school year, the National Authority for Combating Drugs and the Ministry of Education, Youth and Sport are working together to help schools become safe, drug-free places.</p>",
            ],
            [
                "key_facts",
                [
                    {
                        "number": "350",
                        "label": "lower and upper secondary schools taking part in the 2026-2027 school year",
                    },
                    {"number": "2,100", "label": "peer educators to be trained this school year"},
                    {"number": "6", "label": "classroom lessons for students in grades 7 to 12"},
                ],
            ],
            [
                "text",
                "<p><strong>What happens at school</strong></p><ul><li><strong>Lessons:</strong> teachers use short lessons on the harms of drugs and on refusal skills.</li><li><strong>Peer educators:</strong> trained students share accurate information with their classmates.</li><li><strong>Sport:</strong> football and volleyball matches under the theme “Sport instead of drugs”.</li></ul>",
            ],
            [
                "quote",
                {
                    "text": "When students talk with their friends, they listen to each other more than they listen to teachers. Our peer educators have helped many classmates find the courage to say “no”.",
                    "speaker": "Chan Sophea, teacher at a high school in Stung Treng province",
                },
            ],
            [
                "call_to_action",
                {
                    "heading": "Get your school involved",
                    "text": "School directors and teachers can request lessons, materials and peer-educator training from the provincial Department of Education, Youth and Sport or from the provincial committee for combating drugs.",
                    "link_text": "Find contacts in your province",
                    "link_url": "/en/help/",
                },
            ],
            [
                "faq",
                [
                    {
                        "question": "I am a student. How can I become a peer educator?",
                        "answer": "<p>Tell your class teacher or your school director. Each school selects student volunteers to join a two-day training course.</p>",
                    },
                    {
                        "question": "What should I do if my friend uses drugs?",
                        "answer": "<p>Talk with your friend calmly and without blame. Then tell an adult you trust, such as a teacher or a parent, or call 1294.</p>",
                    },
                    {
                        "question": "Is cannabis harmless because it is a plant?",
                        "answer": "<p>No. Cannabis can affect memory, concentration and studies, especially for young people whose brains are still developing. In Cambodia, cannabis is also an illegal drug.</p>",
                    },
                ],
            ],
            [
                "help",
                {
                    "heading": "Where to get help",
                    "text": "Students can talk with a teacher they trust or call the national helpline 1294 free of charge. Parents can also call for advice.",
                },
            ],
        ],
    },
    {
        "slug_en": "safe-villages-border-provinces",
        "slug_km": "phum-khum-mean-sovatthephap-khet-cheab-prumdaen",
        "title_km": "ភូមិឃុំមានសុវត្ថិភាព នៅខេត្តជាប់ព្រំដែន",
        "title_en": "Safe villages and communes in border provinces",
        "summary_km": "យុទ្ធនាការសហគមន៍ ដែលក្រុមប្រឹក្សាឃុំ មេភូមិ ព្រះសង្ឃ និងពលករចំណាកស្រុកដែលវិលត្រឡប់មកវិញ រួមគ្នាការពារភូមិរបស់ខ្លួនពីគ្រឿងញៀន។ យុទ្ធនាការនេះបានចាប់ផ្ដើមនៅទិវាអន្តរជាតិប្រឆាំងគ្រឿងញៀន ថ្ងៃទី 26 ខែមិថុនា ឆ្នាំ 2025។",
        "summary_en": "A community campaign in which commune councils, village chiefs, monks and returning migrant workers worked together to protect their villages from drugs. It began on the International Day against Drug Abuse, 26 June 2025.",
        "hero_alt_km": "គំនូររូបព្រះអាទិត្យរះលើជួរភ្នំ មានមេភូមិ ព្រះសង្ឃមួយអង្គ និងអ្នកភូមិពីរបីនាក់ ឈរជាមួយគ្នានៅមាត់ភូមិ។",
        "hero_alt_en": "Illustration of the sun rising over hills, with a village chief, a monk and a few villagers standing together at the edge of a village.",
        "start": "2025-06-26",
        "end": "2025-12-31",
        "provinces": ["01", "02", "22", "20", "19", "09", "24"],
        "topics": ["community", "methamphetamine", "family"],
        "audiences": ["community-leaders", "parents", "youth", "workers"],
        "body_km": [
            [
                "text",
                "<p>នៅខេត្តជាប់ព្រំដែន មានការធ្វើដំណើរឆ្លងកាត់ព្រំដែនច្រើន ហើយពលករជាច្រើនចេញទៅធ្វើការនៅប្រទេសជិតខាង រួចវិលត្រឡប់មកវិញ។ ស្ថានភាពនេះអាចធ្វើឱ្យយុវជន និងគ្រួសារ ងាយរងគ្រោះដោយសារគ្រឿងញៀន។</p><p>យុទ្ធនាការនេះពង្រឹងអ្វីដែលភូមិមានស្រាប់៖ អាជ្ញាធរមូលដ្ឋាន វត្តអារាម និងចំណងគ្រួសារ ដើម្បីឱ្យសហគមន៍ការពារគ្នាទៅវិញទៅមក។</p>",
            ],
            [
                "key_facts",
                [
                    {"number": "1,450", "label": "ភូមិបានរៀបចំវេទិកាសហគមន៍ស្ដីពីគ្រឿងញៀន ក្នុងឆ្នាំ 2025"},
                    {"number": "310", "label": "ព្រះសង្ឃ និងអាចារ្យ បានចូលរួមផ្សព្វផ្សាយនៅវត្តអារាម"},
                    {"number": "5,800", "label": "ពលករចំណាកស្រុកវិលត្រឡប់ បានទទួលព័ត៌មាន និងការណែនាំ"},
                ],
            ],
            [
                "text",
                "<p><strong>តួនាទីរបស់អ្នកនីមួយៗ</strong></p><ul><li><strong>ក្រុមប្រឹក្សាឃុំ៖</strong> បញ្ចូលការបង្ការគ្រឿងញៀនទៅក្នុងផែនការអភិវឌ្ឍឃុំ។</li><li><strong>មេភូមិ៖</strong> រៀបចំវេទិកាភូមិ និងស្គាល់គ្រួសារដែលត្រូវការជំនួយ។</li><li><strong>ព្រះសង្ឃ៖</strong> ផ្សព្វផ្សាយក្នុងពេលសម្ដែងធម៌ និងពេលបុណ្យប្រពៃណី។</li><li><strong>ពលករវិលត្រឡប់៖</strong> ចែករំលែកបទពិសោធន៍ និងជួយយុវជនឱ្យយល់ពីហានិភ័យ។</li></ul>",
            ],
            [
                "quote",
                {
                    "text": "ពេលខ្ញុំធ្វើការនៅក្រៅប្រទេសបីឆ្នាំ ខ្ញុំបានឃើញមិត្តភក្តិជាច្រើនបាត់បង់អ្វីៗទាំងអស់ដោយសារយ៉ាម៉ា។ ឥឡូវនេះ ខ្ញុំនិយាយជាមួយយុវជននៅភូមិរបស់ខ្ញុំ ដើម្បីកុំឱ្យពួកគេជួបរឿងដូចគ្នា។",
                    "speaker": "ហេង សំណាង ពលករវិលត្រឡប់ និងអ្នកស្ម័គ្រចិត្តនៅខេត្តបន្ទាយមានជ័យ",
                },
            ],
            [
                "faq",
                [
                    {
                        "question": "តើភូមិរបស់ខ្ញុំអាចចូលរួមដោយរបៀបណា?",
                        "answer": "<p>មេភូមិ ឬក្រុមប្រឹក្សាឃុំ អាចទាក់ទងគណៈកម្មាធិការប្រយុទ្ធប្រឆាំងគ្រឿងញៀនខេត្ត ដើម្បីស្នើសុំឯកសារ និងការគាំទ្រក្នុងការរៀបចំវេទិកាភូមិ។</p>",
                    },
                    {
                        "question": "តើត្រូវធ្វើអ្វី បើសមាជិកគ្រួសារម្នាក់ប្រើគ្រឿងញៀន?",
                        "answer": "<p>កុំលាក់បាំង ហើយកុំប្រើហិង្សា។ សូមទាក់ទងមណ្ឌលសុខភាព ឬសេវាព្យាបាលតាមសហគមន៍ ដែលអាចផ្ដល់ការប្រឹក្សា និងការព្យាបាលនៅជិតផ្ទះ។</p>",
                    },
                    {
                        "question": "តើខ្ញុំគួររាយការណ៍អំពីការជួញដូរគ្រឿងញៀនទៅនរណា?",
                        "answer": "<p>សូមរាយការណ៍ទៅប៉ុស្តិ៍នគរបាលរដ្ឋបាលឃុំ ឬមេភូមិ។ អត្តសញ្ញាណរបស់អ្នកផ្ដល់ព័ត៌មាន ត្រូវបានរក្សាជាការសម្ងាត់។</p>",
                    },
                ],
            ],
            [
                "text",
                "<p>យុទ្ធនាការនេះបានបញ្ចប់នៅខែធ្នូ ឆ្នាំ 2025 ប៉ុន្តែការងារនៅតែបន្ត។ ឃុំជាច្រើនបានរក្សាវេទិកាភូមិប្រចាំខែ ហើយវត្តអារាមនៅតែជាកន្លែងដែលគ្រួសារអាចមកសុំដំបូន្មាន។</p>",
            ],
            [
                "help",
                {
                    "heading": "ជំនួយនៅជិតអ្នក",
                    "text": "ទូរស័ព្ទទៅខ្សែទូរស័ព្ទជំនួយជាតិ 1294 ដោយឥតគិតថ្លៃ ឬសួរមណ្ឌលសុខភាពក្នុងឃុំរបស់អ្នក អំពីសេវាព្យាបាលតាមសហគមន៍។",
                },
            ],
        ],
        "body_en": [
            [
                "text",
                "<p>In border provinces there is a lot of cross-border travel, and many workers go to work in neighbouring countries and then return. This can make young people and families more vulnerable to drugs.</p><p>This campaign builds on what villages already have: local authorities, pagodas and family ties, so that communities protect one another.</p>",
            ],
            [
                "key_facts",
                [
                    {"number": "1,450", "label": "villages held a community forum on drugs in 2025"},
                    {"number": "310", "label": "monks and achars took part in outreach at pagodas"},
                    {"number": "5,800", "label": "returning migrant workers received information and guidance"},
                ],
            ],
            [
                "text",
                "<p><strong>Everyone's role</strong></p><ul><li><strong>Commune councils:</strong> include drug prevention in the commune development plan.</li><li><strong>Village chiefs:</strong> organise village forums and know which families need support.</li><li><strong>Monks:</strong> share the message during sermons and traditional festivals.</li><li><strong>Returning workers:</strong> share their experience and help young people understand the risks.</li></ul>",
            ],
            [
                "quote",
                {
                    "text": "While I worked abroad for three years, I saw many friends lose everything because of yama. Now I talk with the young people in my village so that the same does not happen to them.",
                    "speaker": "Heng Samnang, returning migrant worker and volunteer in Banteay Meanchey province",
                },
            ],
            [
                "faq",
                [
                    {
                        "question": "How can my village take part?",
                        "answer": "<p>The village chief or the commune council can contact the provincial committee for combating drugs to request materials and support for organising a village forum.</p>",
                    },
                    {
                        "question": "What should we do if a family member uses drugs?",
                        "answer": "<p>Do not hide it, and do not use violence. Contact the health centre or a community-based treatment service, which can offer counselling and treatment close to home.</p>",
                    },
                    {
                        "question": "Who should I report drug trafficking to?",
                        "answer": "<p>Report it to the commune administrative police post or to the village chief. The identity of people who give information is kept confidential.</p>",
                    },
                ],
            ],
            [
                "text",
                "<p>The campaign ended in December 2025, but the work goes on. Many communes have kept their monthly village forums, and pagodas remain a place where families can come for advice.</p>",
            ],
            [
                "help",
                {
                    "heading": "Help near you",
                    "text": "Call the national helpline 1294 free of charge, or ask the health centre in your commune about community-based treatment.",
                },
            ],
        ],
    },
    {
        "slug_en": "talk-with-your-children",
        "slug_km": "niyeay-chea-muoy-kon-robas-anak",
        "title_km": "និយាយជាមួយកូនរបស់អ្នក",
        "title_en": "Talk with your children",
        "summary_km": "យុទ្ធនាការសម្រាប់ឪពុកម្ដាយ ដើម្បីជួយពួកគាត់និយាយជាមួយកូនអំពីគ្រឿងញៀន ដោយស្ងប់ស្ងាត់ និងដោយក្ដីស្រឡាញ់។ ការសន្ទនាដោយបើកចំហក្នុងគ្រួសារ គឺជាការការពារដ៏រឹងមាំបំផុតមួយសម្រាប់យុវជន។",
        "summary_en": "A campaign for parents, to help them talk with their children about drugs calmly and with love. Open conversation in the family is one of the strongest protections for young people.",
        "hero_alt_km": "គំនូររូបព្រះអាទិត្យរះលើជួរភ្នំ មានឪពុកម្ដាយ និងកូនជំទង់ពីរនាក់ ឈរជាមួយគ្នា។",
        "hero_alt_en": "Illustration of the sun rising over hills, with a mother, a father and two teenage children standing together.",
        "start": "2027-01-15",
        "end": "2027-06-30",
        "provinces": ["12", "08", "14", "21"],
        "topics": ["family", "treatment-and-recovery"],
        "audiences": ["parents", "youth"],
        "body_km": [
            [
                "text",
                "<p>កូនៗស្ដាប់ឪពុកម្ដាយច្រើនជាងអ្វីដែលយើងគិត។ ការនិយាយអំពីគ្រឿងញៀន មិនចាំបាច់ជាការទូន្មានដ៏វែងនោះទេ។ ការសន្ទនាខ្លីៗ ញឹកញាប់ និងដោយស្មោះត្រង់ មានប្រសិទ្ធភាពជាង។</p><p>យុទ្ធនាការនេះផ្ដល់គន្លឹះសាមញ្ញៗ ដើម្បីចាប់ផ្ដើមការសន្ទនា និងដើម្បីដឹងថាត្រូវធ្វើអ្វី ប្រសិនបើកូនរបស់អ្នកត្រូវការជំនួយ។</p>",
            ],
            [
                "key_facts",
                [
                    {"number": "4", "label": "រាជធានី និងខេត្ត ដែលយុទ្ធនាការនេះចាប់ផ្ដើម"},
                    {"number": "800", "label": "កិច្ចប្រជុំឪពុកម្ដាយ ដែលគ្រោងរៀបចំនៅសាលារៀន និងភូមិ ក្នុងឆ្នាំ 2027"},
                    {"number": "5", "label": "គន្លឹះសាមញ្ញ សម្រាប់ចាប់ផ្ដើមការសន្ទនាជាមួយកូន"},
                ],
            ],
            [
                "text",
                "<p><strong>គន្លឹះ 5 សម្រាប់ឪពុកម្ដាយ</strong></p><ul><li>ជ្រើសរើសពេលស្ងប់ស្ងាត់ ដូចជាពេលញ៉ាំបាយ ឬពេលធ្វើដំណើរជាមួយគ្នា។</li><li>សួរសំណួរ ហើយស្ដាប់ឱ្យច្រើនជាងនិយាយ។</li><li>ផ្ដល់ព័ត៌មានពិត ដោយមិនបំភ័យ ឬនិយាយបំផ្លើស។</li><li>ប្រាប់កូនឱ្យច្បាស់ថា អ្នកមិនចង់ឱ្យកូនប្រើគ្រឿងញៀន ហើយពន្យល់ពីមូលហេតុ។</li><li>ធ្វើឱ្យកូនដឹងថា កូនអាចមករកអ្នកបានជានិច្ច ទោះបីកូនបានធ្វើខុសក៏ដោយ។</li></ul>",
            ],
            [
                "quote",
                {
                    "text": "ពីមុន ខ្ញុំគ្រាន់តែស្រែកប្រាប់កូនថា «កុំប្រើគ្រឿងញៀន»។ ពេលខ្ញុំចាប់ផ្ដើមស្ដាប់កូនវិញ កូនប្រុសខ្ញុំបានប្រាប់ខ្ញុំថា មានមិត្តម្នាក់នៅសាលាធ្លាប់បបួលកូនឱ្យសាកល្បងយ៉ាម៉ា។ យើងបានដោះស្រាយបញ្ហានេះជាមួយគ្នា។",
                    "speaker": "លី ស្រីមុំ ម្ដាយដែលមានកូនពីរនាក់ នៅខេត្តតាកែវ",
                },
            ],
            [
                "call_to_action",
                {
                    "heading": "ចូលរួមកិច្ចប្រជុំឪពុកម្ដាយ",
                    "text": "សាលារៀន និងឃុំ នៅក្នុងរាជធានី និងខេត្តដែលចូលរួម នឹងរៀបចំកិច្ចប្រជុំខ្លីៗសម្រាប់ឪពុកម្ដាយ។ សូមសួរនាយកសាលា ឬមេភូមិរបស់អ្នកអំពីកាលបរិច្ឆេទ។",
                    "link_text": "ស្វែងរកជំនួយ និងព័ត៌មានបន្ថែម",
                    "link_url": "/km/help/",
                },
            ],
            [
                "faq",
                [
                    {
                        "question": "តើគួរចាប់ផ្ដើមនិយាយអំពីគ្រឿងញៀន នៅពេលកូនអាយុប៉ុន្មាន?",
                        "answer": "<p>កាន់តែឆាប់ កាន់តែល្អ។ ចាប់ពីអាយុប្រហែល 9 ឬ 10 ឆ្នាំ អ្នកអាចនិយាយអំពីសុខភាព និងការជ្រើសរើសល្អ ហើយនិយាយឱ្យកាន់តែលម្អិត នៅពេលកូនចូលរៀននៅអនុវិទ្យាល័យ។</p>",
                    },
                    {
                        "question": "តើមានសញ្ញាអ្វីខ្លះ ដែលបង្ហាញថាកូនអាចកំពុងប្រើគ្រឿងញៀន?",
                        "answer": "<p>ការផ្លាស់ប្ដូរភ្លាមៗ ក្នុងការគេង ចំណង់អាហារ មិត្តភក្តិ ឬលទ្ធផលសិក្សា អាចជាសញ្ញាមួយ ប៉ុន្តែក៏អាចមានមូលហេតុផ្សេងទៀតដែរ។ សូមនិយាយជាមួយកូនដោយស្ងប់ស្ងាត់ មុននឹងសន្និដ្ឋាន។</p>",
                    },
                    {
                        "question": "បើកូនខ្ញុំកំពុងប្រើគ្រឿងញៀនរួចហើយ តើខ្ញុំគួរធ្វើអ្វី?",
                        "answer": "<p>សូមរក្សាភាពស្ងប់ស្ងាត់ ហើយបង្ហាញថាអ្នកនៅក្បែរកូនជានិច្ច។ ការព្យាបាល និងការប្រឹក្សាអាចជួយបាន ហើយការជាសះស្បើយអាចធ្វើទៅបាន។ សូមទូរស័ព្ទទៅលេខ 1294 ដើម្បីស្វែងរកសេវាព្យាបាលតាមសហគមន៍នៅជិតអ្នក។</p>",
                    },
                ],
            ],
            [
                "help",
                {
                    "heading": "ឪពុកម្ដាយក៏ត្រូវការជំនួយដែរ",
                    "text": "អ្នកមិនចាំបាច់ដោះស្រាយបញ្ហាតែម្នាក់ឯងទេ។ ទូរស័ព្ទទៅខ្សែទូរស័ព្ទជំនួយជាតិ 1294 ដោយឥតគិតថ្លៃ ដើម្បីទទួលបានដំបូន្មាន ឬសួរមណ្ឌលសុខភាពក្នុងតំបន់របស់អ្នក។",
                },
            ],
        ],
        "body_en": [
            [
                "text",
                "<p>Children listen to their parents more than we think. Talking about drugs does not have to be a long lecture. Short, frequent and honest conversations work better.</p><p>This campaign offers simple tips to start the conversation, and to know what to do if your child needs help.</p>",
            ],
            [
                "key_facts",
                [
                    {"number": "4", "label": "capital and provinces where the campaign starts"},
                    {"number": "800", "label": "parents' meetings planned in schools and villages in 2027"},
                    {"number": "5", "label": "simple tips for starting the conversation with your child"},
                ],
            ],
            [
                "text",
                "<p><strong>5 tips for parents</strong></p><ul><li>Choose a calm moment, such as a meal or a trip together.</li><li>Ask questions, and listen more than you talk.</li><li>Give true information, without scaring or exaggerating.</li><li>Tell your child clearly that you do not want them to use drugs, and explain why.</li><li>Let your child know they can always come to you, even if they have made a mistake.</li></ul>",
            ],
            [
                "quote",
                {
                    "text": "I used to just shout at my child: “Don't take drugs.” When I started listening instead, my son told me that a friend at school had once urged him to try yama. We dealt with it together.",
                    "speaker": "Ly Sreymom, mother of two in Takeo province",
                },
            ],
            [
                "call_to_action",
                {
                    "heading": "Join a parents' meeting",
                    "text": "Schools and communes in the participating capital and provinces will hold short meetings for parents. Ask your school director or village chief for the dates.",
                    "link_text": "Find help and more information",
                    "link_url": "/en/help/",
                },
            ],
            [
                "faq",
                [
                    {
                        "question": "At what age should I start talking about drugs?",
                        "answer": "<p>The earlier, the better. From about age 9 or 10 you can talk about health and good choices, and go into more detail when your child starts lower secondary school.</p>",
                    },
                    {
                        "question": "What signs might show that my child is using drugs?",
                        "answer": "<p>Sudden changes in sleep, appetite, friends or school results can be a sign, but they can also have other causes. Talk with your child calmly before drawing conclusions.</p>",
                    },
                    {
                        "question": "What should I do if my child is already using drugs?",
                        "answer": "<p>Stay calm and show that you are always there for your child. Treatment and counselling can help, and recovery is possible. Call 1294 to find community-based treatment near you.</p>",
                    },
                ],
            ],
            [
                "help",
                {
                    "heading": "Parents need support too",
                    "text": "You do not have to face this alone. Call the national helpline 1294 free of charge for advice, or ask your local health centre.",
                },
            ],
        ],
    },
]
