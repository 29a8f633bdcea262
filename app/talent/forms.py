"""The talent search form: read from the page's address (GET), so a search can be shared."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice

from app.forms import Form
from app.profiles.forms import split_tags
from app.talent.search import TalentQuery


class TalentSearchForm(Form):
    """Words, then what to share with the bees found, then what they must be."""

    class Meta:
        csrf = False  # a search changes nothing: it is a GET anyone can bookmark

    q = StringField(_l("Words"), description=_l("In a bee's name, handle or headline"))
    skills = StringField(_l("Skills"), description=_l("Separate them with commas"))
    interests = StringField(_l("Interests and hobbies"), description=_l("Separate them with commas"))
    hives = StringField(_l("Hives"), description=_l("Hive names, separated by commas"))
    location = StringField(_l("Location"))
    languages = StringField(_l("Speaks"), description=_l("Languages, separated by commas: all of them"))
    years = StringField(_l("Years of experience, at least"), render_kw={"inputmode": "numeric", "dir": "ltr"})
    open_to = SelectField(
        _l("Open to"),
        choices=[
            SelectChoice("", _l("Anyone")),
            SelectChoice("work", _l("Open to work")),
            SelectChoice("freelance", _l("Open to freelance work")),
        ],
        validate_choice=False,  # the service checks it
    )
    submit = SubmitField(_l("Search talent"))

    def query(self) -> TalentQuery:
        """The form as a query; the service checks it."""
        years = (self.years.data or "").strip()
        return TalentQuery(
            words=self.q.data or "",
            skills=tuple(split_tags(self.skills.data)),
            interests=tuple(split_tags(self.interests.data)),
            hives=tuple(split_tags(self.hives.data)),
            location=self.location.data or "",
            languages=tuple(split_tags(self.languages.data)),
            open_to=self.open_to.data or "",
            min_years=int(years)
            if years.isascii() and years.isdigit() and len(years) <= 3
            else (-1 if years else None),
        )


class DismissForm(Form):
    """Set a suggested bee or hive aside: what it is and its id."""

    kind = HiddenField()
    target = HiddenField()
    submit = SubmitField(_l("Not interested"))


class SaveSearchForm(Form):
    """Keep the search on the talent page under a name; its query string rides along."""

    name = StringField(_l("Name"), description=_l("So you know it again, e.g. “Data journalists in Amman”"))
    query = HiddenField()
    submit = SubmitField(_l("Save this search"))


class DeleteSavedForm(Form):
    """Confirm deleting a saved search (the CSRF token is all it carries)."""

    submit = SubmitField(_l("Delete"))
