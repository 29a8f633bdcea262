"""The demo network's bees and hives, written for Apiary (no real people)."""

HIVES: list[dict] = [
    {
        "key": "trail-running",
        "name": "Trail Running",
        "description": (
            "For runners who prefer dirt, roots and elevation to pavement. "
            "Share routes, race reports, training logs and gear lessons learned the hard way. "
            "All paces welcome, including the ones that involve a lot of walking uphill."
        ),
        "tags": ["running", "outdoors", "ultra", "training"],
    },
    {
        "key": "arabic-calligraphy",
        "name": "Arabic Calligraphy",
        "description": (
            "A practice space for students and masters of naskh, thuluth, diwani, nastaliq and beyond. "
            "Post your exercise sheets, ask about reeds, inks and papers, and get gentle critique."
        ),
        "tags": ["calligraphy", "lettering", "art"],
    },
    {
        "key": "data-journalism",
        "name": "Data Journalism",
        "description": (
            "Reporters, editors and developers who find stories in spreadsheets and public records. "
            "Swap methods, datasets, verification tips and newsroom tools. "
            "Show your work and expect others to check it."
        ),
        "tags": ["journalism", "data", "open-data", "visualisation"],
    },
    {
        "key": "urban-gardening",
        "name": "Urban Gardening",
        "description": (
            "Balconies, rooftops, windowsills and community plots: growing food and flowers where space is tight. "
            "Trade seeds, compost advice and harvest photos with your neighbours near and far."
        ),
        "tags": ["gardening", "community", "compost"],
    },
    {
        "key": "open-source-python",
        "name": "Open Source Python",
        "description": (
            "Maintainers, contributors and curious newcomers working on Python projects in the open. "
            "Talk packaging, testing, code review and the human side of running a project. "
            "First pull requests are celebrated here."
        ),
        "tags": ["python", "open-source", "packaging", "testing"],
    },
    {
        "key": "documentary-photography",
        "name": "Documentary Photography",
        "description": (
            "Photographers telling long-form, truthful stories about people and places. "
            "Discuss ethics, editing, archiving, funding and the craft of sequencing a story."
        ),
        "tags": ["photography", "storytelling", "ethics"],
    },
    {
        "key": "sourdough",
        "name": "Sourdough & Bread",
        "description": (
            "Home bakers and professionals obsessed with wild yeast, flour and crumb shots. "
            "Troubleshoot flat loaves, share formulas in baker's percentages and trade starters."
        ),
        "tags": ["baking", "sourdough", "bread", "fermentation"],
    },
    {
        "key": "ux-research",
        "name": "UX Research",
        "description": (
            "Researchers, designers and product people who learn from users before building. "
            "Share methods, recruiting tips, synthesis templates and stories of findings that changed a roadmap."
        ),
        "tags": ["ux", "research", "design", "usability"],
    },
    {
        "key": "climate-tech",
        "name": "Climate Tech",
        "description": (
            "Engineers, analysts and founders working on decarbonisation, from heat pumps to grid software. "
            "Bring data, honest questions and job leads. "
            "Hype is welcome only when it comes with numbers."
        ),
        "tags": ["climate", "energy", "sustainability", "jobs"],
    },
    {
        "key": "chess-club",
        "name": "Chess Club",
        "description": (
            "An online club room for players of every rating. "
            "Share games, puzzles, opening ideas and the occasional painful blunder, and find opponents for a friendly match."
        ),
        "tags": ["chess", "games", "strategy"],
    },
    {
        "key": "freelance-translators",
        "name": "Freelance Translators",
        "description": (
            "Independent translators, interpreters and localisers comparing notes on clients, rates, tools and terminology. "
            "A place to ask the awkward business questions without judgement."
        ),
        "tags": ["translation", "freelance", "localization", "languages"],
    },
    {
        "key": "jazz",
        "name": "Jazz Musicians",
        "description": (
            "Players, students and teachers of jazz in all its forms. "
            "Share transcriptions, practice routines, gig news and recordings from the bandstand."
        ),
        "tags": ["jazz", "music", "improvisation"],
    },
]

BEES: list[dict] = [
    # English
    {
        "handle": "demo",
        "display_name": "Dana Demo",
        "headline": "Product designer exploring community tools · weekend trail runner",
        "lang": "en",
        "hives": ["ux-research", "trail-running", "sourdough", "open-source-python"],
    },
    {
        "handle": "marcus_oyelaran",
        "display_name": "Marcus Oyelaran",
        "headline": "Data reporter at a regional daily · trail runner",
        "lang": "en",
        "hives": ["data-journalism", "trail-running", "open-source-python"],
    },
    {
        "handle": "priya_raman",
        "display_name": "Priya Raman",
        "headline": "Senior UX researcher in fintech · mixed-methods enthusiast",
        "lang": "en",
        "hives": ["ux-research", "chess-club", "sourdough"],
    },
    {
        "handle": "tomhalloway",
        "display_name": "Tom Halloway",
        "headline": "Backend engineer, Python & Postgres · maintainer of two small libraries",
        "lang": "en",
        "hives": ["open-source-python", "chess-club", "jazz"],
    },
    {
        "handle": "grace_okafor",
        "display_name": "Grace Okafor",
        "headline": "Documentary photographer covering labour and migration",
        "lang": "en",
        "hives": ["documentary-photography", "data-journalism", "trail-running"],
    },
    {
        "handle": "owen_bakes",
        "display_name": "Owen Price",
        "headline": "Head baker at a neighbourhood bakery · rye evangelist",
        "lang": "en",
        "hives": ["sourdough", "urban-gardening", "jazz"],
    },
    {
        "handle": "hannah_lindqvist",
        "display_name": "Hannah Lindqvist",
        "headline": "Climate data scientist · heat pumps, grids and good charts",
        "lang": "en",
        "hives": ["climate-tech", "open-source-python", "data-journalism", "trail-running"],
    },
    {
        "handle": "sam_whitfield",
        "display_name": "Sam Whitfield",
        "headline": "Technical recruiter for climate and energy startups",
        "lang": "en",
        "hives": ["climate-tech", "ux-research", "chess-club"],
    },
    {
        "handle": "ruth_abernathy",
        "display_name": "Ruth Abernathy",
        "headline": "Copy editor for books and reports · occasional jazz pianist",
        "lang": "en",
        "hives": ["jazz", "freelance-translators", "chess-club"],
    },
    {
        "handle": "leo_marchetti",
        "display_name": "Leo Marchetti",
        "headline": "Jazz double bassist and music teacher",
        "lang": "en",
        "hives": ["jazz", "sourdough", "trail-running"],
    },
    {
        "handle": "aisha_bello",
        "display_name": "Aisha Bello",
        "headline": "Urban planning student · community garden coordinator",
        "lang": "en",
        "hives": ["urban-gardening", "climate-tech", "documentary-photography"],
    },
    {
        "handle": "bencarter_dev",
        "display_name": "Ben Carter",
        "headline": "Open-source maintainer · CI, packaging and release tooling",
        "lang": "en",
        "hives": ["open-source-python", "climate-tech", "chess-club"],
    },
    {
        "handle": "julia_fenwick",
        "display_name": "Julia Fenwick",
        "headline": "Photo editor at a weekly news magazine",
        "lang": "en",
        "hives": ["documentary-photography", "data-journalism", "jazz"],
    },
    {
        "handle": "kofi_mensah",
        "display_name": "Kofi Mensah",
        "headline": "Service designer · usability testing for public services",
        "lang": "en",
        "hives": ["ux-research", "urban-gardening", "chess-club"],
    },
    {
        "handle": "elspeth_moore",
        "display_name": "Elspeth Moore",
        "headline": "French and German to English translator · legal and medical",
        "lang": "en",
        "hives": ["freelance-translators", "sourdough", "urban-gardening"],
    },
    {
        "handle": "dan_okonkwo",
        "display_name": "Daniel Okonkwo",
        "headline": "Sports physiotherapist and ultrarunner",
        "lang": "en",
        "hives": ["trail-running", "documentary-photography", "climate-tech"],
    },
    {
        "handle": "mei_tanaka",
        "display_name": "Mei Tanaka",
        "headline": "Data visualisation designer · maps, charts and lettering",
        "lang": "en",
        "hives": ["data-journalism", "ux-research", "arabic-calligraphy"],
    },
    {
        "handle": "rosie_albright",
        "display_name": "Rosie Albright",
        "headline": "Lettering artist and type design student",
        "lang": "en",
        "hives": ["arabic-calligraphy", "documentary-photography", "jazz"],
    },
    # Spanish
    {
        "handle": "lucia_herrera",
        "display_name": "Lucía Herrera",
        "headline": "Periodista de datos en un diario digital · corredora de montaña",
        "lang": "es",
        "hives": ["data-journalism", "trail-running", "open-source-python"],
    },
    {
        "handle": "javier_molina",
        "display_name": "Javier Molina",
        "headline": "Panadero artesano · masa madre y harinas de molino local",
        "lang": "es",
        "hives": ["sourdough", "urban-gardening", "trail-running"],
    },
    {
        "handle": "camila_rojas",
        "display_name": "Camila Rojas",
        "headline": "Investigadora UX en una agencia de diseño · Santiago de Chile",
        "lang": "es",
        "hives": ["ux-research", "jazz", "sourdough"],
    },
    {
        "handle": "mateo_vargas",
        "display_name": "Mateo Vargas",
        "headline": "Ingeniero de software Python en energías renovables",
        "lang": "es",
        "hives": ["open-source-python", "climate-tech", "chess-club"],
    },
    {
        "handle": "sofia_mendez",
        "display_name": "Sofía Méndez",
        "headline": "Traductora inglés–español · localización de videojuegos",
        "lang": "es",
        "hives": ["freelance-translators", "chess-club", "ux-research"],
    },
    {
        "handle": "diego_alvarez",
        "display_name": "Diego Álvarez",
        "headline": "Fotógrafo documental · Ciudad de México",
        "lang": "es",
        "hives": ["documentary-photography", "urban-gardening", "trail-running"],
    },
    {
        "handle": "valentina_cruz",
        "display_name": "Valentina Cruz",
        "headline": "Educadora ambiental · huertos urbanos y compostaje comunitario",
        "lang": "es",
        "hives": ["urban-gardening", "climate-tech", "sourdough"],
    },
    {
        "handle": "andres_pineda",
        "display_name": "Andrés Pineda",
        "headline": "Saxofonista y productor musical",
        "lang": "es",
        "hives": ["jazz", "chess-club", "documentary-photography"],
    },
    {
        "handle": "elena_soto",
        "display_name": "Elena Soto",
        "headline": "Editora y traductora literaria · francés, inglés y árabe",
        "lang": "es",
        "hives": ["freelance-translators", "arabic-calligraphy", "sourdough"],
    },
    {
        "handle": "pablo_ibarra",
        "display_name": "Pablo Ibarra",
        "headline": "Estudiante de ingeniería ambiental · ajedrez rápido",
        "lang": "es",
        "hives": ["climate-tech", "chess-club", "open-source-python"],
    },
    # Arabic
    {
        "handle": "layla_haddad",
        "display_name": "ليلى حداد",
        "headline": "خطاطة ومصممة حروف · خط الثلث والديواني",
        "lang": "ar",
        "hives": ["arabic-calligraphy", "documentary-photography", "jazz"],
    },
    {
        "handle": "omar_khatib",
        "display_name": "عمر الخطيب",
        "headline": "صحفي بيانات في موقع إخباري مستقل",
        "lang": "ar",
        "hives": ["data-journalism", "open-source-python", "chess-club"],
    },
    {
        "handle": "nour_saleh",
        "display_name": "نور صالح",
        "headline": "مترجمة مستقلة من الإنجليزية إلى العربية · ترجمة قانونية",
        "lang": "ar",
        "hives": ["freelance-translators", "arabic-calligraphy", "ux-research"],
    },
    {
        "handle": "youssef_amrani",
        "display_name": "يوسف العمراني",
        "headline": "مهندس طاقة شمسية · مهتم بتقنيات المناخ",
        "lang": "ar",
        "hives": ["climate-tech", "trail-running", "urban-gardening"],
    },
    {
        "handle": "rania_mansour",
        "display_name": "رانيا منصور",
        "headline": "باحثة تجربة مستخدم · تصميم منتجات باللغة العربية",
        "lang": "ar",
        "hives": ["ux-research", "arabic-calligraphy", "sourdough"],
    },
    {
        "handle": "karim_nasser",
        "display_name": "كريم ناصر",
        "headline": "مصور وثائقي · قصص المدن والهجرة",
        "lang": "ar",
        "hives": ["documentary-photography", "arabic-calligraphy", "trail-running"],
    },
    {
        "handle": "salma_ibrahim",
        "display_name": "سلمى إبراهيم",
        "headline": "خبّازة ومدرّبة ورش العجين المخمّر",
        "lang": "ar",
        "hives": ["sourdough", "urban-gardening", "arabic-calligraphy"],
    },
    {
        "handle": "hadi_zein",
        "display_name": "هادي زين",
        "headline": "عازف عود وبيانو جاز · مدرّس موسيقى",
        "lang": "ar",
        "hives": ["jazz", "chess-club", "arabic-calligraphy"],
    },
    # Hebrew
    {
        "handle": "noa_levi",
        "display_name": "נועה לוי",
        "headline": "מעצבת UX וחוקרת משתמשים בסטארט-אפ בריאות",
        "lang": "he",
        "hives": ["ux-research", "trail-running", "sourdough"],
    },
    {
        "handle": "eitan_cohen",
        "display_name": "איתן כהן",
        "headline": "מפתח פייתון · תורם לפרויקטים בקוד פתוח",
        "lang": "he",
        "hives": ["open-source-python", "chess-club", "climate-tech"],
    },
    {
        "handle": "maya_friedman",
        "display_name": "מאיה פרידמן",
        "headline": "עיתונאית נתונים · ויזואליזציה ותחקירים",
        "lang": "he",
        "hives": ["data-journalism", "documentary-photography", "jazz"],
    },
    {
        "handle": "yael_bendavid",
        "display_name": "יעל בן דוד",
        "headline": "מתרגמת עברית–אנגלית · ספרות ועיון",
        "lang": "he",
        "hives": ["freelance-translators", "urban-gardening", "jazz"],
    },
    {
        "handle": "amit_shapiro",
        "display_name": "עמית שפירו",
        "headline": "מהנדס אנרגיה מתחדשת · רץ שבילים",
        "lang": "he",
        "hives": ["climate-tech", "trail-running", "urban-gardening"],
    },
    {
        "handle": "tamar_golan",
        "display_name": "תמר גולן",
        "headline": "צלמת דוקומנטרית ועורכת תמונות",
        "lang": "he",
        "hives": ["documentary-photography", "sourdough", "chess-club"],
    },
    # Urdu
    {
        "handle": "ayesha_siddiqui",
        "display_name": "عائشہ صدیقی",
        "headline": "ڈیٹا صحافی · انتخابات اور صحت کے اعداد و شمار",
        "lang": "ur",
        "hives": ["data-journalism", "open-source-python", "freelance-translators"],
    },
    {
        "handle": "bilal_qureshi",
        "display_name": "بلال قریشی",
        "headline": "سافٹ ویئر انجینئر · اوپن سورس پائتھن",
        "lang": "ur",
        "hives": ["open-source-python", "chess-club", "climate-tech"],
    },
    {
        "handle": "fatima_raza",
        "display_name": "فاطمہ رضا",
        "headline": "خطاط اور گرافک ڈیزائنر · نستعلیق",
        "lang": "ur",
        "hives": ["arabic-calligraphy", "ux-research", "documentary-photography"],
    },
    {
        "handle": "hamza_malik",
        "display_name": "حمزہ ملک",
        "headline": "فری لانس مترجم · اردو، انگریزی اور عربی",
        "lang": "ur",
        "hives": ["freelance-translators", "arabic-calligraphy", "chess-club"],
    },
    {
        "handle": "zainab_akhtar",
        "display_name": "زینب اختر",
        "headline": "شہری باغبانی اور ماحولیاتی تحقیق",
        "lang": "ur",
        "hives": ["urban-gardening", "climate-tech", "sourdough"],
    },
    {
        "handle": "usman_javed",
        "display_name": "عثمان جاوید",
        "headline": "جاز گٹارسٹ اور ساؤنڈ انجینئر",
        "lang": "ur",
        "hives": ["jazz", "trail-running", "documentary-photography"],
    },
]
