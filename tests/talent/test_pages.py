"""The talent page: who may open it, what it shows, and bad input."""

from __future__ import annotations

import pytest

from app.profiles import record
from app.profiles.data import ProfileData, SkillData
from app.profiles.services import set_account_kind
from tests.factories import make_bee


@pytest.fixture
def seeker(app, login):
    def sign_in(kind: str):
        return login(set_account_kind(make_bee(handle=f"the_{kind}"), kind))

    return sign_in


def test_a_recruiter_sees_who_matched_and_why(app, client, seeker):
    bee = make_bee(handle="layla", display_name="Layla Haddad", headline="Data journalist", open_to_work=True)
    record.replace_profile(
        bee, ProfileData("Layla Haddad", headline="Data journalist", skills=(SkillData("D3.js"),))
    )
    seeker("recruiter")
    page = client.get("/talent")
    assert page.status_code == 200
    assert 'name="open_to"' in page.get_data(as_text=True)
    html = client.get("/talent?q=journalist&skills=d3.js").get_data(as_text=True)
    assert "Match strength 4" in html
    assert '<mark class="rounded px-1"><bdi>D3.js</bdi></mark>' in html
    assert "<mark>journalist</mark>" in html.replace("<mark>Journalist</mark>", "<mark>journalist</mark>")
    assert "Your words are in their name or headline." in html
    assert "Open to work" in html
    assert "How matches are ordered" in html


def test_an_editor_searches_without_the_openness_filter(app, client, seeker):
    seeker("editor")
    html = client.get("/talent").get_data(as_text=True)
    assert 'name="open_to"' not in html
    assert client.get("/talent?skills=x&open_to=work").status_code == 403


def test_bees_and_visitors_cannot_open_the_talent_page(app, client, login):
    assert client.get("/talent").status_code == 302
    login(make_bee())
    assert client.get("/talent?skills=python").status_code == 403
    assert 'href="/talent"' not in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("skills=a&years=lots", "Enter between 0 and"),
        ("skills=a&after=nonsense", "That page link is broken."),
        ("skills=" + ",".join(f"s{n}" for n in range(11)), "Ask for at most 10 at a time."),
    ],
)
def test_bad_searches_say_what_is_wrong(app, client, seeker, query, message):
    seeker("recruiter")
    response = client.get(f"/talent?{query}")
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


def test_an_empty_result_says_so(app, client, seeker):
    seeker("editor")
    assert "Nobody matches this search yet." in client.get("/talent?skills=basket+weaving").get_data(
        as_text=True
    )


@pytest.mark.parametrize(
    "query",
    ["skills=a&years=²", "skills=a&years=٥", "skills=a&after=99999999999999999999:1", "skills=a&after=1:²"],
)
def test_numbers_that_are_not_numbers_are_refused_not_crashed_on(app, client, seeker, query):
    seeker("recruiter")
    assert client.get(f"/talent?{query}").status_code == 422


@pytest.mark.parametrize("target", ["²", "99999999999999999999", "9" * 5000, "-1", ""])
def test_setting_aside_nonsense_is_refused_not_crashed_on(app, client, login, target):
    login(make_bee())
    assert client.post("/suggestions/dismiss", data={"kind": "bee", "target": target}).status_code in (
        404,
        422,
    )
