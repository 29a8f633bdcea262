"""The message composer."""

from flask_babel import lazy_gettext as _l
from wtforms import SubmitField, TextAreaField

from app.forms import Form


class MessageForm(Form):
    """A direct message's text (Markdown); the service checks it."""

    body = TextAreaField(_l("Your message"), description=_l("Markdown works here too."))
    submit = SubmitField(_l("Send"))
