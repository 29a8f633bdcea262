"""The forms of account deletion: the password again, then the handle typed to confirm."""

from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, StringField, SubmitField

from app.forms import Form


class ReauthenticateForm(Form):
    """The bee's password, entered again before a grave step."""

    password = PasswordField(_l("Your password"))
    submit = SubmitField(_l("Confirm my password"))


class DeleteAccountForm(Form):
    """The bee's handle, typed to say they mean it."""

    handle = StringField(_l("Type your handle to confirm"))
    submit = SubmitField(_l("Delete my account for good"))
