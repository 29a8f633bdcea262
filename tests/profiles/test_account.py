"""Exporting everything a bee wrote, and deleting the account."""

from __future__ import annotations

import io
import json
import time
import zipfile
from datetime import timedelta
from urllib.parse import unquote

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.auth.services import register
from app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.hives.models import Hive, Membership, MembershipState
from app.hives.moderation import ban
from app.hives.queries import member_count
from app.hives.roles import appoint_moderator, transfer_ownership
from app.hives.services import create_hive, join_hive, leave_hive, membership_of
from app.messages.models import Conversation, Message, Participant
from app.messages.services import send_message
from app.notifications.models import Notice
from app.posts import delivery, queries
from app.posts.comments import add_comment
from app.posts.models import Comment, CommentState, Post, PostHive, PostState, Reaction
from app.posts.reactions import set_relevant
from app.posts.shares import share_post
from app.profiles import account, photos, record
from app.profiles.account import delete_account, purge_handles
from app.profiles.data import ProfileData
from app.profiles.models import Bee, Block, Follow, Position, utcnow
from app.profiles.queries import follow_counts
from app.profiles.services import block, follow, mute
from tests.factories import PASSWORD, make_bee, make_hive, make_post

NOW = time.time


def front_matter(text: str) -> tuple[dict, str]:
    """Parse front matter the way YAML would read these lines: each value is JSON."""
    assert text.startswith("---\n")
    head, _, body = text[4:].partition("\n---\n")
    fields = {}
    for line in head.split("\n"):
        key, _, value = line.partition(": ")
        fields[key] = json.loads(value)
    return fields, body


def assert_counts_exact() -> None:
    """Every count kept on a row equals a recount from scratch."""
    for post in db.session.scalars(select(Post).where(Post.state.in_(PostState.VISIBLE))):
        hive_ids = list(db.session.scalars(select(PostHive.hive_id).where(PostHive.post_id == post.id)))
        private = post.private_hive_id is not None
        assert post.delivered_count == delivery.audience_size(post.author_id, hive_ids, private=private)
        assert post.comment_count == db.session.scalar(
            select(func.count()).where(Comment.post_id == post.id, Comment.state.in_(CommentState.VISIBLE))
        )
        assert post.relevant_count == db.session.scalar(
            select(func.count()).where(Reaction.post_id == post.id)
        )
        assert post.share_count == db.session.scalar(
            select(func.count()).where(Post.shared_post_id == post.id, Post.state.in_(PostState.VISIBLE))
        )
    for bee in db.session.scalars(select(Bee)):
        assert bee.unread_notices == db.session.scalar(
            select(func.count()).where(Notice.bee_id == bee.id, Notice.read_at.is_(None))
        )
        assert bee.unread_messages == (
            db.session.scalar(select(func.sum(Participant.unread_count)).where(Participant.bee_id == bee.id))
            or 0
        )


def row_counts() -> dict[str, int]:
    """How many rows each table holds (to show that a refusal changed nothing)."""
    return {
        table.name: db.session.scalar(select(func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }


TRICKY_TITLE = "Yes: \"quoted\", 'single' — مرحبا بالعالم: # not a comment"
TRICKY_BODY = "Line one: with a colon\n---\nkey: value\n\"quotes\" and 'quotes'\nعربي\u2028after"


def test_export_holds_what_the_bee_wrote_and_nothing_of_others(app, client, login):
    bee, other = make_bee(handle="writer"), make_bee(handle="other")
    public = make_hive(owner=other, members=[bee])
    secret = make_hive(owner=bee, name="Secret garden")
    db.session.get(Hive, secret.id).is_private = True
    db.session.commit()
    honey = make_post(bee, TRICKY_BODY, kind="honey", title=TRICKY_TITLE, hives=[public])
    buzz = make_post(bee, "A #buzz with a tag")
    hidden = make_post(bee, "for the secret garden only", hives=[secret])
    theirs = make_post(other, "Their words: private to them")
    comment = add_comment(bee, theirs, 'My comment: "yes"\nsecond line')
    add_comment(other, theirs, "A comment by the other bee")
    shared = share_post(bee, theirs, "Passing it on")
    send_message(bee, other, "Hello from me: the writer")
    send_message(other, bee, "The other bee's private reply")
    login(bee)

    response = client.get("/settings/data/export.zip")

    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    disposition = response.headers["Content-Disposition"]
    assert f"apiary-writer-{utcnow().date().isoformat()}.zip" in disposition
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = archive.namelist()
    assert "README.txt" in names
    posts = {name: archive.read(name).decode() for name in names if name.startswith("posts/")}
    by_id = {int(name.split("-")[3]): text for name, text in posts.items()}
    assert set(by_id) == {honey.id, buzz.id, hidden.id, shared.id}
    fields, body = front_matter(by_id[honey.id])
    assert fields["kind"] == "honey"
    assert fields["title"] == TRICKY_TITLE
    assert fields["hives"] == [public.slug]
    assert unquote(fields["url"]).endswith(f"/@writer/{honey.slug}")
    assert fields["delivered_count"] == honey.delivered_count
    assert body.strip("\n") == TRICKY_BODY
    assert "\u2028" not in by_id[honey.id].split("\n---\n")[0]  # YAML would read it as a line break
    assert front_matter(by_id[buzz.id])[0]["tags"] == ["buzz"]
    assert front_matter(by_id[hidden.id])[0]["hives"] == [secret.slug]  # theirs, though private
    assert front_matter(by_id[shared.id])[0]["shares"].endswith(f"/posts/{theirs.id}")
    comments = [name for name in names if name.startswith("comments/")]
    assert comments == [f"comments/{comment.created_at.date().isoformat()}-{comment.id}.md"]
    fields, body = front_matter(archive.read(comments[0]).decode())
    assert fields["post"].endswith(f"/posts/{theirs.id}")
    assert body.strip() == 'My comment: "yes"\nsecond line'
    messages = archive.read("messages/other.md").decode()
    assert front_matter(messages)[0]["with"] == "@other"
    assert "Hello from me: the writer" in messages
    everything = b"".join(archive.read(name) for name in names).decode()
    assert "Their words" not in everything
    assert "A comment by the other bee" not in everything
    assert "private reply" not in everything
    assert json.loads(archive.read("resume.json"))["basics"]["name"] == bee.display_name


def test_export_includes_the_photo_when_there_is_one(app, client, login):
    bee = make_bee(photo="a" * 24)
    folder = photos.photo_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ("a" * 24 + "-400.webp")).write_bytes(b"RIFF-photo")
    login(bee)
    archive = zipfile.ZipFile(io.BytesIO(client.get("/settings/data/export.zip").data))
    assert archive.read("photo.webp") == b"RIFF-photo"


@pytest.mark.parametrize("url", ["/settings/data/export.zip", "/settings/account/delete"])
def test_anonymous_bees_are_sent_to_log_in(app, client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_deletion_needs_a_fresh_password_and_the_handle(app):
    bee = make_bee(handle="careful")
    before = row_counts()
    with pytest.raises(PermissionDenied):
        delete_account(bee, "careful", NOW() - 11 * 60)
    with pytest.raises(PermissionDenied):
        delete_account(bee, "careful", None)
    with pytest.raises(ValidationError):
        delete_account(bee, "careles", NOW())
    assert row_counts() == before
    assert db.session.get(Bee, bee.id, populate_existing=True).deleted_at is None


def test_the_pages_ask_for_the_password_again_then_the_handle(app, client, login):
    bee = login(make_bee(handle="leaver"))
    with client.session_transaction() as session:
        session["authenticated_at"] = NOW() - 3600
    page = client.get("/settings/account/delete").get_data(as_text=True)
    assert "download everything you wrote" in page
    assert 'name="password"' in page
    refused = client.post("/settings/account/delete", data={"handle": "leaver"})
    assert refused.status_code == 403
    assert db.session.get(Bee, bee.id, populate_existing=True).deleted_at is None
    wrong = client.post("/settings/account/reauthenticate", data={"password": "not my password"})
    assert wrong.status_code == 422
    assert "That password is not right." in wrong.get_data(as_text=True)
    right = client.post("/settings/account/reauthenticate", data={"password": PASSWORD})
    assert right.status_code == 302
    assert 'name="handle"' in client.get("/settings/account/delete").get_data(as_text=True)
    mistyped = client.post("/settings/account/delete", data={"handle": "someone"})
    assert mistyped.status_code == 422
    assert db.session.get(Bee, bee.id, populate_existing=True).deleted_at is None
    done = client.post("/settings/account/delete", data={"handle": "@Leaver"})
    assert done.status_code == 302
    assert db.session.get(Bee, bee.id, populate_existing=True).deleted_at is not None
    assert client.get("/settings/data/export.zip").status_code == 302  # logged out
    assert client.get("/@leaver").status_code == 404
    again = client.post("/login", data={"login": "leaver", "password": PASSWORD})
    assert again.status_code == 422


def test_deletion_removes_everything_personal_and_keeps_every_count_exact(app):
    bee = make_bee(handle="gone", headline="Gardener", statement="Hi", location="Paris", photo="k" * 24)
    ana, ben, cy = make_bee(handle="ana"), make_bee(handle="ben"), make_bee(handle="cy")
    hive = make_hive(owner=ana, members=[bee, ben, cy])
    folder = photos.photo_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ("k" * 24 + "-400.webp")).write_bytes(b"photo")
    db.session.add(Position(bee_id=bee.id, title="Keeper", organization="Apiary", start_on=utcnow().date()))
    db.session.commit()
    follow(ana, bee)
    follow(bee, ben)
    follow(cy, bee)
    block(bee, cy)
    mute(bee, ana)
    mine = make_post(bee, "in the hive, @ana", hives=[hive])
    followers_only = make_post(bee, "for followers")
    theirs = make_post(ana, "ana's post", hives=[hive])
    bens = make_post(ben, "ben's post")
    first = add_comment(bee, theirs, "my comment")
    add_comment(ben, theirs, "a reply to it", parent_id=first.id)
    add_comment(ana, mine, "ana on my post")
    set_relevant(bee, theirs, True)
    set_relevant(ana, mine, True)
    my_share = share_post(bee, bens, "passing ben's on")
    their_share = share_post(ana, mine, "ana shares mine")
    send_message(bee, ana, "unread by ana")
    send_message(bee, ana, "also unread")
    send_message(ben, bee, "to the bee")
    assert_counts_exact()
    ana_feed = [post.id for post in queries.home_feed(ana.id).posts]
    assert mine.id in ana_feed
    assert followers_only.id in ana_feed
    members = member_count(hive.id)

    delete_account(bee, "gone", NOW())

    gone = db.session.get(Bee, bee.id, populate_existing=True)
    assert gone.deleted_at is not None
    assert (gone.display_name, gone.headline, gone.statement, gone.location) == (
        account.DELETED_NAME,
        "",
        "",
        "",
    )
    assert gone.email == f"deleted-{bee.id}@invalid"
    assert gone.photo is None
    assert gone.language is None
    assert not gone.check_password(PASSWORD)
    assert not (folder / ("k" * 24 + "-400.webp")).exists()
    assert db.session.scalar(select(func.count()).where(Position.bee_id == bee.id)) == 0
    for model, columns in (
        (Follow, (Follow.follower_id, Follow.followee_id)),
        (Block, (Block.blocker_id, Block.blocked_id)),
        (Membership, (Membership.bee_id,)),
        (Reaction, (Reaction.bee_id,)),
        (Notice, (Notice.bee_id, Notice.actor_id)),
        (Message, (Message.sender_id,)),
        (Conversation, (Conversation.low_bee_id, Conversation.high_bee_id)),
    ):
        for column in columns:
            assert db.session.scalar(select(func.count()).select_from(model).where(column == bee.id)) == 0
    mine_now = db.session.get(Post, mine.id, populate_existing=True)
    assert mine_now.state == PostState.DELETED
    assert mine_now.body_source == ""
    first_now = db.session.get(Comment, first.id, populate_existing=True)
    assert first_now.state == CommentState.DELETED
    assert first_now.body_source == ""
    assert db.session.scalar(select(func.count()).where(Comment.parent_id == first.id)) == 1  # ben's stays
    assert_counts_exact()
    assert follow_counts(ana.id) == (0, 0)
    assert follow_counts(ben.id) == (0, 0)
    assert member_count(hive.id) == members - 1
    for reader in (ana, ben, cy):
        feed = [post.id for post in queries.home_feed(reader.id).posts]
        assert mine.id not in feed
        assert followers_only.id not in feed
        assert my_share.id not in feed
    assert db.session.get(Post, theirs.id, populate_existing=True).relevant_count == 0
    assert db.session.get(Post, bens.id, populate_existing=True).share_count == 0
    assert db.session.get(Post, their_share.id).state == PostState.PUBLISHED  # ana's own post stays
    assert db.session.get(Bee, ana.id, populate_existing=True).unread_messages == 0


def test_the_handle_waits_out_its_grace_then_anyone_may_take_it(app):
    bee = make_bee(handle="popular", email="me@example.com")
    delete_account(bee, "popular", NOW())
    with pytest.raises(ValidationError, match="taken"):
        register("new@example.com", "popular", "Newcomer", PASSWORD)
    again = register("me@example.com", "me_again", "Me again", PASSWORD)  # the email is free at once
    assert again.email == "me@example.com"
    tombstone = db.session.get(Bee, bee.id, populate_existing=True)
    tombstone.deleted_at = utcnow() - timedelta(days=app.config["HANDLE_GRACE_DAYS"] + 1)
    db.session.commit()
    newcomer = register("new@example.com", "popular", "Newcomer", PASSWORD)
    assert newcomer.handle == "popular"
    assert db.session.get(Bee, bee.id, populate_existing=True).handle == f"~{bee.id}"


def test_purge_handles_frees_only_expired_ones(app):
    old, recent = make_bee(handle="old_one"), make_bee(handle="recent_one")
    delete_account(old, "old_one", NOW())
    delete_account(recent, "recent_one", NOW())
    db.session.get(Bee, old.id).deleted_at = utcnow() - timedelta(days=31)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["accounts", "purge-handles"])
    assert result.exit_code == 0, result.output
    assert "Freed 1 handle." in result.output
    assert db.session.get(Bee, old.id, populate_existing=True).handle == f"~{old.id}"
    assert db.session.get(Bee, recent.id, populate_existing=True).handle == "recent_one"
    assert purge_handles() == 0


def test_an_owner_whose_hive_has_members_is_refused_and_nothing_changes(app, client, login):
    owner, member = make_bee(handle="queen"), make_bee()
    hive = make_hive(owner=owner, members=[member], name="Busy hive")
    make_post(owner, "still here", hives=[hive])
    follow(member, owner)
    before = row_counts()
    with pytest.raises(Conflict):
        delete_account(owner, "queen", NOW())
    assert row_counts() == before
    assert db.session.get(Bee, owner.id, populate_existing=True).deleted_at is None
    login(owner)
    page = client.get("/settings/account/delete").get_data(as_text=True)
    assert f"/hives/{hive.slug}/moderation/transfer" in page
    refused = client.post("/settings/account/delete", data={"handle": "queen"})
    assert refused.status_code == 409
    assert "Hand each one to another member" in refused.get_data(as_text=True)
    transfer_ownership(owner, hive, member)
    delete_account(owner, "queen", NOW())
    assert member_count(hive.id) == 1
    assert_counts_exact()


def test_a_hive_owned_alone_stays_without_members(app):
    owner, passer = make_bee(handle="lonely"), make_bee()
    hive = make_hive(owner=owner, members=[passer])
    kept = make_post(passer, "a public post in the hive", hives=[hive])
    leave_hive(passer, hive)
    delete_account(owner, "lonely", NOW())
    assert db.session.get(Hive, hive.id, populate_existing=True).created_by_id is None
    assert member_count(hive.id) == 0
    assert db.session.scalar(select(func.count()).where(Membership.hive_id == hive.id)) == 1  # passer's, left
    assert db.session.get(Post, kept.id, populate_existing=True).state == PostState.PUBLISHED
    assert_counts_exact()


def test_writes_queued_behind_a_deletion_do_not_land_on_the_emptied_row(app):
    """Each request below read the bee before the deletion committed, then waited for the lock."""
    bee, other = make_bee(handle="leaving"), make_bee()
    stale = db.session.get(Bee, bee.id)
    db.session.expunge(stale)  # what another request holds: the row as it was
    delete_account(bee, "leaving", NOW())
    buffer = io.BytesIO()
    Image.new("RGB", (60, 60), "navy").save(buffer, "PNG")
    for write in (
        lambda: record.update_brand(stale, ProfileData("Back again", headline="Returned")),
        lambda: record.replace_profile(stale, ProfileData("Back again")),
        lambda: record.add_entry(stale, "skills", name="Haunting"),
        lambda: photos.save_photo(stale, buffer.getvalue()),
        lambda: follow(other, stale),
    ):
        with pytest.raises((NotFound, PermissionDenied)):
            write()
    with pytest.raises(PermissionDenied):
        send_message(other, stale, "Are you there?")
    gone = db.session.get(Bee, bee.id, populate_existing=True)
    assert gone.display_name == account.DELETED_NAME
    assert gone.headline == ""
    assert gone.photo is None
    assert gone.unread_notices == 0
    assert record.snapshot(gone).skills == ()
    assert follow_counts(bee.id) == (0, 0)


def test_the_moderation_log_names_a_deleted_moderator_a_former_bee(app, client):
    owner, moderator, member = make_bee(), make_bee(handle="old_mod", display_name="Old Mod"), make_bee()
    hive = make_hive(owner=owner, members=[moderator, member])
    appoint_moderator(owner, hive, moderator)
    ban(moderator, hive, member, "Rule 1.", utcnow() + timedelta(days=1))
    delete_account(moderator, "old_mod", NOW())
    html = client.get(f"/hives/{hive.slug}/log").get_data(as_text=True)
    assert "a former bee" in html
    assert "old_mod" not in html
    assert account.DELETED_NAME not in html


def test_requests_to_a_private_hive_owned_alone_are_declined_not_left_waiting(app):
    owner, asker = make_bee(handle="alone"), make_bee()
    hive = create_hive(owner, "Quiet Room", "Just me.", "", is_private=True)
    join_hive(asker, hive)
    assert membership_of(asker.id, hive.id).state == MembershipState.PENDING
    delete_account(owner, "alone", NOW())
    assert membership_of(asker.id, hive.id).state == MembershipState.DECLINED
