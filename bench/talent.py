"""Talent search at scale (issue 8): whole profiles for 100,000 bees, and the first page timed.

The generator is deterministic from a seed and writes through the real schema:
skills (3–15 a bee, Zipf-distributed over about 400 names in English, Arabic,
Hebrew and Spanish, clustered by field), interests and hobbies, causes,
languages, locations from about 200 cities (some in Arabic or Hebrew script),
positions (``career_start`` is the earliest), hives with power-law sizes and
their members, a few hundred recruiter and editor accounts. Keys are folded by
the app's own ``skill_key``, ``tag_key`` and ``location_key`` and the bees are
indexed by ``reindex_all``, so the rows are the ones the services would have
written; ``tests/bench/test_talent.py`` checks that at a small scale.

The measurement draws 300 realistic searches (seeded, from what the database
holds, common and middling skills favoured) and runs them once to warm up. It
then times every first page through the Flask test client, signed in as a
recruiter, and in a separate pass every service call alone, with the time of
each SQL statement by part (hives, words, page, reasons). It checks 40 first
pages against brute force and EXPLAINs the slowest five, then writes
``bench/results/<date>-talent-<db>-<N>.json`` and ``.md``. ``--reuse``
measures the bees already in the database.

    python -m bench.talent --database-url sqlite:///bench/data/talent.db
    python -m bench.talent --database-url postgresql://postgres@127.0.0.1:5432/bench_talent --reuse
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import statistics
import subprocess
import sys
import time
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from math import log
from pathlib import Path
from urllib.parse import unquote_plus, urlencode

from flask import current_app, request
from sqlalchemy import Connection, event, func, insert, select, text
from werkzeug.security import generate_password_hash

from app.extensions import db
from app.hives.models import (
    Hive,
    HiveTag,
    Membership,
    MembershipState,
    Role,
    active_hive_ids,
    active_member_ids,
)
from app.hives.services import parse_tags
from app.profiles.data import location_key, skill_key, tag_key
from app.profiles.models import SKILL_LEVELS, Bee, Position, ProfileTag, Skill
from app.search.folding import words
from app.search.index import reindex_all
from app.talent.forms import TalentSearchForm
from app.talent.search import HIVE_POINTS, INTEREST_POINTS, PAGE_SIZE, SKILL_POINTS, search_talent
from app.text import slugify
from bench.database import absolute_url, bench_app, fresh_database
from bench.generate import BENCH_PASSWORD, _chunks, _power_law, _weighted_sample
from bench.run import ROOT, _git_commit

CULTURES = {"en": 0.60, "ar": 0.18, "es": 0.14, "he": 0.08}
FIELDS = {"software": 25, "data": 15, "design": 13, "media": 13, "business": 18, "science": 10, "crafts": 6}
FIELD_BOOST, CULTURE_BOOST = 6.0, 4.0
TODAY = date(2026, 11, 1)  # the generated careers end here, whatever day it is run

# Each list is roughly most common first. Skills of a culture's own language are drawn only
# by bees of that culture (an Arabic speaker in Amman lists "تحليل البيانات").
SKILLS = {
    "software": "Python, SQL, JavaScript, Git, Linux, Docker, TypeScript, Java, REST APIs, PostgreSQL, "
    "React, HTML, CSS, Node.js, AWS, Kubernetes, Go, C++, Django, Flask, Bash, Unit testing, CI/CD, C#, "
    "Rust, Kotlin, Swift, PHP, Ruby, Redis, MongoDB, MySQL, GraphQL, Vue.js, Angular, Terraform, Azure, "
    "Google Cloud, Microservices, System design, Code review, FastAPI, Spring Boot, Ruby on Rails, Laravel, "
    ".NET, Svelte, Kafka, SQLite, Scala, Elixir, Haskell, Observability, Security engineering, "
    "Penetration testing, Site reliability engineering, Android development, iOS development, Flutter, "
    "Performance tuning",
    "data": "Data analysis, Excel, Statistics, Machine learning, Data visualization, Pandas, Tableau, "
    "Power BI, NumPy, Deep learning, scikit-learn, PyTorch, TensorFlow, Natural language processing, D3.js, "
    "A/B testing, Forecasting, Computer vision, dbt, Airflow, Spark, ETL, Data engineering, Looker, "
    "Econometrics, Bayesian statistics, GIS, QGIS, Survey design, Data cleaning, Web scraping, Jupyter, "
    "MLOps, Prompt engineering, Recommender systems, Time series analysis, Causal inference, "
    "Data governance, Spreadsheet modelling, LLM fine-tuning",
    "design": "Figma, Adobe Photoshop, UX research, Adobe Illustrator, Prototyping, Wireframing, "
    "Visual design, Typography, Branding, Usability testing, Interaction design, Design systems, "
    "User interviews, InDesign, Illustration, Accessibility, Product design, Web design, Logo design, "
    "Motion graphics, After Effects, Information architecture, Service design, Design thinking, Sketch, "
    "Workshop facilitation, Color theory, Editorial design, Packaging design, 3D modelling, Blender, "
    "Icon design, Storyboarding, Animation, Photo editing, Premiere Pro, Calligraphy, Hand lettering",
    "media": "Copywriting, Editing, Social media, Journalism, Content strategy, SEO, Public speaking, "
    "Proofreading, Copy editing, Research, Technical writing, Translation, Storytelling, Interviewing, "
    "Fact-checking, Data journalism, Investigative journalism, Podcast production, Video editing, "
    "Photography, Community management, Media relations, Newsletter writing, Feature writing, "
    "Localization, Subtitling, Audio editing, Radio production, Documentary filmmaking, Scriptwriting, "
    "Grant writing, Speechwriting, Crisis communication, Ghostwriting, Freedom of information requests",
    "business": "Project management, Leadership, Communication, Team management, Product management, "
    "Agile, Scrum, Stakeholder management, Marketing, Sales, Negotiation, Strategy, Customer service, "
    "Digital marketing, Business development, Mentoring, Operations, Market research, "
    "Financial modelling, Accounting, Budgeting, Coaching, Account management, Customer success, "
    "Recruiting, Human resources, Talent acquisition, Email marketing, Growth marketing, B2B sales, "
    "Kanban, Supply chain, Logistics, Procurement, Bookkeeping, Fundraising, Pitching, Entrepreneurship, "
    "Change management, Risk management, Compliance, Legal research, Contract drafting, Event planning, "
    "Venture capital, Employer branding",
    "science": "Teaching, Academic research, Mathematics, Curriculum design, Public health, Psychology, "
    "Laboratory techniques, Literature review, Instructional design, E-learning, Tutoring, Chemistry, "
    "Physics, Epidemiology, Molecular biology, Bioinformatics, Nursing, Nutrition, Counselling, "
    "Social work, Clinical research, Environmental science, Climate policy, Renewable energy, "
    "Urban planning, Architecture, AutoCAD, Revit, Civil engineering, Mechanical engineering, "
    "Electrical engineering, Robotics, Arduino, 3D printing, Special education, Physiotherapy, "
    "Early childhood education, Sustainability reporting, CNC machining, Classroom management",
    "crafts": "Cooking, Baking, Woodworking, Gardening, Sewing, Ceramics, Music production, Guitar, "
    "Carpentry, Pastry, Knitting, Pottery, Piano, Embroidery, Barista skills, Singing, Sound design, "
    "Bookbinding, Printmaking, Screen printing, Jewellery making, Sourdough baking, Wine pairing, "
    "Permaculture, Beekeeping, Tour guiding, Event photography, DJing, Yoga instruction, Personal training",
    "ar": "تحليل البيانات, الترجمة, التسويق الرقمي, إدارة المشاريع, البرمجة, تطوير الويب, التصميم الجرافيكي, "
    "كتابة المحتوى, التدقيق اللغوي, التصوير الفوتوغرافي, خط الثلث, الخط الديواني, الخط الكوفي, خَطّ النسخ, "
    "تصميم الشعارات, الصحافة الاستقصائية, التحقق من المعلومات, المونتاج, التعليق الصوتي, "
    "إدارة وسائل التواصل الاجتماعي, المحاسبة, ريادة الأعمال, التدريس, تصميم المناهج, البحث العلمي, "
    "الهندسة المدنية, الرسم التوضيحي, تصميم تجربة المستخدم, الكتابة الإبداعية, التفاوض, خدمة العملاء, "
    "المبيعات, التخطيط الحضري, الطبخ, الخياطة, التطريز, الزراعة, تحرير الفيديو, إدارة الموارد البشرية, "
    "القيادة, الترجمة الفورية",
    "he": "ניתוח נתונים, פיתוח תוכנה, מחקר משתמשים, עיצוב גרפי, ניהול פרויקטים, שיווק דיגיטלי, תרגום, "
    "כתיבה טכנית, עריכה לשונית, צילום, עריכת וידאו, הוראה, חינוך מיוחד, ניהול מוצר, פיתוח אתרים, "
    "אבטחת מידע, למידת מכונה, כתיבת תוכן, הנהלת חשבונות, מכירות, שירות לקוחות, גיוס עובדים, אדריכלות, "
    "הנדסת חשמל, בישול, אפייה, נגרות, קרמיקה, ניהול קהילה, דוברות",
    "es": "Análisis de datos, Traducción, Marketing digital, Gestión de proyectos, Diseño gráfico, "
    "Periodismo, Redacción, Fotografía, Programación, Desarrollo web, Periodismo de datos, "
    "Corrección de estilo, Diseño de experiencia de usuario, Edición de vídeo, Contabilidad, "
    "Ventas, Atención al cliente, Enseñanza, Investigación, Ilustración, Locución, "
    "Producción audiovisual, Gestión cultural, Relaciones públicas, Community manager, "
    "Cerámica, Carpintería, Cocina, Repostería, Jardinería, Arquitectura, Urbanismo, "
    "Ingeniería civil, Economía, Estadística, Derecho, Psicología, Enfermería, "
    "Docencia universitaria, Emprendimiento",
}
INTERESTS = {
    "en": "Travel, Reading, Music, Photography, Hiking, Cooking, Running, Coffee, Movies, Yoga, Open source, "
    "Football, Podcasts, Board games, Design, Chess, Cycling, Gardening, Swimming, History, Science fiction, "
    "Art, Climbing, Writing, Baking, Languages, Startups, Climate, Poetry, Jazz, Birding, Urban sketching, "
    "Camping, Video games, Theatre, Dance, Basketball, Tennis, Meditation, Volunteering, Astronomy, "
    "Philosophy, Economics, Politics, Architecture, Museums, Street food, Wine, Tea, Cats, Dogs, "
    "Sourdough, Calligraphy, Typography, Maps, Data visualization, Machine learning, Robotics, Space, "
    "Sailing, Surfing, Skiing, Snowboarding, Fishing, Kayaking, Trail running, Marathons, Triathlon, "
    "Crossfit, Martial arts, Boxing, Pilates, Knitting, Crochet, Sewing, Quilting, Embroidery, Pottery, "
    "Woodworking, Painting, Watercolour, Drawing, Comics, Anime, Manga, K-pop, Opera, Classical music, "
    "Piano, Guitar, Violin, Drums, Singing, Choir, Vinyl records, Film photography, Documentaries, "
    "True crime, Mystery novels, Fantasy, Graphic novels, Book clubs, Creative writing, Journaling, "
    "Blogging, Public speaking, Debate, Mentoring, Teaching, Parenting, Education, Mental health, "
    "Nutrition, Fitness, Vegan cooking, Fermentation, Home brewing, Cocktails, Barbecue, Baking bread, "
    "Permaculture, Beekeeping, Bird watching, Wildlife, Conservation, Ocean, Zero waste, Cycling advocacy, "
    "Public transport, Urbanism, Housing, Human rights, Open data, Digital rights, Privacy, Cybersecurity, "
    "Linux, Mechanical keyboards, 3D printing, Electronics, Amateur radio, Drones, Retro computing, "
    "Indie games, Game design, Tabletop RPGs, Puzzles, Crosswords, Sudoku, Magic tricks, Stand-up comedy, "
    "Improv, Karaoke, Festivals, Road trips, Backpacking, Van life, Minimalism, Interior design, "
    "Antiques, Fashion, Sneakers, Perfume, Skincare, Gardening in pots, Houseplants, Aquariums, Horses, "
    "Equestrian, Golf, Cricket, Rugby, Baseball, Volleyball, Handball, Table tennis, Badminton, Squash, "
    "Formula 1, Motorcycles, Classic cars, Aviation, Trains, Genealogy, Archaeology, Mythology, "
    "Linguistics, Sign language, Esperanto, Translation, Travel writing, Food writing, Wine tasting, "
    "Coffee roasting, Tea ceremonies, Origami, Bonsai, Ikebana, Stamp collecting, Coin collecting, "
    "Lego, Model trains, Birdsong, Stargazing, Geocaching, Orienteering, Foraging, Mushrooms, Cheese, "
    "Chocolate, Spices, Street photography, Portraits, Sunsets, Architecture photography",
    "ar": "القراءة, السفر, الخط العربي, الشعر, كرة القدم, الطبخ, التصوير, الرسم, القهوة العربية, "
    "المشي في الطبيعة, التاريخ, الموسيقى العربية, العود, السينما, التطوع, ريادة الأعمال, التكنولوجيا, "
    "الشطرنج, السباحة, الخَطّ الكوفي, الأدب, الفلسفة, الزراعة المنزلية, التخييم, الخياطة, التطريز الفلسطيني, "
    "الحلويات, التدوين, الترجمة, البودكاست",
    "es": "Viajar, Lectura, Fútbol, Cocina, Fotografía, Música, Senderismo, Cine, Café, Baile, Flamenco, "
    "Salsa, Tango, Ciclismo, Escalada, Historia, Poesía, Teatro, Arte, Jardinería, Voluntariado, "
    "Idiomas, Videojuegos, Ajedrez, Yoga, Correr, Cerámica, Novela negra, Tapas, Vino",
    "he": "קריאה, טיולים, מוזיקה, בישול, צילום, ריצה, שחמט, ים, גלישה, היסטוריה, שירה, תיאטרון, "
    "קולנוע, יוגה, התנדבות, טכנולוגיה, ציור, אפייה, קפה, רכיבה על אופניים",
}
CAUSES = (
    "Education for all, Climate action, Open knowledge, Refugee support, Mental health, Animal welfare, "
    "Digital inclusion, Gender equality, Press freedom, Public health, Clean oceans, Food security, "
    "Literacy, Children's rights, Disability rights, Affordable housing, Clean energy, Local news, "
    "التعليم, حقوق اللاجئين, حرية الصحافة, Educación pública, Derechos humanos, חינוך, שוויון"
)
LANGUAGES = {
    "en": "English, Spanish, French, German, Portuguese, Italian, Hindi, Mandarin Chinese, Japanese, "
    "Russian, Dutch, Polish, Korean, Turkish, Swahili, Greek, Ukrainian, Urdu, Persian, Catalan",
    "ar": "Arabic, English, French, العربية, Turkish, Kurdish, Tamazight, Urdu",
    "es": "Spanish, English, Catalan, Español, Portuguese, French, Basque, Galician",
    "he": "Hebrew, English, עברית, Arabic, Russian, French, Amharic, Yiddish",
}
FLUENCIES = ("native", "fluent", "C1", "B2", "conversational", "", "")
CITIES = {  # "city|country" (the country optional); a bee's location is "city, country"
    "en": "London|United Kingdom, New York|United States, Berlin|Germany, Paris|France, Toronto|Canada, "
    "San Francisco|United States, Amsterdam|Netherlands, Dublin|Ireland, Lisbon|Portugal, Sydney|Australia, "
    "Melbourne|Australia, Manchester|United Kingdom, Edinburgh|United Kingdom, Stockholm|Sweden, "
    "Copenhagen|Denmark, Oslo|Norway, Helsinki|Finland, Warsaw|Poland, Prague|Czechia, Vienna|Austria, "
    "Zurich|Switzerland, Munich|Germany, Hamburg|Germany, Brussels|Belgium, Rome|Italy, Milan|Italy, "
    "Athens|Greece, Istanbul|Türkiye, Nairobi|Kenya, Lagos|Nigeria, Accra|Ghana, Cape Town|South Africa, "
    "Johannesburg|South Africa, Addis Ababa|Ethiopia, Kigali|Rwanda, Mumbai|India, Bengaluru|India, "
    "Delhi|India, Karachi|Pakistan, Lahore|Pakistan, Singapore, Tokyo|Japan, Seoul|South Korea, "
    "Hong Kong, Taipei|Taiwan, Manila|Philippines, Jakarta|Indonesia, Bangkok|Thailand, "
    "Kuala Lumpur|Malaysia, Auckland|New Zealand, Boston|United States, Chicago|United States, "
    "Seattle|United States, Austin|United States, Los Angeles|United States, Washington|United States, "
    "Atlanta|United States, Denver|United States, Montréal|Canada, Vancouver|Canada, Kraków|Poland, "
    "Tallinn|Estonia, Riga|Latvia, Vilnius|Lithuania, Budapest|Hungary, Bucharest|Romania, Sofia|Bulgaria, "
    "Belgrade|Serbia, Zagreb|Croatia, Kyiv|Ukraine, Tbilisi|Georgia, Yerevan|Armenia, Baku|Azerbaijan, "
    "Almaty|Kazakhstan, Dhaka|Bangladesh, Colombo|Sri Lanka, Kathmandu|Nepal, Hanoi|Vietnam, "
    "Ho Chi Minh City|Vietnam, Bristol|United Kingdom, Leeds|United Kingdom, Glasgow|United Kingdom, "
    "Cork|Ireland, Porto|Portugal, Lyon|France, Marseille|France, Cologne|Germany, Rotterdam|Netherlands, "
    "Utrecht|Netherlands, Gothenburg|Sweden, Aarhus|Denmark, Reykjavík|Iceland, Remote",
    "ar": "عمّان|الأردن, القاهرة|مصر, بيروت|لبنان, دبي|الإمارات, الرياض|السعودية, الدار البيضاء|المغرب, "
    "تونس|تونس, الدوحة|قطر, الكويت, مسقط|عُمان, رام الله|فلسطين, جدة|السعودية, الإسكندرية|مصر, "
    "أبوظبي|الإمارات, المنامة|البحرين, بغداد|العراق, أربيل|العراق, الجزائر, الرباط|المغرب, "
    "مراكش|المغرب, طرابلس|ليبيا, الخرطوم|السودان, إربد|الأردن, الزرقاء|الأردن, حيفا, الناصرة, "
    "Amman|Jordan, Cairo|Egypt, Beirut|Lebanon, Dubai|United Arab Emirates, Riyadh|Saudi Arabia, "
    "Casablanca|Morocco, Tunis|Tunisia, Doha|Qatar, Abu Dhabi|United Arab Emirates, Ramallah|Palestine, "
    "Alexandria|Egypt, Muscat|Oman",
    "es": "Madrid|España, Barcelona|España, Valencia|España, Sevilla|España, Bilbao|España, Málaga|España, "
    "Ciudad de México|México, Guadalajara|México, Monterrey|México, Buenos Aires|Argentina, "
    "Córdoba|Argentina, Rosario|Argentina, Santiago|Chile, Valparaíso|Chile, Bogotá|Colombia, "
    "Medellín|Colombia, Cali|Colombia, Lima|Perú, Quito|Ecuador, Montevideo|Uruguay, "
    "La Paz|Bolivia, Asunción|Paraguay, Caracas|Venezuela, San José|Costa Rica, Ciudad de Panamá|Panamá, "
    "San Juan|Puerto Rico, Santo Domingo|República Dominicana, La Habana|Cuba, Guatemala, "
    "Zaragoza|España, Granada|España, Salamanca|España, São Paulo|Brasil, Miami|Estados Unidos",
    "he": "תל אביב, ירושלים, חיפה, באר שבע, רמת גן, הרצליה, פתח תקווה, רעננה, Tel Aviv|Israel, "
    "Jerusalem|Israel, Haifa|Israel, Beersheba|Israel",
}
FIRST_NAMES = {
    "en": "Olivia Liam Emma Noah Amelia Oliver Ava Elijah Sophia James Mia Lucas Priya Arjun Chen Yuki "
    "Amara Kwame Zoe Ethan Grace Daniel Hannah Samuel Ines Tomasz Anya Dmitri Ngozi Kofi",
    "ar": "محمد أحمد فاطمة مريم علي ليلى يوسف نور سارة عمر خالد هدى رنا زياد سلمى كريم Layla Omar Nour Rami",
    "es": "Lucía Mateo Sofía Santiago Valentina Diego Camila Sebastián Martina Alejandro Isabella Pablo "
    "Daniela Javier Carmen Andrés Elena Gabriel Paula Hugo",
    "he": "נועה איתי תמר יונתן מאיה אורי שירה דניאל רוני עומר Noa Itai Tamar Yonatan Maya Ori",
}
LAST_NAMES = {
    "en": "Smith Johnson Williams Brown Jones Garcia Miller Davis Wilson Taylor Clark Lewis Walker Hall "
    "Young King Wright Patel Singh Kim Nguyen Okafor Mensah Kowalski Novak Rossi Müller Dubois Tanaka Lee",
    "ar": "حداد خوري منصور العلي الحسن يوسف عبدالله ناصر سليمان إبراهيم Haddad Khoury Mansour Nasser Saleh",
    "es": "García Rodríguez Martínez López Sánchez Pérez Gómez Fernández Díaz Torres Ruiz Romero Navarro "
    "Molina Ortiz Castro Morales Herrera Vargas Rojas",
    "he": "כהן לוי מזרחי פרץ ביטון אברהם פרידמן Cohen Levi Mizrahi Peretz Friedman",
}
ROLES = {
    "software": "Software engineer, Backend developer, Frontend developer, Engineering manager, "
    "DevOps engineer",
    "data": "Data scientist, Data analyst, Machine learning engineer, Data engineer, Analytics lead",
    "design": "Product designer, UX researcher, Graphic designer, Illustrator, Design lead",
    "media": "Data journalist, Reporter, Editor, Copywriter, Content strategist, Translator",
    "business": "Product manager, Project manager, Marketing manager, Sales lead, Recruiter, Founder",
    "science": "Teacher, Researcher, Lecturer, Nurse, Architect, Civil engineer",
    "crafts": "Chef, Baker, Furniture maker, Ceramicist, Musician, Gardener",
    "ar": "مهندس برمجيات, صحفية بيانات, مصمم جرافيك, مترجمة, معلم, باحثة, خطاط, مديرة مشاريع, مسوق رقمي",
    "es": "Ingeniera de software, Periodista de datos, Diseñador gráfico, Traductora, Profesor, "
    "Investigadora",
    "he": "מפתחת תוכנה, מעצב UX, עיתונאית, מורה, חוקר, מנהלת מוצר, מתרגם",
}
ORGANIZATIONS = (
    "Gazette, Acme Analytics, Northwind, Globex, Initech, Hooli, Open Data Institute, City Council, "
    "State University, Riverside Hospital, Al Ghad, Studio Nord, Pixel Forge, Bright Labs, Blue Harbor, "
    "Cedar Media, Olive Tech, Atlas Logistics, Nile Ventures, Andes Digital, Pampa Foods, Carmel Systems, "
    "Jaffa Design, Tidewater, Helios Energy, Freelance, Self-employed, Sunrise School, Kestrel Bank"
)


def _split(words: str, separator: str = ",") -> list[str]:
    return [word.strip() for word in words.split(separator) if word.strip()]


def _zipf(count: int, exponent: float) -> list[float]:
    return [1 / rank**exponent for rank in range(1, count + 1)]


@dataclass(frozen=True)
class Scale:
    """How many bees, hives and recruiter or editor accounts."""

    bees: int = 100_000
    hives: int = 1_000
    seekers: int = 300
    seed: int = 2026


class Vocabulary:
    """The names bees draw from, each list's cumulative weights for a bee's field and culture."""

    def __init__(self) -> None:
        self.skills: list[str] = []
        owner: list[str] = []  # the field (or the culture) each skill belongs to
        base: list[float] = []
        for group, names in SKILLS.items():
            names = _split(names)
            self.skills += names
            owner += [group] * len(names)
            base += _zipf(len(names), 1.0)
        self.skill_keys = [skill_key(name) for name in self.skills]
        self.skill_weights = {
            (field, culture): list(
                accumulate(
                    weight
                    * (FIELD_BOOST if group == field else 1.0)
                    * (CULTURE_BOOST if group == culture else 0.0 if group in CULTURES else 1.0)
                    for weight, group in zip(base, owner, strict=True)
                )
            )
            for field in FIELDS
            for culture in CULTURES
        }
        self.interests, self.interest_weights = self._by_culture(INTERESTS, 0.9)
        self.languages, self.language_weights = self._by_culture(LANGUAGES, 1.3, boost=12.0)
        self.cities = {culture: _split(names) for culture, names in CITIES.items()}
        self.city_weights = {
            culture: list(accumulate(_zipf(len(c), 0.8))) for culture, c in self.cities.items()
        }
        self.causes = _split(CAUSES)
        self.cause_weights = list(accumulate(_zipf(len(self.causes), 0.7)))
        self.first_names = {culture: names.split() for culture, names in FIRST_NAMES.items()}
        self.last_names = {culture: names.split() for culture, names in LAST_NAMES.items()}
        self.roles = {group: _split(names) for group, names in ROLES.items()}
        self.organizations = _split(ORGANIZATIONS)
        self.field_weights = list(accumulate(FIELDS.values()))
        self.culture_weights = list(accumulate(CULTURES.values()))

    @staticmethod
    def _by_culture(lists: dict[str, str], exponent: float, boost: float = CULTURE_BOOST):
        """All the names of ``lists`` (a name in two lists once), and per culture cumulative
        weights: its own list boosted, the English one as is, the others barely."""
        names: dict[str, int] = {}
        drawn = []  # (index of the name, its list, its Zipf weight in that list)
        for group, listed in lists.items():
            for rank, name in enumerate(_split(listed), start=1):
                drawn.append((names.setdefault(name, len(names)), group, 1 / rank**exponent))
        weights = {}
        for culture in CULTURES:
            merged = [0.0] * len(names)
            for index, group, weight in drawn:
                merged[index] += weight * (boost if group == culture else 1.0 if group == "en" else 0.05)
            weights[culture] = list(accumulate(merged))
        return list(names), weights


HIVE_NAMES = {  # how a hive about a topic is named, by the topic's language
    "en": ("{topic} Circle", "{topic} Guild", "{topic} Collective", "{topic} Club", "{topic} Network",
           "{topic} Lab", "{topic} Society", "{topic} Makers", "{topic} Meetup", "Friends of {topic}"),
    "ar": ("نادي {topic}", "مجتمع {topic}", "ملتقى {topic}", "حلقة {topic}"),
    "es": ("Club de {topic}", "Círculo de {topic}", "Colectivo {topic}", "Comunidad de {topic}"),
    "he": ("קהילת {topic}", "מועדון {topic}", "חוג {topic}"),
}  # fmt: skip
AT = {"en": " at ", "ar": " في ", "es": " en ", "he": " ב־"}  # "<role> at <organization>"
FOUNDED = datetime(2022, 11, 1, tzinfo=UTC)  # the first bee joined then, the last one on TODAY


def _pick(rng: random.Random, cum_weights: list[float]) -> int:
    """One 0-based index drawn by weight."""
    return min(bisect_left(cum_weights, rng.random() * cum_weights[-1]), len(cum_weights) - 1)


def _distinct(rng: random.Random, cum_weights: list[float], k: int) -> list[int]:
    """Up to ``k`` distinct indices drawn by weight, in the order drawn."""
    chosen: dict[int, None] = {}
    for _ in range(k * 30):
        if len(chosen) >= k:
            break
        chosen.setdefault(_pick(rng, cum_weights), None)
    return list(chosen)


def _month(offset_months: int) -> date:
    """The first day of the month ``offset_months`` before :data:`TODAY`'s."""
    months = TODAY.year * 12 + TODAY.month - 1 - offset_months
    return date(months // 12, months % 12 + 1, 1)


@dataclass
class Profile:
    """One bee's rows, as the services would write them."""

    bee: dict
    skills: list[dict]
    tags: list[dict]
    positions: list[dict]


def _location(rng: random.Random, vocab: Vocabulary, culture: str) -> str:
    if rng.random() < 0.07:
        return ""
    home = culture if rng.random() < 0.85 else "en"
    city, _, country = vocab.cities[home][_pick(rng, vocab.city_weights[home])].partition("|")
    comma = "، " if home == "ar" and not city.isascii() else ", "
    return f"{city}{comma}{country}" if country else city


def _positions(rng: random.Random, vocab: Vocabulary, bee_id: int, roles: list[str], location: str):
    """0–5 jobs, newest first (place 0), each starting in the month the one before ended."""
    count = rng.choices(range(6), weights=(10, 20, 25, 20, 15, 10))[0]
    months = max(count, min(40 * 12, int(rng.lognormvariate(log(8), 0.7) * 12)))
    if not count:
        return []
    offsets = [months, *sorted(rng.sample(range(months), count - 1), reverse=True)]  # oldest first
    rows = []
    for n, offset in enumerate(offsets):
        start = _month(offset)
        if n + 1 < len(offsets):
            end = _month(offsets[n + 1])
        else:
            end = None if rng.random() < 0.8 else _month(rng.randint(0, offset))
        rows.append(
            {
                "bee_id": bee_id,
                "title": rng.choice(roles),
                "organization": rng.choice(vocab.organizations),
                "location": location if rng.random() < 0.6 else "",
                "start_on": start,
                "end_on": end,
                "description": "",
                "place": count - 1 - n,
            }
        )
    return rows


def _tags(rng: random.Random, vocab: Vocabulary, bee_id: int, culture: str) -> list[dict]:
    """Interests and hobbies (2–8; now and then one listed as both), causes (0–2), languages (1–3)."""
    listed: dict[str, list[tuple[str, str]]] = {"interest": [], "hobby": [], "cause": [], "language": []}
    for index in _distinct(rng, vocab.interest_weights[culture], rng.randint(2, 8)):
        name = vocab.interests[index]
        kinds = ["interest", "hobby"] if rng.random() < 0.05 else [rng.choice(("interest", "hobby"))]
        for kind in kinds:
            listed[kind].append((name, ""))
    for index in _distinct(rng, vocab.cause_weights, rng.choices((0, 1, 2), (50, 30, 20))[0]):
        listed["cause"].append((vocab.causes[index], ""))
    for n, index in enumerate(
        _distinct(rng, vocab.language_weights[culture], rng.choices((1, 2, 3), (45, 40, 15))[0])
    ):
        fluency = "native" if n == 0 and rng.random() < 0.7 else rng.choice(FLUENCIES)
        listed["language"].append((vocab.languages[index], fluency))
    rows = []
    for kind, names in listed.items():
        seen: set[str] = set()
        for name, detail in names:
            key = tag_key(name)
            if key not in seen:  # as check_tags drops a repeat after folding
                seen.add(key)
                rows.append({"bee_id": bee_id, "kind": kind, "name": name, "key": key, "detail": detail,
                             "place": len(seen) - 1})  # fmt: skip
    return rows


def profile(
    rng: random.Random, vocab: Vocabulary, bee_id: int, joined: datetime, password_hash: str
) -> Profile:
    """A whole bee drawn from the vocabulary, its talent facts derived as the services derive them."""
    culture = list(CULTURES)[_pick(rng, vocab.culture_weights)]
    field = list(FIELDS)[_pick(rng, vocab.field_weights)]
    own_words = culture != "en" and rng.random() < 0.6
    roles = vocab.roles[culture] if own_words else vocab.roles[field]
    location = _location(rng, vocab, culture)
    positions = _positions(rng, vocab, bee_id, roles, location)
    skills, keys = [], set()
    for index in _distinct(
        rng, vocab.skill_weights[(field, culture)], min(15, max(3, round(rng.lognormvariate(log(7), 0.45))))
    ):
        if vocab.skill_keys[index] in keys:
            continue
        keys.add(vocab.skill_keys[index])
        skills.append(
            {
                "bee_id": bee_id,
                "name": vocab.skills[index],
                "key": vocab.skill_keys[index],
                "years": None if rng.random() < 0.35 else rng.randint(1, 20),
                "level": None if rng.random() < 0.4 else rng.choice(SKILL_LEVELS),
                "place": len(skills),
            }
        )
    headline = rng.choice(roles)
    if (style := rng.random()) < 0.5:
        headline = f"{headline}{AT[culture] if own_words else AT['en']}{rng.choice(vocab.organizations)}"
    elif style < 0.75:
        headline = f"{headline} · {skills[0]['name']}"
    name = f"{rng.choice(vocab.first_names[culture])} {rng.choice(vocab.last_names[culture])}"
    suspended = rng.random() < 0.001
    bee = {
        "id": bee_id,
        "handle": f"bee{bee_id}",
        "email": f"bee{bee_id}@talent.bench.apiary.example.org",
        "display_name": name,
        "headline": headline,
        "password_hash": password_hash,
        "created_at": joined,
        "location": location,
        "location_key": location_key(location),
        "career_start": min((row["start_on"] for row in positions), default=None),
        "open_to_work": rng.random() < 0.05,
        "open_to_freelance": rng.random() < 0.05,
        "account_kind": "bee",
        "suspended_at": joined + timedelta(days=30) if suspended else None,
        "suspension_reason": "Spam" if suspended else "",
    }
    return Profile(bee, skills, _tags(rng, vocab, bee_id, culture), positions)


def _hives(
    rng: random.Random, scale: Scale, joined: list[datetime]
) -> tuple[list[dict], list[dict], list[dict]]:
    """Hives about the interests, whose sizes follow a power law, with their active members."""
    popularity = list(accumulate(_power_law(scale.hives, 0.9, rng)))
    members: dict[int, list[int]] = {hive: [] for hive in range(1, scale.hives + 1)}
    for bee in range(1, scale.bees + 1):
        wanted = min(scale.hives - 1, max(0, int(rng.lognormvariate(log(3), 0.8))))
        for hive in sorted(_weighted_sample(rng, popularity, wanted, exclude=0)) if wanted else ():
            members[hive].append(bee)
    topics = [(culture, topic) for culture, words in INTERESTS.items() for topic in _split(words)]
    hives, tags, memberships, names, slugs = [], [], [], set(), set()
    for hive, bees in members.items():
        bees = bees or [rng.randint(1, scale.bees)]  # every hive has at least its owner
        while True:
            culture, topic = rng.choice(topics)
            name = rng.choice(HIVE_NAMES[culture]).format(topic=topic)
            if name.casefold() not in names and len(name) <= 60:
                break
        names.add(name.casefold())
        slug = slugify(name, 70) or "hive"
        slug = slug if slug not in slugs else f"{slug}-{hive}"
        slugs.add(slug)
        created = joined[bees[0] - 1] + timedelta(days=1)
        hives.append({"id": hive, "slug": slug, "name": name, "name_key": name.casefold(),
                      "description": f"Bees who care about {topic}.", "created_by_id": bees[0],
                      "created_at": created, "is_private": rng.random() < 0.05})  # fmt: skip
        tags += [{"hive_id": hive, "tag": tag} for tag in parse_tags(slugify(topic, 30))]
        for bee in bees:
            moment = max(created, joined[bee - 1])
            role = Role.OWNER if bee == bees[0] else Role.MEMBER
            memberships.append(
                {"bee_id": bee, "hive_id": hive, "role": role, "state": MembershipState.ACTIVE,
                 "joined_at": moment, "changed_at": moment}
            )  # fmt: skip
    return hives, tags, memberships


def generate(connection: Connection, scale: Scale) -> dict:
    """Write ``scale``'s bees, profiles and hives into an empty, migrated database; index the
    bees for search; return how many rows of each were written."""
    rng = random.Random(scale.seed)
    vocab = Vocabulary()
    password_hash = generate_password_hash(BENCH_PASSWORD)
    span = (datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC) - FOUNDED) / max(1, scale.bees)
    joined = [FOUNDED + span * n for n in range(scale.bees)]
    seekers = set(rng.sample(range(1, scale.bees + 1), min(scale.seekers, scale.bees)))
    counts = dict.fromkeys(("bees", "skills", "profile_tags", "positions"), 0)
    batch: dict[str, list[dict]] = {"bees": [], "skills": [], "profile_tags": [], "positions": []}
    tables = {"bees": Bee, "skills": Skill, "profile_tags": ProfileTag, "positions": Position}

    def flush() -> None:
        for name, rows in batch.items():  # bees first: the others refer to them
            if rows:
                connection.execute(insert(tables[name]), rows)
                counts[name] += len(rows)
                rows.clear()

    for bee_id in range(1, scale.bees + 1):
        made = profile(rng, vocab, bee_id, joined[bee_id - 1], password_hash)
        if bee_id in seekers:  # two recruiters for each editor
            made.bee["account_kind"] = "editor" if bee_id % 3 == 0 else "recruiter"
        batch["bees"].append(made.bee)
        batch["skills"] += made.skills
        batch["profile_tags"] += made.tags
        batch["positions"] += made.positions
        if len(batch["profile_tags"]) >= 20_000:
            flush()
    flush()
    hives, tags, memberships = _hives(rng, scale, joined)
    for table, rows in ((Hive, hives), (HiveTag, tags), (Membership, memberships)):
        for chunk in _chunks(iter(rows)):
            connection.execute(insert(table), chunk)
    searchable = reindex_all(connection, bulk=True)  # the search index, as the app keeps it
    if connection.dialect.name == "postgresql":
        for table in ("bees", "hives"):
            connection.execute(text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))"))  # noqa: S608
    connection.execute(text("ANALYZE"))
    return {
        **counts,
        "hives": len(hives),
        "memberships": len(memberships),
        "searchable_bees": searchable["bees"],
    }


# The measurement ---------------------------------------------------------------------------

TARGET_P95_MS = 100.0
SHAPES = {  # what a search asks for (soft terms), and how often; hard filters ride on any of them
    "skills": 30, "skills+interests": 15, "skills+hive": 10, "words+skills": 10, "words": 5,
    "interests": 5, "hive": 5, "skills+interests+hive": 5, "everything": 5, "filters only": 10,
}  # fmt: skip
PHASES = ("hives", "words", "page", "reasons")
SEARCH_MODULE = ROOT / "app" / "talent" / "search.py"  # what is measured, fingerprinted in the results


@dataclass(frozen=True)
class Search:
    """One search as a recruiter types it into the form."""

    shape: str
    params: tuple[tuple[str, str], ...]

    @property
    def url(self) -> str:
        return "/talent?" + urlencode(self.params)

    @property
    def has_words(self) -> bool:
        return any(name == "q" for name, _ in self.params)

    @property
    def filtered(self) -> bool:
        return any(name in ("location", "languages", "years", "open_to") for name, _ in self.params)


@dataclass
class Pools:
    """What there is to search for, most common first: (what is typed, how many bees have it)."""

    skills: list[tuple[str, int]]
    interests: list[tuple[str, int]]
    languages: list[tuple[str, int]]
    hives: list[tuple[str, int]]
    locations: list[tuple[str, int]]
    words: list[str]


def read_pools(searcher_id: int) -> Pools:
    """Read the pools from the database (so ``--reuse`` needs no plan)."""

    def ranked(model, *where):
        rows = select(func.min(model.name), func.count()).where(*where).group_by(model.key)
        return [
            tuple(row) for row in db.session.execute(rows.order_by(func.count().desc(), func.min(model.name)))
        ]

    visible = ~Hive.is_private | Hive.id.in_(active_hive_ids(searcher_id))
    hives = (
        select(Hive.name, func.count())
        .join(Membership, Membership.hive_id == Hive.id)
        .where(visible, Membership.state == MembershipState.ACTIVE)
        .group_by(Hive.id, Hive.name)
        .order_by(func.count().desc(), Hive.id)
    )
    places = select(Bee.location, func.count()).where(Bee.location != "").group_by(Bee.location)
    typed: Counter[str] = Counter()
    for location, count in db.session.execute(places):
        typed[location.replace("،", ",").split(",")[0].strip()] += count
    headlines = db.session.scalars(select(Bee.headline).order_by(Bee.id).limit(20_000))
    common = Counter(word for headline in headlines for word in words(headline) if len(word) > 3)
    return Pools(
        skills=ranked(Skill),
        interests=ranked(ProfileTag, ProfileTag.kind.in_(("interest", "hobby"))),
        languages=ranked(ProfileTag, ProfileTag.kind == "language"),
        hives=[tuple(row) for row in db.session.execute(hives)],
        locations=typed.most_common(),
        words=[word for word, _ in common.most_common(30)],
    )


def _ranked(rng: random.Random, pool: list, avoid: set | frozenset = frozenset()) -> str:
    """A name biased to the common and the middle: the top 15, ranks 15–100, or the tail."""
    for _ in range(20):
        band = rng.choices(((0, 15), (15, 100), (100, len(pool))), weights=(45, 40, 15))[0]
        low, high = min(band[0], len(pool) - 1), min(band[1], len(pool))
        name = pool[rng.randrange(low, max(low + 1, high))][0]
        if name not in avoid:
            return name
    return name


def draw_searches(rng: random.Random, pools: Pools, count: int) -> list[Search]:
    """``count`` searches of the :data:`SHAPES`, with filters now and then."""
    searches = []
    for _ in range(count):
        shape = rng.choices(list(SHAPES), weights=list(SHAPES.values()))[0]
        parts = {"words", "skills", "interests", "hive"} if shape == "everything" else set(shape.split("+"))
        params: dict[str, str] = {}
        if "words" in parts:
            params["q"] = rng.choice(pools.words[:15] if rng.random() < 0.7 else pools.words)
        if "skills" in parts:
            chosen: list[str] = []
            for _ in range(rng.choices((1, 2, 3), weights=(45, 35, 20))[0]):
                chosen.append(_ranked(rng, pools.skills, set(chosen)))
            params["skills"] = ", ".join(chosen)
        if "interests" in parts:
            chosen = []
            for _ in range(rng.choices((1, 2), weights=(65, 35))[0]):
                chosen.append(_ranked(rng, pools.interests, set(chosen)))
            params["interests"] = ", ".join(chosen)
        if "hive" in parts:
            params["hives"] = _ranked(rng, pools.hives)
        filters = {"location": 0.2, "languages": 0.15, "years": 0.2, "open_to": 0.1}
        if shape == "filters only":
            wanted = set(rng.sample(list(filters), rng.choice((1, 2))))
        else:
            wanted = {name for name, chance in filters.items() if rng.random() < chance}
        if "location" in wanted:
            city = pools.locations[_pick(rng, list(accumulate(n for _, n in pools.locations)))][0]
            params["location"] = city.casefold() if rng.random() < 0.5 else city
        if "languages" in wanted:
            params["languages"] = _ranked(rng, pools.languages[:12])
        if "years" in wanted:
            params["years"] = str(rng.choice((2, 3, 5, 8, 10, 15)))
        if "open_to" in wanted:
            params["open_to"] = rng.choice(("work", "freelance"))
        searches.append(Search(shape, tuple(params.items())))
    return searches


class StatementClock:
    """Times every SQL statement while running, by the part of the search it serves."""

    def __init__(self, engine) -> None:
        self.phases: dict[str, float] | None = None
        self.slowest: tuple[float, str, object] = (0.0, "", None)
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def start(self) -> None:
        self.phases, self.slowest = dict.fromkeys(PHASES, 0.0), (0.0, "", None)

    def stop(self) -> dict[str, float]:
        phases, self.phases = self.phases or {}, None
        return {name: round(ms, 2) for name, ms in phases.items()}

    def _before(self, connection, _cursor, _statement, _parameters, _context, _many) -> None:
        connection.info["talent_started"] = time.perf_counter()

    def _after(self, connection, _cursor, statement, parameters, _context, _many) -> None:
        if self.phases is None:
            return
        ms = (time.perf_counter() - connection.info.pop("talent_started")) * 1000
        self.phases[_phase(statement)] += ms
        if ms > self.slowest[0]:
            self.slowest = (ms, statement, parameters)


def _phase(statement: str) -> str:
    """Which part of a search a statement serves: the page (scoring, filters, order; a word
    match inside it counts here), hive names, a word match of its own, or the reasons."""
    if "strength" in statement:
        return "page"
    if "search_bees" in statement and "IN (" not in statement:
        return "words"
    if "FROM hives" in statement and "name_key IN" in statement:
        return "hives"
    return "reasons"


def sign_in(client, handle: str) -> None:
    """Log in through the real login form, CSRF token and all."""
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    data = {"login": handle, "password": BENCH_PASSWORD, "csrf_token": token[1] if token else ""}
    response = client.post("/login", data=data)
    if response.status_code != 302:
        raise RuntimeError(f"the recruiter could not log in: {response.status_code}")


def measure(app, searches: list[Search], searcher_id: int) -> list[dict]:
    """A warm-up pass, then every search's first page over HTTP, then every service call alone.

    The two timed passes are separate so that each search follows a different one in both, as
    on a live site: timing the service right after the same search over HTTP would find the
    pages it reads in the connection's cache and flatter the service.
    """
    with app.app_context():
        clock = StatementClock(db.engine)
        handle = db.session.get(Bee, searcher_id).handle
    client = app.test_client()
    sign_in(client, handle)

    def over_http(search: Search) -> float:
        started = time.perf_counter()
        response = client.get(search.url)
        if response.status_code != 200:
            raise RuntimeError(f"{search.url}: {response.status_code}")
        return round((time.perf_counter() - started) * 1000, 2)

    def service_alone(search: Search) -> dict:
        with app.test_request_context(search.url):
            searcher = db.session.get(Bee, searcher_id)
            query = TalentSearchForm(request.args).query()
            clock.start()
            started = time.perf_counter()
            page = search_talent(searcher, query)
            service_ms = round((time.perf_counter() - started) * 1000, 2)
            phases = clock.stop()
            db.session.remove()
        return {"service_ms": service_ms, "phases": phases, "matches": len(page.matches),
                "more": page.next_after is not None, "slowest_statement": clock.slowest[1:]}  # fmt: skip

    for search in searches:  # warm-up
        over_http(search)
        service_alone(search)
    http = [over_http(search) for search in searches]
    return [
        {"shape": search.shape, "url": search.url, "filtered": search.filtered, "http_ms": http_ms}
        | service_alone(search)
        for search, http_ms in zip(searches, http, strict=True)
    ]


def explain(statement: str, parameters) -> list[str]:
    """The plan of one statement as the database reports it (PostgreSQL: run, with buffers)."""
    connection = db.session.connection()
    if connection.dialect.name == "sqlite":
        rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
        depth = {0: -1}
        lines = []
        for node, parent, _, detail in rows:
            depth[node] = depth.get(parent, -1) + 1
            lines.append("  " * depth[node] + detail)
        return lines
    rows = connection.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters).all()
    return [row[0] for row in rows]


def brute_force(search: Search, searcher_id: int, facts: dict[int, tuple]) -> list[tuple[int, int]]:
    """The first page a search without words should give, counted the slow way."""
    with current_app.test_request_context(search.url):
        query = TalentSearchForm(request.args).query()
    strength: Counter[int] = Counter()
    soft = False

    def holders(statement) -> set[int]:
        return set(db.session.scalars(statement))

    for key in {skill_key(name) for name in query.skills}:
        soft = True
        strength.update(dict.fromkeys(holders(select(Skill.bee_id).where(Skill.key == key)), SKILL_POINTS))
    for key in {tag_key(name) for name in query.interests}:
        soft = True
        tagged = select(ProfileTag.bee_id).where(
            ProfileTag.kind.in_(("interest", "hobby")), ProfileTag.key == key
        )
        strength.update(dict.fromkeys(holders(tagged), INTEREST_POINTS))
    for name in query.hives:
        soft = True
        hive = db.session.scalar(select(Hive.id).where(Hive.name_key == name.strip().casefold()))
        strength.update(dict.fromkeys(holders(active_member_ids(hive)), HIVE_POINTS))
    candidates = set(strength) if soft else set(facts)
    place = location_key(query.location)
    today = date.today()
    for bee_id in list(candidates):
        key, career_start, open_to_work, open_to_freelance, live = facts[bee_id]
        if (
            not live
            or bee_id == searcher_id
            or (place and place not in key)
            or (query.open_to == "work" and not open_to_work)
            or (query.open_to == "freelance" and not open_to_freelance)
            or (
                query.min_years
                and not (career_start and career_start <= date(today.year - query.min_years, today.month, 1))
            )
        ):
            candidates.discard(bee_id)
    for name in query.languages:
        spoken = select(ProfileTag.bee_id).where(
            ProfileTag.kind == "language", ProfileTag.key == tag_key(name)
        )
        candidates &= holders(spoken)
    return sorted(((bee_id, strength[bee_id]) for bee_id in candidates), key=lambda m: (-m[1], m[0]))[
        :PAGE_SIZE
    ]


def check_pages(searches: list[Search], searcher_id: int, samples: int = 40) -> list[str]:
    """Compare the first page of sampled searches without words with :func:`brute_force`."""
    rows = select(Bee.id, Bee.location_key, Bee.career_start, Bee.open_to_work, Bee.open_to_freelance,
                  Bee.deleted_at.is_(None) & Bee.suspended_at.is_(None))  # fmt: skip
    facts = {row[0]: tuple(row[1:]) for row in db.session.execute(rows)}
    searcher = db.session.get(Bee, searcher_id)
    problems = []
    for search in [search for search in searches if not search.has_words][:samples]:
        with current_app.test_request_context(search.url):
            page = search_talent(searcher, TalentSearchForm(request.args).query())
        got = [(match.bee.id, match.strength) for match in page.matches]
        if got != (expected := brute_force(search, searcher_id, facts)):
            problems.append(f"{search.url}: first page {got[:3]}… differs from brute force {expected[:3]}…")
    return problems


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (no interpolation: a value that was measured)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(-(-q * len(ordered) // 100)) - 1))] if ordered else 0.0


def stats(values: list[float]) -> dict:
    return {
        "n": len(values),
        "p50": round(percentile(values, 50), 1),
        "p95": round(percentile(values, 95), 1),
        "p99": round(percentile(values, 99), 1),
        "max": round(max(values, default=0.0), 1),
    }


def dataset() -> dict:
    """How many rows of each kind, and how the skills and hives are spread."""
    count = lambda statement: db.session.scalar(statement)  # noqa: E731
    holders = sorted(
        db.session.scalars(select(func.count()).select_from(Skill).group_by(Skill.key)), reverse=True
    )
    sizes = sorted(
        db.session.scalars(select(func.count()).select_from(Membership).group_by(Membership.hive_id)),
        reverse=True,
    )
    tags = dict(db.session.execute(select(ProfileTag.kind, func.count()).group_by(ProfileTag.kind)).all())
    return {
        "bees": count(select(func.count()).select_from(Bee)),
        "skills": count(select(func.count()).select_from(Skill)),
        **{f"profile_tags_{kind}": tags.get(kind, 0) for kind in ("interest", "hobby", "cause", "language")},
        "positions": count(select(func.count()).select_from(Position)),
        "hives": count(select(func.count()).select_from(Hive)),
        "memberships": count(select(func.count()).select_from(Membership)),
        "recruiters": count(select(func.count()).where(Bee.account_kind == "recruiter")),
        "editors": count(select(func.count()).where(Bee.account_kind == "editor")),
        "open_to_work": count(select(func.count()).where(Bee.open_to_work)),
        "open_to_freelance": count(select(func.count()).where(Bee.open_to_freelance)),
        "with_career_start": count(select(func.count()).where(Bee.career_start.is_not(None))),
        "distinct_skills": len(holders),
        "most_held_skill_holders": holders[0] if holders else 0,
        "median_skill_holders": holders[len(holders) // 2] if holders else 0,
        "largest_hive_members": sizes[0] if sizes else 0,
        "median_hive_members": sizes[len(sizes) // 2] if sizes else 0,
    }


def summarize(measured: list[dict]) -> dict:
    """Percentiles overall, by shape, with and without filters, and by part of the service."""

    def of(rows: list[dict]) -> dict:
        return {
            "http": stats([row["http_ms"] for row in rows]),
            "service": stats([row["service_ms"] for row in rows]),
            "render": stats([row["http_ms"] - row["service_ms"] for row in rows]),
            "phases_mean_ms": {
                phase: round(statistics.fmean(row["phases"][phase] for row in rows), 2) for phase in PHASES
            },
        }

    shapes = sorted({row["shape"] for row in measured}, key=list(SHAPES).index)
    return {
        "overall": of(measured),
        "phases": {phase: stats([row["phases"][phase] for row in measured]) for phase in PHASES},
        "shapes": {shape: of([row for row in measured if row["shape"] == shape]) for shape in shapes},
        "filters": {
            label: of(rows)
            for label, rows in (
                ("with filters", [row for row in measured if row["filtered"]]),
                ("without", [row for row in measured if not row["filtered"]]),
            )
            if rows
        },
    }


def run(database_url: str, scale: Scale, query_count: int, out_dir: Path, *, reuse: bool = False) -> dict:
    """Generate (unless ``reuse``), measure, check; write the JSON and Markdown; return the results."""
    database_url = absolute_url(database_url)
    started = time.perf_counter()
    if not reuse:
        with fresh_database(database_url) as connection:
            generate(connection, scale)
    generated_s = round(time.perf_counter() - started, 1)
    app = bench_app(database_url)
    rng = random.Random(scale.seed + 1)
    with app.app_context():
        made = dataset()
        searcher_id = db.session.scalar(select(func.min(Bee.id)).where(Bee.account_kind == "recruiter"))
        searches = draw_searches(rng, read_pools(searcher_id), query_count)
        db.session.remove()
    measured = measure(app, searches, searcher_id)
    with app.app_context():
        problems = check_pages(searches, searcher_id)
        slowest = sorted(measured, key=lambda row: row["http_ms"], reverse=True)[:5]
        for row in slowest:
            row["plan"] = explain(*row["slowest_statement"]) if row["slowest_statement"][0] else []
        db.session.remove()
        db.engine.dispose()
    summary = summarize(measured)
    database = app.config["SQLALCHEMY_DATABASE_URI"].split(":", 1)[0].split("+")[0]
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "uncommitted_app_changes": _app_changes(),
        "search_module_sha1": hashlib.sha1(SEARCH_MODULE.read_bytes()).hexdigest()[:12],  # noqa: S324
        "database": database,
        "reused": reuse,
        "generated_s": None if reuse else generated_s,
        "seed": scale.seed,
        "dataset": made,
        "searcher_id": searcher_id,
        "searches": len(measured),
        "target": {"http_p95_ms": TARGET_P95_MS, "measured_p95_ms": summary["overall"]["http"]["p95"]},
        **summary,
        "slowest": [
            {key: value for key, value in row.items() if key != "slowest_statement"}
            | {"slowest_statement": row["slowest_statement"][0]}
            for row in slowest
        ],
        "problems": problems,
        "measured": [{key: value for key, value in row.items() if key not in ("slowest_statement", "plan")}
                     for row in measured],
    }  # fmt: skip
    results["target"]["met"] = results["target"]["measured_p95_ms"] <= TARGET_P95_MS
    bees = made["bees"]
    label = f"talent-{database}-{bees // 1000}k" if bees % 1000 == 0 else f"talent-{database}-{bees}"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{results['date'][:10]}-{label}.json"
    path.write_text(dump(results))
    path.with_suffix(".md").write_text(markdown(results))
    results["path"] = str(path)
    return results


def dump(results: dict) -> str:
    """The results as JSON: indented, but each measured search on one line of its own."""
    head = json.dumps({k: v for k, v in results.items() if k != "measured"}, indent=2, ensure_ascii=False)
    rows = ",\n".join(f"    {json.dumps(row, ensure_ascii=False)}" for row in results["measured"])
    return f'{head[:-2]},\n  "measured": [\n{rows}\n  ]\n}}\n'


def _app_changes() -> list[str]:
    """The files under app/ that differ from the commit: what was measured is not only it."""
    try:
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "app"],  # noqa: S607 (git from PATH, as make uses it)
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return [line[3:] for line in changed.splitlines() if not line[3:].endswith((".po", ".pot"))]


def _row(label: str, part: dict) -> str:
    http, service, render = part["http"], part["service"], part["render"]
    phases = " / ".join(f"{part['phases_mean_ms'][phase]:.1f}" for phase in PHASES)
    return (
        f"| {label} | {http['n']} | {http['p50']} | {http['p95']} | {http['p99']} | {http['max']} "
        f"| {service['p50']} | {service['p95']} | {render['p95']} | {phases} |"
    )


def markdown(results: dict) -> str:
    """The results as a Markdown page: the verdict, the tables, the slowest searches."""
    target, made = results["target"], results["dataset"]
    lines = [
        f"# Talent search, {results['database']}, {made['bees']:,} bees "
        f"({results['date'][:10]}, {results['commit']})",
        "",
        f"First page p95 over HTTP: **{target['measured_p95_ms']} ms** against a target of "
        f"{target['http_p95_ms']:.0f} ms: **{'met' if target['met'] else 'missed'}**. "
        f"{results['searches']} searches, sequential, after a warm-up pass, through the Flask test client "
        f"signed in as a recruiter; the service (`search_talent`) timed alone on the same search.",
        "",
        *(
            [f"Measured with uncommitted changes to: {', '.join(results['uncommitted_app_changes'])}.", ""]
            if results.get("uncommitted_app_changes")
            else []
        ),
        "| searches | n | HTTP p50 | p95 | p99 | max | service p50 | p95 | render p95 "
        "| mean ms: hives / words / page / reasons |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--|",
        _row("**all**", results["overall"]),
        *(_row(shape, part) for shape, part in results["shapes"].items()),
        *(_row(f"*{label}*", part) for label, part in results["filters"].items()),
        "",
        "## The slowest five",
        "",
    ]
    for row in results["slowest"]:
        phases = ", ".join(f"{phase} {ms} ms" for phase, ms in row["phases"].items())
        lines += [f"* `{unquote_plus(row['url'])}` ({row['shape']}): HTTP {row['http_ms']} ms, "
                  f"service {row['service_ms']} ms ({phases}); {row['matches']} on the page"]  # fmt: skip
        if row.get("plan"):
            lines += ["", "  ```", *(f"  {line}" for line in row["plan"]), "  ```"]
    lines += ["", "## Rows", "", "| | |", "|---|--:|", *(f"| {k} | {v:,} |" for k, v in made.items()), ""]
    lines += ["Correctness (first pages against brute force): "
              + ("OK" if not results["problems"] else "; ".join(results["problems"])), ""]  # fmt: skip
    return "\n".join(lines)


def print_table(results: dict) -> None:
    """The summary on the console."""
    print(f"\n{results['database']} · {results['dataset']['bees']:,} bees · {results['searches']} searches")
    print(f"{'searches':24}{'n':>5}{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}{'svc p95':>9}{'render':>8}")
    parts = {"all": results["overall"], **results["shapes"], **results["filters"]}
    for label, part in parts.items():
        http = part["http"]
        print(
            f"{label:24}{http['n']:5}{http['p50']:8.1f}{http['p95']:8.1f}{http['p99']:8.1f}{http['max']:8.1f}"
            f"{part['service']['p95']:9.1f}{part['render']['p95']:8.1f}"
        )
    target = results["target"]
    verdict = "met" if target["met"] else "MISSED"
    print(f"target p95 ≤ {target['http_p95_ms']:.0f} ms: {verdict} ({target['measured_p95_ms']} ms)")
    print("correctness:", "OK" if not results["problems"] else "; ".join(results["problems"]))


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.talent``: generate, measure, report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="sqlite:///bench/data/talent.db")
    parser.add_argument("--bees", type=int, default=Scale.bees)
    parser.add_argument("--hives", type=int, default=None, help="default: one for every 100 bees")
    parser.add_argument("--seed", type=int, default=Scale.seed)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    parser.add_argument("--reuse", action="store_true", help="measure the bees already in the database")
    args = parser.parse_args(argv)
    scale = Scale(bees=args.bees, hives=args.hives or max(10, args.bees // 100), seed=args.seed)
    results = run(args.database_url, scale, args.queries, Path(args.out), reuse=args.reuse)
    print_table(results)
    print("written:", results["path"], Path(results["path"]).with_suffix(".md"))
    return 1 if results["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
