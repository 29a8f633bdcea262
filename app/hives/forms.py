"""Hive forms."""

from flask_babel import lazy_gettext as _l
from wtforms import StringField, SubmitField, TextAreaField

from app.forms import Form


class HiveForm(Form):
    """Name, description and topic tags of a new hive."""

    name = StringField(_l("Name"), description=_l("For example: Trail Running, Arabic Calligraphy"))
    description = TextAreaField(_l("Description"), description=_l("What the hive is about and who it is for"))
    tags = StringField(_l("Topic tags"), description=_l("Up to 8 words, separated by commas or spaces"))
    submit = SubmitField(_l("Create hive"))
