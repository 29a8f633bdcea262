"""The opportunity pages through HTTP: posting, the lists, answering, the pipeline, closing."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from app.extensions import db
from app.opportunities import pitches, services
from app.opportunities.models import Opportunity, Pitch
from app.opportunities.pitches import PitchData
from app.opportunities.services import OpportunityData
from app.profiles import record
from app.profiles.data import ProfileData, SkillData
from app.profiles.services import set_account_kind
from tests.conftest import csrf_token_from
from tests.factories import make_bee, make_hive


def editor():
    return set_account_kind(make_bee(display_name="Julia Editor"), "editor")


def test_an_editor_posts_a_story_call_to_a_hive_from_the_form(app, client, login):
    poster = login(editor())
    members = [make_bee() for _ in range(3)]
    hive = make_hive(poster, members=members, name="Trail Running")
    form = client.get("/opportunities/new").get_data(as_text=True)
    assert "Trail Running" in form
    response = client.post(
        "/opportunities/new",
        data={
            "csrf_token": csrf_token_from(form),
            "kind": "story_call",
            "title": "Night races",
            "description": "Stories from the dark.",
            "skills": "Photography, Writing",
            "topics": "Trail running",
            "deadline": services.today().isoformat(),
            "hives": [str(hive.id)],
        },
    )
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    assert "Night races" in page
    assert "Delivered to 3 bees" in page
    assert "Photography" in page
    assert "Close to new answers" in page


def test_bad_posts_show_their_errors_and_write_nothing(app, client, login):
    login(editor())
    form = client.get("/opportunities/new").get_data(as_text=True)
    token = csrf_token_from(form)
    for data, message in (
        ({"kind": "job", "title": "", "description": "x"}, "Give the opportunity a title."),
        ({"kind": "job", "title": "T", "description": "x", "deadline": "tomorrow"}, "year-month-day"),
        ({"kind": "job", "title": "T", "description": "x", "deadline": "2001-01-01"}, "Choose a deadline"),
        ({"kind": "job", "title": "T", "description": "x", "hives": ["nope"]}, "could not be coerced"),
        ({"kind": "job", "title": "T", "description": "x", "hives": [str(2**40)]}, "does not exist"),
    ):
        response = client.post("/opportunities/new", data={"csrf_token": token, **data})
        assert response.status_code == 422, data
        assert message in response.get_data(as_text=True), data
    assert db.session.scalar(select(func.count()).select_from(Opportunity)) == 0


def test_plain_bees_see_opportunities_but_cannot_post(app, client, login):
    login(make_bee())
    page = client.get("/opportunities").get_data(as_text=True)
    assert "Nothing matches you yet." in page
    assert "No open opportunities right now." in page
    assert "Post an opportunity" not in page
    assert client.get("/opportunities/new").status_code == 403


def test_a_bee_sees_why_an_opportunity_suits_them_and_pitches(app, client, login):
    poster = editor()
    opportunity = services.post_opportunity(
        poster,
        OpportunityData(
            "story_call", "Maps of old rivers", "Cartography stories.", skills=("QGIS",), topics=("History",)
        ),
    )
    bee = make_bee(display_name="Layla")
    record.replace_profile(bee, ProfileData("Layla", interests=("history",), skills=(SkillData("qgis"),)))
    login(bee)
    listing = client.get("/opportunities").get_data(as_text=True)
    assert "It needs what you list:" in listing
    assert '<mark class="rounded px-1"><bdi>QGIS</bdi></mark>' in listing
    assert "It is about what you love:" in listing
    page = client.get(f"/opportunities/{opportunity.id}").get_data(as_text=True)
    assert "Why it suits you" in page
    form = client.get(f"/opportunities/{opportunity.id}/answer").get_data(as_text=True)
    assert "Your idea, in a line" in form
    empty = client.post(
        f"/opportunities/{opportunity.id}/answer",
        data={"csrf_token": csrf_token_from(form), "idea": "", "body": "Rivers."},
    )
    assert empty.status_code == 422
    assert "Say your idea in a line." in empty.get_data(as_text=True)
    sent = client.post(
        f"/opportunities/{opportunity.id}/answer",
        data={"csrf_token": csrf_token_from(form), "idea": "The Jordan in 1900", "body": "Old maps."},
    )
    assert sent.status_code == 302
    mine = client.get("/opportunities/mine").get_data(as_text=True)
    assert "Maps of old rivers" in mine
    assert 'data-state="new"' in mine
    again = client.get(f"/opportunities/{opportunity.id}/answer")
    assert again.status_code == 302  # one answer: the form leads to the one sent
    assert db.session.scalar(select(func.count()).select_from(Pitch)) == 1


def test_the_poster_works_the_pipeline_and_messages_the_candidate(app, client, login):
    poster = editor()
    _, job = poster, services.post_opportunity(poster, OpportunityData("job", "Data editor", "Join us."))
    bee = make_bee(handle="candidate")
    pitch = pitches.send(bee, job.id, PitchData(body="I would love to."))
    login(poster)
    pipeline = client.get(f"/opportunities/{job.id}/answers").get_data(as_text=True)
    assert f"/answers/{pitch.id}" in pipeline
    page = client.get(f"/answers/{pitch.id}").get_data(as_text=True)
    assert "/messages/@candidate" in page
    moved = client.post(
        f"/answers/{pitch.id}/move", data={"csrf_token": csrf_token_from(page), "state": "shortlisted"}
    )
    assert moved.status_code == 302
    assert db.session.get(Pitch, pitch.id).state == "shortlisted"
    shortlisted = client.get(f"/opportunities/{job.id}/answers?state=shortlisted").get_data(as_text=True)
    assert f"/answers/{pitch.id}" in shortlisted
    assert client.get(f"/opportunities/{job.id}/answers?state=bogus").status_code == 422
    bad = client.post(
        f"/answers/{pitch.id}/move", data={"csrf_token": csrf_token_from(page), "state": "gone"}
    )
    assert bad.status_code == 422
    assert db.session.get(Pitch, pitch.id).state == "shortlisted"


def test_strangers_cannot_read_answers_or_the_pipeline(app, client, login):
    poster = editor()
    job = services.post_opportunity(poster, OpportunityData("job", "Data editor", "Join us."))
    pitch = pitches.send(make_bee(), job.id, PitchData(body="Me!"))
    login(make_bee())
    assert client.get(f"/answers/{pitch.id}").status_code == 404
    assert client.get(f"/opportunities/{job.id}/answers").status_code == 403
    assert client.get(f"/opportunities/{job.id}/close").status_code == 403
    assert client.get("/opportunities/999999").status_code == 404
    assert client.get("/opportunities?before=abc").status_code == 422


def test_closing_asks_first_then_the_bees_waiting_are_told(app, client, login):
    poster = editor()
    call = services.post_opportunity(poster, OpportunityData("story_call", "Quick call", "Pitch me."))
    bee = make_bee()
    pitches.send(bee, call.id, PitchData(idea="Idea", body="Body"))
    login(poster)
    confirm = client.get(f"/opportunities/{call.id}/close").get_data(as_text=True)
    assert "Close this opportunity?" in confirm
    assert db.session.get(Opportunity, call.id).state == "open"
    assert (
        client.post(
            f"/opportunities/{call.id}/close", data={"csrf_token": csrf_token_from(confirm)}
        ).status_code
        == 302
    )
    assert db.session.get(Opportunity, call.id).state == "closed"
    again = client.post(f"/opportunities/{call.id}/close", data={"csrf_token": csrf_token_from(confirm)})
    assert again.status_code == 409
    client.post("/logout", data={"csrf_token": csrf_token_from(confirm)})
    login(bee)
    notices = client.get("/notices").get_data(as_text=True)
    assert re.search(r"Quick call</bdi></a> is closed: it takes no new answers\.", notices)
    page = client.get(f"/opportunities/{call.id}").get_data(as_text=True)
    assert "You answered on" in page
