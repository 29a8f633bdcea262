"""The ceiling page every benchmark scenario is measured against.

``/_bench/ceiling`` renders the home page a signed-in bee sees (navigation,
a composer offering five hives, about a benchmark bee's average, and 20 feed
posts) with the bee, hives and posts held in memory, and touches no database:
the fastest that page can be on this server stack, so every scenario is
reported as a ratio to it. Its requests carry a bee's session cookie, as the
feed scenarios' do.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from flask import Flask, g, render_template

from app.markup import plain_excerpt, render_markdown
from app.posts.queries import FeedPage
from app.profiles.models import Bee
from app.profiles.queries import HiveName

_SAMPLES = [
    ("buzz", None, "Long run this morning: **21 km** and the hills felt kind for once."),
    ("buzz", None, "أنهيت اليوم تمرين خط الثلث، واليد تتذكر أكثر مما ظننت."),
    ("honey", "Notes on keyset pagination", "## Why\n\nOffsets get slower as you page; a cursor does not."),
    ("buzz", None, "¿Alguien tiene una buena receta de masa madre con 80% de hidratación?"),
    ("buzz", None, "היום סיימתי את הריצה הארוכה הראשונה שלי אחרי הפציעה."),
]


def _fake_posts(count: int = 20) -> list[SimpleNamespace]:
    now = datetime.now(UTC)
    author = SimpleNamespace(handle="ceiling", display_name="Ceiling Bee")
    hive = SimpleNamespace(slug="ceiling", name="Ceiling Hive")
    posts = []
    for n in range(count):
        kind, title, source = _SAMPLES[n % len(_SAMPLES)]
        html = render_markdown(source)
        posts.append(
            SimpleNamespace(
                id=10_000 - n,
                author=author,
                author_id=0,
                kind=kind,
                is_honey=kind == "honey",
                is_edited=False,
                is_visible=True,
                title=title,
                slug=f"post-{n}",
                body_html=html,
                excerpt=plain_excerpt(html),
                hives=[hive] if n % 3 == 0 else [],
                delivered_count=70 + n,
                relevant_count=n % 7,
                comment_count=n % 4,
                share_count=n % 3,
                shared_post_id=None,
                is_share=False,
                private_hive_id=None,
                created_at=now - timedelta(minutes=n),
                edited_at=None,
            )
        )
    return posts


_FEED = FeedPage(posts=_fake_posts(), next_cursor=9_981)
# The signed-in reader (not the posts' author: a feed shows mostly other bees' posts).
_READER = Bee(id=-1, handle="reader", display_name="Ceiling Reader")
_HIVES = [
    HiveName(id=-n, slug=f"ceiling-{n}", name=f"Ceiling Hive {n}", is_private=False) for n in range(1, 6)
]


def add_ceiling(app: Flask) -> None:
    """Serve ``/_bench/ceiling`` from ``app``."""

    @app.get("/_bench/ceiling")
    def bench_ceiling():
        """The signed-in home page from memory: no database at all."""
        g._login_user = _READER  # Flask-Login's per-request user, so it never asks the database
        marked = {_FEED.posts[1].id}  # one card the reader marked Relevant
        return render_template("posts/home.html", feed=_FEED, composer_hives=_HIVES, marked=marked)
