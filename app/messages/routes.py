"""Direct messages: my inbox, a conversation with one bee, and writing to them."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, redirect, render_template, request, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required

from app import policy
from app.errors import ValidationError
from app.extensions import db, limiter
from app.forms import attach_error
from app.messages import services
from app.messages.forms import MessageForm
from app.posts.queries import parse_cursor
from app.profiles.forms import ActionForm
from app.profiles.models import Bee
from app.profiles.services import bee_by_handle

bp = Blueprint("messages", __name__)


@bp.app_context_processor
def _message_helpers():
    return {"can_message": policy.can_message}


@bp.get("/messages")
@login_required
def inbox():
    """My conversations, the most recent first, each with its unread count."""
    page = services.inbox_page(current_user, parse_cursor(request.args.get("before")))
    return render_template("messages/inbox.html", page=page)


@bp.get("/messages/@<handle>")
@login_required
def conversation(handle: str):
    """My conversation with a bee: its latest messages (or earlier ones), and the composer.
    Opening the latest page marks what it shows read."""
    other = bee_by_handle(handle)
    view = services.open_conversation(current_user, other, parse_cursor(request.args.get("before")))
    return render_template("messages/conversation.html", view=view, form=MessageForm())


@bp.get("/messages/live/<int:message_id>")
@login_required
def live_message(message_id: int):
    """One message of my conversation, for a conversation page that was told of it."""
    conversation, message = services.shown_message(current_user, message_id)
    other = db.session.get(Bee, conversation.other_than(current_user.id))
    html = render_template("messages/_live_message.html", message=message, other=other)
    return jsonify(html=html, conversation=conversation.id, message=message.id)


@bp.post("/messages/@<handle>/read")
@login_required
def mark_read(handle: str):
    """Mark my conversation with a bee read up to ``through`` (the newest message my open page
    shows); answers with how many became read."""
    other = bee_by_handle(handle)
    conversation = services.conversation_with(current_user, other)
    if conversation is None or not ActionForm().validate_on_submit():
        abort(400 if conversation else 404)
    through = parse_cursor(request.form.get("through"))
    return jsonify(read=services.mark_read(current_user, conversation, through))


def _message_limit() -> str:
    return current_app.config["MESSAGE_RATE_LIMIT"]


def _sender() -> str:
    return f"bee:{current_user.id}" if current_user.is_authenticated else get_remote_address()


@bp.post("/messages/@<handle>")
@login_required
@limiter.limit(_message_limit, key_func=_sender)
def send(handle: str):
    """Send a message to a bee, then show it in our conversation."""
    other = bee_by_handle(handle)
    form = MessageForm()
    if form.validate_on_submit():
        try:
            message = services.send_message(current_user, other, form.body.data)
        except ValidationError as error:
            attach_error(form, error)
        else:
            return redirect(
                url_for("messages.conversation", handle=other.handle, _anchor=f"message-{message.id}")
            )
    view = services.open_conversation(current_user, other)
    return render_template("messages/conversation.html", view=view, form=form), 422
