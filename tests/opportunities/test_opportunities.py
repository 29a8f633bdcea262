"""Posting opportunities: who may, what is checked, and the 100% delivery of one posted to
hives; which opportunities suit a bee, and why."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from app.errors import Conflict, PermissionDenied, ValidationError
from app.extensions import db
from app.hives.services import create_hive, join_hive
from app.notifications.models import Notice
from app.opportunities import matching, services
from app.opportunities.models import Opportunity, OpportunityState
from app.opportunities.services import OpportunityData
from app.posts import delivery
from app.posts.models import Post
from app.posts.queries import home_feed_ids
from app.profiles import record
from app.profiles.data import ProfileData, SkillData
from app.profiles.services import block, follow, set_account_kind
from tests.factories import make_bee, make_hive


def editor(**overrides):
    return set_account_kind(make_bee(**overrides), "editor")


def story_call(**overrides) -> OpportunityData:
    values = {
        "kind": "story_call",
        "title": "Mountain races, told by the runners",
        "description": "We want **first-hand** stories of ultra races.",
        "skills": ("Data visualization",),
        "topics": ("Trail running",),
    }
    values.update(overrides)
    return OpportunityData(**values)


def profile(bee, *, skills=(), interests=(), hobbies=()):
    record.replace_profile(
        bee,
        ProfileData(
            bee.display_name,
            skills=tuple(SkillData(name) for name in skills),
            interests=tuple(interests),
            hobbies=tuple(hobbies),
        ),
    )


def test_a_story_call_posted_to_hives_reaches_every_member_and_follower(app):
    poster = editor()
    members = [make_bee() for _ in range(5)]
    others = [make_bee() for _ in range(2)]
    runners = make_hive(poster, members=members[:3])
    writers = make_hive(poster, members=members[2:])
    follower = make_bee()
    follow(follower, poster)
    blocked = make_bee()
    join_hive(blocked, runners)
    block(poster, blocked)

    opportunity = services.post_opportunity(poster, story_call(hive_ids=(runners.id, writers.id)))

    post = db.session.get(Post, opportunity.post_id)
    audience = set(delivery.audience_ids(poster.id, [runners.id, writers.id]))
    assert audience == {bee.id for bee in members} | {follower.id}
    assert post.delivered_count == len(audience) == 6
    for bee in [*members, follower]:
        assert post.id in home_feed_ids(bee.id, None, 50)
    for bee in [*others, blocked]:
        assert post.id not in home_feed_ids(bee.id, None, 50)
    assert f"/opportunities/{opportunity.id}" in post.body_html
    assert "Story call: Mountain races, told by the runners" in post.body_html


def test_an_opportunity_in_no_hive_writes_no_post(app):
    opportunity = services.post_opportunity(editor(), story_call(kind="job", title="Data editor"))
    assert opportunity.post_id is None
    assert db.session.scalar(select(func.count()).select_from(Post)) == 0
    assert [term.name for term in opportunity.terms] == ["Data visualization", "Trail running"]


def test_a_title_that_looks_like_markdown_is_announced_as_written(app):
    poster = editor()
    hive = make_hive(poster)
    opportunity = services.post_opportunity(
        poster, story_call(title="*Not* [a link](javascript:alert(1)) <b>x</b>", hive_ids=(hive.id,))
    )
    html = db.session.get(Post, opportunity.post_id).body_html
    assert "*Not* [a link](javascript:alert(1))" in html
    assert "<b>x</b>" not in html
    assert "javascript:alert" not in html.split("href")[-1]


def test_plain_bees_cannot_post_opportunities(app):
    with pytest.raises(PermissionDenied):
        services.post_opportunity(make_bee(), story_call())
    assert db.session.scalar(select(func.count()).select_from(Opportunity)) == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "gig"}, "kind"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 121}, "title"),
        ({"description": ""}, "description"),
        ({"description": "x" * 10_001}, "description"),
        ({"skills": tuple(f"skill {n}" for n in range(11))}, "skills"),
        ({"topics": ("\ud800",)}, "topics"),
        ({"deadline": services.today() - timedelta(days=1)}, "deadline"),
        ({"deadline": services.today() + timedelta(days=800)}, "deadline"),
        ({"compensation": "€" * 121}, "compensation"),
    ],
)
def test_bad_opportunities_are_refused_whole(app, changes, field):
    with pytest.raises(ValidationError) as refused:
        services.post_opportunity(editor(), story_call(**changes))
    assert refused.value.field == field
    assert db.session.scalar(select(func.count()).select_from(Opportunity)) == 0


def test_hives_must_be_the_posters_and_public(app):
    poster = editor()
    elsewhere = make_hive()
    with pytest.raises(PermissionDenied):
        services.post_opportunity(poster, story_call(hive_ids=(elsewhere.id,)))
    private = create_hive(poster, "Inner circle", "Quiet.", "quiet", is_private=True)
    with pytest.raises(ValidationError) as refused:
        services.post_opportunity(poster, story_call(hive_ids=(private.id,)))
    assert refused.value.field == "hives"
    assert db.session.scalar(select(func.count()).select_from(Opportunity)) == 0
    assert db.session.scalar(select(func.count()).select_from(Post)) == 0


def test_an_opportunity_suits_a_bee_for_named_reasons(app):
    poster = editor()
    hive = make_hive(poster, name="Data Journalism")
    bee = make_bee()
    join_hive(bee, hive)
    profile(bee, skills=("Data Visualization", "Python"), hobbies=("trail running",))
    opportunity = services.post_opportunity(poster, story_call(hive_ids=(hive.id,)))

    (item,) = matching.suited_to(bee)
    assert item.opportunity.id == opportunity.id
    assert item.skills == ["Data visualization"]  # in the poster's words
    assert item.topics == ["Trail running"]
    assert item.hives == ["Data Journalism"]
    assert item.strength == 3 + 2 + 1
    assert matching.reasons_for(bee, opportunity).strength == 6


def test_no_overlap_suggests_nothing_and_ties_go_to_the_newest(app):
    poster = editor()
    stranger = make_bee()
    profile(stranger, skills=("Knitting",))
    fan = make_bee()
    profile(fan, interests=("Trail running",), skills=("Python",))
    older = services.post_opportunity(poster, story_call(title="Older", skills=()))
    newer = services.post_opportunity(poster, story_call(title="Newer", skills=()))
    stronger = services.post_opportunity(poster, story_call(title="Stronger", skills=("python",)))

    assert matching.suited_to(stranger) == []
    suited = matching.suited_to(fan)
    assert [(item.opportunity.id, item.strength) for item in suited] == [
        (stronger.id, 5),
        (newer.id, 2),
        (older.id, 2),
    ]
    assert suited[0].skills == ["python"]
    assert suited[0].topics == ["Trail running"]
    nothing = matching.reasons_for(stranger, older)
    assert (nothing.strength, nothing.skills, nothing.topics, nothing.hives) == (0, [], [], [])


def test_closed_past_blocked_and_own_opportunities_are_not_suggested(app):
    poster = editor()
    fan = make_bee()
    profile(fan, interests=("Trail running",))
    closed = services.post_opportunity(poster, story_call(title="Closed"))
    services.close_opportunity(poster, closed.id)
    past = services.post_opportunity(poster, story_call(title="Past"))
    db.session.execute(
        update(Opportunity)
        .where(Opportunity.id == past.id)
        .values(deadline=services.today() - timedelta(days=1))
    )
    db.session.commit()
    today_ = services.post_opportunity(poster, story_call(title="Due today", deadline=services.today()))
    assert [item.opportunity.id for item in matching.suited_to(fan)] == [today_.id]
    assert matching.suited_to(poster) == []
    block(fan, poster)
    assert matching.suited_to(fan) == []
    page, _ = services.open_opportunities(fan)
    assert page == []


def test_the_open_list_is_newest_first_in_pages(app):
    poster = editor()
    made = [services.post_opportunity(poster, story_call(title=f"Call {n}")).id for n in range(25)]
    reader = make_bee()
    first, cursor = services.open_opportunities(reader)
    second, end = services.open_opportunities(reader, before=cursor)
    assert [o.id for o in first + second] == made[::-1]
    assert end is None
    assert services.open_opportunities(reader, kind="job")[0] == []
    with pytest.raises(ValidationError):
        services.open_opportunities(reader, kind="gig")


def test_closing_twice_is_a_conflict_and_only_the_poster_closes(app):
    poster = editor()
    opportunity = services.post_opportunity(poster, story_call())
    with pytest.raises(PermissionDenied):
        services.close_opportunity(editor(), opportunity.id)
    services.close_opportunity(poster, opportunity.id)
    assert db.session.get(Opportunity, opportunity.id).state == OpportunityState.CLOSED
    with pytest.raises(Conflict):
        services.close_opportunity(poster, opportunity.id)


def test_answered_opportunities_leave_for_you_and_a_deleted_announcement_leaves_no_hive_reason(app):
    from app.opportunities import pitches
    from app.opportunities.pitches import PitchData
    from app.posts.services import delete_post

    poster = editor()
    hive = make_hive(poster, name="Data Journalism")
    bee = make_bee()
    join_hive(bee, hive)
    answered = services.post_opportunity(
        poster, story_call(title="Answered", skills=(), topics=(), hive_ids=(hive.id,))
    )
    announced = services.post_opportunity(
        poster, story_call(title="Announced", skills=(), topics=(), hive_ids=(hive.id,))
    )
    assert [item.opportunity.id for item in matching.suited_to(bee)] == [announced.id, answered.id]
    pitches.send(bee, answered.id, PitchData(idea="Mine", body="A summary."))
    assert [item.opportunity.id for item in matching.suited_to(bee)] == [announced.id]
    delete_post(poster, db.session.get(Post, announced.post_id))
    assert matching.suited_to(bee) == []
    assert matching.reasons_for(bee, announced).hives == []


def test_the_announcement_reads_as_the_poster_wrote_it(app):
    poster = editor()
    hive = make_hive(poster)
    opportunity = services.post_opportunity(
        poster,
        story_call(
            title="# 1. Not_a *heading*", description="- not a list\n\n12. not a number", hive_ids=(hive.id,)
        ),
    )
    html = db.session.get(Post, opportunity.post_id).body_html
    assert "Story call: # 1. Not_a *heading*" in html
    assert '<p dir="auto">not a list not a number</p>' in html  # the opening's words, as text
    assert "<h1" not in html
    assert "<li" not in html


def test_terms_in_any_script_match_with_or_without_diacritics(app):
    poster = editor()
    calligraphy = services.post_opportunity(
        poster, story_call(title="Reed pens", skills=("خَطّ الثُّلُث",), topics=())
    )
    hebrew = services.post_opportunity(poster, story_call(title="Ink", skills=(), topics=("כְּתִיבָה",)))
    bee = make_bee()
    profile(bee, skills=("خط الثلث",), interests=("כתיבה",))
    suited = {item.opportunity.id: item for item in matching.suited_to(bee)}
    assert suited[calligraphy.id].skills == ["خَطّ الثُّلُث"]
    assert suited[hebrew.id].topics == ["כְּתִיבָה"]


def test_bees_the_announcement_mentions_are_told(app):
    poster = editor()
    hive = make_hive(poster)
    alice = make_bee(handle="alice")
    services.post_opportunity(
        poster, story_call(description="Ask @alice how she covered the last race.", hive_ids=(hive.id,))
    )
    kinds = db.session.scalars(select(Notice.kind).where(Notice.bee_id == alice.id)).all()
    assert kinds == ["mentioned"]
