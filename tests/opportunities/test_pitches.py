"""Answers to opportunities: one per bee, only while open, the pipeline, and a notice to the
other side at every step."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.notifications.models import Notice
from app.notifications.services import set_preferences
from app.opportunities import pitches, services
from app.opportunities.models import Opportunity, Pitch, PitchState
from app.opportunities.pitches import PitchData
from app.opportunities.services import OpportunityData
from app.profiles import record
from app.profiles.models import WorkSample
from app.profiles.services import block, set_account_kind
from tests.factories import make_bee


def posted(kind: str = "story_call", **overrides):
    poster = set_account_kind(make_bee(), "editor")
    values = {"kind": kind, "title": "A call", "description": "Tell us."}
    values.update(overrides)
    return poster, services.post_opportunity(poster, OpportunityData(**values))


def notices(bee) -> list[tuple[str, int | None]]:
    return [
        (notice.kind, notice.pitch_id)
        for notice in db.session.scalars(select(Notice).where(Notice.bee_id == bee.id).order_by(Notice.id))
    ]


def sample_of(bee, title="My piece") -> int:
    record.add_entry(bee, "samples", title=title, url="https://example.org/piece")
    return db.session.scalar(
        select(WorkSample.id).where(WorkSample.bee_id == bee.id, WorkSample.title == title)
    )


def test_a_pitch_tells_the_poster_and_every_move_tells_the_bee(app):
    poster, call = posted()
    bee = make_bee()
    pitch = pitches.send(bee, call.id, PitchData(idea="Runners at night", body="A *summary*."))
    assert pitch.state == PitchState.NEW
    assert "<em>summary</em>" in pitch.body_html
    assert notices(poster) == [("pitch_received", pitch.id)]
    assert db.session.get(Opportunity, call.id).pitch_count == 1

    for state, told in (
        ("shortlisted", "pitch_shortlisted"),
        ("new", "pitch_reopened"),
        ("accepted", "pitch_accepted"),
        ("declined", "pitch_declined"),
    ):
        assert pitches.move(poster, pitch.id, state).state == state
        assert notices(bee)[-1] == (told, pitch.id)
    assert len(notices(bee)) == 4
    pitches.move(poster, pitch.id, "declined")  # already there: nothing new is said
    assert len(notices(bee)) == 4
    db.session.expire_all()
    assert db.session.get(type(bee), bee.id).unread_notices == 4


def test_an_application_carries_the_bees_own_samples_only(app):
    _, job = posted("job")
    bee, other = make_bee(), make_bee()
    mine, theirs = sample_of(bee), sample_of(other)
    with pytest.raises(ValidationError) as refused:
        pitches.send(bee, job.id, PitchData(body="Hire me.", sample_ids=(mine, theirs)))
    assert refused.value.field == "samples"
    assert db.session.scalar(select(func.count()).select_from(Pitch)) == 0
    pitch = pitches.send(bee, job.id, PitchData(body="Hire me.", idea="ignored", sample_ids=(mine,)))
    assert [sample.id for sample in pitch.samples] == [mine]
    assert pitch.idea == ""  # applications have no idea line


@pytest.mark.parametrize(
    ("kind", "draft", "field"),
    [
        ("story_call", PitchData(body="A summary."), "idea"),
        ("story_call", PitchData(idea="An idea", body="  "), "body"),
        ("job", PitchData(body=""), "body"),
        ("job", PitchData(body="x" * 5_001), "body"),
        ("story_call", PitchData(idea="i" * 201, body="x"), "idea"),
        ("job", PitchData(body="Hi", sample_ids=(1, 2, 3, 4, 5, 6)), "samples"),
        ("job", PitchData(body="Hi", sample_ids=(2**40,)), "samples"),
    ],
)
def test_bad_answers_are_refused_whole(app, kind, draft, field):
    poster, opportunity = posted(kind)
    with pytest.raises(ValidationError) as refused:
        pitches.send(make_bee(), opportunity.id, draft)
    assert refused.value.field == field
    assert db.session.scalar(select(func.count()).select_from(Pitch)) == 0
    assert notices(poster) == []


def test_one_answer_per_bee_and_none_to_ones_own(app):
    poster, call = posted()
    bee = make_bee()
    pitches.send(bee, call.id, PitchData(idea="One", body="Once."))
    with pytest.raises(Conflict):
        pitches.send(bee, call.id, PitchData(idea="Two", body="Twice."))
    with pytest.raises(PermissionDenied):
        pitches.send(poster, call.id, PitchData(idea="Mine", body="Me."))
    assert db.session.scalar(select(func.count()).select_from(Pitch)) == 1


def test_closed_or_past_deadline_opportunities_take_nothing_new(app):
    poster, call = posted()
    waiting, decided = make_bee(), make_bee()
    first = pitches.send(waiting, call.id, PitchData(idea="A", body="a"))
    second = pitches.send(decided, call.id, PitchData(idea="B", body="b"))
    pitches.move(poster, second.id, "declined")
    services.close_opportunity(poster, call.id)
    assert notices(waiting)[-1] == ("opportunity_closed", None)
    assert notices(decided)[-1] == ("pitch_declined", second.id)  # a decided answer is not told again
    with pytest.raises(Conflict):
        pitches.send(make_bee(), call.id, PitchData(idea="Late", body="Too late."))
    assert pitches.move(poster, first.id, "accepted").state == "accepted"  # the pipeline goes on

    _, due = posted(deadline=services.today())
    pitches.send(make_bee(), due.id, PitchData(idea="Just in time", body="Today."))
    db.session.execute(
        update(Opportunity)
        .where(Opportunity.id == due.id)
        .values(deadline=services.today() - timedelta(days=1))
    )
    db.session.commit()
    with pytest.raises(Conflict):
        pitches.send(make_bee(), due.id, PitchData(idea="Late", body="A day late."))
    assert (
        db.session.scalar(select(func.count()).select_from(Pitch).where(Pitch.opportunity_id == due.id)) == 1
    )


def test_a_block_either_way_hides_the_opportunity(app):
    poster, call = posted()
    bee = make_bee()
    block(poster, bee)
    with pytest.raises(NotFound):
        pitches.send(bee, call.id, PitchData(idea="Hi", body="Hello."))


def test_withdrawing_tells_the_poster_and_ends_the_answer(app):
    poster, call = posted()
    bee = make_bee()
    pitch = pitches.send(bee, call.id, PitchData(idea="A", body="a"))
    with pytest.raises(PermissionDenied):
        pitches.withdraw(poster, pitch.id)
    assert pitches.withdraw(bee, pitch.id).state == "withdrawn"
    assert notices(poster)[-1] == ("pitch_withdrawn", pitch.id)
    with pytest.raises(Conflict):
        pitches.move(poster, pitch.id, "accepted")
    with pytest.raises(Conflict):
        pitches.withdraw(bee, pitch.id)


def test_only_the_two_sides_read_an_answer_and_only_the_poster_moves_it(app):
    poster, call = posted()
    bee, stranger = make_bee(), make_bee()
    pitch = pitches.send(bee, call.id, PitchData(idea="A", body="a"))
    assert pitches.answer_for(poster, pitch.id).id == pitch.id
    assert pitches.answer_for(bee, pitch.id).id == pitch.id
    for reader, pitch_id in ((stranger, pitch.id), (bee, 0), (bee, 2**40)):
        with pytest.raises(NotFound):
            pitches.answer_for(reader, pitch_id)
    with pytest.raises(NotFound):
        pitches.move(stranger, pitch.id, "accepted")
    with pytest.raises(PermissionDenied):
        pitches.move(bee, pitch.id, "accepted")
    with pytest.raises(ValidationError):
        pitches.move(poster, pitch.id, "withdrawn")
    with pytest.raises(PermissionDenied):
        pitches.pipeline(bee, call, "new")
    assert [p.id for p in pitches.pipeline(poster, call, "new")] == [pitch.id]


def test_a_poster_may_turn_off_notices_of_answers_but_bees_always_hear_of_moves(app):
    poster, call = posted()
    set_preferences(poster, [])
    bee = make_bee()
    set_preferences(bee, [])
    pitch = pitches.send(bee, call.id, PitchData(idea="A", body="a"))
    pitches.move(poster, pitch.id, "accepted")
    assert notices(poster) == []
    assert notices(bee) == [("pitch_accepted", pitch.id)]


def test_bees_see_everything_they_sent_newest_first(app):
    bee = make_bee()
    sent = []
    for _ in range(3):
        _poster, call = posted()
        sent.append(pitches.send(bee, call.id, PitchData(idea="Idea", body="Body")).id)
    page, cursor = pitches.sent_by(bee)
    assert [p.id for p in page] == sent[::-1]
    assert cursor is None
