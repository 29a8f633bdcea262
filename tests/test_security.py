"""CSRF on every state change, a strict CSP, and templates fit for it (gettext: test_i18n_sources)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.messages.models import Message
from app.posts.models import Post
from app.profiles.models import Bee, Follow
from tests.conftest import csrf_token_from, make_app
from tests.factories import PASSWORD, make_bee, make_hive

TEMPLATES = Path(__file__).resolve().parent.parent / "app" / "templates"


@pytest.fixture
def csrf_client(app, tmp_path):
    """A client of an app that checks CSRF tokens, on the same database."""
    checked = make_app(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path, WTF_CSRF_ENABLED=True)
    yield checked.test_client()
    with checked.app_context():
        db.session.remove()
        db.engine.dispose()


def test_every_state_changing_route_requires_a_csrf_token(app, csrf_client):
    rules = [r for r in app.url_map.iter_rules() if r.methods & {"POST", "PUT", "PATCH", "DELETE"}]
    assert len(rules) >= 10
    values = {
        "handle": "someone",
        "slug": "some-hive",
        "post_id": 1,
        "case_id": 1,
        "comment_id": 1,
        "notice_id": 1,
        "section": "positions",
        "entry_id": 1,
        "opportunity_id": 1,
        "pitch_id": 1,
        "saved_id": 1,
    }
    for rule in rules:
        url = rule.build({k: v for k, v in values.items() if k in rule.arguments})[1]
        response = csrf_client.post(url, data={"body": "x"})
        assert response.status_code == 400, (url, response.status_code)
        assert "Form expired" in response.get_data(as_text=True)


def test_csrf_token_lets_a_real_form_through(app, csrf_client):
    make_bee(handle="target")
    page = csrf_client.get("/signup").get_data(as_text=True)
    response = csrf_client.post(
        "/signup",
        data={
            "csrf_token": csrf_token_from(page),
            "email": "new@example.org",
            "handle": "newbee",
            "display_name": "New",
            "password": PASSWORD,
        },
    )
    assert response.status_code == 302
    token = csrf_token_from(csrf_client.get("/@target").get_data(as_text=True))
    assert csrf_client.post("/@target/follow", data={"csrf_token": token}).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Follow)) == 1


def test_a_forged_follow_changes_nothing(app, csrf_client):
    make_bee(handle="victim")
    make_bee(handle="target")
    csrf_client.post("/login", data={"login": "victim", "password": PASSWORD})
    assert csrf_client.post("/@target/follow").status_code == 400
    assert db.session.scalar(select(func.count()).select_from(Follow)) == 0
    assert db.session.scalar(select(func.count(Bee.id))) == 2


def test_responses_carry_a_strict_nonce_csp(app, client):
    response = client.get("/hives/")
    csp = response.headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert "script-src 'self' 'nonce-" in csp
    assert "unsafe-inline" not in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    html = response.get_data(as_text=True)
    for tag in re.findall(r"<script\b(?![^>]*application/ld\+json)[^>]*>", html):
        assert f'nonce="{nonce}"' in tag
        assert "src=" in tag
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert client.get("/hives/").headers["Content-Security-Policy"] != csp  # fresh nonce


@pytest.mark.parametrize(
    "path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_templates_have_no_inline_script_style_or_handlers(path):
    source = path.read_text()
    # A JSON-LD block is data, never run: CSP does not govern it, and |tojson escapes "<".
    assert not re.search(
        r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json\">\{\{ \w+\|tojson \}\}</script>)[^>]*>", source
    ), "inline <script>"
    assert not re.search(r"<style\b", source), "<style> element"
    assert not re.search(r"\sstyle\s*=", source), "style attribute"
    assert not re.search(r"\son[a-z]+\s*=", source), "event-handler attribute"
    assert "javascript:" not in source


def test_the_home_composer_posts_to_my_hives_with_its_own_token(app, csrf_client):
    author = make_bee(handle="homecook")
    hive = make_hive(owner=author, name="Fermenters")
    page = csrf_client.get("/login").get_data(as_text=True)
    login = {"csrf_token": csrf_token_from(page), "login": "homecook", "password": PASSWORD}
    assert csrf_client.post("/login", data=login).status_code == 302
    home = csrf_client.get("/").get_data(as_text=True)
    [hive_value] = re.findall(r'name="hives" value="(\d+)"', home)
    assert hive_value == str(hive.id)
    composed = {
        "csrf_token": csrf_token_from(home),
        "kind": "buzz",
        "body": "Kimchi day",
        "hives": [hive_value],
    }
    assert csrf_client.post("/write", data=composed).status_code == 302
    db.session.rollback()  # the post was written by the other app: start a fresh read
    post = db.session.scalar(select(Post).where(Post.author_id == author.id))
    assert [h.id for h in post.hives] == [hive.id]


def test_a_message_needs_the_conversation_page_s_token(app, csrf_client):
    make_bee(handle="writer")
    make_bee(handle="reader")
    page = csrf_client.get("/login").get_data(as_text=True)
    login = {"csrf_token": csrf_token_from(page), "login": "writer", "password": PASSWORD}
    assert csrf_client.post("/login", data=login).status_code == 302
    assert csrf_client.post("/messages/@reader", data={"body": "forged"}).status_code == 400
    assert db.session.scalar(select(func.count(Message.id))) == 0
    token = csrf_token_from(csrf_client.get("/messages/@reader").get_data(as_text=True))
    sent = csrf_client.post("/messages/@reader", data={"csrf_token": token, "body": "real"})
    assert sent.status_code == 302
    db.session.rollback()  # the message was written by the other app: start a fresh read
    assert db.session.scalars(select(Message.body_source)).all() == ["real"]
