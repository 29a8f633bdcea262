"""The forms of opportunities: posting one, answering one, moving an answer."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, RadioField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice

from app.forms import Form
from app.opportunities.models import OpportunityKind
from app.opportunities.pitches import PitchData
from app.opportunities.services import OpportunityData
from app.posts.forms import CheckboxesField
from app.profiles.forms import split_tags


class OpportunityForm(Form):
    """What is offered, what it needs, where, until when, and the hives to tell."""

    kind = RadioField(
        _l("Kind"),
        choices=[
            SelectChoice(OpportunityKind.JOB, _l("Job")),
            SelectChoice(OpportunityKind.FREELANCE, _l("Freelance gig")),
            SelectChoice(OpportunityKind.STORY_CALL, _l("Story call — bees pitch ideas")),
        ],
        default=OpportunityKind.JOB,
        validate_choice=False,  # the service refuses unknown kinds
    )
    title = StringField(_l("Title"))
    description = TextAreaField(_l("Description"), description=_l("Markdown works here."))
    skills = StringField(_l("Skills it needs"), description=_l("Separate them with commas"))
    topics = StringField(_l("Topics"), description=_l("Interests it is about, separated by commas"))
    location = StringField(_l("Location"))
    remote = BooleanField(_l("Remote is fine"))
    compensation = StringField(_l("Compensation (optional)"), description=_l("For example: €400 per story"))
    deadline = StringField(
        _l("Deadline (optional)"),
        description=_l("The last day answers are taken"),
        render_kw={"type": "date", "dir": "ltr"},
    )
    hives = CheckboxesField(
        _l("Also post it to these hives"),
        description=_l("Every member of each hive receives it, as with any post."),
        coerce=int,
        validate_choice=False,
    )
    submit = SubmitField(_l("Post the opportunity"))

    def draft(self) -> OpportunityData | None:
        """The form as a draft, or None when the deadline is not a date (its error attached)."""
        deadline = None
        text = (self.deadline.data or "").strip()
        if text:
            try:
                deadline = date.fromisoformat(text)
            except ValueError:
                self.deadline.errors = [*self.deadline.errors, _l("Enter the date as year-month-day.")]
                return None
        return OpportunityData(
            kind=self.kind.data or "",
            title=self.title.data or "",
            description=self.description.data or "",
            skills=tuple(split_tags(self.skills.data)),
            topics=tuple(split_tags(self.topics.data)),
            location=self.location.data or "",
            remote=bool(self.remote.data),
            compensation=self.compensation.data or "",
            deadline=deadline,
            hive_ids=tuple(self.hives.data or ()),
        )


class PitchForm(Form):
    """A pitch (an idea and a summary) or an application (a message and work samples)."""

    idea = StringField(_l("Your idea, in a line"))
    body = TextAreaField(_l("Your message"), description=_l("Markdown works here."))
    samples = CheckboxesField(_l("Work samples to show"), coerce=int, validate_choice=False)
    submit = SubmitField(_l("Send"))

    def draft(self) -> PitchData:
        """The form as an answer; the service checks it."""
        return PitchData(
            body=self.body.data or "",
            idea=self.idea.data or "",
            sample_ids=tuple(self.samples.data or ()),
        )


class MoveForm(Form):
    """Move an answer to another step of the pipeline."""

    state = HiddenField()
