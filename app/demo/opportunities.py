"""Demo opportunities, written for Apiary: Julia (an editor) calls for stories, one of them in
the Data Journalism hive; Sam (a recruiter) offers a job, freelance gigs and a job already
filled and closed. Bees answer in five languages, at every step of the pipeline; the demo bee
pitched one story and applied to one gig with its work sample, and both were shortlisted."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app import policy
from app.extensions import db
from app.hives.models import Hive
from app.hives.services import join_hive, membership_of
from app.opportunities import pitches, services
from app.opportunities.models import PitchState
from app.opportunities.pitches import PitchData
from app.opportunities.services import OpportunityData
from app.profiles.models import Bee, WorkSample

# Each opportunity as its poster writes it, oldest first: the hives it goes to, its deadline
# (days after the day the demo loads, or None), whether it ends closed, and the answers it
# gets as (bee, the step the poster leaves it at, the idea (story calls), the text, whether
# the bee's first work sample goes with it).
OPPORTUNITIES: list[dict] = [
    {
        "poster": "sam_whitfield",
        "kind": "job",
        "title": "Python data engineer, solar cooperative",
        "description": "A community-owned solar cooperative with 3,000 members needs its first "
        "**data engineer**: meter readings in, clear monthly reports out, and a pipeline the "
        "volunteers can still run when you are on holiday.",
        "skills": ("Python", "SQL"),
        "topics": ("Climate tech", "Open source"),
        "location": "Leeds, UK",
        "compensation": "£50,000",
        "closed": True,
        "answers": [
            (
                "omar_khatib",
                PitchState.ACCEPTED,
                "",
                "مرحبًا سام، أعمل منذ خمس سنوات على تنظيف البيانات العامة وتحليلها بلغة Python، "
                "وأكتب تقارير يقرؤها غير المتخصصين. يسعدني أن أبني لكم نظامًا بسيطًا يستطيع المتطوعون "
                "تشغيله بأنفسهم.",
                False,
            ),
            (
                "bilal_qureshi",
                PitchState.DECLINED,
                "",
                "السلام علیکم سام، میں پانچ سال سے Python اور PostgreSQL پر کام کر رہا ہوں اور "
                "ایک اوپن سورس توانائی کے منصوبے میں حصہ ڈالتا ہوں۔ میں لاہور سے ریموٹ کام کرنا "
                "چاہوں گا۔",
                False,
            ),
            (
                "mateo_vargas",
                PitchState.NEW,
                "",
                "Hola Sam: llevo cuatro años escribiendo en Python para una empresa de energías "
                "renovables, sobre todo lecturas de inversores y alertas. Me mudaría a Leeds sin problema.",
                False,
            ),
        ],
    },
    {
        "poster": "sam_whitfield",
        "kind": "job",
        "title": "Senior user researcher, home heating startup",
        "description": "Warmly helps households swap gas boilers for heat pumps. We want a "
        "**senior user researcher** to lead interviews in people's homes, run diary studies "
        "through the first winter, and turn what they learn into decisions the team acts on.\n\n"
        "Hybrid in Manchester, or remote in the UK with a day in the office every other week.",
        "skills": ("User research", "Interviewing", "Survey design"),
        "topics": ("Climate tech",),
        "location": "Manchester, UK",
        "remote": True,
        "compensation": "£58,000–£66,000",
        "hives": ("ux-research", "climate-tech"),
        "answers": [
            (
                "noa_levi",
                PitchState.SHORTLISTED,
                "",
                "שלום סם, אני חוקרת משתמשים כבר שש שנים, רובן במוצרי בריאות לבית. הובלתי מחקרי "
                "יומן ארוכים עם משפחות, ואשמח לעבור לתחום האנרגיה. אני יכולה לעבוד מרחוק בשעות של "
                "בריטניה.",
                False,
            ),
            (
                "priya_raman",
                PitchState.NEW,
                "",
                "Hi Sam, I lead research at a fintech and have spent three years in people's kitchens "
                "asking about their bills, which is closer to heat pumps than it sounds. Happy to walk "
                "you through a study on a call.",
                False,
            ),
            (
                "camila_rojas",
                PitchState.DECLINED,
                "",
                "Hola Sam: soy investigadora UX en Santiago y trabajo en remoto con equipos europeos. "
                "Me encantaría aportar a la transición energética; puedo adaptar mi horario al del Reino "
                "Unido.",
                False,
            ),
        ],
    },
    {
        "poster": "sam_whitfield",
        "kind": "freelance",
        "title": "Usability study for an EV charging app (three weeks)",
        "description": "A charging network wants a **usability study** of its new booking flow "
        "before launch: recruit eight drivers, run the sessions, and hand over findings with "
        "Figma prototypes of the fixes. Remote, three weeks, starting next month.",
        "skills": ("User research", "Figma", "Usability testing"),
        "topics": ("Climate tech",),
        "remote": True,
        "compensation": "£450 a day, 12 days",
        "deadline_days": 14,
        "answers": [
            (
                "demo",
                PitchState.SHORTLISTED,
                "",
                "Hi Sam, I run sessions with people who don't love apps, from allotment holders to "
                "school staff, and I prototype the fixes in Figma as I go. The sample I attached went "
                "from interviews to a shipped product in four months. I'm free from the 3rd.",
                True,
            ),
            (
                "rania_mansour",
                PitchState.ACCEPTED,
                "",
                "مرحبًا سام، أعمل باحثة تجربة مستخدم وأصمم منتجات باللغة العربية. أجريت دراسات قابلية "
                "استخدام لتطبيقات دفع وحجز، ويمكنني العمل عن بُعد طوال الأسابيع الثلاثة.",
                False,
            ),
            (
                "kofi_mensah",
                PitchState.NEW,
                "",
                "Service designer here: I test public services with people in a hurry, which sounds a "
                "lot like drivers at a charger. Available for all three weeks.",
                False,
            ),
        ],
    },
    {
        "poster": "julia_fenwick",
        "kind": "story_call",
        "title": "Where the budget goes: your city in numbers",
        "description": "The Weekly Review is commissioning **five data stories** on local budgets, "
        "one city each. Tell us what a budget line hides: a library closed, a bus route cut, a park "
        "that quietly grew.\n\nEach writer is paired with a photographer. Pitch in any language; "
        "we translate.",
        "skills": ("Data analysis", "Freedom of information requests"),
        "topics": ("Data journalism",),
        "remote": True,
        "compensation": "€600 per story",
        "hives": ("data-journalism",),
        "deadline_days": 21,
        "answers": [
            (
                "lucia_herrera",
                PitchState.ACCEPTED,
                "Lo que cuesta el agua en los barrios altos",
                "Los barrios de la parte alta pagan más por el bombeo del agua y nadie lo ha contado. "
                "Tengo diez años de facturas municipales y hablé con tres asociaciones vecinales. Puedo "
                "entregar el texto y dos gráficos en tres semanas.",
                False,
            ),
            (
                "ayesha_siddiqui",
                PitchState.SHORTLISTED,
                "لاہور کے سرکاری اسپتالوں کا بجٹ کہاں خرچ ہوا",
                "پچھلے پانچ سال کے صوبائی بجٹ میں اسپتالوں کے لیے رکھی گئی رقم اور اصل خرچ میں بڑا "
                "فرق ہے۔ میرے پاس سالانہ رپورٹیں اور بستروں کا ڈیٹا ہے، اور میں اسے تین مریضوں کی "
                "کہانیوں سے جوڑنا چاہتی ہوں۔",
                False,
            ),
            (
                "maya_friedman",
                PitchState.DECLINED,
                "לאן הולך תקציב התרבות של העירייה",
                "עברתי על ספרי התקציב של חמש השנים האחרונות: הכסף לאירועי ענק גדל פי שניים, "
                "והמתנ״סים בשכונות נשארו באותו סכום. אני רוצה לספר את זה דרך שני מתנ״סים והאנשים "
                "שעובדים בהם.",
                False,
            ),
            (
                "marcus_oyelaran",
                PitchState.NEW,
                "The bus routes Leeds lost, stop by stop",
                "Council papers list every subsidised route dropped since 2019, but nobody has mapped "
                "who lost a bus. I have the old timetables and the census tables; I'd map the stops and "
                "talk to people at the ends of the old lines.",
                False,
            ),
        ],
    },
    {
        "poster": "julia_fenwick",
        "kind": "story_call",
        "title": "Up and over: the people who run the hills",
        "description": "A photo essay for our summer issue about **trail running clubs**: the "
        "dawn starts, the volunteers at the aid stations, the runners who walk the climbs. Pitch a "
        "club, a race or one runner you know well. Pictures and 800 words; we commission two.",
        "skills": ("Photography",),
        "topics": ("Trail running", "Documentary photography"),
        "remote": True,
        "compensation": "£450 plus expenses",
        "deadline_days": 35,
        "answers": [
            (
                "demo",
                PitchState.SHORTLISTED,
                "The Saturday club at the north trailhead",
                "Every Saturday about twenty of us meet before dawn at the north trailhead, from a "
                "retired postman to a surgeon on call. I run with them and would write about the "
                "club's one rule: nobody finishes alone. I'd pair with a photographer I know from "
                "the club.",
                False,
            ),
            (
                "karim_nasser",
                PitchState.NEW,
                "عدّاؤو الفجر في غابات عجلون",
                "أصوّر منذ سنة مجموعة صغيرة تركض كل جمعة في غابات عجلون قبل شروق الشمس، بينهم "
                "معلمة وسائق أجرة وطالب طب. أقترح عشر صور ونصًا قصيرًا عن الطريق الذي يجمعهم.",
                False,
            ),
        ],
    },
    {
        "poster": "julia_fenwick",
        "kind": "story_call",
        "title": "Hands at work: the letterers of our streets",
        "description": "We are looking for a short story, in words or pictures, about the people "
        "who still letter **shop signs by hand**, in any script and any city.",
        "topics": ("Arabic calligraphy", "Documentary photography"),
        "remote": True,
        "compensation": "£300",
        "answers": [
            (
                "layla_haddad",
                PitchState.NEW,
                "آخر خطاطي اللافتات في وسط عمّان",
                "ما زال ثلاثة خطاطين يكتبون لافتات المحلات بأيديهم في وسط البلد. أعرفهم منذ "
                "سنوات، وأستطيع أن أكتب عنهم وأن أرسم معهم لافتة من البداية حتى تعليقها.",
                False,
            ),
        ],
    },
]


def load(bees: dict[str, Bee], hives: dict[str, Hive]) -> dict[str, int]:
    """Post the opportunities, send the answers and move them along; close what ends closed.
    Returns how many opportunities, answers and announcing posts were made."""
    made = answered = announced = 0
    for spec in OPPORTUNITIES:
        poster = bees[spec["poster"]]
        for key in spec.get("hives", ()):
            _join(poster, hives[key])
        days = spec.get("deadline_days")
        opportunity = services.post_opportunity(
            poster,
            OpportunityData(
                kind=spec["kind"],
                title=spec["title"],
                description=spec["description"],
                skills=spec.get("skills", ()),
                topics=spec.get("topics", ()),
                location=spec.get("location", ""),
                remote=spec.get("remote", False),
                compensation=spec.get("compensation", ""),
                deadline=services.today() + timedelta(days=days) if days else None,
                hive_ids=tuple(hives[key].id for key in spec.get("hives", ())),
            ),
        )
        made += 1
        announced += opportunity.post_id is not None
        for handle, state, idea, body, with_sample in spec["answers"]:
            bee = bees[handle]
            samples = _first_sample(bee) if with_sample else ()
            pitch = pitches.send(bee, opportunity.id, PitchData(body, idea, samples))
            if state != PitchState.NEW:
                pitches.move(poster, pitch.id, state)
            answered += 1
        if spec.get("closed"):
            services.close_opportunity(poster, opportunity.id)
    return {"opportunities": made, "answers": answered, "posts": announced}


def _join(bee: Bee, hive: Hive) -> None:
    """Make the poster a member of a hive it posts to, as any bee joins."""
    if not policy.is_member(membership_of(bee.id, hive.id)):
        join_hive(bee, hive)


def _first_sample(bee: Bee) -> tuple[int, ...]:
    """The id of the bee's own first work sample."""
    sample_id = db.session.scalar(
        select(WorkSample.id).where(WorkSample.bee_id == bee.id).order_by(WorkSample.place).limit(1)
    )
    return (sample_id,)
