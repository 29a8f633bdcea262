"""Direct messages: writing to another bee, reading a conversation, the inbox, what is unread.

Who may write to whom is ``app/policy.py``'s question: never oneself, nobody
across a block either way, and a suspended bee neither sends nor receives. A
conversation is its two bees' alone; anyone else is told it does not exist.
Whoever is blocked or suspended later keeps the conversation to read, but it
cannot go on.

Every change to what a bee has unread moves its participant row and
``Bee.unread_messages`` in one transaction (both bees' rows locked first, in id
order), so the nav badge is always the sum of the inbox's counts.

After the commit, both bees' open pages hear of a new message (its ids only,
through ``app/realtime.py``) and of every change to their badge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import NamedTuple

from flask_babel import gettext as _
from sqlalchemy import bindparam, func, select

from app import policy, realtime
from app.db import MAX_ID, lock_rows, write_transaction
from app.errors import NotFound
from app.extensions import db
from app.markup import plain_excerpt
from app.messages.models import MESSAGE_EXCERPT_MAX, MESSAGE_MAX, Conversation, Message, Participant
from app.notifications.services import move_badge
from app.posts.services import check_body, render_body
from app.profiles.models import Bee
from app.profiles.services import has_blocked, is_blocked_between

MESSAGES_PAGE_SIZE = 50
INBOX_PAGE_SIZE = 30


def _render(body: str) -> tuple[str, str, str]:
    """The trimmed source, its sanitized HTML and its inbox excerpt; or a ValidationError."""
    body = check_body(body, MESSAGE_MAX)
    body_html = render_body(body)
    return body, body_html, plain_excerpt(body_html, MESSAGE_EXCERPT_MAX, prose_only=False)


def may_message(sender: Bee | None, recipient: Bee) -> bool:
    """True when ``sender`` may write to ``recipient`` now."""
    if not policy.is_signed_in(sender):
        return False
    blocked = sender.id != recipient.id and is_blocked_between(sender.id, recipient.id)
    return policy.can_message(sender, recipient, blocked=blocked)


def _refusal(sender: Bee, recipient: Bee) -> str:
    """Why ``sender`` may not write to ``recipient``, in the words a page shows."""
    if sender.is_suspended:
        return _("Your account is suspended.")
    if sender.id == recipient.id:
        return _("You cannot send a message to yourself.")
    if has_blocked(sender.id, recipient.id):
        return _("You blocked this bee. Unblock them to write to them again.")
    if recipient.is_suspended:
        return _("This account is suspended: it cannot receive messages.")
    return _("You cannot send messages to this bee.")


def send_message(sender: Bee, recipient: Bee, body: str) -> Message:
    """Write to ``recipient``: the first message starts the pair's one conversation.

    The message counts as unread for the recipient (their conversation's count
    and their badge go up by one); for the sender, writing marks everything
    before it read.
    """
    body, body_html, excerpt = _render(body)
    sender_id, recipient_id = sender.id, recipient.id
    with write_transaction():
        lock_rows(Bee, [sender_id, recipient_id])
        sender = db.session.get(Bee, sender_id, populate_existing=True)
        recipient = db.session.get(Bee, recipient_id, populate_existing=True)
        allowed = may_message(sender, recipient)
        policy.require(allowed, None if allowed else _refusal(sender, recipient))
        conversation = _conversation_of_pair(sender_id, recipient_id)
        if conversation is None:
            low, high = Conversation.pair(sender_id, recipient_id)
            conversation = Conversation(low_bee_id=low, high_bee_id=high)
            db.session.add(conversation)
            db.session.flush()
        message = Message(
            conversation_id=conversation.id,
            sender_id=sender_id,
            body_source=body,
            body_html=body_html,
            excerpt=excerpt,
        )
        db.session.add(message)
        db.session.flush()
        _read_by_sender(conversation.id, sender_id, recipient_id, message.id)
        _unread_by_recipient(conversation.id, recipient_id, sender_id, message.id)
        realtime.message_sent(conversation.id, message.id, sender_id, recipient_id)
    return message


def _read_by_sender(conversation_id: int, sender_id: int, recipient_id: int, message_id: int) -> None:
    mine = db.session.get(Participant, (conversation_id, sender_id), populate_existing=True)
    if mine is None:
        db.session.add(
            Participant(
                conversation_id=conversation_id,
                bee_id=sender_id,
                other_bee_id=recipient_id,
                last_message_id=message_id,
                read_message_id=message_id,
                unread_count=0,
            )
        )
        return
    _move_badge(sender_id, -mine.unread_count)
    mine.last_message_id = mine.read_message_id = message_id
    mine.unread_count = 0


def _unread_by_recipient(conversation_id: int, recipient_id: int, sender_id: int, message_id: int) -> None:
    theirs = db.session.get(Participant, (conversation_id, recipient_id), populate_existing=True)
    if theirs is None:
        db.session.add(
            Participant(
                conversation_id=conversation_id,
                bee_id=recipient_id,
                other_bee_id=sender_id,
                last_message_id=message_id,
                read_message_id=0,
                unread_count=1,
            )
        )
    else:
        theirs.last_message_id = message_id
        theirs.unread_count += 1
    _move_badge(recipient_id, +1)


def _move_badge(bee_id: int, change: int) -> None:
    """Add ``change`` to a bee's unread-messages badge, inside the caller's transaction."""
    move_badge(bee_id, Bee.unread_messages, change)


def conversation_with(bee: Bee, other: Bee) -> Conversation | None:
    """The conversation between ``bee`` and ``other``, or None while neither has written."""
    return _conversation_of_pair(bee.id, other.id)


def _conversation_of_pair(bee_id: int, other_id: int) -> Conversation | None:
    low, high = Conversation.pair(bee_id, other_id)
    return db.session.scalar(_pair_statement(), {"low": low, "high": high})


@cache
def _pair_statement():
    return select(Conversation).where(
        Conversation.low_bee_id == bindparam("low"), Conversation.high_bee_id == bindparam("high")
    )


def conversation_by_id(reader: Bee, conversation_id: int) -> Conversation:
    """A conversation ``reader`` is one of the two bees of; else :class:`NotFound`."""
    conversation = db.session.get(Conversation, conversation_id) if 0 < conversation_id <= MAX_ID else None
    return _readable(reader, conversation)


def _readable(reader: Bee | None, conversation: Conversation | None) -> Conversation:
    if conversation is None or not policy.can_read_conversation(reader, conversation):
        raise NotFound(_("That conversation does not exist."))
    return conversation


class ShownMessage(NamedTuple):
    """What a conversation's page shows of a message (plain values: a later commit, such as
    marking the page read, leaves them as they were)."""

    id: int
    sender_id: int
    body_html: str
    created_at: datetime


@dataclass(frozen=True)
class MessagesPage:
    """Messages of a conversation, oldest first, and the cursor of the page before them."""

    messages: list[ShownMessage]
    earlier: int | None


def shown_message(reader: Bee, message_id: int) -> tuple[Conversation, ShownMessage]:
    """One message of a conversation ``reader`` is in (for a live page), or :class:`NotFound`."""
    message = db.session.get(Message, message_id) if 0 < message_id <= MAX_ID else None
    if message is None:
        raise NotFound(_("That conversation does not exist."))
    conversation = _readable(reader, db.session.get(Conversation, message.conversation_id))
    return conversation, ShownMessage(message.id, message.sender_id, message.body_html, message.created_at)


def messages_page(
    reader: Bee, conversation: Conversation, before: int | None = None, limit: int = MESSAGES_PAGE_SIZE
) -> MessagesPage:
    """The newest ``limit`` messages older than ``before`` (all: the latest), shown oldest
    first, as a conversation reads; ``earlier`` pages further back."""
    _readable(reader, conversation)
    params = {
        "conversation_id": conversation.id,
        "at_most": before - 1 if before else MAX_ID,
        "limit": limit + 1,
    }
    rows = db.session.execute(_messages_statement(), params).all()
    page = [ShownMessage(*row) for row in rows[:limit]]
    earlier = page[-1].id if len(rows) > limit else None
    page.reverse()
    return MessagesPage(page, earlier)


@cache
def _messages_statement():
    return (
        select(Message.id, Message.sender_id, Message.body_html, Message.created_at)
        .where(Message.conversation_id == bindparam("conversation_id"), Message.id <= bindparam("at_most"))
        .order_by(Message.id.desc())
        .limit(bindparam("limit"))
    )


def mark_read(reader: Bee, conversation: Conversation, through: int | None = None) -> int:
    """Mark the conversation read up to message ``through`` (None: all of it) and take exactly
    that many off the reader's badge; return how many messages became read. Nothing is
    written when nothing was unread."""
    _readable(reader, conversation)
    reader_id = reader.id
    mine = db.session.get(Participant, (conversation.id, reader_id))
    if mine is None or not mine.unread_count:
        return 0
    with write_transaction():
        lock_rows(Bee, [reader_id])
        mine = db.session.get(Participant, (conversation.id, reader_id), populate_existing=True)
        read_to = mine.last_message_id if through is None else min(through, mine.last_message_id)
        if not mine.unread_count or read_to <= mine.read_message_id:
            return 0
        remaining = 0
        if read_to < mine.last_message_id:
            remaining = db.session.scalar(
                _unread_after_statement(),
                {"conversation_id": conversation.id, "reader_id": reader_id, "after": read_to},
            )
        newly_read = mine.unread_count - remaining
        mine.read_message_id, mine.unread_count = read_to, remaining
        _move_badge(reader_id, -newly_read)
    return newly_read


@cache
def _unread_after_statement():
    return select(func.count(Message.id)).where(
        Message.conversation_id == bindparam("conversation_id"),
        Message.id > bindparam("after"),
        Message.sender_id != bindparam("reader_id"),
    )


def unread_in(reader: Bee, conversation: Conversation) -> int:
    """How many of the other bee's messages ``reader`` has not read in this conversation."""
    mine = db.session.get(Participant, (conversation.id, reader.id))
    return mine.unread_count if mine else 0


@dataclass(frozen=True)
class ConversationView:
    """What a conversation's page shows: the other bee, a page of messages (``latest``: the
    newest ones), where the reader's unread ones began, and whether (or why not) the reader
    may write."""

    other: Bee
    conversation: Conversation | None
    messages: list[ShownMessage]
    earlier: int | None
    latest: bool
    read_up_to: int
    may_send: bool
    refusal: str | None


def open_conversation(reader: Bee, other: Bee, before: int | None = None) -> ConversationView:
    """Read my conversation with ``other`` (a page of it) and, on its latest page, mark what it
    shows read. With no conversation yet, only a bee I may write to has a page to open."""
    may_send = may_message(reader, other)
    why_not = None if may_send else _refusal(reader, other)
    conversation = conversation_with(reader, other)
    if conversation is None:
        policy.require(may_send, why_not)
        return ConversationView(other, None, [], None, True, 0, True, None)
    page = messages_page(reader, conversation, before)
    mine = db.session.get(Participant, (conversation.id, reader.id))
    read_up_to = mine.read_message_id if mine else 0
    if before is None and page.messages:
        mark_read(reader, conversation, through=page.messages[-1].id)
    return ConversationView(
        other, conversation, page.messages, page.earlier, before is None, read_up_to, may_send, why_not
    )


@dataclass(frozen=True)
class InboxItem:
    """One conversation in the inbox: with whom, its newest message, my unread count."""

    conversation_id: int
    other: Bee
    last_message_id: int
    last_sender_id: int
    excerpt: str
    last_at: datetime
    unread: int


@dataclass(frozen=True)
class InboxPage:
    """A page of conversations, newest activity first, and the cursor of the next page."""

    items: list[InboxItem]
    next_cursor: int | None


def inbox_page(bee: Bee, before: int | None = None, limit: int = INBOX_PAGE_SIZE) -> InboxPage:
    """My conversations, the one with the newest message first, keyset-paged on that message's
    id (each conversation's newest message is its own, so no two share a cursor)."""
    params = {"bee_id": bee.id, "at_most": before - 1 if before else MAX_ID, "limit": limit + 1}
    rows = db.session.execute(_inbox_statement(), params).all()
    items = [InboxItem(*row) for row in rows[:limit]]
    return InboxPage(items, items[-1].last_message_id if len(rows) > limit else None)


@cache
def _inbox_statement():
    return (
        select(
            Participant.conversation_id,
            Bee,
            Participant.last_message_id,
            Message.sender_id,
            Message.excerpt,
            Message.created_at,
            Participant.unread_count,
        )
        .join(Bee, Bee.id == Participant.other_bee_id)
        .join(Message, Message.id == Participant.last_message_id)
        .where(Participant.bee_id == bindparam("bee_id"), Participant.last_message_id <= bindparam("at_most"))
        .order_by(Participant.last_message_id.desc())
        .limit(bindparam("limit"))
    )
