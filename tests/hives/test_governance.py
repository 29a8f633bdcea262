"""Hive governance: roles, private hives and requests, reports and the queue, removal, warnings,
bans, the log, site admins and suspension."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from app.admin import services as admin_services
from app.db import write_transaction
from app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.hives import log as moderation_log
from app.hives import moderation, review, roles
from app.hives import services as hive_services
from app.hives.models import Action, CaseState, LogEntry, Membership, Report, Role
from app.hives.services import create_hive, join_hive, leave_hive, membership_of, withdraw_request
from app.notifications.models import Notice
from app.posts import comments, queries
from app.posts.comments import add_comment
from app.posts.models import PostState
from app.posts.services import delete_post, may_see, publish_post, visible_post
from app.profiles.models import Bee, utcnow
from app.profiles.services import block, follow
from tests.factories import make_bee, make_hive, make_post


def count(post) -> int:
    db.session.refresh(post)
    return post.delivered_count


def ids(page) -> list[int]:
    return [post.id for post in page.posts]


def notices(bee) -> list[str]:
    return list(db.session.scalars(select(Notice.kind).where(Notice.bee_id == bee.id).order_by(Notice.id)))


def log_actions(hive) -> list[str]:
    hive_id = hive.id if hive else None
    where = LogEntry.hive_id.is_(None) if hive_id is None else LogEntry.hive_id == hive_id
    return list(db.session.scalars(select(LogEntry.action).where(where).order_by(LogEntry.id)))


def make_admin(**overrides) -> Bee:
    bee = make_bee(**overrides)
    with write_transaction():
        db.session.merge(bee).is_admin = True
    db.session.refresh(bee)
    return bee


# Roles ------------------------------------------------------------------------------------


def test_the_owner_appoints_and_removes_moderators_and_hands_the_hive_on(app):
    owner, mod, member = make_bee(), make_bee(), make_bee()
    hive = make_hive(owner=owner, members=[mod, member])
    roles.appoint_moderator(owner, hive, mod)
    assert membership_of(mod.id, hive.id).role == Role.MODERATOR
    with pytest.raises(Conflict):
        roles.appoint_moderator(owner, hive, mod)
    with pytest.raises(PermissionDenied):  # moderators do not appoint
        roles.appoint_moderator(mod, hive, member)
    roles.remove_moderator(owner, hive, mod)
    assert membership_of(mod.id, hive.id).role == Role.MEMBER
    roles.transfer_ownership(owner, hive, member)
    assert membership_of(member.id, hive.id).role == Role.OWNER
    assert membership_of(owner.id, hive.id).role == Role.MODERATOR
    leave_hive(owner, hive)  # no longer the owner, so free to go
    with pytest.raises(PermissionDenied):
        leave_hive(member, hive)
    assert notices(mod) == ["made_moderator", "moderator_removed"]
    assert notices(member) == ["made_owner"]
    assert log_actions(hive) == [
        Action.MODERATOR_APPOINTED,
        Action.MODERATOR_REMOVED,
        Action.OWNERSHIP_TRANSFERRED,
    ]


def test_only_members_take_roles(app):
    owner, outsider = make_bee(), make_bee()
    hive = make_hive(owner=owner)
    with pytest.raises(ValidationError):
        roles.appoint_moderator(owner, hive, outsider)
    with pytest.raises(ValidationError):
        roles.transfer_ownership(owner, hive, outsider)


def test_moderators_cannot_act_against_the_owner_or_each_other(app):
    owner, mod_a, mod_b, member = make_bee(), make_bee(), make_bee(), make_bee()
    hive = make_hive(owner=owner, members=[mod_a, mod_b, member])
    for mod in (mod_a, mod_b):
        roles.appoint_moderator(owner, hive, mod)
    by_owner, by_b, by_member = (make_post(bee, hives=[hive]) for bee in (owner, mod_b, member))
    for post in (by_owner, by_b):
        with pytest.raises(PermissionDenied):
            moderation.remove_from_hive(mod_a, hive, post, "no")
        with pytest.raises(PermissionDenied):
            moderation.warn(mod_a, hive, post, "no")
    for target in (owner, mod_b):
        with pytest.raises(PermissionDenied):
            moderation.ban(mod_a, hive, target, "no")
    with pytest.raises(PermissionDenied):
        moderation.ban(owner, hive, owner, "no")  # nobody bans the owner, the owner included
    moderation.remove_from_hive(mod_a, hive, by_member, "Off-topic here.")
    moderation.ban(owner, hive, mod_b, "Abused the role.")  # the owner may act on a moderator
    assert membership_of(mod_b.id, hive.id).role == Role.MEMBER


def test_site_admins_act_in_any_hive_but_not_on_each_other(app):
    owner, member = make_bee(), make_bee()
    admin, other_admin = make_admin(), make_admin()
    hive = make_hive(owner=owner, members=[member, other_admin])
    post = make_post(owner, hives=[hive])
    moderation.remove_from_hive(admin, hive, post, "Spam, even from the owner.")
    roles.appoint_moderator(admin, hive, member)
    roles.transfer_ownership(admin, hive, member)
    with pytest.raises(PermissionDenied):
        moderation.ban(admin, hive, other_admin, "no")
    with pytest.raises(PermissionDenied):
        moderation.ban(member, hive, other_admin, "no")  # the new owner cannot ban an admin either
    assert log_actions(hive) == [
        Action.POST_REMOVED,
        Action.MODERATOR_APPOINTED,
        Action.OWNERSHIP_TRANSFERRED,
    ]


# Private hives ----------------------------------------------------------------------------


def test_a_private_hive_takes_requests_and_tells_the_outcome(app):
    owner, asker, declined = make_bee(), make_bee(), make_bee()
    hive = create_hive(owner, "Secret Garden", "", "", is_private=True)
    earlier = make_post(owner, hives=[hive])
    assert join_hive(asker, hive).state == "pending"
    with pytest.raises(Conflict):
        join_hive(asker, hive)
    assert ids(queries.home_feed(asker.id)) == []
    assert [bee.id for _m, bee in review.pending_requests(hive)] == [asker.id]
    roles.answer_request(owner, hive, asker, approve=True)
    assert ids(queries.home_feed(asker.id)) == [earlier.id]
    assert count(earlier) == 1
    join_hive(declined, hive)
    roles.answer_request(owner, hive, declined, approve=False)
    with pytest.raises(Conflict):
        roles.answer_request(owner, hive, declined, approve=True)
    assert notices(asker) == ["join_approved"]
    assert notices(declined) == ["join_declined"]
    join_hive(declined, hive)  # may ask again
    withdraw_request(declined, hive)
    assert membership_of(declined.id, hive.id).state == "left"
    assert log_actions(hive) == [Action.JOIN_APPROVED, Action.JOIN_DECLINED]


def test_a_private_post_reaches_the_hive_alone(app):
    owner, member, fan = make_bee(), make_bee(), make_bee()
    hive = create_hive(owner, "Inner Circle", "", "", is_private=True)
    public = make_hive(owner=owner)
    join_hive(member, hive)
    roles.answer_request(owner, hive, member, approve=True)
    follow(fan, owner)
    post = make_post(owner, "members only", hives=[hive])
    assert post.private_hive_id == hive.id
    assert count(post) == 1  # the member, not the follower
    assert ids(queries.home_feed(fan.id)) == []
    assert ids(queries.home_feed(member.id)) == [post.id]
    assert ids(queries.profile_feed(owner.id, viewer_id=fan.id)) == []
    assert ids(queries.profile_feed(owner.id, viewer_id=member.id)) == [post.id]
    assert ids(queries.profile_feed(owner.id, viewer_id=owner.id)) == [post.id]
    assert not may_see(fan, post)
    assert may_see(member, post)
    assert not may_see(None, post)
    with pytest.raises(ValidationError, match="private hive"):
        publish_post(owner, "buzz", "both", None, [hive.id, public.id])


def test_a_private_hive_shows_outsiders_its_door_only(app, client, login):
    owner, member = make_bee(), make_bee()
    hive = create_hive(owner, "Closed Circle", "A description anyone reads.", "", is_private=True)
    join_hive(member, hive)
    roles.answer_request(owner, hive, member, approve=True)
    post = make_post(member, "whisper whisper", hives=[hive])
    page = client.get(f"/hives/{hive.slug}").get_data(as_text=True)
    assert "A description anyone reads." in page
    assert "whisper" not in page
    assert "only its members see" in page
    for path in (f"/hives/{hive.slug}/members", f"/hives/{hive.slug}/log"):
        assert client.get(path).status_code == 403
    assert client.get(f"/posts/{post.id}").status_code == 404
    assert client.get(f"/hives/{hive.slug}/rules").status_code == 200
    assert f"result-post-{post.id}" not in client.get("/search", query_string={"q": "whisper"}).get_data(
        as_text=True
    )
    assert hive.name not in client.get(f"/@{member.handle}").get_data(as_text=True)
    login(member)
    assert "whisper" in client.get(f"/hives/{hive.slug}").get_data(as_text=True)
    assert client.get(f"/hives/{hive.slug}/members").status_code == 200
    assert f"result-post-{post.id}" in client.get("/search", query_string={"q": "whisper"}).get_data(
        as_text=True
    )
    assert hive.name in client.get(f"/@{member.handle}").get_data(as_text=True)


# Reports and the queue ---------------------------------------------------------------------


def test_a_report_reaches_each_hive_of_the_post_once_per_bee(app):
    owner, author, a, b = make_bee(), make_bee(), make_bee(), make_bee()
    one, two = make_hive(owner=owner, members=[author]), make_hive(owner=owner, members=[author])
    post = make_post(author, hives=[one, two])
    moderation.report_post(a, post, "spam", "Third time today.")
    with pytest.raises(Conflict):
        moderation.report_post(a, post, "insult")
    moderation.report_post(b, post, "spam")
    with pytest.raises(PermissionDenied):
        moderation.report_post(author, post, "spam")
    with pytest.raises(ValidationError):
        moderation.report_post(owner, post, "not-a-reason")
    with pytest.raises(ValidationError):
        moderation.report_post(owner, post, "other", "x" * 1001)
    for hive in (one, two):
        items, _next = review.queue(hive, CaseState.OPEN)
        assert [(item.post.id, item.report_count, item.reasons) for item in items] == [
            (post.id, 2, [("spam", 2)])
        ]
        assert items[0].details == ["Third time today."]
    assert db.session.scalar(select(func.count(Report.id))) == 2


def test_the_queue_is_oldest_first_and_a_dismissal_reopens_on_a_new_report(app):
    owner, author, a, b = make_bee(), make_bee(), make_bee(), make_bee()
    hive = make_hive(owner=owner, members=[author])
    first, second = make_post(author, hives=[hive]), make_post(author, hives=[hive])
    moderation.report_post(a, first, "off_topic")
    moderation.report_post(a, second, "misinformation")
    assert [item.post.id for item in review.queue(hive, CaseState.OPEN)[0]] == [first.id, second.id]
    case = review.case_of(hive.id, first.id)
    moderation.dismiss(owner, hive, case, "It is on topic.")
    with pytest.raises(Conflict):
        moderation.dismiss(owner, hive, case)
    assert [item.post.id for item in review.queue(hive, CaseState.OPEN)[0]] == [second.id]
    assert [item.post.id for item in review.queue(hive, CaseState.RESOLVED)[0]] == [first.id]
    moderation.report_post(b, first, "off_topic")
    assert {item.post.id for item in review.queue(hive, CaseState.OPEN)[0]} == {first.id, second.id}
    moderation.warn(owner, hive, second, "Check your sources.")
    moderation.report_post(b, second, "misinformation")  # reported again after the warning
    assert {item.post.id for item in review.queue(hive, CaseState.OPEN)[0]} == {first.id, second.id}


def test_a_post_in_no_hive_is_reported_to_the_site_admins(app):
    admin, author, reader = make_admin(), make_bee(), make_bee()
    post = make_post(author)
    moderation.report_post(reader, post, "insult")
    items, _ = review.queue(None, CaseState.OPEN)
    assert [item.post.id for item in items] == [post.id]
    with pytest.raises(PermissionDenied):
        moderation.dismiss(reader, None, items[0].case)
    moderation.dismiss(admin, None, items[0].case)
    assert log_actions(None) == [Action.REPORT_DISMISSED]


# Acting on posts ---------------------------------------------------------------------------


def test_removing_a_post_from_a_hive_keeps_it_for_followers(app):
    owner, author, fan, member, both = make_bee(), make_bee(), make_bee(), make_bee(), make_bee()
    hive = make_hive(owner=owner, members=[author, member, both])
    other = make_hive(owner=owner, members=[author, both])
    follow(fan, author)
    post = make_post(author, hives=[hive, other])
    assert count(post) == 4  # fan, the owner, member, both
    moderation.report_post(member, post, "off_topic")
    moderation.remove_from_hive(owner, hive, post, "Not about this hive.")
    assert ids(queries.hive_feed(hive.id)) == []
    assert ids(queries.hive_feed(other.id)) == [post.id]
    assert ids(queries.home_feed(member.id)) == []
    assert post.id in ids(queries.home_feed(fan.id))
    assert post.id in ids(queries.home_feed(both.id))
    assert count(post) == 3  # fan, both, and the owner through the other hive
    assert review.case_of(hive.id, post.id).state == CaseState.RESOLVED
    assert notices(author) == ["followed", "post_removed"]  # the fan's follow, then the removal
    with pytest.raises(Conflict):
        moderation.remove_from_hive(owner, hive, post, "again")
    with pytest.raises(ValidationError):
        moderation.remove_from_hive(owner, other, post, "   ")  # a reason is required


def test_removing_a_private_hive_post_removes_it_everywhere_but_for_its_author(app):
    owner, author = make_bee(), make_bee()
    hive = create_hive(owner, "Quiet Room", "", "", is_private=True)
    join_hive(author, hive)
    roles.answer_request(owner, hive, author, approve=True)
    post = make_post(author, "secret", hives=[hive])
    moderation.remove_from_hive(owner, hive, post, "Breaks rule 2.")
    db.session.refresh(post)
    assert post.state == PostState.REMOVED
    assert not may_see(owner, post)
    assert may_see(author, post)
    assert ids(queries.profile_feed(author.id, viewer_id=author.id)) == []


def test_a_warning_tells_the_author_and_keeps_the_post(app):
    owner, author, reader = make_bee(), make_bee(), make_bee()
    hive = make_hive(owner=owner, members=[author])
    post = make_post(author, hives=[hive])
    moderation.report_post(reader, post, "insult")
    moderation.warn(owner, hive, post, "Please keep it civil.")
    assert ids(queries.hive_feed(hive.id)) == [post.id]
    notice = db.session.scalar(select(Notice).where(Notice.bee_id == author.id))
    assert (notice.kind, notice.reason, notice.post_id) == ("warned", "Please keep it civil.", post.id)
    assert review.case_of(hive.id, post.id).resolution == Action.AUTHOR_WARNED
    db.session.refresh(author)
    assert author.unread_notices == 1


# Bans --------------------------------------------------------------------------------------


def test_a_banned_bee_cannot_post_or_rejoin_until_unbanned(app):
    owner, bee = make_bee(), make_bee()
    hive = make_hive(owner=owner, members=[bee])
    by_owner = make_post(owner, hives=[hive])
    moderation.ban(owner, hive, bee, "Repeated insults.")
    assert count(by_owner) == 0
    assert ids(queries.home_feed(bee.id)) == []
    with pytest.raises(PermissionDenied):
        publish_post(bee, "buzz", "let me back", None, [hive.id])
    with pytest.raises(PermissionDenied):
        join_hive(bee, hive)
    with pytest.raises(Conflict):
        moderation.ban(owner, hive, bee, "again")
    moderation.unban(owner, hive, bee)
    assert membership_of(bee.id, hive.id).state == "active"  # restored: was a member when banned
    assert count(by_owner) == 1
    assert ids(queries.home_feed(bee.id)) == [by_owner.id]
    assert notices(bee) == ["banned", "unbanned"]


def test_a_ban_until_a_date_ends_by_itself(app):
    owner, bee = make_bee(), make_bee()
    hive = make_hive(owner=owner)
    with pytest.raises(ValidationError):
        moderation.ban(owner, hive, bee, "spam", utcnow() - timedelta(days=1))
    moderation.ban(owner, hive, bee, "spam", utcnow() + timedelta(days=3))
    with pytest.raises(PermissionDenied):
        join_hive(bee, hive)
    with write_transaction():
        db.session.execute(update(Membership).values(banned_until=utcnow() - timedelta(minutes=1)))
    join_hive(bee, hive)
    assert membership_of(bee.id, hive.id).state == "active"


def test_a_ban_from_the_queue_removes_the_post_too(app):
    owner, author, reader = make_bee(), make_bee(), make_bee()
    hive = make_hive(owner=owner, members=[author])
    post = make_post(author, hives=[hive])
    moderation.report_post(reader, post, "spam")
    moderation.ban(owner, hive, author, "Spam bot.", post=post)
    assert ids(queries.hive_feed(hive.id)) == []
    assert log_actions(hive) == [Action.POST_REMOVED, Action.BANNED]
    assert review.case_of(hive.id, post.id).state == CaseState.RESOLVED


# The log -----------------------------------------------------------------------------------


def test_every_moderator_action_is_in_the_log(app):
    owner, mod, bee, reader = make_bee(), make_bee(), make_bee(), make_bee()
    hive = create_hive(owner, "Logged", "", "", is_private=True)
    for member in (mod, bee, reader):
        join_hive(member, hive)
        roles.answer_request(owner, hive, member, approve=True)
    asker = make_bee()
    join_hive(asker, hive)
    roles.answer_request(owner, hive, asker, approve=False)
    roles.appoint_moderator(owner, hive, mod)
    roles.update_rules(owner, hive, "1. Be kind.")
    posts = [make_post(bee, hives=[hive]) for _ in range(3)]
    for post in posts:
        moderation.report_post(reader, post, "spam")
    moderation.dismiss(mod, hive, review.case_of(hive.id, posts[0].id))
    moderation.warn(mod, hive, posts[1], "careful")
    moderation.remove_from_hive(mod, hive, posts[2], "spam")
    moderation.ban(mod, hive, bee, "spam", utcnow() + timedelta(days=1))
    moderation.unban(mod, hive, bee)
    roles.remove_moderator(owner, hive, mod)
    roles.transfer_ownership(owner, hive, mod)
    expected = [
        *[Action.JOIN_APPROVED] * 3,
        Action.JOIN_DECLINED,
        Action.MODERATOR_APPOINTED,
        Action.RULES_CHANGED,
        Action.REPORT_DISMISSED,
        Action.AUTHOR_WARNED,
        Action.POST_REMOVED,
        Action.BANNED,
        Action.UNBANNED,
        Action.MODERATOR_REMOVED,
        Action.OWNERSHIP_TRANSFERRED,
    ]
    assert log_actions(hive) == expected
    entries, _next = moderation_log.log_page(hive)
    assert [entry.action for entry in entries] == expected[::-1]
    assert all(entry.moderator_id in (owner.id, mod.id) for entry in entries)


def test_the_log_never_names_a_reporter(app, client, login):
    owner, author, reporter = make_bee(), make_bee(), make_bee(handle="quiet_reporter")
    hive = make_hive(owner=owner, members=[author, reporter])
    post = make_post(author, hives=[hive])
    moderation.report_post(reporter, post, "spam")
    moderation.remove_from_hive(owner, hive, post, "Spam.")
    page = client.get(f"/hives/{hive.slug}/log").get_data(as_text=True)
    assert "Spam." in page
    assert author.handle in page
    assert "quiet_reporter" not in page
    login(author)
    assert "quiet_reporter" not in client.get("/notices").get_data(as_text=True)


# Site admins and suspension ---------------------------------------------------------------


def test_a_site_admin_removes_a_post_everywhere(app, client, login):
    admin, author, fan = make_admin(), make_bee(), make_bee()
    follow(fan, author)
    post = make_post(author, "regrettable words")
    admin_services.remove_sitewide(admin, post, "Illegal content.")
    assert ids(queries.home_feed(fan.id)) == []
    assert ids(queries.profile_feed(author.id)) == []
    with pytest.raises(NotFound):
        visible_post(post.id, fan)
    with pytest.raises(PermissionDenied):
        admin_services.remove_sitewide(fan, make_post(author), "no")
    assert log_actions(None) == [Action.POST_REMOVED_SITE]
    login(author)
    page = client.get(f"/posts/{post.id}").get_data(as_text=True)
    assert "Moderators removed this post" in page
    assert "Illegal content." in page
    results = client.get("/search", query_string={"q": "regrettable"}).get_data(as_text=True)
    assert f"result-post-{post.id}" not in results


def test_a_suspended_bee_is_signed_out_and_cannot_log_in(app, client, login):
    admin, bee = make_admin(), make_bee()
    login(bee)
    assert client.get("/notices").status_code == 200
    admin_services.suspend(admin, bee, "Spam wave.")
    assert client.get("/notices").status_code == 302  # the open session ended
    response = client.post("/login", data={"login": bee.handle, "password": "correct horse battery"})
    assert response.status_code == 422
    assert "suspended" in response.get_data(as_text=True)
    with pytest.raises(PermissionDenied):
        admin_services.suspend(admin, admin, "no")
    admin_services.unsuspend(admin, bee)
    login(bee)
    assert log_actions(None) == [Action.BEE_SUSPENDED, Action.BEE_UNSUSPENDED]


def test_the_admin_command_grants_and_revokes(app):
    bee = make_bee(handle="future_admin")
    runner = app.test_cli_runner()
    assert "now a site admin" in runner.invoke(args=["admin", "grant", "future_admin"]).output
    db.session.refresh(bee)
    assert bee.is_admin
    assert runner.invoke(args=["admin", "grant", "nobody_here"]).exit_code != 0
    runner.invoke(args=["admin", "revoke", "future_admin"])
    db.session.refresh(bee)
    assert not bee.is_admin


# Pages --------------------------------------------------------------------------------------


def test_the_moderation_pages_work_for_moderators_only(app, client, login):
    owner, author, reader = make_bee(), make_bee(handle="loud_author"), make_bee()
    hive = make_hive(owner=owner, members=[author, reader])
    post = make_post(author, "buy cheap stuff", hives=[hive])
    login(reader)
    assert client.get(f"/hives/{hive.slug}/moderation/").status_code == 403
    response = client.post(f"/posts/{post.id}/report", data={"reason": "spam", "detail": "ads"})
    assert response.status_code == 302
    assert client.post(f"/posts/{post.id}/report", data={"reason": "spam"}).status_code == 409
    assert client.post(f"/posts/{make_post(owner).id}/report", data={"reason": "bogus"}).status_code == 422
    client.post("/logout")
    login(owner)
    queue = client.get(f"/hives/{hive.slug}/moderation/").get_data(as_text=True)
    assert "buy cheap stuff" in queue
    assert "Reported by 1 bee" in queue
    url = f"/hives/{hive.slug}/moderation/posts/{post.id}"
    assert client.post(url, data={"action": "remove", "reason": ""}).status_code == 422
    assert client.post(url, data={"action": "ban", "reason": "x", "until": "not-a-date"}).status_code == 422
    assert client.post(url, data={"action": "remove", "reason": "Ads."}).status_code == 302
    assert "buy cheap stuff" not in client.get(f"/hives/{hive.slug}").get_data(as_text=True)
    bans = f"/hives/{hive.slug}/moderation/bans"
    assert client.post(bans, data={"handle": "nobody_at_all", "reason": "x"}).status_code == 422
    assert (
        client.post(bans, data={"handle": "loud_author", "reason": "Ads.", "until": "2999-01-01"}).status_code
        == 302
    )
    dashboard = client.get(f"/hives/{hive.slug}/moderation/").get_data(as_text=True)
    assert re.search(r"Until .*2999", dashboard)


# Found in review ---------------------------------------------------------------------------


def test_a_block_does_not_shield_anyone_from_moderation(app, client, login):
    owner, author, admin = make_bee(), make_bee(), make_admin()
    hive = make_hive(owner=owner, members=[author])
    post = make_post(author, "blocked you all", hives=[hive])
    comment = add_comment(author, post, "and this")
    block(author, owner)
    block(author, admin)
    login(owner)
    assert client.get(f"/hives/{hive.slug}/moderation/posts/{post.id}").status_code == 200
    assert client.get(f"/hives/{hive.slug}/moderation/comments/{comment.id}").status_code == 200
    data = {"action": "remove", "reason": "Spam."}
    assert client.post(f"/hives/{hive.slug}/moderation/comments/{comment.id}", data=data).status_code == 302
    client.post("/logout")
    login(admin)
    assert client.get(f"/posts/{post.id}/remove").status_code == 200


def test_leaving_a_private_hive_ends_the_conversation_too(app):
    owner, member = make_bee(), make_bee()
    hive = create_hive(owner, "Closed Talk", "", "", is_private=True)
    join_hive(member, hive)
    roles.answer_request(owner, hive, member, approve=True)
    post = make_post(member, "mine", hives=[hive])
    add_comment(owner, post, "members only reply")
    leave_hive(member, hive)
    assert may_see(member, post)  # the author still sees their own post
    assert comments.conversation(post, member) == comments.NO_CONVERSATION
    with pytest.raises(PermissionDenied):
        add_comment(member, post, "still talking")


def test_no_admin_removes_another_admins_words(app):
    first, second = make_admin(), make_admin()
    post = make_post(second)
    comment = add_comment(second, make_post(make_bee()), "admin's comment")
    with pytest.raises(PermissionDenied):
        admin_services.remove_sitewide(first, post, "no")
    with pytest.raises(PermissionDenied):
        moderation.remove_comment_sitewide(first, comment, "no")


def test_a_banned_bee_cannot_report_in_the_hive(app):
    owner, bee = make_bee(), make_bee()
    hive = make_hive(owner=owner, members=[bee])
    post = make_post(owner, hives=[hive])
    comment = add_comment(owner, post, "a comment")
    moderation.ban(owner, hive, bee, "Trolling.")
    with pytest.raises(PermissionDenied):
        moderation.report_post(bee, post, "spam")
    with pytest.raises(PermissionDenied):
        moderation.report_comment(bee, comment, "spam")


def test_cases_close_when_what_was_reported_is_gone(app):
    owner, author, reporter = make_bee(), make_bee(), make_bee()
    one, two = make_hive(owner=owner, members=[author]), make_hive(owner=owner, members=[author])
    deleted, removed = make_post(author, hives=[one]), make_post(author, hives=[one, two])
    comment = add_comment(author, removed, "reported comment")
    moderation.report_post(reporter, deleted, "spam")
    moderation.report_comment(reporter, comment, "insult")
    delete_post(author, deleted)
    assert review.case_of(one.id, deleted.id).resolution == moderation.AUTHOR_DELETED
    moderation.remove_from_hive(owner, one, removed, "Off-topic here.")
    assert review.case_of(one.id, removed.id, comment.id).state == CaseState.RESOLVED
    assert review.case_of(two.id, removed.id, comment.id).state == CaseState.OPEN
    moderation.remove_comment(owner, two, comment, "Insult.")
    assert review.open_case_count(one) == review.open_case_count(two) == 0


def test_a_reply_to_a_reply_respects_both_authors_blocks(app):
    author, top, replier, blocked = make_bee(), make_bee(), make_bee(), make_bee()
    post = make_post(author)
    first = add_comment(top, post, "top")
    reply = add_comment(replier, post, "reply", first.id)
    block(replier, blocked)
    with pytest.raises(PermissionDenied):
        add_comment(blocked, post, "answering the reply", reply.id)


def test_a_renewed_ban_remembers_the_membership(app):
    owner, bee = make_bee(), make_bee()
    hive = make_hive(owner=owner, members=[bee])
    moderation.ban(owner, hive, bee, "First time.", utcnow() + timedelta(days=1))
    with write_transaction():
        db.session.execute(update(Membership).values(banned_until=utcnow() - timedelta(minutes=1)))
    moderation.ban(owner, hive, bee, "Again, after the first ended.")
    moderation.unban(owner, hive, bee)
    assert membership_of(bee.id, hive.id).state == "active"


def test_services_check_what_routes_check_too(app):
    """A future API or socket handler calls these services directly: the rules are theirs."""
    owner, member, outsider, other_owner = make_bee(), make_bee(), make_bee(), make_bee()
    private = create_hive(owner, "Quiet Corner", "", "", is_private=True)
    join_hive(member, private)
    roles.answer_request(owner, private, member, approve=True)
    secret = make_post(member, "members only", hives=[private])
    with pytest.raises(NotFound):
        moderation.report_post(outsider, secret, "spam")
    elsewhere = make_hive(owner=other_owner, members=[member])
    public_post = make_post(member, hives=[elsewhere])
    with pytest.raises(NotFound):  # a post of another hive
        moderation.warn(owner, private, public_post, "not yours to warn about")
    moderation.report_post(owner, public_post, "spam")
    with pytest.raises(NotFound):  # a case of another hive's queue
        moderation.dismiss(owner, private, review.case_of(elsewhere.id, public_post.id))
    with pytest.raises(PermissionDenied):
        hive_services.check_readable(outsider, private, membership_of(outsider.id, private.id))
    hive_services.check_readable(member, private, membership_of(member.id, private.id))
