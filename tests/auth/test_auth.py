"""Sign up, log in, log out: the rules and the pages."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.auth.services import authenticate, register
from app.errors import ValidationError
from app.extensions import db
from app.profiles.models import Bee
from tests.factories import PASSWORD, make_bee


def bee_count() -> int:
    return db.session.scalar(select(func.count(Bee.id)))


def signup_form(**overrides):
    data = {"email": "lina@example.org", "handle": "lina_k", "display_name": "Lina K", "password": "a" * 12}
    data.update(overrides)
    return data


def test_register_stores_only_a_strong_hash(app):
    bee = register("Lina@Example.org ", "Lina_K", "  Lina   Khoury ", "sunny-meadow-42")
    assert (bee.handle, bee.email, bee.display_name) == ("lina_k", "lina@example.org", "Lina Khoury")
    assert "sunny-meadow-42" not in bee.password_hash
    assert bee.password_hash.startswith(("scrypt:", "pbkdf2:"))
    assert bee.check_password("sunny-meadow-42")


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("handle", {"handle": "ab"}),
        ("handle", {"handle": "a" * 31}),
        ("handle", {"handle": "has-dash"}),
        ("handle", {"handle": "émile"}),
        ("handle", {"handle": "admin"}),
        ("email", {"email": "not-an-email"}),
        ("email", {"email": ""}),
        ("email", {"email": "x" * 250 + "@example.org"}),
        ("password", {"password": "a" * 11}),
        ("password", {"password": "a" * 2000}),
        ("display_name", {"display_name": "   "}),
        ("display_name", {"display_name": "n" * 51}),
    ],
)
def test_register_refuses_bad_input(app, field, overrides):
    data = signup_form(**overrides)
    with pytest.raises(ValidationError) as caught:
        register(data["email"], data["handle"], data["display_name"], data["password"])
    assert caught.value.field == field
    assert bee_count() == 0


def test_handles_are_unique_regardless_of_case_and_emails_unique(app):
    register("a@example.org", "Honey_Bee", "A", "a" * 12)
    with pytest.raises(ValidationError, match="handle is taken"):
        register("b@example.org", "HONEY_BEE", "B", "b" * 12)
    with pytest.raises(ValidationError, match="email already exists"):
        register("A@EXAMPLE.ORG", "other", "C", "c" * 12)
    assert bee_count() == 1


def test_authenticate_by_handle_or_email_with_one_answer_for_failures(app):
    bee = make_bee(handle="nour", email="nour@example.org")
    assert authenticate("@Nour", PASSWORD).id == bee.id
    assert authenticate("NOUR@example.org", PASSWORD).id == bee.id
    assert authenticate("nour", "wrong password!") is None
    assert authenticate("nobody", PASSWORD) is None
    assert authenticate("", "") is None


def test_signup_page_creates_account_and_logs_in(client):
    response = client.post("/signup", data=signup_form())
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert "Lina K" in client.get("/").get_data(as_text=True)


def test_signup_page_shows_errors_and_writes_nothing(client, app):
    make_bee(handle="taken")
    response = client.post("/signup", data=signup_form(handle="TAKEN"))
    assert response.status_code == 422
    assert "That handle is taken" in response.get_data(as_text=True)
    assert bee_count() == 1


def test_wrong_credentials_get_one_generic_message(client, app):
    make_bee(handle="real")
    for login in ("real", "ghost"):
        response = client.post("/login", data={"login": login, "password": "wrong password!"})
        assert response.status_code == 422
        assert "That email or handle and password do not match." in response.get_data(as_text=True)


def test_remember_me_sets_a_remember_cookie(client, app):
    make_bee(handle="keeper")
    client.post("/login", data={"login": "keeper", "password": PASSWORD, "remember": "y"})
    assert client.get_cookie("remember_token") is not None


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/hives/?q=run", "/hives/?q=run"),
        ("https://evil.example/", "/"),
        ("//evil.example/x", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("", "/"),
    ],
)
def test_login_next_accepts_only_same_site_paths(client, app, next_url, expected):
    make_bee(handle="traveller")
    response = client.post(
        "/login", query_string={"next": next_url}, data={"login": "traveller", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_logout_is_a_post(client, app, login):
    login(make_bee())
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 302
    assert client.get("/write").status_code == 302  # back to the login page


def test_pages_that_need_a_login_redirect_to_it(client, app):
    response = client.get("/write")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


@pytest.mark.parametrize("kind", ["recruiter", "editor"])
def test_recruiters_and_editors_say_so_at_sign_up_and_their_profile_shows_it(app, client, kind):
    response = client.post(
        "/signup",
        data={
            "email": f"{kind}@example.org",
            "handle": f"the_{kind}",
            "display_name": "Talent Seeker",
            "password": "a long enough password",
            "account_kind": kind,
        },
    )
    assert response.status_code == 302
    bee = db.session.scalar(select(Bee).where(Bee.handle == f"the_{kind}"))
    assert bee.account_kind == kind
    assert bee.is_talent_seeker
    assert kind.capitalize() in client.get(f"/@the_{kind}").get_data(as_text=True)


def test_an_unknown_account_kind_is_refused_and_nothing_is_made(app, client):
    response = client.post(
        "/signup",
        data={
            "email": "x@example.org",
            "handle": "sneaky",
            "display_name": "Sneaky",
            "password": "a long enough password",
            "account_kind": "admin",
        },
    )
    assert response.status_code == 422
    assert "Choose a bee, recruiter or editor account." in response.get_data(as_text=True)
    assert db.session.scalar(select(Bee).where(Bee.handle == "sneaky")) is None


def test_a_bee_account_is_the_default(app):
    assert register("plain@example.org", "plain_bee", "Plain", "a" * 12).account_kind == "bee"
