"""The words the talent benchmark's bees are made of: skills, interests and hobbies, causes,
languages, cities, names, roles and organizations, in English, Arabic, Spanish and Hebrew, each
list roughly most common first; and how hives and positions are named."""

from __future__ import annotations

from datetime import date

CULTURES = {"en": 0.60, "ar": 0.18, "es": 0.14, "he": 0.08}
FIELDS = {"software": 25, "data": 15, "design": 13, "media": 13, "business": 18, "science": 10, "crafts": 6}
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
HIVE_NAMES = {  # how a hive about a topic is named, by the topic's language
    "en": ("{topic} Circle", "{topic} Guild", "{topic} Collective", "{topic} Club", "{topic} Network",
           "{topic} Lab", "{topic} Society", "{topic} Makers", "{topic} Meetup", "Friends of {topic}"),
    "ar": ("نادي {topic}", "مجتمع {topic}", "ملتقى {topic}", "حلقة {topic}"),
    "es": ("Club de {topic}", "Círculo de {topic}", "Colectivo {topic}", "Comunidad de {topic}"),
    "he": ("קהילת {topic}", "מועדון {topic}", "חוג {topic}"),
}  # fmt: skip
AT = {"en": " at ", "ar": " في ", "es": " en ", "he": " ב־"}  # "<role> at <organization>"
