"""Deleting an account takes its opportunities, answers and saved searches with it, and every
badge and count on the other side stays exact."""

from __future__ import annotations

import time

from sqlalchemy import func, select

from app.extensions import db
from app.notifications.models import Notice
from app.opportunities import pitches, services
from app.opportunities.models import Opportunity, Pitch
from app.opportunities.pitches import PitchData
from app.opportunities.services import OpportunityData
from app.profiles.account import delete_account
from app.profiles.models import Bee
from app.profiles.services import set_account_kind
from app.talent.models import SavedSearch, SavedSearchMatch
from tests.factories import make_bee, make_hive


def unread_badge_is_exact(bee_id: int) -> int:
    db.session.expire_all()
    unread = db.session.scalar(
        select(func.count()).select_from(Notice).where(Notice.bee_id == bee_id, Notice.read_at.is_(None))
    )
    assert db.session.get(Bee, bee_id).unread_notices == unread
    return unread


def test_a_poster_leaving_takes_their_opportunities_and_the_answers_to_them(app):
    poster = set_account_kind(make_bee(handle="poster"), "editor")
    hive = make_hive(poster)
    call = services.post_opportunity(
        poster, OpportunityData("story_call", "A call", "Pitch me.", hive_ids=(hive.id,))
    )
    candidate = make_bee()
    pitch = pitches.send(candidate, call.id, PitchData(idea="Idea", body="Body"))
    pitches.move(poster, pitch.id, "accepted")
    assert unread_badge_is_exact(candidate.id) == 1

    delete_account(poster, "poster", time.time())

    assert db.session.scalar(select(func.count()).select_from(Opportunity)) == 0
    assert db.session.scalar(select(func.count()).select_from(Pitch)) == 0
    assert unread_badge_is_exact(candidate.id) == 0
    assert pitches.sent_by(candidate) == ([], None)


def test_a_candidate_leaving_takes_their_answer_and_the_posters_notice_of_it(app):
    poster = set_account_kind(make_bee(), "recruiter")
    job = services.post_opportunity(poster, OpportunityData("job", "A job", "Work."))
    stays, leaves = make_bee(), make_bee(handle="leaves")
    kept = pitches.send(stays, job.id, PitchData(body="Me."))
    pitches.send(leaves, job.id, PitchData(body="Me too."))
    assert unread_badge_is_exact(poster.id) == 2

    delete_account(leaves, "leaves", time.time())

    assert [p.id for p in db.session.scalars(select(Pitch))] == [kept.id]
    assert db.session.get(Opportunity, job.id).pitch_count == 1
    assert unread_badge_is_exact(poster.id) == 1


def test_saved_searches_go_with_their_owner_and_a_leaving_bee_leaves_every_list(app):
    recruiter = set_account_kind(make_bee(handle="recruiter"), "recruiter")
    other = set_account_kind(make_bee(), "recruiter")
    found = make_bee(handle="found")
    for owner in (recruiter, other):
        saved = SavedSearch(bee_id=owner.id, name="Python people", query="skills=python")
        db.session.add(saved)
        db.session.flush()
        db.session.add(SavedSearchMatch(saved_search_id=saved.id, bee_id=found.id))
    db.session.commit()

    delete_account(recruiter, "recruiter", time.time())
    assert [s.bee_id for s in db.session.scalars(select(SavedSearch))] == [other.id]
    delete_account(found, "found", time.time())
    assert db.session.scalar(select(func.count()).select_from(SavedSearchMatch)) == 0
