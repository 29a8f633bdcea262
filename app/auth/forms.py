"""Sign-up and log-in forms: they parse input; the services own the rules."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, RadioField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice

from app.forms import Form


class SignUpForm(Form):
    """Email, handle, display name and password."""

    email = EmailField(_l("Email"))
    handle = StringField(_l("Handle"), description=_l("3–30 characters: a–z, 0–9 and _"))
    display_name = StringField(_l("Display name"))
    password = PasswordField(_l("Password"), description=_l("At least 12 characters"))
    account_kind = RadioField(
        _l("I am here"),
        choices=[
            SelectChoice("bee", _l("as a bee: to meet people through what I love and what I do")),
            SelectChoice("recruiter", _l("as a recruiter: to find people for jobs")),
            SelectChoice("editor", _l("as an editor: to find writers and ideas for stories")),
        ],
        default="bee",
        validate_choice=False,  # the service checks it
        description=_l(
            "Recruiters and editors also search talent and see who is open to work. "
            "Your profile shows which you chose."
        ),
    )
    submit = SubmitField(_l("Create account"))


class LogInForm(Form):
    """Email or handle, password, and "remember me"."""

    login = StringField(_l("Email or handle"))
    password = PasswordField(_l("Password"))
    remember = BooleanField(_l("Remember me"))
    submit = SubmitField(_l("Log in"))


class LogOutForm(Form):
    """An empty form: logging out is a POST with a CSRF token."""

    submit = SubmitField(_l("Log out"))
