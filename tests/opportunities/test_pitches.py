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
    assert [(s.sample_id, s.title, s.url) for s in pitch.samples] == [
        (mine, "My piece", "https://example.org/piece")
    ]
    assert pitch.idea == ""  # applications have no idea line
    # The poster keeps what was sent, whatever the profile becomes.
    record.change_entry(bee, "samples", mine, title="Renamed", url="https://example.org/elsewhere")
    record.remove_entry(bee, "samples", mine)
    db.session.expire_all()
    kept = db.session.get(Pitch, pitch.id).samples
    assert [(s.sample_id, s.title, s.url) for s in kept] == [(None, "My piece", "https://example.org/piece")]


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
    assert [p.id for p in pitches.pipeline(poster, call, "new")[0]] == [pitch.id]


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


def test_a_block_either_way_ends_the_pipeline_for_that_answer(app):
    poster, call = posted()
    blocked_by_bee, blocked_by_poster, other = make_bee(), make_bee(), make_bee()
    first = pitches.send(blocked_by_bee, call.id, PitchData(idea="A", body="a"))
    second = pitches.send(blocked_by_poster, call.id, PitchData(idea="B", body="b"))
    kept = pitches.send(other, call.id, PitchData(idea="C", body="c"))
    block(blocked_by_bee, poster)
    block(poster, blocked_by_poster)
    for pitch in (first, second):
        with pytest.raises(NotFound):
            pitches.answer_for(poster, pitch.id)
        with pytest.raises(NotFound):
            pitches.move(poster, pitch.id, "accepted")
    assert [p.id for p in pitches.pipeline(poster, call, "new")[0]] == [kept.id]
    assert services.pitch_counts(call)["new"] == 1
    assert pitches.sent_by(blocked_by_bee) == ([], None)
    services.close_opportunity(poster, call.id)
    assert notices(blocked_by_bee) == []
    assert notices(blocked_by_poster) == []
    assert notices(other) == [("opportunity_closed", None)]


def test_moves_out_of_the_pipeline_say_why(app):
    poster, call = posted()
    pitch = pitches.send(make_bee(), call.id, PitchData(idea="A", body="a"))
    pitches.move(poster, pitch.id, "accepted")
    with pytest.raises(Conflict) as refused:
        pitches.move(poster, pitch.id, "new")
    assert "goes back to the shortlist first" in refused.value.message


def test_the_pipeline_and_what_was_sent_come_in_pages(app):
    poster, call = posted()
    senders = [make_bee() for _ in range(pitches.PAGE_SIZE + 2)]
    sent = [pitches.send(bee, call.id, PitchData(idea="I", body="b")).id for bee in senders]
    first, after = pitches.pipeline(poster, call, "new")
    second, end = pitches.pipeline(poster, call, "new", after)
    assert [p.id for p in first + second] == sent
    assert end is None
    bee = senders[0]
    mine = [sent[0]]
    for _ in range(pitches.PAGE_SIZE + 1):
        _poster, other_call = posted()
        mine.append(pitches.send(bee, other_call.id, PitchData(idea="I", body="b")).id)
    page, before = pitches.sent_by(bee)
    rest, end = pitches.sent_by(bee, before)
    assert [p.id for p in page + rest] == mine[::-1]
    assert end is None
