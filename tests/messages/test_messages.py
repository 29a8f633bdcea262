"""Direct messages: who may write to whom, exact unread counts, paging, privacy, and the pages."""

from __future__ import annotations

import re

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError

from app import policy
from app.admin.services import suspend
from app.db import MAX_ID, write_transaction
from app.demo import messages as demo_messages
from app.errors import NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.messages import services
from app.messages.models import MESSAGE_MAX, Conversation, Message, Participant
from app.profiles.models import Bee
from app.profiles.services import block, unblock
from tests.factories import make_bee
from tests.posts.test_concurrency import run_together


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def badge(bee: Bee) -> int:
    return db.session.get(Bee, bee.id, populate_existing=True).unread_messages


def unread(bee: Bee, other: Bee) -> int:
    return services.unread_in(bee, services.conversation_with(bee, other))


def assert_counts_exact() -> None:
    """Each unread count is the other bee's messages after the read position, counted from the
    rows, and each bee's badge is the sum of its counts."""
    db.session.expire_all()
    totals: dict[int, int] = {}
    for side in db.session.scalars(select(Participant)):
        counted = db.session.scalar(
            select(func.count(Message.id)).where(
                Message.conversation_id == side.conversation_id,
                Message.sender_id == side.other_bee_id,
                Message.id > side.read_message_id,
            )
        )
        assert side.unread_count == counted, side
        totals[side.bee_id] = totals.get(side.bee_id, 0) + side.unread_count
    for bee in db.session.scalars(select(Bee)):
        assert bee.unread_messages == totals.get(bee.id, 0), bee


def make_admin() -> Bee:
    admin = make_bee()
    with write_transaction():
        db.session.merge(admin).is_admin = True
    return admin


# Writing -------------------------------------------------------------------------------------


def test_the_first_message_starts_one_conversation_both_bees_share(app):
    ann, bob = make_bee(), make_bee()
    assert services.conversation_with(ann, bob) is None
    first = services.send_message(bob, ann, "  Hello **Ann**  ")
    reply = services.send_message(ann, bob, "Hi Bob!")
    conversation = services.conversation_with(ann, bob)
    assert conversation is not None
    assert services.conversation_with(bob, ann).id == conversation.id
    assert (conversation.low_bee_id, conversation.high_bee_id) == (min(ann.id, bob.id), max(ann.id, bob.id))
    assert count(Conversation) == 1
    assert first.conversation_id == reply.conversation_id == conversation.id
    assert first.id < reply.id
    assert (first.sender_id, first.body_source) == (bob.id, "Hello **Ann**")
    assert first.body_html == '<p dir="auto">Hello <strong>Ann</strong></p>'
    assert first.excerpt == "Hello Ann"
    assert_counts_exact()


def test_a_pair_is_stored_lower_id_first_and_once(app):
    ann, bob = make_bee(), make_bee()
    low, high = sorted((ann.id, bob.id))
    with pytest.raises(IntegrityError), write_transaction():
        db.session.add(Conversation(low_bee_id=high, high_bee_id=low))
    services.send_message(ann, bob, "one")
    with pytest.raises(IntegrityError), write_transaction():
        db.session.add(Conversation(low_bee_id=low, high_bee_id=high))
    assert count(Conversation) == 1


def test_unread_counts_are_exact_per_conversation_and_in_the_badge(app):
    me, ann, bob, cat = make_bee(), make_bee(), make_bee(), make_bee()
    for _ in range(3):
        services.send_message(ann, me, "from ann")
    services.send_message(bob, me, "from bob")
    services.send_message(me, cat, "to cat")
    services.send_message(cat, me, "from cat")
    services.send_message(cat, me, "from cat again")
    assert (unread(me, ann), unread(me, bob), unread(me, cat)) == (3, 1, 2)
    assert badge(me) == 6
    assert (badge(ann), badge(bob), badge(cat)) == (0, 0, 0)  # cat read "to cat" by answering it
    assert_counts_exact()

    assert services.mark_read(me, services.conversation_with(me, ann)) == 3
    assert (unread(me, ann), badge(me)) == (0, 3)
    assert services.mark_read(me, services.conversation_with(me, ann)) == 0  # nothing left: no change
    assert badge(me) == 3
    services.send_message(me, cat, "replying reads what came before")
    assert (unread(me, cat), badge(me), badge(cat)) == (0, 1, 1)
    assert services.mark_read(cat, services.conversation_with(cat, me)) == 1
    assert badge(cat) == 0
    assert_counts_exact()


def test_marking_read_up_to_a_message_leaves_the_newer_ones_unread(app):
    me, ann = make_bee(), make_bee()
    sent = [services.send_message(ann, me, f"message {n}") for n in range(4)]
    conversation = services.conversation_with(me, ann)
    assert services.mark_read(me, conversation, through=sent[1].id) == 2
    assert (unread(me, ann), badge(me)) == (2, 2)
    assert services.mark_read(me, conversation, through=sent[0].id) == 0  # already read that far
    assert services.mark_read(me, conversation, through=MAX_ID) == 2
    assert (unread(me, ann), badge(me)) == (0, 0)
    assert_counts_exact()


@pytest.mark.parametrize("blocker", ["sender", "recipient"])
def test_a_block_either_way_refuses_messages_and_ends_the_conversation(app, blocker):
    ann, bob = make_bee(), make_bee()
    services.send_message(ann, bob, "before the block")
    block(*((ann, bob) if blocker == "sender" else (bob, ann)))
    for sender, recipient in ((ann, bob), (bob, ann)):
        with pytest.raises(PermissionDenied):
            services.send_message(sender, recipient, "after the block")
    assert count(Message) == 1
    assert badge(bob) == 1  # what came before stays, readable
    assert not services.may_message(ann, bob)
    assert not services.may_message(bob, ann)
    unblock(*((ann, bob) if blocker == "sender" else (bob, ann)))
    services.send_message(bob, ann, "talking again")
    assert count(Message) == 2
    assert_counts_exact()


def test_no_conversation_starts_across_a_block(app):
    ann, bob = make_bee(), make_bee()
    block(bob, ann)
    with pytest.raises(PermissionDenied, match="cannot send messages to this bee"):
        services.send_message(ann, bob, "hello?")
    with pytest.raises(PermissionDenied, match="You blocked this bee"):
        services.send_message(bob, ann, "hello?")
    assert (count(Conversation), count(Message), badge(ann), badge(bob)) == (0, 0, 0, 0)


def test_nobody_writes_to_themselves(app):
    ann = make_bee()
    with pytest.raises(PermissionDenied, match="yourself"):
        services.send_message(ann, ann, "note to self")
    assert (count(Conversation), count(Message), badge(ann)) == (0, 0, 0)


def test_suspended_bees_neither_send_nor_receive(app):
    admin, ann, bob = make_admin(), make_bee(), make_bee()
    services.send_message(ann, bob, "before the suspension")
    suspend(admin, bob, "Spam.")
    with pytest.raises(PermissionDenied, match="suspended"):
        services.send_message(ann, bob, "are you there?")
    with pytest.raises(PermissionDenied):
        services.send_message(db.session.get(Bee, bob.id), ann, "let me out")
    assert count(Message) == 1
    assert (badge(ann), badge(bob)) == (0, 1)


def test_the_policy_rule(app):
    ann, bob = make_bee(), make_bee()
    assert policy.can_message(ann, bob, blocked=False)
    assert not policy.can_message(ann, bob, blocked=True)
    assert not policy.can_message(ann, ann, blocked=False)
    assert not policy.can_message(None, bob, blocked=False)
    assert not policy.can_message(AnonymousUserMixin(), bob, blocked=False)
    bob.suspended_at = ann.created_at
    assert not policy.can_message(ann, bob, blocked=False)
    assert not policy.can_message(bob, ann, blocked=False)
    db.session.rollback()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Write something first."),
        ("  \n\t ", "Write something first."),
        ("x" * (MESSAGE_MAX + 1), "This is 5,001 characters long; the limit is 5,000 characters."),
        ("[a](b) " * 501, "Use at most 500 links in one post."),
    ],
)
def test_bad_messages_are_refused_and_nothing_is_written(app, body, message):
    ann, bob = make_bee(), make_bee()
    with pytest.raises(ValidationError) as refused:
        services.send_message(ann, bob, body)
    assert (refused.value.field, refused.value.message) == ("body", message)
    assert (count(Conversation), count(Message), count(Participant), badge(bob)) == (0, 0, 0, 0)


def test_the_longest_message_is_accepted(app):
    ann, bob = make_bee(), make_bee()
    assert len(services.send_message(ann, bob, "y" * MESSAGE_MAX).body_source) == MESSAGE_MAX


def test_hostile_html_is_sanitized_on_write(app):
    ann, bob = make_bee(), make_bee()
    body = '<script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3)) **ok**'
    message = services.send_message(ann, bob, body)
    assert "<script" not in message.body_html
    assert "<img" not in message.body_html
    assert "javascript:" not in message.body_html
    assert "&lt;script&gt;" in message.body_html
    assert "<strong>ok</strong>" in message.body_html
    assert message.body_source == body  # the source is kept as written


# Reading -------------------------------------------------------------------------------------


def test_a_conversation_is_its_two_bees_alone(app):
    ann, bob, eve = make_bee(), make_bee(), make_bee()
    admin = make_admin()
    services.send_message(ann, bob, "just between us")
    conversation = services.conversation_with(ann, bob)
    for outsider in (eve, admin):
        with pytest.raises(NotFound):
            services.messages_page(outsider, conversation)
        with pytest.raises(NotFound):
            services.mark_read(outsider, conversation)
        with pytest.raises(NotFound):
            services.conversation_by_id(outsider, conversation.id)
    for id_ in (0, -1, MAX_ID + 1, conversation.id + 1):
        with pytest.raises(NotFound):
            services.conversation_by_id(ann, id_)
    assert services.conversation_by_id(bob, conversation.id).id == conversation.id
    assert [m.body_html for m in services.messages_page(bob, conversation).messages] == [
        '<p dir="auto">just between us</p>'
    ]
    assert badge(bob) == 1  # the outsiders' attempts read nothing and changed nothing


def test_history_pages_back_to_the_first_message_in_order_without_duplicates(app):
    ann, bob = make_bee(), make_bee()
    sent = [services.send_message(*((ann, bob) if n % 3 else (bob, ann)), f"n{n}").id for n in range(8)]
    conversation = services.conversation_with(ann, bob)
    pages, before = [], None
    while True:
        page = services.messages_page(ann, conversation, before, limit=3)
        ids = [message.id for message in page.messages]
        assert ids == sorted(ids)  # each page reads oldest first
        pages.append(ids)
        if page.earlier is None:
            break
        before = page.earlier
    assert pages == [sent[5:], sent[2:5], sent[:2]]
    assert services.messages_page(ann, conversation, sent[0]).messages == []


def test_the_inbox_lists_newest_activity_first_and_pages_without_duplicates(app):
    me = make_bee()
    others = [make_bee() for _ in range(5)]
    for n, other in enumerate(others):
        services.send_message(other, me, f"hello from {n}")
    services.send_message(me, others[0], "Back to **you**, first one.")  # the oldest moves to the top
    services.send_message(others[3], me, "again")
    expected = [others[3], others[0], others[4], others[2], others[1]]
    page = services.inbox_page(me)
    assert [item.other.id for item in page.items] == [bee.id for bee in expected]
    assert page.next_cursor is None
    top, second = page.items[0], page.items[1]
    assert (top.unread, top.excerpt, top.last_sender_id) == (2, "again", others[3].id)
    assert (second.unread, second.excerpt, second.last_sender_id) == (0, "Back to you, first one.", me.id)
    walked, before = [], None
    while True:
        page = services.inbox_page(me, before, limit=2)
        walked += [item.other.id for item in page.items]
        if page.next_cursor is None:
            break
        before = page.next_cursor
    assert walked == [bee.id for bee in expected]
    assert [item.other.id for item in services.inbox_page(others[0]).items] == [me.id]
    assert services.inbox_page(make_bee()).items == []


def test_racing_messages_and_reads_keep_every_count_exact(app):
    me = make_bee()
    senders = [make_bee() for _ in range(6)]
    first_pair = [make_bee(), make_bee()]
    for sender in senders[:3]:
        services.send_message(sender, me, "opening")
    me_id, sender_ids, pair_ids = me.id, [b.id for b in senders], [b.id for b in first_pair]

    def sending(sender_id: int):
        def job():
            for n in range(3):
                services.send_message(db.session.get(Bee, sender_id), db.session.get(Bee, me_id), f"m{n}")

        return job

    def reading(sender_id: int):
        def job():
            reader, other = db.session.get(Bee, me_id), db.session.get(Bee, sender_id)
            for _ in range(3):
                services.mark_read(reader, services.conversation_with(reader, other))

        return job

    def first_words(a: int, b: int):
        return lambda: services.send_message(db.session.get(Bee, a), db.session.get(Bee, b), "hi!")

    jobs = [sending(i) for i in sender_ids] + [reading(i) for i in sender_ids[:3]]
    jobs += [first_words(*pair_ids), first_words(*reversed(pair_ids))]
    assert run_together(app, jobs) == []
    db.session.rollback()  # read what the threads committed
    assert count(Message) == 3 + 6 * 3 + 2
    assert count(Conversation) == 6 + 1  # the pair that wrote first at once shares one
    assert_counts_exact()


# Pages ---------------------------------------------------------------------------------------


def test_the_inbox_page_shows_conversations_and_an_empty_state(app, client, login):
    me = login(make_bee(handle="reader"))
    assert "No messages yet" in client.get("/messages").get_data(as_text=True)
    ann = make_bee(handle="ann", display_name="Ann Arbor")
    services.send_message(ann, me, "Coffee **tomorrow**?")
    services.send_message(ann, me, "<b>bold?</b>")
    page = client.get("/messages").get_data(as_text=True)
    assert "Ann Arbor" in page
    assert 'href="/messages/@ann"' in page
    assert "2 unread" in page
    assert "&lt;b&gt;bold?&lt;/b&gt;" in page  # an excerpt is text, escaped
    assert re.search(
        r'class="badge[^"]*message-badge live-badge" data-badge="messages">2<', page
    )  # nav badge
    assert client.get("/messages?before=abc").status_code == 422


def test_the_inbox_pages_to_older_conversations(app, client, login):
    me = login(make_bee())
    others = [make_bee(handle=f"pen_pal_{n}") for n in range(services.INBOX_PAGE_SIZE + 2)]
    for other in others:
        services.send_message(other, me, "hello")
    first = client.get("/messages").get_data(as_text=True)
    assert "Older conversations" in first
    cursor = re.search(r'href="/messages\?before=(\d+)"', first).group(1)
    second = client.get(f"/messages?before={cursor}").get_data(as_text=True)
    assert "Older conversations" not in second
    shown = re.findall(r'href="/messages/@(pen_pal_\d+)"', first + second)
    assert shown == [other.handle for other in reversed(others)]


def test_opening_a_conversation_shows_it_and_marks_it_read(app, client, login):
    me = login(make_bee(handle="reader"))
    ann = make_bee(handle="ann")
    services.send_message(me, ann, "Hi Ann")
    services.send_message(ann, me, "مرحبا! **Hello**")
    services.send_message(ann, me, "<script>alert(1)</script>")
    assert badge(me) == 2
    page = client.get("/messages/@ann")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert html.count('class="message message-mine"') == 1
    assert html.count('class="message message-theirs"') == 2
    body = '<p dir="auto">مرحبا! <strong>Hello</strong></p>'
    assert f'<div class="post-body message-body" dir="auto">{body}' in html
    assert "<script>alert(1)" not in html
    assert "New messages" in html
    assert 'action="/messages/@ann"' in html
    assert badge(me) == 0
    assert "New messages" not in client.get("/messages/@ann").get_data(as_text=True)
    assert_counts_exact()


def test_opening_a_read_conversation_writes_nothing(app, client, login):
    me = login(make_bee(handle="reader"))
    ann = make_bee(handle="ann")
    services.send_message(ann, me, "hello")
    client.get("/messages/@ann")
    writes = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if re.match(r"\s*(INSERT|UPDATE|DELETE|BEGIN IMMEDIATE)", statement, re.IGNORECASE):
            writes.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        assert client.get("/messages/@ann").status_code == 200
        assert client.get("/messages").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert writes == []


def test_an_earlier_page_leaves_the_newest_unread(app, client, login):
    me = login(make_bee(handle="reader"))
    ann = make_bee(handle="ann")
    sent = [services.send_message(ann, me, f"line {n}") for n in range(services.MESSAGES_PAGE_SIZE + 5)]
    latest = client.get("/messages/@ann").get_data(as_text=True)
    assert f'href="/messages/@ann?before={sent[5].id}"' in latest
    assert "Earlier messages" in latest
    assert "line 4<" not in latest
    assert badge(me) == 0
    services.send_message(ann, me, "a newer one")
    earlier = client.get(f"/messages/@ann?before={sent[5].id}").get_data(as_text=True)
    assert "line 4<" in earlier
    assert "line 5<" not in earlier
    assert "Latest messages" in earlier
    assert badge(me) == 1  # an earlier page does not read the newest message
    assert client.get("/messages/@ann?before=0").status_code == 422


def test_sending_from_the_page(app, client, login):
    me = login(make_bee(handle="writer"))
    make_bee(handle="ann")
    page = client.get("/messages/@ann").get_data(as_text=True)
    assert "No messages yet. Say hello" in page
    response = client.post("/messages/@ann", data={"body": "Hello, *Ann*!"})
    assert response.status_code == 302
    message = db.session.scalar(select(Message))
    assert response.headers["Location"] == f"/messages/@ann#message-{message.id}"
    assert message.body_html == '<p dir="auto">Hello, <em>Ann</em>!</p>'
    assert f'id="message-{message.id}"' in client.get("/messages/@ann").get_data(as_text=True)
    assert message.sender_id == me.id


@pytest.mark.parametrize(
    ("body", "words"),
    [("", "Write something first."), ("z" * (MESSAGE_MAX + 1), "the limit is 5,000 characters")],
)
def test_a_bad_message_is_shown_on_the_page_and_nothing_is_written(app, client, login, body, words):
    login(make_bee(handle="writer"))
    make_bee(handle="ann")
    response = client.post("/messages/@ann", data={"body": body})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert words in html
    assert 'class="invalid-feedback d-block"' in html
    assert (count(Conversation), count(Message)) == (0, 0)


def test_refusals_say_why_with_a_4xx(app, client, login):
    admin, me = make_admin(), login(make_bee(handle="writer"))
    make_bee(handle="ann")
    rude, gone = make_bee(handle="rude"), make_bee(handle="gone")
    services.send_message(rude, me, "before the block")
    block(me, rude)
    suspend(admin, gone, "Spam.")
    for handle, status, words in [
        ("writer", 403, "You cannot send a message to yourself."),
        ("rude", 403, "You blocked this bee."),
        ("gone", 403, "This account is suspended"),
        ("nobody_here", 404, "There is no bee with that handle."),
    ]:
        response = client.post(f"/messages/@{handle}", data={"body": "hello"})
        assert (response.status_code, handle) == (status, handle)
        assert words in response.get_data(as_text=True)
    assert client.get("/messages/@writer").status_code == 403
    assert client.get("/messages/@gone").status_code == 403
    assert client.get("/messages/@nobody_here").status_code == 404
    blocked_page = client.get("/messages/@rude")
    html = blocked_page.get_data(as_text=True)
    assert blocked_page.status_code == 200  # what came before stays readable
    assert "before the block" in html
    assert "You blocked this bee." in html
    assert 'action="/messages/@rude"' not in html
    assert count(Message) == 1


def test_a_third_bee_sees_none_of_a_conversation(app, client, login):
    ann, bob = make_bee(handle="ann"), make_bee(handle="bob")
    services.send_message(ann, bob, "a secret between ann and bob")
    login(make_bee(handle="eve"))
    for url in ("/messages", "/messages/@ann", "/messages/@bob"):
        assert "a secret" not in client.get(url).get_data(as_text=True)
    assert count(Message) == 1


def test_pages_are_for_signed_in_bees(app, client):
    make_bee(handle="ann")
    for url in ("/messages", "/messages/@ann"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login" in response.headers["Location"]
    assert client.post("/messages/@ann", data={"body": "hi"}).status_code == 302
    assert count(Message) == 0


def test_a_profile_offers_a_message_button_to_whom_i_may_write(app, client, login):
    me = login(make_bee(handle="viewer"))
    make_bee(handle="ann")
    rude = make_bee(handle="rude")
    button = 'href="/messages/@{}"'
    assert button.format("ann") in client.get("/@ann").get_data(as_text=True)
    assert button.format("viewer") not in client.get("/@viewer").get_data(as_text=True)
    block(rude, me)
    assert button.format("rude") not in client.get("/@rude").get_data(as_text=True)
    client.post("/logout")
    assert button.format("ann") not in client.get("/@ann").get_data(as_text=True)


# Demo ----------------------------------------------------------------------------------------


def test_the_demo_bee_has_conversations_some_unread_one_right_to_left(app):
    handles = {demo_messages.ME} | {spec["with"] for spec in demo_messages.CONVERSATIONS}
    bees = {handle: make_bee(handle=handle) for handle in handles}
    written = demo_messages.load(bees)
    assert written == count(Message) == sum(len(spec["lines"]) for spec in demo_messages.CONVERSATIONS)
    demo = bees[demo_messages.ME]
    inbox = services.inbox_page(demo).items
    assert len(inbox) == len(demo_messages.CONVERSATIONS)
    assert [item.last_at for item in inbox] == sorted((item.last_at for item in inbox), reverse=True)
    assert any(item.unread for item in inbox)
    assert any(re.search(r"[\u0590-\u06FF]", item.excerpt) for item in inbox)
    times = [m.created_at for m in db.session.scalars(select(Message).order_by(Message.id))]
    assert times == sorted(times), "ids must follow time"
    assert_counts_exact()


def test_a_bee_sending_too_fast_is_asked_to_slow_down(tmp_path):
    from app.extensions import limiter
    from tests.conftest import make_app, migrate_to_head

    limited = make_app(
        f"sqlite:///{tmp_path / 'limited.db'}",
        tmp_path,
        RATELIMIT_ENABLED=True,
        MESSAGE_RATE_LIMIT="3 per minute",
    )
    try:
        migrate_to_head(limited)
        with limited.app_context():
            me, other = make_bee(), make_bee()
            client = limited.test_client()
            client.post("/login", data={"login": me.handle, "password": "correct horse battery"})
            url = f"/messages/@{other.handle}"
            statuses = [client.post(url, data={"body": f"Hi {n}"}).status_code for n in range(4)]
            assert statuses == [302, 302, 302, 429]
            assert "Please wait a minute" in client.post(url, data={"body": "Hi"}).get_data(as_text=True)
            assert db.session.scalar(select(func.count(Message.id))) == 3
            db.session.remove()
    finally:
        # Flask-Limiter keeps "enabled" on its one instance: every other test's app has it off.
        limiter.enabled = False
