"""The ceiling page: the signed-in home page, rendered without a single database statement."""

from __future__ import annotations

from sqlalchemy import event

from app.extensions import db
from bench.ceiling import add_ceiling
from tests.conftest import make_app, migrate_to_head
from tests.factories import make_bee


def test_the_ceiling_is_the_signed_in_home_page_without_the_database(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'ceiling.db'}", tmp_path)
    add_ceiling(app)
    migrate_to_head(app)
    with app.app_context():
        bee_id = make_bee().id
        db.session.commit()
        statements = []
        event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(bee_id)  # signed in, as the feed scenarios' requests are

    page = client.get("/_bench/ceiling")

    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert statements == []
    assert "Log out" in html  # the signed-in navigation…
    assert "@reader" in html  # …for the in-memory reader
    assert html.count('class="card mb-3 post"') == 20
    assert html.count('name="hives"') == 5  # the composer offers five hives
