"""Which kinds of notice a bee receives."""

from flask_babel import lazy_gettext as _l
from wtforms import SubmitField
from wtforms.fields.choices import SelectChoice

from app.forms import Form
from app.posts.forms import CheckboxesField

# The words for each kind a bee may turn off (keys of ``models.PREFERENCES``).
PREFERENCE_LABELS = {
    "followed": _l("Someone follows me"),
    "commented": _l("Someone comments on my post"),
    "replied": _l("Someone replies to my comment"),
    "relevant": _l("Someone marks my post Relevant"),
    "shared": _l("Someone shares my post"),
    "mentioned": _l("Someone mentions me"),
    "join_requested": _l("A bee asks to join a hive I moderate"),
    "join_answered": _l("My request to join a hive is answered"),
    "pitches": _l("A bee answers or withdraws from an opportunity I posted"),
    "search_matched": _l("New bees match a talent search I saved"),
}


class PreferencesForm(Form):
    """Check the kinds to receive; unchecked ones are not written at all."""

    kinds = CheckboxesField(
        _l("Tell me when"),
        choices=[SelectChoice(name, label) for name, label in PREFERENCE_LABELS.items()],
        validate_choice=False,  # the service refuses unknown kinds, with its own words
    )
    submit = SubmitField(_l("Save notice settings"))
