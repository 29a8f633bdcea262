"""The interface speaks the bee's language: which one, how it is picked, how it writes numbers and times."""

from __future__ import annotations

import gettext
import re
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from flask_babel import force_locale
from sqlalchemy import select, update

from app.extensions import db
from app.i18n import LANGUAGES, number
from app.posts.models import Post
from app.profiles.models import Bee
from app.templating import when
from tests.conftest import csrf_token_from
from tests.factories import make_bee, make_post

TRANSLATIONS = Path(__file__).resolve().parent.parent / "app" / "translations"


@cache
def catalogue(language: str) -> Catalog:
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=language)


def translated(language: str, msgid: str, n: int | None = None) -> str:
    """What the committed catalogue says for ``msgid`` (in the plural form ``n`` takes)."""
    message = catalogue(language)[msgid]
    if n is None:
        return message.string
    return message.string[gettext.c2py(catalogue(language).plural_expr)(n)]


def html_tag(page: str) -> tuple[str, str]:
    match = re.search(r'<html lang="([^"]+)" dir="([^"]+)">', page)
    assert match, "no <html lang dir>"
    return match.group(1), match.group(2)


@pytest.mark.parametrize(
    ("accept", "language", "direction"),
    [
        ("ar", "ar", "rtl"),
        ("he-IL,he;q=0.9", "he", "rtl"),
        ("ur-PK", "ur", "rtl"),
        ("es-MX,es;q=0.9,en;q=0.5", "es", "ltr"),
        ("fr-FR,de;q=0.8", "en", "ltr"),  # nothing we speak: English
        ("", "en", "ltr"),
    ],
)
def test_a_visitor_gets_their_browser_s_language_and_direction(client, accept, language, direction):
    page = client.get("/", headers={"Accept-Language": accept}).get_data(as_text=True)

    assert html_tag(page) == (language, direction)
    stylesheet = "bootstrap.rtl.min.css" if direction == "rtl" else "bootstrap.min.css"
    assert f"vendor/{stylesheet}" in page
    assert translated(language, "Log in") in page


def test_the_picker_is_on_every_page_and_lists_every_language(client):
    for path in ["/", "/login", "/hives/", "/no-such-page"]:
        page = client.get(path).get_data(as_text=True)
        assert 'action="/language"' in page, path
        for code, name in LANGUAGES.items():
            assert f'<option value="{code}" lang="{code}"' in page, (path, code)
            assert name in page


def test_a_visitor_s_pick_beats_their_browser_and_returns_them_to_the_page(client):
    answer = client.post("/language", data={"language": "he", "next": "/hives/?q=run"})

    assert answer.status_code == 302
    assert answer.headers["Location"] == "/hives/?q=run"
    page = client.get("/hives/", headers={"Accept-Language": "es"}).get_data(as_text=True)
    assert html_tag(page) == ("he", "rtl")
    assert translated("he", "Apiary now speaks %(language)s to you.") % {"language": "עברית"} in page


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "/\\evil", ""])
def test_the_picker_never_sends_anyone_off_site(client, next_url):
    answer = client.post("/language", data={"language": "es", "next": next_url})

    assert answer.status_code == 302
    assert answer.headers["Location"] == "/"


@pytest.mark.parametrize("language", ["", "fr", "EN", "x" * 5000, "ar\n"])
def test_an_unknown_language_is_refused_clearly(client, language):
    answer = client.post("/language", data={"language": language}, headers={"Accept-Language": "en"})

    assert answer.status_code == 422
    assert "Choose one of the languages in the list." in answer.get_data(as_text=True)
    assert html_tag(client.get("/").get_data(as_text=True)) == ("en", "ltr")


def test_a_bee_s_choice_is_kept_with_them_across_devices(app, client, login):
    bee = login(make_bee())
    client.post("/language", data={"language": "ur", "next": "/"})

    assert db.session.scalar(select(Bee.language).where(Bee.id == bee.id)) == "ur"
    elsewhere = app.test_client()  # another browser: no session, an English one
    elsewhere.post("/login", data={"login": bee.handle, "password": "correct horse battery"})
    page = elsewhere.get("/", headers={"Accept-Language": "en-US"}).get_data(as_text=True)
    assert html_tag(page) == ("ur", "rtl")


def test_a_bee_can_go_back_to_the_browser_s_language_in_their_profile(client, login):
    bee = login(make_bee(language="ar"))
    assert html_tag(client.get("/", headers={"Accept-Language": "es"}).get_data(as_text=True))[0] == "ar"

    answer = client.post(
        "/settings/profile", data={"display_name": bee.display_name, "headline": "", "language": ""}
    )

    assert answer.status_code == 302
    assert db.session.scalar(select(Bee.language).where(Bee.id == bee.id)) is None
    client.post("/language", data={"language": "en"})  # the session's pick goes too …
    db.session.execute(update(Bee).where(Bee.id == bee.id).values(language=None))
    db.session.commit()
    with client.session_transaction() as session:
        session.pop("language")  # … as it would in a new browser
    assert html_tag(client.get("/", headers={"Accept-Language": "es"}).get_data(as_text=True))[0] == "es"


def test_the_profile_form_refuses_an_unknown_language(client, login):
    bee = login(make_bee())

    answer = client.post(
        "/settings/profile", data={"display_name": bee.display_name, "headline": "", "language": "klingon"}
    )

    assert answer.status_code == 422
    assert "Choose one of the languages in the list." in answer.get_data(as_text=True)
    assert db.session.scalar(select(Bee.language).where(Bee.id == bee.id)) is None


def test_numbers_are_written_the_language_s_way(app):
    with app.test_request_context("/"):
        expected = {"en": "12,345", "es": "12.345", "ar": "12,345", "he": "12,345", "ur": "12,345"}
        for language, written in expected.items():
            with force_locale(language):
                assert number(12345) == written
                assert number(7) == "7"


@pytest.mark.parametrize(("language", "count"), [("es", 1), ("es", 1234), ("ar", 2), ("ar", 5), ("ar", 11)])
def test_delivery_counts_take_the_language_s_plural_form_and_digits(client, login, language, count):
    author = login(make_bee(language=language))
    post = make_post(author, "Counting bees")
    db.session.execute(update(Post).where(Post.id == post.id).values(delivered_count=count))
    db.session.commit()

    page = client.get(f"/posts/{post.id}").get_data(as_text=True)

    with force_locale(language):
        written = number(count)
    form = translated(language, "Delivered to %(num)s bee", count)
    assert form % {"num": written} in page


def test_times_are_written_in_the_language(client, login):
    author = login(make_bee(language="ar"))
    post = make_post(author, "Three hours ago")
    three_hours_ago = datetime.now(UTC) - timedelta(hours=3, minutes=5)
    db.session.execute(update(Post).where(Post.id == post.id).values(created_at=three_hours_ago))
    db.session.commit()

    page = client.get(f"/posts/{post.id}").get_data(as_text=True)

    assert "قبل 3 ساعات" in page


@pytest.mark.parametrize(
    ("language", "written"), [("en", "Mar 9, 2024"), ("es", "9 mar 2024"), ("he", "9 במרץ 2024")]
)
def test_older_dates_are_written_in_the_language(app, language, written):
    with app.test_request_context("/"), force_locale(language):
        assert when(datetime(2024, 3, 9, 12, tzinfo=UTC)) == written


def test_flash_messages_and_form_errors_are_translated(client, login):
    login(make_bee(language="es"))

    published = client.post("/write", data={"kind": "buzz", "body": "Hola"}, follow_redirects=True)
    refused = client.post("/write", data={"kind": "buzz", "body": ""})

    assert translated("es", "Published. Delivered to %(num)s bee.", 0) % {"num": "0"} in published.get_data(
        as_text=True
    )
    assert translated("es", "Write something first.") in refused.get_data(as_text=True)


def test_wtforms_messages_speak_urdu_too(client, login):
    login(make_bee(language="ur"))

    refused = client.post("/write", data={"kind": "buzz", "body": "سلام", "hives": "not-a-number"})

    assert refused.status_code == 422
    message = "Invalid choice(s): one or more data inputs could not be coerced."
    assert translated("ur", message) in refused.get_data(as_text=True)


def test_error_pages_speak_the_language(client):
    page = client.get("/no-such-page", headers={"Accept-Language": "he"})

    assert page.status_code == 404
    assert translated("he", "We could not find that page.") in page.get_data(as_text=True)


def test_the_picker_form_carries_its_own_csrf_token(client):
    page = client.get("/").get_data(as_text=True)
    picker = page[page.index('action="/language"') :]
    assert csrf_token_from(picker)
