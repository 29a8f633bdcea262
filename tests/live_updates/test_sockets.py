"""Live delivery through real Socket.IO test clients: who may connect, which rooms they hear,
and that every push follows a commit and reaches exactly the audience the database names."""

from __future__ import annotations

import pytest

from app import realtime
from app.admin import services as admin_services
from app.db import write_transaction
from app.errors import ValidationError
from app.hives import roles
from app.hives.services import create_hive, join_hive, leave_hive
from app.posts import comments, delivery, reactions
from app.profiles.services import block, follow, mute
from tests.factories import make_bee, make_hive, make_post


def post_ids(socket) -> list[int]:
    return [event["post"] for event in socket.events("post")]


def test_only_signed_in_bees_connect(app, live):
    suspended, admin = make_bee(), make_bee(is_admin=True)
    admin_services.suspend(admin, suspended, "Spam.")
    assert live(make_bee()).is_connected()
    assert not live(None).is_connected()
    assert not live(suspended).is_connected()


@pytest.mark.parametrize(
    ("origin", "status"),
    [("http://localhost", 200), ("http://evil.example", 400), ("https://localhost", 400)],
)
def test_a_handshake_from_a_foreign_origin_is_rejected(app, client, origin, status):
    response = client.get("/socket.io/?EIO=4&transport=polling", headers={"Origin": origin})
    assert response.status_code == status


def test_a_new_post_reaches_its_whole_audience_and_nobody_else(app, live):
    author, owner, fan, member, outsider, blocked, muting = (make_bee() for _ in range(7))
    hive = make_hive(owner=owner, members=[author, member, blocked])
    for bee in (fan, muting):
        follow(bee, author)
    block(author, blocked)
    mute(muting, author)  # a reader's choice about their own feed: still in the audience
    sockets = {bee.id: live(bee) for bee in (author, owner, fan, member, outsider, blocked, muting)}
    post = make_post(author, hives=[hive])
    heard = {bee_id for bee_id, socket in sockets.items() if post_ids(socket) == [post.id]}
    audience = set(delivery.audience_ids(author.id, [hive.id]))
    assert heard == audience | {author.id}
    assert {owner.id, fan.id, member.id, muting.id} <= heard
    assert outsider.id not in heard
    assert blocked.id not in heard
    assert post.delivered_count == len(audience)


def test_a_private_hive_post_reaches_its_members_alone(app, live):
    owner, member, follower, asker = make_bee(), make_bee(), make_bee(), make_bee()
    hive = create_hive(owner, "Inner circle", "Members only.", "", is_private=True)
    join_hive(member, hive)
    roles.answer_request(owner, hive, member, approve=True)
    join_hive(asker, hive)  # pending: not a member yet
    follow(follower, member)
    outside = live(follower)
    watched = outside.watch(hive=hive.id, author=member.id)
    assert watched["hive"] is None  # a private hive has no room
    pending = live(asker)
    inside = live(owner)
    post = make_post(member, "Members only news.", hives=[hive])
    assert post_ids(inside) == [post.id]
    assert post_ids(outside) == []
    assert post_ids(pending) == []


def test_public_hive_and_profile_pages_hear_new_posts_when_watched(app, live):
    author, reader = make_bee(), make_bee()
    hive = make_hive(members=[author])
    socket = live(reader)
    assert socket.watch(hive=hive.id, author=author.id) == {"posts": [], "hive": hive.id, "author": author.id}
    in_hive = make_post(author, hives=[hive])
    assert post_ids(socket) == [in_hive.id]  # once, though two of its rooms hold the socket
    before = live(author)
    block(reader, author)
    assert not before.is_connected()  # a block ends both bees' sockets, and the rooms they held
    assert not socket.is_connected()
    assert live(author).watch(author=reader.id)["author"] is None


def test_watch_refuses_malformed_requests_without_error(app, live):
    socket = live(make_bee())
    assert socket.emit("watch", "not a dict", callback=True) == {"posts": [], "hive": None, "author": None}
    assert socket.watch(posts=["1", -5, 2**40, None, True], hive="x", author=[1]) == {
        "posts": [],
        "hive": None,
        "author": None,
    }
    assert socket.watch(posts=list(range(1, 500)))["posts"] == []  # none exist; only 100 looked at
    assert socket.is_connected()


def test_counts_and_comments_reach_the_pages_showing_the_post(app, live):
    author, reader, other = make_bee(), make_bee(), make_bee()
    post = make_post(author)
    page = live(reader)
    assert page.watch(posts=[post.id])["posts"] == [post.id]
    author_socket = live(author)
    reactions.set_relevant(other, post, True)
    assert page.events("counts") == [{"post": post.id, "relevant": 1, "comments": 0, "shares": 0}]
    assert author_socket.events("badges") == [{}]  # a notice: the badge should be fetched again
    comment = comments.add_comment(other, post, "Well said.")
    received = page.received()
    assert ("comment", {"post": post.id, "comment": comment.id, "parent": None}) in received
    assert ("counts", {"post": post.id, "relevant": 1, "comments": 1, "shares": 0}) in received
    reply = comments.add_comment(author, post, "Thanks!", comment.id)
    assert page.events("comment") == [{"post": post.id, "comment": reply.id, "parent": comment.id}]
    comments.delete_comment(other, comment)
    assert page.events("counts") == [{"post": post.id, "relevant": 1, "comments": 1, "shares": 0}]


def _announce_then_fail(bee) -> None:
    with write_transaction():
        realtime.badges_changed([bee.id])
        raise RuntimeError("the write fails after the event was raised")


def test_nothing_is_pushed_for_a_write_that_rolls_back(app, live):
    bee = make_bee()
    socket = live(bee)
    with pytest.raises(RuntimeError):
        _announce_then_fail(bee)
    assert socket.received() == []
    with pytest.raises(ValidationError):
        make_post(bee, "   ")
    assert socket.received() == []
    with write_transaction():
        realtime.badges_changed([bee.id])
        assert socket.received() == []  # not before the commit
    assert socket.events("badges") == [{}]


def test_logging_out_ends_the_sockets_of_that_session_only(app, live):
    bee = make_bee()
    laptop, phone = live(bee, login="laptop"), live(bee, login="phone")
    http = laptop.socket.flask_test_client
    assert http.post("/logout").status_code == 302
    assert not laptop.is_connected()
    assert phone.is_connected()


def test_suspension_ends_every_socket_of_the_bee(app, live):
    bee, admin = make_bee(), make_bee(is_admin=True)
    laptop, phone = live(bee, login="laptop"), live(bee, login="phone")
    admin_services.suspend(admin, bee, "Spam.")
    assert not laptop.is_connected()
    assert not phone.is_connected()


def test_losing_a_private_hive_ends_the_sockets_until_they_rejoin_what_is_still_theirs(app, live):
    owner, member = make_bee(), make_bee()
    hive = create_hive(owner, "Inner circle", "Members only.", "", is_private=True)
    join_hive(member, hive)
    roles.answer_request(owner, hive, member, approve=True)
    post = make_post(owner, hives=[hive])
    socket = live(member)
    assert socket.watch(posts=[post.id])["posts"] == [post.id]
    leave_hive(member, hive)
    assert not socket.is_connected()
    again = live(member)
    assert again.watch(posts=[post.id])["posts"] == []


def test_a_direct_message_reaches_both_bees_and_nobody_else(app, live, client, login):
    from app.messages import services as messages

    sender, recipient, stranger = make_bee(), make_bee(), make_bee()
    sender_socket, recipient_socket, stranger_socket = live(sender), live(recipient), live(stranger)
    message = messages.send_message(sender, recipient, "Coffee tomorrow?")
    expected = {"conversation": message.conversation_id, "message": message.id, "sender": sender.id}
    assert ("message", expected) in recipient_socket.received()
    assert ("message", expected) in sender_socket.received()
    assert stranger_socket.received() == []
    login(recipient)
    assert client.get("/notices/unread").json == {"notices": 0, "messages": 1}
    shown = client.get(f"/messages/live/{message.id}").json
    assert shown["message"] == message.id
    assert "Coffee tomorrow?" in shown["html"]
    read = client.post(f"/messages/@{sender.handle}/read", data={"through": str(message.id)})
    assert read.json == {"read": 1}
    assert recipient_socket.events("badges") == [{}]
    assert client.get("/notices/unread").json == {"notices": 0, "messages": 0}
    client.post("/logout")
    login(stranger)
    assert client.get(f"/messages/live/{message.id}").status_code == 404


def test_a_push_that_fails_after_the_commit_neither_fails_nor_undoes_the_write(app, live, caplog):
    author = make_bee()
    socket = live(author)

    def unreachable() -> list[int]:
        raise ConnectionError("the audience could not be read")

    with write_transaction():
        realtime.post_published(1, author.id, [], unreachable, private=False)
        realtime.badges_changed([author.id])
    assert socket.events("badges") == [{}]  # the other pushes of the write still go out
    assert "could not push 'post'" in caplog.text
