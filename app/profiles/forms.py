"""Profile forms."""

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice

from app.forms import Form
from app.i18n import LANGUAGES


class ProfileForm(Form):
    """A bee's display name and headline."""

    display_name = StringField(_l("Display name"))
    headline = StringField(
        _l("Headline"), description=_l("One line about your work and passions, up to 120 characters")
    )
    language = SelectField(
        _l("Interface language"),
        choices=[
            SelectChoice("", _l("The language of my browser")),
            *(SelectChoice(code, name, render_kw={"lang": code}) for code, name in LANGUAGES.items()),
        ],
        validate_choice=False,  # the service checks it, with the same message as the picker
    )
    submit = SubmitField(_l("Save profile"))


class ActionForm(Form):
    """A one-button POST (follow, unfollow, join, leave, delete) with its CSRF token."""

    submit = SubmitField()
