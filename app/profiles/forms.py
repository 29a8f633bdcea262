"""Profile forms."""

from flask_babel import lazy_gettext as _l
from wtforms import StringField, SubmitField

from app.forms import Form


class ProfileForm(Form):
    """A bee's display name and headline."""

    display_name = StringField(_l("Display name"))
    headline = StringField(
        _l("Headline"), description=_l("One line about your work and passions, up to 120 characters")
    )
    submit = SubmitField(_l("Save profile"))


class ActionForm(Form):
    """A one-button POST (follow, unfollow, join, leave, delete) with its CSRF token."""

    submit = SubmitField()
