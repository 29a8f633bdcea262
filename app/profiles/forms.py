"""Profile forms: the personal brand, and one form per list of the professional record."""

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice

from app.forms import Form
from app.i18n import LANGUAGES
from app.profiles import record
from app.profiles.data import FLUENCY, SEPARATORS, Language, ProfileData
from app.profiles.models import SKILL_LEVELS

_MONTH = {"type": "month", "placeholder": "2021-09", "dir": "ltr"}
_URL = {"type": "url", "placeholder": "https://", "dir": "ltr", "inputmode": "url"}


class ProfileForm(Form):
    """The personal brand: who I am and what drives me, and who may see that I am open."""

    display_name = StringField(_l("Display name"))
    headline = StringField(
        _l("Headline"), description=_l("One line about your work and passions, up to 120 characters")
    )
    statement = TextAreaField(
        _l("Brand statement"),
        description=_l("What drives you, in your own words. Markdown works: **bold**, lists, links."),
    )
    location = StringField(_l("Location"), description=_l("A city or region, as you would say it"))
    interests = StringField(_l("Interests"), description=_l("Separate them with commas"))
    hobbies = StringField(_l("Hobbies"), description=_l("Separate them with commas"))
    causes = StringField(_l("Causes you support"), description=_l("Separate them with commas"))
    languages = StringField(
        _l("Languages"), description=_l("With how well you speak them: Arabic (native), English (C1)")
    )
    open_to_work = BooleanField(_l("I am open to work"))
    open_to_freelance = BooleanField(_l("I am open to freelance work"))
    language = SelectField(
        _l("Interface language"),
        choices=[
            SelectChoice("", _l("The language of my browser")),
            *(SelectChoice(code, name, render_kw={"lang": code}) for code, name in LANGUAGES.items()),
        ],
        validate_choice=False,  # the service checks it, with the same message as the picker
    )
    submit = SubmitField(_l("Save profile"))


class PositionForm(Form):
    """A job in the work history."""

    title = StringField(_l("Job title"))
    organization = StringField(_l("Organization"))
    location = StringField(_l("Location"))
    start_on = StringField(_l("Started"), render_kw=_MONTH, description=_l("Year and month"))
    end_on = StringField(_l("Ended"), render_kw=_MONTH, description=_l("Leave empty if you work here now"))
    description = TextAreaField(_l("What you did"))
    submit = SubmitField(_l("Save"))


class EducationForm(Form):
    """A school or course."""

    institution = StringField(_l("School or institution"))
    degree = StringField(_l("Degree or certificate"))
    area = StringField(_l("Field of study"))
    start_on = StringField(_l("Started"), render_kw=_MONTH, description=_l("Year and month, if you like"))
    end_on = StringField(_l("Ended"), render_kw=_MONTH, description=_l("Leave empty if you study there now"))
    description = TextAreaField(_l("Notes"))
    submit = SubmitField(_l("Save"))


def _levels():
    names = {
        "beginner": _l("Beginner"),
        "intermediate": _l("Intermediate"),
        "advanced": _l("Advanced"),
        "expert": _l("Expert"),
    }
    return [
        SelectChoice("", _l("No level given")),
        *(SelectChoice(level, names[level]) for level in SKILL_LEVELS),
    ]


class SkillForm(Form):
    """A skill, with optional years or level."""

    name = StringField(_l("Skill"))
    years = StringField(_l("Years of practice"), render_kw={"inputmode": "numeric", "dir": "ltr"})
    level = SelectField(_l("Level"), choices=_levels(), validate_choice=False)
    submit = SubmitField(_l("Save"))


class CertificationForm(Form):
    """A certificate."""

    name = StringField(_l("Certificate"))
    issuer = StringField(_l("Issued by"))
    issued_on = StringField(_l("Issued"), render_kw=_MONTH, description=_l("Year and month"))
    url = StringField(_l("Where to check it"), render_kw=_URL)
    submit = SubmitField(_l("Save"))


class SampleForm(Form):
    """A work sample."""

    title = StringField(_l("Title"))
    url = StringField(_l("Address"), render_kw=_URL)
    description = TextAreaField(_l("About this work"))
    submit = SubmitField(_l("Save"))


class LinkForm(Form):
    """A link on the profile."""

    label = StringField(_l("Label"), description=_l("The site's name when empty"))
    url = StringField(_l("Address"), render_kw=_URL)
    submit = SubmitField(_l("Save"))


SECTION_FORMS = {
    "positions": PositionForm,
    "education": EducationForm,
    "skills": SkillForm,
    "certifications": CertificationForm,
    "samples": SampleForm,
    "links": LinkForm,
}


def section_titles() -> dict:
    """Each list's heading, in the bee's language."""
    return {
        "positions": _l("Work history"),
        "education": _l("Education"),
        "skills": _l("Skills"),
        "certifications": _l("Certifications"),
        "samples": _l("Work samples"),
        "links": _l("Links"),
    }


def entry_values(form: Form) -> dict:
    """What a section form carries, by the names the record's checks take."""
    return {name: field.data for name, field in form._fields.items() if name not in ("csrf_token", "submit")}


class ActionForm(Form):
    """A one-button POST (follow, unfollow, join, leave, delete) with its CSRF token."""

    submit = SubmitField()


class AccountKindForm(Form):
    """A site admin's choice of what an account is for."""

    kind = SelectField(
        _l("Account"),
        choices=[
            SelectChoice("bee", _l("Bee")),
            SelectChoice("recruiter", _l("Recruiter")),
            SelectChoice("editor", _l("Editor")),
        ],
        validate_choice=False,  # the service checks it
    )
    submit = SubmitField(_l("Save"))


class ImportForm(Form):
    """Apply a previewed import: the sealed token the preview carries."""

    token = HiddenField()
    submit = SubmitField(_l("Replace these parts of my profile"))


class MoveForm(Form):
    """Move an entry up or down its list."""

    direction = StringField()


# The brand form lists tags and languages as typed text: "Maps, Open data", "Arabic (native)".


def split_tags(typed: str) -> list[str]:
    """Comma-separated words as typed in a form, Arabic and Urdu commas included."""
    return [part for part in SEPARATORS.split(typed or "") if part.strip()]


def split_languages(typed: str) -> list[Language]:
    """ "Arabic (native), English (C1)" as typed in a form."""
    languages = []
    for part in split_tags(typed):
        match = FLUENCY.fullmatch(part.strip())
        languages.append(Language(match[1], match[2]) if match else Language(part))
    return languages


def join_languages(languages: Iterable[Language]) -> str:
    """The form's text for languages: the reverse of :func:`split_languages`."""
    return ", ".join(f"{lang.name} ({lang.fluency})" if lang.fluency else lang.name for lang in languages)


def brand_form_values(bee) -> dict:
    """The brand form as the bee's profile fills it."""
    data = record.snapshot(bee)
    return {
        "display_name": data.display_name,
        "headline": data.headline,
        "statement": data.statement,
        "location": data.location,
        "interests": ", ".join(data.interests),
        "hobbies": ", ".join(data.hobbies),
        "causes": ", ".join(data.causes),
        "languages": join_languages(data.languages),
        "open_to_work": bee.open_to_work,
        "open_to_freelance": bee.open_to_freelance,
        "language": bee.language or "",
    }


def brand_of(form: ProfileForm) -> ProfileData:
    """The brand the form carries, as plain values for the service to check."""
    return ProfileData(
        display_name=form.display_name.data,
        headline=form.headline.data,
        statement=form.statement.data,
        location=form.location.data,
        interests=tuple(split_tags(form.interests.data)),
        hobbies=tuple(split_tags(form.hobbies.data)),
        causes=tuple(split_tags(form.causes.data)),
        languages=tuple(split_languages(form.languages.data)),
    )
