"""Demo engagement, written for Apiary: tagged buzz with mentions in each demo language, Relevant
marks and a few shares, so the demo bee finds notices waiting and tag pages to open."""

from __future__ import annotations

import random

from sqlalchemy import select

from app.extensions import db
from app.hives.models import Hive
from app.posts.comments import may_comment
from app.posts.models import Post
from app.posts.reactions import may_mark_relevant, set_relevant
from app.posts.services import publish_post
from app.posts.shares import may_share, share_post
from app.profiles.models import Bee

# (author, hive key or None, text): tags and mentions in every demo language.
TAGGED_BUZZ = [
    (
        "marcus_oyelaran",
        "trail-running",
        "Hill repeats at dawn, then coffee with @demo. #TrailRunning #MorningMiles",
    ),
    (
        "priya_raman",
        "ux-research",
        "Five interviews this week and one clear pattern: people skip onboarding. #UXResearch",
    ),
    (
        "owen_bakes",
        "sourdough",
        "Day three of the new starter and it finally doubled. Thanks for the tips, @leo_marchetti! #sourdough",
    ),
    (
        "lucia_herrera",
        "data-journalism",
        "Publicamos hoy el mapa de precios del alquiler por barrio. #PeriodismoDeDatos #OpenData",
    ),
    (
        "layla_haddad",
        "arabic-calligraphy",
        "أنهيت اليوم لوحة بخط الديواني، شكرًا @nour_saleh على الملاحظات. #خط_عربي",
    ),
    ("noa_levi", "trail-running", "ריצת בוקר ארוכה בכרמל, הנוף שווה כל עלייה. #ריצת_שטח #TrailRunning"),
    (
        "ayesha_siddiqui",
        "data-journalism",
        "آج ہم نے شہر کے بجٹ کا ڈیٹا کھول کر شائع کیا۔ @omar_khatib آپ کی رائے؟ #ڈیٹا_صحافت #OpenData",
    ),
    (
        "bencarter_dev",
        "open-source-python",
        "Released a tiny library for keyset pagination. Feedback welcome, @tomhalloway. #python #OpenSource",
    ),
]

SHARE_COMMENTS = {
    "en": "Worth your time, especially the second half.",
    "es": "Muy recomendable, sobre todo la segunda parte.",
    "ar": "يستحق القراءة، خصوصًا الجزء الثاني.",
    "he": "שווה קריאה, במיוחד החלק השני.",
    "ur": "پڑھنے کے لائق ہے، خاص طور پر دوسرا حصہ۔",
}


def load(
    bees: dict[str, Bee], hives: dict[str, Hive], langs: dict[str, str], rng: random.Random
) -> dict[str, int]:
    """Publish the tagged buzz, then Relevant marks and shares around the demo bee's posts and
    the newest ones; returns how many of each were made."""
    tagged = []
    for handle, hive_key, text in TAGGED_BUZZ:
        hive_ids = [hives[hive_key].id] if hive_key in hives else []
        tagged.append(publish_post(bees[handle], "buzz", text, None, hive_ids))
    marks = shares = 0
    others = [bee for handle, bee in bees.items() if handle != "demo"]
    demo_posts = list(
        db.session.scalars(select(Post).where(Post.author_id == bees["demo"].id).order_by(Post.id))
    )
    for post in [*demo_posts, *tagged]:
        for reader in rng.sample(others, k=min(len(others), rng.randint(2, 9))):
            if may_mark_relevant(reader, post) and may_comment(reader, post):
                set_relevant(reader, post, True)
                marks += 1
    for post in [*demo_posts[:2], *tagged[:4]]:
        sharer = rng.choice(others)
        if may_share(sharer, post):
            share_post(sharer, post, SHARE_COMMENTS[langs.get(sharer.handle, "en")])
            shares += 1
    return {"relevant": marks, "shares": shares, "tagged": len(tagged)}
