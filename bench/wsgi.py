"""What gunicorn serves in a benchmark: the app unchanged, plus the ceiling page.

``/_bench/ceiling`` renders the home feed template with 20 posts held in memory
and touches no database: the fastest a feed page can be on this server stack,
so every scenario is reported as a ratio to it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from flask import render_template

from app import create_app
from app.markup import plain_excerpt, render_markdown
from app.posts.forms import PostForm
from app.posts.queries import FeedPage

app = create_app()

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
                created_at=now - timedelta(minutes=n),
                edited_at=None,
            )
        )
    return posts


_FEED = FeedPage(posts=_fake_posts(), next_cursor=9_981)


@app.get("/_bench/ceiling")
def bench_ceiling():
    """The home feed template with 20 in-memory posts: no database at all."""
    return render_template("posts/home.html", feed=_FEED, form=PostForm())
