"""Whole-person profiles for the demo network: a few written out in full, in each language, and
every other bee's interests drawn from their hives; most bees have a drawn honeycomb for a photo.
Sam recruits and Julia edits, so logging in as either shows who is open to work."""

from __future__ import annotations

import io
import math
import random
import zlib
from datetime import date

from PIL import Image, ImageDraw

from app.db import write_transaction
from app.extensions import db
from app.profiles import photos, record
from app.profiles.data import (
    CertificationData,
    EducationData,
    Language,
    Link,
    PositionData,
    ProfileData,
    SampleData,
    SkillData,
)
from app.profiles.models import Bee

PORTRAIT = 480
HEXAGON = [math.pi / 3 * corner for corner in range(6)]
PALETTES = [
    ("#7a5600", "#f2b705"), ("#264653", "#e9c46a"), ("#2a9d8f", "#f4f1de"), ("#6d597a", "#eaac8b"),
    ("#355070", "#e56b6f"), ("#1d3557", "#a8dadc"), ("#606c38", "#fefae0"), ("#bc6c25", "#fefae0"),
]  # fmt: skip
TALENT_SEEKERS = {"sam_whitfield": "recruiter", "julia_fenwick": "editor"}
OPEN = {  # handle: (open to work, open to freelance)
    "marcus_oyelaran": (False, True),
    "omar_khatib": (True, False),
    "noa_levi": (True, True),
    "ayesha_siddiqui": (False, True),
    "layla_haddad": (False, True),
}

# Each hive as an interest, in the language of the bee who lists it.
INTERESTS = {
    "en": {
        "trail-running": "Trail running", "arabic-calligraphy": "Arabic calligraphy",
        "data-journalism": "Data journalism", "urban-gardening": "Urban gardening",
        "open-source-python": "Open source", "documentary-photography": "Documentary photography",
        "sourdough": "Sourdough baking", "ux-research": "User research", "climate-tech": "Climate tech",
        "chess-club": "Chess", "freelance-translators": "Translation", "jazz": "Jazz",
    },
    "es": {
        "trail-running": "Trail running", "arabic-calligraphy": "Caligrafía árabe",
        "data-journalism": "Periodismo de datos", "urban-gardening": "Huertos urbanos",
        "open-source-python": "Software libre", "documentary-photography": "Fotografía documental",
        "sourdough": "Masa madre", "ux-research": "Investigación UX", "climate-tech": "Tecnología climática",
        "chess-club": "Ajedrez", "freelance-translators": "Traducción", "jazz": "Jazz",
    },
    "ar": {
        "trail-running": "الجري في الطبيعة", "arabic-calligraphy": "الخط العربي",
        "data-journalism": "صحافة البيانات", "urban-gardening": "الزراعة الحضرية",
        "open-source-python": "البرمجيات المفتوحة", "documentary-photography": "التصوير الوثائقي",
        "sourdough": "خبز العجين المخمر", "ux-research": "أبحاث المستخدمين", "climate-tech": "تقنيات المناخ",
        "chess-club": "الشطرنج", "freelance-translators": "الترجمة", "jazz": "الجاز",
    },
    "he": {
        "trail-running": "ריצת שטח", "arabic-calligraphy": "קליגרפיה ערבית",
        "data-journalism": "עיתונות נתונים", "urban-gardening": "גינון עירוני",
        "open-source-python": "קוד פתוח", "documentary-photography": "צילום דוקומנטרי",
        "sourdough": "אפיית מחמצת", "ux-research": "מחקר משתמשים", "climate-tech": "טכנולוגיית אקלים",
        "chess-club": "שחמט", "freelance-translators": "תרגום", "jazz": "ג׳אז",
    },
    "ur": {
        "trail-running": "پگڈنڈی پر دوڑ", "arabic-calligraphy": "عربی خطاطی",
        "data-journalism": "ڈیٹا صحافت", "urban-gardening": "شہری باغبانی",
        "open-source-python": "اوپن سورس", "documentary-photography": "دستاویزی فوٹوگرافی",
        "sourdough": "خمیری روٹی", "ux-research": "صارف تحقیق", "climate-tech": "موسمیاتی ٹیکنالوجی",
        "chess-club": "شطرنج", "freelance-translators": "ترجمہ", "jazz": "جاز",
    },
}  # fmt: skip

FULL = {
    "demo": {
        "statement": "I design tools that help small communities **talk to each other**.\n\n"
        "Before design I taught school for six years, and it still shapes how I run a workshop.",
        "location": "Bristol, UK",
        "hobbies": ("Trail running", "Sourdough baking"),
        "causes": ("Digital inclusion",),
        "languages": (Language("English", "native"), Language("Spanish", "B1")),
        "links": (Link("Portfolio", "https://dana.demo.apiary.example.org"),),
        "positions": (
            PositionData("Product designer", "Commons Software", date(2021, 4, 1), None, "Bristol",
                         "Research and design for a forum product used by 300 local groups."),
            PositionData("Teacher", "Ashley Down School", date(2014, 9, 1), date(2020, 7, 1), "Bristol", ""),
        ),
        "education": (EducationData("University of the West of England", "MA", "Interaction design",
                                    date(2019, 9, 1), date(2021, 1, 1)),),
        "skills": (SkillData("User research", 5, "advanced"), SkillData("Figma", 4, None),
                   SkillData("Workshop facilitation", 8, "expert")),
        "samples": (SampleData("A forum for allotment holders", "https://dana.demo.apiary.example.org/allotments",
                               "From interviews to a shipped product in four months."),),
    },
    "marcus_oyelaran": {
        "statement": "I find stories in **public records** and check them twice.",
        "location": "Leeds, UK",
        "hobbies": ("Trail running",),
        "causes": ("Freedom of information",),
        "languages": (Language("English", "native"), Language("Yoruba", "conversational")),
        "positions": (
            PositionData("Data reporter", "Yorkshire Evening Ledger", date(2019, 2, 1), None, "Leeds", ""),
            PositionData("Research assistant", "Open Budgets Project", date(2016, 6, 1), date(2019, 1, 1)),
        ),
        "skills": (SkillData("Python", 6, "advanced"), SkillData("SQL", 6, "advanced"),
                   SkillData("Freedom of information requests", 7, "expert"), SkillData("D3.js", 3, None)),
        "certifications": (CertificationData("Verification fundamentals", "News Verification Lab",
                                             date(2020, 3, 1)),),
    },
    "layla_haddad": {
        "statement": "أكتب الحروف كما أسمعها: **الثلث** للجلال، والديواني للفرح.\n\n"
        "أقبل تكليفات الشعارات والعناوين بالخط العربي.",
        "location": "عمّان، الأردن",
        "hobbies": ("الجاز", "التصوير"),
        "causes": ("حفظ المخطوطات",),
        "languages": (Language("العربية", "اللغة الأم"), Language("English", "C1")),
        "positions": (PositionData("خطاطة مستقلة", "استوديو حداد", date(2017, 1, 1), None, "عمّان"),),
        "education": (EducationData("معهد الفنون الإسلامية", "إجازة في الخط", "خط الثلث",
                                    date(2012, 9, 1), date(2016, 6, 1)),),
        "skills": (SkillData("خط الثلث", 10, "expert"), SkillData("الخط الديواني", 8, "advanced"),
                   SkillData("تصميم الشعارات", 6, None)),
        "samples": (SampleData("عناوين معرض «حبر»", "https://layla.demo.apiary.example.org/hibr",
                               "سبعة عناوين بخط الثلث لمعرض جماعي."),),
    },
    "omar_khatib": {
        "statement": "أبحث عن القصة داخل الجداول، وأشرح الأرقام بلغة يفهمها الجميع.",
        "location": "بيروت، لبنان",
        "causes": ("حرية الصحافة",),
        "languages": (Language("العربية", "اللغة الأم"), Language("English", "B2"), Language("Français", "B1")),
        "positions": (PositionData("صحفي بيانات", "موقع المرصد", date(2020, 5, 1), None, "بيروت"),),
        "skills": (SkillData("Python", 4, "intermediate"), SkillData("تحليل البيانات", 5, "advanced"),
                   SkillData("التحقق من المعلومات", 5, None)),
    },
    "noa_levi": {
        "statement": "אני חוקרת איך אנשים **באמת** משתמשים במוצרי בריאות, ומתרגמת את זה לעיצוב.",
        "location": "תל אביב",
        "hobbies": ("ריצת שטח", "אפיית מחמצת"),
        "languages": (Language("עברית", "שפת אם"), Language("English", "C2")),
        "positions": (PositionData("מעצבת UX", "בריאות פלוס", date(2022, 3, 1), None, "תל אביב"),
                      PositionData("חוקרת משתמשים", "סטודיו צפון", date(2018, 1, 1), date(2022, 2, 1))),
        "skills": (SkillData("מחקר משתמשים", 6, "expert"), SkillData("Figma", 5, "advanced")),
    },
    "ayesha_siddiqui": {
        "statement": "میں انتخابات اور صحت کے **اعداد و شمار** سے کہانیاں نکالتی ہوں۔",
        "location": "لاہور",
        "causes": ("صحت عامہ",),
        "languages": (Language("اردو", "مادری زبان"), Language("English", "C1"), Language("پنجابی")),
        "positions": (PositionData("ڈیٹا صحافی", "روزنامہ آئینہ", date(2019, 8, 1), None, "لاہور"),),
        "skills": (SkillData("R", 5, "advanced"), SkillData("ڈیٹا ویژولائزیشن", 4, None)),
    },
    "sam_whitfield": {
        "statement": "I help climate and energy startups hire engineers who care about the mission.",
        "location": "Manchester, UK",
        "positions": (PositionData("Technical recruiter", "Greenfield Talent", date(2020, 1, 1), None),),
        "skills": (SkillData("Technical recruiting", 7, "expert"),),
    },
    "julia_fenwick": {
        "statement": "Photo editor. I commission documentary work and **pay on time**.",
        "location": "London, UK",
        "positions": (PositionData("Photo editor", "The Weekly Review", date(2018, 6, 1), None, "London"),),
        "skills": (SkillData("Photo editing", 12, "expert"), SkillData("Commissioning", 8, "advanced")),
    },
}  # fmt: skip


def portrait(handle: str) -> bytes:
    """A stand-in photo, the same on every load: a honeycomb in two colours drawn from the handle."""
    rng = random.Random(handle)
    ground, comb = rng.choice(PALETTES)
    image = Image.new("RGB", (PORTRAIT, PORTRAIT), ground)
    draw = ImageDraw.Draw(image)
    radius = rng.choice((40, 52, 64))
    step_x, step_y = radius * 1.5, radius * math.sqrt(3)
    for column in range(int(PORTRAIT / step_x) + 2):
        for row in range(int(PORTRAIT / step_y) + 2):
            x, y = column * step_x, row * step_y + (step_y / 2 if column % 2 else 0)
            if rng.random() < 0.55:
                corners = [(x + radius * math.cos(a), y + radius * math.sin(a)) for a in HEXAGON]
                draw.polygon(corners, fill=comb, outline=ground)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def load(bees: dict[str, Bee], specs: list[dict]) -> int:
    """Give every demo bee a profile; return how many have a full professional record."""
    for spec in specs:
        bee = bees[spec["handle"]]
        words = INTERESTS[spec["lang"]]
        full = FULL.get(spec["handle"], {})
        data = ProfileData(
            display_name=spec["display_name"],
            headline=spec["headline"],
            interests=tuple(words[key] for key in spec["hives"]),
            **full,
        )
        record.replace_profile(bee, data)
        if zlib.crc32(spec["handle"].encode()) % 4:  # three bees in four; the rest show the empty state
            photos.save_photo(bee, portrait(spec["handle"]))
    with write_transaction():
        for handle, kind in TALENT_SEEKERS.items():
            db.session.merge(bees[handle]).account_kind = kind
        for handle, (work, freelance) in OPEN.items():
            bee = db.session.merge(bees[handle])
            bee.open_to_work, bee.open_to_freelance = work, freelance
    return len(FULL)
