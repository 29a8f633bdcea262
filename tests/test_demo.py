"""The demo network `make run` loads: believable, in five languages, and consistent."""

from __future__ import annotations

import re
from datetime import UTC, timedelta

from sqlalchemy import func, select

from app.demo import loader
from app.extensions import db
from app.hives import log as moderation_log
from app.hives import review
from app.hives.models import Hive, Membership, MembershipState
from app.notifications.models import Notice
from app.opportunities import matching, pitches, services
from app.opportunities.models import Opportunity, OpportunityKind, OpportunityState, Pitch, PitchState
from app.posts import delivery, queries
from app.posts.models import Comment, Post, PostHive, Reaction
from app.profiles import record
from app.profiles.models import Bee, Follow, WorkSample

SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06FF]"),
    "he": re.compile(r"[\u0590-\u05FF]"),
    "ur": re.compile(r"[ےںڈٹڑ]"),
    "es": re.compile(r"[ñáéíóú¿¡]"),
    "en": re.compile(r"\b(the|and|with)\b"),
}


def test_demo_network_is_believable_and_consistent(app):
    made = loader.load()
    assert made["bees"] >= 40
    assert made["hives"] == 13
    assert made["posts"] >= 400
    assert made["comments"] >= 30
    assert db.session.scalar(select(func.count(Comment.id))) == made["comments"]
    assert db.session.scalar(select(func.count(Bee.id))) == made["bees"]
    assert db.session.scalar(select(func.count(Hive.id))) == 13
    assert db.session.scalar(select(func.count(Hive.id)).where(Hive.is_private)) == 1
    assert db.session.scalar(select(func.count()).select_from(Follow)) == made["follows"] >= 200
    bees = db.session.scalars(select(Bee)).all()
    assert all(bee.display_name and bee.headline for bee in bees)

    posts = db.session.scalars(select(Post).order_by(Post.id)).all()
    assert len(posts) >= 400
    for language, pattern in SCRIPTS.items():
        assert sum(bool(pattern.search(p.body_source)) for p in posts) >= 20, language
    times = [p.created_at.replace(tzinfo=p.created_at.tzinfo or UTC) for p in posts]
    assert times == sorted(times), "ids must follow time"
    assert times[-1] - times[0] > timedelta(days=90)
    assert sum(p.kind == "honey" for p in posts) >= 30

    follows = {(f.follower_id, f.followee_id) for f in db.session.scalars(select(Follow))}
    members = {
        (m.bee_id, m.hive_id)
        for m in db.session.scalars(select(Membership).where(Membership.state == MembershipState.ACTIVE))
    }
    post_hives = {}
    for link in db.session.scalars(select(PostHive)):
        post_hives.setdefault(link.post_id, set()).add(link.hive_id)
    for post in posts:
        audience = set() if post.private_hive_id else {a for a, b in follows if b == post.author_id}
        audience |= {bee for bee, hive in members if hive in post_hives.get(post.id, ())}
        assert post.delivered_count == len(audience - {post.author_id}), post.id

    demo = db.session.scalar(select(Bee).where(Bee.handle == loader.DEMO_HANDLE))
    assert demo.check_password(loader.DEMO_PASSWORD)
    assert len(queries.home_feed(demo.id).posts) == 20
    moderated = db.session.scalar(
        select(Hive).join(Membership).where(Membership.bee_id == demo.id, Membership.role == "moderator")
    )
    assert [item.report_count for item in review.queue(moderated, "open")[0]] == [2]
    actions = [entry.action for entry in moderation_log.log_page(moderated)[0]]
    assert actions == ["author_warned", "moderator_appointed"]
    mentors = db.session.scalar(select(Hive).where(Hive.is_private))
    assert len(review.pending_requests(mentors)) == 1

    # Engagement: Relevant marks and shares counted exactly; notices and tag pages waiting.
    assert made["relevant"] >= 20
    assert made["shares"] >= 3
    marks = dict(db.session.execute(select(Reaction.post_id, func.count()).group_by(Reaction.post_id)).all())
    shared = dict(
        db.session.execute(
            select(Post.shared_post_id, func.count())
            .where(Post.kind == "share")
            .group_by(Post.shared_post_id)
        ).all()
    )
    for post in posts:
        assert post.relevant_count == marks.get(post.id, 0), post.id
        assert post.share_count == shared.get(post.id, 0), post.id
    kinds = set(db.session.scalars(select(Notice.kind).where(Notice.bee_id == demo.id)))
    assert {"relevant", "shared", "mentioned"} <= kinds
    assert len(queries.tag_feed("trailrunning", viewer_id=demo.id).posts) >= 2
    assert len(queries.tag_feed("خط_عربي", viewer_id=demo.id).posts) >= 1
    # Whole people: interests for all, full records for some, a recruiter and an editor.
    layla = db.session.scalar(select(Bee).where(Bee.handle == "layla_haddad"))
    data = record.snapshot(layla)
    assert "الخط العربي" in data.interests
    assert data.positions
    assert data.skills
    assert data.languages
    assert "<strong>" in layla.statement_html
    kinds = dict(
        db.session.execute(select(Bee.handle, Bee.account_kind).where(Bee.account_kind != "bee")).all()
    )
    assert kinds == {"sam_whitfield": "recruiter", "julia_fenwick": "editor"}
    assert db.session.scalar(select(func.count()).select_from(Bee).where(Bee.open_to_work)) >= 2
    everyone = db.session.scalars(select(Bee)).all()
    assert all(record.snapshot(bee).interests for bee in everyone)

    # Opportunities: every kind, one closed, a story call announced to a whole hive, answers in
    # several languages at every step, and the demo bee suited, answering and told.
    offered = db.session.scalars(select(Opportunity).order_by(Opportunity.id)).all()
    assert len(offered) == made["opportunities"] >= 5
    assert {item.kind for item in offered} == set(OpportunityKind.ALL)
    assert [item.state for item in offered].count(OpportunityState.CLOSED) == 1
    call = next(item for item in offered if item.is_story_call and item.post_id)
    assert call.poster.account_kind == "editor"
    assert services.today() < call.deadline <= services.today() + timedelta(days=60)
    call_hives = list(db.session.scalars(select(PostHive.hive_id).where(PostHive.post_id == call.post_id)))
    announcement = db.session.get(Post, call.post_id)
    assert announcement.delivered_count == delivery.audience_size(call.poster_id, call_hives) > 0
    in_hive = {bee for bee, hive in members if hive in call_hives} - {call.poster_id}
    assert in_hive <= set(delivery.audience_ids(call.poster_id, call_hives))
    assert call.post_id in [post.id for post in queries.hive_feed(call_hives[0], viewer_id=demo.id).posts]
    assert any(item.is_story_call and not item.post_id for item in offered)

    suited = matching.suited_to(demo)  # what the demo bee has not answered yet
    assert suited
    sent = {
        answer.opportunity_id for answer in db.session.scalars(select(Pitch).where(Pitch.bee_id == demo.id))
    }
    assert len(sent) >= 2
    assert not sent & {item.opportunity.id for item in suited}
    assert all(item.strength > 0 and (item.skills or item.topics or item.hives) for item in suited)
    answers = db.session.scalars(select(Pitch)).all()
    assert len(answers) == made["answers"]
    assert set(PitchState.PIPELINE) <= {answer.state for answer in answers}
    for language in ("ar", "he", "ur", "es"):
        assert any(SCRIPTS[language].search(answer.body_source) for answer in answers), language
    with_samples = [answer for answer in answers if answer.samples]
    assert with_samples
    assert all(
        db.session.get(WorkSample, sample.sample_id).bee_id == answer.bee_id
        for answer in with_samples
        for sample in answer.samples
    )
    sent = pitches.sent_by(demo)[0]
    assert sent
    moved = db.session.scalars(
        select(Notice).where(Notice.bee_id == demo.id, Notice.pitch_id.in_([answer.id for answer in sent]))
    ).all()
    assert moved
    assert all(notice.kind.startswith("pitch_") and notice.read_at is None for notice in moved)


def test_demo_loads_only_into_an_empty_database(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "Demo login" in result.output
    count = db.session.scalar(select(func.count(Post.id)))
    again = runner.invoke(args=["demo", "load", "--if-empty"])
    assert again.exit_code == 0
    assert "keeping them" in again.output
    assert runner.invoke(args=["demo", "load"]).exit_code != 0
    assert db.session.scalar(select(func.count(Post.id))) == count
